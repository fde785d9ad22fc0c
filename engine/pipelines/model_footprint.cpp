#include "engine/pipelines/model_footprint.h"

#include <c10/core/ScalarType.h>

#include "engine/models/autoencoder_kl_config.h"
#include "engine/models/unet_2d_condition_config.h"
#include "engine/models/vae_tiling.h"
#include "engine/pipelines/model_family.h"
#include "engine/pipelines/model_source.h"
#include "engine/pipelines/pipeline_common.h"

namespace gesso::pipelines {
namespace {

// Floating-point elements of a component's weights. Integer tensors (CLIP's position_ids) are
// buffers the loader neither converts nor counts as weights.
int64_t float_elements(const io::WeightSet& weights) {
  int64_t elements = 0;
  for (const auto& [name, tensor] : weights.entries()) {
    if (!c10::isFloatingType(tensor.dtype)) continue;
    int64_t n = 1;
    for (const int64_t d : tensor.shape) n *= d;
    elements += n;
  }
  return elements;
}

int dtype_bytes(torch::ScalarType dtype) { return static_cast<int>(c10::elementSize(dtype)); }

int64_t rescale(int64_t bytes, int from, int to) { return from > 0 ? bytes / from * to : bytes; }

}  // namespace

void set_unet_shape(runtime::ModelFootprint& f, const models::UNet2DConditionConfig& unet) {
  std::size_t level = 0;
  const auto attends = [&](std::size_t i) {
    return unet.down_block_types[i] == models::DownBlockType::CrossAttnDown ||
           unet.down_block_types[i] == models::DownBlockType::SimpleCrossAttnDown;
  };
  while (level + 1 < unet.down_block_types.size() && !attends(level)) ++level;
  f.first_attention_level = static_cast<int>(level);
  f.unet_heads = unet.num_attention_heads.empty() ? 8 : unet.num_attention_heads[level];
  // IF's added-K/V attention reads attention_head_dim as the head width.
  if (unet.down_block_types[level] == models::DownBlockType::SimpleCrossAttnDown)
    f.unet_heads = unet.block_out_channels[level] / unet.num_attention_heads[level];
  f.unet_width = runtime::unet_width(unet.block_out_channels);
}

runtime::ModelFootprint footprint_on_disk(const std::string& path, torch::ScalarType dtype, bool vae_fp32,
                                          const std::string& variant) {
  const auto source = open_model_source(ModelSpec{.path = path}, variant);
  const auto unet = models::UNet2DConditionConfig::from_reader(source.component("unet").config);
  const auto vae = models::AutoencoderKLConfig::from_reader(source.component("vae").config);
  runtime::ModelFootprint f;
  f.unet_dtype_bytes = dtype_bytes(dtype);
  f.vae_upcast_in_fp16 = is_sdxl(source.family) && vae.force_upcast;
  const bool upcast = vae_fp32 || (f.vae_upcast_in_fp16 && dtype == torch::kHalf);
  f.vae_dtype_bytes = upcast ? dtype_bytes(torch::kFloat) : f.unet_dtype_bytes;
  for (const char* encoder : {"text_encoder", "text_encoder_2"})
    if (source.components.count(encoder))
      f.text_encoder_bytes += float_elements(source.component(encoder).weights) * f.unet_dtype_bytes;
  f.unet_bytes = float_elements(source.component("unet").weights) * f.unet_dtype_bytes;
  f.vae_bytes = float_elements(source.component("vae").weights) * f.vae_dtype_bytes;
  set_unet_shape(f, unet);
  f.vae_scale_factor = vae.downscale_factor();
  f.vae_tile_pixels = models::vae_tile_sizes(vae, is_sdxl(source.family) ? kSdxlVaeTile : 0).sample;
  return f;
}

runtime::ModelFootprint with_refiner(runtime::ModelFootprint base, const runtime::ModelFootprint& refiner) {
  base.refiner_text_encoder_bytes = refiner.text_encoder_bytes;
  base.refiner_unet_bytes = refiner.unet_bytes;
  base.refiner_vae_bytes = refiner.vae_bytes;
  base.refiner_unet_width = refiner.unet_width;
  return base;
}

runtime::ModelFootprint with_precision(const runtime::ModelFootprint& footprint, torch::ScalarType dtype,
                                       bool vae_fp32) {
  runtime::ModelFootprint f = footprint;
  f.unet_dtype_bytes = dtype_bytes(dtype);
  const bool upcast = vae_fp32 || (f.vae_upcast_in_fp16 && dtype == torch::kHalf);
  f.vae_dtype_bytes = upcast ? dtype_bytes(torch::kFloat) : f.unet_dtype_bytes;
  f.text_encoder_bytes = rescale(footprint.text_encoder_bytes, footprint.unet_dtype_bytes, f.unet_dtype_bytes);
  f.unet_bytes = rescale(footprint.unet_bytes, footprint.unet_dtype_bytes, f.unet_dtype_bytes);
  f.vae_bytes = rescale(footprint.vae_bytes, footprint.vae_dtype_bytes, f.vae_dtype_bytes);
  f.refiner_text_encoder_bytes =
      rescale(footprint.refiner_text_encoder_bytes, footprint.unet_dtype_bytes, f.unet_dtype_bytes);
  f.refiner_unet_bytes = rescale(footprint.refiner_unet_bytes, footprint.unet_dtype_bytes, f.unet_dtype_bytes);
  f.refiner_vae_bytes = rescale(footprint.refiner_vae_bytes, footprint.vae_dtype_bytes, f.vae_dtype_bytes);
  return f;
}

}  // namespace gesso::pipelines
