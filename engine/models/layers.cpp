#include "engine/models/layers.h"

#include <torch/torch.h>

#include "engine/kernels/fusion.h"
#include "engine/kernels/group_norm.h"
#include "engine/runtime/weight_streamer.h"

namespace gesso::models {
namespace {

// Uninitialised storage: load_state_dict replaces every parameter with the checkpoint's tensor.
torch::Tensor uninitialised(c10::IntArrayRef shape) { return torch::empty(shape); }

}  // namespace

LinearImpl::LinearImpl(int64_t in_features, int64_t out_features, bool with_bias) {
  weight = register_parameter("weight", uninitialised({out_features, in_features}));
  if (with_bias) bias = register_parameter("bias", uninitialised({out_features}));
}

torch::Tensor accumulate_linear_(torch::Tensor acc, const torch::Tensor& x, const torch::Tensor& weight) {
  acc.view({-1, acc.size(-1)}).addmm_(x.reshape({-1, x.size(-1)}), weight.t());
  return acc;
}

torch::Tensor LinearImpl::forward(const torch::Tensor& x) {
  return at::linear(x, runtime::streamed(weight), runtime::streamed(bias));
}

Conv2dImpl::Conv2dImpl(int64_t in_channels, int64_t out_channels, int64_t kernel_size, int64_t stride,
                       int64_t padding)
    : stride_(stride), padding_(padding) {
  weight = register_parameter("weight", uninitialised({out_channels, in_channels, kernel_size, kernel_size}));
  bias = register_parameter("bias", uninitialised({out_channels}));
}

torch::Tensor Conv2dImpl::forward(const torch::Tensor& x) {
  return at::conv2d(x, runtime::streamed(weight), runtime::streamed(bias), {stride_, stride_}, {padding_, padding_});
}

torch::Tensor Conv2dImpl::forward_without_bias(const torch::Tensor& x) {
  return at::conv2d(x, runtime::streamed(weight), {}, {stride_, stride_}, {padding_, padding_});
}

GroupNormImpl::GroupNormImpl(int64_t num_groups, int64_t num_channels, double eps)
    : num_groups_(num_groups), eps_(eps) {
  weight = register_parameter("weight", uninitialised({num_channels}));
  bias = register_parameter("bias", uninitialised({num_channels}));
}

torch::Tensor GroupNormImpl::forward(const torch::Tensor& x) {
  return at::group_norm(x, num_groups_, runtime::streamed(weight), runtime::streamed(bias), eps_,
                        at::globalContext().userEnabledCuDNN());
}

torch::Tensor GroupNormImpl::forward_silu(const torch::Tensor& x, bool silu, const torch::Tensor& shift) {
  if (kernels::fused(x, weight))
    return kernels::group_norm_silu(x, num_groups_, weight, bias, eps_, silu, shift);
  auto y = forward(shift.defined() ? x + shift.unsqueeze(-1).unsqueeze(-1) : x);
  return silu ? at::silu_(y) : y;
}

kernels::GroupNormOutputs GroupNormImpl::forward_joined(const torch::Tensor& x, const kernels::GroupNormSides& sides,
                                                        bool silu) {
  if (kernels::fused(x, weight)) return kernels::group_norm_silu_joined(x, sides, num_groups_, weight, bias, eps_, silu);
  const auto in = kernels::joined_input(x, sides);
  return {forward_silu(in, silu), kernels::kept_input(in, sides)};
}

LayerNormImpl::LayerNormImpl(int64_t dim, double eps) : eps_(eps) {
  weight = register_parameter("weight", uninitialised({dim}));
  bias = register_parameter("bias", uninitialised({dim}));
}

torch::Tensor LayerNormImpl::forward(const torch::Tensor& x) {
  return at::layer_norm(x, {weight.size(0)}, runtime::streamed(weight), runtime::streamed(bias), eps_);
}

EmbeddingImpl::EmbeddingImpl(int64_t num_embeddings, int64_t embedding_dim) {
  weight = register_parameter("weight", uninitialised({num_embeddings, embedding_dim}));
}

torch::Tensor EmbeddingImpl::forward(const torch::Tensor& ids) { return at::embedding(runtime::streamed(weight), ids); }

}  // namespace gesso::models
