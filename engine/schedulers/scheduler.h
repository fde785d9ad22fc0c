#pragma once
#include <torch/types.h>

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gesso::schedulers {

// scheduler/scheduler_config.json, the keys diffusers' schedulers read. Unknown keys are ignored.
// A key that is absent keeps the diffusers default of the scheduler that reads it: that is what
// `XScheduler.from_config(pipe.scheduler.config)` does (diffusers drops the keys that took their
// defaults), so the keys whose default differs between schedulers are optional here.
struct SchedulerConfig {
  std::string class_name;                          // "_class_name", "" when absent
  int num_train_timesteps = 1000;
  double beta_start = 0.0001;
  double beta_end = 0.02;
  std::string beta_schedule = "linear";            // linear | scaled_linear | squaredcos_cap_v2
  std::vector<double> trained_betas;               // non-empty: used instead of beta_schedule
  bool rescale_betas_zero_snr = false;
  std::string prediction_type = "epsilon";         // epsilon | v_prediction | sample
  std::optional<std::string> timestep_spacing;     // leading | trailing | linspace; absent: leading
                                                   // for PNDM/DDIM, linspace for the others
  int steps_offset = 0;
  std::optional<bool> set_alpha_to_one;            // DDIM (default true), PNDM (default false)
  bool skip_prk_steps = false;                     // PNDM
  std::optional<bool> clip_sample;                 // DDIM (default true)
  double clip_sample_range = 1.0;
  bool thresholding = false;                       // DDIM, DPM-Solver, UniPC
  double dynamic_thresholding_ratio = 0.995;
  double sample_max_value = 1.0;
  bool use_karras_sigmas = false;                  // Euler, LMS, DPM-Solver, UniPC
  bool use_exponential_sigmas = false;
  bool use_beta_sigmas = false;                    // not supported (needs scipy's beta.ppf)
  std::optional<double> sigma_min;                 // Karras/exponential range override
  std::optional<double> sigma_max;
  std::string interpolation_type = "linear";       // Euler: linear | log_linear
  std::string timestep_type = "discrete";          // Euler: discrete | continuous
  std::string final_sigmas_type = "zero";          // Euler, DPM-Solver, UniPC: zero | sigma_min
  int solver_order = 2;                            // DPM-Solver, UniPC
  std::string algorithm_type = "dpmsolver++";      // DPM-Solver (only dpmsolver++ is supported)
  std::optional<std::string> solver_type;          // DPM: midpoint | heun; UniPC: bh1 | bh2
  bool lower_order_final = true;
  bool euler_at_final = false;
  double lambda_min_clipped = -std::numeric_limits<double>::infinity();
  bool predict_x0 = true;                          // UniPC
  std::vector<int> disable_corrector;              // UniPC

  // Not a config.json key: DDIM's `eta`, which diffusers' pipelines pass to every step().
  double eta = 0.0;
};

// Parses scheduler_config.json. Throws ModelFileError naming the file when it is missing, is not
// JSON, holds a key of the wrong type or a value no scheduler knows ("beta_schedule": "cubic").
SchedulerConfig load_scheduler_config(const std::string& path);

// One scheduler, one contract (as diffusers): the pipeline owns the loop, the scheduler knows
// nothing of models. Step indices count from 0 over timesteps(). The scheduler works on the
// sample's device and dtype; its tables stay on the CPU (as diffusers keeps them).
class Scheduler {
 public:
  virtual ~Scheduler() = default;

  // Sets the inference timesteps exactly as diffusers does for this scheduler and config, and
  // resets the multistep history. Throws RequestError("steps", ...) unless 1 <= n <= the number
  // of training timesteps.
  virtual void set_timesteps(int num_inference_steps) = 0;
  // The model's timestep for each step (float32, CPU), length = number of model calls (PNDM
  // calls the model once more than the step count).
  virtual torch::Tensor timesteps() const = 0;
  // Scale of the initial noise (1 for DDPM-like schedulers, sigma_max-based for Euler/LMS...).
  virtual double init_noise_sigma() const = 0;
  // img2img / inpaint start: the step loop begins at begin_index (diffusers' set_begin_index).
  virtual void set_begin_index(int begin_index) = 0;

  virtual torch::Tensor scale_model_input(const torch::Tensor& sample, int step_index) = 0;
  // One step from the model output at step_index; `generator` feeds the ancestral noise (Euler a,
  // DDIM eta > 0) and must be the pipeline's generator, drawn in diffusers' order. Steps must be
  // taken in order (multistep schedulers keep a history).
  virtual torch::Tensor step(const torch::Tensor& model_output, int step_index,
                             const torch::Tensor& sample, std::optional<torch::Generator> generator) = 0;
  // Noise `original` to the level of step_index (img2img start, inpaint mask blending): what
  // diffusers' add_noise gives for timesteps[step_index].
  virtual torch::Tensor add_noise(const torch::Tensor& original, const torch::Tensor& noise,
                                  int step_index) const = 0;

  // diffusers' `scheduler.order`: img2img starts at step t_start * order (1 for all of these).
  virtual int order() const { return 1; }
};

// Scheduler by the names users know ("Euler a", "DPM++ 2M Karras", "PNDM", "DDIM", "Euler",
// "LMS", "UniPC", "DPM++ 2M") or diffusers' class names ("EulerAncestralDiscreteScheduler").
// Throws RequestError("sampler", ...) listing the known names for anything else, and for a
// config the scheduler cannot run (an unsupported beta_schedule, prediction_type, ...).
std::unique_ptr<Scheduler> make_scheduler(const std::string& name, const SchedulerConfig& config);

// The user-facing names, in menu order.
std::vector<std::string> scheduler_names();

// The sampler a model folder names (its scheduler_config.json's _class_name), as diffusers runs it
// when no other is asked for: the class itself, so the folder's config applies unchanged. A class
// Gesso does not have falls back to "Euler a".
std::string default_sampler(const SchedulerConfig& config);
// The user-facing name of a sampler ("EulerDiscreteScheduler" -> "Euler"; "DPMSolverMultistepScheduler"
// -> "DPM++ 2M" or "DPM++ 2M Karras" by the config), for the "Sampler:" parameter.
std::string sampler_display_name(const std::string& sampler, const SchedulerConfig& config);

}  // namespace gesso::schedulers
