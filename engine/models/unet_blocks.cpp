#include "engine/models/unet_blocks.h"

#include <torch/torch.h>

#include "engine/models/module_list.h"

namespace gesso::models {
namespace {

ResnetBlock2D make_resnet(const UNetBlockOptions& o, int64_t in, int64_t out,
                          ResnetResample resample = ResnetResample::None) {
  return ResnetBlock2D(ResnetBlock2DOptions{.in_channels = in,
                                            .out_channels = out,
                                            .temb_channels = o.temb_channels,
                                            .groups = o.groups,
                                            .groups_out = std::nullopt,
                                            .eps = o.eps,
                                            .act = o.act,
                                            .output_scale_factor = o.output_scale_factor,
                                            .time_embedding_norm = o.time_embedding_norm,
                                            .resample = resample,
                                            .skip_time_act = o.skip_time_act});
}

Transformer2DModel make_transformer(const UNetBlockOptions& o, int64_t channels) {
  return Transformer2DModel(Transformer2DOptions{.in_channels = channels,
                                                 .heads = o.heads,
                                                 .head_dim = channels / o.heads,
                                                 .cross_attention_dim = o.cross_attention_dim,
                                                 .num_layers = o.transformer_layers,
                                                 .norm_num_groups = o.groups,
                                                 .use_linear_projection = o.use_linear_projection,
                                                 .upcast_attention = o.upcast_attention,
                                                 .only_cross_attention = o.only_cross_attention});
}

AddedKVAttention make_added_kv(const UNetBlockOptions& o, int64_t channels) {
  return AddedKVAttention(AddedKVAttentionOptions{.query_dim = channels,
                                                  .added_kv_proj_dim = o.cross_attention_dim,
                                                  .dim_head = o.head_dim,
                                                  .norm_num_groups = o.groups,
                                                  .only_cross_attention = o.only_cross_attention,
                                                  .cross_attention_norm = o.cross_attention_norm});
}

}  // namespace

void BlockAttentions::build(torch::nn::Module& owner, const UNetBlockOptions& o, const std::vector<int64_t>& channels) {
  for (auto c : channels) {
    if (o.attention == BlockAttention::Transformer) transformers_.push_back(make_transformer(o, c));
    if (o.attention == BlockAttention::AddedKV) added_kv_.push_back(make_added_kv(o, c));
  }
  if (!transformers_.empty()) register_module_list(owner, "attentions", transformers_);
  if (!added_kv_.empty()) register_module_list(owner, "attentions", added_kv_);
}

torch::Tensor BlockAttentions::forward(std::size_t i, const torch::Tensor& x, const UNetCall& call) {
  if (!transformers_.empty()) return transformers_[i]->forward(x, call);
  if (!added_kv_.empty()) return added_kv_[i]->forward(x, call);
  return x;
}

UNetDownBlockImpl::UNetDownBlockImpl(const UNetBlockOptions& o) {
  for (int64_t i = 0; i < o.num_layers; ++i)
    resnets_.push_back(make_resnet(o, i == 0 ? o.in_channels : o.out_channels, o.out_channels));
  register_module_list(*this, "resnets", resnets_);
  attentions_.build(*this, o, std::vector<int64_t>(o.num_layers, o.out_channels));
  if (o.resample == BlockResample::Conv) {
    downsampler_ = Downsample2D(o.out_channels, o.out_channels, o.downsample_padding);
    register_module_list(*this, "downsamplers", std::vector<Downsample2D>{downsampler_});
  } else if (o.resample == BlockResample::Resnet) {
    resnet_downsampler_ = make_resnet(o, o.out_channels, o.out_channels, ResnetResample::Down);
    register_module_list(*this, "downsamplers", std::vector<ResnetBlock2D>{resnet_downsampler_});
  }
}

torch::Tensor UNetDownBlockImpl::forward(torch::Tensor x, const UNetCall& call, std::vector<torch::Tensor>& skips) {
  for (std::size_t i = 0; i < resnets_.size(); ++i) {
    x = attentions_.forward(i, resnets_[i]->forward(x, call), call);
    skips.push_back(x);
  }
  if (downsampler_ || resnet_downsampler_) {
    x = downsampler_ ? downsampler_->forward(x) : resnet_downsampler_->forward(x, call);
    skips.push_back(x);
  }
  return x;
}

UNetMidBlockImpl::UNetMidBlockImpl(const UNetBlockOptions& o) {
  for (int64_t i = 0; i <= o.num_layers; ++i) resnets_.push_back(make_resnet(o, o.in_channels, o.in_channels));
  attentions_.build(*this, o, std::vector<int64_t>(o.num_layers, o.in_channels));
  register_module_list(*this, "resnets", resnets_);
}

torch::Tensor UNetMidBlockImpl::forward(torch::Tensor x, const UNetCall& call) {
  x = resnets_[0]->forward(x, call);
  for (std::size_t i = 1; i < resnets_.size(); ++i) x = resnets_[i]->forward(attentions_.forward(i - 1, x, call), call);
  return x;
}

UNetUpBlockImpl::UNetUpBlockImpl(const UNetBlockOptions& o) {
  for (int64_t i = 0; i < o.num_layers; ++i) {
    // The last resnet takes the skip from the down block's input (in_channels wide); the others
    // take skips from the same level (out_channels wide).
    const auto skip_channels = i == o.num_layers - 1 ? o.in_channels : o.out_channels;
    const auto input_channels = i == 0 ? o.prev_output_channels : o.out_channels;
    resnets_.push_back(make_resnet(o, input_channels + skip_channels, o.out_channels));
  }
  register_module_list(*this, "resnets", resnets_);
  attentions_.build(*this, o, std::vector<int64_t>(o.num_layers, o.out_channels));
  if (o.resample == BlockResample::Conv) {
    upsampler_ = Upsample2D(o.out_channels, o.out_channels);
    register_module_list(*this, "upsamplers", std::vector<Upsample2D>{upsampler_});
  } else if (o.resample == BlockResample::Resnet) {
    resnet_upsampler_ = make_resnet(o, o.out_channels, o.out_channels, ResnetResample::Up);
    register_module_list(*this, "upsamplers", std::vector<ResnetBlock2D>{resnet_upsampler_});
  }
}

torch::Tensor UNetUpBlockImpl::forward(torch::Tensor x, std::vector<torch::Tensor>& skips, const UNetCall& call,
                                       const std::optional<std::vector<int64_t>>& upsample_size) {
  for (std::size_t i = 0; i < resnets_.size(); ++i) {
    TORCH_CHECK(!skips.empty(), "UNetUpBlock: ran out of skip connections");
    x = resnets_[i]->forward_with_skip(x, skips.back(), call);
    skips.pop_back();
    x = attentions_.forward(i, x, call);
  }
  if (upsampler_) x = upsampler_->forward(x, upsample_size);
  if (resnet_upsampler_) x = resnet_upsampler_->forward(x, call);
  return x;
}

}  // namespace gesso::models
