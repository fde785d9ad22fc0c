#include "engine/models/unet_2d_condition_config.h"

#include "engine/models/config_reader.h"

namespace gesso::models {
namespace {

// diffusers accepts the legacy "UNetRes" prefix on block names and strips it.
std::string strip_unet_res(const std::string& name) {
  return name.rfind("UNetRes", 0) == 0 ? name.substr(7) : name;
}

std::vector<DownBlockType> read_down_blocks(const ConfigReader& r) {
  const auto names = r.string_list("down_block_types", {"CrossAttnDownBlock2D", "CrossAttnDownBlock2D",
                                                        "CrossAttnDownBlock2D", "DownBlock2D"});
  std::vector<DownBlockType> types;
  for (const auto& raw : names) {
    const auto name = strip_unet_res(raw);
    if (name == "DownBlock2D")
      types.push_back(DownBlockType::Down);
    else if (name == "CrossAttnDownBlock2D")
      types.push_back(DownBlockType::CrossAttnDown);
    else if (name == "ResnetDownsampleBlock2D")
      types.push_back(DownBlockType::ResnetDownsample);
    else if (name == "SimpleCrossAttnDownBlock2D")
      types.push_back(DownBlockType::SimpleCrossAttnDown);
    else
      r.fail("down_block_types", "\"" + raw +
                                     "\" is not supported (expected DownBlock2D, CrossAttnDownBlock2D, "
                                     "ResnetDownsampleBlock2D or SimpleCrossAttnDownBlock2D)");
  }
  return types;
}

std::vector<UpBlockType> read_up_blocks(const ConfigReader& r) {
  const auto names = r.string_list("up_block_types",
                                   {"UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"});
  std::vector<UpBlockType> types;
  for (const auto& raw : names) {
    const auto name = strip_unet_res(raw);
    if (name == "UpBlock2D")
      types.push_back(UpBlockType::Up);
    else if (name == "CrossAttnUpBlock2D")
      types.push_back(UpBlockType::CrossAttnUp);
    else if (name == "ResnetUpsampleBlock2D")
      types.push_back(UpBlockType::ResnetUpsample);
    else if (name == "SimpleCrossAttnUpBlock2D")
      types.push_back(UpBlockType::SimpleCrossAttnUp);
    else
      r.fail("up_block_types", "\"" + raw +
                                   "\" is not supported (expected UpBlock2D, CrossAttnUpBlock2D, "
                                   "ResnetUpsampleBlock2D or SimpleCrossAttnUpBlock2D)");
  }
  return types;
}

MidBlockType read_mid_block(const ConfigReader& r) {
  // Absent means diffusers' default; an explicit null means no mid block.
  if (r.is_null("mid_block_type")) return MidBlockType::None;
  const auto name = r.string("mid_block_type", "UNetMidBlock2DCrossAttn");
  if (name == "UNetMidBlock2DCrossAttn") return MidBlockType::CrossAttn;
  if (name == "UNetMidBlock2DSimpleCrossAttn") return MidBlockType::SimpleCrossAttn;
  r.fail("mid_block_type",
         "\"" + name + "\" is not supported (expected UNetMidBlock2DCrossAttn, UNetMidBlock2DSimpleCrossAttn or null)");
}

std::optional<Activation> read_optional_activation(const ConfigReader& r, const std::string& key) {
  if (!r.has(key)) return std::nullopt;
  return read_activation(r, key, "");
}

AdditionEmbedType read_addition_embed_type(const ConfigReader& r) {
  if (!r.has("addition_embed_type")) return AdditionEmbedType::None;
  const auto name = r.string("addition_embed_type", "");
  if (name == "text_time") return AdditionEmbedType::TextTime;
  if (name == "text") return AdditionEmbedType::Text;
  r.fail("addition_embed_type", "\"" + name + "\" is not supported (expected text_time, text or null)");
}

ClassEmbedType read_class_embed_type(const ConfigReader& r) {
  if (!r.has("class_embed_type")) return r.has("num_class_embeds") ? ClassEmbedType::Embedding : ClassEmbedType::None;
  const auto name = r.string("class_embed_type", "");
  if (name == "timestep") return ClassEmbedType::Timestep;
  if (name == "identity") return ClassEmbedType::Identity;
  if (name == "projection") return ClassEmbedType::Projection;
  if (name == "simple_projection") return ClassEmbedType::SimpleProjection;
  r.fail("class_embed_type",
         "\"" + name + "\" is not supported (expected timestep, identity, projection, simple_projection or null)");
}

// addition_embed_type, class_embed_type and encoder_hid_dim, with the checks diffusers' constructor
// makes (a projection needs its input width).
void read_added_conditions(const ConfigReader& r, UNet2DConditionConfig& c) {
  c.addition_embed_type = read_addition_embed_type(r);
  c.addition_time_embed_dim = r.optional_integer("addition_time_embed_dim");
  c.addition_embed_type_num_heads = r.integer("addition_embed_type_num_heads", 64);
  c.projection_class_embeddings_input_dim = r.optional_integer("projection_class_embeddings_input_dim");
  c.class_embed_type = read_class_embed_type(r);
  c.num_class_embeds = r.optional_integer("num_class_embeds");
  c.class_embeddings_concat = r.boolean("class_embeddings_concat", false);
  c.encoder_hid_dim = r.optional_integer("encoder_hid_dim");
  const auto needs = [&](const char* key, const std::optional<int64_t>& v, const char* what) {
    if (!v || *v <= 0) r.fail(key, std::string("must be a positive integer for ") + what);
  };
  if (c.addition_embed_type == AdditionEmbedType::TextTime) {
    needs("addition_time_embed_dim", c.addition_time_embed_dim, "addition_embed_type \"text_time\"");
    needs("projection_class_embeddings_input_dim", c.projection_class_embeddings_input_dim,
          "addition_embed_type \"text_time\"");
  }
  if (c.addition_embed_type == AdditionEmbedType::Text && c.context_width() % c.addition_embed_type_num_heads != 0)
    r.fail("addition_embed_type_num_heads", std::to_string(c.addition_embed_type_num_heads) +
                                                " heads do not divide the context width " +
                                                std::to_string(c.context_width()));
  if (c.class_embed_type == ClassEmbedType::Projection || c.class_embed_type == ClassEmbedType::SimpleProjection)
    needs("projection_class_embeddings_input_dim", c.projection_class_embeddings_input_dim, "a projected class embedding");
  if (c.class_embed_type == ClassEmbedType::Embedding) needs("num_class_embeds", c.num_class_embeds, "class embeddings");
  if (c.encoder_hid_dim) {
    r.require_value("encoder_hid_dim_type", "text_proj", "only the text_proj encoder projection is implemented");
    needs("encoder_hid_dim", c.encoder_hid_dim, "encoder_hid_proj");
    for (auto d : c.cross_attention_dim)
      if (d != c.cross_attention_dim.front())
        r.fail("cross_attention_dim", "must be one width for all blocks with encoder_hid_dim (one projection)");
  } else if (r.has("encoder_hid_dim_type")) {
    r.fail("encoder_hid_dim_type", "is set but encoder_hid_dim is not");
  }
}

TimeEmbeddingNorm read_time_scale_shift(const ConfigReader& r) {
  const auto name = r.string("resnet_time_scale_shift", "default");
  if (name == "default") return TimeEmbeddingNorm::Default;
  if (name == "scale_shift") return TimeEmbeddingNorm::ScaleShift;
  r.fail("resnet_time_scale_shift", "\"" + name + "\" is not supported (expected default or scale_shift)");
}

// The options Gesso does not implement (GLIGEN, dual cross-attention, LCM's timestep condition,
// other time embeddings): present and non-default is an error, so
// a model is never run with a silently different architecture.
void reject_unsupported(const ConfigReader& r) {
  r.require_null("num_attention_heads",
                 "diffusers' UNet2DConditionModel rejects it too; heads come from attention_head_dim");
  r.require_null("time_cond_proj_dim", "timestep conditioning (LCM) is not implemented");
  r.require_null("reverse_transformer_layers_per_block", "asymmetric transformer depths are not implemented");
  r.require_value("dual_cross_attention", false, "dual cross-attention is not implemented");
  r.require_value("time_embedding_type", "positional", "only positional (sinusoidal) timestep embeddings");
  r.require_value("attention_type", "default", "GLIGEN gated attention is not implemented");
}

CrossAttentionNorm read_cross_attention_norm(const ConfigReader& r) {
  if (!r.has("cross_attention_norm")) return CrossAttentionNorm::None;
  const auto name = r.string("cross_attention_norm", "");
  if (name == "group_norm") return CrossAttentionNorm::GroupNorm;
  if (name == "layer_norm") return CrossAttentionNorm::LayerNorm;
  r.fail("cross_attention_norm", "\"" + name + "\" is not supported (expected group_norm, layer_norm or null)");
}

// only_cross_attention as diffusers' constructor expands it: a bool also sets the mid block's
// default; a list leaves the mid block without (mid_block_only_cross_attention overrides both).
void read_only_cross_attention(const ConfigReader& r, UNet2DConditionConfig& c) {
  const bool single = !r.is_list("only_cross_attention");
  c.only_cross_attention = r.per_block_boolean("only_cross_attention", false, c.num_blocks());
  const bool mid_default = single && c.only_cross_attention.front();
  c.mid_block_only_cross_attention = r.boolean("mid_block_only_cross_attention", mid_default);
}

void read_blocks(const ConfigReader& r, UNet2DConditionConfig& c) {
  c.down_block_types = read_down_blocks(r);
  c.up_block_types = read_up_blocks(r);
  c.mid_block_type = read_mid_block(r);
  c.block_out_channels = r.integer_list("block_out_channels", {320, 640, 1280, 1280});
  const auto n = c.block_out_channels.size();
  if (n == 0) r.fail("block_out_channels", "must list at least one block");
  if (c.down_block_types.size() != n)
    r.fail("down_block_types", "has " + std::to_string(c.down_block_types.size()) + " entries but block_out_channels has " +
                                   std::to_string(n));
  if (c.up_block_types.size() != n)
    r.fail("up_block_types", "has " + std::to_string(c.up_block_types.size()) + " entries but block_out_channels has " +
                                 std::to_string(n));
  c.layers_per_block = r.per_block_integer("layers_per_block", 2, n);
  c.cross_attention_dim = r.per_block_integer("cross_attention_dim", 1280, n);
  c.transformer_layers_per_block = r.per_block_integer("transformer_layers_per_block", 1, n);
  c.num_attention_heads = r.per_block_integer("attention_head_dim", 8, n);
  read_only_cross_attention(r, c);
  c.cross_attention_norm = read_cross_attention_norm(r);
  c.resnet_out_scale_factor = r.number("resnet_out_scale_factor", 1.0);
  c.resnet_skip_time_act = r.boolean("resnet_skip_time_act", false);
}

void require_positive(const ConfigReader& r, const std::string& key, const std::vector<int64_t>& values) {
  for (auto v : values)
    if (v <= 0) r.fail(key, "values must be positive, got " + std::to_string(v));
}

void validate(const ConfigReader& r, const UNet2DConditionConfig& c) {
  require_positive(r, "block_out_channels", c.block_out_channels);
  require_positive(r, "layers_per_block", c.layers_per_block);
  require_positive(r, "cross_attention_dim", c.cross_attention_dim);
  require_positive(r, "transformer_layers_per_block", c.transformer_layers_per_block);
  require_positive(r, "attention_head_dim", c.num_attention_heads);
  require_positive(r, "in_channels", {c.in_channels});
  require_positive(r, "out_channels", {c.out_channels});
  require_positive(r, "norm_num_groups", {c.norm_num_groups});
  require_positive(r, "time_embedding_dim", {c.time_embed_dim()});
  for (std::size_t i = 0; i < c.num_blocks(); ++i) {
    const auto ch = c.block_out_channels[i];
    if (ch % c.norm_num_groups != 0)
      r.fail("norm_num_groups", std::to_string(c.norm_num_groups) + " does not divide block_out_channels[" +
                                    std::to_string(i) + "] = " + std::to_string(ch));
    if (ch % c.num_attention_heads[i] != 0)
      r.fail("attention_head_dim", "block " + std::to_string(i) + ": " + std::to_string(ch) +
                                       " channels do not split into " + std::to_string(c.num_attention_heads[i]) +
                                       " heads");
  }
  if (c.conv_in_kernel <= 0 || c.conv_in_kernel % 2 == 0) r.fail("conv_in_kernel", "must be a positive odd size");
  if (c.conv_out_kernel <= 0 || c.conv_out_kernel % 2 == 0) r.fail("conv_out_kernel", "must be a positive odd size");
  if (c.downsample_padding < 0) r.fail("downsample_padding", "must not be negative");
}

}  // namespace

UNet2DConditionConfig UNet2DConditionConfig::from_json_file(const std::string& path) { return from_reader(ConfigReader::open(path)); }

UNet2DConditionConfig UNet2DConditionConfig::from_reader(const ConfigReader& r) {
  UNet2DConditionConfig c;
  read_blocks(r, c);
  reject_unsupported(r);
  c.sample_size = r.optional_size("sample_size");
  c.in_channels = r.integer("in_channels", 4);
  c.out_channels = r.integer("out_channels", 4);
  c.center_input_sample = r.boolean("center_input_sample", false);
  c.flip_sin_to_cos = r.boolean("flip_sin_to_cos", true);
  c.freq_shift = r.number("freq_shift", 0.0);
  c.downsample_padding = r.integer("downsample_padding", 1);
  c.mid_block_scale_factor = r.number("mid_block_scale_factor", 1.0);
  c.act_fn = read_activation(r, "act_fn", "silu");
  if (r.is_null("norm_num_groups")) r.fail("norm_num_groups", "null (no output norm) is not supported");
  c.norm_num_groups = r.integer("norm_num_groups", 32);
  c.norm_eps = r.number("norm_eps", 1e-5);
  c.use_linear_projection = r.boolean("use_linear_projection", false);
  c.upcast_attention = r.boolean("upcast_attention", false);
  c.resnet_time_scale_shift = read_time_scale_shift(r);
  c.time_embedding_dim = r.optional_integer("time_embedding_dim");
  c.time_embedding_act_fn = read_optional_activation(r, "time_embedding_act_fn");
  c.timestep_post_act = read_optional_activation(r, "timestep_post_act");
  c.conv_in_kernel = r.integer("conv_in_kernel", 3);
  c.conv_out_kernel = r.integer("conv_out_kernel", 3);
  read_added_conditions(r, c);
  validate(r, c);
  return c;
}

}  // namespace gesso::models
