// The fused composition of the UNet (RuntimeOptions::kernels = on) against diffusers and against
// the plain path, on the CPU, where each kernel runs its ATen reference: what is checked here is
// the fusion itself — concatenated Q/K/V and K/V projections, residuals and output biases folded
// into the GEMMs, GroupNorm with its time-embedding shift, GEGLU with its bias. The CUDA kernels
// are checked against the same references on a GPU (gesso-bench --check-kernels).
#include <QtTest>

#include <torch/torch.h>

#include "engine/io/safetensors.h"
#include "engine/kernels/fusion.h"
#include "engine/models/unet_2d_condition.h"
#include "models/model_test_util.h"

using gesso::io::SafetensorsFile;
using gesso::kernels::ScopedKernelFusion;
using gesso::runtime::KernelFusion;
using gesso::test::expect_close;

namespace {

torch::Tensor run_case(gesso::models::UNet2DConditionModel& model, const SafetensorsFile& ref, int i) {
  const auto key = [&](const std::string& t) { return "case" + std::to_string(i) + "." + t; };
  gesso::models::UNetResiduals residuals;
  for (int j = 0; ref.contains(key("down_residual" + std::to_string(j))); ++j)
    residuals.down.push_back(ref.view(key("down_residual" + std::to_string(j))));
  if (ref.contains(key("mid_residual"))) residuals.mid = ref.view(key("mid_residual"));
  return model->forward(ref.view(key("sample")), ref.view(key("timestep")), ref.view(key("encoder_hidden_states")),
                        residuals);
}

torch::Tensor parameter(gesso::models::UNet2DConditionModel& model, const std::string& name) {
  return model->named_parameters()[name];
}

// Whether the first transformer block's projections share one storage (the fused path concatenates them).
bool projections_concatenated(gesso::models::UNet2DConditionModel& model) {
  const std::string block = "down_blocks.0.attentions.0.transformer_blocks.0.";
  const auto q = parameter(model, block + "attn1.to_q.weight"), v = parameter(model, block + "attn1.to_v.weight");
  const auto k2 = parameter(model, block + "attn2.to_k.weight"), v2 = parameter(model, block + "attn2.to_v.weight");
  return q.storage().is_alias_of(v.storage()) && k2.storage().is_alias_of(v2.storage());
}

void check_fused(const std::string& name, double& worst) {
  auto model = gesso::models::load_unet_2d_condition(gesso::test::model_dir(name));
  const auto ref = SafetensorsFile::open(gesso::test::reference_path(name));
  c10::InferenceMode inference;
  const auto q_before = parameter(model, "down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q.weight").clone();
  QVERIFY(!projections_concatenated(model));
  for (int i = 0; ref.contains("case" + std::to_string(i) + ".out"); ++i) {
    torch::Tensor plain, fused;
    {
      const ScopedKernelFusion off(KernelFusion::kOff);
      plain = run_case(model, ref, i);
    }
    {
      const ScopedKernelFusion on(KernelFusion::kOn);
      fused = run_case(model, ref, i);
    }
    const auto tag = name + " case" + std::to_string(i);
    expect_close(tag + " fused vs diffusers", fused, ref.view("case" + std::to_string(i) + ".out"), worst);
    expect_close(tag + " fused vs plain", fused, plain, worst);
    if (QTest::currentTestFailed()) return;
  }
  QVERIFY2(projections_concatenated(model), "the fused path did not run");
  // Concatenating moved the weights, it did not change them.
  QVERIFY(torch::equal(parameter(model, "down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q.weight"), q_before));
}

}  // namespace

class TestFusedUNet : public QObject {
  Q_OBJECT

 private slots:
  void sd1FusedMatchesDiffusers() { check_fused("unet_sd1", worst_); }
  void sd2FusedMatchesDiffusers() { check_fused("unet_sd2", worst_); }
  void inpaintingFusedMatchesDiffusers() { check_fused("unet_inpaint", worst_); }
  void variantsFusedMatchDiffusers() { check_fused("unet_variants", worst_); }

  // kAuto leaves the CPU on the plain path, which is what keeps the CPU pipelines bit-exact.
  void autoIsPlainOnTheCpu() {
    auto model = gesso::models::load_unet_2d_condition(gesso::test::model_dir("unet_sd1"));
    const auto ref = SafetensorsFile::open(gesso::test::reference_path("unet_sd1"));
    c10::InferenceMode inference;
    torch::Tensor automatic, plain;
    {
      const ScopedKernelFusion a(KernelFusion::kAuto);
      automatic = run_case(model, ref, 0);
    }
    QVERIFY(!projections_concatenated(model));
    {
      const ScopedKernelFusion off(KernelFusion::kOff);
      plain = run_case(model, ref, 0);
    }
    QVERIFY(torch::equal(automatic, plain));
  }

  void cleanupTestCase() { qInfo("worst max |diff|: %.3g", worst_); }

 private:
  double worst_ = 0;
};

QTEST_GUILESS_MAIN(TestFusedUNet)
#include "test_fused_unet.moc"
