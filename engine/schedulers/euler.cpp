#include "engine/schedulers/euler.h"

#include "engine/error.h"
#include "engine/schedulers/numpy_compat.h"

#include <torch/torch.h>

#include <cmath>

namespace gesso::schedulers {

EulerScheduler::EulerScheduler(const SchedulerSettings& config)
    : SigmaScheduler(config, ZeroSnr::kRescaleAndClamp, "Euler") {
  check_prediction_type(config, {"epsilon", "v_prediction", "sample"}, name_);
  if (config.use_beta_sigmas) throw RequestError("sampler", "Euler: use_beta_sigmas is not supported");
  if (config.use_karras_sigmas + config.use_exponential_sigmas > 1) {
    throw RequestError("sampler", "Euler: use_karras_sigmas and use_exponential_sigmas exclude each other");
  }
  if (config.interpolation_type != "linear" && config.interpolation_type != "log_linear") {
    throw RequestError("sampler", "Euler: interpolation_type '" + config.interpolation_type +
                                      "' is not supported (linear, log_linear)");
  }
  if (config.final_sigmas_type != "zero" && config.final_sigmas_type != "sigma_min") {
    throw RequestError("sampler", "Euler: final_sigmas_type must be zero or sigma_min");
  }
  if (config.timestep_type != "discrete" && config.timestep_type != "continuous") {
    throw RequestError("sampler", "Euler: timestep_type must be discrete or continuous");
  }
}

// The n step sigmas (before the final one); Karras/exponential schedules replace the timesteps.
std::vector<double> EulerScheduler::step_sigmas(int steps, std::vector<double>& timesteps) const {
  std::vector<double> sigmas;
  if (config_.interpolation_type == "linear") {
    sigmas = interpolate_sigmas(timesteps, train_sigmas_);
  } else {
    // torch.linspace(np.log(sigmas[-1]), np.log(sigmas[0]), n + 1).exp(), in float32.
    const double lo = np::log_f32(static_cast<float>(train_sigmas_.back()));
    const double hi = np::log_f32(static_cast<float>(train_sigmas_.front()));
    auto s = torch::linspace(lo, hi, steps + 1).exp().contiguous();
    sigmas.assign(s.data_ptr<float>(), s.data_ptr<float>() + s.numel());
  }
  if (!config_.use_karras_sigmas && !config_.use_exponential_sigmas) return sigmas;
  const double sigma_min = config_.sigma_min.value_or(sigmas.back());
  const double sigma_max = config_.sigma_max.value_or(sigmas.front());
  sigmas = config_.use_karras_sigmas ? karras_sigmas(sigma_min, sigma_max, steps)
                                     : exponential_sigmas(sigma_min, sigma_max, steps);
  const auto logs = log_sigmas(train_sigmas_);
  timesteps.clear();
  for (double s : sigmas) timesteps.push_back(sigma_to_t(s, logs));
  return sigmas;
}

void EulerScheduler::set_timesteps(int num_inference_steps) {
  check_steps(num_inference_steps, config_.num_train_timesteps);
  auto timesteps = spaced_float_timesteps(num_inference_steps);
  auto sigmas = step_sigmas(num_inference_steps, timesteps);
  sigmas.push_back(config_.final_sigmas_type == "sigma_min" ? train_sigmas_.front() : 0.0);
  set_schedule(timesteps, sigmas);
  if (config_.timestep_type == "continuous" && config_.prediction_type == "v_prediction") {
    // One scalar at a time, as diffusers' list comprehension (the vectorised log may differ), over
    // all sigmas but the last: with log_linear that is one timestep more than the steps, as in diffusers.
    std::vector<torch::Tensor> t;
    for (int i = 0; i + 1 < sigmas_.size(0); ++i) t.push_back(0.25 * sigma(i).log());
    timesteps_ = torch::stack(t);
  }
}

torch::Tensor EulerScheduler::step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample,
                                   const runtime::BatchGenerator& /*generator: no churn, no noise*/) {
  check_step_index(step_index, num_steps(), name_);
  const auto x = sample.to(torch::kFloat32);
  // s_churn = 0: sigma_hat is sigma.
  const auto sigma_hat = sigma(step_index);
  const auto x0 = predict_original(model_output, x, sigma_hat);
  const auto derivative = (x - x0) / sigma_hat;
  const auto dt = sigma(step_index + 1) - sigma_hat;
  return (x + derivative * dt).to(model_output.scalar_type());
}

}  // namespace gesso::schedulers
