#include "engine/models/embeddings.h"

#include <torch/torch.h>

#include <cmath>

namespace gesso::models {

torch::Tensor timestep_embedding(const torch::Tensor& timesteps, int64_t dim, bool flip_sin_to_cos,
                                 double freq_shift, double max_period) {
  TORCH_CHECK(timesteps.dim() == 1, "timestep_embedding expects a 1-d tensor of timesteps");
  const int64_t half = dim / 2;
  // Same operation order as diffusers, so the float32 rounding matches.
  auto exponent = -std::log(max_period) * torch::arange(0, half, timesteps.options().dtype(torch::kFloat));
  exponent = exponent / (static_cast<double>(half) - freq_shift);
  const auto angles = timesteps.unsqueeze(1).to(torch::kFloat) * torch::exp(exponent).unsqueeze(0);
  auto emb = flip_sin_to_cos ? torch::cat({torch::cos(angles), torch::sin(angles)}, -1)
                             : torch::cat({torch::sin(angles), torch::cos(angles)}, -1);
  if (dim % 2 == 1) emb = torch::constant_pad_nd(emb, {0, 1, 0, 0}, 0);
  return emb;
}

TimestepEmbeddingImpl::TimestepEmbeddingImpl(const TimestepEmbeddingOptions& options) : options_(options) {
  linear_1_ = register_module("linear_1", Linear(options.in_channels, options.time_embed_dim));
  linear_2_ = register_module("linear_2", Linear(options.time_embed_dim, options.time_embed_dim));
}

torch::Tensor TimestepEmbeddingImpl::forward(const torch::Tensor& features) {
  auto x = apply_activation(options_.act, linear_1_->forward(features));
  x = linear_2_->forward(x);
  return options_.post_act ? apply_activation(*options_.post_act, x) : x;
}

}  // namespace gesso::models
