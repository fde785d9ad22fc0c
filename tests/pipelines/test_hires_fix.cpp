// AUTOMATIC1111's Hires. fix: the two-pass run equals diffusers' two-pass equivalent (txt2img to
// latents, torch's interpolate, img2img from them with the generator continuing) on the tiny SD 1.x
// and 2.x folders; its sizes, defaults and errors; its PNG text and the inpainting options', written
// as A1111 writes them and read back.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <torch/torch.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/io/a1111_parameters.h"
#include "engine/io/image_io.h"
#include "engine/io/png_text.h"
#include "engine/io/safetensors.h"
#include "engine/pipelines/hires_fix.h"
#include "engine/pipelines/inpaint_text.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"

using namespace gesso;
using pipelines::HiresFix;
using pipelines::PipelineKind;

namespace {

// As the other parity tests: the same float32 operations in the same order, on the CPU.
constexpr double kTolerance = 1e-4;

nlohmann::json load_cases() {
  std::ifstream in(test::fixture_dir("hires") / "cases.json");
  return nlohmann::json::parse(in);
}

// The deepfloyd fixture's tiny x4 upscaler.
std::string x4_dir() { return (test::fixture_dir("deepfloyd") / "x4").string(); }

pipelines::GenerationRequest request_for(const nlohmann::json& c) {
  pipelines::GenerationRequest r;
  r.model_dir = (test::fixture_dir("pipelines") / c["model"].get<std::string>()).string();
  r.prompt = c["prompt"];
  r.negative_prompt = c["negative"];
  r.sampler = c["sampler"];
  r.steps = c["steps"];
  r.guidance_scale = c["cfg"];
  r.seed = c["seed"];
  r.width = r.height = 32;
  r.runtime.device = "cpu";
  r.hires.enabled = true;
  r.hires.steps = c["hires_steps"];
  r.hires.strength = c["strength"];
  r.hires.scale = c["scale"];
  r.hires.upscaler = c["upscaler"];
  r.hires.resize_width = c["resize_width"];
  r.hires.resize_height = c["resize_height"];
  if (r.hires.upscaler == pipelines::kX4HiresUpscaler) r.hires.upscaler_model = x4_dir();
  return r;
}

double max_abs(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

pipelines::GenerationRequest valid_request() {
  pipelines::GenerationRequest r;
  r.model_dir = "/models/sd";
  r.hires.enabled = true;
  return r;
}

// Counts the steps and stages a run reports.
struct Recorder : pipelines::Observer {
  std::vector<pipelines::StepEvent> steps;
  std::vector<std::string> stages;
  void on_step(const pipelines::StepEvent& e) override { steps.push_back(e); }
  void on_stage(const std::string& name) override { stages.push_back(name); }
  int preview_every() const override { return 1; }
};

}  // namespace

class TestHiresFix : public QObject {
  Q_OBJECT

  pipelines::StableDiffusionPipeline pipeline_;  // models reused between cases

 private slots:
  void matchesDiffusersTwoPass_data() {
    QTest::addColumn<int>("index");
    const auto cases = load_cases();
    for (size_t i = 0; i < cases.size(); ++i)
      QTest::newRow(cases[i]["name"].get<std::string>().c_str()) << static_cast<int>(i);
  }

  void matchesDiffusersTwoPass() {
    QFETCH(int, index);
    const auto c = load_cases()[index];
    pipelines::Observer quiet;
    const auto result = pipeline_.run(request_for(c), quiet);
    const auto ref = io::SafetensorsFile::open(
        (test::fixture_dir("hires") / (c["name"].get<std::string>() + ".safetensors")).string());
    const auto base = ref.view("base_latents"), expected = ref.view("latents");
    QCOMPARE(result.base_latents.sizes().vec(), base.sizes().vec());
    QCOMPARE(result.latents.sizes().vec(), expected.sizes().vec());
    const double first = max_abs(result.base_latents, base), diff = max_abs(result.latents, expected);
    qInfo("%s: first pass %.3g, second pass %.3g", c["name"].get<std::string>().c_str(), first, diff);
    QVERIFY2(first <= kTolerance, std::to_string(first).c_str());
    QVERIFY2(diff <= kTolerance, std::to_string(diff).c_str());
    // The image is the second pass's size; the text's "Size" the first pass's (as A1111 writes it).
    const int f = 32 / static_cast<int>(base.size(3));  // the tiny VAE's factor (2)
    QCOMPARE(result.images.at(0).width, static_cast<int>(expected.size(3)) * f);
    QCOMPARE(result.images.at(0).height, static_cast<int>(expected.size(2)) * f);
    const auto& p = result.parameters.at(0);
    QCOMPARE(p.width, 32);
    QCOMPARE(p.extra.at("Hires upscaler"), c["upscaler"].get<std::string>());
    QCOMPARE(*p.denoising_strength, c["strength"].get<double>());
  }

  // Progress runs over both passes as one count; previews come from both.
  void progressCoversBothPasses() {
    auto r = request_for(load_cases()[0]);
    r.steps = 3;
    r.hires.steps = 2;
    Recorder rec;
    pipeline_.run(r, rec);
    QCOMPARE(static_cast<int>(rec.steps.size()), 5);
    for (int i = 0; i < 5; ++i) {
      QCOMPARE(rec.steps[i].step, i + 1);
      QCOMPARE(rec.steps[i].total, 5);
    }
    QCOMPARE(rec.steps.front().preview->width, 16);  // the first pass's latents: 32 px / 2 (the tiny VAE)
    QCOMPARE(rec.steps.back().preview->width, 32);   // the second's, upscaled 2x
    QVERIFY(std::find(rec.stages.begin(), rec.stages.end(), "upscale") != rec.stages.end());
  }

  // An image upscaler: decoded, resized, encoded again; the same size as the latent one.
  void imageUpscalerRuns() {
    auto r = request_for(load_cases()[0]);
    r.hires.upscaler = "Lanczos";
    r.steps = 1;
    r.hires.steps = 1;
    pipelines::Observer quiet;
    const auto result = pipeline_.run(r, quiet);
    QCOMPARE(result.latents.sizes().vec(), (std::vector<int64_t>{1, 4, 32, 32}));
    QCOMPARE(result.images.at(0).width, 64);
    QVERIFY(torch::isfinite(result.latents).all().item<bool>());
  }

  // The engine's PNG text of an inpainting run carries its options as A1111 writes them.
  void inpaintRunWritesItsOptions() {
    const auto dir = test::fixture_dir("pipelines");
    pipelines::GenerationRequest r;
    r.model_dir = (dir / "sd1").string();
    r.pipeline = PipelineKind::kInpaint;
    r.prompt = "a cat";
    r.steps = 1;
    r.strength = 1.0;
    r.width = r.height = 32;
    r.runtime.device = "cpu";
    r.init_image = io::read_image((dir / "init.png").string());
    r.mask = io::read_image((dir / "mask.png").string());
    r.inpaint.mask_blur = 3;
    r.inpaint.area = pipelines::InpaintArea::kOnlyMasked;
    r.inpaint.only_masked_padding = 16;
    r.inpaint.masked_content = pipelines::MaskedContent::kFill;
    pipelines::Observer quiet;
    const auto p = pipeline_.run(r, quiet).parameters.at(0);
    QCOMPARE(p.extra.at("Mask blur"), std::string("3"));
    QCOMPARE(p.extra.at("Inpaint area"), std::string("Only masked"));
    QCOMPARE(p.extra.at("Masked area padding"), std::string("16"));
    QCOMPARE(p.extra.at("Masked content"), std::string("fill"));
    QVERIFY(!p.extra.count("Hires upscale"));
    const auto back = pipelines::inpaint_options_from(io::parse_a1111(io::format_a1111(p)));
    QCOMPARE(back->only_masked_padding, 16);
  }

  // SD x4 as the upscaler: its own steps count in the progress (after the first pass, before the
  // second), the PNG text names it and its folder, restoring reads both back; a wrong model or
  // none is refused naming the field, and the x4 model is freed when a run does not need it.
  void x4UpscalerProgressTextAndErrors() {
    auto r = request_for(load_cases()[0]);
    r.steps = 2;
    r.hires.steps = 1;
    r.hires.scale = 4.0;
    r.hires.upscaler = pipelines::kX4HiresUpscaler;
    r.hires.upscaler_model = x4_dir();
    Recorder rec;
    const auto result = pipeline_.run(r, rec);
    const int x4 = pipelines::kHiresX4Settings.steps;  // one tile: 32 px fits 128
    QCOMPARE(static_cast<int>(rec.steps.size()), 2 + x4 + 1);
    for (std::size_t i = 0; i < rec.steps.size(); ++i) {
      QCOMPARE(rec.steps[i].step, static_cast<int>(i) + 1);
      QCOMPARE(rec.steps[i].total, 2 + x4 + 1);
    }
    QCOMPARE(result.images.at(0).width, 128);
    const auto& p = result.parameters.at(0);
    QCOMPARE(p.extra.at("Hires upscaler"), std::string("SD x4"));
    QCOMPARE(p.extra.at("Hires upscaler model"), std::string("x4"));
    const auto back = pipelines::hires_from_parameters(io::parse_a1111(io::format_a1111(p)));
    QCOMPARE(back->upscaler, std::string("SD x4"));
    QCOMPARE(back->upscaler_model, std::string("x4"));

    auto none = r;
    none.hires.upscaler_model.clear();
    QVERIFY_THROWS_EXCEPTION(RequestError, pipelines::validate(none));
    try {
      pipelines::validate(none);
    } catch (const RequestError& e) {
      QCOMPARE(e.field(), std::string("hires_upscaler_model"));
    }
    auto wrong = r;
    wrong.hires.upscaler_model = r.model_dir;  // an SD folder, not an x4 upscaler
    pipelines::Observer quiet;
    try {
      pipeline_.run(wrong, quiet);
      QFAIL("an SD folder was taken as the x4 upscaler");
    } catch (const RequestError& e) {
      QCOMPARE(e.field(), std::string("hires_upscaler_model"));
    }
    QVERIFY(pipeline_.hires_upscaler() != nullptr);
    r.hires.upscaler = "Latent";
    pipeline_.run(r, quiet);
    QVERIFY(pipeline_.hires_upscaler() == nullptr);  // freed: no later run may need it
  }

  // gesso-cli's --hires-* flags: any of them switches Hires. fix on; a bad value is refused.
  void cliFlags() {
    QTemporaryDir dir;
    const QString out = dir.filePath("hires.png");
    const QString model = QString::fromStdString((test::fixture_dir("pipelines") / "sd1").string());
    QProcess p;
    p.start(GESSO_CLI_PATH, {"generate", "-m", model, "-p", "a cat", "-W", "32", "-H", "32", "--steps", "1",
                             "--hires-steps", "1", "--hires-strength", "0.5", "--hires-upscaler", "Latent (nearest)",
                             "--device", "cpu", "-s", "3", "-q", "-o", out});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QCOMPARE(io::read_image(out.toStdString()).width, 64);
    const auto params = io::parse_a1111(io::read_png_text(out.toStdString()).at("parameters"));
    QCOMPARE(params.width, 32);
    QCOMPARE(params.extra.at("Hires upscale"), std::string("2"));
    QCOMPARE(params.extra.at("Hires steps"), std::string("1"));
    QCOMPARE(params.extra.at("Hires upscaler"), std::string("Latent (nearest)"));
    QCOMPARE(*params.denoising_strength, 0.5);
    p.start(GESSO_CLI_PATH, {"generate", "-m", model, "-p", "x", "--hires-upscaler", "Bogus", "-q", "-o",
                             dir.filePath("never.png")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(p.readAllStandardError().contains("hires_upscaler"));
  }

  void defaults() {
    const HiresFix h;
    QVERIFY(!h.enabled);  // off unless asked for
    QCOMPARE(h.scale, 2.0);
    QCOMPARE(h.steps, 0);
    QCOMPARE(h.strength, 0.7);
    QCOMPARE(h.upscaler, std::string("Latent"));
    QCOMPARE(h.resize_width, 0);
    QCOMPARE(h.resize_height, 0);
    QVERIFY(!pipelines::GenerationRequest{}.hires.enabled);
    QCOMPARE(pipelines::hires_upscalers().front(), std::string("Latent"));
  }

  void sizes() {
    HiresFix h;
    auto s = pipelines::hires_size(512, 768, h);
    QCOMPARE(s.upscale_width, 1024);
    QCOMPARE(s.upscale_height, 1536);
    h.scale = 1.3;  // int(512 * 1.3) = 665: a latent of 83, an image of 664
    s = pipelines::hires_size(512, 512, h);
    QCOMPARE(s.upscale_width, 665);
    QCOMPARE(s.latent_width(8), 83);
    h.resize_width = 1024;  // the height follows the aspect
    s = pipelines::hires_size(512, 768, h);
    QCOMPARE(s.upscale_height, 1536);
    h.resize_width = 0, h.resize_height = 1024;
    s = pipelines::hires_size(512, 768, h);
    QCOMPARE(s.upscale_width, 682);
    h.resize_width = 1024, h.resize_height = 768;  // cover, then cut: 1024x1024, 32 latent rows off
    s = pipelines::hires_size(512, 512, h);
    QCOMPARE(s.upscale_width, 1024);
    QCOMPARE(s.upscale_height, 1024);
    QCOMPARE(s.truncate_x, 0);
    QCOMPARE(s.truncate_y, 32);
    QCOMPARE(s.latent_height(8) * 8, 768);
    h = HiresFix{};
    h.scale = 8;
    QVERIFY_THROWS_EXCEPTION(RequestError, pipelines::hires_size(2048, 2048, h));  // 16384 px
  }

  void steps() {
    auto r = valid_request();
    r.steps = 30;
    QCOMPARE(pipelines::hires_steps(r), 30);  // 0: the first pass's
    r.hires.steps = 10;
    QCOMPARE(pipelines::hires_steps(r), 10);
    QCOMPARE(pipelines::hires_schedule_steps(10, 0.5), 20);
    QCOMPARE(pipelines::hires_schedule_steps(10, 1.0), 10);  // 10 / 0.999
    QCOMPARE(pipelines::hires_schedule_steps(10, 0.3), 33);
    QCOMPARE(pipelines::hires_schedule_steps(10, 0.7), 14);   // of which the last 10 run (A1111)
    QCOMPARE(pipelines::hires_schedule_steps(20, 0.01), 1000);  // at most the training steps
    QCOMPARE(pipelines::hires_schedule_steps(1, 0.7), 1);
  }

  void latentUpscaleModes() {
    const auto x = torch::arange(4, torch::kFloat).reshape({1, 1, 2, 2});
    const auto nearest = pipelines::upscale_latents(x, "Latent (nearest)", 4, 4);
    QCOMPARE(nearest[0][0][0][1].item<float>(), 0.0f);
    QCOMPARE(nearest[0][0][3][3].item<float>(), 3.0f);
    const auto bilinear = pipelines::upscale_latents(x, "Latent", 4, 4);
    QCOMPARE(bilinear[0][0][0][1].item<float>(), 0.25f);  // align_corners=False
    QVERIFY_THROWS_EXCEPTION(RequestError, pipelines::upscale_latents(x, "Lanczos", 4, 4));
    const auto cut = pipelines::truncate_latents(torch::zeros({1, 4, 10, 8}), 1, 3);
    QCOMPARE(cut.sizes().vec(), (std::vector<int64_t>{1, 4, 7, 7}));
  }

  void validateErrors_data() {
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("field");
    for (const char* w : {"img2img", "scale", "steps", "strength", "upscaler", "resize", "refiner", "controlnet"})
      QTest::newRow(w) << w << "";
  }

  void validateErrors() {
    QFETCH(QString, what);
    auto r = valid_request();
    pipelines::validate(r);  // the valid one passes
    std::string field;
    if (what == "img2img") r.pipeline = PipelineKind::kImg2Img, r.init_image = Image{8, 8, 3, std::vector<uint8_t>(192)}, field = "hires";
    if (what == "scale") r.hires.scale = 0.5, field = "hires_scale";
    if (what == "steps") r.hires.steps = -1, field = "hires_steps";
    if (what == "strength") r.hires.strength = 0, field = "hires_strength";
    if (what == "upscaler") r.hires.upscaler = "4x-UltraSharp", field = "hires_upscaler";
    if (what == "resize") r.hires.resize_width = 1001, field = "hires_resize_width";
    if (what == "refiner") r.refiner_dir = "/models/refiner", field = "hires";
    if (what == "controlnet") r.controlnets.push_back({.model = "/cn", .image = Image{8, 8, 3, std::vector<uint8_t>(192)}}), field = "hires";
    try {
      pipelines::validate(r);
      QFAIL("no error");
    } catch (const RequestError& e) {
      QCOMPARE(e.field(), field);
    }
    r.hires.enabled = false;  // off, the same values are not looked at
    if (what != "img2img" && what != "refiner" && what != "controlnet") pipelines::validate(r);
  }

  // The keys A1111 writes, in its format, read back to the same values.
  void hiresTextRoundTrip() {
    io::GenerationParameters p;
    p.prompt = "a cat";
    p.steps = 20;
    p.sampler = "Euler a";
    p.cfg_scale = 7;
    p.seed = 1;
    p.width = p.height = 512;
    HiresFix h;
    h.enabled = true;
    h.scale = 2;
    h.steps = 10;
    h.strength = 0.5;
    pipelines::add_hires_parameters(p, h);
    const auto text = io::format_a1111(p);
    QVERIFY2(text.find("Denoising strength: 0.5") != std::string::npos, text.c_str());
    QVERIFY2(text.find("Hires upscale: 2, Hires steps: 10, Hires upscaler: Latent") != std::string::npos, text.c_str());
    QVERIFY(text.find("Hires resize") == std::string::npos);
    QCOMPARE(*pipelines::hires_from_parameters(io::parse_a1111(text)), h);

    h.resize_width = 1024, h.resize_height = 0, h.steps = 0, h.upscaler = "Latent (nearest)";
    auto q = p;
    q.extra.clear();
    pipelines::add_hires_parameters(q, h);
    const auto text2 = io::format_a1111(q);
    QVERIFY2(text2.find("Hires resize: 1024x0") != std::string::npos, text2.c_str());
    QVERIFY(text2.find("Hires steps") == std::string::npos);  // 0 is not written (A1111)
    QVERIFY(text2.find("Hires upscale:") == std::string::npos);
    QCOMPARE(*pipelines::hires_from_parameters(io::parse_a1111(text2)), h);

    // An A1111 text: its upscaler kept as written (the UI notes it), no Hires key: none.
    const auto a1111 = io::parse_a1111(
        "x\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512, Denoising strength: 0.45, "
        "Hires upscale: 1.5, Hires upscaler: 4x-UltraSharp");
    const auto restored = pipelines::hires_from_parameters(a1111);
    QVERIFY(restored && restored->enabled);
    QCOMPARE(restored->scale, 1.5);
    QCOMPARE(restored->strength, 0.45);
    QCOMPARE(restored->upscaler, std::string("4x-UltraSharp"));
    QCOMPARE(restored->steps, 0);
    QVERIFY(!pipelines::hires_from_parameters(io::parse_a1111("x\nSteps: 20, Sampler: Euler a, Seed: 1")));
    QVERIFY_THROWS_EXCEPTION(RequestError, pipelines::hires_from_parameters(io::parse_a1111(
                                               "x\nSteps: 20, Sampler: Euler a, Seed: 1, Hires steps: many")));
  }

  void inpaintTextRoundTrip() {
    io::GenerationParameters p;
    p.steps = 20;
    p.sampler = "Euler a";
    p.seed = 1;
    pipelines::InpaintOptions o;  // the defaults: blur 4, whole picture, original
    pipelines::add_inpaint_parameters(p, o);
    auto text = io::format_a1111(p);
    QVERIFY2(text.find("Mask blur: 4") != std::string::npos, text.c_str());
    QVERIFY(text.find("Inpaint area") == std::string::npos);   // A1111 writes only "Only masked"
    QVERIFY(text.find("Masked content") == std::string::npos);  // and never "original"
    auto back = pipelines::inpaint_options_from(io::parse_a1111(text));
    QVERIFY(back);
    QCOMPARE(back->mask_blur, 4);
    QCOMPARE(back->area, pipelines::InpaintArea::kWholePicture);
    QCOMPARE(back->masked_content, pipelines::MaskedContent::kOriginal);

    o.mask_blur = 0;
    o.area = pipelines::InpaintArea::kOnlyMasked;
    o.only_masked_padding = 48;
    o.masked_content = pipelines::MaskedContent::kLatentNoise;
    p.extra.clear();
    pipelines::add_inpaint_parameters(p, o);
    text = io::format_a1111(p);
    QVERIFY2(text.find("Inpaint area: Only masked, Masked area padding: 48, Masked content: latent noise") !=
                 std::string::npos, text.c_str());
    QVERIFY(text.find("Mask blur") == std::string::npos);
    back = pipelines::inpaint_options_from(io::parse_a1111(text));
    QCOMPARE(back->mask_blur, 0);
    QCOMPARE(back->area, pipelines::InpaintArea::kOnlyMasked);
    QCOMPARE(back->only_masked_padding, 48);
    QCOMPARE(back->masked_content, pipelines::MaskedContent::kLatentNoise);
    for (auto c : {pipelines::MaskedContent::kFill, pipelines::MaskedContent::kLatentNothing})
      QCOMPARE(*pipelines::masked_content_from(pipelines::to_string(c)), c);
    QVERIFY(!pipelines::inpaint_options_from(io::parse_a1111("x\nSteps: 20, Sampler: Euler a, Seed: 1")));
    QVERIFY_THROWS_EXCEPTION(RequestError, pipelines::inpaint_options_from(io::parse_a1111(
                                               "x\nSteps: 20, Sampler: Euler a, Seed: 1, Masked content: paint")));
  }
};

QTEST_GUILESS_MAIN(TestHiresFix)
#include "test_hires_fix.moc"
