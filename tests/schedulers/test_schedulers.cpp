// Every scheduler against diffusers 0.42.1 (tests/fixtures/schedulers_fixture.py): full sampling
// loops with a stand-in model, from the same seeded noise, on SD 1.x/2.x configs, each spacing,
// Karras on/off, DDIM's eta with the generator, img2img starts and PNDM's Runge-Kutta warm-up;
// configs that leave keys out, read by every sampler (through StableDiffusionPipeline's fixes
// where a case says so), and each class's defaults against diffusers' signatures. DDPM also runs
// DeepFloyd IF's loops (learned variance in the model output's second half, dynamic thresholding,
// stage II's noised upscaled image) and noises images at a noise level alone (add_noise_at).
// Timesteps must be equal; every step's sample within 1e-4.
#include <QtTest>

#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/io/safetensors.h"
#include "engine/schedulers/ddpm.h"
#include "engine/schedulers/scheduler.h"

using gesso::schedulers::DdpmScheduler;
using gesso::schedulers::load_scheduler_config;
using gesso::schedulers::make_scheduler;
using gesso::schedulers::SchedulerConfig;
using gesso::schedulers::SchedulerSettings;

namespace {

// Absolute for latents of unit scale; relative to the largest value where the schedule's noise
// is larger (sigma_max is 157 on the linear schedule, thousands on the cosine one), since
// float32 rounding alone exceeds 1e-4 there.
constexpr double kTolerance = 1e-4;

std::filesystem::path dir() { return gesso::test::fixture_dir("schedulers"); }

const nlohmann::json& fixture() {
  static const nlohmann::json j = [] {
    std::ifstream in(dir() / "cases.json");
    return nlohmann::json::parse(in);
  }();
  return j;
}

const gesso::io::SafetensorsFile& reference() {
  static const auto file = gesso::io::SafetensorsFile::open((dir() / "reference.safetensors").string());
  return file;
}

std::vector<int64_t> shape() { return fixture()["shape"].get<std::vector<int64_t>>(); }

// The fixture's stand-in for the UNet, op for op.
torch::Tensor fake_model(const torch::Tensor& x, const torch::Tensor& t) {
  const auto tt = t.to(torch::kFloat32);
  return 0.3 * x * torch::cos(tt / 300) + 0.1 * torch::sin(x + tt / 1000);
}

double max_diff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

// As max_diff, with NaN equal to NaN (diffusers' fixed_large_log variance is NaN); infinite where
// only one of the two is NaN.
double max_diff_nan(const torch::Tensor& a, const torch::Tensor& b) {
  const auto nan_a = torch::isnan(a);
  if (!torch::equal(nan_a, torch::isnan(b))) return std::numeric_limits<double>::infinity();
  if (nan_a.all().item<bool>()) return 0;
  return max_diff(a.masked_fill(nan_a, 0), b.masked_fill(nan_a, 0));
}

// The fixture's stand-in for IF's UNet (if_model), op for op: the noise prediction on the image
// channels (plus stage II's upscaled image), then as many channels of learned variance.
torch::Tensor if_model(const torch::Tensor& x, const torch::Tensor& t, int64_t channels, const std::string& variance_half) {
  const auto tt = t.to(torch::kFloat32);
  const auto image = x.slice(1, 0, channels);
  auto eps = fake_model(image, t);
  if (x.size(1) > channels) eps = eps + 0.05 * x.slice(1, channels);
  auto v = torch::tanh(0.8 * image + torch::sin(tt / 150));
  if (variance_half == "positive") v = 0.02 * (v + 1);
  return torch::cat({eps, v}, 1);
}

bool learns_variance(const SchedulerConfig& config) {
  const auto type = config.variance_type.value_or("fixed_small");
  return type == "learned" || type == "learned_range";
}

SchedulerConfig config_named(const std::string& name) { return load_scheduler_config((dir() / (name + ".json")).string()); }

// Worst final-sample difference per sampler, reported at the end.
std::map<std::string, double>& worst() {
  static std::map<std::string, double> w;
  return w;
}

double& worst_relative() {
  static double w = 0;
  return w;
}

struct Start {
  torch::Tensor latents;
  int first_step = 0;
};

// txt2img: seeded noise times init_noise_sigma; img2img: set_begin_index + add_noise, as
// StableDiffusionImg2ImgPipeline does.
Start start(gesso::schedulers::Scheduler& s, const nlohmann::json& c, at::Generator& gen) {
  const int steps = c["steps"].get<int>();
  if (c["strength"].is_null()) {
    s.set_begin_index(0);
    return {torch::randn(shape(), gen) * s.init_noise_sigma(), 0};
  }
  const int init_timestep = std::min(static_cast<int>(steps * c["strength"].get<double>()), steps);
  const int t_start = std::max(steps - init_timestep, 0) * s.order();
  s.set_begin_index(t_start);
  auto original_gen = at::make_generator<at::CPUGeneratorImpl>(c["seed"].get<uint64_t>() + 7777);
  const auto original = torch::randn(shape(), original_gen) * 0.5;
  const auto noise = torch::randn(shape(), gen);
  return {s.add_noise(original, noise, t_start), t_start};
}

// The settings by diffusers' config keys, as defaults.json writes them (-inf as "-Infinity").
nlohmann::json settings_json(const SchedulerSettings& s) {
  const auto optional = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
  return {{"num_train_timesteps", s.num_train_timesteps},
          {"beta_start", s.beta_start},
          {"beta_end", s.beta_end},
          {"beta_schedule", s.beta_schedule},
          {"trained_betas", s.trained_betas.empty() ? nlohmann::json() : nlohmann::json(s.trained_betas)},
          {"rescale_betas_zero_snr", s.rescale_betas_zero_snr},
          {"prediction_type", s.prediction_type},
          {"timestep_spacing", s.timestep_spacing},
          {"steps_offset", s.steps_offset},
          {"set_alpha_to_one", s.set_alpha_to_one},
          {"skip_prk_steps", s.skip_prk_steps},
          {"clip_sample", s.clip_sample},
          {"clip_sample_range", s.clip_sample_range},
          {"thresholding", s.thresholding},
          {"dynamic_thresholding_ratio", s.dynamic_thresholding_ratio},
          {"sample_max_value", s.sample_max_value},
          {"variance_type", s.variance_type.empty() ? nlohmann::json() : nlohmann::json(s.variance_type)},
          {"use_karras_sigmas", s.use_karras_sigmas},
          {"use_exponential_sigmas", s.use_exponential_sigmas},
          {"use_beta_sigmas", s.use_beta_sigmas},
          {"sigma_min", optional(s.sigma_min)},
          {"sigma_max", optional(s.sigma_max)},
          {"interpolation_type", s.interpolation_type},
          {"timestep_type", s.timestep_type},
          {"final_sigmas_type", s.final_sigmas_type},
          {"solver_order", s.solver_order},
          {"algorithm_type", s.algorithm_type},
          {"solver_type", s.solver_type},
          {"lower_order_final", s.lower_order_final},
          {"euler_at_final", s.euler_at_final},
          {"lambda_min_clipped", std::isinf(s.lambda_min_clipped) && s.lambda_min_clipped < 0
                                     ? nlohmann::json("-Infinity") : nlohmann::json(s.lambda_min_clipped)},
          {"predict_x0", s.predict_x0},
          {"disable_corrector", s.disable_corrector}};
}

}  // namespace

class TestSchedulers : public QObject {
  Q_OBJECT

 private slots:
  void matchesDiffusers_data() {
    QTest::addColumn<int>("index");
    const auto& cases = fixture()["cases"];
    for (size_t i = 0; i < cases.size(); ++i) {
      const auto& c = cases[i];
      const std::string label = c["id"].get<std::string>() + " " + c["sampler"].get<std::string>() + " " +
                                c["config"].get<std::string>() + " " + std::to_string(c["steps"].get<int>()) +
                                " steps" + (c["strength"].is_null() ? "" : " img2img") +
                                (c["eta"].get<double>() > 0 ? " eta" : "") + (c["fixes"].get<bool>() ? " fixes" : "");
      QTest::newRow(label.c_str()) << static_cast<int>(i);
    }
  }

  void matchesDiffusers() {
    QFETCH(int, index);
    const auto& c = fixture()["cases"][index];
    const auto id = c["id"].get<std::string>();
    const auto sampler = c["sampler"].get<std::string>();
    SchedulerConfig config = load_scheduler_config((dir() / (c["config"].get<std::string>() + ".json")).string());
    config.eta = c["eta"].get<double>();
    if (c["fixes"].get<bool>()) gesso::schedulers::apply_stable_diffusion_fixes(config);
    auto s = make_scheduler(sampler, config);
    if (c.contains("error")) {
      QVERIFY_THROWS_EXCEPTION(gesso::RequestError, s->set_timesteps(c["steps"].get<int>()));
      return;
    }
    s->set_timesteps(c["steps"].get<int>());

    const auto want_t = reference().view(id + ".timesteps");
    const auto timesteps = s->timesteps();
    QVERIFY2(torch::equal(timesteps, want_t),
             qPrintable(QString("timesteps differ:\n  ours %1\n  want %2")
                            .arg(QString::fromStdString(c10::str(timesteps)), QString::fromStdString(c10::str(want_t)))));
    QCOMPARE(s->init_noise_sigma(), c["init_noise_sigma"].get<double>());

    auto gen = at::make_generator<at::CPUGeneratorImpl>(c["seed"].get<uint64_t>());
    auto [latents, first] = start(*s, c, gen);
    QVERIFY(max_diff(latents, reference().view(id + ".start")) <= 1e-6);
    if (first >= timesteps.size(0)) return;  // img2img with nothing left to denoise

    const auto samples = reference().view(id + ".samples");
    double final_diff = 0;
    for (int i = first; i < timesteps.size(0); ++i) {
      const auto model_input = s->scale_model_input(latents, i);
      const auto output = fake_model(model_input, timesteps[i]);
      latents = s->step(output, i, latents, gen);
      const auto want = samples[i - first];
      final_diff = max_diff(latents, want);
      const double scale = std::max(1.0, want.abs().max().item<double>());
      QVERIFY2(final_diff <= kTolerance * scale,
               qPrintable(QString("step %1: max |diff| %2 (largest |value| %3)").arg(i).arg(final_diff).arg(scale)));
      worst_relative() = std::max(worst_relative(), final_diff / scale);
    }
    worst()[sampler] = std::max(worst()[sampler], final_diff);
  }

  void unknownNameIsRequestError() {
    try {
      make_scheduler("Heun++ 9000", SchedulerConfig{});
      QFAIL("no exception");
    } catch (const gesso::RequestError& e) {
      QCOMPARE(e.field(), std::string("sampler"));
      const std::string what = e.what();
      QVERIFY2(what.find("Heun++ 9000") != std::string::npos, e.what());
      for (const auto& name : gesso::schedulers::scheduler_names()) QVERIFY2(what.find(name) != std::string::npos, e.what());
    }
  }

  void everyNameRunsAndRejectsBadStepCounts() {
    const auto names = gesso::schedulers::scheduler_names();
    QCOMPARE(names, (std::vector<std::string>{"Euler a", "Euler", "DPM++ 2M", "DPM++ 2M Karras", "DDIM", "PNDM", "LMS",
                                              "UniPC", "DDPM"}));
    auto config = load_scheduler_config((dir() / "sd15.json").string());
    for (const auto& name : names) {
      auto s = make_scheduler(name, config);
      for (int bad : {0, -3, 1001}) {
        try {
          s->set_timesteps(bad);
          QFAIL(qPrintable(QString("%1 accepted %2 steps").arg(name.c_str()).arg(bad)));
        } catch (const gesso::RequestError& e) {
          QCOMPARE(e.field(), std::string("steps"));
        }
      }
      s->set_timesteps(10);
      const auto x = torch::randn({1, 4, 8, 8});
      const auto calls = static_cast<int>(s->timesteps().size(0));
      QVERIFY_THROWS_EXCEPTION(gesso::Error, s->step(x, calls, x, std::nullopt));
      QVERIFY_THROWS_EXCEPTION(gesso::Error, s->scale_model_input(x, -1));
      const auto out = s->step(x, 0, x, at::make_generator<at::CPUGeneratorImpl>(1));
      QCOMPARE(out.sizes(), x.sizes());
      QVERIFY(torch::isfinite(out).all().item<bool>());
    }
  }

  // The pipelines step on the GPU with the tables on the CPU (as diffusers): every scheduler must
  // accept CUDA samples with a CPU generator and agree with its CPU run.
  void cudaSamplesMatchCpu() {
    if (!torch::cuda::is_available()) QSKIP("no CUDA device");
    auto config = load_scheduler_config((dir() / "sd21v.json").string());
    config.eta = 0.5;
    for (const auto& name : gesso::schedulers::scheduler_names()) {
      std::vector<torch::Tensor> finals;
      for (const auto device : {torch::Device(torch::kCPU), torch::Device(torch::kCUDA)}) {
        auto s = make_scheduler(name, config);
        s->set_timesteps(20);
        auto gen = at::make_generator<at::CPUGeneratorImpl>(7);
        auto latents = (torch::randn(shape(), gen) * s->init_noise_sigma()).to(device);
        const auto timesteps = s->timesteps();
        for (int i = 0; i < timesteps.size(0); ++i) {
          const auto output = fake_model(s->scale_model_input(latents, i), timesteps[i].to(device));
          latents = s->step(output, i, latents, gen);
        }
        finals.push_back(latents.cpu());
      }
      const double diff = max_diff(finals[0], finals[1]);
      QVERIFY2(diff <= 1e-3, qPrintable(QString("%1: CUDA vs CPU max |diff| %2").arg(name.c_str()).arg(diff)));
    }
  }

  // IFPipeline / IFSuperResolutionPipeline's loops (tests/fixtures/schedulers_fixture.py,
  // run_ddpm_case): the model's 2x-channel output goes to step() whole where the variance is
  // learned, every step draws its noise from the pipeline's generator after stage II's noising.
  void ddpmLoopsMatchDiffusers_data() {
    QTest::addColumn<int>("index");
    const auto& cases = fixture()["ddpm_cases"];
    for (size_t i = 0; i < cases.size(); ++i) {
      const auto& c = cases[i];
      std::string label = c["id"].get<std::string>() + " " + c["config"].get<std::string>() + " " +
                          std::to_string(c["steps"].get<int>()) + " steps";
      if (!c["noise_level"].is_null()) label += " noise level " + std::to_string(c["noise_level"].get<int>());
      QTest::newRow(label.c_str()) << static_cast<int>(i);
    }
  }

  void ddpmLoopsMatchDiffusers() {
    QFETCH(int, index);
    const auto& c = fixture()["ddpm_cases"][index];
    const auto id = c["id"].get<std::string>();
    const auto config = config_named(c["config"].get<std::string>());
    auto s = DdpmScheduler::from_config(config);
    s.set_timesteps(c["steps"].get<int>());
    const auto timesteps = s.timesteps();
    QVERIFY(torch::equal(timesteps, reference().view(id + ".timesteps")));

    const auto shape = c["shape"].get<std::vector<int64_t>>();
    auto gen = at::make_generator<at::CPUGeneratorImpl>(c["seed"].get<uint64_t>());
    auto images = torch::randn(shape, gen) * s.init_noise_sigma();
    QVERIFY(max_diff(images, reference().view(id + ".start")) <= 1e-6);
    torch::Tensor upscaled;
    if (!c["noise_level"].is_null()) {
      const auto noising = DdpmScheduler::from_config(config_named(c["noising_config"].get<std::string>()));
      auto image_gen = at::make_generator<at::CPUGeneratorImpl>(c["seed"].get<uint64_t>() + 7777);
      const auto image = torch::rand(shape, image_gen) * 2 - 1;
      const auto noise = torch::randn(shape, gen);
      const auto levels = torch::full({shape[0]}, c["noise_level"].get<int64_t>(), torch::kInt64);
      upscaled = noising.add_noise_at(image, noise, levels);
      QVERIFY(max_diff(upscaled, reference().view(id + ".upscaled")) <= 1e-6);
    }

    const auto samples = reference().view(id + ".samples");
    const int64_t channels = shape[1];
    double final_diff = 0;
    for (int i = 0; i < timesteps.size(0); ++i) {
      const auto input = s.scale_model_input(upscaled.defined() ? torch::cat({images, upscaled}, 1) : images, i);
      auto noise_pred = if_model(input, timesteps[i], channels, c["variance_half"].get<std::string>());
      if (!learns_variance(config)) noise_pred = noise_pred.slice(1, 0, channels);
      images = s.step(noise_pred, i, images, gen);
      const auto want = samples[i];
      final_diff = max_diff_nan(images, want);
      const double scale = std::max(1.0, torch::nan_to_num(want.abs(), 0.0).max().item<double>());
      QVERIFY2(final_diff <= kTolerance * scale,
               qPrintable(QString("step %1: max |diff| %2 (largest |value| %3)").arg(i).arg(final_diff).arg(scale)));
      worst_relative() = std::max(worst_relative(), final_diff / scale);
    }
    auto& w = worst()["DDPM " + c["config"].get<std::string>()];
    w = std::max(w, final_diff);
  }

  // The noising schedulers of IF stage II and the SD x4 upscaler: add_noise at noise levels, one
  // for the batch or one per sample.
  void ddpmNoisingMatchesDiffusers() {
    for (const auto& c : fixture()["noising_cases"]) {
      const auto id = c["id"].get<std::string>();
      const auto s = DdpmScheduler::from_config(config_named(c["config"].get<std::string>()));
      const auto levels = torch::tensor(c["noise_levels"].get<std::vector<int64_t>>(), torch::kInt64);
      const auto noised = s.add_noise_at(reference().view(id + ".original"), reference().view(id + ".noise"), levels);
      const double diff = max_diff(noised, reference().view(id + ".noised"));
      QVERIFY2(diff <= 1e-6, qPrintable(QString("%1 %2: max |diff| %3").arg(id.c_str(), c["config"].dump().c_str()).arg(diff)));
      auto& w = worst()["DDPM add_noise_at " + c["config"].get<std::string>()];
      w = std::max(w, diff);
    }
  }

  void ddpmRefusesWhatItCannotRun() {
    SchedulerConfig config;
    config.variance_type = "fixed_medium";
    try {
      make_scheduler("DDPM", config);
      QFAIL("no exception");
    } catch (const gesso::RequestError& e) {
      QCOMPARE(e.field(), std::string("sampler"));
      QVERIFY2(std::string(e.what()).find("variance_type") != std::string::npos, e.what());
    }
    config = SchedulerConfig{};
    config.beta_schedule = "sigmoid";  // DDPM's own: the other classes refuse it as diffusers does
    QVERIFY_THROWS_EXCEPTION(gesso::RequestError, make_scheduler("DDIM", config));
    make_scheduler("DDPM", config);

    const auto noising = DdpmScheduler::from_config(config_named("if_noising"));
    const auto x = torch::zeros({2, 3, 4, 4});
    for (int64_t level : {-1, 1000}) {
      try {
        noising.add_noise_at(x, x, torch::full({2}, level, torch::kInt64));
        QFAIL("no exception");
      } catch (const gesso::RequestError& e) {
        QCOMPARE(e.field(), std::string("noise_level"));
      }
    }
    QVERIFY_THROWS_EXCEPTION(gesso::Error, noising.add_noise_at(x, x, torch::full({2}, 250.0)));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, noising.add_noise_at(x, x, torch::full({3}, 250, torch::kInt64)));

    // A learned variance needs the model's variance channels; a fixed one takes the sample's.
    auto learned = DdpmScheduler::from_config(config_named("if_stage_1"));
    learned.set_timesteps(7);
    QVERIFY_THROWS_EXCEPTION(gesso::Error, learned.step(x, 0, x, std::nullopt));
    QCOMPARE(learned.step(torch::cat({x, x}, 1), 0, x, std::nullopt).sizes(), x.sizes());
    auto fixed = DdpmScheduler::from_config(config_named("ddpm_defaults"));
    fixed.set_timesteps(7);
    QVERIFY_THROWS_EXCEPTION(gesso::Error, fixed.step(torch::cat({x, x}, 1), 0, x, std::nullopt));
  }

  // A folder whose scheduler is a DDPMScheduler (DeepFloyd IF) samples with it, as diffusers does.
  void ddpmIsAModelsOwnSampler() {
    const auto config = config_named("if_stage_1");
    QCOMPARE(gesso::schedulers::default_sampler(config), std::string("DDPMScheduler"));
    QCOMPARE(gesso::schedulers::sampler_display_name("DDPMScheduler", config), std::string("DDPM"));
    QCOMPARE(config.variance_type, std::optional<std::string>("learned_range"));
  }

  // IF runs on the GPU with a CPU generator: learned variance, thresholding (torch.quantile) and
  // add_noise_at with CPU noise levels must agree with the CPU run.
  void ddpmLearnedVarianceOnCudaMatchesCpu() {
    if (!torch::cuda::is_available()) QSKIP("no CUDA device");
    const auto shape = std::vector<int64_t>{2, 3, 16, 16};
    std::vector<torch::Tensor> finals;
    for (const auto device : {torch::Device(torch::kCPU), torch::Device(torch::kCUDA)}) {
      auto s = DdpmScheduler::from_config(config_named("if_stage_2"));
      const auto noising = DdpmScheduler::from_config(config_named("if_noising"));
      s.set_timesteps(20);
      auto gen = at::make_generator<at::CPUGeneratorImpl>(11);
      auto images = torch::randn(shape, gen).to(device);
      const auto noise = torch::randn(shape, gen).to(device);
      const auto upscaled = noising.add_noise_at(torch::rand(shape, gen).to(device) * 2 - 1, noise,
                                                 torch::full({2}, 250, torch::kInt64));
      const auto timesteps = s.timesteps();
      for (int i = 0; i < timesteps.size(0); ++i) {
        const auto input = s.scale_model_input(torch::cat({images, upscaled}, 1), i);
        images = s.step(if_model(input, timesteps[i].to(device), 3, "signed"), i, images, gen);
      }
      finals.push_back(images.cpu());
    }
    const double diff = max_diff(finals[0], finals[1]);
    QVERIFY2(diff <= 1e-3, qPrintable(QString("DDPM IF stage II: CUDA vs CPU max |diff| %1").arg(diff)));
  }

  void unsupportedConfigIsRequestError() {
    SchedulerConfig config;
    config.algorithm_type = "sde-dpmsolver++";
    QVERIFY_THROWS_EXCEPTION(gesso::RequestError, make_scheduler("DPMSolverMultistepScheduler", config));
    config = SchedulerConfig{};
    config.prediction_type = "sample";
    QVERIFY_THROWS_EXCEPTION(gesso::RequestError, make_scheduler("PNDM", config));
    config = SchedulerConfig{};
    config.beta_schedule = "cubic";
    QVERIFY_THROWS_EXCEPTION(gesso::RequestError, make_scheduler("Euler", config));
  }

  void readsStableDiffusionConfig() {
    const auto c = load_scheduler_config((dir() / "sd21v.json").string());
    QCOMPARE(c.class_name, std::string("DDIMScheduler"));
    QCOMPARE(c.beta_schedule, std::optional<std::string>("scaled_linear"));
    QCOMPARE(c.beta_start, std::optional<double>(0.00085));
    QCOMPARE(c.prediction_type, std::optional<std::string>("v_prediction"));
    QCOMPARE(c.steps_offset, std::optional<int>(1));
    QCOMPARE(c.set_alpha_to_one, std::optional<bool>(false));
    QCOMPARE(c.clip_sample, std::optional<bool>(false));
    QVERIFY(!c.timestep_spacing.has_value());  // each scheduler then uses its own default
    QVERIFY(c.trained_betas.empty());          // "trained_betas": null
  }

  // Each class's defaults are its diffusers __init__ signature's, key for key.
  void defaultsAreDiffusers() {
    std::ifstream in(dir() / "defaults.json");
    const auto signatures = nlohmann::json::parse(in);
    int compared = 0;
    for (const auto& [class_name, defaults] : signatures.items()) {
      const auto cls = gesso::schedulers::scheduler_class(class_name);
      QVERIFY2(cls.has_value(), class_name.c_str());
      const auto ours = settings_json(gesso::schedulers::diffusers_defaults(*cls));
      for (const auto& [key, want] : defaults.items()) {
        if (!ours.contains(key)) continue;  // a key Gesso does not read
        QVERIFY2(ours[key] == want, qPrintable(QString("%1.%2: ours %3, diffusers %4")
                                                   .arg(class_name.c_str(), key.c_str(), ours[key].dump().c_str(),
                                                        want.dump().c_str())));
        ++compared;
      }
    }
    qInfo("%d class defaults compared", compared);
    QVERIFY(compared > 100);
  }

  // An SD pipeline ends with steps_offset 1 and no clipping whichever sampler it is built with
  // (the case fixtures check the numbers); without the fixes DDIM's own defaults apply.
  void stableDiffusionFixesReachEverySampler() {
    using gesso::schedulers::SchedulerClass;
    SchedulerConfig bare;
    bare.class_name = "PNDMScheduler";
    const auto unfixed = gesso::schedulers::settings_for(bare, SchedulerClass::kDdim);
    QCOMPARE(unfixed.steps_offset, 0);
    QCOMPARE(unfixed.clip_sample, true);
    QCOMPARE(unfixed.set_alpha_to_one, true);
    gesso::schedulers::apply_stable_diffusion_fixes(bare);
    for (const auto cls : {SchedulerClass::kDdim, SchedulerClass::kPndm, SchedulerClass::kEuler}) {
      const auto s = gesso::schedulers::settings_for(bare, cls);
      QCOMPARE(s.steps_offset, 1);
      QCOMPARE(s.clip_sample, false);
    }
    QCOMPARE(gesso::schedulers::settings_for(bare, SchedulerClass::kDdim).set_alpha_to_one, true);
    QCOMPARE(gesso::schedulers::settings_for(bare, SchedulerClass::kPndm).set_alpha_to_one, false);
  }

  void readsPythonInfinity() {
    const auto path = write("inf.json", "{\"lambda_min_clipped\": -Infinity, \"_class_name\": \"a \\\"-Infinity\\\" b\"}");
    const auto c = load_scheduler_config(path);
    QVERIFY(c.lambda_min_clipped && std::isinf(*c.lambda_min_clipped) && *c.lambda_min_clipped < 0);
    QCOMPARE(c.class_name, std::string("a \"-Infinity\" b"));
  }

  void malformedConfigIsModelFileError_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not json") << "{\"beta_start\": 0.1," << "JSON";
    QTest::newRow("not an object") << "[1, 2, 3]" << "object";
    QTest::newRow("wrong type") << "{\"num_train_timesteps\": \"many\"}" << "num_train_timesteps";
    QTest::newRow("fractional int") << "{\"steps_offset\": 1.5}" << "steps_offset";
    QTest::newRow("bool as string") << "{\"clip_sample\": \"false\"}" << "clip_sample";
    QTest::newRow("unknown schedule") << "{\"beta_schedule\": \"cubic\"}" << "beta_schedule";
    QTest::newRow("unknown spacing") << "{\"timestep_spacing\": \"sideways\"}" << "timestep_spacing";
    QTest::newRow("unknown prediction") << "{\"prediction_type\": \"noise\"}" << "prediction_type";
    QTest::newRow("unknown variance") << "{\"variance_type\": \"fixed_medium\"}" << "variance_type";
    QTest::newRow("betas count") << "{\"trained_betas\": [0.1, 0.2]}" << "trained_betas";
    QTest::newRow("empty file") << "" << "JSON";
  }

  void malformedConfigIsModelFileError() {
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    const auto path = write("bad.json", text.toStdString());
    try {
      load_scheduler_config(path);
      QFAIL("no exception");
    } catch (const gesso::ModelFileError& e) {
      QCOMPARE(e.path(), path);
      QVERIFY2(QString(e.what()).contains(mentions), e.what());
    }
  }

  void missingConfigIsModelFileError() {
    const auto path = (dir() / "no_such_scheduler_config.json").string();
    QVERIFY_THROWS_EXCEPTION(gesso::ModelFileError, load_scheduler_config(path));
  }

  void cleanupTestCase() {
    for (const auto& [sampler, diff] : worst()) qInfo("worst final |diff| %-36s %.3g", sampler.c_str(), diff);
    qInfo("worst |diff| / max(1, largest |value|) over all steps: %.3g", worst_relative());
    for (const char* name : {"inf.json", "bad.json"}) std::filesystem::remove(temp_path(name));
  }

 private:
  static std::string temp_path(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("gesso_test_schedulers_" + name)).string();
  }
  std::string write(const std::string& name, const std::string& text) {
    const auto path = temp_path(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
};

QTEST_GUILESS_MAIN(TestSchedulers)
#include "test_schedulers.moc"
