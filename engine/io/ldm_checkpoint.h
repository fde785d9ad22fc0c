#pragma once
// The CompVis / Stability / A1111 single-file layout ("LDM"), converted at the io boundary to the
// names the models mirror (diffusers'): each function takes the whole checkpoint and returns one
// component's weights under diffusers names, as views of the file (splits and squeezes are views;
// nothing is copied until the loader moves a tensor to its device). Keys that belong to nothing
// the model runs (EMA copies, the OpenCLIP vision tower, logit_scale, position_ids) are left out.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/io/weight_set.h"

namespace gesso::io {

// Where each component lives in a single file.
inline constexpr const char* kLdmUNetPrefix = "model.diffusion_model.";
inline constexpr const char* kLdmVaePrefix = "first_stage_model.";
inline constexpr const char* kLdmClipPrefix = "cond_stage_model.transformer.";          // SD 1.x (HF CLIP)
inline constexpr const char* kLdmOpenClipPrefix = "cond_stage_model.model.";            // SD 2.x (OpenCLIP)
inline constexpr const char* kSgmClipPrefix = "conditioner.embedders.0.transformer.";   // SDXL base, CLIP-L
inline constexpr const char* kSgmOpenClipPrefix = "conditioner.embedders.1.model.";     // SDXL base, OpenCLIP bigG
inline constexpr const char* kSgmRefinerClipPrefix = "conditioner.embedders.0.model.";  // SDXL refiner, bigG

// Whether any key starts with the prefix.
bool has_prefix(const WeightSet& weights, const std::string& prefix);

// The UNet's shape as its LDM keys show it (what a config needs that only the weights say).
struct LdmUNetShape {
  int64_t in_channels = 0, out_channels = 0;
  std::vector<int64_t> block_out_channels;      // per level
  std::vector<bool> attention;                  // per level: a SpatialTransformer after each resnet
  std::vector<int64_t> transformer_depth;       // per level (1 where there is none)
  int64_t mid_transformer_depth = 1;
  int64_t layers_per_block = 0;
  int64_t cross_attention_dim = 0;              // 0: no cross-attention found
  bool linear_projection = false;               // proj_in is a Linear (SD 2.x, SDXL), not a 1x1 conv
  int64_t adm_in_channels = 0;                  // label_emb input width (SDXL's added conditions), 0 if none
};
// Reads it from the keys under kLdmUNetPrefix; ModelFileError naming the file when they are not a
// UNet of the SD layout. `encoder_only`: the down half alone (a ControlNet's; out_channels 0).
LdmUNetShape ldm_unet_shape(const WeightSet& checkpoint, bool encoder_only = false);

// The UNet under diffusers names. With `label_emb_as_class` the label embedding becomes
// class_embedding.* (an SD upscaler's), otherwise add_embedding.* (SDXL's text_time).
WeightSet ldm_unet_weights(const WeightSet& checkpoint, const LdmUNetShape& shape, bool label_emb_as_class = false);
// One LDM UNet name (without kLdmUNetPrefix: "input_blocks.4.1.proj_in.weight") under its
// diffusers name; nullopt when it is none. SDXL LoRAs name their modules this way.
std::optional<std::string> ldm_unet_key(const std::string& key, int64_t layers_per_block);

// A ControlNet in lllyasviel's layout (A1111 / sd-webui-controlnet files such as
// control_v11p_sd15_canny.pth): the UNet's down half under LDM names (time_embed, input_blocks,
// middle_block, label_emb), the hint embedding input_hint_block, zero_convs and middle_block_out,
// each with or without "control_model." before it.
inline constexpr const char* kLdmControlPrefix = "control_model.";
bool is_ldm_controlnet(const WeightSet& weights);
struct LdmControlNetShape {
  LdmUNetShape unet;
  int64_t hint_channels = 0;                 // conditioning_channels
  std::vector<int64_t> embedding_channels;   // conditioning_embedding_out_channels
};
LdmControlNetShape ldm_controlnet_shape(const WeightSet& weights);
// Under diffusers' ControlNetModel names; ModelFileError naming the file for keys of no ControlNet.
WeightSet ldm_controlnet_weights(const WeightSet& weights, const LdmControlNetShape& shape);

// The VAE under diffusers names, from keys under `prefix` (kLdmVaePrefix in a checkpoint, "" in a
// standalone VAE file): the mid-block attention's 1x1 convolutions become linear weights.
WeightSet ldm_vae_weights(const WeightSet& checkpoint, const std::string& prefix);
struct LdmVaeShape {
  int64_t in_channels = 0, out_channels = 0, latent_channels = 0, layers_per_block = 0;
  std::vector<int64_t> block_out_channels;
};
LdmVaeShape ldm_vae_shape(const WeightSet& checkpoint, const std::string& prefix);

// An HF-layout CLIP text model under `prefix` (kLdmClipPrefix, kSgmClipPrefix): the prefix is
// removed and "text_model." ensured.
WeightSet ldm_clip_weights(const WeightSet& checkpoint, const std::string& prefix);

// An OpenCLIP text tower under `prefix` as a CLIPTextModel(WithProjection): resblocks become
// encoder.layers (those from `num_layers` on are not part of the model: SD 2.x uses 23 of 24), the
// fused in_proj is split into q/k/v, and text_projection (x @ P) becomes a Linear weight (P^T)
// when `with_projection`.
WeightSet open_clip_weights(const WeightSet& checkpoint, const std::string& prefix, int64_t num_layers,
                            bool with_projection);
struct OpenClipShape {
  int64_t hidden_size = 0, intermediate_size = 0, num_layers = 0, max_positions = 0, vocab_size = 0;
  int64_t projection_dim = 0;  // 0: no text_projection
};
OpenClipShape open_clip_shape(const WeightSet& checkpoint, const std::string& prefix);

}  // namespace gesso::io
