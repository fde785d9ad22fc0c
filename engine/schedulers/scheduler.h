#pragma once
#include "engine/runtime/batch_generator.h"
#include "engine/schedulers/scheduler_config.h"

#include <torch/types.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gesso::schedulers {

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
                             const torch::Tensor& sample, const runtime::BatchGenerator& generator) = 0;
  // Noise `original` to the level of step_index (img2img start, inpaint mask blending): what
  // diffusers' add_noise gives for timesteps[step_index].
  virtual torch::Tensor add_noise(const torch::Tensor& original, const torch::Tensor& noise,
                                  int step_index) const = 0;

  // diffusers' `scheduler.order`: img2img starts at step t_start * order (1 for all of these).
  virtual int order() const { return 1; }
};

// Scheduler by the names users know ("Euler a", "DPM++ 2M Karras", "PNDM", "DDIM", "Euler",
// "LMS", "UniPC", "DPM++ 2M") or diffusers' class names ("EulerAncestralDiscreteScheduler").
// Keys the config leaves out take the defaults of the class the name stands for. Throws RequestError("sampler", ...) listing the known names for anything else, and for a
// config the scheduler cannot run (an unsupported beta_schedule, prediction_type, ...).
std::unique_ptr<Scheduler> make_scheduler(const std::string& name, const SchedulerConfig& config);

// The user-facing names, in menu order.
std::vector<std::string> scheduler_names();

// The sampler a model folder names (its scheduler_config.json's _class_name), as diffusers runs it
// when no other is asked for: the class itself, so the folder's config applies as loaded. A class
// Gesso does not have falls back to "Euler a".
std::string default_sampler(const SchedulerConfig& config);
// The user-facing name of a sampler ("EulerDiscreteScheduler" -> "Euler"; "DPMSolverMultistepScheduler"
// -> "DPM++ 2M" or "DPM++ 2M Karras" by the config), for the "Sampler:" parameter.
std::string sampler_display_name(const std::string& sampler, const SchedulerConfig& config);

}  // namespace gesso::schedulers
