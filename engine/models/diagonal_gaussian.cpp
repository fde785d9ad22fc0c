#include "engine/models/diagonal_gaussian.h"

#include <torch/torch.h>

namespace gesso::models {

DiagonalGaussian DiagonalGaussian::from_moments(const torch::Tensor& moments) {
  const auto halves = moments.chunk(2, 1);
  DiagonalGaussian g;
  g.mean = halves[0];
  g.logvar = torch::clamp(halves[1], -30.0, 20.0);
  g.std = torch::exp(0.5 * g.logvar);
  return g;
}

torch::Tensor DiagonalGaussian::sample(std::optional<torch::Generator> generator) const {
  const auto draw_device = generator ? generator->device() : mean.device();
  const auto noise =
      torch::randn(mean.sizes(), generator, mean.options().device(draw_device)).to(mean.device());
  return mean + std * noise;
}

}  // namespace gesso::models
