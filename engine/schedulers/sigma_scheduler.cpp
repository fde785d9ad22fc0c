#include "engine/schedulers/sigma_scheduler.h"

#include <torch/torch.h>

#include <algorithm>

namespace gesso::schedulers {

SigmaScheduler::SigmaScheduler(const SchedulerSettings& config, ZeroSnr zero_snr, const std::string& name)
    : config_(config), name_(name), spacing_(spacing_of(config)),
      train_(training_schedule(config, zero_snr)) {
  train_sigmas_ = training_sigmas(train_.alphas_cumprod);
  // Before set_timesteps diffusers holds every training sigma, largest first, then 0.
  std::vector<double> sigmas(train_sigmas_.rbegin(), train_sigmas_.rend());
  sigmas.push_back(0.0);
  std::vector<double> timesteps;
  for (int t = config.num_train_timesteps - 1; t >= 0; --t) timesteps.push_back(t);
  set_schedule(timesteps, sigmas);
}

void SigmaScheduler::set_schedule(const std::vector<double>& timesteps, const std::vector<double>& sigmas) {
  timesteps_ = float32_tensor(timesteps);
  sigmas_ = float32_tensor(sigmas);
  begin_index_ = -1;
}

std::vector<double> SigmaScheduler::spaced_float_timesteps(int steps) const {
  auto t = spaced_timesteps(spacing_, steps, config_.num_train_timesteps, config_.steps_offset, false);
  // diffusers holds these as float32 before interpolating the sigmas at them.
  for (double& v : t) v = static_cast<float>(v);
  return t;
}

double SigmaScheduler::init_noise_sigma() const {
  auto max_sigma = sigmas_.max();
  if (spacing_ == "linspace" || spacing_ == "trailing") return max_sigma.item<double>();
  return (max_sigma.pow(2) + 1).pow(0.5).item<double>();
}

torch::Tensor SigmaScheduler::scale_model_input(const torch::Tensor& sample, int step_index) {
  check_step_index(step_index, num_steps(), name_);
  const auto s = sigma(step_index);
  return sample / (s.pow(2) + 1).pow(0.5);
}

torch::Tensor SigmaScheduler::add_noise(const torch::Tensor& original, const torch::Tensor& noise,
                                        int step_index) const {
  check_step_index(step_index, num_steps(), name_);
  const auto s = sigmas_.to(original.scalar_type())[step_index];
  return original + noise * s;
}

torch::Tensor SigmaScheduler::predict_original(const torch::Tensor& model_output, const torch::Tensor& sample,
                                               const torch::Tensor& sigma) const {
  if (config_.prediction_type == "epsilon") return sample - sigma * model_output;
  if (config_.prediction_type == "v_prediction") {
    return model_output * (-sigma / (sigma.pow(2) + 1).pow(0.5)) + (sample / (sigma.pow(2) + 1));
  }
  return model_output;  // "sample"
}

}  // namespace gesso::schedulers
