#include "engine/kernels/bias_residual.h"

#include <torch/torch.h>

#include <optional>

#include "engine/error.h"
#include "engine/kernels/kernel_inputs.h"
#include "engine/runtime/device.h"
#include "engine/runtime/runtime_options.h"

#if GESSO_CUDA
#include <c10/cuda/CUDAStream.h>
#include <cuda_runtime_api.h>

#include "engine/kernels/bias_residual_cuda.h"
#endif

namespace gesso::kernels {
namespace {

void check_shapes(const torch::Tensor& out, const torch::Tensor& bias, const torch::Tensor& residual) {
  if (out.dim() != 4) throw Error("bias + residual: the output must be [N, C, H, W]");
  if (residual.sizes() != out.sizes()) throw Error("bias + residual: the residual's shape differs from the output's");
  if (bias.dim() != 1 || bias.size(0) != out.size(1)) throw Error("bias + residual: the bias must be [C]");
}

// Whether out and residual are both channels-last (true), both NCHW (false), or neither (nullopt).
std::optional<bool> common_layout(const torch::Tensor& out, const torch::Tensor& residual) {
  const auto cl = at::MemoryFormat::ChannelsLast;
  if (out.is_contiguous(cl) && residual.is_contiguous(cl) && !out.is_contiguous()) return true;
  if (out.is_contiguous() && residual.is_contiguous()) return false;
  return std::nullopt;
}

}  // namespace

torch::Tensor add_bias_residual_reference_(torch::Tensor out, const torch::Tensor& bias,
                                           const torch::Tensor& residual) {
  check_shapes(out, bias, residual);
  return out.add_(bias.view({1, -1, 1, 1})).add_(residual);
}

bool add_bias_residual_has_kernel(const torch::Tensor& out, const torch::Tensor& residual) {
#if GESSO_CUDA
  const auto t = out.scalar_type();
  if (!out.is_cuda() || residual.device() != out.device() || residual.scalar_type() != t) return false;
  if (t != torch::kFloat && t != torch::kHalf && t != torch::kBFloat16) return false;
  if (out.dim() != 4 || residual.sizes() != out.sizes()) return false;
  const auto layout = common_layout(out, residual);
  if (!layout || !aligned16(out) || !aligned16(residual)) return false;
  const int64_t vec = 16 / static_cast<int64_t>(out.element_size());
  return *layout ? out.size(1) % vec == 0 : (out.size(2) * out.size(3)) % vec == 0;
#else
  (void)out;
  (void)residual;
  return false;
#endif
}

torch::Tensor add_bias_residual_(torch::Tensor out, const torch::Tensor& bias, const torch::Tensor& residual) {
  check_shapes(out, bias, residual);
  if (!add_bias_residual_has_kernel(out, residual) || bias.device() != out.device())
    return add_bias_residual_reference_(std::move(out), bias, residual);
#if GESSO_CUDA
  // The bias as it is when it is float32 or the output's dtype (a cast here would be a kernel per call).
  const auto b = bias.scalar_type() == torch::kFloat || bias.scalar_type() == out.scalar_type()
                     ? bias.contiguous()
                     : bias.to(torch::kFloat).contiguous();
  const int rc = cuda::launch_add_bias_residual(
      out.data_ptr(), residual.data_ptr(), b.data_ptr(), b.scalar_type() == torch::kFloat, *launcher_type(out.scalar_type()),
      out.numel(), out.size(1), out.size(2) * out.size(3), *common_layout(out, residual),
      c10::cuda::getCurrentCUDAStream().stream());
  if (rc != 0)
    throw Error(std::string("bias + residual kernel: ") + cudaGetErrorString(static_cast<cudaError_t>(rc)));
#endif
  return out;
}

std::vector<KernelCheck> check_add_bias_residual_kernel() {
  if (!runtime::cuda_available()) return {};
  c10::InferenceMode guard;
  std::vector<KernelCheck> checks;
  for (const auto dtype : {torch::kFloat, torch::kHalf, torch::kBFloat16}) {
    for (const bool channels_last : {false, true}) {
      torch::manual_seed(5);
      const auto format = channels_last ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
      const auto opts = torch::dtype(dtype).device(torch::kCUDA);
      const auto h = torch::randn({2, 320, 24, 40}, opts).contiguous(format);
      const auto r = torch::randn({2, 320, 24, 40}, opts).contiguous(format);
      const auto b = torch::randn({320}, opts);
      const auto fused = add_bias_residual_(h.clone(), b, r);
      const auto ref = (h.to(torch::kDouble) + b.to(torch::kDouble).view({1, -1, 1, 1}) + r.to(torch::kDouble));
      KernelCheck c{"add_bias_residual", runtime::dtype_name(dtype) + (channels_last ? " NHWC" : " NCHW")};
      c.max_abs_diff = (fused.to(torch::kDouble) - ref).abs().max().item<double>();
      c.tolerance = dtype == torch::kFloat ? 1e-5 : dtype == torch::kHalf ? 8e-3 : 6e-2;  // one rounding at |x| < 8
      c.passed = c.max_abs_diff <= c.tolerance && fused.is_contiguous(format);
      checks.push_back(c);
    }
  }
  return checks;
}

}  // namespace gesso::kernels
