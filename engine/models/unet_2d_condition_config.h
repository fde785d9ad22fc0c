#pragma once
// UNet2DConditionModel's config.json, typed. Fields mirror the diffusers constructor arguments
// (same names, same defaults); per-block arguments that may be an int or a list are expanded to one
// entry per block at parse time. Options Gesso does not implement yet are rejected with a
// ModelFileError naming the key.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/models/activation.h"
#include "engine/models/resnet_block.h"

namespace gesso::models {

class ConfigReader;

// "DownBlock2D", "CrossAttnDownBlock2D", and DeepFloyd IF's "ResnetDownsampleBlock2D" (a resnet
// that downsamples instead of a strided conv) and "SimpleCrossAttnDownBlock2D" (its attention with
// added K/V: attention_head_dim is then the head width, not the head count).
enum class DownBlockType { Down, CrossAttnDown, ResnetDownsample, SimpleCrossAttnDown };
// "UpBlock2D", "CrossAttnUpBlock2D", "ResnetUpsampleBlock2D", "SimpleCrossAttnUpBlock2D".
enum class UpBlockType { Up, CrossAttnUp, ResnetUpsample, SimpleCrossAttnUp };
// "UNetMidBlock2DCrossAttn", "UNetMidBlock2DSimpleCrossAttn", null.
enum class MidBlockType { CrossAttn, SimpleCrossAttn, None };
// How a SimpleCrossAttn block's attention normalises the context first (cross_attention_norm).
enum class CrossAttentionNorm { None, GroupNorm, LayerNorm };
// The embeddings added to the time embedding (diffusers' addition_embed_type): SDXL's "text_time"
// (pooled text embeddings + sinusoidal features of the size / crop / score time ids), and
// DeepFloyd IF's "text" (the context attention-pooled: TextTimeEmbedding).
enum class AdditionEmbedType { None, TextTime, Text };
// class_embed_type (with num_class_embeds alone meaning a lookup table: Embedding).
enum class ClassEmbedType { None, Embedding, Timestep, Identity, Projection, SimpleProjection };

struct UNet2DConditionConfig {
  std::optional<std::vector<int64_t>> sample_size;  // {height, width} in latent pixels
  int64_t in_channels = 4;
  int64_t out_channels = 4;
  bool center_input_sample = false;
  bool flip_sin_to_cos = true;
  double freq_shift = 0;
  std::vector<DownBlockType> down_block_types;
  MidBlockType mid_block_type = MidBlockType::CrossAttn;
  std::vector<UpBlockType> up_block_types;
  std::vector<int64_t> block_out_channels;
  std::vector<int64_t> layers_per_block;              // one per block
  int64_t downsample_padding = 1;
  double mid_block_scale_factor = 1.0;
  Activation act_fn = Activation::SiLU;
  int64_t norm_num_groups = 32;
  double norm_eps = 1e-5;
  std::vector<int64_t> cross_attention_dim;           // one per block
  std::vector<int64_t> transformer_layers_per_block;  // one per block
  // The number of heads per block (for SimpleCrossAttn blocks: the width of a head, as diffusers
  // reads it there). diffusers names this "attention_head_dim" in config.json and
  // reads it as a head count (its issue #2011): SD 1.x's 8 means 8 heads; SD 2.x's [5, 10, 20, 20]
  // means 5, 10, 20, 20 heads of 64 channels. The head width is the block's channels / heads.
  std::vector<int64_t> num_attention_heads;
  bool use_linear_projection = false;
  // Attention over the context only, no self-attention (the SD x4 upscaler's transformers' attn1,
  // IF stage II's SimpleCrossAttn blocks); per block, and the mid block's own.
  std::vector<bool> only_cross_attention;
  bool mid_block_only_cross_attention = false;
  CrossAttentionNorm cross_attention_norm = CrossAttentionNorm::None;
  // Resnets of the Resnet*/SimpleCrossAttn blocks (resnet_out_scale_factor, resnet_skip_time_act).
  double resnet_out_scale_factor = 1.0;
  bool resnet_skip_time_act = false;
  // Read by the baddbmm + softmax attention (kPlain, slicing) only: diffusers' default attention
  // (scaled_dot_product_attention, whose fused kernels accumulate in fp32) ignores it, as Gesso's does.
  bool upcast_attention = false;
  TimeEmbeddingNorm resnet_time_scale_shift = TimeEmbeddingNorm::Default;
  std::optional<int64_t> time_embedding_dim;         // default block_out_channels[0] * 4
  std::optional<Activation> time_embedding_act_fn;
  std::optional<Activation> timestep_post_act;
  int64_t conv_in_kernel = 3;
  int64_t conv_out_kernel = 3;
  // Added conditions (the Conditioning record's pooled / time_ids / class_labels / context width).
  AdditionEmbedType addition_embed_type = AdditionEmbedType::None;
  std::optional<int64_t> addition_time_embed_dim;                 // "text_time": per time id
  std::optional<int64_t> projection_class_embeddings_input_dim;  // "text_time", "projection" inputs
  int64_t addition_embed_type_num_heads = 64;                     // "text": the pooling's heads
  ClassEmbedType class_embed_type = ClassEmbedType::None;
  std::optional<int64_t> num_class_embeds;
  bool class_embeddings_concat = false;  // the class embedding joins the time embedding's channels
  std::optional<int64_t> encoder_hid_dim;  // encoder_hid_proj ("text_proj"): the context's width in

  // Reads <path> (a component's config.json). Throws ModelFileError naming the file and key.
  static UNet2DConditionConfig from_json_file(const std::string& path);
  static UNet2DConditionConfig from_reader(const ConfigReader& config);  // a config built in code (single files)

  std::size_t num_blocks() const { return block_out_channels.size(); }
  int64_t time_embed_dim() const { return time_embedding_dim.value_or(block_out_channels.front() * 4); }
  // What the resnets receive: twice time_embed_dim when the class embedding is concatenated.
  int64_t blocks_time_embed_dim() const { return time_embed_dim() * (class_embeddings_concat ? 2 : 1); }
  // The width of the encoder_hidden_states the UNet takes (before encoder_hid_proj, if any).
  int64_t context_width() const { return encoder_hid_dim.value_or(cross_attention_dim.front()); }
};

}  // namespace gesso::models
