#include "engine/models/unet_2d_condition.h"

#include <torch/torch.h>

#include <algorithm>
#include <filesystem>

#include "engine/error.h"
#include "engine/kernels/fusion.h"
#include "engine/models/concatenated_weights.h"

namespace gesso::models {
namespace {

Conv2d same_conv(int64_t in, int64_t out, int64_t kernel) {
  return Conv2d(in, out, kernel, 1, (kernel - 1) / 2);
}

// The options every block shares, from the UNet's config.
UNetBlockOptions block_defaults(const UNet2DConditionConfig& c) {
  UNetBlockOptions o{.in_channels = 0, .out_channels = 0, .temb_channels = c.time_embed_dim(), .num_layers = 0};
  o.groups = c.norm_num_groups;
  o.eps = c.norm_eps;
  o.act = c.act_fn;
  o.time_embedding_norm = c.resnet_time_scale_shift;
  o.downsample_padding = c.downsample_padding;
  o.use_linear_projection = c.use_linear_projection;
  o.upcast_attention = c.upcast_attention;
  return o;
}

}  // namespace

UNet2DConditionModelImpl::UNet2DConditionModelImpl(const UNet2DConditionConfig& config) : config_(config) {
  const auto& c = config_;
  const auto width = c.block_out_channels.front();
  conv_in_ = register_module("conv_in", same_conv(c.in_channels, width, c.conv_in_kernel));
  time_embedding_ = register_module(
      "time_embedding", TimestepEmbedding(TimestepEmbeddingOptions{.in_channels = width,
                                                                   .time_embed_dim = c.time_embed_dim(),
                                                                   .act = c.act_fn,
                                                                   .post_act = c.timestep_post_act}));
  build_down_and_mid();
  build_up();
  conv_norm_out_ = register_module(
      "conv_norm_out",
      GroupNorm(c.norm_num_groups, width, c.norm_eps));
  conv_out_ = register_module("conv_out", same_conv(width, c.out_channels, c.conv_out_kernel));
}

void UNet2DConditionModelImpl::build_down_and_mid() {
  const auto& c = config_;
  const auto n = c.num_blocks();
  auto list = register_module("down_blocks", torch::nn::ModuleList());
  for (std::size_t i = 0; i < n; ++i) {
    auto o = block_defaults(c);
    o.in_channels = c.block_out_channels[i == 0 ? 0 : i - 1];
    o.out_channels = c.block_out_channels[i];
    o.num_layers = c.layers_per_block[i];
    o.cross_attention = c.down_block_types[i] == DownBlockType::CrossAttnDown;
    o.resample = i + 1 < n;
    o.heads = c.num_attention_heads[i];
    o.cross_attention_dim = c.cross_attention_dim[i];
    o.transformer_layers = c.transformer_layers_per_block[i];
    down_blocks_.emplace_back(o);
    list->push_back(down_blocks_.back());
  }
  if (c.mid_block_type == MidBlockType::None) return;
  auto o = block_defaults(c);
  o.in_channels = o.out_channels = c.block_out_channels.back();
  o.num_layers = 1;
  o.cross_attention = true;
  o.output_scale_factor = c.mid_block_scale_factor;
  o.heads = c.num_attention_heads.back();
  o.cross_attention_dim = c.cross_attention_dim.back();
  o.transformer_layers = c.transformer_layers_per_block.back();
  mid_block_ = register_module("mid_block", UNetMidBlock(o));
}

void UNet2DConditionModelImpl::build_up() {
  const auto& c = config_;
  const auto n = c.num_blocks();
  // Up block i mirrors down block n-1-i.
  const auto mirrored = [n](const auto& per_block, std::size_t i) { return per_block[n - 1 - i]; };
  auto list = register_module("up_blocks", torch::nn::ModuleList());
  for (std::size_t i = 0; i < n; ++i) {
    auto o = block_defaults(c);
    o.prev_output_channels = mirrored(c.block_out_channels, i == 0 ? 0 : i - 1);
    o.out_channels = mirrored(c.block_out_channels, i);
    o.in_channels = mirrored(c.block_out_channels, std::min(i + 1, n - 1));
    o.num_layers = mirrored(c.layers_per_block, i) + 1;
    o.cross_attention = c.up_block_types[i] == UpBlockType::CrossAttnUp;
    o.resample = i + 1 < n;
    o.heads = mirrored(c.num_attention_heads, i);
    o.cross_attention_dim = mirrored(c.cross_attention_dim, i);
    o.transformer_layers = mirrored(c.transformer_layers_per_block, i);
    up_blocks_.emplace_back(o);
    list->push_back(up_blocks_.back());
  }
}

torch::Tensor UNet2DConditionModelImpl::time_embed(const torch::Tensor& timestep, const torch::Tensor& sample) {
  auto t = (timestep.dim() == 0 ? timestep.unsqueeze(0) : timestep).to(sample.device());
  const auto batch = sample.size(0);
  if (t.dim() != 1 || (t.size(0) != 1 && t.size(0) != batch))
    throw Error("UNet: timestep has shape " + c10::str(timestep.sizes()) + "; expected a scalar, [1] or [" +
                std::to_string(batch) + "]");
  // The frequency table is a constant of the config: built once, not 4 kernels every call.
  const auto dim = config_.block_out_channels.front();
  const auto frequencies = timestep_frequencies_.get(dim / 2, config_.freq_shift, kTimestepMaxPeriod, t.device());
  const auto features = timestep_embedding(t.expand({batch}), frequencies, dim, config_.flip_sin_to_cos);
  auto emb = time_embedding_->forward(features.to(sample.scalar_type()));
  return config_.time_embedding_act_fn ? apply_activation(*config_.time_embedding_act_fn, emb) : emb;
}

std::shared_ptr<void> UNet2DConditionModelImpl::set_time_shifts(const torch::Tensor& emb) {
  if (!resnets_found_) {
    for (const auto& m : modules(/*include_self=*/false))
      if (auto* r = dynamic_cast<ResnetBlock2DImpl*>(m.get()); r && r->fusable() && r->time_emb_proj())
        fusable_resnets_.push_back(r);
    resnets_found_ = true;
  }
  if (fusable_resnets_.empty()) return nullptr;
  std::vector<torch::Tensor> weights, biases, conv_biases;
  for (auto* r : fusable_resnets_) {
    weights.push_back(r->time_emb_proj()->weight);
    biases.push_back(r->time_emb_proj()->bias);
    conv_biases.push_back(r->conv1()->bias);
  }
  // Both bias vectors are parameters only: their sum is kept until one of them changes, keyed on
  // every part (not the concatenated views, which are new tensors each call). Concatenating under
  // InferenceMode makes the parts inference tensors, keyed on their storage only: a re-upload, a
  // dtype change or a new weight (set_data) is noticed, an in-place edit is not (ParameterCache).
  std::vector<torch::Tensor> bias_parts = biases;
  bias_parts.insert(bias_parts.end(), conv_biases.begin(), conv_biases.end());
  const auto bias = time_shift_bias_.get(
      bias_parts, [&] { return concatenated_in_place(biases) + concatenated_in_place(conv_biases); });
  const auto all = at::addmm(bias, torch::silu(emb), concatenated_in_place(weights).t());
  int64_t offset = 0;
  for (auto* r : fusable_resnets_) {
    r->set_time_shift(all.narrow(1, offset, r->out_channels()));
    offset += r->out_channels();
  }
  auto resnets = fusable_resnets_;
  return std::shared_ptr<void>(nullptr, [resnets](void*) {
    for (auto* r : resnets) r->set_time_shift({});
  });
}

std::shared_ptr<void> UNet2DConditionModelImpl::set_context_kv(const torch::Tensor& context) {
  if (!cross_attentions_found_) {
    for (const auto& m : modules(/*include_self=*/false))
      if (auto* a = dynamic_cast<AttentionImpl*>(m.get()); a && a->fusable_cross_attention())
        fusable_cross_attentions_.push_back(a);
    cross_attentions_found_ = true;
  }
  // Only weights as wide as the context can share its GEMM (a config may give blocks other widths,
  // which the context cannot feed anyway): the same set every call, so concatenated once.
  std::vector<AttentionImpl*> attentions;
  for (auto* a : fusable_cross_attentions_)
    if (a->cross_attention_dim() == context.size(-1)) attentions.push_back(a);
  if (attentions.empty()) return nullptr;
  // [k0; v0; k1; v1; ...]: each attention's own [k; v] stays back to back, a view for its own path.
  std::vector<torch::Tensor> weights;
  for (auto* a : attentions) {
    weights.push_back(a->to_k()->weight);
    weights.push_back(a->to_v()->weight);
  }
  const auto all = at::linear(context, concatenated_in_place(weights));
  int64_t offset = 0;
  for (auto* a : attentions) {
    a->set_context_kv(all.narrow(2, offset, 2 * a->inner_dim()));
    offset += 2 * a->inner_dim();
  }
  return std::shared_ptr<void>(nullptr, [attentions](void*) {
    for (auto* a : attentions) a->set_context_kv({});
  });
}

torch::Tensor UNet2DConditionModelImpl::forward(const torch::Tensor& sample, const torch::Tensor& timestep,
                                                const torch::Tensor& encoder_hidden_states,
                                                const UNetResiduals& residuals) {
  if (sample.dim() != 4 || sample.size(1) != config_.in_channels)
    throw Error("UNet: sample has shape " + c10::str(sample.sizes()) + "; expected [B, " +
                std::to_string(config_.in_channels) + ", H, W]");
  if (encoder_hidden_states.dim() != 3 || encoder_hidden_states.size(0) != sample.size(0))
    throw Error("UNet: encoder_hidden_states has shape " + c10::str(encoder_hidden_states.sizes()) + "; expected [" +
                std::to_string(sample.size(0)) + ", tokens, " + std::to_string(config_.cross_attention_dim.front()) +
                "]");
  // Odd sizes: each upsampler resizes to its skip connection instead of doubling.
  const int64_t up_factor = int64_t{1} << (config_.num_blocks() - 1);
  const bool forward_upsample_size = sample.size(2) % up_factor != 0 || sample.size(3) % up_factor != 0;

  const auto x_in = config_.center_input_sample ? 2 * sample - 1.0 : sample;
  const auto emb = time_embed(timestep, x_in);
  const auto& context = encoder_hidden_states;
  const bool fused_path = kernels::fused(x_in, conv_in_->weight);
  const auto shifts = fused_path ? set_time_shifts(emb) : nullptr;
  const auto context_kv = fused_path ? set_context_kv(context) : nullptr;

  auto x = conv_in_->forward(x_in);
  std::vector<torch::Tensor> skips{x};
  for (auto& block : down_blocks_) x = block->forward(x, emb, context, skips);

  if (!residuals.down.empty()) {
    if (residuals.down.size() != skips.size())
      throw Error("UNet: " + std::to_string(residuals.down.size()) + " down residuals given for " +
                  std::to_string(skips.size()) + " skip connections");
    for (std::size_t i = 0; i < skips.size(); ++i) skips[i] = skips[i] + residuals.down[i];
  }
  if (mid_block_) x = mid_block_->forward(x, emb, context);
  if (residuals.mid.defined()) x = x + residuals.mid;

  for (std::size_t i = 0; i < up_blocks_.size(); ++i) {
    std::optional<std::vector<int64_t>> upsample_size;
    const auto taken = up_blocks_[i]->num_resnets();
    if (i + 1 < up_blocks_.size() && forward_upsample_size)
      upsample_size = skips[skips.size() - taken - 1].sizes().slice(2).vec();
    x = up_blocks_[i]->forward(x, skips, emb, context, upsample_size);
  }

  x = config_.act_fn == Activation::SiLU ? conv_norm_out_->forward_silu(x)
                                         : apply_activation(config_.act_fn, conv_norm_out_->forward(x));
  return conv_out_->forward(x);
}

UNet2DConditionModel load_unet_2d_condition(const std::string& component_dir, const io::LoadOptions& options,
                                            const std::string& variant) {
  const auto config_path = (std::filesystem::path(component_dir) / "config.json").string();
  UNet2DConditionModel model(UNet2DConditionConfig::from_json_file(config_path));
  io::load_state_dict(*model, io::open_component_weights(component_dir, variant), options);
  model->eval();
  return model;
}

}  // namespace gesso::models
