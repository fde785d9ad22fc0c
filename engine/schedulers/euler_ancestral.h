#pragma once
#include "engine/schedulers/sigma_scheduler.h"

namespace gesso::schedulers {

// diffusers' EulerAncestralDiscreteScheduler ("Euler a"): an Euler step down to sigma_down, then
// fresh noise of sigma_up from the pipeline's generator.
class EulerAncestralScheduler : public SigmaScheduler {
 public:
  explicit EulerAncestralScheduler(const SchedulerSettings& config);

  void set_timesteps(int num_inference_steps) override;
  torch::Tensor step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample,
                     const runtime::BatchGenerator& generator) override;
};

}  // namespace gesso::schedulers
