// Each diffusers class's __init__ defaults, and how a folder's config meets them: the keys the file
// has over the defaults of the class that runs, as diffusers' from_config does.
#include "engine/schedulers/scheduler_config.h"

#include <limits>
#include <utility>

namespace gesso::schedulers {
namespace {

// The defaults of the keys every class that has them agrees on (the class-dependent ones follow).
SchedulerSettings shared_defaults() {
  return {.num_train_timesteps = 1000,
          .beta_start = 0.0001,
          .beta_end = 0.02,
          .beta_schedule = "linear",
          .trained_betas = {},
          .rescale_betas_zero_snr = false,
          .prediction_type = "epsilon",
          .timestep_spacing = "linspace",
          .steps_offset = 0,
          .set_alpha_to_one = false,
          .skip_prk_steps = false,
          .clip_sample = false,
          .clip_sample_range = 1.0,
          .thresholding = false,
          .dynamic_thresholding_ratio = 0.995,
          .sample_max_value = 1.0,
          .variance_type = "",  // None in DPMSolverMultistepScheduler; DDPM's is below
          .use_karras_sigmas = false,
          .use_exponential_sigmas = false,
          .use_beta_sigmas = false,
          .sigma_min = std::nullopt,
          .sigma_max = std::nullopt,
          .interpolation_type = "linear",
          .timestep_type = "discrete",
          .final_sigmas_type = "zero",
          .solver_order = 2,
          .algorithm_type = "dpmsolver++",
          .solver_type = "",
          .lower_order_final = true,
          .euler_at_final = false,
          .lambda_min_clipped = -std::numeric_limits<double>::infinity(),
          .predict_x0 = true,
          .disable_corrector = {},
          .eta = 0.0};
}

template <typename T>
void take(T& setting, const std::optional<T>& key) {
  if (key) setting = *key;
}

template <typename T>
void take(std::vector<T>& setting, const std::vector<T>& key) {
  if (!key.empty()) setting = key;
}

void take_schedule_keys(SchedulerSettings& s, const SchedulerConfig& c) {
  s.num_train_timesteps = c.num_train_timesteps;
  take(s.beta_start, c.beta_start);
  take(s.beta_end, c.beta_end);
  take(s.beta_schedule, c.beta_schedule);
  take(s.trained_betas, c.trained_betas);
  take(s.rescale_betas_zero_snr, c.rescale_betas_zero_snr);
  take(s.prediction_type, c.prediction_type);
  take(s.timestep_spacing, c.timestep_spacing);
  take(s.steps_offset, c.steps_offset);
  take(s.set_alpha_to_one, c.set_alpha_to_one);
  take(s.skip_prk_steps, c.skip_prk_steps);
  take(s.clip_sample, c.clip_sample);
  take(s.clip_sample_range, c.clip_sample_range);
  take(s.thresholding, c.thresholding);
  take(s.dynamic_thresholding_ratio, c.dynamic_thresholding_ratio);
  take(s.sample_max_value, c.sample_max_value);
  take(s.variance_type, c.variance_type);
}

void take_solver_keys(SchedulerSettings& s, const SchedulerConfig& c) {
  take(s.use_karras_sigmas, c.use_karras_sigmas);
  take(s.use_exponential_sigmas, c.use_exponential_sigmas);
  take(s.use_beta_sigmas, c.use_beta_sigmas);
  if (c.sigma_min) s.sigma_min = c.sigma_min;
  if (c.sigma_max) s.sigma_max = c.sigma_max;
  take(s.interpolation_type, c.interpolation_type);
  take(s.timestep_type, c.timestep_type);
  take(s.final_sigmas_type, c.final_sigmas_type);
  take(s.solver_order, c.solver_order);
  take(s.algorithm_type, c.algorithm_type);
  take(s.solver_type, c.solver_type);
  take(s.lower_order_final, c.lower_order_final);
  take(s.euler_at_final, c.euler_at_final);
  take(s.lambda_min_clipped, c.lambda_min_clipped);
  take(s.predict_x0, c.predict_x0);
  take(s.disable_corrector, c.disable_corrector);
}

const std::pair<const char*, SchedulerClass> kClassNames[] = {
    {"DDIMScheduler", SchedulerClass::kDdim},
    {"PNDMScheduler", SchedulerClass::kPndm},
    {"EulerDiscreteScheduler", SchedulerClass::kEuler},
    {"EulerAncestralDiscreteScheduler", SchedulerClass::kEulerAncestral},
    {"LMSDiscreteScheduler", SchedulerClass::kLms},
    {"DPMSolverMultistepScheduler", SchedulerClass::kDpmSolverMultistep},
    {"UniPCMultistepScheduler", SchedulerClass::kUniPc},
    {"DDPMScheduler", SchedulerClass::kDdpm},
};

}  // namespace

std::optional<SchedulerClass> scheduler_class(const std::string& class_name) {
  for (const auto& [name, cls] : kClassNames)
    if (class_name == name) return cls;
  return std::nullopt;
}

SchedulerSettings diffusers_defaults(SchedulerClass cls) {
  auto s = shared_defaults();
  switch (cls) {
    case SchedulerClass::kDdim:
      s.timestep_spacing = "leading";
      s.set_alpha_to_one = true;
      s.clip_sample = true;
      break;
    case SchedulerClass::kPndm:
      s.timestep_spacing = "leading";
      s.set_alpha_to_one = false;
      break;
    case SchedulerClass::kDpmSolverMultistep:
      s.solver_type = "midpoint";
      break;
    case SchedulerClass::kUniPc:
      s.solver_type = "bh2";
      break;
    case SchedulerClass::kDdpm:
      s.timestep_spacing = "leading";
      s.clip_sample = true;
      s.variance_type = "fixed_small";
      break;
    case SchedulerClass::kEuler:
    case SchedulerClass::kEulerAncestral:
    case SchedulerClass::kLms:
      break;
  }
  return s;
}

SchedulerSettings settings_for(const SchedulerConfig& config, SchedulerClass cls) {
  auto s = diffusers_defaults(cls);
  take_schedule_keys(s, config);
  take_solver_keys(s, config);
  s.eta = config.eta;
  return s;
}

void apply_stable_diffusion_fixes(SchedulerConfig& config) {
  // `steps_offset != 1` becomes 1, and `clip_sample is True` becomes False: whatever the file and
  // the class's defaults say, the scheduler the pipeline holds ends with these two.
  config.steps_offset = 1;
  config.clip_sample = false;
}

}  // namespace gesso::schedulers
