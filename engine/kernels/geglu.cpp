#include "engine/kernels/geglu.h"

#include <torch/torch.h>

#include <cstdint>
#include <limits>
#include <string>

#include "engine/error.h"
#include "engine/kernels/kernel_inputs.h"
#include "engine/runtime/device.h"

#if GESSO_CUDA
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <cuda_runtime_api.h>

#include "engine/kernels/geglu_cuda.h"
#endif

namespace gesso::kernels {
namespace {

void check_inputs(const torch::Tensor& proj, const torch::Tensor& bias) {
  if (!proj.defined()) throw Error("geglu: the projection is undefined");
  if (!proj.is_floating_point()) throw Error("geglu: the projection must be a floating-point tensor");
  if (proj.dim() < 1 || proj.size(-1) == 0 || proj.size(-1) % 2 != 0)
    throw Error("geglu: the projection's last dimension must hold two equal halves (even, > 0), got " + sizes_text(proj));
  if (!bias.defined()) return;
  if (bias.dim() != 1 || bias.size(0) != proj.size(-1))
    throw Error("geglu: bias must be [" + std::to_string(proj.size(-1)) +
                "] like the projection's last dimension, got " + sizes_text(bias));
  if (!bias.is_floating_point()) throw Error("geglu: bias must be a floating-point tensor");
  if (bias.device() != proj.device()) throw Error("geglu: bias and projection are on different devices");
}

#if GESSO_CUDA
cuda::ElementType element_type(torch::ScalarType t) {
  if (const auto type = launcher_type(t)) return *type;
  throw Error("geglu: the kernel takes float32, float16 or bfloat16");
}

// The kernel reads the bias as float32 or in proj's dtype, in 16-byte vectors; anything else is
// cast (a [2I] tensor, negligible next to the projection).
torch::Tensor kernel_bias(const torch::Tensor& bias, torch::ScalarType proj_type) {
  if (!bias.defined()) return bias;
  auto b = bias.scalar_type() == torch::kFloat || bias.scalar_type() == proj_type ? bias : bias.to(torch::kFloat);
  b = b.contiguous();
  return aligned16(b) ? b : b.clone();
}

torch::Tensor geglu_cuda(const torch::Tensor& proj, const torch::Tensor& bias) {
  const c10::cuda::CUDAGuard device_guard(proj.device());
  const int64_t inner = proj.size(-1) / 2;
  const auto b = kernel_bias(bias, proj.scalar_type());
  auto out_sizes = proj.sizes().vec();
  out_sizes.back() = inner;
  auto out = torch::empty(out_sizes, proj.options());
  const int rc = cuda::launch_geglu(proj.data_ptr(), element_type(proj.scalar_type()), proj.numel() / (2 * inner),
                                    inner, b.defined() ? b.data_ptr() : nullptr,
                                    element_type(b.defined() ? b.scalar_type() : torch::kFloat), out.data_ptr(),
                                    c10::cuda::getCurrentCUDAStream().stream());
  if (rc != 0) throw Error(std::string("geglu kernel: ") + cudaGetErrorString(static_cast<cudaError_t>(rc)));
  return out;
}
#endif

KernelCheck check_one(torch::ScalarType dtype, torch::ScalarType bias_type, const std::string& name,
                      std::vector<int64_t> shape = {3, 37, 2 * 264}) {
  torch::manual_seed(5);
  const auto proj = torch::randn(shape).to(dtype);
  const auto bias = torch::randn({shape.back()}).to(bias_type);
  KernelCheck c{"geglu", name};
  const auto proj_gpu = proj.cuda();
  if (!geglu_has_kernel(proj_gpu)) return c;  // not passed: this build has no kernel to check
  const auto gpu = geglu(proj_gpu, bias.cuda()).cpu().to(torch::kDouble);
  const auto truth = geglu_reference(proj.to(torch::kDouble), bias.to(torch::kDouble));
  c.max_abs_diff = (gpu - truth).abs().max().item<double>();
  c.tolerance = rounding_tolerance(dtype) * truth.abs().max().item<double>();
  c.passed = gpu.sizes() == truth.sizes() && c.max_abs_diff <= c.tolerance;
  return c;
}

}  // namespace

torch::Tensor geglu_reference(const torch::Tensor& proj, const torch::Tensor& bias) {
  check_inputs(proj, bias);
  const auto p = bias.defined() ? proj + bias.to(proj.scalar_type()) : proj;
  const auto h = p.chunk(2, -1);
  return h[0] * at::gelu(h[1]);
}

bool geglu_has_kernel(const torch::Tensor& proj) {
#if GESSO_CUDA
  if (!proj.defined() || !proj.is_cuda() || !launcher_type(proj.scalar_type())) return false;
  if (!proj.is_contiguous() || !aligned16(proj) || proj.dim() < 1) return false;
  const int64_t per_vector = 16 / static_cast<int64_t>(proj.element_size());
  if (proj.size(-1) == 0 || proj.size(-1) % (2 * per_vector) != 0) return false;
  return proj.numel() / (2 * per_vector) <= std::numeric_limits<int32_t>::max();
#else
  (void)proj;
  return false;
#endif
}

torch::Tensor geglu(const torch::Tensor& proj, const torch::Tensor& bias) {
  check_inputs(proj, bias);
#if GESSO_CUDA
  if (geglu_has_kernel(proj)) return geglu_cuda(proj, bias);
#endif
  return geglu_reference(proj, bias);
}

std::vector<KernelCheck> check_geglu_kernel() {
  if (!runtime::cuda_available()) return {};
  c10::InferenceMode guard;
  return {check_one(torch::kFloat, torch::kFloat, "float32"), check_one(torch::kHalf, torch::kHalf, "float16"),
          check_one(torch::kBFloat16, torch::kBFloat16, "bfloat16"),
          check_one(torch::kHalf, torch::kFloat, "float16, float32 bias"),
          // SDXL's feed-forwards: 640 and 1280 wide, inner 4x, at 1024² latents.
          check_one(torch::kHalf, torch::kHalf, "float16, SDXL 2x4096x(2x2560)", {2, 4096, 2 * 2560}),
          check_one(torch::kHalf, torch::kHalf, "float16, SDXL 2x1024x(2x5120)", {2, 1024, 2 * 5120})};
}

}  // namespace gesso::kernels
