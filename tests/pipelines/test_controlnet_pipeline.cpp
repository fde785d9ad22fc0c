// ControlNet through the pipeline (tests/fixtures/controlnet_fixture.py): diffusers'
// StableDiffusion(XL)ControlNet(Img2Img)Pipeline latents for txt2img, guess mode, a start / end
// window, two ControlNets at once, SDXL and img2img; then what a user meets.
#include <QtTest>

#include <torch/torch.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/io/image.h"
#include "engine/io/image_io.h"
#include "engine/io/safetensors.h"
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

pipelines::GenerationRequest request_for(const nlohmann::json& c) {
  pipelines::GenerationRequest r;
  r.model_dir = (dir() / c["model"].get<std::string>()).string();
  r.pipeline = c["pipeline"] == "img2img" ? pipelines::PipelineKind::kImg2Img : pipelines::PipelineKind::kTxt2Img;
  r.prompt = c["prompt"];
  r.negative_prompt = c["negative"];
  r.sampler = c["sampler"];
  r.steps = c["steps"];
  r.guidance_scale = c["cfg"];
  r.seed = c["seed"];
  r.width = c["width"];
  r.height = c["height"];
  if (c.contains("strength") && !c["strength"].is_null()) r.strength = c["strength"];
  if (r.pipeline == pipelines::PipelineKind::kImg2Img) r.init_image = io::read_image((dir() / "init.png").string());
  r.runtime.device = "cpu";
  for (std::size_t i = 0; i < c["controlnets"].size(); ++i) {
    pipelines::ControlUnit u;
    u.model = (dir() / c["controlnets"][i].get<std::string>()).string();
    u.image = io::read_image((dir() / c["control_images"][i].get<std::string>()).string());
    u.scale = c["scales"][i];
    u.start = c["start"];
    u.end = c["end"];
    u.guess_mode = c["guess_mode"];
    r.controlnets.push_back(u);
  }
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
    pipelines::StableDiffusionPipeline p;
    pipelines::Observer quiet;
    const auto result = p.run(request_for(c), quiet);
    const auto ref = io::SafetensorsFile::open((dir() / (c["name"].get<std::string>() + ".safetensors")).string());
    const double err = max_abs(result.latents, ref.view("latents"));
    qInfo("%s: latents max abs difference %.3g", c["name"].get<std::string>().c_str(), err);
    QVERIFY2(err < 1e-4, qPrintable(QString::number(err)));
  }

  // What a user meets: a ControlNet of another family, a missing folder, a bad window, a refiner.
  void errors() {
    pipelines::StableDiffusionPipeline p;
    auto r = request_for(cases()[0]);
    r.controlnets[0].model = (dir() / "controlnet-sdxl").string();
    const auto family = test::error_of<ModelFileError>(p, r);
    QVERIFY2(family.find("controlnet-sdxl") != std::string::npos && family.find("SD 1.x") != std::string::npos,
             family.c_str());
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
