#include "engine/models/transformer_2d.h"

#include <torch/torch.h>

#include "engine/kernels/fusion.h"

namespace gesso::models {
namespace {

// A 1x1 convolution or a linear layer, registered under `name`.
torch::nn::AnyModule make_projection(torch::nn::Module& owner, const std::string& name, int64_t in, int64_t out,
                                     bool linear) {
  if (linear) return torch::nn::AnyModule(owner.register_module(name, Linear(in, out)));
  return torch::nn::AnyModule(
      owner.register_module(name, Conv2d(in, out, 1, 1, 0)));
}

// The [out, in] matrix of a Linear or 1x1 Conv2d (whose [out, in, 1, 1] weight is the same numbers).
torch::Tensor matrix(const torch::nn::AnyModule& projection) {
  const auto w = projection.ptr()->named_parameters(false)["weight"];
  return w.reshape({w.size(0), w.size(1)});
}

torch::Tensor bias_of(const torch::nn::AnyModule& projection) {
  return projection.ptr()->named_parameters(false)["bias"];
}

// [B, C, H, W] -> [B, H*W, C]: a view when x is channels-last.
torch::Tensor to_sequence(const torch::Tensor& t) {
  return t.permute({0, 2, 3, 1}).reshape({t.size(0), t.size(2) * t.size(3), -1});
}

// [B, H*W, C] -> [B, C, H, W] in `like`'s layout: a channels-last UNet would otherwise copy to NCHW
// here and back in the next convolution.
torch::Tensor to_image(const torch::Tensor& t, const torch::Tensor& like) {
  return t.reshape({like.size(0), like.size(2), like.size(3), -1})
      .permute({0, 3, 1, 2})
      .contiguous(like.suggest_memory_format());
}

}  // namespace

Transformer2DModelImpl::Transformer2DModelImpl(const Transformer2DOptions& options) : options_(options) {
  const auto inner = options.heads * options.head_dim;
  norm_ = register_module(
      "norm", GroupNorm(options.norm_num_groups, options.in_channels, 1e-6));
  proj_in_ = make_projection(*this, "proj_in", options.in_channels, inner, options.use_linear_projection);
  transformer_blocks_ = register_module("transformer_blocks", torch::nn::ModuleList());
  for (int64_t i = 0; i < options.num_layers; ++i) {
    blocks_.emplace_back(BasicTransformerBlockOptions{.dim = inner,
                                                      .heads = options.heads,
                                                      .head_dim = options.head_dim,
                                                      .cross_attention_dim = options.cross_attention_dim,
                                                      .upcast_attention = options.upcast_attention,
                                                      .only_cross_attention = options.only_cross_attention});
    transformer_blocks_->push_back(blocks_.back());
  }
  proj_out_ = make_projection(*this, "proj_out", inner, options.in_channels, options.use_linear_projection);
}

torch::Tensor Transformer2DModelImpl::forward(const torch::Tensor& x, const UNetCall& call) {
  if (kernels::fused(x, norm_->weight)) return forward_fused(x, call);
  // The linear projections work on the flattened positions, the 1x1 convolutions on the image.
  auto seq = norm_->forward_silu(x, /*silu=*/false);
  seq = options_.use_linear_projection ? proj_in_.forward(to_sequence(seq)) : to_sequence(proj_in_.forward(seq));
  for (auto& block : blocks_) seq = block->forward(seq, call);
  auto out = options_.use_linear_projection ? to_image(proj_out_.forward(seq), x) : proj_out_.forward(to_image(seq, x));
  return out + x;
}

torch::Tensor Transformer2DModelImpl::forward_fused(const torch::Tensor& x, const UNetCall& call) {
  // out = x + proj_out's bias, rows in position order, for proj_out's GEMM to accumulate into.
  // Channels-last x: the norm's kernel writes it as a second output (a view as rows).
  torch::Tensor normed, out;
  if (x.is_contiguous(at::MemoryFormat::ChannelsLast)) {
    auto joined = norm_->forward_joined(x, {.keep_input = true, .input_bias = bias_of(proj_out_)}, /*silu=*/false);
    normed = std::move(joined.y);
    out = to_sequence(joined.z);
  } else {
    normed = norm_->forward_silu(x, /*silu=*/false);
    out = torch::empty({x.size(0), x.size(2) * x.size(3), x.size(1)}, x.options());
    at::add_out(out, to_sequence(x), bias_of(proj_out_));
  }
  auto seq = at::linear(to_sequence(normed), matrix(proj_in_), bias_of(proj_in_));
  for (auto& block : blocks_) seq = block->forward(seq, call);
  return to_image(accumulate_linear_(out, seq, matrix(proj_out_)), x);
}

}  // namespace gesso::models
