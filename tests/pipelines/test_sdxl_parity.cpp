// SDXL against diffusers on tiny SDXL-like folders (tests/fixtures/sdxl_fixture.py), fp32 on the
// CPU: both text encoders (penultimate states concatenated, pooled, zeros for an empty negative,
// clip skip, a long prompt, the refiner's one encoder), one UNet call with added conditions, the
// final latents of every sampler x {txt2img, img2img, inpaint 4- and 9-channel}, base + refiner
// handoffs, the refiner alone as img2img, and the defaults (the folder's own sampler and size).
#include <QtTest>

#include <torch/torch.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/fixtures.h"
#include "engine/io/image_io.h"
#include "engine/io/safetensors.h"
#include "engine/models/clip_text_model.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"

using namespace gesso;
using pipelines::PipelineKind;

namespace {

// The bound (as for SD 1.x); the worst case is printed.
constexpr double kTolerance = 1e-4;

std::filesystem::path dir() { return test::fixture_dir("sdxl"); }

nlohmann::json load_json(const std::string& name) {
  std::ifstream in(dir() / name);
  return nlohmann::json::parse(in);
}

double max_abs(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

std::string text_or_empty(const nlohmann::json& v) { return v.is_null() ? "" : v.get<std::string>(); }

pipelines::GenerationRequest request_for(const nlohmann::json& c) {
  pipelines::GenerationRequest r;
  r.model_dir = (dir() / c["model"].get<std::string>()).string();
  const auto kind = c["pipeline"].get<std::string>();
  r.pipeline = kind == "txt2img" ? PipelineKind::kTxt2Img : kind == "img2img" ? PipelineKind::kImg2Img : PipelineKind::kInpaint;
  r.prompt = c["prompt"];
  r.negative_prompt = text_or_empty(c["negative"]);  // diffusers' None
  r.sampler = text_or_empty(c["sampler"]);            // "": the folder's own scheduler
  r.steps = c["steps"];
  r.guidance_scale = c["cfg"];
  r.seed = c["seed"];
  r.strength = c["strength"];
  r.num_images = c["num_images"];
  r.clip_skip = c["clip_skip"];
  r.eta = c["eta"];
  r.width = c["width"].is_null() ? 0 : c["width"].get<int>();  // 0: the model's size
  r.height = c["height"].is_null() ? 0 : c["height"].get<int>();
  if (!c["refiner"].is_null()) {
    r.refiner_dir = (dir() / c["refiner"].get<std::string>()).string();
    r.refiner_switch = c["refiner_switch"];
  }
  r.aesthetic_score = c["aesthetic_score"];
  r.negative_aesthetic_score = c["negative_aesthetic_score"];
  r.runtime.device = "cpu";
  if (r.pipeline != PipelineKind::kTxt2Img) r.init_image = io::read_image((dir() / "init.png").string());
  if (r.pipeline == PipelineKind::kInpaint) {
    r.mask = io::read_image((dir() / "mask.png").string());
    r.inpaint.mask_blur = 0;      // diffusers applies none
    r.inpaint.composite = false;  // compare the model's own pixels
  }
  return r;
}

}  // namespace

class TestSdxlParity : public QObject {
  Q_OBJECT

  double worst_ = 0;
  std::string worst_case_;
  pipelines::StableDiffusionPipeline pipeline_;  // one instance: models are reused between cases

  void note(const std::string& what, double diff) {
    if (diff > worst_) worst_ = diff, worst_case_ = what;
  }

  void expect(const std::string& what, const torch::Tensor& got, const torch::Tensor& want) {
    QCOMPARE(got.sizes().vec(), want.sizes().vec());
    const double diff = max_abs(got, want);
    note(what, diff);
    QVERIFY2(diff <= kTolerance, (what + ": max abs " + std::to_string(diff)).c_str());
  }

 private slots:
  void encodersMatchDiffusers_data() {
    QTest::addColumn<int>("index");
    const auto cases = load_json("encoders.json");
    for (size_t i = 0; i < cases.size(); ++i) QTest::newRow(cases[i]["name"].get<std::string>().c_str()) << int(i);
  }

  void encodersMatchDiffusers() {
    QFETCH(int, index);
    const auto c = load_json("encoders.json")[index];
    const std::string name = c["name"];
    auto model = pipelines::load_model_bundle((dir() / c["model"].get<std::string>()).string(), torch::kCPU, {});
    c10::InferenceMode inference;
    // diffusers truncates a long prompt to one window: Gesso's plain prompts; A1111's syntax (the
    // default) gives the same as diffusers for every shorter one.
    const pipelines::PromptInput input{.prompt = c["prompt"], .negative = text_or_empty(c["negative"]),
                                       .clip_skip = c["clip_skip"].is_null() ? 0 : c["clip_skip"].get<int>(),
                                       .plain = name == "long"};
    const auto got = model->conditioner->encode(input, torch::kFloat, model->offloads);
    const auto ref = io::SafetensorsFile::open((dir() / "encoders.safetensors").string());
    expect(name + " negative", got.context.narrow(0, 0, 1), ref.view(name + ".negative_prompt_embeds"));
    expect(name + " prompt", got.context.narrow(0, 1, 1), ref.view(name + ".prompt_embeds"));
    expect(name + " negative pooled", got.pooled.narrow(0, 0, 1), ref.view(name + ".negative_pooled"));
    expect(name + " pooled", got.pooled.narrow(0, 1, 1), ref.view(name + ".pooled"));
    if (name == "zeros") QCOMPARE(got.context.narrow(0, 0, 1).abs().max().item<double>(), 0.0);
  }

  // CLIPTextModelWithProjection on its own: projected pooled output, last and penultimate states.
  void projectedEncoderMatchesTransformers() {
    auto model = pipelines::load_model_bundle((dir() / "sdxl").string(), torch::kCPU, {});
    c10::InferenceMode inference;
    models::CLIPTextModelImpl* te2 = nullptr;
    for (const auto& [name, module] : model->components())
      if (name == "text_encoder_2") te2 = dynamic_cast<models::CLIPTextModelImpl*>(module);
    QVERIFY(te2 && te2->with_projection());
    const auto ref = io::SafetensorsFile::open((dir() / "encoders.safetensors").string());
    const auto out = te2->forward(ref.view("te2.input_ids"), /*output_hidden_states=*/true);
    expect("te2 text_embeds", out.text_embeds, ref.view("te2.text_embeds"));
    expect("te2 last_hidden_state", out.last_hidden_state, ref.view("te2.last_hidden_state"));
    expect("te2 penultimate", out.hidden_states[out.hidden_states.size() - 2], ref.view("te2.penultimate"));
  }

  void unetCallWithAddedConditionsMatchesDiffusers_data() {
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("model");
    QTest::newRow("base") << "base" << "sdxl";
    QTest::newRow("refiner") << "refiner" << "sdxl-refiner";
    QTest::newRow("base, two timesteps") << "base_b1t" << "sdxl";
  }

  void unetCallWithAddedConditionsMatchesDiffusers() {
    QFETCH(QString, which);
    QFETCH(QString, model);
    auto bundle = pipelines::load_model_bundle((dir() / model.toStdString()).string(), torch::kCPU, {});
    c10::InferenceMode inference;
    const auto ref = io::SafetensorsFile::open((dir() / "unet_call.safetensors").string());
    const auto key = [&](const char* t) { return which.toStdString() + "." + t; };
    const models::Conditioning c{.context = ref.view(key("encoder_hidden_states")),
                                 .pooled = ref.view(key("text_embeds")).clone(),
                                 .time_ids = ref.view(key("time_ids"))};
    expect(key("out"), bundle->unet->forward(ref.view(key("sample")), ref.view(key("timestep")), c),
           ref.view(key("out")));
  }

  void pipelinesMatchDiffusers_data() {
    QTest::addColumn<int>("index");
    const auto cases = load_json("cases.json");
    for (size_t i = 0; i < cases.size(); ++i) QTest::newRow(cases[i]["name"].get<std::string>().c_str()) << int(i);
  }

  void pipelinesMatchDiffusers() {
    QFETCH(int, index);
    const auto c = load_json("cases.json")[index];
    const std::string name = c["name"];
    pipelines::Observer quiet;
    const auto result = pipeline_.run(request_for(c), quiet);
    const auto ref = io::SafetensorsFile::open((dir() / (name + ".safetensors")).string());
    if (ref.contains("base_latents")) expect(name + " at the switch", result.base_latents, ref.view("base_latents"));
    expect(name, result.latents, ref.view("latents"));
    qInfo("%s: max |diff| %.3g", name.c_str(), max_abs(result.latents, ref.view("latents")));
    if (c["decode"].get<bool>()) {
      const auto image = ref.view("image");  // [N, H, W, 3] uint8 from diffusers' postprocess
      const auto& got = result.images.at(0);
      const auto ours = torch::from_blob(const_cast<uint8_t*>(got.pixels.data()), {got.height, got.width, 3}, torch::kUInt8);
      QVERIFY(max_abs(ours, image[0]) <= 1.0);  // one level where a value rounds at .5
    }
    if (c["refiner"].is_null()) return;
    const auto& p = result.parameters.at(0);
    QCOMPARE(QString::fromStdString(p.extra.at("Refiner")), QStringLiteral("sdxl-refiner"));
    QCOMPARE(QString::fromStdString(p.extra.at("Refiner switch at")), QStringLiteral("0.8"));
    const auto text = io::format_a1111(p);
    QVERIFY2(text.find("Refiner: sdxl-refiner, Refiner switch at: 0.8") != std::string::npos, text.c_str());
    QCOMPARE(io::parse_a1111(text).extra.at("Refiner"), std::string("sdxl-refiner"));
  }

  // Without a sampler the folder's own scheduler runs and is written as its user-facing name.
  void defaultsAreTheFoldersOwn() {
    pipelines::GenerationRequest r;
    r.model_dir = (dir() / "sdxl").string();
    r.prompt = "a red cube";
    r.steps = 2;
    r.runtime.device = "cpu";
    pipelines::Observer quiet;
    const auto result = pipeline_.run(r, quiet);
    QCOMPARE(QString::fromStdString(result.parameters.at(0).sampler), QStringLiteral("Euler"));
    QCOMPARE(result.parameters.at(0).width, 32);  // unet sample_size 16 x VAE factor 2
  }

  void cleanupTestCase() { qInfo("worst SDXL difference: %.3g (%s)", worst_, worst_case_.c_str()); }
};

QTEST_GUILESS_MAIN(TestSdxlParity)
#include "test_sdxl_parity.moc"
