// The fused composition of the UNet (RuntimeOptions::kernels = on) against diffusers and against
// the plain path, on the CPU, where each kernel runs its ATen reference: what is checked here is
// the fusion itself — concatenated Q/K/V and K/V projections, residuals and output biases folded
// into the GEMMs, GroupNorm with its time-embedding shift, GEGLU with its bias. The CUDA kernels
// are checked against the same references on a GPU (gesso-bench --check-kernels).
#include <QtTest>

#include <torch/torch.h>

#include <algorithm>

#include "engine/io/safetensors.h"
#include "engine/io/state_dict.h"
#include "engine/kernels/fusion.h"
#include "engine/models/attention.h"
#include "engine/models/unet_2d_condition.h"
#include "models/model_test_util.h"

using gesso::io::SafetensorsFile;
using gesso::kernels::ScopedKernelFusion;
using gesso::runtime::KernelFusion;
using gesso::test::expect_close;

namespace {

torch::Tensor run_case(gesso::models::UNet2DConditionModel& model, const SafetensorsFile& ref, int i) {
  const auto key = [&](const std::string& t) { return "case" + std::to_string(i) + "." + t; };
  gesso::models::Conditioning c{.context = ref.view(key("encoder_hidden_states"))};
  for (int j = 0; ref.contains(key("down_residual" + std::to_string(j))); ++j)
    c.control.down.push_back(ref.view(key("down_residual" + std::to_string(j))));
  if (ref.contains(key("mid_residual"))) c.control.mid = ref.view(key("mid_residual"));
  if (ref.contains(key("text_embeds"))) c.pooled = ref.view(key("text_embeds")), c.time_ids = ref.view(key("time_ids"));
  if (ref.contains(key("class_labels"))) c.class_labels = ref.view(key("class_labels"));
  return model->forward(ref.view(key("sample")), ref.view(key("timestep")), c);
}

// The weights of <name> loaded without the prepare pass.
gesso::models::UNet2DConditionModel unprepared(const std::string& name) {
  gesso::models::UNet2DConditionModel model(
      gesso::models::UNet2DConditionConfig::from_json_file(gesso::test::model_dir(name) + "/config.json"));
  gesso::io::load_state_dict(*model, gesso::io::open_component_weights(gesso::test::model_dir(name)));
  return model;
}

torch::Tensor parameter(gesso::models::UNet2DConditionModel& model, const std::string& name) {
  return model->named_parameters()[name];
}

// Whether every cross-attention's K/V weights share one storage (the UNet's one K/V GEMM a call).
bool cross_kv_concatenated(gesso::models::UNet2DConditionModel& model) {
  std::vector<torch::Tensor> kv;
  for (const auto& p : model->named_parameters()) {
    const auto& name = p.key();
    if (name.ends_with("attn2.to_k.weight") || name.ends_with("attn2.to_v.weight")) kv.push_back(p.value());
  }
  return kv.size() > 2 && std::all_of(kv.begin(), kv.end(), [&](const torch::Tensor& w) {
           return w.storage().is_alias_of(kv.front().storage());
         });
}

// Whether the projections share storage as the prepare pass leaves them: the first transformer
// block's Q/K/V, and all cross-attentions' K/V together.
bool projections_concatenated(gesso::models::UNet2DConditionModel& model,
                              const std::string& first = "down_blocks.0.attentions.0.") {
  const std::string block = first + "transformer_blocks.0.";
  const auto q = parameter(model, block + "attn1.to_q.weight"), v = parameter(model, block + "attn1.to_v.weight");
  return q.storage().is_alias_of(v.storage()) && cross_kv_concatenated(model);
}

// The fused path against diffusers and the plain path, first on the weights as loaded (forward
// then concatenates copies and must leave the modules as they are), then after the prepare pass
// (which joins the weights in place): the same values both ways.
void check_fused(const std::string& name, double& worst) {
  auto model = unprepared(name);
  const auto ref = SafetensorsFile::open(gesso::test::reference_path(name));
  const std::string first_block = name == "unet_xl" ? "down_blocks.1.attentions.0." : "down_blocks.0.attentions.0.";
  const auto q_name = first_block + "transformer_blocks.0.attn1.to_q.weight";
  const auto q_before = parameter(model, q_name).clone();
  for (const bool prepared : {false, true}) {
    if (prepared) model->prepare();
    c10::InferenceMode inference;
    QCOMPARE(projections_concatenated(model, first_block), prepared);
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
      const auto tag = name + (prepared ? " prepared" : " as loaded") + " case" + std::to_string(i);
      expect_close(tag + " fused vs diffusers", fused, ref.view("case" + std::to_string(i) + ".out"), worst);
      expect_close(tag + " fused vs plain", fused, plain, worst);
      if (QTest::currentTestFailed()) return;
    }
    QCOMPARE(projections_concatenated(model, first_block), prepared);  // forward changed no module
  }
  // Concatenating moved the weights, it did not change them.
  QVERIFY(torch::equal(parameter(model, q_name), q_before));
}

// The prepared model's fused path against diffusers (models whose attentions are not all the
// transformer kind the projection checks above look for).
void check_fused_values(const std::string& name, double& worst) {
  auto model = gesso::models::load_unet_2d_condition(gesso::test::model_dir(name));
  const auto ref = SafetensorsFile::open(gesso::test::reference_path(name));
  c10::InferenceMode inference;
  const ScopedKernelFusion on(KernelFusion::kOn);
  for (int i = 0; ref.contains("case" + std::to_string(i) + ".out"); ++i) {
    expect_close(name + " fused case" + std::to_string(i), run_case(model, ref, i),
                 ref.view("case" + std::to_string(i) + ".out"), worst);
    if (QTest::currentTestFailed()) return;
  }
}

}  // namespace

class TestFusedUNet : public QObject {
  Q_OBJECT

 private slots:
  void sd1FusedMatchesDiffusers() { check_fused("unet_sd1", worst_); }
  void sd2FusedMatchesDiffusers() { check_fused("unet_sd2", worst_); }
  void inpaintingFusedMatchesDiffusers() { check_fused("unet_inpaint", worst_); }
  void variantsFusedMatchDiffusers() { check_fused("unet_variants", worst_); }
  void sdxlFusedMatchesDiffusers() { check_fused("unet_xl", worst_); }
  // The x4 upscaler's cross-attention-only attn1 takes the shared K/V GEMM; IF's blocks are unfused.
  void pixelUNetsFusedMatchDiffusers() {
    for (const char* name : {"unet_x4", "unet_if1", "unet_if2"}) {
      check_fused_values(name, worst_);
      if (QTest::currentTestFailed()) return;
    }
  }

  // The fused path keeps its parameter-only sums (conv2 + shortcut bias, the time shifts' bias,
  // the timestep frequency table) between calls: a second call is bit-identical to the first, and
  // an edit of the parameters (in place, as a LoRA merge does, or a new storage as an offload
  // upload gives) is seen. The loader and its prepare pass run outside InferenceMode, so every
  // parameter, joined ones included, is a normal tensor whose version counter an in-place edit bumps.
  void editedParametersReachTheFusedPath() {
    auto model = gesso::models::load_unet_2d_condition(gesso::test::model_dir("unet_sd1"));
    const auto ref = SafetensorsFile::open(gesso::test::reference_path("unet_sd1"));
    c10::InferenceMode inference;
    const ScopedKernelFusion on(KernelFusion::kOn);
    const auto first = run_case(model, ref, 0);
    QVERIFY(torch::equal(run_case(model, ref, 0), first));
    int shortcut_blocks = 0;
    for (auto& p : model->named_parameters()) {
      const auto& name = p.key();
      auto& t = p.value();
      if (name.ends_with("conv_shortcut.bias")) {
        ++shortcut_blocks;
        QVERIFY(!t.is_inference());
        t.add_(0.05);
        const auto conv2 = parameter(model, name.substr(0, name.size() - std::string("conv_shortcut.bias").size()) +
                                                "conv2.bias");
        torch::Tensor(conv2).set_data(conv2 - 0.03);  // a new storage
      } else if (name.ends_with("time_emb_proj.bias")) {
        QVERIFY(!t.is_inference());
        t.add_(0.02);  // in place, in the joined storage
      } else if (name.ends_with("resnets.0.conv1.bias")) {
        t.set_data(t - 0.04);
      }
    }
    QVERIFY(shortcut_blocks > 0);
    const auto fused = run_case(model, ref, 0);
    torch::Tensor plain;
    {
      const ScopedKernelFusion off(KernelFusion::kOff);
      plain = run_case(model, ref, 0);
    }
    QVERIFY2(gesso::test::max_abs_diff(fused, first) > 1e-3, "the edits did not change the fused output");
    expect_close("edited parameters: fused vs plain", fused, plain, worst_);
  }

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
    {
      const ScopedKernelFusion off(KernelFusion::kOff);
      plain = run_case(model, ref, 0);
    }
    QVERIFY(torch::equal(automatic, plain));
  }

  // The K/V handed out for one call's context do not outlive it: a later call with another token
  // count (a different prompt length) gets its own keys and values, as on the plain path.
  void otherTokenCountGetsItsOwnKeysAndValues() {
    auto model = gesso::models::load_unet_2d_condition(gesso::test::model_dir("unet_sd1"));
    const auto ref = SafetensorsFile::open(gesso::test::reference_path("unet_sd1"));
    c10::InferenceMode inference;
    const auto sample = ref.view("case1.sample"), timestep = ref.view("case1.timestep");
    const auto context = ref.view("case1.encoder_hidden_states").narrow(1, 0, 20).flip(1);  // 20 tokens, not 77
    torch::Tensor plain, fused;
    {
      const ScopedKernelFusion off(KernelFusion::kOff);
      plain = model->forward(sample, timestep, {.context = context});
    }
    {
      const ScopedKernelFusion on(KernelFusion::kOn);
      expect_close("77 tokens", run_case(model, ref, 1), ref.view("case1.out"), worst_);
      fused = model->forward(sample, timestep, {.context = context});
    }
    QVERIFY(cross_kv_concatenated(model));
    expect_close("20 tokens after 77: fused vs plain", fused, plain, worst_);
  }

  // A cross-attention reads its columns of the call's shared K/V (a slice of a wider matrix) only for
  // a context of its shape; any other context, or no columns, gets keys and values of its own.
  void attentionUsesOnlyAFittingKeyValueSlice() {
    torch::manual_seed(7);
    gesso::models::Attention attn(gesso::models::AttentionOptions{.query_dim = 16, .cross_attention_dim = 12,
                                                                   .heads = 2, .dim_head = 4});
    c10::InferenceMode inference;
    for (auto& p : attn->parameters()) p.normal_(0, 0.3);  // the layers are created uninitialised
    const auto x = torch::randn({2, 6, 16}), context = torch::randn({2, 5, 12});
    const auto expected = attn->forward(x, context);
    gesso::models::FusedColumns columns;
    columns.context_kv[attn.get()] = 3;
    gesso::models::UNetCall call{.context = context, .columns = &columns};
    const auto fused = [&] { return attn->forward_into(x, &call, attn->out_bias().expand_as(x).contiguous()); };
    const auto kv = torch::cat({attn->to_k()->weight, attn->to_v()->weight});
    call.context_kv = torch::cat({torch::randn({2, 5, 3}), at::linear(context, kv), torch::randn({2, 5, 7})}, 2);
    expect_close("fitting slice", fused(), expected, worst_);
    call.context_kv = torch::randn({2, 7, 3 + 2 * attn->inner_dim()});  // stale: another token count
    expect_close("stale slice ignored", fused(), expected, worst_);
    call.context_kv = torch::zeros({2, 5, 3 + 2 * attn->inner_dim()});  // fitting, so used: proves the slice is read
    QVERIFY(gesso::test::max_abs_diff(fused(), expected) > 1e-3);
    call.columns = nullptr;  // a module the prepare pass gave no columns computes its own
    expect_close("no columns", fused(), expected, worst_);
  }

  void cleanupTestCase() { qInfo("worst max |diff|: %.3g", worst_); }

 private:
  double worst_ = 0;
};

QTEST_GUILESS_MAIN(TestFusedUNet)
#include "test_fused_unet.moc"
