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
inline constexpr double kTimestepMaxPeriod = 10000.0;  // diffusers' default max_period
torch::Tensor timestep_embedding(const torch::Tensor& timesteps, int64_t dim, bool flip_sin_to_cos,
                                 double freq_shift, double max_period = kTimestepMaxPeriod);
// The same with the frequency table given: timestep_frequencies(dim / 2, freq_shift, max_period,
// timesteps.device()), or its cached copy (TimestepFrequencies). Bit-identical to the above.
torch::Tensor timestep_embedding(const torch::Tensor& timesteps, const torch::Tensor& frequencies, int64_t dim,
                                 bool flip_sin_to_cos);

// The timestep-independent part of timestep_embedding: [half] float32 on `device`,
// exp(-ln(max_period) * arange(half) / (half - freq_shift)), with diffusers' operation order.
torch::Tensor timestep_frequencies(int64_t half, double freq_shift, double max_period, const torch::Device& device);

// timestep_frequencies computed once and reused (a UNet's every call needs the same table): one
// entry, recomputed when any of (half, freq_shift, max_period, device) differs from the last call.
// The table is a constant, so nothing else invalidates it. As ParameterCache, a miss during a CUDA
// graph capture computes a table without keeping it. Not thread-safe (one per module).
class TimestepFrequencies {
 public:
  torch::Tensor get(int64_t half, double freq_shift, double max_period, const torch::Device& device);

 private:
  int64_t half_ = 0;
  double freq_shift_ = 0, max_period_ = 0;
  torch::Tensor table_;  // undefined until the first get()
};

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
