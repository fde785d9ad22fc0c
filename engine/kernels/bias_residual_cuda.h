#pragma once
// Host-side launcher of the bias + residual kernel (bias_residual.cu). Free of torch headers so that
// nvcc compiles it in seconds.
#include <cstdint>

#include "engine/kernels/latent_preview_cuda.h"  // ElementType

namespace gesso::kernels::cuda {

// out[i] += bias[channel(i)] + residual[i] over `total` elements of `type`, where channel(i) is
// i % channels (channels-last) or (i / plane) % channels (NCHW). bias: contiguous, float32 or `type`
// (read as it is: a per-call cast would be a kernel of its own). Every pointer 16-byte aligned; the
// vector width (16 bytes) must divide channels (channels-last) or plane (NCHW).
// Returns the cudaError_t of the launch as an int (0 = success).
int launch_add_bias_residual(void* out, const void* residual, const void* bias, bool bias_float32, ElementType type,
                             std::int64_t total, std::int64_t channels, std::int64_t plane, bool channels_last,
                             void* stream);

}  // namespace gesso::kernels::cuda
