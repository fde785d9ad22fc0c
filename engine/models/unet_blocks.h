#pragma once
// The UNet's stages. A down block is resnets (each followed by an attention when it has one) and a
// downsampler; an up block is the mirror image, each resnet first concatenating one skip
// connection; the mid block is resnet, (attention, resnet) x N. Every diffusers kind is one of
// these with the same module names: DownBlock2D / CrossAttnDownBlock2D (a text transformer, a
// strided-conv downsampler), DeepFloyd IF's ResnetDownsampleBlock2D / SimpleCrossAttnDownBlock2D (an
// added-K/V attention, a resnet that downsamples), their up blocks, UNetMidBlock2DCrossAttn and
// UNetMidBlock2DSimpleCrossAttn.
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>

#include <optional>
#include <vector>

#include "engine/models/added_kv_attention.h"
#include "engine/models/resample_2d.h"
#include "engine/models/resnet_block.h"
#include "engine/models/transformer_2d.h"
#include "engine/models/unet_call.h"

namespace gesso::models {

enum class BlockAttention { None, Transformer, AddedKV };
// Downsample2D / Upsample2D (a convolution), or a ResnetBlock2D that resamples (IF's blocks).
enum class BlockResample { None, Conv, Resnet };

struct UNetBlockOptions {
  int64_t in_channels;
  int64_t out_channels;
  int64_t prev_output_channels = 0;  // up blocks: the width coming from the block below
  int64_t temb_channels;
  int64_t num_layers;                // resnets (the mid block: transformer/resnet pairs)
  BlockAttention attention = BlockAttention::None;
  BlockResample resample = BlockResample::None;
  // Resnets.
  int64_t groups = 32;
  double eps = 1e-5;
  Activation act = Activation::SiLU;
  TimeEmbeddingNorm time_embedding_norm = TimeEmbeddingNorm::Default;
  double output_scale_factor = 1.0;
  bool skip_time_act = false;
  int64_t downsample_padding = 1;
  // Transformers.
  int64_t heads = 8;
  int64_t cross_attention_dim = 768;
  int64_t transformer_layers = 1;
  bool use_linear_projection = false;
  bool upcast_attention = false;
  bool only_cross_attention = false;  // transformers' attn1 / added-K/V attention over the context only
  // Added-K/V attention (its heads are channels / head_dim).
  int64_t head_dim = 64;
  CrossAttentionNorm cross_attention_norm = CrossAttentionNorm::None;
};

// A block's attentions, whichever kind, registered as "attentions".
class BlockAttentions {
 public:
  void build(torch::nn::Module& owner, const UNetBlockOptions& o, const std::vector<int64_t>& channels);
  bool empty() const { return transformers_.empty() && added_kv_.empty(); }
  torch::Tensor forward(std::size_t i, const torch::Tensor& x, const UNetCall& call);

 private:
  std::vector<Transformer2DModel> transformers_;
  std::vector<AddedKVAttention> added_kv_;
};

class UNetDownBlockImpl : public torch::nn::Module {
 public:
  explicit UNetDownBlockImpl(const UNetBlockOptions& options);
  // Appends each resnet's (or transformer's) output and the downsampled result to `skips`.
  torch::Tensor forward(torch::Tensor x, const UNetCall& call, std::vector<torch::Tensor>& skips);

 private:
  std::vector<ResnetBlock2D> resnets_;
  BlockAttentions attentions_;
  Downsample2D downsampler_{nullptr};
  ResnetBlock2D resnet_downsampler_{nullptr};
};
TORCH_MODULE(UNetDownBlock);

class UNetMidBlockImpl : public torch::nn::Module {
 public:
  explicit UNetMidBlockImpl(const UNetBlockOptions& options);
  torch::Tensor forward(torch::Tensor x, const UNetCall& call);

 private:
  std::vector<ResnetBlock2D> resnets_;
  BlockAttentions attentions_;
};
TORCH_MODULE(UNetMidBlock);

class UNetUpBlockImpl : public torch::nn::Module {
 public:
  explicit UNetUpBlockImpl(const UNetBlockOptions& options);
  std::size_t num_resnets() const { return resnets_.size(); }
  // Consumes num_resnets() skips from the back of `skips`, the last one first. upsample_size, when
  // given, is the {height, width} to upsample to instead of doubling (a resnet upsampler always
  // doubles, as diffusers').
  torch::Tensor forward(torch::Tensor x, std::vector<torch::Tensor>& skips, const UNetCall& call,
                        const std::optional<std::vector<int64_t>>& upsample_size);

 private:
  std::vector<ResnetBlock2D> resnets_;
  BlockAttentions attentions_;
  Upsample2D upsampler_{nullptr};
  ResnetBlock2D resnet_upsampler_{nullptr};
};
TORCH_MODULE(UNetUpBlock);

}  // namespace gesso::models
