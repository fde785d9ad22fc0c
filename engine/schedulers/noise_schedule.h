#pragma once
// What the schedulers share to set their timesteps: the training noise schedule (betas, alphas_cumprod), the spacing of
// the inference timesteps and the sigma schedules (interpolated, Karras, exponential), each built
// in the dtype and order of operations diffusers uses so that the numbers agree to the bit.
#include "engine/schedulers/scheduler.h"

#include <torch/types.h>

#include <string>
#include <vector>

namespace gesso::schedulers {

// How a scheduler treats `rescale_betas_zero_snr` (diffusers differs per class).
enum class ZeroSnr {
  kIgnored,          // PNDM, LMS: no such option
  kRescale,          // DDIM
  kRescaleAndClamp,  // Euler, Euler a, DPM-Solver, UniPC: also alphas_cumprod[-1] = 2^-24
};

// The training schedule, float32 on the CPU.
struct TrainingSchedule {
  torch::Tensor betas;           // [T]
  torch::Tensor alphas_cumprod;  // [T]
};

// Throws RequestError("sampler", ...) for a beta_schedule diffusers does not implement.
TrainingSchedule training_schedule(const SchedulerSettings& config, ZeroSnr zero_snr);

// Throws RequestError("steps", ...) unless 1 <= steps <= num_train_timesteps.
void check_steps(int steps, int num_train_timesteps);

// The settings' timestep_spacing; throws RequestError for an unknown spacing.
std::string spacing_of(const SchedulerSettings& config);

// Rejects prediction types the scheduler does not implement.
void check_prediction_type(const SchedulerSettings& config, const std::vector<std::string>& supported,
                           const std::string& scheduler);

// Descending inference timesteps of DDIM, PNDM, Euler and LMS (n values). With
// `round_linspace` false (Euler, LMS) linspace timesteps keep their fraction.
std::vector<double> spaced_timesteps(const std::string& spacing, int steps, int num_train_timesteps,
                                     int steps_offset, bool round_linspace);

// Descending inference timesteps of DPM-Solver and UniPC, whose linspace and leading spacings
// divide the range into steps + 1 intervals and drop the last.
std::vector<double> multistep_timesteps(const std::string& spacing, int steps, int num_train_timesteps,
                                        int last_timestep, int steps_offset);

// ((1 - alphas_cumprod) / alphas_cumprod) ** 0.5, computed in float32 as diffusers does.
std::vector<double> training_sigmas(const torch::Tensor& alphas_cumprod);
// np.log of those float32 sigmas (numpy's float32 kernel).
std::vector<double> log_sigmas(const std::vector<double>& sigmas);

// np.interp(timesteps, arange(T), sigmas).
std::vector<double> interpolate_sigmas(const std::vector<double>& timesteps, const std::vector<double>& sigmas);

// Karras et al. (2022) rho = 7 schedule from sigma_max down to sigma_min, n values.
std::vector<double> karras_sigmas(double sigma_min, double sigma_max, int steps);
// Log-uniform schedule from sigma_max down to sigma_min, n values.
std::vector<double> exponential_sigmas(double sigma_min, double sigma_max, int steps);

// diffusers' _sigma_to_t: the fractional training timestep of a sigma, by interpolating log sigma.
double sigma_to_t(double sigma, const std::vector<double>& log_sigmas);

// A float32 CPU tensor of the values (numpy's astype(np.float32)).
torch::Tensor float32_tensor(const std::vector<double>& values);

}  // namespace gesso::schedulers
