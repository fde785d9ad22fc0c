#pragma once
// The VAE encoder's posterior: a diagonal Gaussian per latent element (diffusers'
// DiagonalGaussianDistribution).
#include <torch/types.h>

#include "engine/runtime/batch_generator.h"

namespace gesso::models {

struct DiagonalGaussian {
  torch::Tensor mean;
  torch::Tensor logvar;  // clamped to [-30, 20]
  torch::Tensor std;     // exp(logvar / 2)

  // moments: [B, 2 * latent_channels, h, w], the mean's channels first.
  static DiagonalGaussian from_moments(const torch::Tensor& moments);

  // mean + std * noise, the noise drawn like diffusers' randn_tensor: on the generator's device
  // (CPU generators give the same numbers on every machine; a list draws row i from generator i),
  // in the mean's dtype, then moved to the mean's device. Without a generator, from the default
  // generator on the mean's device.
  torch::Tensor sample(const runtime::BatchGenerator& generator = {}) const;

  // The posterior of one image for `n` images (mean and std repeated): sampled with a generator
  // per image, each image draws its own noise (diffusers' img2img with a list of generators).
  DiagonalGaussian repeated(int64_t n) const;

  torch::Tensor mode() const { return mean; }
};

}  // namespace gesso::models
