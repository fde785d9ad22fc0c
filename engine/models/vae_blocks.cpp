#include "engine/models/vae_blocks.h"

#include <torch/torch.h>

#include "engine/models/module_list.h"

namespace gesso::models {
namespace {

ResnetBlock2D make_resnet(const VaeBlockOptions& o, int64_t in, int64_t out) {
  return ResnetBlock2D(ResnetBlock2DOptions{.in_channels = in,
                                            .out_channels = out,
                                            .temb_channels = std::nullopt,
                                            .groups = o.groups,
                                            .groups_out = std::nullopt,
                                            .eps = o.eps,
                                            .act = o.act});
}

}  // namespace

DownEncoderBlock2DImpl::DownEncoderBlock2DImpl(const VaeBlockOptions& o) {
  for (int64_t i = 0; i < o.num_layers; ++i)
    resnets_.push_back(make_resnet(o, i == 0 ? o.in_channels : o.out_channels, o.out_channels));
  register_module_list(*this, "resnets", resnets_);
  if (o.resample) {
    // The VAE pads asymmetrically (one zero row/column at the bottom/right), hence padding 0.
    downsampler_ = Downsample2D(o.out_channels, o.out_channels, /*padding=*/0);
    register_module_list(*this, "downsamplers", std::vector<Downsample2D>{downsampler_});
  }
}

torch::Tensor DownEncoderBlock2DImpl::forward(torch::Tensor x) {
  for (auto& resnet : resnets_) x = resnet->forward(x);
  return downsampler_ ? downsampler_->forward(x) : x;
}

UpDecoderBlock2DImpl::UpDecoderBlock2DImpl(const VaeBlockOptions& o) {
  for (int64_t i = 0; i < o.num_layers; ++i)
    resnets_.push_back(make_resnet(o, i == 0 ? o.in_channels : o.out_channels, o.out_channels));
  register_module_list(*this, "resnets", resnets_);
  if (o.resample) {
    upsampler_ = Upsample2D(o.out_channels, o.out_channels);
    register_module_list(*this, "upsamplers", std::vector<Upsample2D>{upsampler_});
  }
}

torch::Tensor UpDecoderBlock2DImpl::forward(torch::Tensor x) {
  for (auto& resnet : resnets_) x = resnet->forward(x);
  return upsampler_ ? upsampler_->forward(x) : x;
}

VaeMidBlockImpl::VaeMidBlockImpl(const VaeBlockOptions& o, bool add_attention) {
  const auto width = o.in_channels;
  resnets_.push_back(make_resnet(o, width, width));
  for (int64_t i = 0; i < o.num_layers; ++i) {
    if (add_attention) {
      AttentionOptions a{.query_dim = width, .cross_attention_dim = std::nullopt};
      a.heads = 1;  // diffusers: attention_head_dim = the block's width
      a.dim_head = width;
      a.bias = true;
      a.norm_num_groups = o.groups;
      a.eps = o.eps;
      a.residual_connection = true;
      a.upcast_softmax = true;  // as diffusers' UNetMidBlock2D
      a.sliceable = false;      // diffusers' enable_attention_slicing leaves the VAE alone
      attentions_.push_back(Attention(a));
    }
    resnets_.push_back(make_resnet(o, width, width));
  }
  if (add_attention) register_module_list(*this, "attentions", attentions_);
  register_module_list(*this, "resnets", resnets_);
}

torch::Tensor VaeMidBlockImpl::forward(torch::Tensor x) {
  x = resnets_[0]->forward(x);
  for (std::size_t i = 1; i < resnets_.size(); ++i) {
    if (!attentions_.empty()) x = attentions_[i - 1]->forward_spatial(x);
    x = resnets_[i]->forward(x);
  }
  return x;
}

}  // namespace gesso::models
