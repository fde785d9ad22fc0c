#pragma once
// The transformer blocks' feed-forward network: GEGLU (net.0.proj: dim -> 2 * inner, the second
// half gating the first through GELU), then net.2: inner -> dim.
#include "engine/models/layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/linear.h>

namespace gesso::models {

class GEGLUImpl : public torch::nn::Module {
 public:
  GEGLUImpl(int64_t dim_in, int64_t dim_out);
  torch::Tensor forward(const torch::Tensor& x);
  // The projection without its bias, then bias + GELU gate in one kernel (kernels/geglu.h).
  torch::Tensor forward_fused(const torch::Tensor& x);

 private:
  Linear proj_{nullptr};
};
TORCH_MODULE(GEGLU);

class FeedForwardImpl : public torch::nn::Module {
 public:
  // inner = dim * mult, as diffusers' FeedForward(dim, mult=4, activation_fn="geglu").
  explicit FeedForwardImpl(int64_t dim, int64_t mult = 4);
  torch::Tensor forward(const torch::Tensor& x);
  // The fused path: residual + the network's output without net.2's bias, accumulated into
  // `residual` in place (the caller has added out_bias() to it already).
  torch::Tensor forward_into(const torch::Tensor& x, torch::Tensor residual);
  const torch::Tensor& out_bias() const { return out_->bias; }

 private:
  torch::nn::ModuleList net_;
  GEGLU geglu_{nullptr};
  Linear out_{nullptr};
};
TORCH_MODULE(FeedForward);

}  // namespace gesso::models
