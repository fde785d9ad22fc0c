// DeepFloyd IF (stages I, II) and the SD x4 upscaler (IF's stage III, and "Upscale x4" on its own)
// against diffusers 0.42: tiny folders written by tests/fixtures/deepfloyd_fixture.py, fp32 on the
// CPU, the same seeds; the T5 embeddings, each stage's output, and the errors a user gets.
#include <QProcess>
#include <QtTest>

#include <torch/torch.h>

#include <filesystem>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/io/a1111_parameters.h"
#include "engine/io/image_io.h"
#include "engine/io/png_text.h"
#include "engine/io/safetensors.h"
#include "engine/pipelines/deepfloyd_if_pipeline.h"
#include "engine/pipelines/deepfloyd_vram.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/pipelines/upscale_pipeline.h"

using namespace gesso;
using namespace gesso::pipelines;

namespace {

constexpr double kTolerance = 2e-4;
const char* kPrompt = "A Photo of a Red Fox in the snow, golden hour";
const char* kNegative = "blurry, low quality";
constexpr uint64_t kSeed = 1234;

std::string dir(const std::string& name) { return (test::fixture_dir("deepfloyd") / name).string(); }

const io::SafetensorsFile& reference() {
  static const auto file = io::SafetensorsFile::open(dir("reference.safetensors"));
  return file;
}

double max_diff(const torch::Tensor& got, const torch::Tensor& want) {
  if (got.sizes() != want.sizes()) {
    qWarning("shape %s, want %s", c10::str(got.sizes()).c_str(), c10::str(want.sizes()).c_str());
    return 1e9;
  }
  return (got.to(torch::kDouble).cpu() - want.to(torch::kDouble)).abs().max().item<double>();
}

runtime::RuntimeOptions cpu_fp32() {
  runtime::RuntimeOptions o;
  o.device = "cpu";
  o.dtype = torch::kFloat;
  return o;
}

IFRequest cascade_request() {
  IFRequest r;
  r.prompt = kPrompt;
  r.negative_prompt = kNegative;
  r.seed = kSeed;
  r.stage1 = {.model_dir = dir("if1"), .steps = 6, .guidance_scale = 7.0};
  r.stage2 = {.model_dir = dir("if2"), .steps = 5, .guidance_scale = 4.0, .noise_level = 250};
  r.stage3_dir = dir("x4");
  r.stage3 = {.steps = 4, .guidance_scale = 9.0, .noise_level = 100};
  r.runtime = cpu_fp32();
  return r;
}

template <typename E, typename F>
std::string error_of(F&& run) {
  try {
    run();
  } catch (const E& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("(another error: ") + e.what() + ")";
  }
  return "(no error)";
}

}  // namespace

class TestDeepFloydIF : public QObject {
  Q_OBJECT

 private slots:
  void t5EmbeddingsMatchDiffusers() {
    auto model = load_model_bundle(dir("if1"), torch::kCPU, cpu_fp32());
    QCOMPARE(model->family, ModelFamily::kIF);
    QVERIFY(!model->vae);
    c10::InferenceMode inference;
    const PromptInput input{.prompt = kPrompt, .negative = kNegative};
    const auto c = model->conditioner->encode(input, torch::kFloat, model->offloads);
    const auto want = torch::cat({reference().view("cascade.negative_embeds"), reference().view("cascade.prompt_embeds")});
    const double d = max_diff(c.context, want);
    qInfo("T5 embeddings [negative; prompt]: max |diff| %.3g", d);
    QVERIFY(d < 1e-4);
    QVERIFY(!c.attention_mask.defined());  // the IF pipelines give the UNet no mask
  }

  // Three stages, one generator through them, as diffusers' IF examples run them.
  void cascadeMatchesDiffusers() {
    DeepFloydIFPipeline pipeline;
    Observer quiet;
    const auto result = pipeline.run(cascade_request(), quiet);
    QCOMPARE(result.stages.size(), std::size_t{3});
    const double d1 = max_diff(result.stage1, reference().view("cascade.stage1"));
    const double d2 = max_diff(result.stage2, reference().view("cascade.stage2"));
    const double d3 = max_diff((result.stage3 / 2 + 0.5).clamp(0, 1), reference().view("cascade.stage3"));
    qInfo("stage I %.3g, stage II %.3g, stage III %.3g", d1, d2, d3);
    QVERIFY(d1 < kTolerance);
    QVERIFY(d2 < kTolerance);
    QVERIFY(d3 < kTolerance);
    QCOMPARE(result.stages[0][0].width, 16);
    QCOMPARE(result.stages[1][0].width, 64);
    QCOMPARE(result.stages[2][0].width, 256);
    // The PNG text records every stage, and reads back.
    const auto text = io::format_a1111(result.parameters.at(0));
    const auto back = io::parse_a1111(text);
    QCOMPARE(back.steps, 6);
    QCOMPARE(back.extra.at("Stage II steps"), std::string("5"));
    QCOMPARE(back.extra.at("Stage II noise level"), std::string("250"));
    QCOMPARE(back.extra.at("Stage III noise level"), std::string("100"));
    QCOMPARE(back.extra.at("Stage III model"), std::string("x4"));
    QCOMPARE(back.width, 256);
  }

  // An image in place of stage I: stage II alone, held to parity.
  void stageTwoAloneMatchesDiffusers() {
    DeepFloydIFPipeline pipeline;
    Observer quiet;
    auto r = cascade_request();
    r.seed = kSeed + 3;
    r.image = io::read_image(dir("stage1_input.png"));
    r.stage3_dir.clear();
    const auto result = pipeline.run(r, quiet);
    const double d = max_diff(result.stage2, reference().view("alone.stage2"));
    qInfo("stage II on an image: %.3g", d);
    QVERIFY(d < kTolerance);
    QCOMPARE(result.parameters.at(0).extra.at("Stage I"), std::string("input image"));
  }

  void stageOneWithoutGuidanceMatchesDiffusers() {
    DeepFloydIFPipeline pipeline;
    Observer quiet;
    IFRequest r;
    r.prompt = kPrompt;
    r.seed = kSeed + 1;
    r.num_images = 2;
    r.stage1 = {.model_dir = dir("if1"), .steps = 4, .guidance_scale = 1.0};
    r.stage2 = {};
    r.runtime = cpu_fp32();
    const auto result = pipeline.run(r, quiet);
    const double d = max_diff(result.stage1, reference().view("noguide.stage1"));
    qInfo("stage I, no guidance, 2 images: %.3g", d);
    QVERIFY(d < kTolerance);
    QCOMPARE(result.stages.size(), std::size_t{1});
    QCOMPARE(result.stages[0].size(), std::size_t{2});
    // Each image its own generator (the reference is diffusers' list of seed, seed + 1), each text its seed.
    QCOMPARE(result.parameters.at(0).seed, r.seed);
    QCOMPARE(result.parameters.at(1).seed, r.seed + 1);
    // The same prompt again: its T5 embedding comes from the cache.
    pipeline.run(r, quiet);
    QVERIFY(pipeline.cached_prompts() >= 1);
    // Channels-last (a reload: another LoadKey) on a model without a VAE.
    r.runtime.channels_last = true;
    const double cl = max_diff(pipeline.run(r, quiet).stage1, reference().view("noguide.stage1"));
    qInfo("channels-last: %.3g", cl);
    QVERIFY(cl < kTolerance);
  }

  void upscaleMatchesDiffusers() {
    UpscalePipeline pipeline;
    Observer quiet;
    UpscaleRequest r;
    r.model_dir = dir("x4");
    r.image = io::read_image(dir("upscale_input.png"));
    r.prompt = "a cat";
    r.seed = kSeed + 2;
    r.settings = {.steps = 5, .guidance_scale = 7.5, .noise_level = 20};
    r.runtime = cpu_fp32();
    const auto result = pipeline.run(r, quiet);
    QCOMPARE(result.tiles, 1);
    QCOMPARE(result.image.width, 80);
    QCOMPARE(result.image.height, 96);
    const auto want = (reference().view("upscale.image")[0].permute({1, 2, 0}) * 255).round();
    const auto got = torch::from_blob(const_cast<uint8_t*>(result.image.pixels.data()), {96, 80, 3}, torch::kUInt8);
    const double d = max_diff(got.to(torch::kDouble), want);
    qInfo("x4 upscale, 8-bit: max |diff| %.0f levels", d);
    QVERIFY(d <= 1);
    QCOMPARE(result.parameters.extra.at("Noise level"), std::string("20"));
  }

  // An image larger than a tile goes tile by tile, blended; the size is 4x whatever the tiling.
  void upscaleInTiles() {
    UpscalePipeline pipeline;
    Observer quiet;
    UpscaleRequest r;
    r.model_dir = dir("x4");
    r.image = io::read_image(dir("upscale_input.png"));
    r.settings = {.steps = 2, .guidance_scale = 7.5, .noise_level = 20};
    r.tile = 16;
    r.tile_overlap = 4;
    r.runtime = cpu_fp32();
    const auto result = pipeline.run(r, quiet);
    QCOMPARE(result.tiles, 4);
    QCOMPARE(result.image.width, 80);
    QCOMPARE(result.image.height, 96);
    QCOMPARE(result.parameters.extra.at("Upscale tiles"), std::string("4"));
  }

  void wrongFoldersAreClearErrors() {
    DeepFloydIFPipeline pipeline;
    auto r = cascade_request();
    std::swap(r.stage1.model_dir, r.stage2.model_dir);
    Observer quiet;
    auto message = error_of<RequestError>([&] { pipeline.run(r, quiet); });
    QVERIFY2(message.find("stage1") != std::string::npos && message.find("DeepFloyd IF II") != std::string::npos,
             message.c_str());
    r = cascade_request();
    r.stage3_dir = dir("if2");
    message = error_of<RequestError>([&] { pipeline.run(r, quiet); });
    QVERIFY2(message.find("stage3") != std::string::npos && message.find("x4 upscaler") != std::string::npos,
             message.c_str());
    r = cascade_request();
    r.stage1.model_dir = dir("unet1");  // a UNet folder, not a pipeline
    message = error_of<ModelFileError>([&] { pipeline.run(r, quiet); });
    QVERIFY2(message.find("model_index.json") != std::string::npos, message.c_str());
    // The SD pipeline and the upscaler refuse IF folders, naming what they are.
    StableDiffusionPipeline sd;
    GenerationRequest g;
    g.model_dir = dir("if1");
    g.runtime = cpu_fp32();
    message = error_of<RequestError>([&] { sd.run(g, quiet); });
    QVERIFY2(message.find("DeepFloyd IF I") != std::string::npos, message.c_str());
    UpscalePipeline up;
    UpscaleRequest u;
    u.model_dir = dir("if1");
    u.image = io::read_image(dir("upscale_input.png"));
    u.runtime = cpu_fp32();
    message = error_of<RequestError>([&] { up.run(u, quiet); });
    QVERIFY2(message.find("x4 upscaler") != std::string::npos, message.c_str());
  }

  void badInputsAreClearErrors() {
    DeepFloydIFPipeline pipeline;
    Observer quiet;
    auto r = cascade_request();
    r.stage3_dir.clear();
    r.image = io::read_image(dir("upscale_input.png"));  // 20x24, not stage I's 16x16
    auto message = error_of<RequestError>([&] { pipeline.run(r, quiet); });
    QVERIFY2(message.find("image") != std::string::npos && message.find("16x16") != std::string::npos,
             message.c_str());
    r = cascade_request();
    r.width = 17;  // not a multiple of the UNet's 2
    message = error_of<RequestError>([&] { pipeline.run(r, quiet); });
    QVERIFY2(message.find("width") != std::string::npos, message.c_str());
    r = cascade_request();
    r.stage3.noise_level = 351;
    message = error_of<RequestError>([&] { pipeline.run(r, quiet); });
    QVERIFY2(message.find("noise_level") != std::string::npos && message.find("350") != std::string::npos,
             message.c_str());
  }

  // gesso-cli if / upscale: the images, the stages' files and the PNG text; a wrong folder's error.
  void commandLine() {
    QTemporaryDir tmp;
    const auto out = tmp.path() + "/run/fox.png";
    QProcess p;
    p.start(QStringLiteral(GESSO_CLI_PATH),
            {"if", "--stage1", QString::fromStdString(dir("if1")), "--stage2", QString::fromStdString(dir("if2")),
             "--stage3", QString::fromStdString(dir("x4")), "-p", "a red fox", "--steps", "3", "--stage2-steps", "2",
             "--stage3-steps", "2", "--stage2-noise-level", "200", "--device", "cpu", "-s", "5", "--save-stages",
             "-q", "-o", out});
    QVERIFY(p.waitForFinished(300000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QCOMPARE(io::read_image(out.toStdString()).width, 256);
    QCOMPARE(io::read_image((tmp.path() + "/run/fox-stage1.png").toStdString()).width, 16);
    QCOMPARE(io::read_image((tmp.path() + "/run/fox-stage2.png").toStdString()).width, 64);
    const auto params = io::parse_a1111(io::read_png_text(out.toStdString()).at("parameters"));
    QCOMPARE(params.extra.at("Stage II noise level"), std::string("200"));
    QCOMPARE(params.seed, uint64_t(5));

    const auto up = tmp.path() + "/up.png";
    p.start(QStringLiteral(GESSO_CLI_PATH), {"upscale", "-m", QString::fromStdString(dir("x4")), "-i",
                                             QString::fromStdString(dir("upscale_input.png")), "--steps", "2",
                                             "--tile", "16", "--tile-overlap", "4", "--device", "cpu", "-q", "-o", up});
    QVERIFY(p.waitForFinished(300000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QCOMPARE(io::read_image(up.toStdString()).height, 96);

    p.start(QStringLiteral(GESSO_CLI_PATH), {"if", "--stage1", QString::fromStdString(dir("x4")), "-p", "x",
                                             "--device", "cpu", "-q", "-o", tmp.path() + "/never.png"});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 1);
    const auto err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains("stage1") && err.contains("SD x4 upscaler"), qPrintable(err));
    QVERIFY(!QFile::exists(tmp.path() + "/never.png"));
  }

  // The estimate knows every stage and T5: a pretend card too small is refused with the advice,
  // and T5 on the CPU lowers the estimate by T5's weights.
  void vramEstimateKnowsTheStages() {
    DeepFloydIFPipeline pipeline;
    Observer quiet;
    auto r = cascade_request();
    r.runtime.vram_budget = 1024;  // bytes
    const auto message = error_of<OutOfMemoryError>([&] { pipeline.run(r, quiet); });
    QVERIFY2(message.find("T5 on the CPU") != std::string::npos && message.find("stage") != std::string::npos,
             message.c_str());
    auto one = load_model_bundle(dir("if1"), torch::kCPU, cpu_fp32());
    auto two = load_model_bundle(dir("if2"), torch::kCPU, cpu_fp32());
    auto three = load_model_bundle(dir("x4"), torch::kCPU, cpu_fp32());
    const auto all = estimate_if_vram(r, *one, two.get(), three.get(), r.runtime).total();
    const auto first_two = estimate_if_vram(r, *one, two.get(), nullptr, r.runtime).total();
    auto cpu_t5 = r.runtime;
    cpu_t5.text_encoder_on_cpu = true;
    const auto without_t5 = estimate_if_vram(r, *one, two.get(), three.get(), cpu_t5).total();
    QVERIFY(all > first_two);
    QVERIFY(without_t5 < all);
  }

  void missingSpieceModelNamesTheFile() {
    QTemporaryDir tmp;
    const auto copy = std::filesystem::path(tmp.path().toStdString()) / "if1";
    std::filesystem::copy(dir("if1"), copy, std::filesystem::copy_options::recursive);
    std::filesystem::remove(copy / "tokenizer" / "spiece.model");
    DeepFloydIFPipeline pipeline;
    auto r = cascade_request();
    r.stage1.model_dir = copy.string();
    r.stage2 = {};
    r.stage3_dir.clear();
    Observer quiet;
    const auto message = error_of<ModelFileError>([&] { pipeline.run(r, quiet); });
    QVERIFY2(message.find("spiece.model") != std::string::npos, message.c_str());
  }
};

QTEST_APPLESS_MAIN(TestDeepFloydIF)
#include "test_deepfloyd_if.moc"
