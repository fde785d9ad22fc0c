#pragma once
#include <torch/types.h>

#include <vector>

#include "engine/kernels/self_check.h"

namespace gesso::kernels {

// act(group_norm(x + shift[:, :, None, None])) in two kernels (statistics, then normalise + affine
// + activation): the ResNet block's norm1 -> SiLU and (h + temb) -> norm2 -> SiLU.
//   x [N, C, H, W] (f32/f16/bf16, NCHW or channels-last); weight, bias [C] (or undefined: 1, 0);
//   shift [N, C] or undefined; silu: x * sigmoid(x) after the affine.
// Statistics in float32 whatever x's dtype. The result has x's dtype, shape and memory format.
// Runs the CUDA kernel where group_norm_silu_has_kernel allows, the reference otherwise.
torch::Tensor group_norm_silu(const torch::Tensor& x, int64_t groups, const torch::Tensor& weight,
                              const torch::Tensor& bias, double eps, bool silu,
                              const torch::Tensor& shift = {});

// The same through the unfused ATen ops, exactly as the modules ran them before the kernel:
//   in = shift.defined() ? x + shift.unsqueeze(-1).unsqueeze(-1) : x;
//   y = at::group_norm(in, groups, weight, bias, eps, cudnn enabled); silu ? at::silu_(y) : y.
// ATen's CUDA group_norm returns NCHW-contiguous output even for channels-last input.
torch::Tensor group_norm_silu_reference(const torch::Tensor& x, int64_t groups,
                                        const torch::Tensor& weight, const torch::Tensor& bias,
                                        double eps, bool silu, const torch::Tensor& shift = {});

// Whether group_norm_silu would run the CUDA kernel for x with this many groups (weight, bias and
// shift on x's device). False for CPU tensors and in builds without CUDA.
bool group_norm_silu_has_kernel(const torch::Tensor& x, int64_t groups = 32);

// Kernel against reference on random inputs: f32/f16/bf16 x NCHW/NHWC x {plain, silu, shift+silu}.
// Empty when no CUDA device is usable.
std::vector<KernelCheck> check_group_norm_kernel();

}  // namespace gesso::kernels
