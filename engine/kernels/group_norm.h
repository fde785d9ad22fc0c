#pragma once
#include <torch/types.h>

#include <vector>

#include "engine/kernels/self_check.h"

namespace gesso::kernels {

// act(group_norm(x + shift[:, :, None, None])): the ResNet block's norm1 -> SiLU and (h + temb) ->
// norm2 -> SiLU. Two kernels (statistics, then normalise + affine + activation), or one where it
// measured faster (channels-last, sm_90+, small feature maps: group_norm_cluster.cu).
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

// Options of group_norm_silu_joined: channels read from a second tensor, and the input kept.
struct GroupNormSides {
  torch::Tensor x2;          // [N, C2, H, W], x's dtype and layout: channels that follow x's, or undefined
  bool keep_input = false;   // also return z = cat(x, x2) + input_bias
  torch::Tensor input_bias;  // [C1 + C2] or undefined
};

struct GroupNormOutputs {
  torch::Tensor y;  // act(group_norm(cat(x, x2) + shift))
  torch::Tensor z;  // cat(x, x2) + input_bias when keep_input, else undefined
};

// group_norm_silu of cat(x, x2, dim 1), optionally also returning that input (+ input_bias) for a
// second consumer, without the concatenation or the add as passes of their own: on a channels-last
// CUDA tensor (sm_90) one kernel reads x and x2 and writes y and z. The UNet's up blocks normalise
// cat(h, skip) and also feed it to the shortcut convolution; Transformer2D normalises x and adds x
// + proj_out's bias to its output. Elsewhere the ATen concatenation and add around group_norm_silu.
GroupNormOutputs group_norm_silu_joined(const torch::Tensor& x, const GroupNormSides& sides, int64_t groups,
                                        const torch::Tensor& weight, const torch::Tensor& bias, double eps,
                                        bool silu, const torch::Tensor& shift = {});

// The unfused pieces of group_norm_silu_joined, for paths that normalise by other means (the plain
// module path): cat(x, x2), or x itself; and z from that input (undefined without keep_input),
// always a tensor of its own, as the kernel's z is, since consumers accumulate into it.
torch::Tensor joined_input(const torch::Tensor& x, const GroupNormSides& sides);
torch::Tensor kept_input(const torch::Tensor& joined, const GroupNormSides& sides);

// The same through ATen's cat, add and group_norm_silu_reference.
GroupNormOutputs group_norm_silu_joined_reference(const torch::Tensor& x, const GroupNormSides& sides,
                                                  int64_t groups, const torch::Tensor& weight,
                                                  const torch::Tensor& bias, double eps, bool silu,
                                                  const torch::Tensor& shift = {});

// group_norm_silu through the two-kernel path even where the one-pass kernel applies: for the
// benchmark's before/after rows. The reference where no kernel runs.
torch::Tensor group_norm_silu_two_pass(const torch::Tensor& x, int64_t groups, const torch::Tensor& weight,
                                       const torch::Tensor& bias, double eps, bool silu,
                                       const torch::Tensor& shift = {});

// Whether group_norm_silu would run the CUDA kernel for x with this many groups (weight, bias and
// shift on x's device). False for CPU tensors and in builds without CUDA.
bool group_norm_silu_has_kernel(const torch::Tensor& x, int64_t groups = 32);

// Kernel against reference on random inputs: f32/f16/bf16 x NCHW/NHWC x {plain, silu, shift+silu}.
// Empty when no CUDA device is usable.
std::vector<KernelCheck> check_group_norm_kernel();

}  // namespace gesso::kernels
