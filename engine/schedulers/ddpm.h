#pragma once
#include "engine/schedulers/noise_schedule.h"
#include "engine/schedulers/scheduler.h"

namespace gesso::schedulers {

// diffusers' DDPMScheduler (Ho et al. 2020): ancestral steps whose variance the config's
// variance_type names. The learned ones (DeepFloyd IF) read it from the model output's second
// half of channels: step() then takes an output of twice the sample's channels. A DDPM also
// noises IF stage II's and the SD x4 upscaler's low-resolution image at an arbitrary timestep
// (their image_noising_scheduler / low_res_scheduler), through add_noise_at with no step loop.
class DdpmScheduler : public Scheduler {
 public:
  // Throws RequestError("sampler", ...) for a config it cannot run (variance_type, schedule...).
  explicit DdpmScheduler(const SchedulerSettings& config);
  // DDPMScheduler.from_config(config): the config's keys over DDPMScheduler's defaults.
  static DdpmScheduler from_config(const SchedulerConfig& config);

  void set_timesteps(int num_inference_steps) override;
  torch::Tensor timesteps() const override;
  double init_noise_sigma() const override { return 1.0; }
  // Steps are addressed by index and DDPM keeps no history: nothing to record.
  void set_begin_index(int /*begin_index*/) override {}
  torch::Tensor scale_model_input(const torch::Tensor& sample, int step_index) override;
  // The noise is drawn only where the step's timestep is above 0, as diffusers does.
  torch::Tensor step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample,
                     const runtime::BatchGenerator& generator) override;
  torch::Tensor add_noise(const torch::Tensor& original, const torch::Tensor& noise, int step_index) const override;

  // diffusers' add_noise at training timesteps (int64, [1] or one per sample), which need not be
  // inference timesteps and need no set_timesteps. Throws RequestError("noise_level", ...) for a
  // timestep outside [0, num_train_timesteps).
  torch::Tensor add_noise_at(const torch::Tensor& original, const torch::Tensor& noise,
                             const torch::Tensor& timesteps) const;

 private:
  enum class Variance { kFixedSmall, kFixedSmallLog, kFixedLarge, kFixedLargeLog, kLearned, kLearnedRange };
  struct Alphas;
  static Variance variance_of(const std::string& name);
  Alphas alphas_at(int step_index) const;
  torch::Tensor noise_term(const Alphas& a, const torch::Tensor& predicted_variance, const torch::Tensor& noise) const;

  SchedulerSettings config_;
  std::string spacing_;
  Variance variance_;
  TrainingSchedule train_;
  torch::Tensor one_;
  std::vector<int64_t> timesteps_;
};

}  // namespace gesso::schedulers
