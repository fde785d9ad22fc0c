#pragma once
#include <torch/types.h>

namespace gesso::kernels {

// Cheap step preview: a linear map from latent channels to RGB, done per pixel.
//   latents [B, C, H, W] (f32/f16/bf16), factors [C, 3] f32, bias [3] f32
//   -> [B, H, W, 3] uint8, value = clamp(round((latent . factor + bias + 1) * 127.5), 0, 255).
// Runs the CUDA kernel for CUDA tensors when built with CUDA, the ATen reference otherwise.
torch::Tensor latent_to_rgb(const torch::Tensor& latents, const torch::Tensor& factors,
                            const torch::Tensor& bias);

// The plain-ATen path: the reference the kernel is tested against, and the CPU implementation.
torch::Tensor latent_to_rgb_reference(const torch::Tensor& latents, const torch::Tensor& factors,
                                      const torch::Tensor& bias);

// Least-squares fit of SD 1.x/2.x latents to their decoded RGB (rows: latent channels).
torch::Tensor sd_latent_rgb_factors();

}  // namespace gesso::kernels
