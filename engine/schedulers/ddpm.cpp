#include "engine/schedulers/ddpm.h"

#include "engine/error.h"
#include "engine/schedulers/step_common.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace gesso::schedulers {
namespace {

// betas_for_alpha_bar(alpha_transform_type="laplace"), in Python floats as diffusers computes it.
std::vector<double> laplace_betas(int num_train_timesteps) {
  auto alpha_bar = [](double t) {
    const double lmb = -0.5 * std::copysign(1.0, 0.5 - t) * std::log(1 - 2 * std::fabs(0.5 - t) + 1e-6);
    const double snr = std::exp(lmb);
    return std::sqrt(snr / (1 + snr));
  };
  std::vector<double> betas;
  for (int i = 0; i < num_train_timesteps; ++i) {
    const double t1 = static_cast<double>(i) / num_train_timesteps;
    const double t2 = static_cast<double>(i + 1) / num_train_timesteps;
    betas.push_back(static_cast<float>(std::min(1 - alpha_bar(t2) / alpha_bar(t1), 0.999)));
  }
  return betas;
}

// torch.sigmoid(torch.linspace(-6, 6, T)) * (beta_end - beta_start) + beta_start, in float32.
std::vector<double> sigmoid_betas(const SchedulerSettings& config) {
  const auto x = torch::linspace(-6, 6, config.num_train_timesteps, torch::kFloat32);
  const auto betas = (torch::sigmoid(x) * (config.beta_end - config.beta_start) + config.beta_start).contiguous();
  const float* p = betas.data_ptr<float>();
  return {p, p + betas.numel()};
}

// Only DDPMScheduler has the sigmoid and laplace schedules, so the shared training_schedule does
// not: they reach it as the float32 trained betas they are (rescaled there like any other).
SchedulerSettings with_ddpm_betas(SchedulerSettings config) {
  if (!config.trained_betas.empty()) return config;
  if (config.beta_schedule == "sigmoid") config.trained_betas = sigmoid_betas(config);
  if (config.beta_schedule == "laplace") config.trained_betas = laplace_betas(config.num_train_timesteps);
  return config;
}

std::string shape_of(const torch::Tensor& t) { return c10::str(t.sizes()); }

// [B] -> [B, 1, ...] against a sample of `dims` dimensions.
torch::Tensor per_sample(const torch::Tensor& values, int64_t dims) {
  auto out = values.flatten();
  while (out.dim() < dims) out = out.unsqueeze(-1);
  return out;
}

// The noise_level of IF stage II / the x4 upscaler arrives here: refuse what diffusers would index
// out of range (or, for a negative level, silently wrap).
void check_noise_timesteps(const torch::Tensor& timesteps, const torch::Tensor& original, const torch::Tensor& noise,
                           int num_train_timesteps) {
  if (!at::isIntegralType(timesteps.scalar_type(), /*includeBool=*/false) || timesteps.dim() > 1 ||
      timesteps.numel() == 0) {
    throw Error("DDPM add_noise: timesteps must be an integer tensor of one value per sample, not " +
                std::string(c10::toString(timesteps.scalar_type())) + " " + shape_of(timesteps));
  }
  if (timesteps.numel() != 1 && (original.dim() == 0 || timesteps.numel() != original.size(0))) {
    throw Error("DDPM add_noise: " + std::to_string(timesteps.numel()) + " timesteps for samples " +
                shape_of(original));
  }
  if (noise.sizes() != original.sizes()) {
    throw Error("DDPM add_noise: noise " + shape_of(noise) + " for samples " + shape_of(original));
  }
  const int64_t low = timesteps.min().item<int64_t>();
  const int64_t high = timesteps.max().item<int64_t>();
  if (low < 0 || high >= num_train_timesteps) {
    throw RequestError("noise_level", "the noise level must be between 0 and " +
                                          std::to_string(num_train_timesteps - 1) + ", not " +
                                          std::to_string(low < 0 ? low : high));
  }
}

bool is_learned(const std::string& variance_type) {
  return variance_type == "learned" || variance_type == "learned_range";
}

// diffusers splits a learned variance off the output only when the output has twice the sample's
// channels; the first half is the prediction.
std::pair<torch::Tensor, torch::Tensor> split_output(const torch::Tensor& output, const torch::Tensor& sample,
                                                     const std::string& variance_type) {
  if (is_learned(variance_type) && output.dim() > 1 && sample.dim() > 1 && output.size(1) == 2 * sample.size(1)) {
    auto halves = output.split(sample.size(1), 1);
    return {halves[0], halves[1]};
  }
  if (output.sizes() != sample.sizes()) {
    throw Error("DDPM: the model output " + shape_of(output) + " does not match the sample " + shape_of(sample) +
                " (variance_type '" + variance_type + "' " +
                (is_learned(variance_type) ? "takes twice the sample's channels or the same)" : "takes the same)"));
  }
  return {output, torch::Tensor()};
}

torch::Tensor predict_original(const std::string& prediction_type, const torch::Tensor& output,
                               const torch::Tensor& sample, const torch::Tensor& alpha_prod_t,
                               const torch::Tensor& beta_prod_t) {
  if (prediction_type == "epsilon") return (sample - beta_prod_t.pow(0.5) * output) / alpha_prod_t.pow(0.5);
  if (prediction_type == "sample") return output;
  return alpha_prod_t.pow(0.5) * sample - beta_prod_t.pow(0.5) * output;
}

}  // namespace

struct DdpmScheduler::Alphas {
  torch::Tensor prod_t;       // alphas_cumprod[t]
  torch::Tensor prod_t_prev;  // alphas_cumprod[prev_t], 1 past the last step
};

DdpmScheduler::DdpmScheduler(const SchedulerSettings& config)
    : config_(config),
      spacing_(spacing_of(config)),
      variance_(variance_of(config.variance_type)),
      train_(training_schedule(with_ddpm_betas(config), ZeroSnr::kRescale)),
      one_(torch::scalar_tensor(1.0, torch::kFloat32)) {
  check_prediction_type(config, {"epsilon", "sample", "v_prediction"}, "DDPM");
}

DdpmScheduler DdpmScheduler::from_config(const SchedulerConfig& config) {
  return DdpmScheduler(settings_for(config, SchedulerClass::kDdpm));
}

DdpmScheduler::Variance DdpmScheduler::variance_of(const std::string& name) {
  static const std::pair<const char*, Variance> kNames[] = {
      {"fixed_small", Variance::kFixedSmall}, {"fixed_small_log", Variance::kFixedSmallLog},
      {"fixed_large", Variance::kFixedLarge}, {"fixed_large_log", Variance::kFixedLargeLog},
      {"learned", Variance::kLearned},        {"learned_range", Variance::kLearnedRange}};
  std::string list;
  for (const auto& [known, variance] : kNames) {
    if (name == known) return variance;
    list += (list.empty() ? "" : ", ") + std::string(known);
  }
  throw RequestError("sampler", "DDPM does not support variance_type '" + name + "' (" + list + ")");
}

void DdpmScheduler::set_timesteps(int num_inference_steps) {
  check_steps(num_inference_steps, config_.num_train_timesteps);
  timesteps_.clear();
  for (double v : spaced_timesteps(spacing_, num_inference_steps, config_.num_train_timesteps,
                                   config_.steps_offset, true)) {
    // diffusers would index alphas_cumprod out of range (or wrap a -1 from "trailing"'s rounding).
    if (v < 0 || v >= config_.num_train_timesteps) {
      throw RequestError("steps", "DDPM: " + std::to_string(num_inference_steps) + " steps with timestep_spacing '" +
                                      spacing_ + "' and steps_offset " + std::to_string(config_.steps_offset) +
                                      " reach timestep " + std::to_string(static_cast<int64_t>(v)) +
                                      ", outside the training range");
    }
    timesteps_.push_back(static_cast<int64_t>(v));
  }
}

torch::Tensor DdpmScheduler::timesteps() const { return torch::tensor(timesteps_, torch::kInt64).to(torch::kFloat32); }

torch::Tensor DdpmScheduler::scale_model_input(const torch::Tensor& sample, int step_index) {
  check_step_index(step_index, static_cast<int>(timesteps_.size()), "DDPM");
  return sample;
}

// diffusers' previous_timestep once set_timesteps has run: the next inference timestep, not
// t - T / steps (they differ for "linspace" and "trailing").
DdpmScheduler::Alphas DdpmScheduler::alphas_at(int step_index) const {
  const bool last = step_index + 1 == static_cast<int>(timesteps_.size());
  const int64_t prev_t = last ? -1 : timesteps_[step_index + 1];
  return {train_.alphas_cumprod[timesteps_[step_index]], prev_t >= 0 ? train_.alphas_cumprod[prev_t] : one_};
}

torch::Tensor DdpmScheduler::step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample,
                                  const runtime::BatchGenerator& generator) {
  check_step_index(step_index, static_cast<int>(timesteps_.size()), "DDPM");
  const auto [output, predicted_variance] = split_output(model_output, sample, config_.variance_type);
  const auto a = alphas_at(step_index);
  const auto beta_prod_t = 1 - a.prod_t;
  const auto beta_prod_t_prev = 1 - a.prod_t_prev;
  const auto current_alpha_t = a.prod_t / a.prod_t_prev;
  const auto current_beta_t = 1 - current_alpha_t;

  auto x0 = predict_original(config_.prediction_type, output, sample, a.prod_t, beta_prod_t);
  if (config_.thresholding) {
    x0 = threshold_sample(x0, config_.dynamic_thresholding_ratio, config_.sample_max_value);
  } else if (config_.clip_sample) {
    x0 = x0.clamp(-config_.clip_sample_range, config_.clip_sample_range);
  }

  // The posterior mean, eq. (7) of the DDPM paper.
  const auto x0_coeff = (a.prod_t_prev.pow(0.5) * current_beta_t) / beta_prod_t;
  const auto sample_coeff = current_alpha_t.pow(0.5) * beta_prod_t_prev / beta_prod_t;
  auto prev = x0_coeff * x0 + sample_coeff * sample;
  if (timesteps_[step_index] > 0) {
    const auto noise = randn_like_diffusers(output, output.scalar_type(), generator);
    prev = prev + noise_term(a, predicted_variance, noise);
  }
  return prev;
}

// diffusers' _get_variance and the use step() makes of it: a standard deviation for most types,
// but fixed_small_log is one already, and learned_range is a log variance. fixed_large_log takes
// the square root of a log, which is NaN for every beta < 1 in diffusers too; kept for parity.
torch::Tensor DdpmScheduler::noise_term(const Alphas& a, const torch::Tensor& predicted_variance,
                                        const torch::Tensor& noise) const {
  const auto current_beta_t = 1 - a.prod_t / a.prod_t_prev;
  const auto variance = ((1 - a.prod_t_prev) / (1 - a.prod_t) * current_beta_t).clamp_min(1e-20);
  const bool learned = variance_ == Variance::kLearned || variance_ == Variance::kLearnedRange;
  if (learned && !predicted_variance.defined()) {
    throw Error("DDPM: variance_type '" + config_.variance_type +
                "' needs a model output of twice the sample's channels (the second half is the variance)");
  }
  switch (variance_) {
    case Variance::kFixedSmall: return variance.pow(0.5) * noise;
    case Variance::kFixedSmallLog: return torch::exp(0.5 * torch::log(variance)) * noise;
    case Variance::kFixedLarge: return current_beta_t.pow(0.5) * noise;
    case Variance::kFixedLargeLog: return torch::log(current_beta_t).pow(0.5) * noise;
    case Variance::kLearned: return predicted_variance.pow(0.5) * noise;
    case Variance::kLearnedRange: {
      // The model interpolates, in log space, between the posterior variance and beta_t.
      const auto min_log = torch::log(variance);
      const auto max_log = torch::log(current_beta_t);
      const auto frac = (predicted_variance + 1) / 2;
      const auto log_variance = frac * max_log + (1 - frac) * min_log;
      return torch::exp(0.5 * log_variance) * noise;
    }
  }
  throw Error("DDPM: unknown variance type");
}

torch::Tensor DdpmScheduler::add_noise(const torch::Tensor& original, const torch::Tensor& noise,
                                       int step_index) const {
  check_step_index(step_index, static_cast<int>(timesteps_.size()), "DDPM");
  return add_noise_at(original, noise, torch::full({1}, timesteps_[step_index], torch::kInt64));
}

torch::Tensor DdpmScheduler::add_noise_at(const torch::Tensor& original, const torch::Tensor& noise,
                                          const torch::Tensor& timesteps) const {
  check_noise_timesteps(timesteps, original, noise, config_.num_train_timesteps);
  // diffusers moves the table to the sample's device, then casts it to the sample's dtype.
  const auto alphas_cumprod = train_.alphas_cumprod.to(original.device()).to(original.scalar_type());
  // As indices (a uint8 tensor would index as a mask).
  const auto alpha_prod = alphas_cumprod.index({timesteps.to(original.device(), torch::kLong)});
  const auto sqrt_alpha_prod = per_sample(alpha_prod.pow(0.5), original.dim());
  const auto sqrt_one_minus_alpha_prod = per_sample((1 - alpha_prod).pow(0.5), original.dim());
  return sqrt_alpha_prod * original + sqrt_one_minus_alpha_prod * noise;
}

}  // namespace gesso::schedulers
