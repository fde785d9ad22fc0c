#pragma once
// diffusers' BasicTransformerBlock with layer norms: self-attention (attn1), cross-attention on the
// text (attn2), GEGLU feed-forward (ff), each pre-normed (norm1/2/3) and added to its input.
#include "engine/models/layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/normalization.h>

#include "engine/models/attention.h"
#include "engine/models/feed_forward.h"

namespace gesso::models {

struct BasicTransformerBlockOptions {
  int64_t dim;
  int64_t heads;
  int64_t head_dim;
  int64_t cross_attention_dim;
  double norm_eps = 1e-5;
  bool upcast_attention = false;
  bool only_cross_attention = false;  // attn1 is a second cross-attention on the context
};

class BasicTransformerBlockImpl : public torch::nn::Module {
 public:
  explicit BasicTransformerBlockImpl(const BasicTransformerBlockOptions& options);
  // x: [B, N, dim]; call.context: [B, M, cross_attention_dim].
  torch::Tensor forward(const torch::Tensor& x, const UNetCall& call);
  void prepare();  // the fused path's joined projection weights (AttentionImpl::prepare)
  Attention& cross_attention() { return attn2_; }

 private:
  // Each norm also writes the residual stream plus the next projection's bias, and the projection's
  // GEMM accumulates into it: the residual adds and output biases cost no pass of their own.
  torch::Tensor forward_fused(const torch::Tensor& x, const UNetCall& call);

  double eps_;
  LayerNorm norm1_{nullptr};
  bool only_cross_attention_;
  Attention attn1_{nullptr};
  LayerNorm norm2_{nullptr};
  Attention attn2_{nullptr};
  LayerNorm norm3_{nullptr};
  FeedForward ff_{nullptr};
};
TORCH_MODULE(BasicTransformerBlock);

}  // namespace gesso::models
