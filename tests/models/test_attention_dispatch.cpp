// The attention backends and slicing (engine/models/attention_dispatch.h) against diffusers 0.42's
// processors (tests/fixtures/attention_fixture.py): tiny Attention modules (self / cross, with and
// without upcast, the VAE's spatial one) in fp32 and bf16, the tiny SD 1.x / 2.x UNets and the VAE
// of the models fixture, on the CPU. Each Gesso path is compared with its diffusers counterpart:
// kAuto with AttnProcessor2_0, kFlash / kMath with AttnProcessor2_0 under sdpa_kernel(...), kPlain
// with AttnProcessor, slicing with SlicedAttnProcessor.
#include <QtTest>

#include <ATen/Context.h>
#include <torch/torch.h>

#include <thread>

#include "engine/error.h"
#include "engine/io/safetensors.h"
#include "engine/io/state_dict.h"
#include "engine/models/attention.h"
#include "engine/models/attention_dispatch.h"
#include "engine/models/autoencoder_kl.h"
#include "engine/models/unet_2d_condition.h"
#include "models/model_test_util.h"

using gesso::io::SafetensorsFile;
using gesso::models::AttentionConfig;
using gesso::models::ScopedAttentionConfig;
using gesso::runtime::AttentionBackend;
using gesso::test::expect_close;

namespace {

struct Path {
  std::string name;  // for the log
  AttentionConfig config;
  std::string reference;  // the diffusers processor's output
};

// Every path, and the processor it must match. Slicing takes the plain path whatever the backend;
// where the module is not sliceable, the backend's own path.
std::vector<Path> paths(bool sliceable) {
  const auto sliced = [&](const std::string& ref, const std::string& unsliced) { return sliceable ? ref : unsliced; };
  return {
      {"auto", {AttentionBackend::kAuto, 0}, "sdpa"},
      {"flash", {AttentionBackend::kFlash, 0}, "flash"},
      {"math", {AttentionBackend::kMath, 0}, "math"},
      {"plain", {AttentionBackend::kPlain, 0}, "plain"},
      {"slice 1", {AttentionBackend::kAuto, 1}, sliced("sliced1", "sdpa")},
      {"slice 3", {AttentionBackend::kAuto, 3}, sliced("sliced3", "sdpa")},
      {"slice auto", {AttentionBackend::kAuto, -1}, sliced("sliced_auto", "sdpa")},
      {"math, slice 1", {AttentionBackend::kMath, 1}, sliced("sliced1", "math")},
      {"plain, slice auto", {AttentionBackend::kPlain, -1}, sliced("sliced_auto", "plain")},
  };
}

std::string fixture(const std::string& relative) { return (gesso::test::fixture_dir("attention") / relative).string(); }

// The options of the modules attention_fixture.py builds.
gesso::models::AttentionOptions module_options(const std::string& name) {
  gesso::models::AttentionOptions o{.query_dim = 32, .cross_attention_dim = std::nullopt};
  o.heads = 4;
  o.dim_head = 8;
  if (name.starts_with("cross")) o.cross_attention_dim = 24;
  if (name.ends_with("_upcast")) o.upcast_attention = true;
  if (name == "cross_upcast") o.upcast_softmax = true;
  if (name == "spatial") {
    o.heads = 1;
    o.dim_head = 32;
    o.bias = true;
    o.norm_num_groups = 8;
    o.eps = 1e-6;
    o.residual_connection = true;
    o.upcast_softmax = true;
    o.sliceable = false;
  }
  return o;
}

}  // namespace

class TestAttentionDispatch : public QObject {
  Q_OBJECT

 private slots:
  void selfAttentionMatchesDiffusers() { check_module("self"); }
  void selfAttentionWithUpcastMatchesDiffusers() { check_module("self_upcast"); }
  void crossAttentionMatchesDiffusers() { check_module("cross"); }
  void crossAttentionWithUpcastMatchesDiffusers() { check_module("cross_upcast"); }
  void vaeSpatialAttentionMatchesDiffusersAndIsNotSliced() { check_module("spatial"); }

  void sd1UNetMatchesDiffusers() { check_unet("unet_sd1"); }
  void sd2UNetWithUpcastMatchesDiffusers() { check_unet("unet_sd2"); }

  void vaeDecodeMatchesDiffusersAndIsNotSliced() {
    auto vae = gesso::models::load_autoencoder_kl(gesso::test::model_dir("vae"));
    const auto ref = SafetensorsFile::open(fixture("vae.safetensors"));
    c10::InferenceMode inference;
    for (const auto& p : paths(/*sliceable=*/false)) {
      ScopedAttentionConfig scope(p.config);
      const auto out = vae->decode(ref.view("latent"));
      expect_close("vae decode, " + p.name + " vs " + p.reference, out, ref.view(p.reference), worst_);
      if (QTest::currentTestFailed()) return;
    }
  }

  void scopesNestAndRestore() {
    const auto& current = gesso::models::current_attention_config;
    QCOMPARE(current().backend, AttentionBackend::kAuto);
    QCOMPARE(current().slice, 0);
    {
      ScopedAttentionConfig outer({AttentionBackend::kPlain, 2});
      QCOMPARE(current().backend, AttentionBackend::kPlain);
      QCOMPARE(current().slice, 2);
      {
        ScopedAttentionConfig inner({AttentionBackend::kMath, -1});
        QCOMPARE(current().backend, AttentionBackend::kMath);
        QCOMPARE(current().slice, -1);
        // Per thread: another thread still has the defaults.
        AttentionConfig seen{AttentionBackend::kCudnn, 7};
        std::thread([&] { seen = current(); }).join();
        QCOMPARE(seen.backend, AttentionBackend::kAuto);
        QCOMPARE(seen.slice, 0);
      }
      QCOMPARE(current().backend, AttentionBackend::kPlain);
      QCOMPARE(current().slice, 2);
    }
    QCOMPARE(current().backend, AttentionBackend::kAuto);
    QCOMPARE(current().slice, 0);
  }

  void fromRuntimeOptions() {
    gesso::runtime::RuntimeOptions options;
    options.attention = AttentionBackend::kFlash;
    options.attention_slice = -1;
    const auto c = AttentionConfig::from(options);
    QCOMPARE(c.backend, AttentionBackend::kFlash);
    QCOMPARE(c.slice, -1);
  }

  void sliceSizes() {
    using gesso::models::attention_slice_size;
    QCOMPARE(attention_slice_size(0, 8), int64_t{0});
    QCOMPARE(attention_slice_size(-1, 8), int64_t{4});  // diffusers' "auto": heads // 2
    QCOMPARE(attention_slice_size(-1, 5), int64_t{2});
    QCOMPARE(attention_slice_size(-1, 1), int64_t{1});  // diffusers would divide by zero
    QCOMPARE(attention_slice_size(1, 8), int64_t{1});
    QCOMPARE(attention_slice_size(3, 8), int64_t{3});
    QCOMPARE(attention_slice_size(16, 8), int64_t{8});  // clamped (diffusers raises)
    QVERIFY_THROWS_EXCEPTION(gesso::RequestError, attention_slice_size(-2, 8));
  }

  void gpuOnlyBackendsOnTheCpuThrowRequestErrors() {
    gesso::models::Attention attention(module_options("self"));
    c10::InferenceMode inference;
    const auto x = torch::randn({1, 6, 32});
    for (const auto backend : {AttentionBackend::kMemoryEfficient, AttentionBackend::kCudnn}) {
      ScopedAttentionConfig scope({backend, 0});
      const auto name = gesso::runtime::to_string(backend);
      try {
        attention->forward(x);
        QFAIL(("the " + name + " backend ran on the CPU").c_str());
      } catch (const gesso::RequestError& e) {
        const std::string what = e.what();
        qInfo("%s", e.what());
        QCOMPARE(e.field(), std::string("attention"));
        QVERIFY2(what.find("'" + name + "'") != std::string::npos, what.c_str());
        QVERIFY2(what.find("cpu") != std::string::npos, what.c_str());
        QVERIFY2(what.find("fp32") != std::string::npos, what.c_str());
        QVERIFY2(what.find("'auto'") != std::string::npos, what.c_str());
      }
    }
    // Slicing takes the plain path, which runs anywhere.
    ScopedAttentionConfig scope({AttentionBackend::kCudnn, 2});
    QCOMPARE(attention->forward(x).sizes(), x.sizes());
  }

  void sdpaSwitchesAreRestored() {
    auto& ctx = at::globalContext();
    const auto switches = [&] {
      return std::vector<bool>{ctx.userEnabledFlashSDP(), ctx.userEnabledMemEfficientSDP(), ctx.userEnabledMathSDP(),
                               ctx.userEnabledCuDNNSDP(), ctx.userEnabledOverrideableSDP()};
    };
    const auto before = switches();
    gesso::models::Attention attention(module_options("cross"));
    c10::InferenceMode inference;
    for (const auto backend : {AttentionBackend::kFlash, AttentionBackend::kMath}) {
      ScopedAttentionConfig scope({backend, 0});
      attention->forward(torch::randn({1, 5, 32}), torch::randn({1, 3, 24}));
      QVERIFY(switches() == before);
    }
    // Also when torch finds no kernel: CPU flash needs values as wide as the keys. That is a
    // RequestError too, and the switches come back.
    const auto q = torch::randn({1, 5, 8}), k = torch::randn({1, 3, 8}), v = torch::randn({1, 3, 4});
    QCOMPARE(gesso::models::dispatch_attention(q, k, v, {.heads = 1}, {AttentionBackend::kPlain, 0}).sizes(),
             (std::vector<int64_t>{1, 5, 4}));
    try {
      gesso::models::dispatch_attention(q, k, v, {.heads = 1}, {AttentionBackend::kFlash, 0});
      QFAIL("flash ran with values narrower than the keys");
    } catch (const gesso::RequestError& e) {
      qInfo("%s", e.what());
      QCOMPARE(e.field(), std::string("attention"));
    }
    QVERIFY(switches() == before);
  }

  void cleanupTestCase() { qInfo("worst attention difference over all paths: %.3g", worst_); }

 private:
  void check_module(const std::string& name) {
    const auto options = module_options(name);
    gesso::models::Attention attention(options);
    gesso::io::load_state_dict(*attention, {SafetensorsFile::open(fixture(name + "/weights.safetensors"))});
    const auto ref = SafetensorsFile::open(fixture(name + "/reference.safetensors"));
    c10::InferenceMode inference;
    for (const auto* dtype : {"fp32", "bf16"}) {
      const auto key = [&](const std::string& t) { return std::string(dtype) + "." + t; };
      attention->to(ref.view(key("x")).scalar_type());
      const auto x = ref.view(key("x"));
      const auto context = ref.contains(key("context")) ? ref.view(key("context")) : torch::Tensor();
      for (const auto& p : paths(options.sliceable)) {
        ScopedAttentionConfig scope(p.config);
        const auto out = options.norm_num_groups ? attention->forward_spatial(x) : attention->forward(x, context);
        QCOMPARE(out.scalar_type(), x.scalar_type());
        expect_close(name + " " + dtype + ", " + p.name + " vs " + p.reference, out, ref.view(key(p.reference)),
                     worst_);
        if (QTest::currentTestFailed()) return;
      }
    }
  }

  void check_unet(const std::string& name) {
    auto unet = gesso::models::load_unet_2d_condition(gesso::test::model_dir(name));
    const auto ref = SafetensorsFile::open(fixture(name + ".safetensors"));
    c10::InferenceMode inference;
    for (const auto& p : paths(/*sliceable=*/true)) {
      ScopedAttentionConfig scope(p.config);
      const auto out = unet->forward(ref.view("sample"), ref.view("timestep"), {.context = ref.view("encoder_hidden_states")});
      expect_close(name + ", " + p.name + " vs " + p.reference, out, ref.view(p.reference), worst_);
      if (QTest::currentTestFailed()) return;
    }
  }

  double worst_ = 0;
};

QTEST_GUILESS_MAIN(TestAttentionDispatch)
#include "test_attention_dispatch.moc"
