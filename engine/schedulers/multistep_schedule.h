#pragma once
// The schedule and the variance-preserving parametrisation shared by the multistep solvers
// (DPM-Solver++ and UniPC): x_t = alpha_t * x_0 + sigma_t * noise, with lambda = log(alpha / sigma).
#include "engine/schedulers/noise_schedule.h"

#include <torch/types.h>

#include <utility>
#include <vector>

namespace gesso::schedulers {

enum class MultistepSolver { kDpmSolver, kUniPC };

struct MultistepSchedule {
  std::vector<int64_t> timesteps;  // n
  std::vector<double> sigmas;      // n + 1, the last the final sigma
};

// diffusers' set_timesteps of DPMSolverMultistepScheduler / UniPCMultistepScheduler (they differ
// in the clipping of lambda, the Karras rounding and the final Karras sigma).
MultistepSchedule multistep_schedule(const SchedulerSettings& config, const TrainingSchedule& train, int steps,
                                     MultistepSolver solver);

// (alpha_t, sigma_t) of a k-diffusion sigma: 1 / sqrt(sigma^2 + 1) and sigma * alpha_t.
std::pair<torch::Tensor, torch::Tensor> alpha_sigma(const torch::Tensor& sigma);

// The config checks DPM++ and UniPC share: solver order, sigma schedule options, final sigma type.
// Throws RequestError("sampler", "<name>: ...").
void check_multistep_config(const SchedulerSettings& config, const char* name);

// log(alpha_t) - log(sigma_t).
torch::Tensor lambda_of(const std::pair<torch::Tensor, torch::Tensor>& alpha_sigma);

}  // namespace gesso::schedulers
