#pragma once
// Timestep embeddings: the sinusoidal projection (diffusers' get_timestep_embedding / Timesteps,
// no parameters) and the two-layer MLP that follows it (TimestepEmbedding: linear_1, linear_2).
#include "engine/models/layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>

#include <optional>

#include "engine/models/activation.h"

namespace gesso::models {

// [N] timesteps (integer or fractional) -> [N, dim] float32 features, sin half first unless
// flip_sin_to_cos. Frequencies are exp(-ln(max_period) * i / (dim/2 - freq_shift)).
torch::Tensor timestep_embedding(const torch::Tensor& timesteps, int64_t dim, bool flip_sin_to_cos,
                                 double freq_shift, double max_period = 10000.0);

struct TimestepEmbeddingOptions {
  int64_t in_channels;
  int64_t time_embed_dim;
  Activation act = Activation::SiLU;
  std::optional<Activation> post_act;  // diffusers' timestep_post_act
};

class TimestepEmbeddingImpl : public torch::nn::Module {
 public:
  explicit TimestepEmbeddingImpl(const TimestepEmbeddingOptions& options);
  torch::Tensor forward(const torch::Tensor& features);

 private:
  TimestepEmbeddingOptions options_;
  Linear linear_1_{nullptr};
  Linear linear_2_{nullptr};
};
TORCH_MODULE(TimestepEmbedding);

}  // namespace gesso::models
