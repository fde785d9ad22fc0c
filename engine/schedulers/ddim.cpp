#include "engine/schedulers/ddim.h"

#include "engine/error.h"

#include <torch/torch.h>

namespace gesso::schedulers {

DdimScheduler::DdimScheduler(const SchedulerSettings& config)
    : config_(config), spacing_(spacing_of(config)), train_(training_schedule(config, ZeroSnr::kRescale)) {
  check_prediction_type(config, {"epsilon", "v_prediction", "sample"}, "DDIM");
  if (config.eta < 0) throw RequestError("eta", "DDIM's eta must not be negative");
  final_alpha_cumprod_ = config.set_alpha_to_one ? torch::scalar_tensor(1.0, torch::kFloat32) : train_.alphas_cumprod[0];
}

void DdimScheduler::set_timesteps(int num_inference_steps) {
  check_steps(num_inference_steps, config_.num_train_timesteps);
  const auto t = spaced_timesteps(spacing_, num_inference_steps, config_.num_train_timesteps,
                                  config_.steps_offset, true);
  timesteps_.clear();
  for (double v : t) {
    if (v < 0 || v >= config_.num_train_timesteps) {
      throw RequestError("steps", "DDIM: " + std::to_string(num_inference_steps) + " steps with steps_offset " +
                                      std::to_string(config_.steps_offset) + " reach timestep " +
                                      std::to_string(static_cast<int64_t>(v)) + ", outside the training range");
    }
    timesteps_.push_back(static_cast<int64_t>(v));
  }
  num_inference_steps_ = num_inference_steps;
  begin_index_ = -1;
}

torch::Tensor DdimScheduler::timesteps() const {
  return torch::tensor(timesteps_, torch::kInt64).to(torch::kFloat32);
}

torch::Tensor DdimScheduler::scale_model_input(const torch::Tensor& sample, int step_index) {
  check_step_index(step_index, static_cast<int>(timesteps_.size()), "DDIM");
  return sample;
}

torch::Tensor DdimScheduler::step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample,
                                  const runtime::BatchGenerator& generator) {
  check_step_index(step_index, static_cast<int>(timesteps_.size()), "DDIM");
  const int64_t timestep = timesteps_[step_index];
  const int64_t prev_timestep = timestep - config_.num_train_timesteps / num_inference_steps_;
  const auto alpha_prod_t = train_.alphas_cumprod[timestep];
  const auto alpha_prod_t_prev = prev_timestep >= 0 ? train_.alphas_cumprod[prev_timestep] : final_alpha_cumprod_;
  const auto beta_prod_t = 1 - alpha_prod_t;
  const auto beta_prod_t_prev = 1 - alpha_prod_t_prev;

  torch::Tensor x0;
  torch::Tensor eps;
  if (config_.prediction_type == "epsilon") {
    x0 = (sample - beta_prod_t.pow(0.5) * model_output) / alpha_prod_t.pow(0.5);
    eps = model_output;
  } else if (config_.prediction_type == "sample") {
    x0 = model_output;
    eps = (sample - alpha_prod_t.pow(0.5) * x0) / beta_prod_t.pow(0.5);
  } else {
    x0 = alpha_prod_t.pow(0.5) * sample - beta_prod_t.pow(0.5) * model_output;
    eps = alpha_prod_t.pow(0.5) * model_output + beta_prod_t.pow(0.5) * sample;
  }
  if (config_.thresholding) {
    x0 = threshold_sample(x0, config_.dynamic_thresholding_ratio, config_.sample_max_value);
  } else if (config_.clip_sample) {
    x0 = x0.clamp(-config_.clip_sample_range, config_.clip_sample_range);
  }

  const auto variance = (beta_prod_t_prev / beta_prod_t) * (1 - alpha_prod_t / alpha_prod_t_prev);
  const auto std_dev_t = config_.eta * variance.pow(0.5);
  const auto direction = (1 - alpha_prod_t_prev - std_dev_t.pow(2)).pow(0.5) * eps;
  auto prev = alpha_prod_t_prev.pow(0.5) * x0 + direction;
  if (config_.eta > 0) {
    const auto noise = randn_like_diffusers(model_output, model_output.scalar_type(), generator);
    prev = prev + std_dev_t * noise;
  }
  return prev;
}

torch::Tensor DdimScheduler::add_noise(const torch::Tensor& original, const torch::Tensor& noise,
                                       int step_index) const {
  check_step_index(step_index, static_cast<int>(timesteps_.size()), "DDIM");
  const auto alphas_cumprod = train_.alphas_cumprod.to(original.scalar_type());
  const auto alpha_prod = alphas_cumprod[timesteps_[step_index]];
  return alpha_prod.pow(0.5) * original + (1 - alpha_prod).pow(0.5) * noise;
}

}  // namespace gesso::schedulers
