// CLIPTextModel against transformers' CLIPTextModel (tiny random weights, fp32 on CPU), and the
// prompt embeddings against diffusers' StableDiffusionPipeline.encode_prompt.
#include <QtTest>

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/io/safetensors.h"
#include "engine/io/state_dict.h"
#include "engine/models/clip_text_model.h"
#include "engine/text/clip_tokenizer.h"

using gesso::io::SafetensorsFile;
using gesso::models::CLIPTextConfig;
using gesso::models::CLIPTextModel;

namespace {

constexpr double kTolerance = 1e-4;
double worst_diff = 0;

std::filesystem::path dir(const std::string& name) { return gesso::test::fixture_dir("text") / name; }

CLIPTextModel build(const std::string& name) {
  return CLIPTextModel(CLIPTextConfig::from_json_file((dir(name) / "text_encoder" / "config.json").string()));
}

SafetensorsFile weights(const std::string& name) {
  return SafetensorsFile::open((dir(name) / "text_encoder" / "model.safetensors").string());
}

// Fails the test (with the tensor's name) unless `got` is within kTolerance of `want`.
bool close(const torch::Tensor& got, const torch::Tensor& want, const std::string& what) {
  if (got.sizes() != want.sizes()) {
    qWarning("%s: shape %s, want %s", what.c_str(), c10::str(got.sizes()).c_str(), c10::str(want.sizes()).c_str());
    return false;
  }
  const double diff = (got.to(torch::kDouble) - want.to(torch::kDouble)).abs().max().item<double>();
  worst_diff = std::max(worst_diff, diff);
  if (diff > kTolerance) qWarning("%s: max abs diff %g", what.c_str(), diff);
  return diff <= kTolerance;
}

// Every reference output of `file` for `model`: last/pooled/hidden states and the clip_skip embeds.
void check_reference(CLIPTextModel& model, const std::string& file) {
  torch::NoGradGuard no_grad;
  const auto ref = SafetensorsFile::open((dir(file)).string());
  const auto ids = ref.view("input_ids");
  const auto out = model->forward(ids, /*output_hidden_states=*/true);
  QVERIFY(close(out.last_hidden_state, ref.view("last_hidden_state"), file + " last_hidden_state"));
  QVERIFY(close(out.pooler_output, ref.view("pooler_output"), file + " pooler_output"));
  QCOMPARE(out.hidden_states.size(), std::size_t(model->config().num_hidden_layers + 1));
  for (std::size_t i = 0; i < out.hidden_states.size(); ++i)
    QVERIFY(close(out.hidden_states[i], ref.view("hidden_state_" + std::to_string(i)), file + " hidden " + std::to_string(i)));
  // forward without hidden states gives the same result and an empty list.
  const auto plain = model->forward(ids);
  QVERIFY(plain.hidden_states.empty());
  QVERIFY(torch::equal(plain.last_hidden_state, out.last_hidden_state));
  int skips = 0;
  for (const auto& info : ref.tensors()) {
    if (info.name.rfind("clip_skip_", 0) != 0) continue;
    const int k = std::stoi(info.name.substr(10));
    QVERIFY(close(model->encode_prompt(ids, k), ref.view(info.name), file + " " + info.name));
    ++skips;
  }
  QVERIFY(skips >= 2);
}

std::string load_error(CLIPTextModel& model, const std::string& file) {
  try {
    gesso::io::load_state_dict(*model, {SafetensorsFile::open(file)});
  } catch (const gesso::ModelFileError& e) {
    return e.what();
  }
  return {};
}

}  // namespace

class TestCLIPTextModel : public QObject {
  Q_OBJECT

 private slots:
  void parameterNamesAreCheckpointKeys() {
    auto model = build("clip_gelu");
    const auto params = model->named_parameters();
    for (const char* key : {"text_model.embeddings.token_embedding.weight", "text_model.embeddings.position_embedding.weight",
                            "text_model.encoder.layers.4.self_attn.q_proj.weight", "text_model.encoder.layers.0.self_attn.out_proj.bias",
                            "text_model.encoder.layers.2.layer_norm1.weight", "text_model.encoder.layers.3.mlp.fc2.bias",
                            "text_model.final_layer_norm.bias"})
      QVERIFY2(params.contains(key), key);
    QCOMPARE(params.size(), std::size_t(2 + 5 * 16 + 2));
  }

  void configReadsTextEncoderJson() {
    const auto c = CLIPTextConfig::from_json_file((dir("clip_gelu") / "text_encoder" / "config.json").string());
    QCOMPARE(c.vocab_size, int64_t(1000));
    QCOMPARE(c.num_hidden_layers, int64_t(5));
    QCOMPARE(c.max_position_embeddings, int64_t(24));
    QCOMPARE(c.eos_token_id, int64_t(500));
    QVERIFY(c.hidden_act == gesso::models::CLIPActivation::GELU);
    QCOMPARE(c.layer_norm_eps, 1e-6);
    const auto q = CLIPTextConfig::from_json_file((dir("clip_quick") / "text_encoder" / "config.json").string());
    QVERIFY(q.hidden_act == gesso::models::CLIPActivation::QuickGELU);
    QCOMPARE(q.eos_token_id, int64_t(2));
  }

  // SD 2.x-like: gelu, pooling at the first eos; loaded with plain strict load_state_dict.
  void geluModelMatchesTransformers() {
    auto model = build("clip_gelu");
    gesso::io::load_state_dict(*model, {weights("clip_gelu")});
    check_reference(model, "clip_gelu/reference.safetensors");
    check_reference(model, "clip_gelu/reference_short.safetensors");
  }

  // SD 1.x-like: quick_gelu, legacy eos id 2 (pool at the largest id), a file with position_ids.
  void quickGeluModelMatchesTransformers() {
    auto model = build("clip_quick");
    QVERIFY(!load_error(model, (dir("clip_quick") / "text_encoder" / "model.safetensors").string()).empty());
    model->load_weights({weights("clip_quick")});
    check_reference(model, "clip_quick/reference.safetensors");
  }

  // Our tokenizer and encoder end to end against diffusers' encode_prompt, clip_skip None / 1 / 2.
  void encodePromptMatchesDiffusers() {
    auto model = build("clip_quick");
    model->load_weights({weights("clip_quick")});
    const auto tok = gesso::text::CLIPTokenizer::from_dir((dir("tokenizer") / "sd1").string());
    std::ifstream in(dir("clip_quick") / "prompts.json");
    const auto prompts = nlohmann::json::parse(in);
    const auto ref = SafetensorsFile::open((dir("clip_quick") / "encode_prompt.safetensors").string());
    torch::NoGradGuard no_grad;
    for (std::size_t i = 0; i < prompts.size(); ++i) {
      const auto ids = torch::tensor(tok.encode(prompts[i].get<std::string>())).unsqueeze(0);
      for (int k : {0, 1, 2}) {
        const std::string name = "prompt_" + std::to_string(i) + "_skip_" + std::to_string(k);
        QVERIFY(close(model->encode_prompt(ids, k), ref.view(name), name));
      }
    }
    qInfo("worst max abs diff so far: %g", worst_diff);
  }

  void badWeightFilesNameTheKey_data() {
    QTest::addColumn<QString>("name");
    for (const char* n : {"missing", "extra", "misshaped"}) QTest::newRow(n) << QString(n);
  }
  void badWeightFilesNameTheKey() {
    QFETCH(QString, name);
    std::ifstream in(dir("clip_gelu") / "bad" / "expect.json");
    const auto key = nlohmann::json::parse(in)[name.toStdString()].get<std::string>();
    auto model = build("clip_gelu");
    const auto file = (dir("clip_gelu") / "bad" / (name.toStdString() + ".safetensors")).string();
    const auto error = load_error(model, file);
    QVERIFY2(QString::fromStdString(error).contains(QString::fromStdString(key)), error.c_str());
    try {
      model->load_weights({SafetensorsFile::open(file)});
      QFAIL("load_weights accepted a bad file");
    } catch (const gesso::ModelFileError& e) {
      QVERIFY2(QString(e.what()).contains(QString::fromStdString(key)), e.what());
    }
  }

  void badConfigAndArgumentsAreReported() {
    QTemporaryDir tmp;
    const auto path = (std::filesystem::path(tmp.path().toStdString()) / "config.json").string();
    std::ofstream(path) << R"({"hidden_act": "swiglu", "hidden_size": 32, "num_attention_heads": 4})";
    try {
      CLIPTextConfig::from_json_file(path);
      QFAIL("accepted an unknown hidden_act");
    } catch (const gesso::ModelFileError& e) {
      QVERIFY2(QString(e.what()).contains("hidden_act"), e.what());
    }
    std::ofstream(path) << R"({"hidden_size": 30, "num_attention_heads": 4})";
    QVERIFY_THROWS_EXCEPTION(gesso::ModelFileError, CLIPTextConfig::from_json_file(path));
    QVERIFY_THROWS_EXCEPTION(gesso::ModelFileError, CLIPTextConfig::from_json_file(path + ".absent"));

    auto model = build("clip_gelu");
    const auto ids = torch::zeros({1, 8}, torch::kLong);
    QVERIFY_THROWS_EXCEPTION(gesso::RequestError, model->encode_prompt(ids, 6));
    QVERIFY_THROWS_EXCEPTION(gesso::RequestError, model->encode_prompt(ids, -1));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, model->forward(torch::zeros({1, 25}, torch::kLong)));
  }

  void cleanupTestCase() { qInfo("worst max abs diff: %g (tolerance %g)", worst_diff, kTolerance); }
};

QTEST_GUILESS_MAIN(TestCLIPTextModel)
#include "test_clip_text_model.moc"
