#pragma once
// The end of the ResNet block: conv2's bias and the skip connection added to conv2's output in one
// pass (ATen: the convolution adds its bias in a pass of its own, then the residual add is another).
#include <torch/types.h>

#include <vector>

#include "engine/kernels/self_check.h"

namespace gesso::kernels {

// out += bias[None, :, None, None] + residual, in place; returns out. out: the convolution's output
// computed WITHOUT its bias, [N, C, H, W], the caller's own; residual: same shape; bias: [C].
torch::Tensor add_bias_residual_(torch::Tensor out, const torch::Tensor& bias, const torch::Tensor& residual);
// Plain ATen: out.add_(bias.view({1, C, 1, 1})).add_(residual) — the unfused op order.
torch::Tensor add_bias_residual_reference_(torch::Tensor out, const torch::Tensor& bias, const torch::Tensor& residual);
bool add_bias_residual_has_kernel(const torch::Tensor& out, const torch::Tensor& residual);
std::vector<KernelCheck> check_add_bias_residual_kernel();

}  // namespace gesso::kernels
