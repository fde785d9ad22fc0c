// The ResNet block's bias + skip connection: the reference is the unfused op order, the dispatching
// function falls back to it on the CPU bit for bit, and bad shapes are refused.
#include <QtTest>

#include <torch/torch.h>

#include "engine/error.h"
#include "engine/kernels/bias_residual.h"

using namespace gesso::kernels;

class TestBiasResidual : public QObject {
  Q_OBJECT

 private slots:
  void referenceIsTheUnfusedOpOrder() {
    torch::manual_seed(1);
    const auto x = torch::randn({2, 6, 5, 7}), w = torch::randn({6, 6, 3, 3}), b = torch::randn({6});
    const auto r = torch::randn({2, 6, 5, 7});
    const auto unfused = at::conv2d(x, w, b, 1, 1) + r;
    // The convolution without its bias, then bias and residual: the bias lands after the sum of
    // products either way, so float32 agrees to rounding.
    const auto fused = add_bias_residual_reference_(at::conv2d(x, w, {}, 1, 1), b, r);
    QVERIFY(torch::allclose(fused, unfused, 1e-5, 1e-5));
    QVERIFY(!torch::equal(fused, r));
  }

  void cpuFallsBackToTheReferenceBitForBit() {
    torch::manual_seed(2);
    for (const auto format : {at::MemoryFormat::Contiguous, at::MemoryFormat::ChannelsLast}) {
      const auto h = torch::randn({2, 16, 4, 3}).contiguous(format), r = torch::randn({2, 16, 4, 3}).contiguous(format);
      const auto b = torch::randn({16});
      QVERIFY(!add_bias_residual_has_kernel(h, r));
      const auto fused = add_bias_residual_(h.clone(), b, r);
      QVERIFY(torch::equal(fused, add_bias_residual_reference_(h.clone(), b, r)));
      QVERIFY(torch::allclose(fused, h + b.view({1, -1, 1, 1}) + r, 1e-6, 1e-6));
    }
  }

  void inPlaceOnTheOutput() {
    auto h = torch::zeros({1, 2, 2, 2});
    const auto out = add_bias_residual_(h, torch::tensor({1.0f, 2.0f}), torch::ones({1, 2, 2, 2}));
    QCOMPARE(out.data_ptr(), h.data_ptr());
    QCOMPARE(h[0][1][1][1].item<float>(), 3.0f);
  }

  void badShapesAreRefused() {
    const auto h = torch::zeros({1, 4, 2, 2});
    QVERIFY_THROWS_EXCEPTION(gesso::Error, add_bias_residual_(h.clone(), torch::zeros({3}), h));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, add_bias_residual_(h.clone(), torch::zeros({4}), torch::zeros({1, 4, 2, 3})));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, add_bias_residual_(torch::zeros({4, 4}), torch::zeros({4}), torch::zeros({4, 4})));
  }

  void selfCheckIsEmptyWithoutAGpu() {
    if (torch::cuda::is_available()) QSKIP("a GPU is present: gesso-bench --check-kernels covers it");
    QVERIFY(check_add_bias_residual_kernel().empty());
  }
};

QTEST_GUILESS_MAIN(TestBiasResidual)
#include "test_bias_residual.moc"
