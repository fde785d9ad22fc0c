#include "engine/schedulers/euler_ancestral.h"

#include <torch/torch.h>

namespace gesso::schedulers {

EulerAncestralScheduler::EulerAncestralScheduler(const SchedulerSettings& config)
    : SigmaScheduler(config, ZeroSnr::kRescaleAndClamp, "Euler a") {
  check_prediction_type(config, {"epsilon", "v_prediction"}, name_);
}

void EulerAncestralScheduler::set_timesteps(int num_inference_steps) {
  check_steps(num_inference_steps, config_.num_train_timesteps);
  const auto timesteps = spaced_float_timesteps(num_inference_steps);
  auto sigmas = interpolate_sigmas(timesteps, train_sigmas_);
  sigmas.push_back(0.0);
  set_schedule(timesteps, sigmas);
}

torch::Tensor EulerAncestralScheduler::step(const torch::Tensor& model_output, int step_index,
                                            const torch::Tensor& sample, const runtime::BatchGenerator& generator) {
  check_step_index(step_index, num_steps(), name_);
  const auto s = sigma(step_index);
  const auto x = sample.to(torch::kFloat32);
  const auto x0 = predict_original(model_output, x, s);

  const auto sigma_from = s;
  const auto sigma_to = sigma(step_index + 1);
  const auto sigma_up = (sigma_to.pow(2) * (sigma_from.pow(2) - sigma_to.pow(2)) / sigma_from.pow(2)).pow(0.5);
  const auto sigma_down = (sigma_to.pow(2) - sigma_up.pow(2)).pow(0.5);

  const auto derivative = (x - x0) / s;
  const auto dt = sigma_down - s;
  auto prev = x + derivative * dt;
  // diffusers draws the noise even on the last step (sigma_up = 0): it advances the generator.
  const auto noise = randn_like_diffusers(model_output, model_output.scalar_type(), generator);
  prev = prev + noise * sigma_up;
  return prev.to(model_output.scalar_type());
}

}  // namespace gesso::schedulers
