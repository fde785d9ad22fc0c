#include "engine/models/transformer_2d.h"

#include <torch/torch.h>

namespace gesso::models {
namespace {

// A 1x1 convolution or a linear layer, registered under `name`.
torch::nn::AnyModule make_projection(torch::nn::Module& owner, const std::string& name, int64_t in, int64_t out,
                                     bool linear) {
  if (linear) return torch::nn::AnyModule(owner.register_module(name, Linear(in, out)));
  return torch::nn::AnyModule(
      owner.register_module(name, Conv2d(in, out, 1, 1, 0)));
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
                                                      .upcast_attention = options.upcast_attention});
    transformer_blocks_->push_back(blocks_.back());
  }
  proj_out_ = make_projection(*this, "proj_out", inner, options.in_channels, options.use_linear_projection);
}

torch::Tensor Transformer2DModelImpl::forward(const torch::Tensor& x, const torch::Tensor& context) {
  const auto b = x.size(0), h = x.size(2), w = x.size(3);
  const auto to_sequence = [&](const torch::Tensor& t) { return t.permute({0, 2, 3, 1}).reshape({b, h * w, -1}); };
  const auto to_image = [&](const torch::Tensor& t) { return t.reshape({b, h, w, -1}).permute({0, 3, 1, 2}).contiguous(); };

  // The linear projections work on the flattened positions, the 1x1 convolutions on the image.
  auto seq = norm_->forward(x);
  seq = options_.use_linear_projection ? proj_in_.forward(to_sequence(seq)) : to_sequence(proj_in_.forward(seq));
  for (auto& block : blocks_) seq = block->forward(seq, context);
  auto out = options_.use_linear_projection ? to_image(proj_out_.forward(seq)) : proj_out_.forward(to_image(seq));
  return out + x;
}

}  // namespace gesso::models
