#pragma once
#include "engine/schedulers/sigma_scheduler.h"

#include <deque>

namespace gesso::schedulers {

// diffusers' LMSDiscreteScheduler: linear multistep (order 4) on the ODE's derivatives, with
// coefficients that integrate the Lagrange basis over each sigma interval.
class LmsScheduler : public SigmaScheduler {
 public:
  explicit LmsScheduler(const SchedulerSettings& config);

  void set_timesteps(int num_inference_steps) override;
  torch::Tensor step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample,
                     const runtime::BatchGenerator& generator) override;

  static constexpr int kOrder = 4;

 private:
  // The integral over [sigma_t, sigma_{t+1}] of the Lagrange basis polynomial of point
  // `current_order` through the `order` sigmas sigma_t, sigma_{t-1}, ...
  double lms_coefficient(int order, int t, int current_order) const;

  std::vector<double> step_sigmas_;   // the float32 sigmas, as doubles
  std::deque<torch::Tensor> derivatives_;
};

}  // namespace gesso::schedulers
