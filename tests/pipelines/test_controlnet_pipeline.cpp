// ControlNet through the pipeline (tests/fixtures/controlnet_fixture.py): diffusers'
// StableDiffusion(XL)ControlNet(Img2Img)Pipeline latents for txt2img, guess mode, a start / end
// window, two ControlNets at once, SDXL and img2img; then what a user meets.
#include <QtTest>

#include <torch/torch.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "common/fixtures.h"
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
};

QTEST_APPLESS_MAIN(TestControlNetPipeline)
#include "test_controlnet_pipeline.moc"
