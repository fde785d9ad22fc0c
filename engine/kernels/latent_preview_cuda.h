#pragma once
// Host-side launcher of the CUDA kernel (latent_preview.cu). Free of torch headers so that nvcc
// compiles it in seconds.
#include <cstdint>

namespace gesso::kernels::cuda {

enum class ElementType { kFloat32, kFloat16, kBFloat16 };

// Returns the cudaError_t of the launch as an int (0 = success).
int launch_latent_to_rgb(const void* latents, ElementType type, int batch, int channels, int height,
                         int width, const float* factors, const float* bias, std::uint8_t* out,
                         void* stream);

}  // namespace gesso::kernels::cuda
