// Nearest 2x upsampling: the reference is what diffusers' F.interpolate(scale_factor=2.0,
// mode="nearest") computes, the dispatching function falls back to it on the CPU, and each output
// pixel is a copy of the input pixel it covers (which the CUDA kernel writes directly).
#include <QtTest>

#include <torch/torch.h>

#include "engine/error.h"
#include "engine/kernels/upsample_nearest.h"
#include "engine/runtime/device.h"

using namespace gesso::kernels;
namespace F = torch::nn::functional;

class TestUpsampleNearest : public QObject {
  Q_OBJECT

 private slots:
  void referenceIsInterpolate() {
    torch::manual_seed(1);
    const auto x = torch::randn({2, 8, 5, 7});
    const auto expected = F::interpolate(
        x, F::InterpolateFuncOptions().mode(torch::kNearest).scale_factor(std::vector<double>{2.0, 2.0}));
    QVERIFY(torch::equal(upsample_nearest_2x_reference(x), expected));
  }

  // y[n, c, 2h + dy, 2w + dx] = x[n, c, h, w]: the copy the kernel makes, checked element-wise.
  void everyOutputPixelCopiesItsSource() {
    torch::manual_seed(2);
    const auto x = torch::randn({2, 3, 3, 4});
    const auto y = upsample_nearest_2x_reference(x);
    QCOMPARE(y.sizes().vec(), (std::vector<int64_t>{2, 3, 6, 8}));
    for (int64_t dy = 0; dy < 2; ++dy)
      for (int64_t dx = 0; dx < 2; ++dx)
        QVERIFY(torch::equal(y.slice(2, dy, 6, 2).slice(3, dx, 8, 2), x));
  }

  void cpuFallsBackToTheReference() {
    torch::manual_seed(3);
    for (const auto format : {at::MemoryFormat::Contiguous, at::MemoryFormat::ChannelsLast}) {
      const auto x = torch::randn({1, 16, 4, 6}).contiguous(format);
      QVERIFY(!upsample_nearest_2x_has_kernel(x));
      QVERIFY(torch::equal(upsample_nearest_2x(x), upsample_nearest_2x_reference(x)));
    }
  }

  void badInputIsAClearError() {
    QVERIFY_THROWS_EXCEPTION(gesso::Error, upsample_nearest_2x(torch::randn({8, 4, 4})));
  }

  // Empty without a CUDA device; on one, the kernel must match the reference bit for bit.
  void selfCheck() {
    const auto checks = check_upsample_nearest_kernel();
    if (!gesso::runtime::cuda_available()) {
      QVERIFY(checks.empty());
      return;
    }
    for (const auto& c : checks) QVERIFY2(c.passed, (c.kernel + " " + c.dtype).c_str());
  }
};

QTEST_GUILESS_MAIN(TestUpsampleNearest)
#include "test_upsample_nearest.moc"
