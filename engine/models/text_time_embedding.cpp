#include "engine/models/text_time_embedding.h"

#include <torch/torch.h>

#include <cmath>

#include "engine/runtime/weight_streamer.h"

namespace gesso::models {

AttentionPoolingImpl::AttentionPoolingImpl(int64_t num_heads, int64_t embed_dim) : heads_(num_heads) {
  positional_embedding_ = register_parameter("positional_embedding", torch::empty({1, embed_dim}), false);
  k_proj_ = register_module("k_proj", Linear(embed_dim, embed_dim, true));
  q_proj_ = register_module("q_proj", Linear(embed_dim, embed_dim, true));
  v_proj_ = register_module("v_proj", Linear(embed_dim, embed_dim, true));
}

torch::Tensor AttentionPoolingImpl::forward(const torch::Tensor& x) {
  const auto b = x.size(0), width = x.size(2), head = width / heads_;
  const auto position = runtime::streamed(positional_embedding_);
  const auto class_token = x.mean(1, true) + position.to(x.scalar_type());
  const auto tokens = torch::cat({class_token, x}, 1);
  // [B, T, D] -> [B * heads, head, T], as diffusers' shape() lays the heads out.
  const auto shape = [&](const torch::Tensor& t) {
    return t.view({b, -1, heads_, head}).transpose(1, 2).reshape({b * heads_, -1, head}).transpose(1, 2);
  };
  const auto q = shape(q_proj_->forward(class_token));
  const auto k = shape(k_proj_->forward(tokens));
  const auto v = shape(v_proj_->forward(tokens));
  // Both sides scaled by head^-1/4 before the product, as IF does: steadier in fp16.
  const double scale = 1.0 / std::sqrt(std::sqrt(static_cast<double>(head)));
  auto weight = torch::einsum("bct,bcs->bts", {q * scale, k * scale});
  weight = torch::softmax(weight.to(torch::kFloat32), -1).to(weight.scalar_type());
  const auto a = torch::einsum("bts,bcs->bct", {weight, v});  // [B * heads, head, 1]
  return a.reshape({b, -1, 1}).transpose(1, 2).select(1, 0);
}

TextTimeEmbeddingImpl::TextTimeEmbeddingImpl(int64_t encoder_dim, int64_t time_embed_dim, int64_t num_heads) {
  norm1_ = register_module("norm1", LayerNorm(encoder_dim, 1e-5));
  pool_ = register_module("pool", AttentionPooling(num_heads, encoder_dim));
  proj_ = register_module("proj", Linear(encoder_dim, time_embed_dim, true));
  norm2_ = register_module("norm2", LayerNorm(time_embed_dim, 1e-5));
}

torch::Tensor TextTimeEmbeddingImpl::forward(const torch::Tensor& context) {
  return norm2_->forward(proj_->forward(pool_->forward(norm1_->forward(context))));
}

}  // namespace gesso::models
