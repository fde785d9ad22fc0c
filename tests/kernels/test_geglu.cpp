// GEGLU: the ATen reference against the definition in float64 and against diffusers' op sequence,
// the dispatching entry point against the reference, and (on a CUDA machine) the kernel.
#include <QtTest>

#include <torch/torch.h>

#include <cmath>
#include <vector>

#include "engine/error.h"
#include "engine/kernels/geglu.h"
#include "engine/runtime/device.h"

namespace {

using gesso::kernels::geglu;
using gesso::kernels::geglu_reference;

// Straight from the definition in geglu.h, one element at a time in double precision.
torch::Tensor definition_loop(const torch::Tensor& proj, const torch::Tensor& bias) {
  const int64_t two_i = proj.size(-1), inner = two_i / 2;
  const auto p = proj.to(torch::kDouble).reshape({-1, two_i}).contiguous();
  const auto b = bias.defined() ? bias.to(torch::kDouble).contiguous() : torch::zeros({two_i}, torch::kDouble);
  auto out = torch::empty({p.size(0), inner}, torch::kDouble);
  auto pa = p.accessor<double, 2>();
  auto ba = b.accessor<double, 1>();
  auto oa = out.accessor<double, 2>();
  for (int64_t r = 0; r < p.size(0); ++r)
    for (int64_t j = 0; j < inner; ++j) {
      const double a = pa[r][j] + ba[j];
      const double g = pa[r][inner + j] + ba[inner + j];
      oa[r][j] = a * 0.5 * g * (1.0 + std::erf(g / std::sqrt(2.0)));
    }
  auto sizes = proj.sizes().vec();
  sizes.back() = inner;
  return out.reshape(sizes);
}

// max |a - b| over max |b|: one number for "equal up to rounding at this scale".
double relative_max_diff(const torch::Tensor& a, const torch::Tensor& b) {
  const auto bd = b.to(torch::kDouble);
  return (a.to(torch::kDouble) - bd).abs().max().item<double>() / bd.abs().max().item<double>();
}

std::vector<int64_t> sizes_of(const QString& text) {
  std::vector<int64_t> sizes;
  for (const auto& part : text.split('x')) sizes.push_back(part.toLongLong());
  return sizes;
}

}  // namespace

class TestGeglu : public QObject {
  Q_OBJECT

 private slots:
  void referenceMatchesDefinition_data() {
    QTest::addColumn<QString>("shape");
    QTest::addColumn<bool>("withBias");
    QTest::newRow("2-D, bias") << "5x48" << true;
    QTest::newRow("2-D, no bias") << "5x48" << false;
    QTest::newRow("3-D, bias") << "2x7x80" << true;
    QTest::newRow("3-D, no bias") << "2x7x80" << false;
    QTest::newRow("4-D, odd inner") << "2x3x4x6" << true;
  }

  void referenceMatchesDefinition() {
    QFETCH(QString, shape);
    QFETCH(bool, withBias);
    torch::manual_seed(1);
    const auto proj = torch::randn(sizes_of(shape)) * 2.0;
    const auto bias = withBias ? torch::randn({proj.size(-1)}) : torch::Tensor();
    const auto truth = definition_loop(proj, bias);
    const auto ref64 = geglu_reference(proj.to(torch::kDouble), bias.defined() ? bias.to(torch::kDouble) : bias);
    QCOMPARE(ref64.sizes().vec(), truth.sizes().vec());
    QVERIFY(relative_max_diff(ref64, truth) < 1e-14);
    const auto ref32 = geglu_reference(proj, bias);
    QCOMPARE(ref32.scalar_type(), torch::kFloat);
    QVERIFY(relative_max_diff(ref32, truth) < 1e-6);
  }

  // What the transformer block does today, written out: the reference must be exactly it.
  void referenceIsTheUnfusedOpSequence() {
    torch::manual_seed(2);
    const auto proj = torch::randn({2, 9, 96});
    const auto bias = torch::randn({96});
    const auto h = (proj + bias).chunk(2, -1);
    QVERIFY(torch::equal(geglu_reference(proj, bias), h[0] * at::gelu(h[1])));
    const auto g = proj.chunk(2, -1);
    QVERIFY(torch::equal(geglu_reference(proj, torch::Tensor()), g[0] * at::gelu(g[1])));
  }

  // diffusers adds the bias inside the projection (linear); the fused path adds it after a
  // bias-free GEMM. The sums round in a different order, so the two agree to float32 rounding of
  // the projection, not bit for bit.
  void biasAfterTheGemmMatchesLinearWithBias() {
    torch::manual_seed(3);
    const auto x = torch::randn({2, 9, 32});
    const auto w = torch::randn({2 * 48, 32}) * 0.2;
    const auto b = torch::randn({2 * 48});
    const auto h = at::linear(x, w, b).chunk(2, -1);
    const auto diffusers = h[0] * at::gelu(h[1]);
    const auto fused = geglu_reference(at::matmul(x, w.t()), b);
    QCOMPARE(fused.sizes().vec(), diffusers.sizes().vec());
    QVERIFY(relative_max_diff(fused, diffusers) < 1e-6);
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
    const auto proj = torch::randn({3, 5, 64}).to(type);
    const auto bias = torch::randn({64}).to(type);
    QVERIFY(!gesso::kernels::geglu_has_kernel(proj));
    const auto out = geglu(proj, bias);
    QCOMPARE(out.scalar_type(), type);
    QVERIFY(torch::equal(out, geglu_reference(proj, bias)));
    QVERIFY(torch::equal(geglu(proj, torch::Tensor()), geglu_reference(proj, torch::Tensor())));
  }

  // A float32 bias on a float16 projection must not promote the result to float32.
  void resultKeepsTheProjectionsDtype() {
    const auto proj = torch::randn({4, 16}).to(torch::kHalf);
    QCOMPARE(geglu(proj, torch::randn({16})).scalar_type(), torch::kHalf);
  }

  void badInputsAreClearErrors() {
    const auto proj = torch::randn({2, 8});
    QVERIFY_THROWS_EXCEPTION(gesso::Error, geglu(torch::randn({2, 7}), torch::Tensor()));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, geglu(torch::randn({2, 0}), torch::Tensor()));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, geglu(torch::tensor(1.0f), torch::Tensor()));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, geglu(torch::Tensor(), torch::Tensor()));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, geglu(torch::ones({2, 8}, torch::kInt), torch::Tensor()));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, geglu(proj, torch::randn({4})));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, geglu(proj, torch::randn({1, 8})));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, geglu(proj, torch::ones({8}, torch::kInt)));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, geglu_reference(proj, torch::randn({4})));
  }

  void selfCheckRunsOnlyWithCuda() {
    const auto checks = gesso::kernels::check_geglu_kernel();
    if (!gesso::runtime::cuda_available()) {
      QVERIFY(checks.empty());
      return;
    }
    QVERIFY(!checks.empty());
    for (const auto& c : checks) QVERIFY2(c.passed, (c.kernel + " " + c.dtype).c_str());
  }

  void cudaKernelMatchesDefinition_data() { dispatchOnCpuIsTheReference_data(); }

  void cudaKernelMatchesDefinition() {
    if (!gesso::runtime::cuda_available()) QSKIP("no CUDA device on this machine");
    QFETCH(int, dtype);
    const auto type = static_cast<torch::ScalarType>(dtype);
    torch::manual_seed(5);
    const auto proj = torch::randn({2, 33, 2 * 320}).to(type);
    const auto bias = torch::randn({2 * 320}).to(type);
    QVERIFY(gesso::kernels::geglu_has_kernel(proj.cuda()));
    const auto gpu = geglu(proj.cuda(), bias.cuda()).cpu();
    const double bound = type == torch::kFloat ? 1e-6 : (type == torch::kHalf ? 1e-3 : 8e-3);
    QVERIFY(relative_max_diff(gpu, definition_loop(proj, bias)) < bound);
  }
};

QTEST_GUILESS_MAIN(TestGeglu)
#include "test_geglu.moc"
