#pragma once
#include "engine/schedulers/noise_schedule.h"
#include "engine/schedulers/step_common.h"
#include "engine/schedulers/scheduler.h"

#include <deque>

namespace gesso::schedulers {

// diffusers' UniPCMultistepScheduler (Zhao et al. 2023): a multistep predictor (UniP) and, from
// the second step on, a corrector (UniC) that reuses the new model output. Default: bh2,
// solver_order 2, predict_x0.
class UniPcScheduler : public Scheduler {
 public:
  explicit UniPcScheduler(const SchedulerSettings& config);

  void set_timesteps(int num_inference_steps) override;
  torch::Tensor timesteps() const override;
  double init_noise_sigma() const override { return 1.0; }
  void set_begin_index(int begin_index) override { begin_index_ = begin_index; }
  torch::Tensor scale_model_input(const torch::Tensor& sample, int step_index) override;
  torch::Tensor step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample,
                     const runtime::BatchGenerator& generator) override;
  torch::Tensor add_noise(const torch::Tensor& original, const torch::Tensor& noise, int step_index) const override;

 private:
  // The pieces both updates build from the step sizes: h, hh = -h (predict_x0) or h, h*phi_1,
  // B(h), the ratios r_k and the right-hand side b of the order conditions.
  struct Coefficients {
    torch::Tensor alpha_t, sigma_t, alpha_s0, sigma_s0;
    torch::Tensor h_phi_1, b_h, r_matrix, b;
    std::vector<torch::Tensor> d1s;  // (m_k - m_0) / r_k of the older outputs
  };
  // From sigma index `source` (whose converted output is model_outputs_.back()) to `target`.
  Coefficients coefficients(int target, int source, int order, const torch::Device& device) const;
  // x_t_ of both updates: the first-order (DDIM-like) part.
  torch::Tensor first_order_part(const Coefficients& c, const torch::Tensor& x) const;
  torch::Tensor convert_model_output(const torch::Tensor& model_output, const torch::Tensor& sample, int i) const;
  torch::Tensor predictor(const torch::Tensor& x, int i, int order) const;
  torch::Tensor corrector(const torch::Tensor& model_t, const torch::Tensor& last_sample, const torch::Tensor& this_sample,
                          int i, int order) const;
  int num_steps() const { return static_cast<int>(timesteps_.size()); }

  SchedulerSettings config_;
  std::string solver_type_;
  TrainingSchedule train_;
  std::vector<int64_t> timesteps_;
  torch::Tensor sigmas_;  // float32 [n + 1], CPU
  int begin_index_ = -1;

  std::deque<torch::Tensor> model_outputs_;  // the converted outputs, newest last
  torch::Tensor last_sample_;
  int lower_order_nums_ = 0;
  int this_order_ = 0;
};

}  // namespace gesso::schedulers
