// Every runtime toggle that applies on the CPU changes the run only as much as its numerics imply
// (the offloads, graphs and device flags not at all); CPU offload's bookkeeping holds under a small
// pretend budget; a pretend VRAM budget gives an out-of-memory error that says what to switch on,
// and the next run works. The VRAM estimate matches the H200 measurements it was calibrated on.
#include <QtTest>

#include <torch/torch.h>

#include <functional>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/models/clip_text_model.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/runtime/module_offload.h"
#include "engine/runtime/vram_estimate.h"

using namespace gesso;
using runtime::RuntimeOptions;

namespace {

constexpr int64_t kGiB = int64_t{1} << 30;

pipelines::GenerationRequest request() {
  pipelines::GenerationRequest r;
  r.model_dir = (test::fixture_dir("pipelines") / "sd1").string();
  r.prompt = "a red cube on a table";
  r.negative_prompt = "blurry";
  r.width = r.height = 48;  // over the fixture VAE's 32-pixel tile, so tiling has work to do
  r.steps = 4;
  r.sampler = "Euler a";
  r.seed = 321;
  r.num_images = 2;
  r.runtime.device = "cpu";
  return r;
}

double max_abs(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

int max_pixel_diff(const std::vector<Image>& a, const std::vector<Image>& b) {
  int worst = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < a[i].pixels.size(); ++j) worst = std::max(worst, std::abs(a[i].pixels[j] - b[i].pixels[j]));
  return worst;
}

using Toggle = std::function<void(RuntimeOptions&)>;

// The SD 1.5 weights in fp16 (parameter counts of the real model).
runtime::ModelFootprint sd15_fp16() {
  runtime::ModelFootprint f;
  f.text_encoder_bytes = int64_t{123060480} * 2;
  f.unet_bytes = int64_t{859520964} * 2;
  f.vae_bytes = int64_t{83653863} * 2;
  return f;
}

void expect_gib(const char* what, int64_t estimate, double measured, double tolerance = 0.1) {
  const double gib = double(estimate) / double(kGiB);
  qInfo("%s: estimate %.2f GiB, measured %.2f GiB", what, gib, measured);
  QVERIFY2(std::abs(gib - measured) <= tolerance * measured, what);
}

}  // namespace

Q_DECLARE_METATYPE(Toggle)

class TestRuntimeToggles : public QObject {
  Q_OBJECT

  pipelines::StableDiffusionPipeline pipeline_;
  pipelines::GenerationResult default_;

  pipelines::GenerationResult run(const Toggle& toggle) {
    auto r = request();
    toggle(r.runtime);
    pipelines::Observer quiet;
    return pipeline_.run(r, quiet);
  }

 private slots:
  void initTestCase() { default_ = run([](RuntimeOptions&) {}); }

  void togglesMatchTheDefaultRun_data() {
    QTest::addColumn<Toggle>("toggle");
    QTest::addColumn<double>("latent_tolerance");  // relative to max |latent|
    QTest::addColumn<int>("pixel_tolerance");      // 8-bit levels
    const auto row = [](const char* name, Toggle t, double latents, int pixels) {
      QTest::newRow(name) << t << latents << pixels;
    };
    // Same kernels, same order: bit for bit.
    row("model offload", [](RuntimeOptions& o) { o.offload = runtime::Offload::kModel; }, 0.0, 0);
    row("sequential offload", [](RuntimeOptions& o) { o.offload = runtime::Offload::kSequential; }, 0.0, 0);
    row("CUDA graphs (eager on the CPU)", [](RuntimeOptions& o) { o.cuda_graphs = true; }, 0.0, 0);
    row("TF32 + cuDNN benchmark (no effect on the CPU)", [](RuntimeOptions& o) { o.tf32 = o.cudnn_benchmark = true; }, 0.0, 0);
    row("release VRAM", [](RuntimeOptions& o) { o.release_memory = true; }, 0.0, 0);
    row("fused kernels off (auto is off on the CPU)", [](RuntimeOptions& o) { o.kernels = runtime::KernelFusion::kOff; }, 0.0, 0);
    // Another summation order: float32 rounding, carried through 4 steps.
    row("attention plain", [](RuntimeOptions& o) { o.attention = runtime::AttentionBackend::kPlain; }, 1e-5, 1);
    row("attention math", [](RuntimeOptions& o) { o.attention = runtime::AttentionBackend::kMath; }, 1e-5, 1);
    row("attention slicing auto", [](RuntimeOptions& o) { o.attention_slice = -1; }, 1e-5, 1);
    row("attention slicing 1", [](RuntimeOptions& o) { o.attention_slice = 1; }, 1e-5, 1);
    row("channels-last", [](RuntimeOptions& o) { o.channels_last = true; }, 1e-5, 1);
    row("VAE slicing", [](RuntimeOptions& o) { o.vae_slicing = true; }, 0.0, 1);
    // The fused composition through the kernels' references: GEMMs over concatenated weights and
    // with the residual as their accumulator round differently.
    row("fused kernels on", [](RuntimeOptions& o) { o.kernels = runtime::KernelFusion::kOn; }, 1e-5, 1);
    row("fused kernels on + channels-last", [](RuntimeOptions& o) {
      o.kernels = runtime::KernelFusion::kOn;
      o.channels_last = true;
    }, 1e-5, 1);
    row("fused kernels on + model offload", [](RuntimeOptions& o) {
      o.kernels = runtime::KernelFusion::kOn;
      o.offload = runtime::Offload::kModel;
    }, 1e-5, 1);
    row("fused kernels on + sequential offload (plain blocks: weights stream)", [](RuntimeOptions& o) {
      o.kernels = runtime::KernelFusion::kOn;
      o.offload = runtime::Offload::kSequential;
    }, 1e-5, 1);
    // Tiles see less context than the whole latent: the decode itself changes (diffusers' too).
    row("VAE tiling", [](RuntimeOptions& o) { o.vae_tiling = true; }, 0.0, 64);
  }

  void togglesMatchTheDefaultRun() {
    QFETCH(Toggle, toggle);
    QFETCH(double, latent_tolerance);
    QFETCH(int, pixel_tolerance);
    const auto result = run(toggle);
    const double scale = default_.latents.abs().max().item<double>();
    const double latents = max_abs(result.latents, default_.latents);
    const int pixels = max_pixel_diff(result.images, default_.images);
    qInfo("latents max |diff| %.3g (max |latent| %.3g), pixels max diff %d", latents, scale, pixels);
    QVERIFY(scale > 1);
    QVERIFY2(latents <= latent_tolerance * scale, "latents differ more than the toggle's numerics allow");
    QVERIFY2(pixels <= pixel_tolerance, "pixels differ more than the toggle's numerics allow");
  }

  void tilingChangesTheImageAtAll() {  // so the tolerance row above is not vacuous
    const auto tiled = run([](RuntimeOptions& o) { o.vae_tiling = true; });
    QVERIFY(max_pixel_diff(tiled.images, default_.images) > 0);
  }

  // Sequential offload under a budget smaller than most single tensors: every weight still comes
  // through the streamer, prefetches are used on the second call, the budget holds.
  void sequentialOffloadStreamsWithinASmallBudget() {
    c10::InferenceMode inference;
    auto bundle = pipelines::load_model_bundle(request().model_dir, torch::kCPU, {});
    auto& model = *bundle;
    torch::manual_seed(5);
    const auto x = torch::randn({2, 4, 8, 8}), t = torch::tensor({500.0});
    const models::Conditioning ctx{.context = torch::randn({2, 77, 32})};
    const auto expected = model.unet->forward(x, t, ctx);
    const auto host_ptr = model.unet->parameters().front().data_ptr();
    constexpr int64_t kBudget = 16 << 10;
    runtime::ModuleOffload offload(*model.unet, torch::kCPU, runtime::Offload::kSequential, kBudget);
    auto& s = *offload.streamer();
    int64_t largest = 0, tensors = 0;
    for (const auto& p : model.unet->parameters()) largest = std::max<int64_t>(largest, p.numel() * 4), ++tensors;
    for (int call = 0; call < 2; ++call) {
      torch::Tensor out;
      {
        const runtime::ComponentInUse use(&offload);
        out = model.unet->forward(x, t, ctx);
      }
      QCOMPARE(max_abs(out, expected), 0.0);
      QCOMPARE(s.bytes_in_flight(), int64_t{0});  // dropped when the component's use ended
    }
    qInfo("%lld tensors, %lld direct copies, %lld prefetch hits, max in flight %lld B (budget %lld, largest %lld)",
          (long long)tensors, (long long)s.direct_copies(), (long long)s.prefetch_hits(),
          (long long)s.max_bytes_in_flight(), (long long)kBudget, (long long)largest);
    QVERIFY(s.direct_copies() >= tensors);  // the first call records every tensor
    QVERIFY(s.prefetch_hits() > tensors / 2);
    QVERIFY(s.max_bytes_in_flight() > 0);
    QVERIFY(s.max_bytes_in_flight() < kBudget + largest);
    QCOMPARE(model.unet->parameters().front().data_ptr(), host_ptr);  // the module kept its host weights
  }

  // Model offload: device copies while in use, the host weights again after, nothing copied back.
  void modelOffloadUploadsAndReleases() {
    c10::InferenceMode inference;
    auto bundle = pipelines::load_model_bundle(request().model_dir, torch::kCPU, {});
    auto& text_encoder = dynamic_cast<models::CLIPTextModelImpl&>(*bundle->components().front().second);
    const auto ids = torch::randint(0, 1000, {1, 77}, torch::kLong);
    const auto expected = text_encoder.forward(ids).last_hidden_state;
    runtime::ModuleOffload offload(text_encoder, torch::kCPU, runtime::Offload::kModel);
    const auto host_ptr = offload.host_weights().front().data_ptr();
    QCOMPARE(text_encoder.parameters().front().data_ptr(), host_ptr);
    {
      const runtime::ComponentInUse use(&offload);
      QVERIFY(offload.uploaded());
      QVERIFY(text_encoder.parameters().front().data_ptr() != host_ptr);
      QCOMPARE(max_abs(text_encoder.forward(ids).last_hidden_state, expected), 0.0);
    }
    QVERIFY(!offload.uploaded());
    QCOMPARE(text_encoder.parameters().front().data_ptr(), host_ptr);
  }

  // A budget just under this run's estimate: out of memory, with advice; a smaller batch fits the
  // same budget; the next run without a budget is the default run again. (Which toggles the advice
  // names is checked on SD 1.5's figures below: on the tiny model every weight fits any queue.)
  void pretendBudgetRunsOutAndTheNextRunWorks() {
    auto r = request();
    const auto estimate = pipelines::estimate_vram(r, *pipeline_.model());
    const int64_t need = estimate.total();
    r.runtime.vram_budget = need - 1;
    pipelines::Observer quiet;
    QString message;
    try {
      pipeline_.run(r, quiet);
    } catch (const OutOfMemoryError& e) {
      message = e.what();
    }
    qInfo("%s", qPrintable(message));
    QVERIFY2(message.startsWith("Out of device memory: about "), qPrintable(message));
    // The tiny UNet's activations scale with its width (48 of SD 1.5's 580): the VAE decode is its peak.
    QCOMPARE(QString::fromStdString(estimate.peak_stage), QStringLiteral("VAE decode"));
    QVERIFY2(message.contains("over the VRAM budget of") && message.contains("at its peak (VAE decode)"),
             qPrintable(message));
    QVERIFY2(message.contains("or lower the size or the batch."), qPrintable(message));
    r.num_images = 1;
    QVERIFY(pipelines::estimate_vram(r, *pipeline_.model()).total() < need);
    const auto single = pipeline_.run(r, quiet);
    QCOMPARE(int(single.images.size()), 1);
    QVERIFY(single.latents.isfinite().all().item<bool>());
    QCOMPARE(max_abs(run([](RuntimeOptions&) {}).latents, default_.latents), 0.0);
  }

  // Against the H200 run of docs/benchmarks.md (peak allocated, SD 1.5 fp16, CFG, one image).
  void estimateMatchesTheGpuMeasurements() {
    const auto m = sd15_fp16();
    const runtime::RunShape s512{512, 512, 1, true}, s1024{1024, 1024, 1, true};
    RuntimeOptions o;
    o.dtype = torch::kHalf;
    const auto with = [&o](const std::function<void(RuntimeOptions&)>& f) {
      auto x = o;
      f(x);
      return x;
    };
    expect_gib("512 default", runtime::estimate_vram(m, s512, o).total(), 2.636);
    expect_gib("1024 default", runtime::estimate_vram(m, s1024, o).total(), 4.418);
    expect_gib("1024 VAE tiling", runtime::estimate_vram(m, s1024, with([](auto& x) { x.vae_tiling = true; })).total(), 2.642);
    expect_gib("512 model offload",
               runtime::estimate_vram(m, s512, with([](auto& x) { x.offload = runtime::Offload::kModel; })).total(), 1.763);
    expect_gib("512 sequential offload",
               runtime::estimate_vram(m, s512, with([](auto& x) { x.offload = runtime::Offload::kSequential; })).total(), 0.640);
    const auto math = with([](auto& x) { x.attention = runtime::AttentionBackend::kMath; });
    expect_gib("512 math attention", runtime::estimate_vram(m, s512, math).total(), 4.443);
    expect_gib("512 plain attention",
               runtime::estimate_vram(m, s512, with([](auto& x) { x.attention = runtime::AttentionBackend::kPlain; })).total(), 3.669);
    QCOMPARE(QString::fromStdString(runtime::estimate_vram(m, s512, math).peak_stage), QString("UNet"));
    QCOMPARE(QString::fromStdString(runtime::estimate_vram(m, s1024, o).peak_stage), QString("VAE decode"));
  }

  // Against the H200 SDXL runs of docs/benchmarks.md (2026-12-03, 1024², fp16, CFG, the VAE in
  // fp32 by force_upcast): the default run's peak is the fp32 decode, the model-offload run's the
  // UNet. The decoder's bytes per pixel come from SD 1.5 (fp16 at 1024², fp32 at 512², both within
  // 10%); SDXL's fp32 decode at 1024² takes fewer, so its estimate is 12.5% high: on the safe side.
  void estimateMatchesTheSdxlMeasurements() {
    runtime::ModelFootprint m;
    m.text_encoder_bytes = (int64_t{123060480} + int64_t{694659840}) * 2;
    m.unet_bytes = int64_t{2567463684} * 2;
    m.vae_bytes = int64_t{83653863} * 4;
    m.vae_dtype_bytes = 4;
    m.vae_tile_pixels = 512;
    m.first_attention_level = 1;
    m.unet_heads = 10;
    m.unet_width = runtime::unet_width({320, 640, 1280});
    const runtime::RunShape s1024{1024, 1024, 1, true};
    RuntimeOptions o;
    o.dtype = torch::kHalf;
    expect_gib("SDXL 1024 default", runtime::estimate_vram(m, s1024, o).total(), 10.26, 0.13);
    QVERIFY(runtime::estimate_vram(m, s1024, o).total() > int64_t(10.26 * kGiB));  // never below the measurement
    o.offload = runtime::Offload::kModel;
    expect_gib("SDXL 1024 model offload", runtime::estimate_vram(m, s1024, o).total(), 5.224);
    o.offload = runtime::Offload::kSequential;
    o.vae_tiling = true;
    expect_gib("SDXL 1024 sequential offload + VAE tiling", runtime::estimate_vram(m, s1024, o).total(), 1.249);
  }

  void adviceNamesWhatSavesMemory() {
    const auto m = sd15_fp16();
    RuntimeOptions o;
    o.dtype = torch::kHalf;
    const auto advice = QString::fromStdString(runtime::memory_advice(m, {1024, 1024, 1, true}, o));
    qInfo("%s", qPrintable(advice));
    QVERIFY(advice.startsWith("switch on sequential CPU offload (about "));
    QVERIFY(advice.contains("VAE tiling (about 2."));
    QVERIFY(!advice.contains("attention slicing"));  // SDPA already keeps attention small
    QVERIFY(!advice.contains("fp16"));               // already on
    QVERIFY(advice.endsWith("or lower the size or the batch"));
    o.attention = runtime::AttentionBackend::kMath;
    QVERIFY(QString::fromStdString(runtime::memory_advice(m, {512, 512, 1, true}, o)).contains("attention slicing"));
  }

  void budgetParsing() {
    QCOMPARE(runtime::parse_vram_budget("4"), 4 * kGiB);
    QCOMPARE(runtime::parse_vram_budget("0.5"), kGiB / 2);
    for (const char* bad : {"", "four", "-1", "0", "4GB"})
      QVERIFY_THROWS_EXCEPTION(RequestError, runtime::parse_vram_budget(bad));
  }

  // A mistyped --kernels value is refused with the choices, never taken as a default.
  void kernelFusionParsing() {
    using runtime::KernelFusion;
    for (const auto mode : {KernelFusion::kOff, KernelFusion::kAuto, KernelFusion::kOn})
      QCOMPARE(runtime::parse_kernel_fusion(runtime::to_string(mode)), mode);
    try {
      runtime::parse_kernel_fusion("fast");
      QFAIL("'fast' was accepted");
    } catch (const RequestError& e) {
      QCOMPARE(e.field(), std::string("kernels"));
      QVERIFY(std::string(e.what()).find("off, auto, on") != std::string::npos);
    }
    RuntimeOptions o;
    o.kernels = KernelFusion::kOff;
    QVERIFY(runtime::describe(o).find("fused kernels off") != std::string::npos);
  }
};

QTEST_MAIN(TestRuntimeToggles)
#include "test_runtime_toggles.moc"
