#pragma once
#include <torch/types.h>

#include <vector>

#include "engine/kernels/self_check.h"

namespace gesso::kernels {

// diffusers' GEGLU after its projection. proj is x @ W^T WITHOUT the projection's bias,
// [..., 2 * I]; bias is that bias, [2 * I], or undefined. With a and g the two halves of the last
// dimension, returns (a + bias[:I]) * gelu(g + bias[I:]), gelu the exact erf form, as [..., I] in
// proj's dtype. The CUDA kernel reads the doubled projection once and writes the result once,
// computing in float32 with one rounding; anything it does not take goes to the reference.
torch::Tensor geglu(const torch::Tensor& proj, const torch::Tensor& bias);

// The plain-ATen path, diffusers' op order: p = proj + bias; a, g = p.chunk(2, -1); a * gelu(g).
// The bias is taken in proj's dtype (a no-op when they match), so the result keeps proj's dtype.
torch::Tensor geglu_reference(const torch::Tensor& proj, const torch::Tensor& bias);

// Whether geglu() runs the CUDA kernel on this projection: a CUDA build, a contiguous 16-byte
// aligned CUDA tensor of float32/float16/bfloat16 whose I is a multiple of 16 bytes' worth.
bool geglu_has_kernel(const torch::Tensor& proj);

// The kernel against its reference evaluated in float64, per dtype. Empty without a CUDA device.
std::vector<KernelCheck> check_geglu_kernel();

}  // namespace gesso::kernels
