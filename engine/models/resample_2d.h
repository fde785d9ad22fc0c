#pragma once
// The UNet's and VAE's resolution changes: a stride-2 3x3 convolution down, nearest-neighbour
// doubling (or resizing to a skip connection's size) followed by a 3x3 convolution up. Both hold
// their convolution as "conv", like diffusers' Downsample2D(name="op") and Upsample2D.
#include "engine/models/layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>

#include <optional>
#include <vector>

namespace gesso::models {

class Downsample2DImpl : public torch::nn::Module {
 public:
  // padding 0 pads one zero row/column at the bottom/right first (the VAE's asymmetric padding).
  Downsample2DImpl(int64_t channels, int64_t out_channels, int64_t padding);
  torch::Tensor forward(const torch::Tensor& x);

 private:
  int64_t padding_;
  Conv2d conv_{nullptr};
};
TORCH_MODULE(Downsample2D);

class Upsample2DImpl : public torch::nn::Module {
 public:
  Upsample2DImpl(int64_t channels, int64_t out_channels);
  // output_size: {height, width} to resize to instead of doubling (odd-sized skip connections).
  torch::Tensor forward(const torch::Tensor& x, const std::optional<std::vector<int64_t>>& output_size = {});

 private:
  Conv2d conv_{nullptr};
};
TORCH_MODULE(Upsample2D);

}  // namespace gesso::models
