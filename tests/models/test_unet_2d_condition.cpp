// UNet2DConditionModel against diffusers 0.42: tiny random SD 1.x, SD 2.x and inpainting UNets
// (tests/fixtures/models_fixture.py) run on the same inputs, fp32 on CPU, within 1e-4.
#include <QtTest>

#include <torch/torch.h>

#include "engine/error.h"
#include "engine/io/safetensors.h"
#include "engine/io/state_dict.h"
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
    gesso::models::UNetResiduals residuals;
    for (int j = 0; ref.contains(key("down_residual" + std::to_string(j))); ++j)
      residuals.down.push_back(ref.view(key("down_residual" + std::to_string(j))));
    if (ref.contains(key("mid_residual"))) residuals.mid = ref.view(key("mid_residual"));
    const auto out = model->forward(ref.view(key("sample")), ref.view(key("timestep")),
                                    ref.view(key("encoder_hidden_states")), residuals);
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
    const auto ehs = torch::zeros({1, 77, 32});
    QVERIFY_THROWS_EXCEPTION(gesso::Error, model->forward(torch::zeros({1, 3, 8, 8}), torch::tensor(1), ehs));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, model->forward(torch::zeros({1, 4, 8, 8}), torch::tensor({1, 2, 3}), ehs));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, model->forward(torch::zeros({2, 4, 8, 8}), torch::tensor(1), ehs));
    gesso::models::UNetResiduals residuals;
    residuals.down.push_back(torch::zeros({1, 32, 8, 8}));
    QVERIFY_THROWS_EXCEPTION(gesso::Error,
                             model->forward(torch::zeros({1, 4, 8, 8}), torch::tensor(1), ehs, residuals));
  }

  void cleanupTestCase() { qInfo("worst UNet difference: %.3g", worst_); }

 private:
  double worst_ = 0;
};

QTEST_GUILESS_MAIN(TestUNet2DCondition)
#include "test_unet_2d_condition.moc"
