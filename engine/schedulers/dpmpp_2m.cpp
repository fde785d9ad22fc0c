#include "engine/schedulers/dpmpp_2m.h"

#include "engine/error.h"
#include "engine/schedulers/multistep_schedule.h"

#include <torch/torch.h>

namespace gesso::schedulers {
namespace {

constexpr const char* kName = "DPM++ 2M";

std::string dpm_solver_type(const SchedulerSettings& config) {
  const std::string type = config.solver_type;
  if (type == "midpoint" || type == "heun") return type;
  if (type == "logrho" || type == "bh1" || type == "bh2") return "midpoint";  // as diffusers maps them
  throw RequestError("sampler", std::string(kName) + ": solver_type '" + type + "' is not supported (midpoint, heun)");
}

}  // namespace

DpmSolverMultistepScheduler::DpmSolverMultistepScheduler(const SchedulerSettings& config)
    : config_(config), solver_type_(dpm_solver_type(config)),
      train_(training_schedule(config, ZeroSnr::kRescaleAndClamp)) {
  check_prediction_type(config, {"epsilon", "v_prediction", "sample"}, kName);
  if (config.algorithm_type != "dpmsolver++" && config.algorithm_type != "deis") {
    throw RequestError("sampler", std::string(kName) + ": algorithm_type '" + config.algorithm_type +
                                      "' is not supported (dpmsolver++)");
  }
  check_multistep_config(config, kName);
  spacing_of(config);
}

void DpmSolverMultistepScheduler::set_timesteps(int num_inference_steps) {
  check_steps(num_inference_steps, config_.num_train_timesteps);
  auto schedule = multistep_schedule(config_, train_, num_inference_steps, MultistepSolver::kDpmSolver);
  timesteps_ = schedule.timesteps;
  sigmas_ = float32_tensor(schedule.sigmas);
  model_outputs_.assign(config_.solver_order, torch::Tensor());
  lower_order_nums_ = 0;
  begin_index_ = -1;
}

torch::Tensor DpmSolverMultistepScheduler::timesteps() const {
  return torch::tensor(timesteps_, torch::kInt64).to(torch::kFloat32);
}

torch::Tensor DpmSolverMultistepScheduler::scale_model_input(const torch::Tensor& sample, int step_index) {
  check_step_index(step_index, num_steps(), kName);
  return sample;
}

torch::Tensor DpmSolverMultistepScheduler::convert_model_output(const torch::Tensor& model_output,
                                                                const torch::Tensor& sample, int i) const {
  torch::Tensor x0;
  if (config_.prediction_type == "sample") {
    x0 = model_output;
  } else {
    const auto [alpha_t, sigma_t] = alpha_sigma(sigmas_[i]);
    x0 = config_.prediction_type == "epsilon" ? (sample - sigma_t * model_output) / alpha_t
                                              : alpha_t * sample - sigma_t * model_output;
  }
  if (config_.thresholding) x0 = threshold_sample(x0, config_.dynamic_thresholding_ratio, config_.sample_max_value);
  return x0;
}

torch::Tensor DpmSolverMultistepScheduler::step(const torch::Tensor& model_output, int step_index,
                                                const torch::Tensor& sample,
                                                const runtime::BatchGenerator& /*generator: deterministic*/) {
  check_step_index(step_index, num_steps(), kName);
  const int i = step_index;
  const int n = num_steps();
  const bool lower_order_final = i == n - 1 && (config_.euler_at_final || (config_.lower_order_final && n < 15) ||
                                                config_.final_sigmas_type == "zero");
  const bool lower_order_second = i == n - 2 && config_.lower_order_final && n < 15;

  const auto x0 = convert_model_output(model_output, sample, i);
  model_outputs_.pop_front();
  model_outputs_.push_back(x0);
  const auto x = sample.to(torch::kFloat32);

  torch::Tensor prev;
  if (config_.solver_order == 1 || lower_order_nums_ < 1 || lower_order_final) {
    prev = first_order_update(x0, x, i);
  } else if (config_.solver_order == 2 || lower_order_nums_ < 2 || lower_order_second) {
    prev = second_order_update(x, i);
  } else {
    prev = third_order_update(x, i);
  }
  if (lower_order_nums_ < config_.solver_order) ++lower_order_nums_;
  return prev.to(model_output.scalar_type());
}

torch::Tensor DpmSolverMultistepScheduler::first_order_update(const torch::Tensor& x0, const torch::Tensor& sample,
                                                              int i) const {
  const auto t = alpha_sigma(sigmas_[i + 1]);
  const auto s = alpha_sigma(sigmas_[i]);
  const auto h = lambda_of(t) - lambda_of(s);
  const auto& [alpha_t, sigma_t] = t;
  return (sigma_t / s.second) * sample - (alpha_t * (torch::exp(-h) - 1.0)) * x0;
}

torch::Tensor DpmSolverMultistepScheduler::second_order_update(const torch::Tensor& sample, int i) const {
  const auto t = alpha_sigma(sigmas_[i + 1]);
  const auto s0 = alpha_sigma(sigmas_[i]);
  const auto s1 = alpha_sigma(sigmas_[i - 1]);
  const auto lambda_t = lambda_of(t);
  const auto lambda_s0 = lambda_of(s0);
  const auto lambda_s1 = lambda_of(s1);
  const auto& m0 = model_outputs_.back();
  const auto& m1 = model_outputs_[model_outputs_.size() - 2];
  const auto h = lambda_t - lambda_s0;
  const auto h_0 = lambda_s0 - lambda_s1;
  const auto r0 = h_0 / h;
  const auto& d0 = m0;
  const auto d1 = (1.0 / r0) * (m0 - m1);
  const auto& [alpha_t, sigma_t] = t;
  const auto base = (sigma_t / s0.second) * sample - (alpha_t * (torch::exp(-h) - 1.0)) * d0;
  if (solver_type_ == "midpoint") return base - 0.5 * (alpha_t * (torch::exp(-h) - 1.0)) * d1;
  return base + (alpha_t * ((torch::exp(-h) - 1.0) / h + 1.0)) * d1;
}

torch::Tensor DpmSolverMultistepScheduler::third_order_update(const torch::Tensor& sample, int i) const {
  const auto t = alpha_sigma(sigmas_[i + 1]);
  const auto s0 = alpha_sigma(sigmas_[i]);
  const auto lambda_t = lambda_of(t);
  const auto lambda_s0 = lambda_of(s0);
  const auto lambda_s1 = lambda_of(alpha_sigma(sigmas_[i - 1]));
  const auto lambda_s2 = lambda_of(alpha_sigma(sigmas_[i - 2]));
  const size_t n = model_outputs_.size();
  const auto& m0 = model_outputs_[n - 1];
  const auto& m1 = model_outputs_[n - 2];
  const auto& m2 = model_outputs_[n - 3];
  const auto h = lambda_t - lambda_s0;
  const auto r0 = (lambda_s0 - lambda_s1) / h;
  const auto r1 = (lambda_s1 - lambda_s2) / h;
  const auto d1_0 = (1.0 / r0) * (m0 - m1);
  const auto d1_1 = (1.0 / r1) * (m1 - m2);
  const auto d1 = d1_0 + (r0 / (r0 + r1)) * (d1_0 - d1_1);
  const auto d2 = (1.0 / (r0 + r1)) * (d1_0 - d1_1);
  const auto& [alpha_t, sigma_t] = t;
  return (sigma_t / s0.second) * sample - (alpha_t * (torch::exp(-h) - 1.0)) * m0 +
         (alpha_t * ((torch::exp(-h) - 1.0) / h + 1.0)) * d1 -
         (alpha_t * ((torch::exp(-h) - 1.0 + h) / h.pow(2) - 0.5)) * d2;
}

torch::Tensor DpmSolverMultistepScheduler::add_noise(const torch::Tensor& original, const torch::Tensor& noise,
                                                     int step_index) const {
  check_step_index(step_index, num_steps(), kName);
  const auto sigma = sigmas_.to(original.scalar_type())[step_index];
  const auto [alpha_t, sigma_t] = alpha_sigma(sigma);
  return alpha_t * original + sigma_t * noise;
}

}  // namespace gesso::schedulers
