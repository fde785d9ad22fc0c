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

constexpr int64_t kIntMax = std::numeric_limits<int>::max();

void check_param(const torch::Tensor& p, const char* name, int64_t channels) {
  if (p.defined() && (p.dim() != 1 || p.size(0) != channels))
    throw Error(std::string("group norm: ") + name + " must be [C] with C = " + std::to_string(channels) +
                ", got " + sizes_text(p));
}

void check_params(int64_t batch, int64_t channels, int64_t groups, const torch::Tensor& weight,
                  const torch::Tensor& bias, const torch::Tensor& shift) {
  if (groups <= 0 || channels % groups != 0)
    throw Error("group norm: " + std::to_string(channels) + " channels do not split into " +
                std::to_string(groups) + " groups");
  check_param(weight, "weight", channels);
  check_param(bias, "bias", channels);
  if (shift.defined() && (shift.dim() != 2 || shift.size(0) != batch || shift.size(1) != channels))
    throw Error("group norm: shift must be [N, C] = [" + std::to_string(batch) + ", " +
                std::to_string(channels) + "], got " + sizes_text(shift));
}

void check_shapes(const torch::Tensor& x, int64_t groups, const torch::Tensor& weight,
                  const torch::Tensor& bias, const torch::Tensor& shift) {
  if (x.dim() != 4) throw Error("group norm: x must be [N, C, H, W], got " + sizes_text(x));
  check_params(x.size(0), x.size(1), groups, weight, bias, shift);
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

// Everything the CUDA path takes besides x and the module's parameters.
struct CudaExtras {
  torch::Tensor x2;          // channels after x's (channels-last, one-pass kernel only)
  bool keep_input = false;   // write z as well
  torch::Tensor input_bias;  // added to z
  bool two_pass = false;     // force the two-kernel path
};

GroupNormOutputs group_norm_silu_cuda(const torch::Tensor& x, const cuda::GroupNormShape& shape,
                                      const torch::Tensor& weight, const torch::Tensor& bias, double eps,
                                      bool silu, const torch::Tensor& shift, const CudaExtras& extras = {}) {
  const c10::cuda::CUDAGuard guard(x.device());
  std::vector<torch::Tensor> keep;
  cuda::GroupNormArgs args;
  args.shape = shape;
  args.weight = kernel_param(weight, keep);
  args.bias = kernel_param(bias, keep);
  args.shift = shift_param(shift, keep);
  args.z_bias = kernel_param(extras.input_bias, keep);
  args.eps = static_cast<float>(eps);
  args.silu = silu;
  args.two_pass = extras.two_pass;
  const auto format = shape.channels_last ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
  std::vector<int64_t> size = x.sizes().vec();
  if (extras.x2.defined()) {
    size[1] += extras.x2.size(1);
    args.x2 = extras.x2.data_ptr();
    args.x_channels = static_cast<int>(x.size(1));
  }
  GroupNormOutputs out;
  out.y = torch::empty(size, x.options().memory_format(format));
  if (extras.keep_input) {
    out.z = torch::empty(size, x.options().memory_format(format));
    args.z = out.z.data_ptr();
  }
  // Through the caching allocator: stream-ordered and safe inside CUDA-graph capture.
  torch::Tensor workspace;
  if (!cuda::group_norm_uses_one_pass(args)) {
    workspace = torch::empty({cuda::group_norm_workspace_floats(shape)}, x.options().dtype(torch::kFloat));
    args.workspace = workspace.data_ptr<float>();
  }
  args.x = x.data_ptr();
  args.y = out.y.data_ptr();
  const auto stream = c10::cuda::getCurrentCUDAStream(x.device().index()).stream();
  const int rc = cuda::launch_group_norm_silu(args, stream);
  if (rc != 0)
    throw Error(std::string("group norm kernel: ") + cudaGetErrorString(static_cast<cudaError_t>(rc)));
  return out;
}

// The one-pass kernel's view of cat(x, x2): both channels-last CUDA tensors of one dtype, device,
// batch and size, 16-byte aligned, the split on a vector boundary.
std::optional<cuda::GroupNormShape> joined_kernel_shape(const torch::Tensor& x, const torch::Tensor& x2,
                                                        int64_t groups) {
  if (!x2.defined()) {
    auto s = kernel_shape(x, groups);
    if (s && cuda::group_norm_one_pass_supports(*s)) return s;
    return std::nullopt;
  }
  if (x2.dim() != 4 || x2.device() != x.device() || x2.scalar_type() != x.scalar_type() ||
      x2.size(0) != x.size(0) || x2.size(2) != x.size(2) || x2.size(3) != x.size(3) ||
      !x.is_contiguous(at::MemoryFormat::ChannelsLast) || !x2.is_contiguous(at::MemoryFormat::ChannelsLast) ||
      reinterpret_cast<std::uintptr_t>(x2.data_ptr()) % 16 != 0 || x.size(1) + x2.size(1) > kIntMax)
    return std::nullopt;
  // kernel_shape checks x alone; the joined shape has both inputs' channels.
  auto s = kernel_shape(x, 1);
  if (!s) return std::nullopt;
  s->channels = static_cast<int>(x.size(1) + x2.size(1));
  s->groups = static_cast<int>(groups);
  if (groups <= 0 || s->channels % groups != 0 || !cuda::group_norm_one_pass_supports(*s, static_cast<int>(x.size(1))))
    return std::nullopt;
  return s;
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

namespace {

// The kernel where one runs (two_pass: the two-kernel path even where the one-pass kernel would
// run), else the reference.
torch::Tensor group_norm_silu_on(const torch::Tensor& x, int64_t groups, const torch::Tensor& weight,
                                 const torch::Tensor& bias, double eps, bool silu, const torch::Tensor& shift,
                                 bool two_pass) {
  check_shapes(x, groups, weight, bias, shift);
#if GESSO_CUDA
  if (on_device_of(weight, x) && on_device_of(bias, x) && on_device_of(shift, x))
    if (const auto shape = kernel_shape(x, groups))
      return group_norm_silu_cuda(x, *shape, weight, bias, eps, silu, shift, {.two_pass = two_pass}).y;
#else
  (void)two_pass;
#endif
  return group_norm_silu_reference(x, groups, weight, bias, eps, silu, shift);
}

}  // namespace

torch::Tensor group_norm_silu(const torch::Tensor& x, int64_t groups, const torch::Tensor& weight,
                              const torch::Tensor& bias, double eps, bool silu, const torch::Tensor& shift) {
  return group_norm_silu_on(x, groups, weight, bias, eps, silu, shift, /*two_pass=*/false);
}

torch::Tensor group_norm_silu_two_pass(const torch::Tensor& x, int64_t groups, const torch::Tensor& weight,
                                       const torch::Tensor& bias, double eps, bool silu, const torch::Tensor& shift) {
  return group_norm_silu_on(x, groups, weight, bias, eps, silu, shift, /*two_pass=*/true);
}

torch::Tensor joined_input(const torch::Tensor& x, const GroupNormSides& sides) {
  return sides.x2.defined() ? torch::cat({x, sides.x2}, 1) : x;
}

torch::Tensor kept_input(const torch::Tensor& joined, const GroupNormSides& sides) {
  if (!sides.keep_input) return {};
  if (sides.input_bias.defined()) return joined + sides.input_bias.view({1, -1, 1, 1});
  return sides.x2.defined() ? joined : joined.clone();
}

namespace {

void check_sides(const torch::Tensor& x, const GroupNormSides& sides) {
  if (x.dim() != 4) throw Error("group norm: x must be [N, C, H, W], got " + sizes_text(x));
  const auto& x2 = sides.x2;
  if (x2.defined() && (x2.dim() != 4 || x2.size(0) != x.size(0) || x2.size(2) != x.size(2) ||
                       x2.size(3) != x.size(3) || x2.scalar_type() != x.scalar_type() || x2.device() != x.device()))
    throw Error("group norm: the second input " + sizes_text(x2) + " must match x " + sizes_text(x) +
                " in batch, height, width, dtype and device");
  const int64_t channels = x.size(1) + (x2.defined() ? x2.size(1) : 0);
  check_param(sides.input_bias, "input bias", channels);
}

void check_joined(const torch::Tensor& x, const GroupNormSides& sides, int64_t groups, const torch::Tensor& weight,
                  const torch::Tensor& bias, const torch::Tensor& shift) {
  check_sides(x, sides);
  const int64_t channels = x.size(1) + (sides.x2.defined() ? sides.x2.size(1) : 0);
  check_params(x.size(0), channels, groups, weight, bias, shift);
}

}  // namespace

GroupNormOutputs group_norm_silu_joined_reference(const torch::Tensor& x, const GroupNormSides& sides,
                                                  int64_t groups, const torch::Tensor& weight,
                                                  const torch::Tensor& bias, double eps, bool silu,
                                                  const torch::Tensor& shift) {
  check_joined(x, sides, groups, weight, bias, shift);
  const auto in = joined_input(x, sides);
  return {group_norm_silu_reference(in, groups, weight, bias, eps, silu, shift), kept_input(in, sides)};
}

GroupNormOutputs group_norm_silu_joined(const torch::Tensor& x, const GroupNormSides& sides, int64_t groups,
                                        const torch::Tensor& weight, const torch::Tensor& bias, double eps,
                                        bool silu, const torch::Tensor& shift) {
  check_joined(x, sides, groups, weight, bias, shift);
#if GESSO_CUDA
  if (on_device_of(weight, x) && on_device_of(bias, x) && on_device_of(shift, x) &&
      on_device_of(sides.input_bias, x)) {
    if (const auto shape = joined_kernel_shape(x, sides.x2, groups)) {
      return group_norm_silu_cuda(x, *shape, weight, bias, eps, silu, shift,
                                  {.x2 = sides.x2, .keep_input = sides.keep_input, .input_bias = sides.input_bias});
    }
  }
#endif
  const auto in = joined_input(x, sides);
  return {group_norm_silu(in, groups, weight, bias, eps, silu, shift), kept_input(in, sides)};
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

bool joined_has_kernel(const torch::Tensor& x, const torch::Tensor& x2, int64_t groups) {
#if GESSO_CUDA
  return joined_kernel_shape(x, x2, groups).has_value();
#else
  (void)x, (void)x2, (void)groups;
  return false;
#endif
}

// One kernel check: the kernel on inputs rounded to dtype against the float32 reference on the same
// rounded values.
struct CheckSpec {
  std::vector<int64_t> size;  // x's [N, C, H, W]
  bool channels_last = true;
  bool shift = false, silu = false, strided_shift = false;
  bool two_pass = false;      // the two-kernel path where the one-pass one would run
  int64_t x2_channels = 0;    // a second input (group_norm_silu_joined)
  bool keep_input = false, input_bias = false;
};

std::string check_name(const CheckSpec& k) {
  std::string name = std::string("group_norm_silu ") + (k.channels_last ? "nhwc" : "nchw");
  if (k.channels_last) name += k.two_pass ? " two-pass" : " one-pass";
  if (k.size[2] * k.size[3] != 37 * 53 && k.size[2] * k.size[3] != 99)
    name += " " + std::to_string(k.size[1] + k.x2_channels) + "x" + std::to_string(k.size[2]) + "x" +
            std::to_string(k.size[3]);
  if (k.x2_channels) name += " +cat";
  if (k.keep_input) name += k.input_bias ? " +input+bias" : " +input";
  if (k.shift) name += k.strided_shift ? " +strided shift" : " +shift";
  if (k.silu) name += " +silu";
  return name;
}

KernelCheck check_case(torch::ScalarType dtype, const std::string& dtype_name, const CheckSpec& k) {
  torch::manual_seed(23);
  const int64_t groups = 32, channels = k.size[1] + k.x2_channels;
  auto x = torch::randn({k.size[0], channels, k.size[2], k.size[3]}) * 1.5 + torch::randn({1, channels, 1, 1}) * 3.0;
  auto weight = 1.0 + 0.2 * torch::randn({channels});
  auto bias = 0.1 * torch::randn({channels});
  auto shift = k.shift ? torch::randn({k.size[0], channels}) : torch::Tensor();
  auto input_bias = k.input_bias ? torch::randn({channels}) : torch::Tensor();
  const auto memory = k.channels_last ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
  const auto dev = [&](const torch::Tensor& t) { return t.defined() ? t.to(dtype).cuda() : t; };
  const auto image = [&](const torch::Tensor& t) { return dev(t).contiguous(memory); };
  // Columns of a wider matrix, as the UNet's batched time embedding hands them out.
  const auto shift_d = k.strided_shift ? torch::cat({dev(shift), dev(shift)}, 1).narrow(1, 16, channels) : dev(shift);
  const auto f32 = [](const torch::Tensor& t) { return t.defined() ? t.to(torch::kFloat) : t; };
  const auto xd = image(x.narrow(1, 0, k.size[1]));
  GroupNormSides sides{.keep_input = k.keep_input, .input_bias = dev(input_bias)};
  if (k.x2_channels) sides.x2 = image(x.narrow(1, k.size[1], k.x2_channels));
  GroupNormOutputs out;
  if (k.x2_channels || k.keep_input)
    out = group_norm_silu_joined(xd, sides, groups, dev(weight), dev(bias), 1e-5, k.silu, shift_d);
  else if (k.two_pass)
    out.y = group_norm_silu_two_pass(xd, groups, dev(weight), dev(bias), 1e-5, k.silu, shift_d);
  else
    out.y = group_norm_silu(xd, groups, dev(weight), dev(bias), 1e-5, k.silu, shift_d);
  const GroupNormSides ref_sides{.x2 = f32(sides.x2), .keep_input = k.keep_input, .input_bias = f32(sides.input_bias)};
  const auto ref = group_norm_silu_joined_reference(f32(xd), ref_sides, groups, f32(dev(weight)), f32(dev(bias)), 1e-5,
                                                    k.silu, f32(shift_d));
  KernelCheck c{check_name(k), dtype_name};
  c.max_abs_diff = (out.y.to(torch::kFloat) - ref.y).abs().max().item<double>();
  c.tolerance = relative_tolerance(dtype) * std::max(1.0, ref.y.abs().max().item<double>());
  bool ok = out.y.is_contiguous(memory) && c.max_abs_diff <= c.tolerance;
  if (k.keep_input) {
    // z is x (+ bias) rounded once: within one unit of the dtype of the largest value.
    const double z_diff = (out.z.to(torch::kFloat) - ref.z).abs().max().item<double>();
    ok = ok && out.z.is_contiguous(memory) &&
         z_diff <= relative_tolerance(dtype) * std::max(1.0, ref.z.abs().max().item<double>());
    c.max_abs_diff = std::max(c.max_abs_diff, z_diff);
  }
  const bool kernel_ran = k.x2_channels || k.keep_input ? joined_has_kernel(xd, sides.x2, groups)
                                                        : group_norm_silu_has_kernel(xd, groups);
  c.passed = kernel_ran && ok;
  return c;
}

}  // namespace

std::vector<KernelCheck> check_group_norm_kernel() {
  if (!runtime::cuda_available()) return {};
  c10::InferenceMode guard;
  std::vector<KernelCheck> checks;
  const std::pair<torch::ScalarType, const char*> dtypes[] = {
      {torch::kFloat, "float32"}, {torch::kHalf, "float16"}, {torch::kBFloat16, "bfloat16"}};
  // Channels-last: C/G = 10 puts group edges inside 16-byte vectors, and H*W = 37*53 is odd.
  // NCHW: H*W = 99 puts channel edges inside vectors (C/G * H*W stays a multiple of 8).
  const std::vector<int64_t> nhwc{2, 320, 37, 53}, nchw{2, 256, 9, 11};
  for (const auto& [dtype, name] : dtypes) {
    for (const bool cl : {false, true})
      for (const bool two_pass : cl ? std::vector<bool>{false, true} : std::vector<bool>{true}) {
        const auto& size = cl ? nhwc : nchw;
        checks.push_back(check_case(dtype, name, {.size = size, .channels_last = cl, .two_pass = two_pass}));
        checks.push_back(check_case(dtype, name, {.size = size, .channels_last = cl, .silu = true, .two_pass = two_pass}));
        checks.push_back(check_case(dtype, name,
                                    {.size = size, .channels_last = cl, .shift = true, .silu = true, .two_pass = two_pass}));
        checks.push_back(check_case(dtype, name, {.size = size, .channels_last = cl, .shift = true, .silu = true,
                                                  .strided_shift = true, .two_pass = two_pass}));
      }
    // The one-pass kernel's extras: the up blocks' cat(h, skip) (C/G = 30: slices of 120 channels
    // with the split at 640 inside one) kept for the shortcut, Transformer2D's input + proj_out bias.
    checks.push_back(check_case(dtype, name, {.size = {2, 640, 19, 23}, .silu = true, .x2_channels = 320,
                                              .keep_input = true}));
    checks.push_back(check_case(dtype, name, {.size = nhwc, .keep_input = true, .input_bias = true}));
  }
  // The UNet's plans at fp16: one block a slice (8x8), clusters of 8 (64x64), many rounds (960 ch).
  for (const auto& size : {std::vector<int64_t>{2, 1280, 8, 8}, std::vector<int64_t>{2, 320, 64, 64},
                           std::vector<int64_t>{2, 640, 32, 32}})
    checks.push_back(check_case(torch::kHalf, "float16", {.size = size, .shift = true, .silu = true}));
  checks.push_back(check_case(torch::kHalf, "float16", {.size = {2, 640, 64, 64}, .silu = true, .x2_channels = 320,
                                                        .keep_input = true}));
  // SDXL at 1024²: 128x128 latents at 320 channels, 1280 at 32x32, its first up block's
  // concatenation (1280 + 1280; the wider ones at 64x64 and 128x128 have no one-pass plan and take
  // the concatenation + two kernels) and a transformer's input + bias.
  for (const auto& size : {std::vector<int64_t>{2, 320, 128, 128}, std::vector<int64_t>{2, 1280, 32, 32}})
    checks.push_back(check_case(torch::kHalf, "float16", {.size = size, .shift = true, .silu = true}));
  checks.push_back(check_case(torch::kHalf, "float16", {.size = {2, 1280, 32, 32}, .silu = true,
                                                        .x2_channels = 1280, .keep_input = true}));
  checks.push_back(check_case(torch::kHalf, "float16", {.size = {2, 1280, 32, 32}, .keep_input = true,
                                                        .input_bias = true}));
  return checks;
}

}  // namespace gesso::kernels
