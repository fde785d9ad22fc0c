#pragma once
// The basic layers every model is built from, with checkpoint-named parameters ("weight", "bias").
//
// Two reasons not to use torch::nn's own: (1) their constructors fill every parameter with random
// values (serial CPU RNG: seconds for a UNet) that load_state_dict then throws away, while these
// leave the parameters uninitialised; (2) their forwards are not always the ATen calls PyTorch's
// Python modules make (torch::nn::Linear adds the bias after a matmul for 3-d inputs, where
// F.linear fuses it into addmm: one ulp apart), and parity with diffusers is bit for bit.
// Each forward takes its tensors through runtime::streamed(), which is how sequential CPU offload
// brings a layer's weights to the device just in time.
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "engine/kernels/group_norm.h"

namespace gesso::models {

// acc += x @ weight^T in place (x: [..., in], acc: [..., out], both contiguous): a projection whose
// residual add and bias the caller has put into acc already, so the GEMM folds them in. Returns acc.
torch::Tensor accumulate_linear_(torch::Tensor acc, const torch::Tensor& x, const torch::Tensor& weight);

class LinearImpl : public torch::nn::Module {
 public:
  LinearImpl(int64_t in_features, int64_t out_features, bool with_bias = true);
  torch::Tensor forward(const torch::Tensor& x);

  torch::Tensor weight, bias;
};
TORCH_MODULE(Linear);

class Conv2dImpl : public torch::nn::Module {
 public:
  Conv2dImpl(int64_t in_channels, int64_t out_channels, int64_t kernel_size, int64_t stride = 1, int64_t padding = 0);
  torch::Tensor forward(const torch::Tensor& x);
  // The fused paths add the bias where it costs no pass of its own (a following norm's shift, the
  // residual add).
  torch::Tensor forward_without_bias(const torch::Tensor& x);

  torch::Tensor weight, bias;

 private:
  int64_t stride_, padding_;
};
TORCH_MODULE(Conv2d);

class GroupNormImpl : public torch::nn::Module {
 public:
  GroupNormImpl(int64_t num_groups, int64_t num_channels, double eps);
  torch::Tensor forward(const torch::Tensor& x);
  // silu(norm(x + shift[:, :, None, None])) (shift optional, SiLU when `silu`): one kernel on the
  // fused path (kernels::fused, weights on x's device), else the same ATen ops as forward() + add
  // + silu_. The ResNet block's norm1 -> SiLU and (h + temb) -> norm2 -> SiLU.
  torch::Tensor forward_silu(const torch::Tensor& x, bool silu = true, const torch::Tensor& shift = {});
  // forward_silu of cat(x, sides.x2) that may also return that input (+ sides.input_bias) for a
  // second consumer: one kernel on the fused path where kernels::group_norm_silu_joined has one,
  // else the concatenation and add around forward_silu.
  kernels::GroupNormOutputs forward_joined(const torch::Tensor& x, const kernels::GroupNormSides& sides,
                                           bool silu = true);

  torch::Tensor weight, bias;

 private:
  int64_t num_groups_;
  double eps_;
};
TORCH_MODULE(GroupNorm);

class LayerNormImpl : public torch::nn::Module {
 public:
  LayerNormImpl(int64_t dim, double eps);
  torch::Tensor forward(const torch::Tensor& x);

  torch::Tensor weight, bias;

 private:
  double eps_;
};
TORCH_MODULE(LayerNorm);

class EmbeddingImpl : public torch::nn::Module {
 public:
  EmbeddingImpl(int64_t num_embeddings, int64_t embedding_dim);
  torch::Tensor forward(const torch::Tensor& ids);

  torch::Tensor weight;
};
TORCH_MODULE(Embedding);

}  // namespace gesso::models
