// Bad input gets a clear error naming the file or field, loses nothing, and the next run works;
// gesso-cli writes PNGs with A1111 parameters, never overwrites silently, never leaves partial files.
#include <QtTest>

#include <QProcess>
#include <torch/torch.h>

#include <filesystem>
#include <fstream>

#include "common/errors.h"
#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/io/a1111_parameters.h"
#include "engine/io/image_io.h"
#include "engine/io/png_text.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"

using namespace gesso;
using test::error_of;
namespace fs = std::filesystem;

namespace {

pipelines::GenerationRequest tiny_request() {
  pipelines::GenerationRequest r;
  r.model_dir = (test::fixture_dir("pipelines") / "sd1").string();
  r.prompt = "a red cube";
  r.width = r.height = 32;
  r.steps = 3;
  r.sampler = "Euler";
  r.runtime.device = "cpu";
  return r;
}

// Cancels once `after` steps have been reported.
class CancelAfter : public pipelines::Observer {
 public:
  explicit CancelAfter(int after) : after_(after) {}
  void on_step(const pipelines::StepEvent& e) override { seen_ = e.step; }
  bool should_cancel() const override { return seen_ >= after_; }
  int seen_ = 0;

 private:
  int after_;
};

// A copy of the sd1 folder whose UNet weights are cut short.
std::string corrupt_model_copy() {
  const fs::path src = test::fixture_dir("pipelines") / "sd1";
  const fs::path dst = fs::temp_directory_path() / "gesso_corrupt_sd1";
  fs::remove_all(dst);
  fs::copy(src, dst, fs::copy_options::recursive);
  const auto w = dst / "unet" / "diffusion_pytorch_model.safetensors";
  fs::resize_file(w, fs::file_size(w) / 2);
  return dst.string();
}

QString cli() { return QStringLiteral(GESSO_CLI_PATH); }

}  // namespace

class TestPipelineErrors : public QObject {
  Q_OBJECT

  pipelines::StableDiffusionPipeline pipeline_;

 private slots:
  void badRequestsNameTheField() {
    auto r = tiny_request();
    r.width = 36;
    QVERIFY(error_of<RequestError>(pipeline_, r).find("width: 36 is not a multiple of 8") != std::string::npos);
    r = tiny_request();
    r.steps = 0;
    QVERIFY(error_of<RequestError>(pipeline_, r).find("steps") != std::string::npos);
    r = tiny_request();
    r.sampler = "Heun++";
    QVERIFY(error_of<RequestError>(pipeline_, r).find("sampler") != std::string::npos);
    r = tiny_request();
    r.pipeline = pipelines::PipelineKind::kImg2Img;
    QVERIFY(error_of<RequestError>(pipeline_, r).find("init_image") != std::string::npos);
    r.init_image = io::read_image((test::fixture_dir("pipelines") / "init.png").string());
    r.pipeline = pipelines::PipelineKind::kInpaint;
    QVERIFY(error_of<RequestError>(pipeline_, r).find("mask") != std::string::npos);
  }

  void badModelsNameTheFile() {
    auto r = tiny_request();
    r.model_dir = "/nonexistent/model";
    QVERIFY(error_of<ModelFileError>(pipeline_, r).find("/nonexistent/model") != std::string::npos);
    r.model_dir = corrupt_model_copy();
    const auto e = error_of<ModelFileError>(pipeline_, r);
    QVERIFY2(e.find("unet/diffusion_pytorch_model.safetensors") != std::string::npos, e.c_str());
  }

  void inpaintingModelNeedsAMask() {
    auto r = tiny_request();
    r.model_dir = (test::fixture_dir("pipelines") / "sd1-inpaint").string();
    QVERIFY(error_of<RequestError>(pipeline_, r).find("inpainting model") != std::string::npos);
  }

  void unreadableInitImageIsAnError() {
    const auto path = (fs::temp_directory_path() / "gesso_not_an_image.png").string();
    std::ofstream(path) << "this is not a PNG";
    QVERIFY_THROWS_EXCEPTION(Error, io::read_image(path));
  }

  void maskOfAnotherSizeIsResized() {
    auto r = tiny_request();
    r.pipeline = pipelines::PipelineKind::kInpaint;
    r.init_image = io::read_image((test::fixture_dir("pipelines") / "init.png").string());
    r.mask = io::resize(io::read_image((test::fixture_dir("pipelines") / "mask.png").string()), 64, 48, io::Interp::kNearest);
    pipelines::Observer quiet;
    const auto result = pipeline_.run(r, quiet);
    QCOMPARE(result.images.at(0).width, 32);
    // Composited: where the (resized) mask is black, the original pixels are kept exactly.
    const auto& orig = *r.init_image;
    QCOMPARE(result.images[0].at(0, 0)[0], orig.at(0, 0)[0]);
    QCOMPARE(result.images[0].at(31, 31)[2], orig.at(31, 31)[2]);
  }

  void cancelStopsWithinOneStepAndNextRunWorks() {
    auto r = tiny_request();
    r.steps = 6;
    CancelAfter cancel(2);
    QVERIFY_THROWS_EXCEPTION(CancelledError, pipeline_.run(r, cancel));
    QCOMPARE(cancel.seen_, 2);
    pipelines::Observer quiet;
    QCOMPARE(pipeline_.run(r, quiet).images.size(), size_t(1));
  }

  void cliWritesParametersAndNeverOverwrites() {
    const auto out = (fs::temp_directory_path() / "gesso_cli_test.png").string();
    fs::remove(out);
    const QStringList args = {"generate", "-m", QString::fromStdString(tiny_request().model_dir), "-p", "a red cube",
                              "-n", "blurry", "-s", "1234", "-W", "32", "-H", "32", "--steps", "2", "--sampler",
                              "Euler a", "--device", "cpu", "-q", "-o", QString::fromStdString(out)};
    QProcess p;
    p.start(cli(), args);
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    const auto text = io::read_png_text(out);
    const auto params = io::parse_a1111(text.at("parameters"));
    QCOMPARE(params.prompt, std::string("a red cube"));
    QCOMPARE(params.negative_prompt, std::string("blurry"));
    QCOMPARE(params.seed, uint64_t(1234));
    QCOMPARE(params.sampler, std::string("Euler a"));
    QCOMPARE(params.width, 32);
    const auto before = fs::last_write_time(out);
    p.start(cli(), args);  // same output again: refused before any work
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(p.readAllStandardError().contains("exists"));
    QCOMPARE(fs::last_write_time(out), before);
    for (const auto& e : fs::directory_iterator(fs::temp_directory_path()))
      QVERIFY2(e.path().string().find("gesso_cli_test.png.") == std::string::npos, "partial file left behind");
  }

  void cliReportsBadInputWithoutCrashing() {
    QProcess p;
    p.start(cli(), {"generate", "-m", "/nonexistent/model", "-p", "x", "-q", "-o", "/tmp/gesso_never.png"});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(p.readAllStandardError().contains("/nonexistent/model"));
  }
};

QTEST_GUILESS_MAIN(TestPipelineErrors)
#include "test_pipeline_errors.moc"
