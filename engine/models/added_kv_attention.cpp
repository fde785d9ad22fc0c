#include "engine/models/added_kv_attention.h"

#include <torch/torch.h>

#include "engine/error.h"
#include "engine/models/attention_dispatch.h"

namespace gesso::models {
namespace {

// diffusers' Attention defaults for these blocks: eps 1e-5, cross_attention_norm_num_groups 32.
constexpr double kNormEps = 1e-5;
constexpr int64_t kCrossNormGroups = 32;

// [B, C, H, W] -> [B, H*W, C]: a view when x is channels-last.
torch::Tensor to_sequence(const torch::Tensor& t) {
  return t.permute({0, 2, 3, 1}).reshape({t.size(0), t.size(2) * t.size(3), -1});
}

}  // namespace

AddedKVAttentionImpl::AddedKVAttentionImpl(const AddedKVAttentionOptions& o) : options_(o) {
  if (o.dim_head <= 0 || o.query_dim % o.dim_head != 0)
    throw Error("AddedKVAttention: " + std::to_string(o.query_dim) + " channels do not split into heads of " +
                std::to_string(o.dim_head));
  heads_ = o.query_dim / o.dim_head;
  const auto inner = heads_ * o.dim_head;
  group_norm_ = register_module("group_norm", GroupNorm(o.norm_num_groups, o.query_dim, kNormEps));
  // diffusers normalises the context before its projection, so a group norm has the context's
  // channels; its layer norm takes cross_attention_dim, which these blocks set to query_dim.
  if (o.cross_attention_norm == CrossAttentionNorm::GroupNorm)
    norm_cross_group_ = register_module("norm_cross", GroupNorm(kCrossNormGroups, o.added_kv_proj_dim, kNormEps));
  else if (o.cross_attention_norm == CrossAttentionNorm::LayerNorm)
    norm_cross_layer_ = register_module("norm_cross", LayerNorm(o.query_dim, kNormEps));
  to_q_ = register_module("to_q", Linear(o.query_dim, inner, true));
  if (!o.only_cross_attention) {
    to_k_ = register_module("to_k", Linear(o.query_dim, inner, true));
    to_v_ = register_module("to_v", Linear(o.query_dim, inner, true));
  }
  add_k_proj_ = register_module("add_k_proj", Linear(o.added_kv_proj_dim, inner, true));
  add_v_proj_ = register_module("add_v_proj", Linear(o.added_kv_proj_dim, inner, true));
  to_out_ = register_module("to_out", torch::nn::ModuleList());
  out_proj_ = Linear(inner, o.query_dim, true);
  to_out_->push_back(out_proj_);
}

torch::Tensor AddedKVAttentionImpl::context_of(const torch::Tensor& context) {
  if (norm_cross_group_) return norm_cross_group_->forward(context.transpose(1, 2)).transpose(1, 2);
  if (norm_cross_layer_) return norm_cross_layer_->forward(context);
  return context;
}

// diffusers pads the context's mask with zeros to cover the map's own keys (prepare_attention_mask).
torch::Tensor AddedKVAttentionImpl::bias_of(const UNetCall& call, int64_t own_tokens) const {
  if (!call.context_bias.defined() || options_.only_cross_attention) return call.context_bias;
  return torch::constant_pad_nd(call.context_bias, {0, own_tokens}, 0);
}

torch::Tensor AddedKVAttentionImpl::forward(const torch::Tensor& x, const UNetCall& call) {
  if (!call.context.defined()) throw Error("AddedKVAttention: the call has no context");
  const auto context = context_of(call.context);
  const auto h = to_sequence(group_norm_->forward(x));
  const auto q = to_q_->forward(h);
  auto k = add_k_proj_->forward(context);
  auto v = add_v_proj_->forward(context);
  if (!options_.only_cross_attention) {
    k = torch::cat({k, to_k_->forward(h)}, 1);
    v = torch::cat({v, to_v_->forward(h)}, 1);
  }
  const AttentionParams params{.heads = heads_, .upcast_softmax = true, .bias = bias_of(call, h.size(1))};
  const auto out = out_proj_->forward(dispatch_attention(q, k, v, params));
  // [B, H*W, C] back to the map's shape and layout, plus the input (the processor's residual).
  return out.reshape({x.size(0), x.size(2), x.size(3), -1}).permute({0, 3, 1, 2}).contiguous(x.suggest_memory_format()) +
         x;
}

}  // namespace gesso::models
