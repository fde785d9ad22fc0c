#pragma once
// diffusers' Transformer2DModel on continuous input: group norm, proj_in (1x1 conv, or linear on
// the flattened positions for SD 2.x), the transformer blocks, proj_out, plus the input.
#include "engine/models/layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/container/any.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/normalization.h>

#include <vector>

#include "engine/models/basic_transformer_block.h"

namespace gesso::models {

struct Transformer2DOptions {
  int64_t in_channels;
  int64_t heads;
  int64_t head_dim;
  int64_t cross_attention_dim;
  int64_t num_layers = 1;
  int64_t norm_num_groups = 32;
  bool use_linear_projection = false;
  bool upcast_attention = false;
  bool only_cross_attention = false;  // attn1 attends to the context too (the SD x4 upscaler)
};

class Transformer2DModelImpl : public torch::nn::Module {
 public:
  explicit Transformer2DModelImpl(const Transformer2DOptions& options);
  // x: [B, C, H, W]; call.context: [B, M, cross_attention_dim].
  torch::Tensor forward(const torch::Tensor& x, const UNetCall& call);
  std::vector<BasicTransformerBlock>& blocks() { return blocks_; }

 private:
  // proj_in and proj_out as GEMMs on the flattened positions whatever their kind (a 1x1 convolution
  // is one), proj_in's bias in its epilogue, and the input (plus proj_out's bias) as proj_out's
  // accumulator: free of copies in channels-last, where the positions are already rows.
  torch::Tensor forward_fused(const torch::Tensor& x, const UNetCall& call);

  Transformer2DOptions options_;
  GroupNorm norm_{nullptr};
  torch::nn::AnyModule proj_in_;   // Conv2d 1x1 or Linear
  torch::nn::ModuleList transformer_blocks_;
  std::vector<BasicTransformerBlock> blocks_;
  torch::nn::AnyModule proj_out_;
};
TORCH_MODULE(Transformer2DModel);

}  // namespace gesso::models
