// UNet2DConditionModel against diffusers 0.42: tiny random SD 1.x, SD 2.x, XL, inpainting, IF and x4 upscaler UNets,
// and one for each class embedding type, the encoder projection and an attention mask
// (tests/fixtures/models_fixture.py), run on the same inputs, fp32 on CPU, within 1e-4.
#include <QtTest>

#include <torch/torch.h>

#include "engine/error.h"
#include "engine/io/safetensors.h"
#include "engine/io/state_dict.h"
#include "engine/kernels/fusion.h"
#include "engine/models/attention_dispatch.h"
#include "engine/models/unet_2d_condition.h"
#include "models/model_test_util.h"

using gesso::io::SafetensorsFile;
using gesso::models::UNet2DConditionConfig;
using gesso::models::UNet2DConditionModel;
using gesso::test::expect_close;

namespace {

// Runs every case of <name>/reference.safetensors; raises `worst` to the worst difference seen.
void check_unet(const std::string& name, int expected_cases, double& worst) {
  auto model = gesso::models::load_unet_2d_condition(gesso::test::model_dir(name));
  const auto ref = SafetensorsFile::open(gesso::test::reference_path(name));
  c10::InferenceMode inference;
  int cases = 0;
  for (; ref.contains("case" + std::to_string(cases) + ".out"); ++cases) {
    const auto key = [&](const std::string& t) { return "case" + std::to_string(cases) + "." + t; };
    gesso::models::Conditioning c{.context = ref.view(key("encoder_hidden_states"))};
    const auto optional = [&](const std::string& t) { return ref.contains(key(t)) ? ref.view(key(t)) : torch::Tensor(); };
    c.pooled = optional("text_embeds");
    c.time_ids = optional("time_ids");
    c.class_labels = optional("class_labels");
    // Projected labels go straight into a GEMM, and MKL rounds an unaligned operand (a view into the
    // mapped file) differently: copied, as the Python side's tensors are.
    if (c.class_labels.defined()) c.class_labels = c.class_labels.clone();
    c.attention_mask = optional("attention_mask");
    for (int j = 0; ref.contains(key("down_residual" + std::to_string(j))); ++j)
      c.control.down.push_back(ref.view(key("down_residual" + std::to_string(j))));
    c.control.mid = optional("mid_residual");
    const auto out = model->forward(ref.view(key("sample")), ref.view(key("timestep")), c);
    expect_close(name + " " + key("out") + " " + c10::str(out.sizes()), out, ref.view(key("out")), worst);
    if (QTest::currentTestFailed()) return;
  }
  QCOMPARE(cases, expected_cases);
}

}  // namespace

class TestUNet2DCondition : public QObject {
  Q_OBJECT

 private slots:
  void sd1MatchesDiffusers() { check_unet("unet_sd1", 5, worst_); }
  void sd2MatchesDiffusers() { check_unet("unet_sd2", 3, worst_); }
  void inpaintingMatchesDiffusers() { check_unet("unet_inpaint", 2, worst_); }
  void lessCommonOptionsMatchDiffusers() { check_unet("unet_variants", 2, worst_); }
  void sdxlAddedTextTimeMatchesDiffusers() { check_unet("unet_xl", 3, worst_); }
  // DeepFloyd IF's block kinds: added-K/V attention, resnet resamplers, the pooled "text" embedding.
  void deepFloydStageIMatchesDiffusers() { check_unet("unet_if1", 3, worst_); }
  // Stage II: noise-level class labels, cross-attention only, skipped time activation, scaled resnets.
  void deepFloydStageIIMatchesDiffusers() { check_unet("unet_if2", 2, worst_); }
  // The x4 upscaler: 7 input channels, a noise-level class table, cross-attention-only transformers.
  void x4UpscalerMatchesDiffusers() { check_unet("unet_x4", 2, worst_); }
  void classEmbeddingsMatchDiffusers_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("cases");
    QTest::newRow("timestep + encoder_hid_proj + mask") << "unet_class_timestep" << 2;
    QTest::newRow("table, concatenated") << "unet_class_table" << 1;
    QTest::newRow("projection + mask") << "unet_class_projection" << 1;
    QTest::newRow("simple_projection + mask") << "unet_class_simple_projection" << 1;
    QTest::newRow("identity + mask") << "unet_class_identity" << 1;
  }
  void classEmbeddingsMatchDiffusers() {
    QFETCH(QString, name);
    QFETCH(int, cases);
    check_unet(name.toStdString(), cases, worst_);
  }

  // The masked cases through every attention path: diffusers' reference is its default SDPA; the
  // baddbmm path (AttnProcessor) and attention slicing add the same bias to the scores.
  void maskedAttentionOnEveryPath() {
    using gesso::models::AttentionConfig;
    for (const auto& [label, config] : {std::pair{"plain", AttentionConfig{.backend = gesso::runtime::AttentionBackend::kPlain}},
                                        std::pair{"sliced", AttentionConfig{.slice = 1}},
                                        std::pair{"math", AttentionConfig{.backend = gesso::runtime::AttentionBackend::kMath}}}) {
      const gesso::models::ScopedAttentionConfig scope(config);
      qInfo("%s", label);
      check_unet("unet_class_projection", 1, worst_);
      check_unet("unet_class_timestep", 2, worst_);
      if (QTest::currentTestFailed()) return;
    }
  }

  // A mask that hides tokens must change the output (the mask is really applied), and a mask of
  // ones must not (the bias is exactly zero there).
  void attentionMaskIsApplied() {
    auto model = gesso::models::load_unet_2d_condition(gesso::test::model_dir("unet_class_timestep"));
    c10::InferenceMode inference;
    torch::manual_seed(1);
    gesso::models::Conditioning c{.context = torch::randn({1, 77, 20}), .class_labels = torch::tensor({5})};
    const auto x = torch::randn({1, 4, 8, 8});
    const auto plain = model->forward(x, torch::tensor(10), c);
    c.attention_mask = torch::ones({1, 77});
    QCOMPARE((model->forward(x, torch::tensor(10), c) - plain).abs().max().item<double>(), 0.0);
    c.attention_mask.slice(1, 10).zero_();
    QVERIFY((model->forward(x, torch::tensor(10), c) - plain).abs().max().item<double>() > 1e-3);
  }

  // Each added condition the config enables is required, and its width checked, with a message
  // naming the field and the config key.
  void missingOrMisshapedConditionsAreClearErrors() {
    auto xl = gesso::models::load_unet_2d_condition(gesso::test::model_dir("unet_xl"));
    c10::InferenceMode inference;
    const auto x = torch::zeros({1, 4, 8, 8});
    gesso::models::Conditioning c{.context = torch::zeros({1, 77, 40}), .pooled = torch::zeros({1, 24}),
                                  .time_ids = torch::zeros({1, 6})};
    QCOMPARE(xl->forward(x, torch::tensor(1), c).sizes().vec(), x.sizes().vec());
    const auto message = [&](gesso::models::Conditioning bad) {
      try {
        xl->forward(x, torch::tensor(1), bad);
      } catch (const gesso::Error& e) {
        return std::string(e.what());
      }
      return std::string("(no error)");
    };
    auto no_pooled = c;
    no_pooled.pooled = torch::Tensor();
    QVERIFY2(message(no_pooled).find("text_embeds") != std::string::npos, message(no_pooled).c_str());
    auto five_ids = c;
    five_ids.time_ids = torch::zeros({1, 5});  // a refiner's time ids for a base UNet
    QVERIFY2(message(five_ids).find("projection_class_embeddings_input_dim is 72") != std::string::npos,
             message(five_ids).c_str());
    auto narrow = c;
    narrow.context = torch::zeros({1, 77, 32});
    QVERIFY2(message(narrow).find("expected [1, tokens, 40]") != std::string::npos, message(narrow).c_str());
    auto timestep = gesso::models::load_unet_2d_condition(gesso::test::model_dir("unet_class_timestep"));
    QVERIFY_THROWS_EXCEPTION(gesso::Error,
                             timestep->forward(x, torch::tensor(1), {.context = torch::zeros({1, 77, 20})}));
  }

  // The fused path's GEMMs shared by the whole call (time shifts, cross-attention K/V) read the
  // same values as each module computing its own (kernels::kOn runs the references on the CPU).
  void addedConditionsOnTheFusedPath() {
    auto xl = gesso::models::load_unet_2d_condition(gesso::test::model_dir("unet_xl"));
    c10::InferenceMode inference;
    torch::manual_seed(2);
    const gesso::models::Conditioning c{.context = torch::randn({2, 77, 40}), .pooled = torch::randn({2, 24}),
                                        .time_ids = torch::rand({2, 6}) * 64};
    const auto x = torch::randn({2, 4, 8, 8});
    torch::Tensor plain, fused;
    {
      const gesso::kernels::ScopedKernelFusion off(gesso::runtime::KernelFusion::kOff);
      plain = xl->forward(x, torch::tensor(300), c);
    }
    {
      const gesso::kernels::ScopedKernelFusion on(gesso::runtime::KernelFusion::kOn);
      fused = xl->forward(x, torch::tensor(300), c);
    }
    QVERIFY2((plain - fused).abs().max().item<double>() < 1e-4, c10::str((plain - fused).abs().max()).c_str());
  }

  void sd2ConfigReadsAttentionHeadDimAsHeadCounts() {
    const auto c = UNet2DConditionConfig::from_json_file(gesso::test::model_dir("unet_sd2") + "/config.json");
    QCOMPARE(c.num_attention_heads, (std::vector<int64_t>{2, 4, 8}));
    QVERIFY(c.use_linear_projection);
    QVERIFY(c.upcast_attention);
    QCOMPARE(c.cross_attention_dim, (std::vector<int64_t>{48, 48, 48}));
  }

  void parameterNamesAreTheCheckpointKeys() {
    const auto dir = gesso::test::model_dir("unet_sd1");
    UNet2DConditionModel model(UNet2DConditionConfig::from_json_file(dir + "/config.json"));
    const auto files = gesso::io::open_component_weights(dir);
    std::set<std::string> keys, names;
    for (const auto& t : files.front().tensors()) keys.insert(t.name);
    for (const auto& p : model->named_parameters()) names.insert(p.key());
    QCOMPARE(names.size(), keys.size());
    QVERIFY(names == keys);
    QVERIFY(names.count("down_blocks.0.attentions.0.transformer_blocks.0.ff.net.2.weight"));
    QVERIFY(names.count("up_blocks.0.upsamplers.0.conv.weight"));
  }

  void weightsOfAnotherLayoutAreRejected() {
    UNet2DConditionModel model(
        UNet2DConditionConfig::from_json_file(gesso::test::model_dir("unet_sd1") + "/config.json"));
    const auto other = gesso::io::open_component_weights(gesso::test::model_dir("unet_sd2"));
    QVERIFY_THROWS_EXCEPTION(gesso::ModelFileError, gesso::io::load_state_dict(*model, other));
  }

  void badInputsThrowGessoErrors() {
    auto model = gesso::models::load_unet_2d_condition(gesso::test::model_dir("unet_sd1"));
    c10::InferenceMode inference;
    const gesso::models::Conditioning ehs{.context = torch::zeros({1, 77, 32})};
    QVERIFY_THROWS_EXCEPTION(gesso::Error, model->forward(torch::zeros({1, 3, 8, 8}), torch::tensor(1), ehs));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, model->forward(torch::zeros({1, 4, 8, 8}), torch::tensor({1, 2, 3}), ehs));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, model->forward(torch::zeros({2, 4, 8, 8}), torch::tensor(1), ehs));
    auto residuals = ehs;
    residuals.control.down.push_back(torch::zeros({1, 32, 8, 8}));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, model->forward(torch::zeros({1, 4, 8, 8}), torch::tensor(1), residuals));
  }

  void cleanupTestCase() { qInfo("worst UNet difference: %.3g", worst_); }

 private:
  double worst_ = 0;
};

QTEST_GUILESS_MAIN(TestUNet2DCondition)
#include "test_unet_2d_condition.moc"
