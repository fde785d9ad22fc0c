#include "engine/schedulers/step_common.h"

#include "engine/error.h"

#include <torch/torch.h>

namespace gesso::schedulers {

void check_step_index(int step_index, int count, const std::string& scheduler) {
  if (step_index < 0 || step_index >= count) {
    throw Error(scheduler + ": step index " + std::to_string(step_index) + " is outside the " +
                std::to_string(count) + " timesteps (was set_timesteps called?)");
  }
}

torch::Tensor randn_like_diffusers(const torch::Tensor& like, torch::ScalarType dtype,
                                   const runtime::BatchGenerator& generator) {
  if (generator.empty()) return torch::randn(like.sizes(), like.options().dtype(dtype));
  auto noise = generator.randn(like.sizes(), torch::TensorOptions().dtype(dtype));
  // Host noise for a GPU run goes through pinned memory: no host-device synchronisation per step.
  if (noise.is_cpu() && like.is_cuda()) return noise.pin_memory().to(like.device(), /*non_blocking=*/true);
  return noise.to(like.device());
}

torch::Tensor threshold_sample(const torch::Tensor& sample, double ratio, double max_value) {
  const auto dtype = sample.scalar_type();
  auto x = sample;
  if (dtype != torch::kFloat32 && dtype != torch::kFloat64) x = x.to(torch::kFloat32);
  const auto shape = x.sizes().vec();
  x = x.reshape({shape[0], -1});
  auto s = torch::quantile(x.abs(), ratio, 1);
  s = torch::clamp(s, 1, max_value).unsqueeze(1);
  x = torch::clamp(x, -s, s) / s;
  return x.reshape(shape).to(dtype);
}

}  // namespace gesso::schedulers
