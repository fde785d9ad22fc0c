// AutoencoderKL against diffusers 0.42: a tiny random SD-layout VAE and one without quant convs
// or mid-block attention (tests/fixtures/models_fixture.py), fp32 on CPU, within 1e-4.
#include <QtTest>

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include "engine/error.h"
#include "engine/io/safetensors.h"
#include "engine/models/autoencoder_kl.h"
#include "models/model_test_util.h"

using gesso::io::SafetensorsFile;
using gesso::test::expect_close;

namespace {

void check_encode(const std::string& name, gesso::models::AutoencoderKL& vae, const SafetensorsFile& ref,
                  double& worst) {
  int cases = 0;
  for (; ref.contains("encode" + std::to_string(cases) + ".mean"); ++cases) {
    const auto key = [&](const std::string& t) { return "encode" + std::to_string(cases) + "." + t; };
    const auto dist = vae->encode(ref.view(key("image")));
    expect_close(name + " " + key("mean"), dist.mean, ref.view(key("mean")), worst);
    expect_close(name + " " + key("logvar"), dist.logvar, ref.view(key("logvar")), worst);
    expect_close(name + " " + key("std"), dist.std, ref.view(key("std")), worst);
    QVERIFY2(torch::equal(dist.mode(), dist.mean), "mode() is the mean");
    // The same seed gives the same noise as torch.Generator().manual_seed(seed) in diffusers.
    const auto seed = ref.view(key("seed")).item<int64_t>();
    const auto sample = dist.sample(at::detail::createCPUGenerator(static_cast<uint64_t>(seed)));
    expect_close(name + " " + key("sample"), sample, ref.view(key("sample")), worst);
    if (QTest::currentTestFailed()) return;
  }
  QVERIFY(cases > 0);
}

void check_decode(const std::string& name, gesso::models::AutoencoderKL& vae, const SafetensorsFile& ref,
                  double& worst) {
  int cases = 0;
  for (; ref.contains("decode" + std::to_string(cases) + ".out"); ++cases) {
    const auto key = [&](const std::string& t) { return "decode" + std::to_string(cases) + "." + t; };
    const auto out = vae->decode(ref.view(key("latent")));
    expect_close(name + " " + key("out") + " " + c10::str(out.sizes()), out, ref.view(key("out")), worst);
    if (QTest::currentTestFailed()) return;
  }
  QVERIFY(cases > 0);
}

}  // namespace

class TestAutoencoderKL : public QObject {
  Q_OBJECT

 private slots:
  void sdVaeMatchesDiffusers() { check("vae", 2, 2); }
  void vaeWithoutQuantConvsMatchesDiffusers() { check("vae_bare", 1, 1); }

  void configCarriesScalingAndFlags() {
    const auto sd = gesso::models::AutoencoderKLConfig::from_json_file(gesso::test::model_dir("vae") + "/config.json");
    QCOMPARE(sd.scaling_factor, 0.18215);
    QVERIFY(!sd.shift_factor.has_value());
    QVERIFY(sd.use_quant_conv && sd.use_post_quant_conv && sd.force_upcast);
    QCOMPARE(sd.downscale_factor(), int64_t{2});
    const auto bare =
        gesso::models::AutoencoderKLConfig::from_json_file(gesso::test::model_dir("vae_bare") + "/config.json");
    QCOMPARE(bare.scaling_factor, 1.5305);
    QCOMPARE(bare.shift_factor.value_or(0), 0.0609);
    QVERIFY(!bare.use_quant_conv && !bare.use_post_quant_conv && !bare.force_upcast && !bare.mid_block_add_attention);
  }

  void badInputsThrowGessoErrors() {
    auto vae = gesso::models::load_autoencoder_kl(gesso::test::model_dir("vae"));
    c10::InferenceMode inference;
    QVERIFY_THROWS_EXCEPTION(gesso::Error, vae->encode(torch::zeros({1, 4, 16, 16})));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, vae->decode(torch::zeros({1, 3, 8, 8})));
  }

  void cleanupTestCase() { qInfo("worst VAE difference: %.3g", worst_); }

 private:
  void check(const std::string& name, int encodes, int decodes) {
    auto vae = gesso::models::load_autoencoder_kl(gesso::test::model_dir(name));
    const auto ref = SafetensorsFile::open(gesso::test::reference_path(name));
    c10::InferenceMode inference;
    check_encode(name, vae, ref, worst_);
    if (QTest::currentTestFailed()) return;
    check_decode(name, vae, ref, worst_);
    QVERIFY(ref.contains("encode" + std::to_string(encodes - 1) + ".mean"));
    QVERIFY(!ref.contains("encode" + std::to_string(encodes) + ".mean"));
    QVERIFY(ref.contains("decode" + std::to_string(decodes - 1) + ".out"));
    QVERIFY(!ref.contains("decode" + std::to_string(decodes) + ".out"));
  }

  double worst_ = 0;
};

QTEST_GUILESS_MAIN(TestAutoencoderKL)
#include "test_autoencoder_kl.moc"
