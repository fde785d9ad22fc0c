#include "engine/models/unet_2d_condition.h"

#include <torch/torch.h>

#include <algorithm>
#include <filesystem>

#include "engine/error.h"
#include "engine/models/config_reader.h"
#include "engine/kernels/fusion.h"
#include "engine/models/concatenated_weights.h"

namespace gesso::models {
namespace {

Conv2d same_conv(int64_t in, int64_t out, int64_t kernel) {
  return Conv2d(in, out, kernel, 1, (kernel - 1) / 2);
}

// The options every block shares, from the UNet's config.
UNetBlockOptions block_defaults(const UNet2DConditionConfig& c) {
  UNetBlockOptions o{.in_channels = 0, .out_channels = 0, .temb_channels = c.blocks_time_embed_dim(), .num_layers = 0};
  o.groups = c.norm_num_groups;
  o.eps = c.norm_eps;
  o.act = c.act_fn;
  o.time_embedding_norm = c.resnet_time_scale_shift;
  o.downsample_padding = c.downsample_padding;
  o.use_linear_projection = c.use_linear_projection;
  o.upcast_attention = c.upcast_attention;
  o.cross_attention_norm = c.cross_attention_norm;
  return o;
}

bool is_resnet_family(DownBlockType t) {
  return t == DownBlockType::ResnetDownsample || t == DownBlockType::SimpleCrossAttnDown;
}
bool is_resnet_family(UpBlockType t) { return t == UpBlockType::ResnetUpsample || t == UpBlockType::SimpleCrossAttnUp; }

BlockAttention attention_of(DownBlockType t) {
  if (t == DownBlockType::CrossAttnDown) return BlockAttention::Transformer;
  return t == DownBlockType::SimpleCrossAttnDown ? BlockAttention::AddedKV : BlockAttention::None;
}
BlockAttention attention_of(UpBlockType t) {
  if (t == UpBlockType::CrossAttnUp) return BlockAttention::Transformer;
  return t == UpBlockType::SimpleCrossAttnUp ? BlockAttention::AddedKV : BlockAttention::None;
}

// What diffusers' get_down_block / get_up_block give one kind but not the other: IF's blocks take
// resnet_out_scale_factor and resnet_skip_time_act and resample with a resnet; attention_head_dim
// is their head width but the transformers' head count.
void set_block_kind(UNetBlockOptions& o, const UNet2DConditionConfig& c, bool resnet_family, bool resample,
                    int64_t attention_head_dim) {
  o.resample = !resample ? BlockResample::None : resnet_family ? BlockResample::Resnet : BlockResample::Conv;
  if (resnet_family) {
    o.output_scale_factor = c.resnet_out_scale_factor;
    o.skip_time_act = c.resnet_skip_time_act;
    o.head_dim = attention_head_dim;
  } else {
    o.heads = attention_head_dim;
  }
}

}  // namespace

UNet2DConditionModelImpl::UNet2DConditionModelImpl(const UNet2DConditionConfig& config)
    : UNet2DConditionModelImpl(config, /*encoder_only=*/false) {}

UNet2DConditionModelImpl::UNet2DConditionModelImpl(const UNet2DConditionConfig& config, bool encoder_only)
    : config_(config) {
  const auto& c = config_;
  const auto width = c.block_out_channels.front();
  conv_in_ = register_module("conv_in", same_conv(c.in_channels, width, c.conv_in_kernel));
  time_embedding_ = register_module(
      "time_embedding", TimestepEmbedding(TimestepEmbeddingOptions{.in_channels = width,
                                                                   .time_embed_dim = c.time_embed_dim(),
                                                                   .act = c.act_fn,
                                                                   .post_act = c.timestep_post_act}));
  build_embeddings();
  build_down_and_mid();
  if (encoder_only) return;
  build_up();
  conv_norm_out_ = register_module(
      "conv_norm_out",
      GroupNorm(c.norm_num_groups, width, c.norm_eps));
  conv_out_ = register_module("conv_out", same_conv(width, c.out_channels, c.conv_out_kernel));
}

void UNet2DConditionModelImpl::build_embeddings() {
  const auto& c = config_;
  const auto dim = c.time_embed_dim();
  const auto projected = c.projection_class_embeddings_input_dim.value_or(0);
  switch (c.class_embed_type) {
    case ClassEmbedType::Embedding:
      class_table_ = register_module("class_embedding", Embedding(*c.num_class_embeds, dim));
      break;
    case ClassEmbedType::Timestep:
      class_mlp_ = register_module(
          "class_embedding", TimestepEmbedding(TimestepEmbeddingOptions{
                                 .in_channels = c.block_out_channels.front(), .time_embed_dim = dim, .act = c.act_fn}));
      break;
    case ClassEmbedType::Projection:
      class_mlp_ = register_module(
          "class_embedding", TimestepEmbedding(TimestepEmbeddingOptions{.in_channels = projected, .time_embed_dim = dim}));
      break;
    case ClassEmbedType::SimpleProjection:
      class_linear_ = register_module("class_embedding", Linear(projected, dim));
      break;
    case ClassEmbedType::Identity:
    case ClassEmbedType::None: break;
  }
  if (c.addition_embed_type == AdditionEmbedType::TextTime)
    add_embedding_ = register_module(
        "add_embedding", TimestepEmbedding(TimestepEmbeddingOptions{.in_channels = projected, .time_embed_dim = dim}));
  if (c.addition_embed_type == AdditionEmbedType::Text)
    add_text_embedding_ = register_module(
        "add_embedding", TextTimeEmbedding(c.context_width(), dim, c.addition_embed_type_num_heads));
  if (c.encoder_hid_dim)
    encoder_hid_proj_ = register_module("encoder_hid_proj", Linear(*c.encoder_hid_dim, c.cross_attention_dim.front()));
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
    o.attention = attention_of(c.down_block_types[i]);
    set_block_kind(o, c, is_resnet_family(c.down_block_types[i]), i + 1 < n, c.num_attention_heads[i]);
    o.only_cross_attention = c.only_cross_attention[i];
    o.cross_attention_dim = c.cross_attention_dim[i];
    o.transformer_layers = c.transformer_layers_per_block[i];
    down_blocks_.emplace_back(o);
    list->push_back(down_blocks_.back());
  }
  if (c.mid_block_type == MidBlockType::None) return;
  auto o = block_defaults(c);
  o.in_channels = o.out_channels = c.block_out_channels.back();
  o.num_layers = 1;
  const bool simple = c.mid_block_type == MidBlockType::SimpleCrossAttn;
  o.attention = simple ? BlockAttention::AddedKV : BlockAttention::Transformer;
  set_block_kind(o, c, simple, false, c.num_attention_heads.back());
  o.output_scale_factor = c.mid_block_scale_factor;
  o.only_cross_attention = simple && c.mid_block_only_cross_attention;
  o.cross_attention_dim = c.cross_attention_dim.back();
  o.transformer_layers = c.transformer_layers_per_block.back();
  mid_block_ = register_module("mid_block", UNetMidBlock(o));
}

void UNet2DConditionModelImpl::build_up() {
  const auto& c = config_;
  for (std::size_t i = 0; i < c.up_block_types.size(); ++i)
    if (attention_of(c.up_block_types[i]) == BlockAttention::Transformer) last_attending_up_block_ = i + 1;
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
    o.attention = attention_of(c.up_block_types[i]);
    set_block_kind(o, c, is_resnet_family(c.up_block_types[i]), i + 1 < n, mirrored(c.num_attention_heads, i));
    o.only_cross_attention = mirrored(c.only_cross_attention, i);
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
  return time_embedding_->forward(features.to(sample.scalar_type()));
}

namespace {

Error missing(const std::string& field, const std::string& why) {
  return Error("UNet: the conditioning has no " + field + ", which " + why);
}

void require_batch(const torch::Tensor& t, const std::string& field, int64_t batch) {
  if (t.dim() < 1 || t.size(0) != batch)
    throw Error("UNet: " + field + " has shape " + c10::str(t.sizes()) + "; expected a batch of " + std::to_string(batch));
}

}  // namespace

// diffusers' get_class_embed.
torch::Tensor UNet2DConditionModelImpl::class_embed(const torch::Tensor& sample, const Conditioning& c) {
  const auto type = config_.class_embed_type;
  if (type == ClassEmbedType::None) return {};
  if (!c.class_labels.defined())
    throw missing("class_labels", "the UNet's config asks for (class_embed_type / num_class_embeds)");
  require_batch(c.class_labels, "class_labels", sample.size(0));
  auto labels = c.class_labels.to(sample.device());
  if (type == ClassEmbedType::Timestep) {
    const auto dim = config_.block_out_channels.front();
    const auto frequencies = timestep_frequencies_.get(dim / 2, config_.freq_shift, kTimestepMaxPeriod, labels.device());
    labels = timestep_embedding(labels.flatten(), frequencies, dim, config_.flip_sin_to_cos).to(sample.scalar_type());
  } else if (type != ClassEmbedType::Embedding) {
    labels = labels.to(sample.scalar_type());
  }
  torch::Tensor emb;
  switch (type) {
    case ClassEmbedType::Embedding: emb = class_table_->forward(labels.to(torch::kLong)); break;
    case ClassEmbedType::Timestep:
    case ClassEmbedType::Projection: emb = class_mlp_->forward(labels); break;
    case ClassEmbedType::SimpleProjection: emb = class_linear_->forward(labels); break;
    default: emb = labels; break;  // identity
  }
  return emb.to(sample.scalar_type());
}

// diffusers' get_aug_embed for "text_time": add_embedding(cat(text_embeds, time features)).
torch::Tensor UNet2DConditionModelImpl::added_embed(const Conditioning& c, torch::ScalarType dtype, int64_t batch) {
  const std::string why = "the UNet's addition_embed_type \"text_time\" needs (SDXL)";
  if (!c.pooled.defined()) throw missing("pooled text embeddings (text_embeds)", why);
  if (!c.time_ids.defined()) throw missing("time_ids", why);
  require_batch(c.pooled, "pooled", batch);
  const auto device = c.pooled.device();  // where the call runs (offloaded weights may wait on the host)
  const auto per_id = *config_.addition_time_embed_dim;
  const auto width = c.pooled.size(-1) + c.time_ids.size(-1) * per_id;
  const auto expected = *config_.projection_class_embeddings_input_dim;
  if (c.pooled.dim() != 2 || c.time_ids.dim() != 2 || c.time_ids.size(0) != c.pooled.size(0) || width != expected)
    throw Error("UNet: added conditions of " + std::to_string(c.pooled.size(-1)) + " pooled values and " +
                std::to_string(c.time_ids.size(-1)) + " time ids x " + std::to_string(per_id) + " = " +
                std::to_string(width) + " wide (shapes " + c10::str(c.pooled.sizes()) + ", " +
                c10::str(c.time_ids.sizes()) + "); the UNet's projection_class_embeddings_input_dim is " +
                std::to_string(expected));
  const auto frequencies = add_time_frequencies_.get(per_id / 2, config_.freq_shift, kTimestepMaxPeriod, device);
  const auto ids = c.time_ids.to(device).flatten();
  const auto time_embeds = timestep_embedding(ids, frequencies, per_id, config_.flip_sin_to_cos)
                               .reshape({c.pooled.size(0), -1});
  return add_embedding_->forward(torch::cat({c.pooled, time_embeds}, -1).to(dtype));
}

// Time embedding, plus the class and added embeddings the config enables, then time_embed_act.
torch::Tensor UNet2DConditionModelImpl::embed(const torch::Tensor& timestep, const torch::Tensor& sample,
                                              const Conditioning& c) {
  auto emb = time_embed(timestep, sample);
  if (const auto class_emb = class_embed(sample, c); class_emb.defined())
    emb = config_.class_embeddings_concat ? torch::cat({emb, class_emb}, -1) : emb + class_emb;
  if (add_embedding_) emb = emb + added_embed(c, emb.scalar_type(), sample.size(0));
  // "text" pools the context as given, before encoder_hid_proj (diffusers' get_aug_embed).
  if (add_text_embedding_) emb = emb + add_text_embedding_->forward(c.context.to(emb.scalar_type()));
  return config_.time_embedding_act_fn ? apply_activation(*config_.time_embedding_act_fn, emb) : emb;
}

torch::Tensor UNet2DConditionModelImpl::context_of(const Conditioning& c, const torch::Tensor& sample) {
  const auto width = config_.context_width();
  const auto& context = c.context;
  if (!context.defined() || context.dim() != 3 || context.size(0) != sample.size(0) || context.size(2) != width)
    throw Error("UNet: encoder_hidden_states has shape " + (context.defined() ? c10::str(context.sizes()) : "(none)") +
                "; expected [" + std::to_string(sample.size(0)) + ", tokens, " + std::to_string(width) + "]");
  return encoder_hid_proj_ ? encoder_hid_proj_->forward(context) : context;
}

void UNet2DConditionModelImpl::prepare() {
  torch::NoGradGuard no_grad;
  columns_ = {};
  fused_resnets_.clear();
  fused_cross_attentions_.clear();
  const auto width = config_.cross_attention_dim.front();
  for (const auto& m : modules(/*include_self=*/false)) {
    if (auto* r = dynamic_cast<ResnetBlock2DImpl*>(m.get()); r && r->fusable() && r->time_emb_proj())
      fused_resnets_.push_back(r);
    if (auto* a = dynamic_cast<AttentionImpl*>(m.get())) {
      // Only attentions as wide as the context share its GEMM; the others join their own weights.
      if (a->fusable_cross_attention() && a->cross_attention_dim() == width)
        fused_cross_attentions_.push_back(a);
      else
        a->prepare();
    }
  }
  std::vector<torch::Tensor> weights, biases, conv_biases, kv;
  int64_t column = 0;
  for (auto* r : fused_resnets_) {
    columns_.time_shift[r] = column;
    column += r->out_channels();
    weights.push_back(r->time_emb_proj()->weight);
    biases.push_back(r->time_emb_proj()->bias);
    conv_biases.push_back(r->conv1()->bias);
  }
  column = 0;
  // [k0; v0; k1; v1; ...]: each attention's own [k; v] stays back to back, a view for its own path.
  for (auto* a : fused_cross_attentions_) {
    columns_.context_kv[a] = column;
    column += 2 * a->inner_dim();
    kv.push_back(a->to_k()->weight);
    kv.push_back(a->to_v()->weight);
  }
  for (const auto* group : {&weights, &biases, &conv_biases, &kv})
    if (!group->empty()) concatenated_in_place(*group);
  time_shift_bias_.clear();
  prepared_ = true;
}

void UNet2DConditionModelImpl::add_fused_inputs(UNetCall& call) {
  call.columns = &columns_;
  if (!fused_resnets_.empty() && call.temb.defined()) {
    std::vector<torch::Tensor> weights, biases, conv_biases;
    for (auto* r : fused_resnets_) {
      weights.push_back(r->time_emb_proj()->weight);
      biases.push_back(r->time_emb_proj()->bias);
      conv_biases.push_back(r->conv1()->bias);
    }
    // Both bias vectors are parameters only: their sum is kept until one of them changes, keyed on
    // every part (ParameterCache).
    std::vector<torch::Tensor> bias_parts = biases;
    bias_parts.insert(bias_parts.end(), conv_biases.begin(), conv_biases.end());
    const auto bias = time_shift_bias_.get(
        bias_parts, [&] { return concatenated_view(biases) + concatenated_view(conv_biases); });
    call.time_shifts = at::addmm(bias, torch::silu(call.temb), concatenated_view(weights).t());
  }
  if (!fused_cross_attentions_.empty() && call.context.size(-1) == fused_cross_attentions_.front()->cross_attention_dim()) {
    std::vector<torch::Tensor> kv;
    for (auto* a : fused_cross_attentions_) {
      kv.push_back(a->to_k()->weight);
      kv.push_back(a->to_v()->weight);
    }
    call.context_kv = at::linear(call.context, concatenated_view(kv));
  }
}

torch::Tensor UNet2DConditionModelImpl::input_of(const torch::Tensor& sample) const {
  if (sample.dim() != 4 || sample.size(1) != config_.in_channels)
    throw Error("UNet: sample has shape " + c10::str(sample.sizes()) + "; expected [B, " +
                std::to_string(config_.in_channels) + ", H, W]");
  return config_.center_input_sample ? 2 * sample - 1.0 : sample;
}

UNetCall UNet2DConditionModelImpl::start_call(const torch::Tensor& x_in, const torch::Tensor& timestep,
                                              const Conditioning& c) {
  UNetCall call;
  call.context = context_of(c, x_in);
  call.temb = embed(timestep, x_in, c);
  if (c.attention_mask.defined()) {
    const auto& mask = c.attention_mask;
    if (mask.dim() != 2 || mask.size(0) != x_in.size(0) || mask.size(1) != call.context.size(1))
      throw Error("UNet: attention_mask has shape " + c10::str(mask.sizes()) + "; expected [" +
                  std::to_string(x_in.size(0)) + ", " + std::to_string(call.context.size(1)) + "]");
    // diffusers: (1 - mask) * -10000, one row per batch entry, broadcast over the queries.
    call.context_bias = ((1 - mask.to(x_in.device(), x_in.scalar_type())) * -10000.0).unsqueeze(1);
  }
  if (prepared_ && kernels::fused(x_in, conv_in_->weight)) add_fused_inputs(call);
  return call;
}

torch::Tensor UNet2DConditionModelImpl::encode(torch::Tensor x, UNetCall& call, std::vector<torch::Tensor>& skips) {
  for (auto& block : down_blocks_) x = block->forward(x, call, skips);
  return mid_block_ ? mid_block_->forward(x, call) : x;
}

torch::Tensor UNet2DConditionModelImpl::forward(const torch::Tensor& sample, const torch::Tensor& timestep,
                                                const Conditioning& c) {
  const auto x_in = input_of(sample);
  // Odd sizes: each upsampler resizes to its skip connection instead of doubling.
  const int64_t up_factor = int64_t{1} << (config_.num_blocks() - 1);
  const bool forward_upsample_size = sample.size(2) % up_factor != 0 || sample.size(3) % up_factor != 0;
  auto call = start_call(x_in, timestep, c);

  auto x = conv_in_->forward(x_in);
  std::vector<torch::Tensor> skips{x};
  for (auto& block : down_blocks_) x = block->forward(x, call, skips);

  const auto& residuals = c.control;
  if (residuals.ready) residuals.ready();
  if (!residuals.down.empty()) {
    if (residuals.down.size() != skips.size())
      throw Error("UNet: " + std::to_string(residuals.down.size()) + " down residuals given for " +
                  std::to_string(skips.size()) + " skip connections");
    for (std::size_t i = 0; i < skips.size(); ++i) skips[i] = skips[i] + residuals.down[i];
  }
  if (mid_block_) x = mid_block_->forward(x, call);
  if (residuals.mid.defined()) x = x + residuals.mid;

  for (std::size_t i = 0; i < up_blocks_.size(); ++i) {
    std::optional<std::vector<int64_t>> upsample_size;
    const auto taken = up_blocks_[i]->num_resnets();
    if (i + 1 < up_blocks_.size() && forward_upsample_size)
      upsample_size = skips[skips.size() - taken - 1].sizes().slice(2).vec();
    x = up_blocks_[i]->forward(x, skips, call, upsample_size);
    // The shared K/V are done with once no later block attends: freed before SDXL's full-size up
    // block, where the call's memory peaks (51 MB at CFG batch 2).
    if (i + 1 >= last_attending_up_block_) call.context_kv = torch::Tensor();
  }

  x = config_.act_fn == Activation::SiLU ? conv_norm_out_->forward_silu(x)
                                         : apply_activation(config_.act_fn, conv_norm_out_->forward(x));
  return conv_out_->forward(x);
}

UNet2DConditionModel load_unet_2d_condition(const std::string& component_dir, const io::LoadOptions& options,
                                            const std::string& variant) {
  const auto config_path = (std::filesystem::path(component_dir) / "config.json").string();
  return load_unet_2d_condition(ConfigReader::open(config_path),
                                io::WeightSet::of(io::open_component_weights(component_dir, variant)), options);
}

UNet2DConditionModel load_unet_2d_condition(const ConfigReader& config, const io::WeightSet& weights,
                                            const io::LoadOptions& options) {
  UNet2DConditionModel model(UNet2DConditionConfig::from_reader(config));
  io::load_state_dict(*model, weights, options);
  model->eval();
  model->prepare();
  return model;
}

}  // namespace gesso::models
