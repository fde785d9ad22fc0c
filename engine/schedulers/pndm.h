#pragma once
#include "engine/schedulers/noise_schedule.h"
#include "engine/schedulers/step_common.h"
#include "engine/schedulers/scheduler.h"

#include <deque>

namespace gesso::schedulers {

// diffusers' PNDMScheduler (Liu et al. 2022): pseudo Runge-Kutta warm-up steps (unless
// skip_prk_steps, as Stable Diffusion configures it), then pseudo linear multistep (PLMS).
// Like diffusers it counts its own calls: the PLMS warm-up repeats the second timestep.
class PndmScheduler : public Scheduler {
 public:
  explicit PndmScheduler(const SchedulerSettings& config);

  void set_timesteps(int num_inference_steps) override;
  torch::Tensor timesteps() const override;
  double init_noise_sigma() const override { return 1.0; }
  void set_begin_index(int begin_index) override { begin_index_ = begin_index; }
  torch::Tensor scale_model_input(const torch::Tensor& sample, int step_index) override;
  torch::Tensor step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample,
                     const runtime::BatchGenerator& generator) override;
  torch::Tensor add_noise(const torch::Tensor& original, const torch::Tensor& noise, int step_index) const override;

 private:
  torch::Tensor step_prk(const torch::Tensor& model_output, int64_t timestep, const torch::Tensor& sample);
  torch::Tensor step_plms(const torch::Tensor& model_output, int64_t timestep, const torch::Tensor& sample);
  // The DDIM-like transfer from `timestep` to `prev_timestep` (eq. 9 of the PNDM paper).
  torch::Tensor prev_sample(const torch::Tensor& sample, int64_t timestep, int64_t prev_timestep,
                            torch::Tensor model_output) const;
  int step_ratio() const { return config_.num_train_timesteps / num_inference_steps_; }

  SchedulerSettings config_;
  std::string spacing_;
  TrainingSchedule train_;
  torch::Tensor final_alpha_cumprod_;
  std::vector<int64_t> prk_timesteps_;
  std::vector<int64_t> timesteps_;  // PRK then PLMS, as the model sees them
  int num_inference_steps_ = 0;
  int begin_index_ = -1;

  int counter_ = 0;
  std::deque<torch::Tensor> ets_;
  torch::Tensor cur_model_output_;  // undefined stands for diffusers' 0
  torch::Tensor cur_sample_;
};

}  // namespace gesso::schedulers
