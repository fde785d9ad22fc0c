#pragma once
// Host-side launcher of the GEGLU kernel (geglu.cu). Free of torch headers so that nvcc compiles it
// in seconds.
#include <cstdint>

#include "engine/kernels/latent_preview_cuda.h"  // ElementType

namespace gesso::kernels::cuda {

// out[r, j] = (proj[r, j] + bias[j]) * gelu(proj[r, I + j] + bias[I + j]) for r < rows, j < inner.
// proj: [rows, 2 * inner] of `type`; out: [rows, inner] of `type`; bias: 2 * inner values of
// `bias_type` (float32 or `type`), or null. inner must be a multiple of 16 / element size and every
// pointer 16-byte aligned. Returns the cudaError_t of the launch as an int (0 = success).
int launch_geglu(const void* proj, ElementType type, std::int64_t rows, std::int64_t inner, const void* bias,
                 ElementType bias_type, void* out, void* stream);

}  // namespace gesso::kernels::cuda
