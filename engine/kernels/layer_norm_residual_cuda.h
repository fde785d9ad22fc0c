#pragma once
// Host-side launcher of the LayerNorm + residual kernel (layer_norm_residual.cu). Free of torch
// headers so that nvcc compiles it in seconds.
#include <cstdint>

#include "engine/kernels/latent_preview_cuda.h"  // ElementType

namespace gesso::kernels::cuda {

// The widest row the kernel keeps in registers, in 16-byte vectors (2048 halfs, 1024 floats).
constexpr int kLayerNormMaxVectors = 256;

// For each of `rows` rows of `dim` values of x: normed = (x - mean) * rsqrt(var + eps) * weight + bias
// and residual = x + next_bias. x, normed, residual: `type`; weight, bias, next_bias: `param_type`
// (float32 or `type`); weight and bias are required, next_bias may be null (residual is then a bit
// copy of x). dim must be a multiple of 16 / element size, at most kLayerNormMaxVectors vectors, and
// every pointer 16-byte aligned.
// Returns the cudaError_t of the launch as an int (0 = success).
int launch_layer_norm_residual(const void* x, ElementType type, std::int64_t rows, std::int64_t dim,
                               const void* weight, const void* bias, const void* next_bias,
                               ElementType param_type, float eps, void* normed, void* residual,
                               void* stream);

}  // namespace gesso::kernels::cuda
