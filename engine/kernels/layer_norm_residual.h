#pragma once
#include <torch/types.h>

#include <vector>

#include "engine/kernels/self_check.h"

namespace gesso::kernels {

struct NormAndResidual {
  torch::Tensor normed, residual;
};

// For the pre-norm transformer block: normed = layer_norm(x, [D], weight, bias, eps) and
// residual = x + next_bias (a fresh contiguous tensor even when next_bias is undefined: then a
// copy of x), both from one pass over x. The caller accumulates the next projection's GEMM into
// `residual` in place (residual.view({-1, D}).addmm_(a, W.t())), which folds both the residual add
// and that projection's bias into the GEMM. x: [..., D]; weight, bias, next_bias: [D] or
// undefined, on x's device. Outputs have x's dtype.
NormAndResidual layer_norm_residual(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                                    double eps, const torch::Tensor& next_bias);

// The plain-ATen path: { at::layer_norm(x, {D}, weight, bias, eps), x + next_bias or x.clone() },
// the parameters taken in x's dtype (a no-op when they match).
NormAndResidual layer_norm_residual_reference(const torch::Tensor& x, const torch::Tensor& weight,
                                              const torch::Tensor& bias, double eps,
                                              const torch::Tensor& next_bias);

// Whether layer_norm_residual() runs the CUDA kernel on x: a CUDA build, a contiguous 16-byte
// aligned CUDA tensor of float32/float16/bfloat16 whose D is a multiple of 16 bytes' worth and at
// most 2048 halfs (1024 floats), the widest row one warp keeps in registers.
bool layer_norm_residual_has_kernel(const torch::Tensor& x);

// The kernel against its reference evaluated in float64, per dtype and output. Empty without a
// CUDA device.
std::vector<KernelCheck> check_layer_norm_residual_kernel();

}  // namespace gesso::kernels
