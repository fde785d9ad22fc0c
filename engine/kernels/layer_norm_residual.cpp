#include "engine/kernels/layer_norm_residual.h"

#include <torch/torch.h>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>

#include "engine/error.h"
#include "engine/kernels/kernel_inputs.h"
#include "engine/runtime/device.h"

#if GESSO_CUDA
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <cuda_runtime_api.h>

#include "engine/kernels/layer_norm_residual_cuda.h"
#endif

namespace gesso::kernels {
namespace {

void check_param(const torch::Tensor& p, const torch::Tensor& x, const char* name) {
  if (!p.defined()) return;
  if (p.dim() != 1 || p.size(0) != x.size(-1))
    throw Error(std::string("layer norm: ") + name + " must be [" + std::to_string(x.size(-1)) +
                "] like x's last dimension, got " + sizes_text(p));
  if (!p.is_floating_point()) throw Error(std::string("layer norm: ") + name + " must be a floating-point tensor");
  if (p.device() != x.device()) throw Error(std::string("layer norm: ") + name + " and x are on different devices");
}

void check_inputs(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias, double eps,
                  const torch::Tensor& next_bias) {
  if (!x.defined()) throw Error("layer norm: x is undefined");
  if (!x.is_floating_point()) throw Error("layer norm: x must be a floating-point tensor");
  if (x.dim() < 1 || x.size(-1) == 0) throw Error("layer norm: x must be [..., D] with D > 0, got " + sizes_text(x));
  if (!(eps >= 0.0) || !std::isfinite(eps)) throw Error("layer norm: eps must be finite and >= 0");
  check_param(weight, x, "weight");
  check_param(bias, x, "bias");
  check_param(next_bias, x, "next_bias");
}

torch::Tensor as_type_of(const torch::Tensor& p, const torch::Tensor& x) {
  return p.defined() ? p.to(x.scalar_type()) : p;
}

#if GESSO_CUDA
cuda::ElementType element_type(torch::ScalarType t) {
  if (const auto type = launcher_type(t)) return *type;
  throw Error("layer norm: the kernel takes float32, float16 or bfloat16");
}

// The kernel reads all three parameters in one type, x's or float32, as 16-byte vectors: when the
// defined ones do not all share x's type they are cast to float32 ([D] tensors, negligible).
torch::ScalarType param_type(const torch::Tensor& x, std::initializer_list<const torch::Tensor*> params) {
  for (const auto* p : params)
    if (p->defined() && p->scalar_type() != x.scalar_type()) return torch::kFloat;
  return x.scalar_type();
}

torch::Tensor kernel_param(const torch::Tensor& p, torch::ScalarType type) {
  if (!p.defined()) return p;
  auto q = p.to(type).contiguous();
  return aligned16(q) ? q : q.clone();
}

NormAndResidual layer_norm_residual_cuda(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                                         double eps, const torch::Tensor& next_bias) {
  const c10::cuda::CUDAGuard device_guard(x.device());
  const auto type = param_type(x, {&weight, &bias, &next_bias});
  const int64_t dim = x.size(-1);
  // The kernel always reads a weight and a bias: SD's norms have both, so these [D] fills are rare.
  const auto w = weight.defined() ? kernel_param(weight, type) : torch::ones({dim}, x.options().dtype(type));
  const auto b = bias.defined() ? kernel_param(bias, type) : torch::zeros({dim}, x.options().dtype(type));
  const auto nb = kernel_param(next_bias, type);
  NormAndResidual out{torch::empty_like(x), torch::empty_like(x)};
  const int rc = cuda::launch_layer_norm_residual(
      x.data_ptr(), element_type(x.scalar_type()), x.numel() / dim, dim, w.data_ptr(), b.data_ptr(),
      nb.defined() ? nb.data_ptr() : nullptr, element_type(type), static_cast<float>(eps), out.normed.data_ptr(),
      out.residual.data_ptr(), c10::cuda::getCurrentCUDAStream().stream());
  if (rc != 0)
    throw Error(std::string("layer norm residual kernel: ") + cudaGetErrorString(static_cast<cudaError_t>(rc)));
  return out;
}
#endif

KernelCheck compare(const char* kernel, const std::string& name, const torch::Tensor& gpu, const torch::Tensor& truth,
                    torch::ScalarType dtype) {
  KernelCheck c{kernel, name};
  const auto g = gpu.cpu().to(torch::kDouble);
  c.max_abs_diff = (g - truth).abs().max().item<double>();
  c.tolerance = rounding_tolerance(dtype) * truth.abs().max().item<double>();
  c.passed = g.sizes() == truth.sizes() && c.max_abs_diff <= c.tolerance;
  return c;
}

// D = 1000 leaves the last lanes without a fourth vector (float16), and as float32 (250 vectors)
// it is nearly the widest row one warp holds.
// The transformer widths of SD 1.5 and SDXL (320 ... 1280) run through check_one at their own
// token counts.
std::vector<KernelCheck> check_one(torch::ScalarType dtype, torch::ScalarType param, const std::string& name,
                                   std::vector<int64_t> shape = {3, 29, 1000}) {
  torch::manual_seed(9);
  const int64_t dim = shape.back();
  const auto x = (torch::randn(shape) * 2.0 + 0.5).to(dtype);
  const auto w = (torch::rand({dim}) + 0.5).to(param);
  const auto b = (torch::randn({dim}) * 0.1).to(param);
  const auto nb = torch::randn({dim}).to(param);
  const auto xg = x.cuda();
  if (!layer_norm_residual_has_kernel(xg)) return {KernelCheck{"layer_norm_residual", name}};
  const auto gpu = layer_norm_residual(xg, w.cuda(), b.cuda(), 1e-5, nb.cuda());
  const auto d = [](const torch::Tensor& t) { return t.to(torch::kDouble); };
  const auto truth = layer_norm_residual_reference(d(x), d(w), d(b), 1e-5, d(nb));
  return {compare("layer_norm_residual (normed)", name, gpu.normed, truth.normed, dtype),
          compare("layer_norm_residual (residual)", name, gpu.residual, truth.residual, dtype)};
}

}  // namespace

NormAndResidual layer_norm_residual_reference(const torch::Tensor& x, const torch::Tensor& weight,
                                              const torch::Tensor& bias, double eps,
                                              const torch::Tensor& next_bias) {
  check_inputs(x, weight, bias, eps, next_bias);
  auto normed = at::layer_norm(x, {x.size(-1)}, as_type_of(weight, x), as_type_of(bias, x), eps);
  auto residual = next_bias.defined() ? x + as_type_of(next_bias, x) : x.clone();
  return {normed.contiguous(), residual.contiguous()};
}

bool layer_norm_residual_has_kernel(const torch::Tensor& x) {
#if GESSO_CUDA
  if (!x.defined() || !x.is_cuda() || !launcher_type(x.scalar_type())) return false;
  if (!x.is_contiguous() || !aligned16(x) || x.dim() < 1) return false;
  const int64_t per_vector = 16 / static_cast<int64_t>(x.element_size());
  const int64_t dim = x.size(-1);
  if (dim == 0 || dim % per_vector != 0 || dim / per_vector > cuda::kLayerNormMaxVectors) return false;
  return x.numel() / dim <= std::numeric_limits<int32_t>::max();
#else
  (void)x;
  return false;
#endif
}

NormAndResidual layer_norm_residual(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                                    double eps, const torch::Tensor& next_bias) {
  check_inputs(x, weight, bias, eps, next_bias);
#if GESSO_CUDA
  if (layer_norm_residual_has_kernel(x)) return layer_norm_residual_cuda(x, weight, bias, eps, next_bias);
#endif
  return layer_norm_residual_reference(x, weight, bias, eps, next_bias);
}

std::vector<KernelCheck> check_layer_norm_residual_kernel() {
  if (!runtime::cuda_available()) return {};
  c10::InferenceMode guard;
  std::vector<KernelCheck> checks;
  for (auto&& c : {check_one(torch::kFloat, torch::kFloat, "float32"), check_one(torch::kHalf, torch::kHalf, "float16"),
                   check_one(torch::kBFloat16, torch::kBFloat16, "bfloat16"),
                   check_one(torch::kHalf, torch::kFloat, "float16, float32 parameters"),
                   check_one(torch::kHalf, torch::kHalf, "float16, SDXL 2x4096x640", {2, 4096, 640}),
                   check_one(torch::kHalf, torch::kHalf, "float16, SDXL 2x1024x1280", {2, 1024, 1280})})
    checks.insert(checks.end(), c.begin(), c.end());
  return checks;
}

}  // namespace gesso::kernels
