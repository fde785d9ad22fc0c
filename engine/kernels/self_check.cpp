#include "engine/kernels/self_check.h"

#include <torch/torch.h>

#include "engine/kernels/bias_residual.h"
#include "engine/kernels/geglu.h"
#include "engine/kernels/group_norm.h"
#include "engine/kernels/latent_preview.h"
#include "engine/kernels/layer_norm_residual.h"
#include "engine/kernels/upsample_nearest.h"
#include "engine/runtime/device.h"

namespace gesso::kernels {
namespace {

KernelCheck check_latent_preview(torch::ScalarType dtype, const std::string& name) {
  torch::manual_seed(11);
  const auto lat = torch::randn({3, 4, 67, 45}).to(dtype);
  const auto factors = sd_latent_rgb_factors();
  const auto bias = torch::tensor({0.1f, 0.0f, -0.1f});
  const auto gpu = latent_to_rgb(lat.cuda(), factors, bias).cpu();
  const auto ref = latent_to_rgb_reference(lat, factors, bias);
  KernelCheck c{"latent_to_rgb", name};
  c.max_abs_diff = (gpu.to(torch::kInt) - ref.to(torch::kInt)).abs().max().item<int>();
  c.tolerance = 1.0;  // one 8-bit level: rounding at exact .5 boundaries
  c.passed = c.max_abs_diff <= c.tolerance;
  return c;
}

}  // namespace

std::vector<KernelCheck> run_kernel_self_check() {
  if (!runtime::cuda_available()) return {};
  c10::InferenceMode guard;
  std::vector<KernelCheck> checks = {check_latent_preview(torch::kFloat, "float32"),
                                     check_latent_preview(torch::kHalf, "float16"),
                                     check_latent_preview(torch::kBFloat16, "bfloat16")};
  for (auto more : {check_group_norm_kernel(), check_geglu_kernel(), check_layer_norm_residual_kernel(),
                     check_add_bias_residual_kernel(), check_upsample_nearest_kernel()})
    checks.insert(checks.end(), more.begin(), more.end());
  return checks;
}

}  // namespace gesso::kernels
