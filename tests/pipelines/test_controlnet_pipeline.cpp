// ControlNet through the pipeline (tests/fixtures/controlnet_fixture.py): diffusers'
// StableDiffusion(XL)ControlNet(Img2Img)Pipeline latents for txt2img, guess mode, a start / end
// window, two ControlNets at once, SDXL and img2img; then what a user meets.
#include <QProcess>
#include <QtTest>

#include <torch/torch.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/io/image.h"
#include "engine/io/a1111_parameters.h"
#include "engine/io/image_io.h"
#include "engine/io/png_text.h"
#include "engine/io/safetensors.h"
#include "engine/pipelines/control_image.h"
#include "engine/pipelines/control_unit_text.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"

using namespace gesso;
namespace fs = std::filesystem;

namespace {

fs::path dir() { return test::fixture_dir("controlnet"); }

nlohmann::json cases() {
  std::ifstream in(dir() / "cases.json");
  return nlohmann::json::parse(in);
}

double max_abs(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

// The i-th entry of a per-unit list, or `fallback` when the case has none.
std::string unit_text(const nlohmann::json& c, const char* key, std::size_t i, const std::string& fallback) {
  return c.contains(key) ? c[key][i].get<std::string>() : fallback;
}

pipelines::PipelineKind kind_of(const std::string& name) {
  if (name == "img2img") return pipelines::PipelineKind::kImg2Img;
  if (name == "inpaint") return pipelines::PipelineKind::kInpaint;
  return pipelines::PipelineKind::kTxt2Img;
}

pipelines::ControlUnit unit_for(const nlohmann::json& c, std::size_t i) {
  pipelines::ControlUnit u;
  u.model = (dir() / c["controlnets"][i].get<std::string>()).string();
  if (!c["control_images"][i].is_null())  // none: the init image
    u.image = io::read_image((dir() / c["control_images"][i].get<std::string>()).string());
  u.scale = c["scales"][i];
  u.start = c["start"];
  u.end = c["end"];
  u.guess_mode = c["guess_mode"];
  u.preprocessor.name = unit_text(c, "preprocessors", i, "none");
  if (c.contains("thresholds_a")) u.preprocessor.threshold_a = c["thresholds_a"][i];
  if (c.contains("thresholds_b")) u.preprocessor.threshold_b = c["thresholds_b"][i];
  u.control_mode = *pipelines::control_mode_from(unit_text(c, "control_modes", i, "Balanced"));
  u.resize_mode = *pipelines::resize_mode_from(unit_text(c, "resize_modes", i, "Just Resize"));
  return u;
}

pipelines::GenerationRequest request_for(const nlohmann::json& c) {
  pipelines::GenerationRequest r;
  r.model_dir = (dir() / c["model"].get<std::string>()).string();
  r.pipeline = kind_of(c["pipeline"]);
  r.prompt = c["prompt"];
  r.negative_prompt = c["negative"];
  r.sampler = c["sampler"];
  r.steps = c["steps"];
  r.guidance_scale = c["cfg"];
  r.seed = c["seed"];
  r.width = c["width"];
  r.height = c["height"];
  if (c.contains("strength") && !c["strength"].is_null()) r.strength = c["strength"];
  if (r.pipeline != pipelines::PipelineKind::kTxt2Img) r.init_image = io::read_image((dir() / "init.png").string());
  if (r.pipeline == pipelines::PipelineKind::kInpaint) {
    r.mask = io::read_image((dir() / c["mask"].get<std::string>()).string());
    r.inpaint.mask_blur = c["mask_blur"];     // diffusers applies none
    r.inpaint.composite = c["composite"];     // compare the model's own pixels
  }
  r.runtime.device = "cpu";
  for (std::size_t i = 0; i < c["controlnets"].size(); ++i) r.controlnets.push_back(unit_for(c, i));
  return r;
}

}  // namespace

class TestControlNetPipeline : public QObject {
  Q_OBJECT

 private slots:
  void matchesDiffusers_data() {
    QTest::addColumn<int>("index");
    const auto all = cases();
    for (int i = 0; i < static_cast<int>(all.size()); ++i)
      QTest::newRow(all[static_cast<std::size_t>(i)]["name"].get<std::string>().c_str()) << i;
  }

  void matchesDiffusers() {
    QFETCH(int, index);
    const auto c = cases()[static_cast<std::size_t>(index)];
    const auto request = request_for(c);
    const auto ref = io::SafetensorsFile::open((dir() / (c["name"].get<std::string>() + ".safetensors")).string());
    // The control image as diffusers got it (preprocessor, resize mode, inpainting hint).
    for (std::size_t i = 0; i < request.controlnets.size(); ++i) {
      const auto key = "control." + std::to_string(i);
      if (!ref.contains(key)) continue;
      const auto got = pipelines::control_image_tensor(request.controlnets[i], request, request.width, request.height, i);
      const double image_err = max_abs(got, ref.view(key));
      QVERIFY2(image_err < 2.0 / 255, qPrintable(QString::fromStdString(key) + ": " + QString::number(image_err)));
    }
    pipelines::StableDiffusionPipeline p;
    pipelines::Observer quiet;
    const auto result = p.run(request, quiet);
    const double err = max_abs(result.latents, ref.view("latents"));
    qInfo("%s: latents max abs difference %.3g", c["name"].get<std::string>().c_str(), err);
    // Conditional-only controls run the ControlNet on half the batch, where sd-webui-controlnet runs it on
    // all of it and zeroes half: the same arithmetic, but a CPU convolution's last bits depend on the
    // batch size, and three steps grow them to about 1e-4 (a wrong image, crop or hint moves them 7e-4+).
    QVERIFY2(err < 2e-4, qPrintable(QString::number(err)));
  }

  // A1111's single files (lllyasviel's layout, with and without control_model., safetensors and a
  // pickle) give the folder's latents: the first case that uses the folder, with the file instead.
  void singleFiles_data() {
    QTest::addColumn<std::string>("file");
    QTest::addColumn<std::string>("folder");
    std::ifstream in(dir() / "single_files.json");
    for (const auto& f : nlohmann::json::parse(in))
      QTest::newRow(f["file"].get<std::string>().c_str()) << f["file"].get<std::string>() << f["folder"].get<std::string>();
  }

  void singleFiles() {
    QFETCH(std::string, file);
    QFETCH(std::string, folder);
    for (const auto& c : cases()) {
      if (c["controlnets"].size() != 1 || c["controlnets"][0] != folder) continue;
      auto r = request_for(c);
      r.controlnets[0].model = (dir() / file).string();
      pipelines::StableDiffusionPipeline p;
      pipelines::Observer quiet;
      const auto result = p.run(r, quiet);
      const auto ref = io::SafetensorsFile::open((dir() / (c["name"].get<std::string>() + ".safetensors")).string());
      const double err = max_abs(result.latents, ref.view("latents"));
      qInfo("%s as %s: latents max abs difference %.3g", c["name"].get<std::string>().c_str(), file.c_str(), err);
      QVERIFY2(err < 1e-4, qPrintable(QString::number(err)));
      // The PNG text names the file and the unit as sd-webui-controlnet does.
      const auto text = result.parameters.at(0).extra.at("ControlNet 0");
      QVERIFY2(text.find("Model: " + fs::path(file).stem().string() + ",") != std::string::npos, text.c_str());
      return;
    }
    QFAIL(("no case uses " + folder).c_str());
  }

  // gesso-cli with a single-file ControlNet, a preprocessor and a resize mode: the PNG text carries
  // the unit as sd-webui-controlnet writes it; a wrong mode is refused naming the flag.
  void cli() {
    const auto out = (fs::temp_directory_path() / "gesso_cli_controlnet.png").string();
    fs::remove(out);
    const QStringList args{"generate", "-m", QString::fromStdString((dir() / "sd1").string()), "-p", "a cat", "-q",
                           "--device", "cpu", "--steps", "2", "-W", "32", "-H", "32", "--controlnet",
                           QString::fromStdString((dir() / "controlnet-sd1.safetensors").string()), "--control-image",
                           QString::fromStdString((dir() / "control_wide.png").string()), "--control-preprocessor",
                           "canny", "--control-threshold-a", "50", "--resize-mode", "crop", "--control-mode", "prompt",
                           "--control-weight", "0.7", "-o", QString::fromStdString(out)};
    QProcess p;
    p.start(QStringLiteral(GESSO_CLI_PATH), args);
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const auto params = io::parse_a1111(io::read_png_text(out).at("parameters"));
    const auto unit = pipelines::parse_control_unit_text(params.extra.at("ControlNet 0"));
    QCOMPARE(unit.model, std::string("controlnet-sd1"));
    QCOMPARE(unit.preprocessor.name, std::string("canny"));
    QCOMPARE(unit.preprocessor.threshold_a, 50.0);
    QCOMPARE(unit.preprocessor.threshold_b, 200.0);  // canny's default, written out
    QCOMPARE(unit.scale, 0.7);
    QVERIFY(unit.resize_mode == pipelines::ResizeMode::kCropAndResize);
    QVERIFY(unit.control_mode == pipelines::ControlMode::kPrompt);
    QProcess bad;
    bad.start(QStringLiteral(GESSO_CLI_PATH), QStringList(args) << "--overwrite" << "--resize-mode" << "stretch");
    QVERIFY(bad.waitForFinished(60000));
    QCOMPARE(bad.exitCode(), 1);
    QVERIFY(bad.readAllStandardError().contains("resize-mode"));
  }

  // What a user meets: a ControlNet of another family, a missing folder, a bad window, a refiner.
  void errors() {
    pipelines::StableDiffusionPipeline p;
    auto r = request_for(cases()[0]);
    r.controlnets[0].model = (dir() / "controlnet-sdxl").string();
    const auto family = test::error_of<ModelFileError>(p, r);
    QVERIFY2(family.find("controlnet-sdxl") != std::string::npos && family.find("SD 1.x") != std::string::npos,
             family.c_str());
    r.controlnets[0].model = (dir() / "controlnet-sdxl.safetensors").string();  // a single file: same check
    const auto file_family = test::error_of<ModelFileError>(p, r);
    QVERIFY2(file_family.find("controlnet-sdxl.safetensors") != std::string::npos &&
                 file_family.find("context width 80") != std::string::npos && file_family.find("SD 1.x") != std::string::npos,
             file_family.c_str());
    r.controlnets[0].model = (dir() / "no-such-controlnet").string();
    QVERIFY(test::error_of<ModelFileError>(p, r).find("no-such-controlnet") != std::string::npos);
    r = request_for(cases()[0]);
    r.controlnets[0].start = 0.8;
    r.controlnets[0].end = 0.2;
    QVERIFY(test::error_of<RequestError>(p, r).find("controlnets[0]") != std::string::npos);
    r = request_for(cases()[0]);
    r.controlnets[0].image = {};
    QVERIFY(test::error_of<RequestError>(p, r).find("no control image") != std::string::npos);
    r = request_for(cases()[4]);
    r.refiner_dir = r.model_dir;
    QVERIFY(test::error_of<RequestError>(p, r).find("ControlNet") != std::string::npos);
    // A control image of another size is resized to the output (Lanczos), not refused.
    r = request_for(cases()[0]);
    r.controlnets[0].image = io::resize(r.controlnets[0].image, 48, 20, io::Interp::kLanczos);
    pipelines::Observer quiet;
    QCOMPARE(p.run(r, quiet).latents.size(2), int64_t{16});
  }
};

QTEST_APPLESS_MAIN(TestControlNetPipeline)
#include "test_controlnet_pipeline.moc"
