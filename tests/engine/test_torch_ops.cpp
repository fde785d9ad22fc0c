// Proves the LibTorch wiring: tensors, autograd-free inference ops and the build info.
#include <QtTest>

#include <torch/torch.h>

#include "engine/runtime/device.h"
#include "engine/version.h"

class TestTorchOps : public QObject {
  Q_OBJECT

 private slots:
  void matmulGivesKnownProduct() {
    const auto a = torch::tensor({{1.0f, 2.0f}, {3.0f, 4.0f}});
    const auto b = torch::tensor({{5.0f, 6.0f}, {7.0f, 8.0f}});
    const auto c = torch::matmul(a, b);
    QVERIFY(torch::equal(c, torch::tensor({{19.0f, 22.0f}, {43.0f, 50.0f}})));
  }

  void conv2dMatchesHandSum() {
    c10::InferenceMode guard;
    const auto x = torch::arange(16, torch::kFloat).reshape({1, 1, 4, 4});
    const auto w = torch::ones({1, 1, 3, 3});
    const auto y = torch::conv2d(x, w);
    // Top-left 3x3 window of 0..15 laid out row-major: 0+1+2+4+5+6+8+9+10 = 45.
    QCOMPARE(y.sizes().vec(), (std::vector<int64_t>{1, 1, 2, 2}));
    QCOMPARE(y[0][0][0][0].item<float>(), 45.0f);
    QCOMPARE(y[0][0][1][1].item<float>(), 45.0f + 5 * 9);
  }

  void seededRandnIsReproducible() {
    torch::manual_seed(1234);
    const auto a = torch::randn({8});
    torch::manual_seed(1234);
    const auto b = torch::randn({8});
    QVERIFY(torch::equal(a, b));
  }

  void buildInfoNamesVersionsAndDevice() {
    const auto info = gesso::build_info();
    QVERIFY(info.torch_version.rfind("2.11", 0) == 0);
    QVERIFY(!info.gesso_version.empty());
    QCOMPARE(info.cuda_available, gesso::runtime::cuda_available());
    QCOMPARE(info.device_name == "CPU", !info.cuda_available);
    const auto text = gesso::version_text("gesso-cli");
    QVERIFY(text.find("LibTorch 2.11") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestTorchOps)
#include "test_torch_ops.moc"
