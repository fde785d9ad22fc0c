// LayerNorm + residual: the ATen reference against the definition in float64 and against the ops
// it replaces, the GEMM fold it enables, the dispatching entry point against the reference, and
// (on a CUDA machine) the kernel.
#include <QtTest>

#include <torch/torch.h>

#include <cmath>
#include <vector>

#include "engine/error.h"
#include "engine/kernels/layer_norm_residual.h"
#include "engine/runtime/device.h"

namespace {

using gesso::kernels::layer_norm_residual;
using gesso::kernels::layer_norm_residual_reference;
using gesso::kernels::NormAndResidual;

constexpr double kEps = 1e-5;

torch::Tensor to_double_or_none(const torch::Tensor& t) { return t.defined() ? t.to(torch::kDouble) : t; }

// Straight from the definition in layer_norm_residual.h, row by row in double precision: the mean,
// then the biased variance around it.
NormAndResidual definition_loop(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b,
                                const torch::Tensor& nb) {
  const int64_t d = x.size(-1);
  const auto xs = x.to(torch::kDouble).reshape({-1, d}).contiguous();
  const auto param = [d](const torch::Tensor& p, double fill) {
    return p.defined() ? p.to(torch::kDouble).contiguous() : torch::full({d}, fill, torch::kDouble);
  };
  const auto wd = param(w, 1.0), bd = param(b, 0.0), nbd = param(nb, 0.0);
  auto normed = torch::empty_like(xs), residual = torch::empty_like(xs);
  auto xa = xs.accessor<double, 2>();
  auto wa = wd.accessor<double, 1>(), ba = bd.accessor<double, 1>(), nba = nbd.accessor<double, 1>();
  auto na = normed.accessor<double, 2>(), ra = residual.accessor<double, 2>();
  for (int64_t r = 0; r < xs.size(0); ++r) {
    double mean = 0.0, var = 0.0;
    for (int64_t j = 0; j < d; ++j) mean += xa[r][j];
    mean /= static_cast<double>(d);
    for (int64_t j = 0; j < d; ++j) var += (xa[r][j] - mean) * (xa[r][j] - mean);
    const double rstd = 1.0 / std::sqrt(var / static_cast<double>(d) + kEps);
    for (int64_t j = 0; j < d; ++j) {
      na[r][j] = (xa[r][j] - mean) * rstd * wa[j] + ba[j];
      ra[r][j] = xa[r][j] + nba[j];
    }
  }
  return {normed.reshape(x.sizes()), residual.reshape(x.sizes())};
}

double relative_max_diff(const torch::Tensor& a, const torch::Tensor& b) {
  const auto bd = b.to(torch::kDouble);
  return (a.to(torch::kDouble) - bd).abs().max().item<double>() / bd.abs().max().item<double>();
}

std::vector<int64_t> sizes_of(const QString& text) {
  std::vector<int64_t> sizes;
  for (const auto& part : text.split('x')) sizes.push_back(part.toLongLong());
  return sizes;
}

struct Params {
  torch::Tensor w, b, nb;
};

Params random_params(int64_t d, bool affine, bool with_next_bias) {
  Params p;
  if (affine) {
    p.w = torch::rand({d}) + 0.5;
    p.b = torch::randn({d}) * 0.1;
  }
  if (with_next_bias) p.nb = torch::randn({d});
  return p;
}

}  // namespace

class TestLayerNormResidual : public QObject {
  Q_OBJECT

 private slots:
  void referenceMatchesDefinition_data() {
    QTest::addColumn<QString>("shape");
    QTest::addColumn<bool>("affine");
    QTest::addColumn<bool>("withNextBias");
    QTest::newRow("2-D, all") << "6x40" << true << true;
    QTest::newRow("2-D, no next bias") << "6x40" << true << false;
    QTest::newRow("3-D, all") << "2x7x64" << true << true;
    QTest::newRow("3-D, no affine") << "2x7x64" << false << true;
    QTest::newRow("3-D, none") << "2x5x24" << false << false;
  }

  void referenceMatchesDefinition() {
    QFETCH(QString, shape);
    QFETCH(bool, affine);
    QFETCH(bool, withNextBias);
    torch::manual_seed(1);
    const auto x = torch::randn(sizes_of(shape)) * 3.0 + 1.0;
    const auto p = random_params(x.size(-1), affine, withNextBias);
    const auto truth = definition_loop(x, p.w, p.b, p.nb);
    const auto ref64 = layer_norm_residual_reference(x.to(torch::kDouble), to_double_or_none(p.w),
                                                     to_double_or_none(p.b), kEps, to_double_or_none(p.nb));
    QCOMPARE(ref64.normed.sizes().vec(), x.sizes().vec());
    QCOMPARE(ref64.residual.sizes().vec(), x.sizes().vec());
    QVERIFY(relative_max_diff(ref64.normed, truth.normed) < 1e-13);
    QVERIFY(relative_max_diff(ref64.residual, truth.residual) < 1e-15);
    const auto ref32 = layer_norm_residual_reference(x, p.w, p.b, kEps, p.nb);
    QVERIFY(relative_max_diff(ref32.normed, truth.normed) < 1e-6);
    QVERIFY(relative_max_diff(ref32.residual, truth.residual) < 1e-7);
  }

  // The two ops the block runs today: the reference must be exactly them.
  void referenceIsTheUnfusedOps() {
    torch::manual_seed(2);
    const auto x = torch::randn({2, 9, 64});
    const auto p = random_params(64, true, true);
    const auto ref = layer_norm_residual_reference(x, p.w, p.b, kEps, p.nb);
    QVERIFY(torch::equal(ref.normed, at::layer_norm(x, {64}, p.w, p.b, kEps)));
    QVERIFY(torch::equal(ref.residual, x + p.nb));
    const auto copy = layer_norm_residual_reference(x, p.w, p.b, kEps, torch::Tensor()).residual;
    QVERIFY(torch::equal(copy, x));
  }

  // residual = x + b, then the next projection's bias-free GEMM accumulated into it in place, is
  // the block's x + linear(a, W, b): the fold that saves the bias add and the residual add.
  void gemmFoldsIntoTheResidual() {
    torch::manual_seed(3);
    const int64_t d = 64, k = 48;
    const auto x = torch::randn({2, 9, d});
    const auto a = torch::randn({2, 9, k});
    const auto w = torch::randn({d, k}) * 0.2;
    const auto b = torch::randn({d});
    auto residual = layer_norm_residual(x, torch::Tensor(), torch::Tensor(), kEps, b).residual;
    residual.view({-1, d}).addmm_(a.reshape({-1, k}), w.t());
    QVERIFY(relative_max_diff(residual, x + at::linear(a, w, b)) < 1e-6);
  }

  // The caller writes into the residual; with no next bias it must still not alias x.
  void residualIsAFreshTensor() {
    const auto x = torch::randn({3, 16});
    const auto before = x.clone();
    auto out = layer_norm_residual(x, torch::Tensor(), torch::Tensor(), kEps, torch::Tensor());
    QVERIFY(out.residual.data_ptr() != x.data_ptr());
    out.residual.add_(1.0);
    QVERIFY(torch::equal(x, before));
    QVERIFY(out.residual.is_contiguous());
  }

  void dispatchOnCpuIsTheReference_data() {
    QTest::addColumn<int>("dtype");
    QTest::newRow("float32") << static_cast<int>(torch::kFloat);
    QTest::newRow("float16") << static_cast<int>(torch::kHalf);
    QTest::newRow("bfloat16") << static_cast<int>(torch::kBFloat16);
  }

  void dispatchOnCpuIsTheReference() {
    QFETCH(int, dtype);
    const auto type = static_cast<torch::ScalarType>(dtype);
    torch::manual_seed(4);
    const auto x = torch::randn({3, 5, 64}).to(type);
    const auto p = random_params(64, true, true);
    QVERIFY(!gesso::kernels::layer_norm_residual_has_kernel(x));
    const auto out = layer_norm_residual(x, p.w.to(type), p.b.to(type), kEps, p.nb.to(type));
    const auto ref = layer_norm_residual_reference(x, p.w.to(type), p.b.to(type), kEps, p.nb.to(type));
    QCOMPARE(out.normed.scalar_type(), type);
    QCOMPARE(out.residual.scalar_type(), type);
    QVERIFY(torch::equal(out.normed, ref.normed));
    QVERIFY(torch::equal(out.residual, ref.residual));
  }

  // float32 parameters on a float16 x must not promote the outputs to float32.
  void outputsKeepXsDtype() {
    const auto x = torch::randn({4, 16}).to(torch::kHalf);
    const auto p = random_params(16, true, true);
    const auto out = layer_norm_residual(x, p.w, p.b, kEps, p.nb);
    QCOMPARE(out.normed.scalar_type(), torch::kHalf);
    QCOMPARE(out.residual.scalar_type(), torch::kHalf);
  }

  void badInputsAreClearErrors() {
    const auto x = torch::randn({2, 8});
    const auto w = torch::ones({8});
    const torch::Tensor none;
    QVERIFY_THROWS_EXCEPTION(gesso::Error, layer_norm_residual(torch::Tensor(), w, none, kEps, none));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, layer_norm_residual(torch::tensor(1.0f), none, none, kEps, none));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, layer_norm_residual(torch::randn({2, 0}), none, none, kEps, none));
    QVERIFY_THROWS_EXCEPTION(gesso::Error,
                             layer_norm_residual(torch::ones({2, 8}, torch::kInt), none, none, kEps, none));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, layer_norm_residual(x, torch::ones({7}), none, kEps, none));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, layer_norm_residual(x, w, torch::ones({2, 8}), kEps, none));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, layer_norm_residual(x, w, none, kEps, torch::ones({9})));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, layer_norm_residual(x, w, none, kEps, torch::ones({8}, torch::kInt)));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, layer_norm_residual(x, w, none, -1.0, none));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, layer_norm_residual_reference(x, torch::ones({7}), none, kEps, none));
  }

  void selfCheckRunsOnlyWithCuda() {
    const auto checks = gesso::kernels::check_layer_norm_residual_kernel();
    if (!gesso::runtime::cuda_available()) {
      QVERIFY(checks.empty());
      return;
    }
    QVERIFY(!checks.empty());
    for (const auto& c : checks) QVERIFY2(c.passed, (c.kernel + " " + c.dtype).c_str());
  }

  void cudaKernelMatchesDefinition_data() {
    QTest::addColumn<int>("dtype");
    QTest::addColumn<int>("dim");
    for (const int d : {320, 640, 1280, 2048}) {
      QTest::addRow("float16, D=%d", d) << static_cast<int>(torch::kHalf) << d;
      QTest::addRow("bfloat16, D=%d", d) << static_cast<int>(torch::kBFloat16) << d;
    }
    QTest::addRow("float32, D=320") << static_cast<int>(torch::kFloat) << 320;
    QTest::addRow("float32, D=1024") << static_cast<int>(torch::kFloat) << 1024;
  }

  void cudaKernelMatchesDefinition() {
    if (!gesso::runtime::cuda_available()) QSKIP("no CUDA device on this machine");
    QFETCH(int, dtype);
    QFETCH(int, dim);
    const auto type = static_cast<torch::ScalarType>(dtype);
    torch::manual_seed(5);
    const auto x = (torch::randn({2, 37, dim}) * 2.0 + 0.5).to(type);
    const auto p = random_params(dim, true, true);
    QVERIFY(gesso::kernels::layer_norm_residual_has_kernel(x.cuda()));
    const auto gpu = layer_norm_residual(x.cuda(), p.w.to(type).cuda(), p.b.to(type).cuda(), kEps,
                                         p.nb.to(type).cuda());
    const auto truth = definition_loop(x, p.w.to(type), p.b.to(type), p.nb.to(type));
    const double bound = type == torch::kFloat ? 1e-6 : (type == torch::kHalf ? 1e-3 : 8e-3);
    QVERIFY(relative_max_diff(gpu.normed.cpu(), truth.normed) < bound);
    QVERIFY(relative_max_diff(gpu.residual.cpu(), truth.residual) < bound);
  }
};

QTEST_GUILESS_MAIN(TestLayerNormResidual)
#include "test_layer_norm_residual.moc"
