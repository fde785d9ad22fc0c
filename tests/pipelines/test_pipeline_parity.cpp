// Whole-pipeline parity: for every sampler x {txt2img, img2img, inpaint (9-channel and 4-channel)},
// on tiny SD 1.x-like and SD 2.x-like (v-prediction) folders, Gesso's final latents equal diffusers'
// for the same seed and settings (fp32, CPU).
#include <QtTest>

#include <torch/torch.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/fixtures.h"
#include "engine/io/image_io.h"
#include "engine/io/safetensors.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"

using namespace gesso;
using pipelines::PipelineKind;

namespace {

// The bound. Gesso performs the same float32 operations as diffusers in the same order and
// memory layouts, so on the CPU the latents come out bit-identical (the worst case is printed).
constexpr double kTolerance = 1e-4;

nlohmann::json load_cases() {
  std::ifstream in(test::fixture_dir("pipelines") / "cases.json");
  return nlohmann::json::parse(in);
}

pipelines::GenerationRequest request_for(const nlohmann::json& c) {
  const auto dir = test::fixture_dir("pipelines");
  pipelines::GenerationRequest r;
  r.model_dir = (dir / c["model"].get<std::string>()).string();
  const auto kind = c["pipeline"].get<std::string>();
  r.pipeline = kind == "txt2img" ? PipelineKind::kTxt2Img : kind == "img2img" ? PipelineKind::kImg2Img : PipelineKind::kInpaint;
  r.prompt = c["prompt"];
  r.negative_prompt = c["negative"];
  r.sampler = c["sampler"];
  r.steps = c["steps"];
  r.guidance_scale = c["cfg"];
  r.seed = c["seed"];
  r.strength = c["strength"];
  r.num_images = c["num_images"];
  r.eta = c["eta"];
  r.width = r.height = 32;
  r.runtime.device = "cpu";
  if (r.pipeline != PipelineKind::kTxt2Img) r.init_image = io::read_image((dir / "init.png").string());
  if (r.pipeline == PipelineKind::kInpaint) {
    r.mask = io::read_image((dir / "mask.png").string());
    r.inpaint.mask_blur = 0;       // diffusers applies none
    r.inpaint.composite = false;   // compare the model's own pixels
  }
  return r;
}

double max_abs(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

}  // namespace

class TestPipelineParity : public QObject {
  Q_OBJECT

  double worst_ = 0, worst_relative_ = 0;
  std::string worst_case_;
  pipelines::StableDiffusionPipeline pipeline_;  // one instance: models are reused between cases

 private slots:
  void matchesDiffusers_data() {
    QTest::addColumn<int>("index");
    const auto cases = load_cases();
    for (size_t i = 0; i < cases.size(); ++i)
      QTest::newRow(cases[i]["name"].get<std::string>().c_str()) << static_cast<int>(i);
  }

  void matchesDiffusers() {
    QFETCH(int, index);
    const auto c = load_cases()[index];
    pipelines::Observer quiet;
    const auto result = pipeline_.run(request_for(c), quiet);
    const auto ref = io::SafetensorsFile::open(
        (test::fixture_dir("pipelines") / (c["name"].get<std::string>() + ".safetensors")).string());
    const auto expected = ref.view("latents");
    QCOMPARE(result.latents.sizes().vec(), expected.sizes().vec());
    const double diff = max_abs(result.latents, expected);
    if (diff > worst_) worst_ = diff, worst_case_ = c["name"];
    const double relative = diff / std::max(1.0, expected.abs().max().item<double>());
    qInfo("%s: max |diff| %.3g (max |latent| %.3g)", c["name"].get<std::string>().c_str(), diff,
          expected.abs().max().item<double>());
    worst_relative_ = std::max(worst_relative_, relative);
    QVERIFY2(diff <= kTolerance,
             (c["name"].get<std::string>() + ": max abs " + std::to_string(diff)).c_str());
    if (c["decode"].get<bool>()) {
      const auto image = ref.view("image");  // [N, H, W, 3] uint8 from diffusers' postprocess
      const auto& got = result.images.at(0);
      const auto ours = torch::from_blob(const_cast<uint8_t*>(got.pixels.data()), {got.height, got.width, 3}, torch::kUInt8);
      QVERIFY(max_abs(ours, image[0]) <= 1.0);  // one level where a value rounds at .5
    }
  }

  // A1111's seeds: image i of a batch records seed + i, and that seed alone, batch 1, gives it again
  // (the fixture's n = 2 references are already each seed's diffusers image alone).
  void batchImagesAreTheirOwnSeeds_data() {
    QTest::addColumn<int>("index");
    const auto cases = load_cases();
    for (size_t i = 0; i < cases.size(); ++i)
      if (cases[i]["num_images"].get<int>() > 1)
        QTest::newRow(cases[i]["name"].get<std::string>().c_str()) << static_cast<int>(i);
  }

  void batchImagesAreTheirOwnSeeds() {
    QFETCH(int, index);
    pipelines::Observer quiet;
    auto r = request_for(load_cases()[index]);
    const auto batch = pipeline_.run(r, quiet);
    QCOMPARE(batch.parameters.size(), std::size_t(r.num_images));
    for (int i = 0; i < r.num_images; ++i) {
      const auto& p = batch.parameters[static_cast<std::size_t>(i)];
      QCOMPARE(p.seed, r.seed + static_cast<uint64_t>(i));
      QCOMPARE(p.extra.at("Batch pos"), std::to_string(i));
    }
    auto second = r;
    second.seed = r.seed + 1;
    second.num_images = 1;
    const auto alone = pipeline_.run(second, quiet);
    const double diff = max_abs(batch.latents[1], alone.latents[0]);
    qInfo("image 1 of the batch vs seed %llu alone: %.3g", static_cast<unsigned long long>(second.seed), diff);
    QVERIFY(diff <= kTolerance);
    QVERIFY(max_abs(batch.latents[0], batch.latents[1]) > 0.1);  // the two images differ
  }

  void cleanupTestCase() {
    qInfo("worst final-latent difference: %.3g absolute (%s), %.3g relative to max |latent|", worst_,
          worst_case_.c_str(), worst_relative_);
  }
};

QTEST_GUILESS_MAIN(TestPipelineParity)
#include "test_pipeline_parity.moc"
