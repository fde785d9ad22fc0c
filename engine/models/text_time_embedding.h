#pragma once
// DeepFloyd IF's added embedding (diffusers' TextTimeEmbedding, addition_embed_type "text"): the
// text context, layer-normed, pooled into one vector by attention from a class token (its mean plus
// a learned position: AttentionPooling), projected to the time embedding's width and normed again.
// The UNet adds it to the time embedding, so every resnet sees a summary of the prompt.
#include "engine/models/layers.h"
#include <torch/nn/module.h>

namespace gesso::models {

class AttentionPoolingImpl : public torch::nn::Module {
 public:
  AttentionPoolingImpl(int64_t num_heads, int64_t embed_dim);
  // x: [B, T, D] -> [B, D].
  torch::Tensor forward(const torch::Tensor& x);

 private:
  int64_t heads_;
  torch::Tensor positional_embedding_;  // [1, D]
  Linear k_proj_{nullptr};
  Linear q_proj_{nullptr};
  Linear v_proj_{nullptr};
};
TORCH_MODULE(AttentionPooling);

class TextTimeEmbeddingImpl : public torch::nn::Module {
 public:
  TextTimeEmbeddingImpl(int64_t encoder_dim, int64_t time_embed_dim, int64_t num_heads);
  // context: [B, T, encoder_dim] -> [B, time_embed_dim].
  torch::Tensor forward(const torch::Tensor& context);

 private:
  LayerNorm norm1_{nullptr};
  AttentionPooling pool_{nullptr};
  Linear proj_{nullptr};
  LayerNorm norm2_{nullptr};
};
TORCH_MODULE(TextTimeEmbedding);

}  // namespace gesso::models
