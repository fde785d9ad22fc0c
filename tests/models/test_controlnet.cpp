// ControlNetModel (tests/fixtures/controlnet_fixture.py): tiny SD 1.x and SDXL ControlNets made by
// diffusers' ControlNetModel.from_unet and perturbed; every residual of a call (scale 0.7, and
// guess mode) against diffusers' ControlNetModel on the same inputs.
#include <QtTest>

#include <c10/core/InferenceMode.h>
#include <torch/torch.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/io/safetensors.h"
#include "engine/models/controlnet_model.h"

using namespace gesso;
namespace fs = std::filesystem;

namespace {

fs::path dir() { return test::fixture_dir("controlnet"); }

double max_abs(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

}  // namespace

class TestControlNet : public QObject {
  Q_OBJECT

 private slots:
  void residualsMatchDiffusers_data() {
    QTest::addColumn<int>("index");
    std::ifstream in(dir() / "controlnet_calls.json");
    const auto calls = nlohmann::json::parse(in);
    for (int i = 0; i < static_cast<int>(calls.size()); ++i)
      QTest::newRow(calls[static_cast<std::size_t>(i)]["name"].get<std::string>().c_str()) << i;
  }

  void residualsMatchDiffusers() {
    QFETCH(int, index);
    std::ifstream in(dir() / "controlnet_calls.json");
    const auto c = nlohmann::json::parse(in)[static_cast<std::size_t>(index)];
    const std::string name = c["name"];
    auto model = models::load_controlnet((dir() / c["model"].get<std::string>()).string());
    const auto ref = io::SafetensorsFile::open((dir() / "controlnet_calls.safetensors").string());
    c10::InferenceMode inference;
    models::Conditioning record{.context = ref.view(name + ".context")};
    if (ref.contains(name + ".text_embeds")) {
      record.pooled = ref.view(name + ".text_embeds");
      record.time_ids = ref.view(name + ".time_ids");
    }
    const auto scales = model->block_scales(c["scale"].get<double>(), c["guess_mode"].get<bool>());
    const auto got = model->forward(ref.view(name + ".sample"), ref.view(name + ".timestep"), record,
                                    model->embed_control(ref.view(name + ".cond")), scales);
    QCOMPARE(static_cast<int>(got.down.size()), c["num_down"].get<int>());
    double worst = 0;
    for (std::size_t i = 0; i < got.down.size(); ++i)
      worst = std::max(worst, max_abs(got.down[i], ref.view(name + ".down." + std::to_string(i))));
    worst = std::max(worst, max_abs(got.mid, ref.view(name + ".mid")));
    qInfo("%s: worst max abs difference %.3g", name.c_str(), worst);
    QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
  }

  // A folder whose config is not a ControlNet's, or is missing: an error naming the file.
  void badFolders() {
    QVERIFY_THROWS_EXCEPTION(ModelFileError, models::load_controlnet((dir() / "nowhere").string()));
  }
};

QTEST_APPLESS_MAIN(TestControlNet)
#include "test_controlnet.moc"
