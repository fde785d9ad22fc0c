#pragma once
#include "engine/schedulers/noise_schedule.h"
#include "engine/schedulers/step_common.h"
#include "engine/schedulers/scheduler.h"

#include <deque>

namespace gesso::schedulers {

// diffusers' DPMSolverMultistepScheduler with algorithm_type dpmsolver++ (Lu et al. 2022):
// "DPM++ 2M" at solver_order 2, "DPM++ 2M Karras" with use_karras_sigmas. Orders 1-3 and the
// midpoint/heun second-order forms are supported; the SDE variants are not.
class DpmSolverMultistepScheduler : public Scheduler {
 public:
  explicit DpmSolverMultistepScheduler(const SchedulerSettings& config);

  void set_timesteps(int num_inference_steps) override;
  torch::Tensor timesteps() const override;
  double init_noise_sigma() const override { return 1.0; }
  void set_begin_index(int begin_index) override { begin_index_ = begin_index; }
  torch::Tensor scale_model_input(const torch::Tensor& sample, int step_index) override;
  torch::Tensor step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample,
                     const runtime::BatchGenerator& generator) override;
  torch::Tensor add_noise(const torch::Tensor& original, const torch::Tensor& noise, int step_index) const override;

 private:
  torch::Tensor convert_model_output(const torch::Tensor& model_output, const torch::Tensor& sample, int i) const;
  torch::Tensor first_order_update(const torch::Tensor& x0, const torch::Tensor& sample, int i) const;
  torch::Tensor second_order_update(const torch::Tensor& sample, int i) const;
  torch::Tensor third_order_update(const torch::Tensor& sample, int i) const;
  int num_steps() const { return static_cast<int>(timesteps_.size()); }

  SchedulerSettings config_;
  std::string solver_type_;
  TrainingSchedule train_;
  std::vector<int64_t> timesteps_;
  torch::Tensor sigmas_;  // float32 [n + 1], CPU
  int begin_index_ = -1;

  std::deque<torch::Tensor> model_outputs_;  // the converted outputs, newest last
  int lower_order_nums_ = 0;
};

}  // namespace gesso::schedulers
