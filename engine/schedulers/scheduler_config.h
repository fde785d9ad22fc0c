#pragma once
// A model folder's scheduler_config.json, and the values each scheduler runs with from it. diffusers
// fills a key the file leaves out with the __init__ default of the class that reads it, and the
// defaults differ between classes (DDIM clips x0 and sets alpha_T = 1, PNDM does neither; DDIM and
// PNDM space timesteps "leading", the others "linspace"), so the config keeps which keys were there.
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace gesso::schedulers {

// The diffusers scheduler classes Gesso implements.
enum class SchedulerClass { kDdim, kPndm, kEuler, kEulerAncestral, kLms, kDpmSolverMultistep, kUniPc, kDdpm };

// The class of a diffusers class name ("DDIMScheduler"); nullopt for one Gesso does not have.
std::optional<SchedulerClass> scheduler_class(const std::string& class_name);

// scheduler/scheduler_config.json as the folder has it: nullopt (or an empty list) is a key that is
// absent or null. Unknown keys are ignored.
struct SchedulerConfig {
  std::string class_name;  // "_class_name", "" when absent
  // Not optional: every diffusers class defaults it to 1000, and the pipelines read it.
  int num_train_timesteps = 1000;
  std::optional<double> beta_start;
  std::optional<double> beta_end;
  std::optional<std::string> beta_schedule;  // linear | scaled_linear | squaredcos_cap_v2 (DDPM: | sigmoid | laplace)
  std::vector<double> trained_betas;         // non-empty: used instead of beta_schedule
  std::optional<bool> rescale_betas_zero_snr;
  std::optional<std::string> prediction_type;  // epsilon | v_prediction | sample
  std::optional<std::string> timestep_spacing;  // leading | trailing | linspace
  std::optional<int> steps_offset;
  std::optional<bool> set_alpha_to_one;
  std::optional<bool> skip_prk_steps;
  std::optional<bool> clip_sample;
  std::optional<double> clip_sample_range;
  std::optional<bool> thresholding;
  std::optional<double> dynamic_thresholding_ratio;
  std::optional<double> sample_max_value;
  // DDPM: fixed_small | fixed_small_log | fixed_large | fixed_large_log | learned | learned_range
  std::optional<std::string> variance_type;
  std::optional<bool> use_karras_sigmas;
  std::optional<bool> use_exponential_sigmas;
  std::optional<bool> use_beta_sigmas;  // not supported (needs scipy's beta.ppf)
  std::optional<double> sigma_min;      // Karras/exponential range override
  std::optional<double> sigma_max;
  std::optional<std::string> interpolation_type;  // Euler: linear | log_linear
  std::optional<std::string> timestep_type;       // Euler: discrete | continuous
  std::optional<std::string> final_sigmas_type;   // zero | sigma_min
  std::optional<int> solver_order;
  std::optional<std::string> algorithm_type;  // DPM-Solver (only dpmsolver++ is supported)
  std::optional<std::string> solver_type;     // DPM: midpoint | heun; UniPC: bh1 | bh2
  std::optional<bool> lower_order_final;
  std::optional<bool> euler_at_final;
  std::optional<double> lambda_min_clipped;
  std::optional<bool> predict_x0;
  std::vector<int> disable_corrector;

  // Not a config.json key: DDIM's `eta`, which diffusers' pipelines pass to every step().
  double eta = 0.0;
};

// The values one scheduler runs with: every key set (see settings_for).
struct SchedulerSettings {
  int num_train_timesteps{};
  double beta_start{};
  double beta_end{};
  std::string beta_schedule;
  std::vector<double> trained_betas;
  bool rescale_betas_zero_snr{};
  std::string prediction_type;
  std::string timestep_spacing;
  int steps_offset{};
  bool set_alpha_to_one{};
  bool skip_prk_steps{};
  bool clip_sample{};
  double clip_sample_range{};
  bool thresholding{};
  double dynamic_thresholding_ratio{};
  double sample_max_value{};
  std::string variance_type;  // "" where the class defaults it to None
  bool use_karras_sigmas{};
  bool use_exponential_sigmas{};
  bool use_beta_sigmas{};
  std::optional<double> sigma_min;  // None: the schedule's own range
  std::optional<double> sigma_max;
  std::string interpolation_type;
  std::string timestep_type;
  std::string final_sigmas_type;
  int solver_order{};
  std::string algorithm_type;
  std::string solver_type;
  bool lower_order_final{};
  bool euler_at_final{};
  double lambda_min_clipped{};
  bool predict_x0{};
  std::vector<int> disable_corrector;
  double eta{};
};

// The __init__ defaults of the diffusers class (tests/fixtures/schedulers_fixture.py writes them
// from diffusers' signatures, and test_schedulers compares). The one place that knows them.
SchedulerSettings diffusers_defaults(SchedulerClass cls);

// The config's keys over the class's defaults: what XScheduler.from_config(config) holds.
SchedulerSettings settings_for(const SchedulerConfig& config, SchedulerClass cls);

// Parses scheduler_config.json. Throws ModelFileError naming the file when it is missing, is not
// JSON, holds a key of the wrong type or a value no scheduler knows ("beta_schedule": "cubic").
SchedulerConfig load_scheduler_config(const std::string& path);
// The same from a config's contents (one built in code for a single-file checkpoint); `path`
// names it in errors.
SchedulerConfig scheduler_config_from(const nlohmann::json& config, const std::string& path);

// diffusers' StableDiffusionPipeline deprecation fixes (SD 1.x / 2.x; the SDXL pipelines have
// none). The pipeline applies them to the scheduler it is built with, whichever sampler that is:
// steps_offset 1, and clip_sample false wherever that scheduler would clip (set true, or left out
// of a config a DDIM reads). So both are set here, for every sampler.
void apply_stable_diffusion_fixes(SchedulerConfig& config);

}  // namespace gesso::schedulers
