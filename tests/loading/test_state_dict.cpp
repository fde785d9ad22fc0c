// Strict name-matched loading into a module, dtype conversion, variants and sharded folders.
#include <QtTest>

#include <torch/torch.h>

#include <filesystem>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/io/state_dict.h"

namespace fs = std::filesystem;

namespace {

torch::Tensor ar(int64_t n) { return (torch::arange(n, torch::kDouble) * 0.25 - 3.0).to(torch::kFloat); }

// Names "0.weight", "0.bias", "2.weight", "2.bias", as the fixture's folder.
torch::nn::Sequential small_model() {
  return torch::nn::Sequential(torch::nn::Linear(3, 4), torch::nn::ReLU(), torch::nn::Linear(4, 2));
}

std::string load_error(torch::nn::Module& m, const std::string& file) {
  try {
    gesso::io::load_state_dict(m, {gesso::io::SafetensorsFile::open(file)});
  } catch (const gesso::ModelFileError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

class TestStateDict : public QObject {
  Q_OBJECT

 private slots:
  void loadsComponentFolderExactly() {
    auto model = small_model();
    const auto files = gesso::io::open_component_weights((gesso::test::fixture_dir("loading") / "component").string());
    const auto loaded = gesso::io::load_state_dict(*model, files);
    QCOMPARE(loaded.size(), size_t(4));
    QVERIFY(torch::equal(model->named_parameters()["0.weight"], ar(12).reshape({4, 3})));
    QVERIFY(torch::equal(model->named_parameters()["2.bias"], ar(2)));
    // The loaded weights are what the forward pass uses.
    torch::NoGradGuard g;
    const auto y = model->forward(torch::ones({1, 3}));
    const auto h = torch::relu(torch::matmul(torch::ones({1, 3}), ar(12).reshape({4, 3}).t()) + ar(4));
    QVERIFY(torch::allclose(y, torch::matmul(h, ar(8).reshape({2, 4}).t()) + ar(2)));
  }

  void convertsToTargetDtype() {
    auto model = small_model();
    const auto dir = (gesso::test::fixture_dir("loading") / "component").string();
    gesso::io::LoadOptions opt;
    opt.dtype = torch::kHalf;
    gesso::io::load_state_dict(*model, gesso::io::open_component_weights(dir, "fp16"), opt);
    const auto w = model->named_parameters()["0.weight"];
    QCOMPARE(w.scalar_type(), torch::kHalf);
    QVERIFY(torch::equal(w, ar(12).reshape({4, 3}).to(torch::kHalf)));
  }

  void variantFallsBackToFullPrecision() {
    const auto dir = (gesso::test::fixture_dir("loading") / "component").string();
    const auto files = gesso::io::open_component_weights(dir, "bf16");  // no bf16 files: plain ones
    QVERIFY(files.front().path().find("diffusion_pytorch_model.safetensors") != std::string::npos);
  }

  void loadsShardedFolder() {
    auto model = small_model();
    const auto files = gesso::io::open_component_weights((gesso::test::fixture_dir("loading") / "sharded").string());
    QCOMPARE(files.size(), size_t(2));
    QCOMPARE(gesso::io::load_state_dict(*model, files).size(), size_t(4));
    QVERIFY(torch::equal(model->named_parameters()["2.weight"], ar(8).reshape({2, 4})));
  }

  void strictNamesEveryMismatch() {
    const auto path = (fs::temp_directory_path() / "gesso_sd_bad.safetensors").string();
    gesso::io::save_safetensors(path, {{"0.weight", torch::zeros({4, 3})},
                                       {"0.bias", torch::zeros({5})},        // mis-shaped
                                       {"2.weight", torch::zeros({2, 4})},
                                       {"extra.weight", torch::zeros({1})}});  // unexpected; 2.bias missing
    auto model = small_model();
    const auto e = load_error(*model, path);
    QVERIFY2(e.find("1 missing: 2.bias") != std::string::npos, e.c_str());
    QVERIFY2(e.find("1 unexpected: extra.weight") != std::string::npos, e.c_str());
    QVERIFY2(e.find("0.bias (file [5], model [4])") != std::string::npos, e.c_str());
    QVERIFY(e.find(path) != std::string::npos);
  }

  void missingFolderAndWeightsAreClearErrors() {
    QVERIFY_THROWS_EXCEPTION(gesso::ModelFileError, gesso::io::open_component_weights("/nonexistent/unet"));
    const auto empty = fs::temp_directory_path() / "gesso_empty_component";
    fs::create_directories(empty);
    QVERIFY_THROWS_EXCEPTION(gesso::ModelFileError, gesso::io::open_component_weights(empty.string()));
  }
};

QTEST_GUILESS_MAIN(TestStateDict)
#include "test_state_dict.moc"
