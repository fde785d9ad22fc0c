// The fused GroupNorm (+ shift) (+ SiLU): the ATen reference against a double-precision loop over
// the definition and against the unfused op sequence the modules ran before, the dispatching entry
// point against the reference on the CPU, and (on a CUDA machine) the kernel's self-check.
#include <QtTest>

#include <torch/torch.h>

#include <cmath>

#include "engine/error.h"
#include "engine/kernels/group_norm.h"
#include "engine/runtime/device.h"

Q_DECLARE_METATYPE(std::vector<int64_t>)

namespace {

namespace gk = gesso::kernels;

struct Inputs {
  torch::Tensor x, weight, bias, shift;
};

// Per-channel offsets give the groups means well away from zero, as real activations have.
Inputs make_inputs(std::vector<int64_t> size, bool channels_last, bool with_shift,
                   torch::ScalarType dtype = torch::kFloat) {
  const int64_t n = size[0], c = size[1];
  Inputs in;
  in.x = (torch::randn(size) * 1.5 + torch::randn({1, c, 1, 1}) * 4.0).to(dtype);
  if (channels_last) in.x = in.x.contiguous(at::MemoryFormat::ChannelsLast);
  in.weight = (1.0 + 0.3 * torch::randn({c})).to(dtype);
  in.bias = (0.2 * torch::randn({c})).to(dtype);
  if (with_shift) in.shift = (2.0 * torch::randn({n, c})).to(dtype);
  return in;
}

// Straight from the definition: per (sample, group) mean and biased variance of x + shift over
// the group's channels and pixels, eps inside the square root, then the affine and SiLU.
torch::Tensor by_definition(const Inputs& in, int64_t groups, double eps, bool silu) {
  const auto x = in.x.to(torch::kDouble).contiguous();
  const auto w = in.weight.to(torch::kDouble).contiguous();
  const auto b = in.bias.to(torch::kDouble).contiguous();
  const auto s = in.shift.defined() ? in.shift.to(torch::kDouble).contiguous()
                                    : torch::zeros({x.size(0), x.size(1)}, torch::kDouble);
  const int64_t N = x.size(0), C = x.size(1), H = x.size(2), W = x.size(3), cpg = C / groups;
  auto out = torch::empty_like(x);
  auto xa = x.accessor<double, 4>();
  auto oa = out.accessor<double, 4>();
  auto wa = w.accessor<double, 1>();
  auto ba = b.accessor<double, 1>();
  auto sa = s.accessor<double, 2>();
  for (int64_t n = 0; n < N; ++n)
    for (int64_t g = 0; g < groups; ++g) {
      double sum = 0.0, sq = 0.0;
      const double count = static_cast<double>(cpg * H * W);
      for (int64_t c = g * cpg; c < (g + 1) * cpg; ++c)
        for (int64_t i = 0; i < H; ++i)
          for (int64_t j = 0; j < W; ++j) sum += xa[n][c][i][j] + sa[n][c];
      const double mean = sum / count;
      for (int64_t c = g * cpg; c < (g + 1) * cpg; ++c)
        for (int64_t i = 0; i < H; ++i)
          for (int64_t j = 0; j < W; ++j) sq += std::pow(xa[n][c][i][j] + sa[n][c] - mean, 2);
      const double rstd = 1.0 / std::sqrt(sq / count + eps);
      for (int64_t c = g * cpg; c < (g + 1) * cpg; ++c)
        for (int64_t i = 0; i < H; ++i)
          for (int64_t j = 0; j < W; ++j) {
            const double y = (xa[n][c][i][j] + sa[n][c] - mean) * rstd * wa[c] + ba[c];
            oa[n][c][i][j] = silu ? y / (1.0 + std::exp(-y)) : y;
          }
    }
  return out;
}

// The op sequence of the ResNet block before the fused kernel, written out.
torch::Tensor unfused(const Inputs& in, int64_t groups, double eps, bool silu) {
  auto h = in.x;
  if (in.shift.defined()) h = h + in.shift.unsqueeze(-1).unsqueeze(-1);
  auto y = at::group_norm(h, groups, in.weight, in.bias, eps, at::globalContext().userEnabledCuDNN());
  return silu ? at::silu_(y) : y;
}

torch::Tensor run_reference(const Inputs& in, int64_t groups, double eps, bool silu) {
  return gk::group_norm_silu_reference(in.x, groups, in.weight, in.bias, eps, silu, in.shift);
}

torch::Tensor run_fused(const Inputs& in, int64_t groups, double eps, bool silu) {
  return gk::group_norm_silu(in.x, groups, in.weight, in.bias, eps, silu, in.shift);
}

void add_variant_columns() {
  QTest::addColumn<std::vector<int64_t>>("size");
  QTest::addColumn<int>("groups");
  QTest::addColumn<bool>("channelsLast");
  QTest::addColumn<bool>("shift");
  QTest::addColumn<bool>("silu");
}

void add_variant_rows() {
  using S = std::vector<int64_t>;
  QTest::newRow("nchw plain") << S{2, 8, 5, 7} << 4 << false << false << false;
  QTest::newRow("nchw shift silu") << S{2, 8, 5, 7} << 4 << false << true << true;
  QTest::newRow("nhwc silu, odd H*W") << S{1, 12, 9, 9} << 3 << true << false << true;
  QTest::newRow("nhwc shift silu, C/G=10") << S{2, 20, 3, 5} << 2 << true << true << true;
  QTest::newRow("nchw shift, C/G=3") << S{3, 30, 4, 3} << 10 << false << true << false;
  QTest::newRow("nhwc shift, W=1") << S{2, 20, 7, 1} << 5 << true << true << false;
  QTest::newRow("one group") << S{2, 6, 4, 4} << 1 << true << true << true;
  QTest::newRow("a group per channel") << S{2, 6, 3, 3} << 6 << false << false << true;
}

}  // namespace

class TestGroupNorm : public QObject {
  Q_OBJECT

 private slots:
  void referenceMatchesDefinition_data() {
    add_variant_columns();
    add_variant_rows();
  }

  void referenceMatchesDefinition() {
    QFETCH(std::vector<int64_t>, size);
    QFETCH(int, groups);
    QFETCH(bool, channelsLast);
    QFETCH(bool, shift);
    QFETCH(bool, silu);
    torch::manual_seed(5);
    const auto in = make_inputs(size, channelsLast, shift);
    const auto expected = by_definition(in, groups, 1e-5, silu);
    const auto got = run_reference(in, groups, 1e-5, silu).to(torch::kDouble);
    QCOMPARE(got.sizes().vec(), size);
    const double scale = std::max(1.0, expected.abs().max().item<double>());
    const double diff = (got - expected).abs().max().item<double>();
    QVERIFY2(diff <= 1e-5 * scale, qPrintable(QString("max |diff| %1 at scale %2").arg(diff).arg(scale)));
  }

  void dispatchOnCpuIsTheReference_data() {
    add_variant_columns();
    add_variant_rows();
  }

  void dispatchOnCpuIsTheReference() {
    QFETCH(std::vector<int64_t>, size);
    QFETCH(int, groups);
    QFETCH(bool, channelsLast);
    QFETCH(bool, shift);
    QFETCH(bool, silu);
    torch::manual_seed(9);
    const auto in = make_inputs(size, channelsLast, shift);
    QVERIFY(!gk::group_norm_silu_has_kernel(in.x, groups));
    QVERIFY(torch::equal(run_fused(in, groups, 1e-5, silu), run_reference(in, groups, 1e-5, silu)));
  }

  // Bit-identical to the unfused ops: what keeps the CPU pipelines' outputs unchanged.
  void referenceIsTheUnfusedOps_data() {
    add_variant_columns();
    add_variant_rows();
  }

  void referenceIsTheUnfusedOps() {
    QFETCH(std::vector<int64_t>, size);
    QFETCH(int, groups);
    QFETCH(bool, channelsLast);
    QFETCH(bool, shift);
    QFETCH(bool, silu);
    for (const auto dtype : {torch::kFloat, torch::kBFloat16}) {
      torch::manual_seed(13);
      const auto in = make_inputs(size, channelsLast, shift, dtype);
      QVERIFY(torch::equal(run_reference(in, groups, 1e-6, silu), unfused(in, groups, 1e-6, silu)));
    }
  }

  void undefinedAffineIsIdentity() {
    torch::manual_seed(2);
    auto in = make_inputs({2, 8, 4, 5}, false, true);
    const auto ones = torch::ones({8}), zeros = torch::zeros({8});
    const auto with_ones = gk::group_norm_silu(in.x, 4, ones, zeros, 1e-5, true, in.shift);
    const auto without = gk::group_norm_silu(in.x, 4, {}, {}, 1e-5, true, in.shift);
    QVERIFY(torch::allclose(with_ones, without));
  }

  void channelsLastStaysChannelsLast() {
    torch::manual_seed(4);
    for (const bool shift : {false, true}) {
      const auto in = make_inputs({2, 16, 6, 5}, true, shift);
      const auto out = run_fused(in, 4, 1e-5, true);
      QVERIFY(out.is_contiguous(at::MemoryFormat::ChannelsLast));
      QCOMPARE(out.scalar_type(), in.x.scalar_type());
    }
    const auto nchw = make_inputs({2, 16, 6, 5}, false, true);
    QVERIFY(run_fused(nchw, 4, 1e-5, false).is_contiguous());
  }

  void badInputsAreClearErrors() {
    const auto x = torch::randn({2, 12, 4, 4});
    const auto w = torch::ones({12}), b = torch::zeros({12});
    using T = torch::Tensor;
    const auto fused = [&](const T& xx, int64_t g, const T& ww, const T& sh) {
      return gk::group_norm_silu(xx, g, ww, b, 1e-5, true, sh);
    };
    QVERIFY_THROWS_EXCEPTION(gesso::Error, fused(x, 5, w, {}));                      // 12 % 5
    QVERIFY_THROWS_EXCEPTION(gesso::Error, fused(x, 0, w, {}));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, fused(x, 4, torch::ones({8}), {}));       // weight size
    QVERIFY_THROWS_EXCEPTION(gesso::Error, fused(torch::randn({12, 4, 4}), 4, w, {}));  // 3-D x
    QVERIFY_THROWS_EXCEPTION(gesso::Error, fused(x, 4, w, torch::randn({2, 6})));    // shift [N, C/2]
    QVERIFY_THROWS_EXCEPTION(gesso::Error, fused(x, 4, w, torch::randn({12})));      // shift 1-D
    QVERIFY_THROWS_EXCEPTION(gesso::Error,
                             gk::group_norm_silu(x, 4, w, torch::zeros({3}), 1e-5, false));  // bias size
    QVERIFY_THROWS_EXCEPTION(gesso::Error,
                             gk::group_norm_silu_reference(x, 5, w, b, 1e-5, false));
  }

  // group_norm_silu_joined: the norm of cat(x, x2) and that input (+ bias) as z, by the definition.
  void joinedIsNormOfConcatenationAndKeepsInput() {
    torch::manual_seed(6);
    for (const bool channels_last : {false, true}) {
      const auto whole = make_inputs({2, 24, 5, 3}, channels_last, true);
      const auto head = whole.x.narrow(1, 0, 16).contiguous(whole.x.suggest_memory_format());
      const auto tail = whole.x.narrow(1, 16, 8).contiguous(whole.x.suggest_memory_format());
      const auto input_bias = torch::randn({24});
      const gk::GroupNormSides sides{.x2 = tail, .keep_input = true, .input_bias = input_bias};
      const auto out = gk::group_norm_silu_joined(head, sides, 6, whole.weight, whole.bias, 1e-5, true, whole.shift);
      const auto expected = by_definition(whole, 6, 1e-5, true);
      QVERIFY(torch::allclose(out.y.to(torch::kDouble), expected, 1e-5, 1e-5));
      QVERIFY(torch::equal(out.z, whole.x + input_bias.view({1, -1, 1, 1})));
      const auto ref = gk::group_norm_silu_joined_reference(head, sides, 6, whole.weight, whole.bias, 1e-5, true,
                                                            whole.shift);
      QVERIFY(torch::equal(out.y, ref.y));
      QVERIFY(torch::equal(out.z, ref.z));
    }
  }

  // z is never x itself: Transformer2D accumulates its output projection into it.
  void keptInputIsATensorOfItsOwn() {
    const auto x = torch::randn({1, 8, 3, 3});
    const auto out = gk::group_norm_silu_joined(x, {.keep_input = true}, 4, {}, {}, 1e-5, false);
    QVERIFY(torch::equal(out.z, x));
    QVERIFY(!out.z.is_same(x) && out.z.data_ptr() != x.data_ptr());
    QVERIFY(!gk::group_norm_silu_joined(x, {}, 4, {}, {}, 1e-5, false).z.defined());
  }

  void joinedBadInputsAreClearErrors() {
    const auto x = torch::randn({2, 8, 4, 4});
    const auto join = [&](const torch::Tensor& x2, const torch::Tensor& w, const torch::Tensor& input_bias) {
      return gk::group_norm_silu_joined(x, {.x2 = x2, .keep_input = true, .input_bias = input_bias}, 4, w, {}, 1e-5,
                                        true);
    };
    QVERIFY_THROWS_EXCEPTION(gesso::Error, join(torch::randn({2, 4, 4, 5}), {}, {}));          // width
    QVERIFY_THROWS_EXCEPTION(gesso::Error, join(torch::randn({1, 4, 4, 4}), {}, {}));          // batch
    QVERIFY_THROWS_EXCEPTION(gesso::Error, join(torch::randn({2, 4, 4, 4}).to(torch::kDouble), {}, {}));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, join(torch::randn({2, 4, 4, 4}), torch::ones({8}), {}));  // C = 12
    QVERIFY_THROWS_EXCEPTION(gesso::Error, join(torch::randn({2, 4, 4, 4}), {}, torch::ones({8})));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, join(torch::randn({2, 6, 4, 4}), {}, {}));  // 14 % 4
  }

  // Empty without a CUDA device; on one, every kernel variant must match its reference.
  void selfCheck() {
    const auto checks = gk::check_group_norm_kernel();
    if (!gesso::runtime::cuda_available()) {
      QVERIFY(checks.empty());
      return;
    }
    QVERIFY(!checks.empty());
    for (const auto& c : checks)
      QVERIFY2(c.passed, qPrintable(QString::fromStdString(c.kernel + " " + c.dtype) +
                                    QString(": max |diff| %1, tolerance %2")
                                        .arg(c.max_abs_diff)
                                        .arg(c.tolerance)));
  }
};

QTEST_GUILESS_MAIN(TestGroupNorm)
#include "test_group_norm.moc"
