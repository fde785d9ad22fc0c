#include "engine/models/fused_model_check.h"

#include <torch/torch.h>

#include <cmath>
#include <string>

#include "engine/kernels/fusion.h"
#include "engine/models/attention_dispatch.h"
#include "engine/models/transformer_2d.h"
#include "engine/runtime/device.h"

namespace gesso::models {
namespace {

using kernels::KernelCheck;

KernelCheck compare(const std::string& what, const torch::Tensor& got, const torch::Tensor& ref, double tolerance) {
  KernelCheck c{what, "float16"};
  c.max_abs_diff = (got.to(torch::kFloat) - ref.to(torch::kFloat)).abs().max().item<double>();
  c.tolerance = tolerance * std::max(1.0, ref.abs().max().item<double>());
  c.passed = got.sizes() == ref.sizes() && std::isfinite(c.max_abs_diff) && c.max_abs_diff <= c.tolerance;
  return c;
}

// q [2, n, heads * d], k and v [2, m, heads * d]: the fused path's call in fp16 against SDPA's math
// kernel in float32 on the same rounded values.
KernelCheck check_attention(int64_t n, int64_t m, int64_t heads, int64_t d, const std::string& label) {
  torch::manual_seed(31);
  const auto opts = torch::dtype(torch::kHalf).device(torch::kCUDA);
  const auto q = torch::randn({2, n, heads * d}, opts), k = torch::randn({2, m, heads * d}, opts),
             v = torch::randn({2, m, heads * d}, opts);
  torch::Tensor fused, ref;
  {
    const kernels::ScopedKernelFusion auto_mode(runtime::KernelFusion::kAuto);
    fused = dispatch_attention(q, k, v, {.heads = heads}, AttentionConfig{});
  }
  ref = dispatch_attention(q.to(torch::kFloat), k.to(torch::kFloat), v.to(torch::kFloat), {.heads = heads},
                           AttentionConfig{.backend = runtime::AttentionBackend::kMath});
  return compare("attention " + label + ", " + std::to_string(heads) + "x" + std::to_string(d) + " heads", fused, ref,
                 std::ldexp(1.0, -8));
}

// Parameters as a trained model has them in scale: unit-variance projections, norms near 1.
void randomize(torch::nn::Module& module) {
  torch::NoGradGuard no_grad;
  for (auto& p : module.named_parameters()) {
    auto& t = p.value();
    if (p.key().find("norm") != std::string::npos && p.key().ends_with("weight"))
      t.copy_(1.0 + 0.1 * torch::randn_like(t));
    else if (t.dim() == 1)
      t.copy_(0.05 * torch::randn_like(t));
    else
      t.copy_(torch::randn_like(t) / std::sqrt(double(t.numel() / t.size(0))));
  }
}

// SDXL's deepest transformer, fused in fp16 channels-last against the plain path in float32.
KernelCheck check_sdxl_transformer() {
  torch::manual_seed(37);
  Transformer2DModel t(Transformer2DOptions{.in_channels = 1280, .heads = 20, .head_dim = 64,
                                            .cross_attention_dim = 2048, .num_layers = 10,
                                            .use_linear_projection = true});
  t->to(torch::kCUDA);
  randomize(*t);
  const auto x = torch::randn({2, 1280, 32, 32}, torch::kCUDA), context = torch::randn({2, 77, 2048}, torch::kCUDA);
  torch::Tensor ref, fused;
  {
    const kernels::ScopedKernelFusion off(runtime::KernelFusion::kOff);
    ref = t->forward(x, UNetCall{.context = context});
  }
  t->to(torch::kHalf);
  for (auto& block : t->blocks()) block->prepare();
  {
    const kernels::ScopedKernelFusion on(runtime::KernelFusion::kAuto);
    fused = t->forward(x.to(torch::kHalf).contiguous(at::MemoryFormat::ChannelsLast),
                       UNetCall{.context = context.to(torch::kHalf)});
  }
  return compare("transformer_2d SDXL 1280 ch, 20x64 heads, 10 blocks, 2048 context", fused, ref, std::ldexp(1.0, -6));
}

}  // namespace

std::vector<KernelCheck> run_fused_model_check() {
  if (!runtime::cuda_available()) return {};
  c10::InferenceMode guard;
  return {check_attention(4096, 4096, 8, 40, "SD 1.5 self 4096"),  check_attention(4096, 77, 8, 40, "SD 1.5 cross 77"),
          check_attention(4096, 4096, 10, 64, "SDXL self 4096"),   check_attention(1024, 1024, 20, 64, "SDXL self 1024"),
          check_attention(1024, 77, 20, 64, "SDXL cross 77"),      check_sdxl_transformer()};
}

}  // namespace gesso::models
