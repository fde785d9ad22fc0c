#include "engine/kernels/group_norm.h"

#include <torch/torch.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "engine/error.h"
#include "engine/kernels/kernel_inputs.h"
#include "engine/runtime/device.h"

#if GESSO_CUDA
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <cuda_runtime_api.h>

#include "engine/kernels/group_norm_cuda.h"
#endif

namespace gesso::kernels {
namespace {

void check_param(const torch::Tensor& p, const char* name, int64_t channels) {
  if (p.defined() && (p.dim() != 1 || p.size(0) != channels))
    throw Error(std::string("group norm: ") + name + " must be [C] with C = " + std::to_string(channels) +
                ", got " + sizes_text(p));
}

void check_shapes(const torch::Tensor& x, int64_t groups, const torch::Tensor& weight,
                  const torch::Tensor& bias, const torch::Tensor& shift) {
  if (x.dim() != 4) throw Error("group norm: x must be [N, C, H, W], got " + sizes_text(x));
  const int64_t channels = x.size(1);
  if (groups <= 0 || channels % groups != 0)
    throw Error("group norm: " + std::to_string(channels) + " channels do not split into " +
                std::to_string(groups) + " groups");
  check_param(weight, "weight", channels);
  check_param(bias, "bias", channels);
  if (shift.defined() && (shift.dim() != 2 || shift.size(0) != x.size(0) || shift.size(1) != channels))
    throw Error("group norm: shift must be [N, C] = [" + std::to_string(x.size(0)) + ", " +
                std::to_string(channels) + "], got " + sizes_text(shift));
}

#if GESSO_CUDA
std::optional<cuda::GroupNormElement> element_type(torch::ScalarType t) {
  switch (t) {
    case torch::kFloat: return cuda::GroupNormElement::kFloat32;
    case torch::kHalf: return cuda::GroupNormElement::kFloat16;
    case torch::kBFloat16: return cuda::GroupNormElement::kBFloat16;
    default: return std::nullopt;
  }
}

// The kernel's view of x, or nothing when x is not something it handles.
std::optional<cuda::GroupNormShape> kernel_shape(const torch::Tensor& x, int64_t groups) {
  if (!x.is_cuda() || x.dim() != 4 || x.numel() == 0) return std::nullopt;
  const auto type = element_type(x.scalar_type());
  if (!type) return std::nullopt;
  constexpr int64_t kIntMax = std::numeric_limits<int>::max();
  const int64_t pixels = x.size(2) * x.size(3);
  if (x.size(0) > kIntMax || x.size(1) > kIntMax || pixels > kIntMax || groups <= 0 || groups > kIntMax)
    return std::nullopt;
  cuda::GroupNormShape s;
  if (x.is_contiguous()) s.channels_last = false;
  else if (x.is_contiguous(at::MemoryFormat::ChannelsLast)) s.channels_last = true;
  else return std::nullopt;
  if (reinterpret_cast<std::uintptr_t>(x.data_ptr()) % 16 != 0) return std::nullopt;
  s.type = *type;
  s.batch = static_cast<int>(x.size(0));
  s.channels = static_cast<int>(x.size(1));
  s.pixels = static_cast<int>(pixels);
  s.groups = static_cast<int>(groups);
  if (!cuda::group_norm_kernel_supports(s)) return std::nullopt;
  return s;
}

bool on_device_of(const torch::Tensor& p, const torch::Tensor& x) {
  return !p.defined() || p.device() == x.device();
}

// Float parameters go to the kernel in their own dtype (anything else is cast to float32 first),
// 16-byte aligned for its vector loads.
cuda::GroupNormParam kernel_param(const torch::Tensor& p, std::vector<torch::Tensor>& keep) {
  if (!p.defined()) return {};
  auto t = element_type(p.scalar_type()) ? p.contiguous() : p.to(torch::kFloat).contiguous();
  if (reinterpret_cast<std::uintptr_t>(t.data_ptr()) % 16 != 0) t = t.clone();
  keep.push_back(t);
  return {t.data_ptr(), *element_type(t.scalar_type())};
}

// The shift may be columns of a wider matrix (the UNet's batched time embedding): rows used in
// place when each is contiguous and 16-byte aligned, else copied like any parameter.
cuda::GroupNormParam shift_param(const torch::Tensor& shift, std::vector<torch::Tensor>& keep) {
  if (!shift.defined() || shift.is_contiguous() || !element_type(shift.scalar_type())) return kernel_param(shift, keep);
  const auto row_bytes = shift.stride(0) * static_cast<int64_t>(shift.element_size());
  if (shift.stride(1) != 1 || row_bytes % 16 != 0 || reinterpret_cast<std::uintptr_t>(shift.data_ptr()) % 16 != 0)
    return kernel_param(shift, keep);
  return {shift.data_ptr(), *element_type(shift.scalar_type()), static_cast<long>(shift.stride(0))};
}

torch::Tensor group_norm_silu_cuda(const torch::Tensor& x, const cuda::GroupNormShape& shape,
                                   const torch::Tensor& weight, const torch::Tensor& bias, double eps,
                                   bool silu, const torch::Tensor& shift) {
  const c10::cuda::CUDAGuard guard(x.device());
  std::vector<torch::Tensor> keep;
  cuda::GroupNormArgs args;
  args.shape = shape;
  args.weight = kernel_param(weight, keep);
  args.bias = kernel_param(bias, keep);
  args.shift = shift_param(shift, keep);
  args.eps = static_cast<float>(eps);
  args.silu = silu;
  const auto format = shape.channels_last ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
  auto y = torch::empty(x.sizes(), x.options().memory_format(format));
  // Through the caching allocator: stream-ordered and safe inside CUDA-graph capture.
  auto workspace = torch::empty({cuda::group_norm_workspace_floats(shape)}, x.options().dtype(torch::kFloat));
  args.x = x.data_ptr();
  args.y = y.data_ptr();
  args.workspace = workspace.data_ptr<float>();
  const auto stream = c10::cuda::getCurrentCUDAStream(x.device().index()).stream();
  const int rc = cuda::launch_group_norm_silu(args, stream);
  if (rc != 0)
    throw Error(std::string("group norm kernel: ") + cudaGetErrorString(static_cast<cudaError_t>(rc)));
  return y;
}
#endif

}  // namespace

torch::Tensor group_norm_silu_reference(const torch::Tensor& x, int64_t groups, const torch::Tensor& weight,
                                        const torch::Tensor& bias, double eps, bool silu,
                                        const torch::Tensor& shift) {
  check_shapes(x, groups, weight, bias, shift);
  auto in = shift.defined() ? x + shift.unsqueeze(-1).unsqueeze(-1) : x;
  auto y = at::group_norm(in, groups, weight, bias, eps, at::globalContext().userEnabledCuDNN());
  return silu ? at::silu_(y) : y;
}

torch::Tensor group_norm_silu(const torch::Tensor& x, int64_t groups, const torch::Tensor& weight,
                              const torch::Tensor& bias, double eps, bool silu, const torch::Tensor& shift) {
  check_shapes(x, groups, weight, bias, shift);
#if GESSO_CUDA
  if (on_device_of(weight, x) && on_device_of(bias, x) && on_device_of(shift, x))
    if (const auto shape = kernel_shape(x, groups))
      return group_norm_silu_cuda(x, *shape, weight, bias, eps, silu, shift);
#endif
  return group_norm_silu_reference(x, groups, weight, bias, eps, silu, shift);
}

bool group_norm_silu_has_kernel(const torch::Tensor& x, int64_t groups) {
#if GESSO_CUDA
  return kernel_shape(x, groups).has_value();
#else
  (void)x;
  (void)groups;
  return false;
#endif
}

namespace {

// Tolerance relative to the largest output: about two units in the last place of the dtype.
double relative_tolerance(torch::ScalarType dtype) {
  switch (dtype) {
    case torch::kHalf: return 2e-3;
    case torch::kBFloat16: return 1.6e-2;
    default: return 3e-5;
  }
}

// The kernel on x rounded to dtype, against the float32 reference on the same rounded values.
KernelCheck check_case(torch::ScalarType dtype, const std::string& dtype_name, bool channels_last,
                       bool with_shift, bool silu, bool strided_shift = false) {
  torch::manual_seed(23);
  // Channels-last: C/G = 10 puts group edges inside 16-byte vectors, and H*W = 37*53 is odd.
  // NCHW: H*W = 99 puts channel edges inside vectors (C/G * H*W stays a multiple of 8).
  const std::vector<int64_t> size = channels_last ? std::vector<int64_t>{2, 320, 37, 53}
                                                  : std::vector<int64_t>{2, 256, 9, 11};
  const int64_t groups = 32, channels = size[1];
  auto x = torch::randn(size) * 1.5 + torch::randn({1, channels, 1, 1}) * 3.0;
  auto weight = 1.0 + 0.2 * torch::randn({channels});
  auto bias = 0.1 * torch::randn({channels});
  auto shift = with_shift ? torch::randn({size[0], channels}) : torch::Tensor();
  const auto dev = [&](const torch::Tensor& t) { return t.defined() ? t.to(dtype).cuda() : t; };
  auto xd = dev(x);
  if (channels_last) xd = xd.contiguous(at::MemoryFormat::ChannelsLast);
  // Columns of a wider matrix, as the UNet's batched time embedding hands them out.
  const auto shift_d = strided_shift ? torch::cat({dev(shift), dev(shift)}, 1).narrow(1, 16, channels) : dev(shift);
  if (strided_shift) shift = shift_d.to(torch::kFloat).cpu();
  const auto out = group_norm_silu(xd, groups, dev(weight), dev(bias), 1e-5, silu, shift_d);
  const auto f32 = [](const torch::Tensor& t) { return t.defined() ? t.to(torch::kFloat) : t; };
  const auto ref = group_norm_silu_reference(f32(xd), groups, f32(dev(weight)), f32(dev(bias)), 1e-5, silu,
                                             f32(dev(shift)));
  std::string name = std::string("group_norm_silu ") + (channels_last ? "nhwc" : "nchw");
  if (with_shift) name += strided_shift ? " +strided shift" : " +shift";
  if (silu) name += " +silu";
  KernelCheck c{name, dtype_name};
  c.max_abs_diff = (out.to(torch::kFloat) - ref).abs().max().item<double>();
  c.tolerance = relative_tolerance(dtype) * std::max(1.0, ref.abs().max().item<double>());
  const bool layout_kept = out.is_contiguous(channels_last ? at::MemoryFormat::ChannelsLast
                                                           : at::MemoryFormat::Contiguous);
  c.passed = group_norm_silu_has_kernel(xd, groups) && layout_kept && c.max_abs_diff <= c.tolerance;
  return c;
}

}  // namespace

std::vector<KernelCheck> check_group_norm_kernel() {
  if (!runtime::cuda_available()) return {};
  c10::InferenceMode guard;
  std::vector<KernelCheck> checks;
  const std::pair<torch::ScalarType, const char*> dtypes[] = {
      {torch::kFloat, "float32"}, {torch::kHalf, "float16"}, {torch::kBFloat16, "bfloat16"}};
  for (const auto& [dtype, name] : dtypes)
    for (const bool channels_last : {false, true}) {
      checks.push_back(check_case(dtype, name, channels_last, false, false));
      checks.push_back(check_case(dtype, name, channels_last, false, true));
      checks.push_back(check_case(dtype, name, channels_last, true, true));
      checks.push_back(check_case(dtype, name, channels_last, true, true, /*strided_shift=*/true));
    }
  return checks;
}

}  // namespace gesso::kernels
