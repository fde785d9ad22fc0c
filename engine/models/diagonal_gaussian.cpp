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

torch::Tensor DiagonalGaussian::sample(const runtime::BatchGenerator& generator) const {
  const auto noise = generator.randn(mean.sizes(), mean.options()).to(mean.device());
  return mean + std * noise;
}

DiagonalGaussian DiagonalGaussian::repeated(int64_t n) const {
  // torch.cat, as diffusers' img2img duplicates the image: cat keeps the encoder's layout.
  const auto times = [n](const torch::Tensor& t) { return torch::cat(std::vector<torch::Tensor>(n, t)); };
  return {times(mean), times(logvar), times(std)};
}

}  // namespace gesso::models
