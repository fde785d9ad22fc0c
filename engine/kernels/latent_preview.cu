#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include "engine/kernels/latent_preview_cuda.h"
#include "engine/kernels/vector_access.cuh"

namespace gesso::kernels::cuda {
namespace {

constexpr int kMaxChannels = 16;

using vector_access::to_float;

// One thread per output pixel; channel planes are read with a stride of H*W, which is coalesced
// across the warp because neighbouring threads own neighbouring pixels.
template <typename T>
__global__ void latent_to_rgb_kernel(const T* __restrict__ latents, int channels, int plane,
                                     long total, const float* __restrict__ factors,
                                     const float* __restrict__ bias, std::uint8_t* __restrict__ out) {
  const long i = blockIdx.x * static_cast<long>(blockDim.x) + threadIdx.x;
  if (i >= total) return;
  const long b = i / plane;
  const long p = i % plane;
  const T* src = latents + b * channels * static_cast<long>(plane) + p;
  float rgb[3] = {bias[0], bias[1], bias[2]};
  for (int c = 0; c < channels; ++c) {
    const float v = to_float(src[static_cast<long>(c) * plane]);
    rgb[0] += v * factors[c * 3 + 0];
    rgb[1] += v * factors[c * 3 + 1];
    rgb[2] += v * factors[c * 3 + 2];
  }
  for (int k = 0; k < 3; ++k) {
    const float s = rintf((rgb[k] + 1.0f) * 127.5f);
    out[i * 3 + k] = static_cast<std::uint8_t>(fminf(fmaxf(s, 0.0f), 255.0f));
  }
}

template <typename T>
int launch(const void* latents, int batch, int channels, int plane, const float* factors,
           const float* bias, std::uint8_t* out, cudaStream_t stream) {
  const long total = static_cast<long>(batch) * plane;
  if (total == 0) return 0;
  constexpr int kThreads = 256;
  const unsigned blocks = static_cast<unsigned>((total + kThreads - 1) / kThreads);
  latent_to_rgb_kernel<T><<<blocks, kThreads, 0, stream>>>(static_cast<const T*>(latents), channels,
                                                           plane, total, factors, bias, out);
  return static_cast<int>(cudaGetLastError());
}

}  // namespace

int launch_latent_to_rgb(const void* latents, ElementType type, int batch, int channels, int height,
                         int width, const float* factors, const float* bias, std::uint8_t* out,
                         void* stream) {
  if (channels > kMaxChannels) return static_cast<int>(cudaErrorInvalidValue);
  const int plane = height * width;
  auto s = static_cast<cudaStream_t>(stream);
  switch (type) {
    case ElementType::kFloat32: return launch<float>(latents, batch, channels, plane, factors, bias, out, s);
    case ElementType::kFloat16: return launch<__half>(latents, batch, channels, plane, factors, bias, out, s);
    case ElementType::kBFloat16: return launch<__nv_bfloat16>(latents, batch, channels, plane, factors, bias, out, s);
  }
  return static_cast<int>(cudaErrorInvalidValue);
}

}  // namespace gesso::kernels::cuda
