#include "engine/kernels/latent_preview.h"

#include <torch/torch.h>

#include "engine/error.h"

#if GESSO_CUDA
#include <c10/cuda/CUDAStream.h>
#include <cuda_runtime_api.h>

#include "engine/kernels/latent_preview_cuda.h"
#endif

namespace gesso::kernels {
namespace {

void check_shapes(const torch::Tensor& latents, const torch::Tensor& factors,
                  const torch::Tensor& bias) {
  if (latents.dim() != 4) throw Error("latent preview: latents must be [B, C, H, W]");
  if (factors.dim() != 2 || factors.size(0) != latents.size(1) || factors.size(1) != 3)
    throw Error("latent preview: factors must be [C, 3] with C = latent channels");
  if (bias.numel() != 3) throw Error("latent preview: bias must have 3 values");
}

#if GESSO_CUDA
cuda::ElementType element_type(const torch::Tensor& t) {
  switch (t.scalar_type()) {
    case torch::kFloat: return cuda::ElementType::kFloat32;
    case torch::kHalf: return cuda::ElementType::kFloat16;
    case torch::kBFloat16: return cuda::ElementType::kBFloat16;
    default: throw Error("latent preview: latents must be float32, float16 or bfloat16");
  }
}

torch::Tensor latent_to_rgb_cuda(const torch::Tensor& latents, const torch::Tensor& factors,
                                 const torch::Tensor& bias) {
  const auto lat = latents.contiguous();
  const auto f = factors.to(lat.device(), torch::kFloat).contiguous();
  const auto b = bias.to(lat.device(), torch::kFloat).contiguous();
  auto out = torch::empty({lat.size(0), lat.size(2), lat.size(3), 3},
                          lat.options().dtype(torch::kUInt8));
  const int rc = cuda::launch_latent_to_rgb(
      lat.data_ptr(), element_type(lat), static_cast<int>(lat.size(0)), static_cast<int>(lat.size(1)),
      static_cast<int>(lat.size(2)), static_cast<int>(lat.size(3)), f.data_ptr<float>(),
      b.data_ptr<float>(), out.data_ptr<std::uint8_t>(), c10::cuda::getCurrentCUDAStream().stream());
  if (rc != 0)
    throw Error(std::string("latent preview kernel: ") + cudaGetErrorString(static_cast<cudaError_t>(rc)));
  return out;
}
#endif

}  // namespace

torch::Tensor latent_to_rgb_reference(const torch::Tensor& latents, const torch::Tensor& factors,
                                      const torch::Tensor& bias) {
  check_shapes(latents, factors, bias);
  const auto f = factors.to(latents.device(), torch::kFloat);
  const auto b = bias.to(latents.device(), torch::kFloat).reshape({3});
  auto rgb = torch::matmul(latents.to(torch::kFloat).permute({0, 2, 3, 1}), f) + b;
  return ((rgb + 1.0) * 127.5).round().clamp(0, 255).to(torch::kUInt8).contiguous();
}

torch::Tensor latent_to_rgb(const torch::Tensor& latents, const torch::Tensor& factors,
                            const torch::Tensor& bias) {
  check_shapes(latents, factors, bias);
#if GESSO_CUDA
  if (latents.is_cuda()) return latent_to_rgb_cuda(latents, factors, bias);
#endif
  return latent_to_rgb_reference(latents, factors, bias);
}

torch::Tensor sd_latent_rgb_factors() {
  // Rows: latent channels 0..3; columns: R, G, B.
  return torch::tensor({{0.298f, 0.207f, 0.208f},
                        {0.187f, 0.286f, 0.173f},
                        {-0.158f, 0.189f, 0.264f},
                        {-0.184f, -0.271f, -0.473f}});
}

}  // namespace gesso::kernels
