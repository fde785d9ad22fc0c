#include "engine/kernels/upsample_nearest.h"

#include <tuple>

#include <torch/torch.h>

#include "engine/error.h"
#include "engine/kernels/kernel_inputs.h"
#include "engine/runtime/device.h"

#if GESSO_CUDA
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <cuda_runtime_api.h>

#include "engine/kernels/upsample_nearest_cuda.h"
#endif

namespace gesso::kernels {

torch::Tensor upsample_nearest_2x_reference(const torch::Tensor& x) {
  if (x.dim() != 4) throw Error("nearest upsampling: x must be [N, C, H, W], got " + sizes_text(x));
  return at::upsample_nearest2d(x, std::nullopt, std::vector<double>{2.0, 2.0});
}

bool upsample_nearest_2x_has_kernel(const torch::Tensor& x) {
#if GESSO_CUDA
  if (!x.is_cuda() || x.dim() != 4 || !launcher_type(x.scalar_type())) return false;
  if (!x.is_contiguous(at::MemoryFormat::ChannelsLast) || !aligned16(x)) return false;
  return (x.size(1) * static_cast<int64_t>(x.element_size())) % 16 == 0;
#else
  (void)x;
  return false;
#endif
}

torch::Tensor upsample_nearest_2x(const torch::Tensor& x) {
#if GESSO_CUDA
  if (upsample_nearest_2x_has_kernel(x)) {
    const c10::cuda::CUDAGuard guard(x.device());
    auto y = torch::empty({x.size(0), x.size(1), 2 * x.size(2), 2 * x.size(3)},
                          x.options().memory_format(at::MemoryFormat::ChannelsLast));
    const auto stream = c10::cuda::getCurrentCUDAStream(x.device().index()).stream();
    const int rc = cuda::launch_upsample_nearest_2x(x.data_ptr(), y.data_ptr(), x.size(0), x.size(2), x.size(3),
                                                    x.size(1), static_cast<int>(x.element_size()), stream);
    if (rc != 0)
      throw Error(std::string("nearest upsampling kernel: ") + cudaGetErrorString(static_cast<cudaError_t>(rc)));
    return y;
  }
#endif
  return upsample_nearest_2x_reference(x);
}

std::vector<KernelCheck> check_upsample_nearest_kernel() {
  if (!runtime::cuda_available()) return {};
  c10::InferenceMode guard;
  std::vector<KernelCheck> checks;
  const std::pair<torch::ScalarType, const char*> dtypes[] = {
      {torch::kFloat, "float32"}, {torch::kHalf, "float16"}, {torch::kBFloat16, "bfloat16"}};
  // Odd height and width, two samples: the index arithmetic's edges; then SDXL's two upsamplers.
  std::vector<std::tuple<torch::ScalarType, std::string, std::vector<int64_t>>> cases;
  for (const auto& [dtype, name] : dtypes) cases.emplace_back(dtype, name, std::vector<int64_t>{2, 40, 7, 9});
  cases.emplace_back(torch::kHalf, "float16, SDXL 2x1280x32x32", std::vector<int64_t>{2, 1280, 32, 32});
  cases.emplace_back(torch::kHalf, "float16, SDXL 2x640x64x64", std::vector<int64_t>{2, 640, 64, 64});
  for (const auto& [dtype, name, shape] : cases) {
    torch::manual_seed(5);
    const auto x = torch::randn(shape, torch::dtype(dtype).device(torch::kCUDA)).contiguous(at::MemoryFormat::ChannelsLast);
    const auto y = upsample_nearest_2x(x);
    const auto ref = upsample_nearest_2x_reference(x);
    KernelCheck c{"upsample_nearest_2x nhwc", name};
    c.max_abs_diff = (y.to(torch::kFloat) - ref.to(torch::kFloat)).abs().max().item<double>();
    c.tolerance = 0.0;  // copies: bit for bit
    c.passed = upsample_nearest_2x_has_kernel(x) && y.is_contiguous(at::MemoryFormat::ChannelsLast) &&
               torch::equal(y, ref);
    checks.push_back(c);
  }
  return checks;
}

}  // namespace gesso::kernels
