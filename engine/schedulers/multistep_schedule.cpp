#include "engine/schedulers/multistep_schedule.h"

#include "engine/error.h"

#include <torch/torch.h>

#include <cmath>

namespace gesso::schedulers {
namespace {

// DPM-Solver can stop early where lambda falls below lambda_min_clipped (for cosine schedules).
int last_timestep(const SchedulerSettings& config, const TrainingSchedule& train, MultistepSolver solver) {
  if (solver == MultistepSolver::kUniPC) return config.num_train_timesteps;
  const auto alpha_t = torch::sqrt(train.alphas_cumprod);
  const auto sigma_t = torch::sqrt(1 - train.alphas_cumprod);
  const auto lambda_t = torch::log(alpha_t) - torch::log(sigma_t);
  const auto clipped = torch::searchsorted(torch::flip(lambda_t, {0}), config.lambda_min_clipped);
  return config.num_train_timesteps - static_cast<int>(clipped.item<int64_t>());
}

// Karras or exponential sigmas over the whole training range, with the timesteps they fall on.
void replace_with_sigma_schedule(const SchedulerSettings& config, const std::vector<double>& train_sigmas, int steps,
                                 MultistepSolver solver, MultistepSchedule& out) {
  const double sigma_min = config.sigma_min.value_or(train_sigmas.front());
  const double sigma_max = config.sigma_max.value_or(train_sigmas.back());
  const auto logs = log_sigmas(train_sigmas);
  out.sigmas = config.use_karras_sigmas ? karras_sigmas(sigma_min, sigma_max, steps)
                                        : exponential_sigmas(sigma_min, sigma_max, steps);
  // Karras timesteps are rounded (DPM-Solver: except for the cosine schedule); the others truncate
  // when diffusers casts them to int64.
  const bool round = config.use_karras_sigmas &&
                     (solver == MultistepSolver::kUniPC || config.beta_schedule != "squaredcos_cap_v2");
  out.timesteps.clear();
  for (double s : out.sigmas) {
    const double t = sigma_to_t(s, logs);
    out.timesteps.push_back(static_cast<int64_t>(round ? std::nearbyint(t) : t));
  }
}

}  // namespace

MultistepSchedule multistep_schedule(const SchedulerSettings& config, const TrainingSchedule& train, int steps,
                                     MultistepSolver solver) {
  const std::string spacing = spacing_of(config);
  const auto spaced = multistep_timesteps(spacing, steps, config.num_train_timesteps,
                                          last_timestep(config, train, solver), config.steps_offset);
  const auto train_sigmas = training_sigmas(train.alphas_cumprod);
  MultistepSchedule out;
  const bool sigma_schedule = config.use_karras_sigmas || config.use_exponential_sigmas;
  if (sigma_schedule) {
    replace_with_sigma_schedule(config, train_sigmas, steps, solver, out);
  } else {
    for (double t : spaced) out.timesteps.push_back(static_cast<int64_t>(t));
    out.sigmas = interpolate_sigmas(spaced, train_sigmas);
  }
  double last = 0.0;
  if (config.final_sigmas_type == "sigma_min") {
    // UniPC ends a Karras/exponential schedule at its own smallest sigma.
    last = sigma_schedule && solver == MultistepSolver::kUniPC ? out.sigmas.back() : train_sigmas.front();
  }
  out.sigmas.push_back(last);
  return out;
}

std::pair<torch::Tensor, torch::Tensor> alpha_sigma(const torch::Tensor& sigma) {
  auto alpha_t = 1 / (sigma.pow(2) + 1).pow(0.5);
  auto sigma_t = sigma * alpha_t;
  return {alpha_t, sigma_t};
}

torch::Tensor lambda_of(const std::pair<torch::Tensor, torch::Tensor>& alpha_sigma) {
  return torch::log(alpha_sigma.first) - torch::log(alpha_sigma.second);
}

void check_multistep_config(const SchedulerSettings& config, const char* name) {
  const std::string n(name);
  if (config.solver_order < 1 || config.solver_order > 3) throw RequestError("sampler", n + ": solver_order must be 1, 2 or 3");
  if (config.use_beta_sigmas) throw RequestError("sampler", n + ": use_beta_sigmas is not supported");
  if (config.use_karras_sigmas + config.use_exponential_sigmas > 1)
    throw RequestError("sampler", n + ": use_karras_sigmas and use_exponential_sigmas exclude each other");
  if (config.final_sigmas_type != "zero" && config.final_sigmas_type != "sigma_min")
    throw RequestError("sampler", n + ": final_sigmas_type must be zero or sigma_min");
}

}  // namespace gesso::schedulers
