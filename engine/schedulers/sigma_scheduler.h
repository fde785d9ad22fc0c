#pragma once
// The schedulers that work in k-diffusion's sigma space, x_t = x_0 + sigma * noise (Euler,
// Euler a, LMS): they share the sigma table, the input scaling and add_noise.
#include "engine/schedulers/noise_schedule.h"
#include "engine/schedulers/step_common.h"
#include "engine/schedulers/scheduler.h"

#include <string>
#include <vector>

namespace gesso::schedulers {

class SigmaScheduler : public Scheduler {
 public:
  torch::Tensor timesteps() const override { return timesteps_; }
  double init_noise_sigma() const override;
  void set_begin_index(int begin_index) override { begin_index_ = begin_index; }
  torch::Tensor scale_model_input(const torch::Tensor& sample, int step_index) override;
  torch::Tensor add_noise(const torch::Tensor& original, const torch::Tensor& noise, int step_index) const override;

 protected:
  SigmaScheduler(const SchedulerSettings& config, ZeroSnr zero_snr, const std::string& name);

  // Installs the schedule: float32 timesteps (n) and sigmas (n + 1, the last the final sigma).
  void set_schedule(const std::vector<double>& timesteps, const std::vector<double>& sigmas);
  // The training sigmas interpolated at Euler/LMS's spaced timesteps (float32 timesteps).
  std::vector<double> spaced_float_timesteps(int steps) const;
  // sigmas[i], a float32 scalar tensor on the CPU (as diffusers indexes its table).
  torch::Tensor sigma(int i) const { return sigmas_[i]; }
  int num_steps() const { return static_cast<int>(timesteps_.size(0)); }
  // x0 from the model output at sigma (epsilon, v_prediction or sample).
  torch::Tensor predict_original(const torch::Tensor& model_output, const torch::Tensor& sample,
                                 const torch::Tensor& sigma) const;

  SchedulerSettings config_;
  std::string name_;
  std::string spacing_;
  TrainingSchedule train_;
  std::vector<double> train_sigmas_;  // float32 values, by training timestep
  torch::Tensor timesteps_;           // float32 [n]
  torch::Tensor sigmas_;              // float32 [n + 1]
  int begin_index_ = -1;
};

}  // namespace gesso::schedulers
