#pragma once
// The UNet's stages. A down block is resnets (each followed by a text transformer when it has
// cross-attention) and a downsampler; an up block is the mirror image, each resnet first
// concatenating one skip connection; the mid block is resnet, (transformer, resnet) x N. With and
// without cross-attention they are one class each: diffusers' CrossAttnDownBlock2D / DownBlock2D,
// CrossAttnUpBlock2D / UpBlock2D and UNetMidBlock2DCrossAttn, with the same module names.
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>

#include <optional>
#include <vector>

#include "engine/models/resample_2d.h"
#include "engine/models/resnet_block.h"
#include "engine/models/transformer_2d.h"
#include "engine/models/unet_call.h"

namespace gesso::models {

struct UNetBlockOptions {
  int64_t in_channels;
  int64_t out_channels;
  int64_t prev_output_channels = 0;  // up blocks: the width coming from the block below
  int64_t temb_channels;
  int64_t num_layers;                // resnets (the mid block: transformer/resnet pairs)
  bool cross_attention = false;
  bool resample = false;             // add a downsampler / upsampler
  // Resnets.
  int64_t groups = 32;
  double eps = 1e-5;
  Activation act = Activation::SiLU;
  TimeEmbeddingNorm time_embedding_norm = TimeEmbeddingNorm::Default;
  double output_scale_factor = 1.0;
  int64_t downsample_padding = 1;
  // Transformers.
  int64_t heads = 8;
  int64_t cross_attention_dim = 768;
  int64_t transformer_layers = 1;
  bool use_linear_projection = false;
  bool upcast_attention = false;
};

class UNetDownBlockImpl : public torch::nn::Module {
 public:
  explicit UNetDownBlockImpl(const UNetBlockOptions& options);
  // Appends each resnet's (or transformer's) output and the downsampled result to `skips`.
  torch::Tensor forward(torch::Tensor x, const UNetCall& call, std::vector<torch::Tensor>& skips);

 private:
  std::vector<ResnetBlock2D> resnets_;
  std::vector<Transformer2DModel> attentions_;
  Downsample2D downsampler_{nullptr};
};
TORCH_MODULE(UNetDownBlock);

class UNetMidBlockImpl : public torch::nn::Module {
 public:
  explicit UNetMidBlockImpl(const UNetBlockOptions& options);
  torch::Tensor forward(torch::Tensor x, const UNetCall& call);

 private:
  std::vector<ResnetBlock2D> resnets_;
  std::vector<Transformer2DModel> attentions_;
};
TORCH_MODULE(UNetMidBlock);

class UNetUpBlockImpl : public torch::nn::Module {
 public:
  explicit UNetUpBlockImpl(const UNetBlockOptions& options);
  std::size_t num_resnets() const { return resnets_.size(); }
  // Consumes num_resnets() skips from the back of `skips`, the last one first. upsample_size, when
  // given, is the {height, width} to upsample to instead of doubling.
  torch::Tensor forward(torch::Tensor x, std::vector<torch::Tensor>& skips, const UNetCall& call,
                        const std::optional<std::vector<int64_t>>& upsample_size);

 private:
  std::vector<ResnetBlock2D> resnets_;
  std::vector<Transformer2DModel> attentions_;
  Upsample2D upsampler_{nullptr};
};
TORCH_MODULE(UNetUpBlock);

}  // namespace gesso::models
