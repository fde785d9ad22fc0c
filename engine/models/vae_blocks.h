#pragma once
// The VAE's stages: DownEncoderBlock2D (resnets, then a stride-2 conv), UpDecoderBlock2D (resnets,
// then nearest-doubling + conv) and UNetMidBlock2D (resnet, spatial self-attention, resnet). None
// takes a time embedding.
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>

#include <vector>

#include "engine/models/attention.h"
#include "engine/models/resample_2d.h"
#include "engine/models/resnet_block.h"

namespace gesso::models {

struct VaeBlockOptions {
  int64_t in_channels;
  int64_t out_channels;
  int64_t num_layers;
  bool resample = false;  // add a downsampler / upsampler
  int64_t groups = 32;
  double eps = 1e-6;
  Activation act = Activation::SiLU;
};

class DownEncoderBlock2DImpl : public torch::nn::Module {
 public:
  explicit DownEncoderBlock2DImpl(const VaeBlockOptions& options);
  torch::Tensor forward(torch::Tensor x);

 private:
  std::vector<ResnetBlock2D> resnets_;
  Downsample2D downsampler_{nullptr};
};
TORCH_MODULE(DownEncoderBlock2D);

class UpDecoderBlock2DImpl : public torch::nn::Module {
 public:
  explicit UpDecoderBlock2DImpl(const VaeBlockOptions& options);
  torch::Tensor forward(torch::Tensor x);

 private:
  std::vector<ResnetBlock2D> resnets_;
  Upsample2D upsampler_{nullptr};
};
TORCH_MODULE(UpDecoderBlock2D);

// diffusers' UNetMidBlock2D as the VAE uses it: one single-head attention over all positions.
class VaeMidBlockImpl : public torch::nn::Module {
 public:
  // in_channels and out_channels of `options` are the same width; num_layers attention/resnet pairs.
  VaeMidBlockImpl(const VaeBlockOptions& options, bool add_attention);
  torch::Tensor forward(torch::Tensor x);

 private:
  std::vector<ResnetBlock2D> resnets_;
  std::vector<Attention> attentions_;
};
TORCH_MODULE(VaeMidBlock);

}  // namespace gesso::models
