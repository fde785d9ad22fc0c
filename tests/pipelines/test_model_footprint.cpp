// The footprint read from a model folder's headers equals the footprint of the same folder loaded,
// in every precision, so the GUI's estimate before loading is the one the pipeline uses after.
#include <QtTest>

#include <torch/torch.h>

#include <filesystem>
#include <fstream>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/pipelines/model_footprint.h"
#include "engine/pipelines/model_bundle.h"

using namespace gesso;
namespace fs = std::filesystem;

namespace {

std::string sd1() { return (test::fixture_dir("pipelines") / "sd1").string(); }

runtime::ModelFootprint loaded(const std::string& dir, torch::ScalarType dtype, bool vae_fp32) {
  runtime::RuntimeOptions o;
  o.dtype = dtype;
  o.vae_fp32 = vae_fp32;
  return pipelines::footprint(*pipelines::load_model_bundle(dir, torch::kCPU, o));
}

void compareFootprints(const runtime::ModelFootprint& got, const runtime::ModelFootprint& want) {
  QCOMPARE(got.text_encoder_bytes, want.text_encoder_bytes);
  QCOMPARE(got.unet_bytes, want.unet_bytes);
  QCOMPARE(got.vae_bytes, want.vae_bytes);
  QCOMPARE(got.unet_heads, want.unet_heads);
  QCOMPARE(got.vae_scale_factor, want.vae_scale_factor);
  QCOMPARE(got.vae_tile_pixels, want.vae_tile_pixels);
  QCOMPARE(got.unet_dtype_bytes, want.unet_dtype_bytes);
  QCOMPARE(got.vae_dtype_bytes, want.vae_dtype_bytes);
}

std::string copyOfSd1() {
  const fs::path dst = fs::temp_directory_path() / "gesso_footprint_copy";
  fs::remove_all(dst);
  fs::copy(sd1(), dst, fs::copy_options::recursive);
  return dst.string();
}

}  // namespace

class TestModelFootprint : public QObject {
  Q_OBJECT

 private slots:
  void equalsTheLoadedModel_data() {
    QTest::addColumn<int>("dtype");
    QTest::addColumn<bool>("vaeFp32");
    QTest::newRow("fp32") << int(torch::kFloat) << false;
    QTest::newRow("fp16") << int(torch::kHalf) << false;
    QTest::newRow("fp16, VAE fp32") << int(torch::kHalf) << true;
    QTest::newRow("bf16") << int(torch::kBFloat16) << false;
  }

  void equalsTheLoadedModel() {
    QFETCH(int, dtype);
    QFETCH(bool, vaeFp32);
    const auto type = static_cast<torch::ScalarType>(dtype);
    const auto fromFolder = pipelines::footprint_on_disk(sd1(), type, vaeFp32);
    compareFootprints(fromFolder, loaded(sd1(), type, vaeFp32));
    QVERIFY(fromFolder.unet_bytes > 0 && fromFolder.text_encoder_bytes > 0 && fromFolder.vae_bytes > 0);
  }

  void precisionRescalesExactly() {
    const auto fp32 = pipelines::footprint_on_disk(sd1(), torch::kFloat, false);
    compareFootprints(pipelines::with_precision(fp32, torch::kHalf, true),
                      pipelines::footprint_on_disk(sd1(), torch::kHalf, true));
    const auto fp16 = pipelines::footprint_on_disk(sd1(), torch::kHalf, false);
    compareFootprints(pipelines::with_precision(fp16, torch::kFloat, false), fp32);
    QCOMPARE(fp32.unet_bytes, 2 * fp16.unet_bytes);
  }

  void missingFolderNamesThePath() {
    try {
      pipelines::footprint_on_disk("/nonexistent/footprint-model", torch::kHalf, false);
      QFAIL("no error");
    } catch (const ModelFileError& e) {
      QVERIFY2(std::string(e.what()).find("/nonexistent/footprint-model") != std::string::npos, e.what());
    }
  }

  void missingComponentNamesIt() {
    const auto dir = copyOfSd1();
    fs::remove_all(fs::path(dir) / "vae");
    try {
      pipelines::footprint_on_disk(dir, torch::kHalf, false);
      QFAIL("no error");
    } catch (const ModelFileError& e) {
      QVERIFY2(std::string(e.what()).find(dir + "/vae") != std::string::npos, e.what());
    }
    fs::remove_all(dir);
  }

  void corruptHeaderIsAModelFileError() {
    const auto dir = copyOfSd1();
    const auto weights = fs::path(dir) / "unet" / "diffusion_pytorch_model.safetensors";
    std::ofstream(weights, std::ios::binary | std::ios::trunc) << "\xff\xff\xff\xff\xff\xff\xff\x7f{";
    try {
      pipelines::footprint_on_disk(dir, torch::kHalf, false);
      QFAIL("no error");
    } catch (const ModelFileError& e) {
      QVERIFY2(std::string(e.what()).find("unet/diffusion_pytorch_model.safetensors") != std::string::npos, e.what());
    }
    fs::remove_all(dir);
  }
};

QTEST_GUILESS_MAIN(TestModelFootprint)
#include "test_model_footprint.moc"
