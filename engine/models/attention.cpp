#include "engine/models/attention.h"

#include <torch/torch.h>

#include "engine/models/concatenated_weights.h"

namespace gesso::models {

namespace {

Linear linear(int64_t in, int64_t out, bool bias) {
  return Linear(in, out, bias);
}

}  // namespace

AttentionImpl::AttentionImpl(const AttentionOptions& options) : options_(options) {
  const auto inner = options.heads * options.dim_head;
  const auto kv_dim = options.cross_attention_dim.value_or(options.query_dim);
  if (options.norm_num_groups) {
    group_norm_ = register_module(
        "group_norm",
        GroupNorm(*options.norm_num_groups, options.query_dim, options.eps));
  }
  to_q_ = register_module("to_q", linear(options.query_dim, inner, options.bias));
  to_k_ = register_module("to_k", linear(kv_dim, inner, options.bias));
  to_v_ = register_module("to_v", linear(kv_dim, inner, options.bias));
  to_out_ = register_module("to_out", torch::nn::ModuleList());
  out_proj_ = linear(inner, options.query_dim, options.out_bias);
  to_out_->push_back(out_proj_);
}

torch::Tensor AttentionImpl::heads(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                   const torch::Tensor& bias) {
  const AttentionParams params{.heads = options_.heads,
                               .upcast_attention = options_.upcast_attention,
                               .upcast_softmax = options_.upcast_softmax,
                               .sliceable = options_.sliceable,
                               .bias = bias};
  return dispatch_attention(q, k, v, params);
}

std::vector<torch::Tensor> AttentionImpl::fused_parts(bool with_q) const {
  std::vector<torch::Tensor> parts;
  if (with_q) parts.push_back(to_q_->weight);
  parts.push_back(to_k_->weight);
  parts.push_back(to_v_->weight);
  return parts;
}

void AttentionImpl::prepare() {
  if (!options_.bias) concatenated_in_place(fused_parts(!options_.cross_attention_dim));
}

torch::Tensor AttentionImpl::context_kv(const UNetCall& call) {
  const auto& context = call.context;
  const auto b = context.size(0), m = context.size(1), inner = inner_dim();
  const auto kv = call.context_kv_for(this, 2 * inner);
  if (kv.defined() && kv.size(0) == b && kv.size(1) == m)
    return kv.view({b, m, 2, inner});  // the columns are contiguous even in a slice: a view
  return at::linear(context, concatenated_view(fused_parts(false))).view({b, m, 2, inner});
}

torch::Tensor AttentionImpl::forward_into(const torch::Tensor& x, const UNetCall* call, torch::Tensor residual) {
  const auto inner = inner_dim();
  const auto b = x.size(0);
  const torch::Tensor context = call ? call->context : torch::Tensor();
  const torch::Tensor bias = call ? call->context_bias : torch::Tensor();
  torch::Tensor q, k, v;
  if (options_.bias) {  // biased projections (no UNet of ours has them): one GEMM each
    const auto& kv_input = context.defined() ? context : x;
    q = to_q_->forward(x), k = to_k_->forward(kv_input), v = to_v_->forward(kv_input);
  } else if (!call) {
    const auto qkv = at::linear(x, concatenated_view(fused_parts(true))).view({b, -1, 3, inner});
    q = qkv.select(2, 0), k = qkv.select(2, 1), v = qkv.select(2, 2);
  } else {
    q = at::linear(x, to_q_->weight);
    const auto kv = context_kv(*call);
    k = kv.select(2, 0), v = kv.select(2, 1);
  }
  return accumulate_linear_(std::move(residual), heads(q, k, v, bias), out_proj_->weight);
}

torch::Tensor AttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& context, const torch::Tensor& bias) {
  const auto& kv_input = context.defined() ? context : x;
  return out_proj_->forward(heads(to_q_->forward(x), to_k_->forward(kv_input), to_v_->forward(kv_input), bias));
}

torch::Tensor AttentionImpl::forward_spatial(const torch::Tensor& x) {
  const auto b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
  auto seq = x.reshape({b, c, h * w});
  if (group_norm_) seq = group_norm_->forward(seq);
  seq = seq.transpose(1, 2);
  auto out = forward(seq).transpose(1, 2).reshape({b, c, h, w});
  if (options_.residual_connection) out = out + x;
  return out / options_.rescale_output_factor;
}

}  // namespace gesso::models
