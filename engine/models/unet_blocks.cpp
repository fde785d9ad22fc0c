#include "engine/models/unet_blocks.h"

#include <torch/torch.h>

#include "engine/models/module_list.h"

namespace gesso::models {
namespace {

ResnetBlock2D make_resnet(const UNetBlockOptions& o, int64_t in, int64_t out) {
  return ResnetBlock2D(ResnetBlock2DOptions{.in_channels = in,
                                            .out_channels = out,
                                            .temb_channels = o.temb_channels,
                                            .groups = o.groups,
                                            .groups_out = std::nullopt,
                                            .eps = o.eps,
                                            .act = o.act,
                                            .output_scale_factor = o.output_scale_factor,
                                            .time_embedding_norm = o.time_embedding_norm});
}

Transformer2DModel make_transformer(const UNetBlockOptions& o, int64_t channels) {
  return Transformer2DModel(Transformer2DOptions{.in_channels = channels,
                                                 .heads = o.heads,
                                                 .head_dim = channels / o.heads,
                                                 .cross_attention_dim = o.cross_attention_dim,
                                                 .num_layers = o.transformer_layers,
                                                 .norm_num_groups = o.groups,
                                                 .use_linear_projection = o.use_linear_projection,
                                                 .upcast_attention = o.upcast_attention});
}

}  // namespace

UNetDownBlockImpl::UNetDownBlockImpl(const UNetBlockOptions& o) {
  for (int64_t i = 0; i < o.num_layers; ++i) {
    resnets_.push_back(make_resnet(o, i == 0 ? o.in_channels : o.out_channels, o.out_channels));
    if (o.cross_attention) attentions_.push_back(make_transformer(o, o.out_channels));
  }
  register_module_list(*this, "resnets", resnets_);
  if (o.cross_attention) register_module_list(*this, "attentions", attentions_);
  if (o.resample) {
    downsampler_ = Downsample2D(o.out_channels, o.out_channels, o.downsample_padding);
    register_module_list(*this, "downsamplers", std::vector<Downsample2D>{downsampler_});
  }
}

torch::Tensor UNetDownBlockImpl::forward(torch::Tensor x, const UNetCall& call, std::vector<torch::Tensor>& skips) {
  for (std::size_t i = 0; i < resnets_.size(); ++i) {
    x = resnets_[i]->forward(x, call);
    if (!attentions_.empty()) x = attentions_[i]->forward(x, call);
    skips.push_back(x);
  }
  if (downsampler_) {
    x = downsampler_->forward(x);
    skips.push_back(x);
  }
  return x;
}

UNetMidBlockImpl::UNetMidBlockImpl(const UNetBlockOptions& o) {
  resnets_.push_back(make_resnet(o, o.in_channels, o.in_channels));
  for (int64_t i = 0; i < o.num_layers; ++i) {
    attentions_.push_back(make_transformer(o, o.in_channels));
    resnets_.push_back(make_resnet(o, o.in_channels, o.in_channels));
  }
  register_module_list(*this, "attentions", attentions_);
  register_module_list(*this, "resnets", resnets_);
}

torch::Tensor UNetMidBlockImpl::forward(torch::Tensor x, const UNetCall& call) {
  x = resnets_[0]->forward(x, call);
  for (std::size_t i = 0; i < attentions_.size(); ++i) {
    x = attentions_[i]->forward(x, call);
    x = resnets_[i + 1]->forward(x, call);
  }
  return x;
}

UNetUpBlockImpl::UNetUpBlockImpl(const UNetBlockOptions& o) {
  for (int64_t i = 0; i < o.num_layers; ++i) {
    // The last resnet takes the skip from the down block's input (in_channels wide); the others
    // take skips from the same level (out_channels wide).
    const auto skip_channels = i == o.num_layers - 1 ? o.in_channels : o.out_channels;
    const auto input_channels = i == 0 ? o.prev_output_channels : o.out_channels;
    resnets_.push_back(make_resnet(o, input_channels + skip_channels, o.out_channels));
    if (o.cross_attention) attentions_.push_back(make_transformer(o, o.out_channels));
  }
  register_module_list(*this, "resnets", resnets_);
  if (o.cross_attention) register_module_list(*this, "attentions", attentions_);
  if (o.resample) {
    upsampler_ = Upsample2D(o.out_channels, o.out_channels);
    register_module_list(*this, "upsamplers", std::vector<Upsample2D>{upsampler_});
  }
}

torch::Tensor UNetUpBlockImpl::forward(torch::Tensor x, std::vector<torch::Tensor>& skips, const UNetCall& call,
                                       const std::optional<std::vector<int64_t>>& upsample_size) {
  for (std::size_t i = 0; i < resnets_.size(); ++i) {
    TORCH_CHECK(!skips.empty(), "UNetUpBlock: ran out of skip connections");
    x = resnets_[i]->forward_with_skip(x, skips.back(), call);
    skips.pop_back();
    if (!attentions_.empty()) x = attentions_[i]->forward(x, call);
  }
  if (upsampler_) x = upsampler_->forward(x, upsample_size);
  return x;
}

}  // namespace gesso::models
