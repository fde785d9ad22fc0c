#include "engine/pipelines/controlnet_loader.h"

#include <filesystem>

#include "engine/error.h"
#include "engine/io/ldm_checkpoint.h"
#include "engine/pipelines/model_family.h"
#include "engine/pipelines/model_file.h"

namespace gesso::pipelines {
namespace {

std::string family_of(const models::UNet2DConditionConfig& k) {
  const auto width = k.cross_attention_dim.front();
  const std::string name = width == 768 ? "SD 1.x" : width == 1024 ? "SD 2.x" : width == 2048 ? "SDXL" : "";
  return (name.empty() ? std::string("a model") : name) + " (context width " + std::to_string(width) + ")";
}

// A ControlNet is made for one family: its context width, added conditions and widths are the UNet's.
void check_family(const std::string& path, const models::UNet2DConditionConfig& c, const ModelBundle& model) {
  const auto& u = model.unet->config();
  if (c.cross_attention_dim.front() == u.cross_attention_dim.front() && c.addition_embed_type == u.addition_embed_type &&
      c.block_out_channels == u.block_out_channels)
    return;
  throw ModelFileError(path, "is a ControlNet for " + family_of(c) + "; " + model.name() + " is " +
                                 to_string(model.family) + ", " + family_of(u) + ": choose a ControlNet made for " +
                                 to_string(model.family));
}

// The base UNet's config with what the single file's weights say in place of its own.
models::ControlNetConfig config_from(const io::LdmControlNetShape& s, const models::UNet2DConditionConfig& base) {
  models::ControlNetConfig c;
  c.unet = base;
  auto& u = c.unet;
  const auto levels = s.unet.block_out_channels.size();
  u.in_channels = s.unet.in_channels;
  u.block_out_channels = s.unet.block_out_channels;
  u.layers_per_block.assign(levels, s.unet.layers_per_block);
  u.cross_attention_dim.assign(levels, s.unet.cross_attention_dim > 0 ? s.unet.cross_attention_dim
                                                                      : base.cross_attention_dim.front());
  u.transformer_layers_per_block = s.unet.transformer_depth;
  u.use_linear_projection = s.unet.linear_projection;
  u.down_block_types.clear();
  for (const bool attention : s.unet.attention)
    u.down_block_types.push_back(attention ? models::DownBlockType::CrossAttnDown : models::DownBlockType::Down);
  if (s.unet.adm_in_channels == 0) {
    u.addition_embed_type = models::AdditionEmbedType::None;
  } else {
    u.addition_embed_type = models::AdditionEmbedType::TextTime;
    u.projection_class_embeddings_input_dim = s.unet.adm_in_channels;
  }
  c.conditioning_channels = s.hint_channels;
  c.conditioning_embedding_out_channels = s.embedding_channels;
  return c;
}

models::ControlNetModel load_single_file(const std::string& path, const ModelBundle& base,
                                         const io::LoadOptions& options) {
  const auto file = open_weight_file(path);
  if (!io::is_ldm_controlnet(file))
    throw ModelFileError(path, "is not a ControlNet of lllyasviel's layout (no input_hint_block); a diffusers "
                               "ControlNet is a folder with config.json beside its weights");
  const auto shape = io::ldm_controlnet_shape(file);
  const auto config = config_from(shape, base.unet->config());
  check_family(path, config.unet, base);
  if (config.unet.num_attention_heads.size() != config.unet.block_out_channels.size())
    throw ModelFileError(path, "has " + std::to_string(config.unet.block_out_channels.size()) + " levels; " +
                                   base.name() + "'s UNet has " +
                                   std::to_string(config.unet.num_attention_heads.size()));
  return models::load_controlnet(config, io::ldm_controlnet_weights(file, shape), options);
}

}  // namespace

models::ControlNetModel load_controlnet_for(const std::string& path, const ModelBundle& base,
                                            const io::LoadOptions& options) {
  if (!std::filesystem::exists(path))
    throw ModelFileError(path, "not found: choose a ControlNet folder or file (the library's ControlNet folder)");
  auto cn = std::filesystem::is_directory(path) ? models::load_controlnet(path, options)
                                                : load_single_file(path, base, options);
  check_family(path, cn->controlnet_config().unet, base);
  return cn;
}

}  // namespace gesso::pipelines
