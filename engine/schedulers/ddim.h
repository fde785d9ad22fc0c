#pragma once
#include "engine/schedulers/noise_schedule.h"
#include "engine/schedulers/step_common.h"
#include "engine/schedulers/scheduler.h"

namespace gesso::schedulers {

// diffusers' DDIMScheduler (Song et al. 2020); config.eta > 0 adds noise from the generator.
class DdimScheduler : public Scheduler {
 public:
  explicit DdimScheduler(const SchedulerSettings& config);

  void set_timesteps(int num_inference_steps) override;
  torch::Tensor timesteps() const override;
  double init_noise_sigma() const override { return 1.0; }
  void set_begin_index(int begin_index) override { begin_index_ = begin_index; }
  torch::Tensor scale_model_input(const torch::Tensor& sample, int step_index) override;
  torch::Tensor step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample,
                     const runtime::BatchGenerator& generator) override;
  torch::Tensor add_noise(const torch::Tensor& original, const torch::Tensor& noise, int step_index) const override;

 private:
  SchedulerSettings config_;
  std::string spacing_;
  TrainingSchedule train_;
  torch::Tensor final_alpha_cumprod_;
  std::vector<int64_t> timesteps_;
  int num_inference_steps_ = 0;
  int begin_index_ = -1;
};

}  // namespace gesso::schedulers
