// AUTOMATIC1111's prompt conditioning and textual inversion (tests/fixtures/prompt_fixture.py, an
// independent Python implementation of A1111's sd_hijack_clip.py checked there against diffusers):
// the chunks' tokens and weights, the emphasis-scaled, mean-restored hidden states, BREAK, comma
// backtracking, embeddings in A1111's .pt (restricted unpickler) and safetensors forms, SDXL's two
// encoders and pooled output; diffusers' load_textual_inversion as the oracle for plain use; then
// prompt editing and mismatched chunk counts through the pipeline, and the token counter.
#include <QtTest>

#include <c10/core/InferenceMode.h>
#include <torch/torch.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/fixtures.h"
#include "engine/io/safetensors.h"
#include "engine/pipelines/model_bundle.h"
#include "engine/pipelines/network_library.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/text/prompt_chunks.h"

using namespace gesso;
namespace fs = std::filesystem;

namespace {

fs::path dir() { return test::fixture_dir("prompt"); }
std::string embeddings_dir() { return (dir() / "embeddings").string(); }

nlohmann::json cases() {
  std::ifstream in(dir() / "prompts.json");
  return nlohmann::json::parse(in);
}

pipelines::ModelBundle& model(const std::string& name) {
  static std::map<std::string, std::unique_ptr<pipelines::ModelBundle>> loaded;
  auto& slot = loaded[name];
  if (!slot) slot = pipelines::load_model_bundle((dir() / name).string(), torch::kCPU, {});
  return *slot;
}

double max_abs(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

void expect_close(const std::string& what, const torch::Tensor& got, const torch::Tensor& want, double tol = 2e-6) {
  if (got.sizes() != want.sizes())
    QFAIL(qPrintable(QString::fromStdString(what + ": shape " + c10::str(got.sizes()) + ", want " + c10::str(want.sizes()))));
  const double err = max_abs(got, want);
  qInfo("%s: max abs difference %.3g", what.c_str(), err);
  if (err > tol) QFAIL(qPrintable(QString::fromStdString(what + " off by " + std::to_string(err))));
}

// The conditioning of one text alone (no guidance), as a run computes it.
models::Conditioning encode(const std::string& model_name, const std::string& prompt, bool plain = false) {
  auto& m = model(model_name);
  const auto nets = pipelines::resolve_prompt_networks(prompt, "", "", embeddings_dir());
  c10::InferenceMode inference;
  const pipelines::PromptInput in{.prompt = nets.prompt, .guidance = false, .plain = plain, .embeddings = &nets.embeddings};
  return m.conditioner->encode(in, torch::kFloat, m.offloads);
}

pipelines::GenerationRequest request(const std::string& prompt, const std::string& negative) {
  pipelines::GenerationRequest r;
  r.model_dir = (dir() / "sd1").string();
  r.prompt = prompt;
  r.negative_prompt = negative;
  r.embeddings_dir = embeddings_dir();
  r.sampler = "Euler";
  r.steps = 3;
  r.width = r.height = 32;
  r.seed = 11;
  r.runtime.device = "cpu";
  return r;
}

}  // namespace

class TestPromptConditioning : public QObject {
  Q_OBJECT

 private slots:
  void matchesA1111_data() {
    QTest::addColumn<int>("index");
    const auto all = cases();
    for (int i = 0; i < static_cast<int>(all.size()); ++i)
      QTest::newRow(all[static_cast<std::size_t>(i)]["name"].get<std::string>().c_str()) << i;
  }

  // Each case's chunks (tokens and weights, every encoder) and its conditioning.
  void matchesA1111() {
    QFETCH(int, index);
    const auto c = cases()[static_cast<std::size_t>(index)];
    const std::string name = c["name"], model_name = c["model"], prompt = c["prompt"];
    const auto ref = io::SafetensorsFile::open((dir() / ("prompt_" + name + ".safetensors")).string());
    const auto nets = pipelines::resolve_prompt_networks(prompt, "", "", embeddings_dir());
    for (const std::string component : {"text_encoder", "text_encoder_2"}) {
      if (!ref.contains("tokens_" + component)) continue;
      const auto tokenizer = text::CLIPTokenizer::from_dir((dir() / model_name / (component == "text_encoder" ? "tokenizer" : "tokenizer_2")).string());
      std::vector<text::EmbeddingName> names;
      for (const auto& e : nets.embeddings) names.push_back({tokenizer.tokenize(e.name), e.count()});
      const auto chunked = text::chunk_prompt(prompt, tokenizer, names);
      QCOMPARE(static_cast<int>(chunked.chunks.size()), c["chunks"].get<int>());
      std::vector<int64_t> tokens;
      std::vector<float> weights;
      for (const auto& chunk : chunked.chunks) {
        tokens.insert(tokens.end(), chunk.tokens.begin(), chunk.tokens.end());
        weights.insert(weights.end(), chunk.multipliers.begin(), chunk.multipliers.end());
      }
      const auto want_tokens = ref.view("tokens_" + component).reshape({-1}).to(torch::kLong);
      QVERIFY2(torch::equal(torch::tensor(tokens), want_tokens), (name + " " + component + " tokens").c_str());
      expect_close(name + " " + component + " weights", torch::tensor(weights), ref.view("weights_" + component).reshape({-1}), 0);
    }
    const auto got = encode(model_name, prompt);
    expect_close(name + " context", got.context, ref.view("context"));
    if (ref.contains("pooled")) expect_close(name + " pooled", got.pooled, ref.view("pooled"));
  }

  // Without brackets or weights, embeddings as diffusers' load_textual_inversion places them: A1111's
  // .pt (through the restricted unpickler) and emb_params safetensors on SD 1.x, clip_l / clip_g on
  // SDXL. SDXL's pooled output is A1111's (at the end token, which diffusers' added token ids
  // outrank); the fixture asserts diffusers pooled at the end token is that.
  void embeddingsMatchDiffusers() {
    const auto sd1 = io::SafetensorsFile::open((dir() / "ti_sd1.safetensors").string());
    expect_close("sd1", encode("sd1", "a photo of easyneg, badhand").context, sd1.view("context"));
    const auto sdxl = io::SafetensorsFile::open((dir() / "ti_sdxl.safetensors").string());
    const auto got = encode("sdxl", "a photo of xlemb");
    expect_close("sdxl", got.context, sdxl.view("context"));
    expect_close("sdxl pooled", got.pooled, sdxl.view("pooled_eos"));
    // Plain prompts take embeddings too (diffusers' own prompts have them).
    expect_close("sd1 plain", encode("sd1", "a photo of easyneg, badhand", true).context, sd1.view("context"));
  }

  // Plain (diffusers) prompts: the brackets are text, one window.
  void plainPrompts() {
    const auto weighted = encode("sd1", "a (red:1.5) cat");
    const auto plain = encode("sd1", "a (red:1.5) cat", true);
    QVERIFY(max_abs(weighted.context, plain.context) > 1e-3);
    QCOMPARE(plain.context.size(1), int64_t{77});
    QCOMPARE(encode("sd1", std::string(400, 'a') + " cat, dog", true).context.size(1), int64_t{77});
  }

  // A1111's counter: "tokens/target" with the target in whole chunks.
  void tokenCounter() {
    QCOMPARE(QString::fromStdString(text::token_counter_text(0)), QString("0/75"));
    QCOMPARE(QString::fromStdString(text::token_counter_text(75)), QString("75/75"));
    QCOMPARE(QString::fromStdString(text::token_counter_text(82)), QString("82/150"));
    const auto tok = text::CLIPTokenizer::from_dir((dir() / "sd1" / "tokenizer").string());
    for (const auto& c : cases()) {
      if (c["model"] != "sd1" || !c["embeddings"].empty()) continue;
      int want = 0;
      const auto& fill = c["chunk_fill"];
      for (std::size_t i = 0; i < fill.size(); ++i) want += i + 1 < fill.size() ? 75 : fill[i].get<int>();
      QCOMPARE(text::chunk_prompt(c["prompt"], tok).token_count, want);
    }
  }

  // An embedding of another width is read as text, and the run says so.
  void wrongWidthIsANote() {
    pipelines::StableDiffusionPipeline p;
    pipelines::Observer quiet;
    const auto result = p.run(request("a wrongdim cat", ""), quiet);
    bool noted = false;
    for (const auto& n : result.notes) noted |= n.find("wrongdim") != std::string::npos && n.find("does not fit") != std::string::npos;
    QVERIFY(noted);
  }

  // "TI hashes" as A1111 writes it, for the embeddings the prompts use (the library's hashes).
  void tiHashesWritten() {
    pipelines::StableDiffusionPipeline p;
    pipelines::Observer quiet;
    auto r = request("a photo of easyneg", "badhand");
    r.network_hashes[(dir() / "embeddings" / "easyneg.pt").string()] = "aaaaaaaaaaaa";
    r.network_hashes[(dir() / "embeddings" / "badhand.safetensors").string()] = "bbbbbbbbbbbb";
    const auto params = p.run(r, quiet).parameters.at(0);
    QCOMPARE(QString::fromStdString(params.extra.at("TI hashes")), QString("badhand: bbbbbbbbbbbb, easyneg: aaaaaaaaaaaa"));
    QVERIFY(!params.extra.count("Lora hashes"));
  }

  // A negative prompt of one chunk beside a prompt of two: the shorter context is repeated, which
  // leaves cross-attention as it was — the same latents as a negative of two identical chunks.
  void chunkCountsMatched() {
    pipelines::StableDiffusionPipeline p;
    pipelines::Observer quiet;
    const std::string prompt = "a cat BREAK on a sofa";
    const auto one = p.run(request(prompt, "blurry"), quiet).latents;
    const auto two = p.run(request(prompt, "blurry BREAK blurry"), quiet).latents;
    QVERIFY2(max_abs(one, two) < 1e-5, qPrintable(QString::number(max_abs(one, two))));
  }

  // Prompt editing: an edit at the last step is the first text throughout; at 0 the second; one
  // in between is neither. The same in the negative prompt; alternation of one text is that text.
  void promptEditing() {
    pipelines::StableDiffusionPipeline p;
    pipelines::Observer quiet;
    const auto run = [&](const std::string& prompt, const std::string& negative) {
      return p.run(request(prompt, negative), quiet).latents;
    };
    const auto cat = run("a photo of a cat", "blurry"), dog = run("a photo of a dog", "blurry");
    QCOMPARE(max_abs(run("a photo of a [cat:dog:3]", "blurry"), cat), 0.0);
    QCOMPARE(max_abs(run("a photo of a [cat:dog:0]", "blurry"), dog), 0.0);
    const auto switched = run("a photo of a [cat:dog:1]", "blurry");
    QVERIFY(max_abs(switched, cat) > 1e-4 && max_abs(switched, dog) > 1e-4);
    QCOMPARE(max_abs(run("a photo of a [cat|cat]", "blurry"), cat), 0.0);
    QVERIFY(max_abs(run("a photo of a [cat|dog]", "blurry"), cat) > 1e-4);
    const auto neg = run("a photo of a cat", "[blurry:sharp:1]");
    QVERIFY(max_abs(neg, cat) > 1e-4 && max_abs(neg, run("a photo of a cat", "sharp")) > 1e-4);
    // Plain prompts keep the brackets as text.
    auto plain = request("a photo of a [cat:dog:0]", "blurry");
    plain.plain_prompts = true;
    QVERIFY(max_abs(p.run(plain, quiet).latents, dog) > 1e-4);
  }
};

QTEST_APPLESS_MAIN(TestPromptConditioning)
#include "test_prompt_conditioning.moc"
