#pragma once
#include "engine/schedulers/sigma_scheduler.h"

namespace gesso::schedulers {

// diffusers' EulerDiscreteScheduler (Karras et al. 2022, Algorithm 2 without churn).
class EulerScheduler : public SigmaScheduler {
 public:
  explicit EulerScheduler(const SchedulerSettings& config);

  void set_timesteps(int num_inference_steps) override;
  torch::Tensor step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample,
                     const runtime::BatchGenerator& generator) override;

 private:
  std::vector<double> step_sigmas(int steps, std::vector<double>& timesteps) const;
};

}  // namespace gesso::schedulers
