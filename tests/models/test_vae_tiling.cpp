// Tiled and sliced VAE encode / decode (engine/models/vae_tiling.h) against diffusers 0.42 with
// enable_tiling() / enable_slicing(): tiny random VAEs whose tile is 32 (16) pixels, so tiling
// triggers on small tensors (tests/fixtures/vae_tiling_fixture.py), fp32 on CPU, within 1e-4.
#include <QtTest>

#include <torch/torch.h>

#include <algorithm>
#include <string>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/io/safetensors.h"
#include "engine/models/autoencoder_kl.h"
#include "engine/models/vae_tiling.h"
#include "models/model_test_util.h"

using gesso::io::SafetensorsFile;
using gesso::models::AutoencoderKL;
using gesso::models::VaeTiling;
using gesso::test::expect_close;
using gesso::test::max_abs_diff;

namespace {

const std::pair<const char*, VaeTiling> kModes[] = {{"plain", {false, false}},
                                                     {"tiled", {true, false}},
                                                     {"sliced", {false, true}},
                                                     {"tiled_sliced", {true, true}}};

std::string dir(const std::string& model) { return (gesso::test::fixture_dir("vae_tiling") / model).string(); }

// Encode images are channels-last strided in diffusers (VaeImageProcessor's layout); the file holds
// them contiguous.
torch::Tensor input(const SafetensorsFile& ref, const std::string& c) {
  const auto x = ref.view(c + ".input");
  return c.starts_with("encode") ? x.contiguous(torch::MemoryFormat::ChannelsLast) : x;
}

// Gesso's result for case c in a mode: {out} for decode, {mean, std} for encode.
std::vector<torch::Tensor> run(AutoencoderKL& vae, const std::string& c, const torch::Tensor& x, const VaeTiling& how) {
  if (c.starts_with("decode")) return {gesso::models::vae_decode(*vae, x, how)};
  const auto dist = gesso::models::vae_encode(*vae, x, how);
  return {dist.mean, dist.std};
}

std::vector<std::string> outputs(const std::string& c) {
  return c.starts_with("decode") ? std::vector<std::string>{"out"} : std::vector<std::string>{"mean", "std"};
}

std::vector<std::string> cases(const SafetensorsFile& ref) {
  std::vector<std::string> names;
  for (const auto* kind : {"decode", "encode"})
    for (int i = 0; ref.contains(kind + std::to_string(i) + ".input"); ++i) names.push_back(kind + std::to_string(i));
  return names;
}

double diff(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
  double d = 0;
  for (std::size_t i = 0; i < a.size(); ++i) d = std::max(d, max_abs_diff(a[i], b[i]));
  return d;
}

}  // namespace

class TestVaeTiling : public QObject {
  Q_OBJECT

 private slots:
  void matchesDiffusers_data() {
    QTest::addColumn<QString>("model");
    QTest::newRow("vae_tiling") << "vae_tiling";
    QTest::newRow("vae_tiling_bare") << "vae_tiling_bare";
  }

  // Every case and mode diffusers ran, within 1e-4 (worst reported).
  void matchesDiffusers() {
    QFETCH(QString, model);
    auto vae = gesso::models::load_autoencoder_kl(dir(model.toStdString()));
    const auto ref = SafetensorsFile::open(dir(model.toStdString()) + "/reference.safetensors");
    c10::InferenceMode inference;
    int compared = 0;
    for (const auto& c : cases(ref)) {
      const auto x = input(ref, c);
      for (const auto& [mode, how] : kModes) {
        if (!ref.contains(c + "." + mode + "." + outputs(c).front())) continue;
        const auto got = run(vae, c, x, how);
        for (std::size_t i = 0; i < got.size(); ++i) {
          const auto key = c + "." + mode + "." + outputs(c)[i];
          expect_close(model.toStdString() + " " + key + " " + c10::str(got[i].sizes()), got[i], ref.view(key), worst_);
          if (QTest::currentTestFailed()) return;
        }
        ++compared;
      }
    }
    // Every reference output was compared (none left behind by a mode name the test lacks).
    const auto expected = std::count_if(ref.tensors().begin(), ref.tensors().end(), [](const auto& t) {
      return t.name.ends_with(".out") || t.name.ends_with(".mean");
    });
    QCOMPARE(compared, static_cast<int>(expected));
    QVERIFY(compared >= 5);
  }

  // Large inputs: tiled differs from untiled by about what diffusers' does (proof tiling ran),
  // not by garbage. Small inputs (<= the tile): tiling is skipped, so the result is identical.
  void tilingRunsOnlyAboveTheTile() {
    auto vae = gesso::models::load_autoencoder_kl(dir("vae_tiling"));
    const auto ref = SafetensorsFile::open(dir("vae_tiling") + "/reference.safetensors");
    c10::InferenceMode inference;
    for (const auto& c : {"decode0", "decode1", "decode4", "encode0", "encode1"}) {
      const auto x = input(ref, c);
      const auto plain = run(vae, c, x, {});
      const double d = diff(run(vae, c, x, {.tiling = true}), plain);
      const double scale = plain.front().abs().max().item<double>();
      qInfo("%s: tiled vs untiled max |diff| %.3g (untiled max |x| %.3g)", c, d, scale);
      QVERIFY2(d > 1e-2 && d < scale, c);
    }
    for (const auto& c : {"decode2", "decode3", "encode2", "encode3"}) {
      const auto x = input(ref, c);
      const auto plain = run(vae, c, x, {});
      const auto tiled = run(vae, c, x, {.tiling = true});
      for (std::size_t i = 0; i < plain.size(); ++i) QVERIFY2(torch::equal(tiled[i], plain[i]), c);
    }
  }

  // One batch entry at a time gives the batched result within float rounding (diffusers' own
  // sliced and batched outputs differ by ~4e-6: the convolutions' kernels depend on the batch).
  void slicingMatchesUnsliced() {
    auto vae = gesso::models::load_autoencoder_kl(dir("vae_tiling"));
    const auto ref = SafetensorsFile::open(dir("vae_tiling") + "/reference.safetensors");
    c10::InferenceMode inference;
    for (const auto& c : {"decode1", "decode2", "encode1", "encode2"}) {
      const auto x = input(ref, c);
      const double d = diff(run(vae, c, x, {.slicing = true}), run(vae, c, x, {}));
      const double dt = diff(run(vae, c, x, {.tiling = true, .slicing = true}), run(vae, c, x, {.tiling = true}));
      qInfo("%s: sliced vs batched max |diff| %.3g, tiled %.3g", c, d, dt);
      QVERIFY2(d <= 1e-5 && dt <= 1e-5, c);
    }
  }

  void tileSizesFollowTheConfig() {
    gesso::models::AutoencoderKLConfig c;
    c.block_out_channels = {128, 256, 512, 512};
    c.sample_size = {512, 512};  // SD 1.x
    QCOMPARE(gesso::models::vae_tile_sizes(c).sample, int64_t{512});
    QCOMPARE(gesso::models::vae_tile_sizes(c).latent, int64_t{64});
    c.sample_size = {768, 768};  // SD 2.x
    QCOMPARE(gesso::models::vae_tile_sizes(c).latent, int64_t{96});
    c.sample_size = {100, 60};  // a list: its first entry, int(100 / 8) truncated
    QCOMPARE(gesso::models::vae_tile_sizes(c).sample, int64_t{100});
    QCOMPARE(gesso::models::vae_tile_sizes(c).latent, int64_t{12});
    QCOMPARE(gesso::models::vae_tile_sizes(c).overlap_factor, 0.25);
    const auto tiny = gesso::models::AutoencoderKLConfig::from_json_file(dir("vae_tiling") + "/config.json");
    QCOMPARE(gesso::models::vae_tile_sizes(tiny).latent, int64_t{16});
  }

  void badInputsThrowGessoErrors() {
    auto vae = gesso::models::load_autoencoder_kl(dir("vae_tiling"));
    c10::InferenceMode inference;
    const VaeTiling both{.tiling = true, .slicing = true};
    QVERIFY_THROWS_EXCEPTION(gesso::Error, gesso::models::vae_encode(*vae, torch::zeros({2, 4, 64, 64}), both));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, gesso::models::vae_decode(*vae, torch::zeros({2, 3, 32, 32}), both));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, gesso::models::vae_decode(*vae, torch::zeros({4, 32, 32}), both));
  }

  void cleanupTestCase() { qInfo("worst tiled/sliced VAE difference from diffusers: %.3g", worst_); }

 private:
  double worst_ = 0;
};

QTEST_GUILESS_MAIN(TestVaeTiling)
#include "test_vae_tiling.moc"
