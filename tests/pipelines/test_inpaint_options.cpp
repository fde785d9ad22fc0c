// AUTOMATIC1111's inpainting options end to end: "only masked" crops, generates at the model's size
// and pastes back; every masked-content mode runs; with the composite, pixels outside the blurred
// mask are the original's, bit for bit.
#include <QtTest>

#include <torch/torch.h>

#include "common/fixtures.h"
#include "engine/io/image_io.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"

using namespace gesso;
using pipelines::MaskedContent;

namespace {

// A 64x64 picture with a 16x12 mask well inside it, so that "only masked" crops for real.
pipelines::GenerationRequest request(pipelines::InpaintArea area, MaskedContent content) {
  const auto dir = test::fixture_dir("pipelines");
  pipelines::GenerationRequest r;
  r.pipeline = pipelines::PipelineKind::kInpaint;
  r.model_dir = (dir / "sd1").string();
  r.prompt = "a red cube";
  r.width = r.height = 32;
  r.steps = 4;
  r.strength = 0.75;
  r.sampler = "Euler a";
  r.runtime.device = "cpu";
  r.init_image = io::resize(io::read_image((dir / "init.png").string()), 64, 64, io::Interp::kLanczos);
  Image mask = io::make_image(64, 64, 1);
  for (int y = 30; y < 42; ++y)
    for (int x = 24; x < 40; ++x) *mask.at(x, y) = 255;
  r.mask = mask;
  r.inpaint.area = area;
  r.inpaint.masked_content = content;
  r.inpaint.mask_blur = 2;
  r.inpaint.only_masked_padding = 4;
  return r;
}

// Pixels farther than `margin` from the mask rectangle.
bool outside(int x, int y, int margin) { return x < 24 - margin || x >= 40 + margin || y < 30 - margin || y >= 42 + margin; }

}  // namespace

class TestInpaintOptions : public QObject {
  Q_OBJECT

  pipelines::StableDiffusionPipeline pipeline_;

 private slots:
  void keepsEverythingOutsideTheMask_data() {
    QTest::addColumn<int>("area");
    QTest::addColumn<int>("content");
    for (int area : {0, 1})
      for (int content : {0, 1, 2, 3})
        QTest::newRow((std::string(area ? "only masked/" : "whole picture/") + "content " + std::to_string(content)).c_str())
            << area << content;
  }

  void keepsEverythingOutsideTheMask() {
    QFETCH(int, area);
    QFETCH(int, content);
    const auto r = request(static_cast<pipelines::InpaintArea>(area), static_cast<MaskedContent>(content));
    pipelines::Observer quiet;
    const auto result = pipeline_.run(r, quiet);
    const Image& out = result.images.at(0);
    // "Only masked" pastes back into the full picture; "whole picture" works at the model's size.
    const Image original = area ? io::to_rgb(*r.init_image) : io::resize(io::to_rgb(*r.init_image), 32, 32, io::Interp::kLanczos);
    QCOMPARE(out.width, original.width);
    QCOMPARE(out.height, original.height);
    const int scale = 64 / original.width;
    int changed_inside = 0;
    for (int y = 0; y < out.height; ++y)
      for (int x = 0; x < out.width; ++x) {
        const bool far = outside(x * scale, y * scale, 8);
        const bool same = std::equal(out.at(x, y), out.at(x, y) + 3, original.at(x, y));
        if (far) QVERIFY2(same, ("pixel changed outside the mask at " + std::to_string(x) + "," + std::to_string(y)).c_str());
        if (!outside(x * scale, y * scale, -2) && !same) ++changed_inside;
      }
    QVERIFY(changed_inside > 0);  // and the masked area was repainted
  }
};

QTEST_GUILESS_MAIN(TestInpaintOptions)
#include "test_inpaint_options.moc"
