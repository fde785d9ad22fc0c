#include "engine/schedulers/noise_schedule.h"

#include "engine/error.h"
#include "engine/schedulers/numpy_compat.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace gesso::schedulers {
namespace {

// Nichol & Dhariwal's cosine schedule, in Python floats as diffusers' betas_for_alpha_bar.
torch::Tensor cosine_betas(int num_train_timesteps) {
  auto alpha_bar = [](double t) {
    const double c = std::cos((t + 0.008) / 1.008 * std::numbers::pi / 2);
    return c * c;
  };
  std::vector<float> betas(static_cast<size_t>(num_train_timesteps));
  for (int i = 0; i < num_train_timesteps; ++i) {
    const double t1 = static_cast<double>(i) / num_train_timesteps;
    const double t2 = static_cast<double>(i + 1) / num_train_timesteps;
    betas[i] = static_cast<float>(std::min(1 - alpha_bar(t2) / alpha_bar(t1), 0.999));
  }
  return torch::tensor(betas, torch::kFloat32);
}

torch::Tensor base_betas(const SchedulerSettings& config) {
  const int n = config.num_train_timesteps;
  if (!config.trained_betas.empty()) {
    std::vector<float> betas(config.trained_betas.begin(), config.trained_betas.end());
    if (static_cast<int>(betas.size()) != n) {
      throw RequestError("sampler", "trained_betas has " + std::to_string(betas.size()) +
                                        " values but num_train_timesteps is " + std::to_string(n));
    }
    return torch::tensor(betas, torch::kFloat32);
  }
  const auto f32 = torch::TensorOptions().dtype(torch::kFloat32);
  if (config.beta_schedule == "linear") return torch::linspace(config.beta_start, config.beta_end, n, f32);
  if (config.beta_schedule == "scaled_linear") {
    return torch::linspace(std::pow(config.beta_start, 0.5), std::pow(config.beta_end, 0.5), n, f32).pow(2);
  }
  if (config.beta_schedule == "squaredcos_cap_v2") return cosine_betas(n);
  throw RequestError("sampler", "beta_schedule '" + config.beta_schedule +
                                    "' is not supported (linear, scaled_linear, squaredcos_cap_v2)");
}

// Lin et al. (2023): rescale so that the last timestep has zero SNR.
torch::Tensor rescale_zero_terminal_snr(const torch::Tensor& betas) {
  auto alphas = 1.0 - betas;
  auto alphas_bar_sqrt = torch::cumprod(alphas, 0).sqrt();
  auto first = alphas_bar_sqrt[0].clone();
  auto last = alphas_bar_sqrt[-1].clone();
  alphas_bar_sqrt -= last;
  alphas_bar_sqrt *= first / (first - last);
  auto alphas_bar = alphas_bar_sqrt.pow(2);
  auto ratios = alphas_bar.slice(0, 1) / alphas_bar.slice(0, 0, -1);
  return 1 - torch::cat({alphas_bar.slice(0, 0, 1), ratios});
}

}  // namespace

TrainingSchedule training_schedule(const SchedulerSettings& config, ZeroSnr zero_snr) {
  if (config.num_train_timesteps < 2) {
    throw RequestError("sampler", "num_train_timesteps must be at least 2, not " +
                                      std::to_string(config.num_train_timesteps));
  }
  auto betas = base_betas(config);
  const bool rescale = config.rescale_betas_zero_snr && zero_snr != ZeroSnr::kIgnored;
  if (rescale) betas = rescale_zero_terminal_snr(betas);
  auto alphas_cumprod = torch::cumprod(1.0 - betas, 0);
  if (rescale && zero_snr == ZeroSnr::kRescaleAndClamp) alphas_cumprod[-1] = std::pow(2.0, -24);
  return {betas, alphas_cumprod};
}

void check_steps(int steps, int num_train_timesteps) {
  if (steps < 1 || steps > num_train_timesteps) {
    throw RequestError("steps", "the number of steps must be between 1 and " +
                                    std::to_string(num_train_timesteps) + ", not " + std::to_string(steps));
  }
}

std::string spacing_of(const SchedulerSettings& config) {
  const std::string& spacing = config.timestep_spacing;
  if (spacing != "leading" && spacing != "trailing" && spacing != "linspace") {
    throw RequestError("sampler", "timestep_spacing '" + spacing + "' is not supported (leading, trailing, linspace)");
  }
  return spacing;
}

void check_prediction_type(const SchedulerSettings& config, const std::vector<std::string>& supported,
                           const std::string& scheduler) {
  if (std::find(supported.begin(), supported.end(), config.prediction_type) != supported.end()) return;
  std::string list;
  for (const auto& s : supported) list += (list.empty() ? "" : ", ") + s;
  throw RequestError("sampler", scheduler + " does not support prediction_type '" + config.prediction_type +
                                    "' (" + list + ")");
}

std::vector<double> spaced_timesteps(const std::string& spacing, int steps, int num_train_timesteps,
                                     int steps_offset, bool round_linspace) {
  std::vector<double> t;
  if (spacing == "linspace") {
    t = np::linspace(0, num_train_timesteps - 1, steps);
    if (round_linspace) std::transform(t.begin(), t.end(), t.begin(), np::round);
    std::reverse(t.begin(), t.end());
  } else if (spacing == "leading") {
    const int ratio = num_train_timesteps / steps;
    for (int i = steps - 1; i >= 0; --i) t.push_back(static_cast<double>(i) * ratio + steps_offset);
  } else {
    const double ratio = static_cast<double>(num_train_timesteps) / steps;
    for (double v : np::arange(num_train_timesteps, 0, -ratio)) t.push_back(np::round(v) - 1);
  }
  return t;
}

std::vector<double> multistep_timesteps(const std::string& spacing, int steps, int num_train_timesteps,
                                        int last_timestep, int steps_offset) {
  std::vector<double> t;
  if (spacing == "linspace") {
    auto grid = np::linspace(0, last_timestep - 1, steps + 1);
    for (int i = steps; i >= 1; --i) t.push_back(np::round(grid[i]));
  } else if (spacing == "leading") {
    const int ratio = last_timestep / (steps + 1);
    for (int i = steps; i >= 1; --i) t.push_back(static_cast<double>(i) * ratio + steps_offset);
  } else {
    const double ratio = static_cast<double>(num_train_timesteps) / steps;
    for (double v : np::arange(last_timestep, 0, -ratio)) t.push_back(np::round(v) - 1);
  }
  return t;
}

std::vector<double> training_sigmas(const torch::Tensor& alphas_cumprod) {
  auto sigmas = ((1 - alphas_cumprod) / alphas_cumprod).pow(0.5).contiguous();
  const float* p = sigmas.data_ptr<float>();
  return {p, p + sigmas.numel()};
}

std::vector<double> log_sigmas(const std::vector<double>& sigmas) {
  std::vector<double> out(sigmas.size());
  for (size_t i = 0; i < sigmas.size(); ++i) out[i] = np::log_f32(static_cast<float>(sigmas[i]));
  return out;
}

std::vector<double> interpolate_sigmas(const std::vector<double>& timesteps, const std::vector<double>& sigmas) {
  std::vector<double> out;
  out.reserve(timesteps.size());
  for (double t : timesteps) out.push_back(np::interp_unit_grid(t, sigmas));
  return out;
}

std::vector<double> karras_sigmas(double sigma_min, double sigma_max, int steps) {
  constexpr double rho = 7.0;
  const double min_inv_rho = std::pow(sigma_min, 1 / rho);
  const double max_inv_rho = std::pow(sigma_max, 1 / rho);
  const double span = min_inv_rho - max_inv_rho;
  std::vector<double> out;
  for (double r : np::linspace(0, 1, steps)) out.push_back(std::pow(max_inv_rho + r * span, rho));
  return out;
}

std::vector<double> exponential_sigmas(double sigma_min, double sigma_max, int steps) {
  std::vector<double> out;
  for (double v : np::linspace(std::log(sigma_max), std::log(sigma_min), steps)) out.push_back(std::exp(v));
  return out;
}

double sigma_to_t(double sigma, const std::vector<double>& log_sigmas) {
  const double log_sigma = std::log(std::max(sigma, 1e-10));
  // The last training sigma not above this one (index 0 when all are above), kept off the end.
  long low = 0;
  for (long j = 0; j < static_cast<long>(log_sigmas.size()); ++j) {
    if (log_sigma - log_sigmas[j] >= 0) low = j;
  }
  low = std::min(low, static_cast<long>(log_sigmas.size()) - 2);
  const long high = low + 1;
  // numpy subtracts the two float32 table entries in float32.
  const double gap = static_cast<float>(static_cast<float>(log_sigmas[low]) - static_cast<float>(log_sigmas[high]));
  const double w = std::clamp((log_sigmas[low] - log_sigma) / gap, 0.0, 1.0);
  return (1 - w) * static_cast<double>(low) + w * static_cast<double>(high);
}

torch::Tensor float32_tensor(const std::vector<double>& values) {
  std::vector<float> f(values.begin(), values.end());
  return torch::tensor(f, torch::kFloat32);
}

}  // namespace gesso::schedulers
