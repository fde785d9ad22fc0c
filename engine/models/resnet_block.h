#pragma once
// ResnetBlock2D: norm1 -> act -> conv1 (+ time embedding) -> norm2 -> act -> conv2, plus the
// (1x1-projected when the width changes) input, divided by output_scale_factor.
#include "engine/models/layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

#include <optional>

#include "engine/models/activation.h"
#include "engine/models/parameter_cache.h"

namespace gesso::models {

// How the time embedding enters the block (diffusers' resnet_time_scale_shift).
enum class TimeEmbeddingNorm {
  Default,     // added to the features before norm2
  ScaleShift,  // norm2(h) * (1 + scale) + shift
};

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
};

class ResnetBlock2DImpl : public torch::nn::Module {
 public:
  explicit ResnetBlock2DImpl(const ResnetBlock2DOptions& options);
  // temb: [B, temb_channels], or undefined when the block has no time embedding.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& temb = {});
  // forward(cat(x, skip, dim 1), temb): the UNet's up blocks. On the fused path norm1 reads both
  // and also writes the concatenation for the shortcut, so there is no concatenation pass.
  torch::Tensor forward_with_skip(const torch::Tensor& x, const torch::Tensor& skip, const torch::Tensor& temb);

  // Whether the fused path serves this block: SiLU, the default time-embedding norm.
  bool fusable() const;
  // The fused path's norm2 shift, time_emb_proj(silu(temb)) + conv1.bias, when the UNet has
  // computed every block's at once ([B, C]); undefined: the block computes its own.
  void set_time_shift(torch::Tensor shift) { time_shift_ = std::move(shift); }
  const Linear& time_emb_proj() const { return time_emb_proj_; }
  const Conv2d& conv1() const { return conv1_; }
  int64_t out_channels() const { return options_.out_channels; }

 private:
  torch::Tensor forward_fused(const torch::Tensor& x, const torch::Tensor& temb, const torch::Tensor& skip = {});

  ResnetBlock2DOptions options_;
  GroupNorm norm1_{nullptr};
  Conv2d conv1_{nullptr};
  Linear time_emb_proj_{nullptr};
  GroupNorm norm2_{nullptr};
  Conv2d conv2_{nullptr};
  Conv2d conv_shortcut_{nullptr};
  torch::Tensor time_shift_;
  ParameterCache shortcut_bias_;  // the fused path's conv2.bias + conv_shortcut.bias
};
TORCH_MODULE(ResnetBlock2D);

}  // namespace gesso::models
