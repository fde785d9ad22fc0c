#pragma once
// Multi-head attention as diffusers' Attention: to_q / to_k / to_v, attention over heads by the
// run's kernel (attention_dispatch.h: AttnProcessor2_0, AttnProcessor or SlicedAttnProcessor),
// to_out.0. Used for the transformer blocks' self- and cross-attention (sequences) and for the VAE's
// spatial self-attention (group_norm + residual).
#include "engine/models/attention_dispatch.h"
#include "engine/models/layers.h"
#include "engine/models/unet_call.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

#include <optional>

namespace gesso::models {

struct AttentionOptions {
  int64_t query_dim;
  std::optional<int64_t> cross_attention_dim;  // none: keys/values come from the queries' input
  int64_t heads = 8;
  int64_t dim_head = 64;
  bool bias = false;      // on to_q / to_k / to_v
  bool out_bias = true;   // on to_out.0
  // Used by the baddbmm + softmax paths (kPlain, slicing); SDPA ignores them, as in diffusers.
  bool upcast_attention = false;  // QK^T in float32 (the UNet config's upcast_attention)
  bool upcast_softmax = false;    // the softmax in float32 (the VAE's attention)
  bool sliceable = true;          // attention slicing applies (diffusers slices the UNet's only)
  // Spatial (VAE) attention only:
  std::optional<int64_t> norm_num_groups;  // a group_norm before the projections
  double eps = 1e-5;
  bool residual_connection = false;
  double rescale_output_factor = 1.0;
};

class AttentionImpl : public torch::nn::Module {
 public:
  explicit AttentionImpl(const AttentionOptions& options);

  // x: [B, N, query_dim]; context: [B, M, cross_attention_dim], or undefined for self-attention;
  // bias: [B, 1, M] added to the scores (the UNet's encoder_attention_mask), or undefined.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context = {}, const torch::Tensor& bias = {});

  // x: [B, C, H, W] attended over its H*W positions (group_norm, residual and rescale applied).
  torch::Tensor forward_spatial(const torch::Tensor& x);

  // The fused path (kernels::fused): residual + to_out.0's matmul of the attention, accumulated
  // into `residual` in place (the caller has already added to_out.0's bias to it, see out_bias()).
  // Self-attention when `call` is null; else cross-attention on call->context, whose keys and
  // values are this module's columns of call->context_kv when the UNet computed them (one GEMM for
  // every cross-attention), else one GEMM over [to_k; to_v]. The queries, keys and values of
  // self-attention come from one GEMM over [to_q; to_k; to_v]. residual: [B, N, query_dim],
  // contiguous, the caller's own.
  torch::Tensor forward_into(const torch::Tensor& x, const UNetCall* call, torch::Tensor residual);
  const torch::Tensor& out_bias() const { return out_proj_->bias; }

  // The UNet's prepare pass joins the cross-attentions' [to_k; to_v] weights of one context width.
  bool fusable_cross_attention() const { return options_.cross_attention_dim.has_value() && !options_.bias; }
  int64_t cross_attention_dim() const { return options_.cross_attention_dim.value_or(options_.query_dim); }
  int64_t inner_dim() const { return options_.heads * options_.dim_head; }
  const Linear& to_k() const { return to_k_; }
  const Linear& to_v() const { return to_v_; }
  // The prepare pass: the fused path's [to_q; to_k; to_v] (self) or [to_k; to_v] (cross) weights
  // made one storage, so that forward_into's GEMM reads them at no cost.
  void prepare();

 private:
  torch::Tensor heads(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                      const torch::Tensor& bias);
  // [to_q; to_k; to_v] (self-attention) or [to_k; to_v] (cross-attention) as one weight.
  std::vector<torch::Tensor> fused_parts(bool with_q) const;
  // [B, M, 2, inner]: the keys and values of the call's context, from the UNet's columns when given.
  torch::Tensor context_kv(const UNetCall& call);

  AttentionOptions options_;
  GroupNorm group_norm_{nullptr};
  Linear to_q_{nullptr};
  Linear to_k_{nullptr};
  Linear to_v_{nullptr};
  torch::nn::ModuleList to_out_;  // [0]: the output projection (diffusers' [1] is a no-op dropout)
  Linear out_proj_{nullptr};
};
TORCH_MODULE(Attention);

}  // namespace gesso::models
