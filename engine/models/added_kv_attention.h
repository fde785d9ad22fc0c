#pragma once
// diffusers' Attention with added_kv_proj_dim under AttnAddedKVProcessor2_0: the attention of
// DeepFloyd IF's SimpleCrossAttn blocks. A feature map attends to its own positions and to the
// context at once: the context's keys and values (add_k_proj / add_v_proj) come first, the map's
// own (to_k / to_v, absent with only_cross_attention) after, in one softmax. The map is group-
// normed before the projections and the input added back after to_out.0.
#include "engine/models/layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>

#include "engine/models/unet_2d_condition_config.h"
#include "engine/models/unet_call.h"

namespace gesso::models {

struct AddedKVAttentionOptions {
  int64_t query_dim;          // the feature map's channels
  int64_t added_kv_proj_dim;  // the context's width
  int64_t dim_head;           // heads = query_dim / dim_head
  int64_t norm_num_groups = 32;
  bool only_cross_attention = false;
  CrossAttentionNorm cross_attention_norm = CrossAttentionNorm::None;
};

class AddedKVAttentionImpl : public torch::nn::Module {
 public:
  explicit AddedKVAttentionImpl(const AddedKVAttentionOptions& options);
  // x: [B, C, H, W]; call.context: [B, M, added_kv_proj_dim]; call.context_bias masks the context.
  torch::Tensor forward(const torch::Tensor& x, const UNetCall& call);

 private:
  torch::Tensor context_of(const torch::Tensor& context);
  torch::Tensor bias_of(const UNetCall& call, int64_t own_tokens) const;

  AddedKVAttentionOptions options_;
  int64_t heads_;
  GroupNorm group_norm_{nullptr};
  GroupNorm norm_cross_group_{nullptr};  // "norm_cross", one of the two
  LayerNorm norm_cross_layer_{nullptr};
  Linear to_q_{nullptr};
  Linear to_k_{nullptr};
  Linear to_v_{nullptr};
  Linear add_k_proj_{nullptr};
  Linear add_v_proj_{nullptr};
  torch::nn::ModuleList to_out_;
  Linear out_proj_{nullptr};
};
TORCH_MODULE(AddedKVAttention);

}  // namespace gesso::models
