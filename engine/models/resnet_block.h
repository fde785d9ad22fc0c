#pragma once
// ResnetBlock2D: norm1 -> act -> conv1 (+ time embedding) -> norm2 -> act -> conv2, plus the
// (1x1-projected when the width changes) input, divided by output_scale_factor. A resampling block
// (DeepFloyd IF's down / up samplers) halves or doubles both paths after norm1's activation.
#include "engine/models/layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

#include <optional>

#include "engine/models/activation.h"
#include "engine/models/parameter_cache.h"
#include "engine/models/unet_call.h"

namespace gesso::models {

// How the time embedding enters the block (diffusers' resnet_time_scale_shift).
enum class TimeEmbeddingNorm {
  Default,     // added to the features before norm2
  ScaleShift,  // norm2(h) * (1 + scale) + shift
};

// diffusers' ResnetBlock2D(down=True): 2x2 average pooling; (up=True): nearest 2x upsampling.
enum class ResnetResample { None, Down, Up };

struct ResnetBlock2DOptions {
  int64_t in_channels;
  int64_t out_channels;
  std::optional<int64_t> temb_channels;  // none: the block takes no time embedding (VAE)
  int64_t groups = 32;
  std::optional<int64_t> groups_out;  // defaults to groups
  double eps = 1e-6;
  Activation act = Activation::SiLU;
  double output_scale_factor = 1.0;
  TimeEmbeddingNorm time_embedding_norm = TimeEmbeddingNorm::Default;
  ResnetResample resample = ResnetResample::None;
  bool skip_time_act = false;  // time_emb_proj reads the embedding without the activation first
};

class ResnetBlock2DImpl : public torch::nn::Module {
 public:
  explicit ResnetBlock2DImpl(const ResnetBlock2DOptions& options);
  // No time embedding (the VAE's blocks).
  torch::Tensor forward(const torch::Tensor& x);
  // In a UNet call: call.temb, and on the fused path the block's slice of call.time_shifts when
  // the UNet's prepare pass gave it one.
  torch::Tensor forward(const torch::Tensor& x, const UNetCall& call);
  // forward(cat(x, skip, dim 1), call): the UNet's up blocks. On the fused path norm1 reads both
  // and also writes the concatenation for the shortcut, so there is no concatenation pass.
  torch::Tensor forward_with_skip(const torch::Tensor& x, const torch::Tensor& skip, const UNetCall& call);

  // Whether the fused path serves this block: SiLU, the default time-embedding norm, no resampling,
  // the activated time embedding.
  bool fusable() const;
  // The fused path's norm2 shift is time_emb_proj(silu(temb)) + conv1.bias: the UNet computes
  // every prepared block's at once from these parameters.
  const Linear& time_emb_proj() const { return time_emb_proj_; }
  const Conv2d& conv1() const { return conv1_; }
  int64_t out_channels() const { return options_.out_channels; }

 private:
  torch::Tensor forward_plain(const torch::Tensor& x, const torch::Tensor& temb);
  torch::Tensor forward_fused(const torch::Tensor& x, const UNetCall* call, const torch::Tensor& skip = {});

  ResnetBlock2DOptions options_;
  GroupNorm norm1_{nullptr};
  Conv2d conv1_{nullptr};
  Linear time_emb_proj_{nullptr};
  GroupNorm norm2_{nullptr};
  Conv2d conv2_{nullptr};
  Conv2d conv_shortcut_{nullptr};
  ParameterCache shortcut_bias_;  // the fused path's conv2.bias + conv_shortcut.bias
};
TORCH_MODULE(ResnetBlock2D);

}  // namespace gesso::models
