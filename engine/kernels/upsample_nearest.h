#pragma once
// Nearest-neighbour 2x upsampling, the first half of the UNet's Upsample2D: a 16-byte-vector copy
// kernel for channels-last CUDA tensors, ATen's upsample_nearest2d elsewhere. Both give the same
// values (each output pixel is a copy of one input pixel).
#include <torch/types.h>

#include <vector>

#include "engine/kernels/self_check.h"

namespace gesso::kernels {

// x [N, C, H, W] -> [N, C, 2H, 2W] in x's memory format.
torch::Tensor upsample_nearest_2x(const torch::Tensor& x);
// F.interpolate(x, scale_factor=2, mode="nearest"), as diffusers calls it.
torch::Tensor upsample_nearest_2x_reference(const torch::Tensor& x);
bool upsample_nearest_2x_has_kernel(const torch::Tensor& x);
std::vector<KernelCheck> check_upsample_nearest_kernel();

}  // namespace gesso::kernels
