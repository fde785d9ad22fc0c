#include "engine/models/basic_transformer_block.h"

#include <torch/torch.h>

#include "engine/kernels/fusion.h"
#include "engine/kernels/layer_norm_residual.h"

namespace gesso::models {
namespace {

LayerNorm layer_norm(int64_t dim, double eps) {
  return LayerNorm(dim, eps);
}

AttentionOptions attention_options(const BasicTransformerBlockOptions& o, std::optional<int64_t> cross_dim) {
  AttentionOptions a{.query_dim = o.dim, .cross_attention_dim = cross_dim};
  a.heads = o.heads;
  a.dim_head = o.head_dim;
  a.bias = false;  // diffusers' attention_bias default in Transformer2DModel
  a.upcast_attention = o.upcast_attention;
  return a;
}

}  // namespace

BasicTransformerBlockImpl::BasicTransformerBlockImpl(const BasicTransformerBlockOptions& options)
    : eps_(options.norm_eps), only_cross_attention_(options.only_cross_attention) {
  norm1_ = register_module("norm1", layer_norm(options.dim, options.norm_eps));
  const auto attn1_context = only_cross_attention_ ? std::optional(options.cross_attention_dim) : std::nullopt;
  attn1_ = register_module("attn1", Attention(attention_options(options, attn1_context)));
  norm2_ = register_module("norm2", layer_norm(options.dim, options.norm_eps));
  attn2_ = register_module("attn2", Attention(attention_options(options, options.cross_attention_dim)));
  norm3_ = register_module("norm3", layer_norm(options.dim, options.norm_eps));
  ff_ = register_module("ff", FeedForward(options.dim));
}

torch::Tensor BasicTransformerBlockImpl::forward(const torch::Tensor& x, const UNetCall& call) {
  if (kernels::fused(x, norm1_->weight)) return forward_fused(x, call);
  // diffusers gives attn1 the context but not its mask (that is attn2's encoder_attention_mask).
  auto h = x + attn1_->forward(norm1_->forward(x), only_cross_attention_ ? call.context : torch::Tensor());
  h = h + attn2_->forward(norm2_->forward(h), call.context, call.context_bias);
  return h + ff_->forward(norm3_->forward(h));
}

void BasicTransformerBlockImpl::prepare() {
  attn1_->prepare();
  attn2_->prepare();
}

torch::Tensor BasicTransformerBlockImpl::forward_fused(const torch::Tensor& x, const UNetCall& call) {
  const auto norm = [this](const LayerNorm& n, const torch::Tensor& h, const torch::Tensor& next_bias) {
    return kernels::layer_norm_residual(h, n->weight, n->bias, eps_, next_bias);
  };
  auto [n1, r1] = norm(norm1_, x, attn1_->out_bias());
  torch::Tensor h;
  if (only_cross_attention_) {
    UNetCall unmasked = call;  // attn1 reads the context without its mask, as in forward()
    unmasked.context_bias = torch::Tensor();
    h = attn1_->forward_into(n1, &unmasked, std::move(r1));
  } else {
    h = attn1_->forward_into(n1, nullptr, std::move(r1));
  }
  auto [n2, r2] = norm(norm2_, h, attn2_->out_bias());
  h = attn2_->forward_into(n2, &call, std::move(r2));
  auto [n3, r3] = norm(norm3_, h, ff_->out_bias());
  return ff_->forward_into(n3, std::move(r3));
}

}  // namespace gesso::models
