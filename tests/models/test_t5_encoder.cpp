// T5EncoderModel against transformers' T5EncoderModel (tiny random T5 v1.1 "gated-gelu" and v1.0
// "relu" encoders, on the CPU): last hidden states in float32 for padded prompts with their masks and
// for unmasked ids, from one file, shards, either or both embedding keys; float16 (wo kept in float32,
// the overflow clamp) and bfloat16 as transformers loads them; the tokenizer and the encoder end to
// end; broken folders.
#include <QtTest>

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/io/safetensors.h"
#include "engine/io/state_dict.h"
#include "engine/models/t5_encoder_model.h"
#include "engine/text/t5_tokenizer.h"

using gesso::io::SafetensorsFile;
using gesso::models::T5Config;
using gesso::models::T5EncoderModel;

namespace {

constexpr double kTolerance = 1e-4;  // float32
double worst_diff = 0;

std::filesystem::path dir(const std::string& name) { return gesso::test::fixture_dir("t5") / name; }

nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

T5EncoderModel load(const std::string& name, torch::ScalarType dtype = torch::kFloat) {
  gesso::io::LoadOptions options;
  options.dtype = dtype;
  return gesso::models::load_t5_encoder((dir(name) / "text_encoder").string(), options);
}

SafetensorsFile reference(const std::string& name) {
  return SafetensorsFile::open((dir(name) / "reference.safetensors").string());
}

double max_diff(const torch::Tensor& got, const torch::Tensor& want) {
  return (got.to(torch::kDouble) - want.to(torch::kDouble)).abs().max().item<double>();
}

bool close(const torch::Tensor& got, const torch::Tensor& want, double tolerance, const std::string& what) {
  if (got.sizes() != want.sizes()) {
    qWarning("%s: shape %s, want %s", what.c_str(), c10::str(got.sizes()).c_str(), c10::str(want.sizes()).c_str());
    return false;
  }
  const double diff = max_diff(got, want);
  if (tolerance == kTolerance) worst_diff = std::max(worst_diff, diff);
  qInfo("%s: max abs diff %g", what.c_str(), diff);
  return diff <= tolerance;
}

// Both reference outputs of `ref` (suffix: "" or "_float16" ...) for `model`.
void check_outputs(T5EncoderModel& model, const SafetensorsFile& ref, const std::string& suffix, double tolerance,
                   const std::string& what) {
  torch::NoGradGuard no_grad;
  const auto out = model->forward(ref.view("input_ids"), ref.view("attention_mask"));
  QVERIFY(close(out, ref.view("last_hidden_state" + suffix), tolerance, what + " padded prompts"));
  const auto short_out = model->forward(ref.view("short_ids"));
  QVERIFY(close(short_out, ref.view("short_last_hidden_state" + suffix), tolerance, what + " unmasked ids"));
}

std::string load_error(const std::filesystem::path& folder) {
  try {
    gesso::models::load_t5_encoder(folder.string());
  } catch (const gesso::ModelFileError& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("not a ModelFileError: ") + e.what();
  }
  return "(no error)";
}

}  // namespace

class TestT5Encoder : public QObject {
  Q_OBJECT

 private slots:
  void parameterNamesAreCheckpointKeys() {
    auto model = load("t5_gated");
    const auto params = model->named_parameters();
    for (const char* key : {"shared.weight", "encoder.block.0.layer.0.SelfAttention.q.weight",
                            "encoder.block.0.layer.0.SelfAttention.o.weight",
                            "encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight",
                            "encoder.block.1.layer.0.layer_norm.weight", "encoder.block.1.layer.1.DenseReluDense.wi_0.weight",
                            "encoder.block.1.layer.1.DenseReluDense.wi_1.weight", "encoder.block.0.layer.1.DenseReluDense.wo.weight",
                            "encoder.block.0.layer.1.layer_norm.weight", "encoder.final_layer_norm.weight"})
      QVERIFY2(params.contains(key), key);
    QVERIFY(!params.contains("encoder.block.1.layer.0.SelfAttention.relative_attention_bias.weight"));
    QCOMPARE(params.size(), std::size_t(1 + 2 * 9 + 1 + 1));
    auto relu = load("t5_relu");
    QVERIFY(relu->named_parameters().contains("encoder.block.2.layer.1.DenseReluDense.wi.weight"));
  }

  void configReadsTransformersKeys() {
    const auto c = T5Config::from_json_file((dir("t5_gated") / "text_encoder" / "config.json").string());
    QCOMPARE(c.d_model, int64_t(32));
    QCOMPARE(c.d_kv, int64_t(8));
    QCOMPARE(c.num_heads, int64_t(4));
    QVERIFY(c.is_gated_act);
    QVERIFY(c.dense_act_fn == gesso::models::T5Activation::GELUNew);
    const auto r = T5Config::from_json_file((dir("t5_relu") / "text_encoder" / "config.json").string());
    QVERIFY(!r.is_gated_act);
    QVERIFY(r.dense_act_fn == gesso::models::T5Activation::ReLU);
    QCOMPARE(r.relative_attention_num_buckets, int64_t(8));
    QCOMPARE(r.layer_norm_epsilon, 1e-5);
    // Absent keys: T5Config's defaults (t5-small's shape, "relu").
    QTemporaryDir tmp;
    const auto path = (std::filesystem::path(tmp.path().toStdString()) / "config.json").string();
    std::ofstream(path) << "{}";
    const auto d = T5Config::from_json_file(path);
    QCOMPARE(d.vocab_size, int64_t(32128));
    QCOMPARE(d.d_model, int64_t(512));
    QCOMPARE(d.d_ff, int64_t(2048));
    QCOMPARE(d.num_layers, int64_t(6));
    QCOMPARE(d.relative_attention_max_distance, int64_t(128));
    QCOMPARE(d.layer_norm_epsilon, 1e-6);
    QVERIFY(!d.is_gated_act && d.dense_act_fn == gesso::models::T5Activation::ReLU);
    std::ofstream(path) << R"({"feed_forward_proj": "gated-silu"})";
    QVERIFY(T5Config::from_json_file(path).dense_act_fn == gesso::models::T5Activation::SiLU);
    std::ofstream(path) << R"({"feed_forward_proj": "gelu"})";  // not gated: the erf gelu
    QVERIFY(T5Config::from_json_file(path).dense_act_fn == gesso::models::T5Activation::GELU);
  }

  // The same weights from one file, from shards, with "encoder.embed_tokens.weight" alone or beside
  // "shared.weight".
  void gatedMatchesTransformers_data() {
    QTest::addColumn<QString>("folder");
    for (const char* f : {"t5_gated", "t5_gated_sharded", "t5_gated_embed_only", "t5_gated_both_keys"})
      QTest::newRow(f) << f;
  }
  void gatedMatchesTransformers() {
    QFETCH(QString, folder);
    if (folder == "t5_gated_sharded")
      QVERIFY(std::filesystem::exists(dir("t5_gated_sharded") / "text_encoder" / "model.safetensors.index.json"));
    auto model = load(folder.toStdString());
    check_outputs(model, reference("t5_gated"), "", kTolerance, folder.toStdString());
  }

  void reluMatchesTransformers() {
    auto model = load("t5_relu");
    check_outputs(model, reference("t5_relu"), "", kTolerance, "t5_relu");
  }

  // The mask matters (a dropped mask would be caught), and an all-ones mask is no mask.
  void maskIsApplied() {
    torch::NoGradGuard no_grad;
    auto model = load("t5_gated");
    const auto ref = reference("t5_gated");
    const auto ids = ref.view("input_ids");
    QVERIFY(max_diff(model->forward(ids), ref.view("last_hidden_state")) > 1e-2);
    const auto short_ids = ref.view("short_ids");
    QVERIFY(torch::allclose(model->forward(short_ids, torch::ones_like(short_ids)), model->forward(short_ids), 0, 1e-6));
  }

  // transformers' from_pretrained(dtype=...): float16 keeps wo in float32, bfloat16 does not.
  void halfPrecisionMatchesTransformers_data() {
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("dtype");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("gated float16") << "t5_gated" << "float16" << 2e-3;
    QTest::newRow("gated bfloat16") << "t5_gated" << "bfloat16" << 1.6e-2;
    QTest::newRow("relu float16") << "t5_relu" << "float16" << 2e-3;
    QTest::newRow("relu bfloat16") << "t5_relu" << "bfloat16" << 1.6e-2;
    QTest::newRow("float16 overflow clamped") << "t5_overflow" << "float16" << 2e-3;
  }
  void halfPrecisionMatchesTransformers() {
    QFETCH(QString, folder);
    QFETCH(QString, dtype);
    QFETCH(double, tolerance);
    const auto type = dtype == "float16" ? torch::kHalf : torch::kBFloat16;
    const std::string name = folder.toStdString(), dtype_name = dtype.toStdString();
    auto model = load(name, type);
    const auto ref = reference(name);
    check_outputs(model, ref, "_" + dtype_name, tolerance, name + " " + dtype_name);
    torch::NoGradGuard no_grad;
    const auto out = model->forward(ref.view("input_ids"), ref.view("attention_mask"));
    QCOMPARE(out.scalar_type(), type);
    QVERIFY(torch::isfinite(out).all().item<bool>());
    const auto facts = read_json(dir(name) / "facts.json");
    const auto wo = model->encoder->block[0]->feed_forward->DenseReluDense->wo->weight;
    QCOMPARE(wo.scalar_type() == torch::kFloat, facts["wo_dtype_" + dtype_name] == "torch.float32");
    QCOMPARE(model->encoder->block[0]->self_attention->SelfAttention->q->weight.scalar_type(), type);
  }

  // Our tokenizer's ids and masks are the fixture's, so the two make transformers' embeddings.
  void tokenizerAndEncoderEndToEnd() {
    const auto tok = gesso::text::T5Tokenizer::from_dir(dir("tokenizer").string());
    const auto prompts = read_json(dir("encoder_prompts.json"));
    const auto ref = reference("t5_gated");
    std::vector<torch::Tensor> ids, masks;
    for (const auto& p : prompts) {
      const auto e = tok.encode_padded(p.get<std::string>(), 77);
      ids.push_back(torch::tensor(e.ids));
      masks.push_back(torch::tensor(e.attention_mask));
    }
    QVERIFY(torch::equal(torch::stack(ids), ref.view("input_ids")));
    QVERIFY(torch::equal(torch::stack(masks), ref.view("attention_mask")));
    torch::NoGradGuard no_grad;
    auto model = load("t5_gated");
    QVERIFY(close(model->forward(torch::stack(ids), torch::stack(masks)), ref.view("last_hidden_state"), kTolerance,
                  "tokenizer + encoder"));
  }

  void brokenFoldersNameTheProblem_data() {
    QTest::addColumn<QString>("name");
    const auto expect = read_json(dir("bad_encoder") / "expect.json");  // alive through the loop
    for (const auto& [name, what] : expect.items())
      QTest::newRow(name.c_str()) << QString::fromStdString(name);
  }
  void brokenFoldersNameTheProblem() {
    QFETCH(QString, name);
    const auto what = read_json(dir("bad_encoder") / "expect.json")[name.toStdString()].get<std::string>();
    const auto error = load_error(dir("bad_encoder") / name.toStdString());
    qInfo("%s", error.c_str());
    QVERIFY2(QString::fromStdString(error).contains(QString::fromStdString(what)), error.c_str());
    QVERIFY2(!QString::fromStdString(error).startsWith("not a ModelFileError"), error.c_str());
  }

  void badInputsAreReported() {
    auto model = load("t5_relu");
    QVERIFY_THROWS_EXCEPTION(gesso::Error, model->forward(torch::zeros({4}, torch::kLong)));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, model->forward(torch::zeros({1, 0}, torch::kLong)));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, model->forward(torch::zeros({2, 5}, torch::kLong), torch::ones({2, 4})));
  }

  void cleanupTestCase() { qInfo("worst float32 max abs diff: %g (tolerance %g)", worst_diff, kTolerance); }
};

QTEST_APPLESS_MAIN(TestT5Encoder)
#include "test_t5_encoder.moc"
