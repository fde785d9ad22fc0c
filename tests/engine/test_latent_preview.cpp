// The latent preview: the ATen reference against an explicit per-pixel loop, the dispatching entry
// point against the reference, and (on a CUDA machine) the kernel against the reference.
#include <QtTest>

#include <torch/torch.h>

#include <cmath>

#include "engine/error.h"
#include "engine/kernels/latent_preview.h"
#include "engine/runtime/device.h"

namespace {

// Straight from the definition in latent_preview.h, in double precision.
torch::Tensor per_pixel_loop(const torch::Tensor& lat, const torch::Tensor& f, const torch::Tensor& b) {
  const auto l = lat.to(torch::kDouble).contiguous();
  const auto fa = f.to(torch::kDouble).contiguous();
  const auto ba = b.to(torch::kDouble).contiguous();
  const int64_t B = l.size(0), C = l.size(1), H = l.size(2), W = l.size(3);
  auto out = torch::empty({B, H, W, 3}, torch::kUInt8);
  auto la = l.accessor<double, 4>();
  auto fc = fa.accessor<double, 2>();
  auto bc = ba.accessor<double, 1>();
  auto oa = out.accessor<uint8_t, 4>();
  for (int64_t n = 0; n < B; ++n)
    for (int64_t y = 0; y < H; ++y)
      for (int64_t x = 0; x < W; ++x)
        for (int k = 0; k < 3; ++k) {
          double v = bc[k];
          for (int64_t c = 0; c < C; ++c) v += la[n][c][y][x] * fc[c][k];
          oa[n][y][x][k] = static_cast<uint8_t>(std::clamp(std::nearbyint((v + 1.0) * 127.5), 0.0, 255.0));
        }
  return out;
}

int max_abs_diff(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kInt) - b.to(torch::kInt)).abs().max().item<int>();
}

}  // namespace

class TestLatentPreview : public QObject {
  Q_OBJECT

 private slots:
  void referenceMatchesPerPixelLoop() {
    torch::manual_seed(7);
    const auto lat = torch::randn({2, 4, 9, 13}) * 1.5;
    const auto f = gesso::kernels::sd_latent_rgb_factors();
    const auto b = torch::tensor({0.05f, -0.02f, 0.01f});
    const auto ref = gesso::kernels::latent_to_rgb_reference(lat, f, b);
    QCOMPARE(ref.sizes().vec(), (std::vector<int64_t>{2, 9, 13, 3}));
    QCOMPARE(ref.scalar_type(), torch::kUInt8);
    // Rounding at exact .5 boundaries may differ by one level between float and double.
    QVERIFY(max_abs_diff(ref, per_pixel_loop(lat, f, b)) <= 1);
    // Saturation is exercised: values that far out of range must clamp, not wrap.
    QVERIFY(ref.max().item<int>() == 255 && ref.min().item<int>() == 0);
  }

  void dispatchOnCpuIsTheReference() {
    torch::manual_seed(3);
    const auto lat = torch::randn({1, 4, 8, 8});
    const auto f = gesso::kernels::sd_latent_rgb_factors();
    const auto b = torch::zeros({3});
    QVERIFY(torch::equal(gesso::kernels::latent_to_rgb(lat, f, b),
                         gesso::kernels::latent_to_rgb_reference(lat, f, b)));
  }

  void badShapesAreClearErrors() {
    const auto f = gesso::kernels::sd_latent_rgb_factors();
    const auto b = torch::zeros({3});
    QVERIFY_THROWS_EXCEPTION(gesso::Error, gesso::kernels::latent_to_rgb(torch::zeros({4, 8, 8}), f, b));
    QVERIFY_THROWS_EXCEPTION(gesso::Error,
                             gesso::kernels::latent_to_rgb(torch::zeros({1, 3, 8, 8}), f, b));
  }

  void cudaKernelMatchesReference_data() {
    QTest::addColumn<int>("dtype");
    QTest::newRow("float32") << static_cast<int>(torch::kFloat);
    QTest::newRow("float16") << static_cast<int>(torch::kHalf);
    QTest::newRow("bfloat16") << static_cast<int>(torch::kBFloat16);
  }

  void cudaKernelMatchesReference() {
    if (!gesso::runtime::cuda_available()) QSKIP("no CUDA device on this machine");
    QFETCH(int, dtype);
    torch::manual_seed(11);
    const auto lat = torch::randn({3, 4, 37, 53}).to(static_cast<torch::ScalarType>(dtype));
    const auto f = gesso::kernels::sd_latent_rgb_factors();
    const auto b = torch::tensor({0.1f, 0.0f, -0.1f});
    const auto gpu = gesso::kernels::latent_to_rgb(lat.cuda(), f, b).cpu();
    const auto ref = gesso::kernels::latent_to_rgb_reference(lat, f, b);
    QVERIFY(max_abs_diff(gpu, ref) <= 1);
  }
};

QTEST_GUILESS_MAIN(TestLatentPreview)
#include "test_latent_preview.moc"
