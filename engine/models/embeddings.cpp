#include "engine/models/embeddings.h"

#include <torch/torch.h>

#include <cmath>

#include "engine/models/parameter_cache.h"

namespace gesso::models {

torch::Tensor timestep_frequencies(int64_t half, double freq_shift, double max_period, const torch::Device& device) {
  // Same operation order as diffusers, so the float32 rounding matches.
  auto exponent = -std::log(max_period) * torch::arange(0, half, torch::TensorOptions(torch::kFloat).device(device));
  exponent = exponent / (static_cast<double>(half) - freq_shift);
  return torch::exp(exponent);
}

torch::Tensor timestep_embedding(const torch::Tensor& timesteps, const torch::Tensor& frequencies, int64_t dim,
                                 bool flip_sin_to_cos) {
  TORCH_CHECK(timesteps.dim() == 1, "timestep_embedding expects a 1-d tensor of timesteps");
  TORCH_CHECK(frequencies.dim() == 1 && frequencies.size(0) == dim / 2 && frequencies.scalar_type() == torch::kFloat,
              "timestep_embedding: the frequency table must be [dim / 2] float32");
  const auto angles = timesteps.unsqueeze(1).to(torch::kFloat) * frequencies.unsqueeze(0);
  auto emb = flip_sin_to_cos ? torch::cat({torch::cos(angles), torch::sin(angles)}, -1)
                             : torch::cat({torch::sin(angles), torch::cos(angles)}, -1);
  if (dim % 2 == 1) emb = torch::constant_pad_nd(emb, {0, 1, 0, 0}, 0);
  return emb;
}

torch::Tensor timestep_embedding(const torch::Tensor& timesteps, int64_t dim, bool flip_sin_to_cos,
                                 double freq_shift, double max_period) {
  TORCH_CHECK(timesteps.dim() == 1, "timestep_embedding expects a 1-d tensor of timesteps");
  return timestep_embedding(timesteps, timestep_frequencies(dim / 2, freq_shift, max_period, timesteps.device()), dim,
                            flip_sin_to_cos);
}

torch::Tensor TimestepFrequencies::get(int64_t half, double freq_shift, double max_period,
                                       const torch::Device& device) {
  if (table_.defined() && half == half_ && freq_shift == freq_shift_ && max_period == max_period_ &&
      table_.device() == device)
    return table_;
  auto table = timestep_frequencies(half, freq_shift, max_period, device);
  if (capturing_cuda_graph(device)) return table;  // not kept: see ParameterCache (CUDA graphs)
  half_ = half;
  freq_shift_ = freq_shift;
  max_period_ = max_period;
  table_ = std::move(table);
  return table_;
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
