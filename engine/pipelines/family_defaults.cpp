#include "engine/pipelines/family_defaults.h"

#include <set>

#include "engine/error.h"

namespace gesso::pipelines {
namespace {

using nlohmann::json;

bool is_sd2(const FamilyChoice& f) { return f.family == ModelFamily::kSD2; }

// The image size the family was trained at (sets the UNet's default size and the VAE's tiles).
int64_t native_pixels(const FamilyChoice& f) {
  if (is_sdxl(f.family)) return 1024;
  if (is_sd2(f) && f.v_prediction && !f.inpainting) return 768;
  return 512;
}

// SD 1.x's config counts 8 heads everywhere; SD 2.x and SDXL use 64-wide heads (their configs'
// attention_head_dim lists are head counts: 320 / 64 = 5, ...).
json attention_heads(const FamilyChoice& f, const io::LdmUNetShape& s) {
  if (f.family == ModelFamily::kSD1) return 8;
  json heads = json::array();
  for (const auto c : s.block_out_channels) heads.push_back(c / 64);
  return heads;
}

// Levels without a transformer take the middle block's depth: diffusers gives the mid block the
// last entry of transformer_layers_per_block (the refiner's 4 under a DownBlock2D).
json transformer_layers(const io::LdmUNetShape& s) {
  json layers = json::array();
  for (std::size_t b = 0; b < s.block_out_channels.size(); ++b)
    layers.push_back(s.attention[b] ? s.transformer_depth[b] : s.mid_transformer_depth);
  return layers;
}

json schedule_basics() {
  return {{"beta_start", 0.00085}, {"beta_end", 0.012}, {"beta_schedule", "scaled_linear"},
          {"num_train_timesteps", 1000}, {"set_alpha_to_one", false}, {"skip_prk_steps", true},
          {"steps_offset", 1}, {"trained_betas", nullptr}, {"clip_sample", false}};
}

}  // namespace

json default_unet_config(const FamilyChoice& f, const io::LdmUNetShape& s) {
  json down = json::array(), up = json::array();
  for (std::size_t b = 0; b < s.attention.size(); ++b)
    down.push_back(s.attention[b] ? "CrossAttnDownBlock2D" : "DownBlock2D");
  for (auto b = s.attention.size(); b-- > 0;) up.push_back(s.attention[b] ? "CrossAttnUpBlock2D" : "UpBlock2D");
  json c = {{"_class_name", "UNet2DConditionModel"},
            {"sample_size", native_pixels(f) / 8},
            {"in_channels", s.in_channels},
            {"out_channels", s.out_channels},
            {"down_block_types", down},
            {"up_block_types", up},
            {"block_out_channels", s.block_out_channels},
            {"layers_per_block", s.layers_per_block},
            {"cross_attention_dim", s.cross_attention_dim},
            {"attention_head_dim", attention_heads(f, s)},
            {"use_linear_projection", s.linear_projection},
            {"transformer_layers_per_block", transformer_layers(s)},
            // SD 2.1 768-v overflows in fp16 attention without it (its published config sets it).
            {"upcast_attention", is_sd2(f) && f.v_prediction && !f.inpainting}};
  if (s.adm_in_channels > 0) {
    if (!is_sdxl(f.family))
      throw Error("a label embedding (adm_in_channels " + std::to_string(s.adm_in_channels) +
                  ") outside SDXL is not supported");
    c["addition_embed_type"] = "text_time";
    c["addition_time_embed_dim"] = 256;
    c["projection_class_embeddings_input_dim"] = s.adm_in_channels;
  }
  return c;
}

json default_vae_config(const FamilyChoice& f, const io::LdmVaeShape& s) {
  const auto n = s.block_out_channels.size();
  return {{"_class_name", "AutoencoderKL"},
          {"in_channels", s.in_channels},
          {"out_channels", s.out_channels},
          {"down_block_types", json(std::vector<std::string>(n, "DownEncoderBlock2D"))},
          {"up_block_types", json(std::vector<std::string>(n, "UpDecoderBlock2D"))},
          {"block_out_channels", s.block_out_channels},
          {"layers_per_block", s.layers_per_block},
          {"latent_channels", s.latent_channels},
          {"sample_size", native_pixels(f)},
          {"scaling_factor", is_sdxl(f.family) ? 0.13025 : 0.18215},
          {"force_upcast", true}};
}

json default_clip_l_config(const io::WeightSet& w, const std::string& prefix) {
  const std::string p = prefix + (w.contains(prefix + "text_model.final_layer_norm.weight") ? "text_model." : "");
  const auto& tokens = w.at(p + "embeddings.token_embedding.weight").shape;
  std::set<std::string> layers;
  const std::string layer_prefix = p + "encoder.layers.";
  for (auto it = w.entries().lower_bound(layer_prefix); it != w.entries().end() && it->first.rfind(layer_prefix, 0) == 0; ++it)
    layers.insert(it->first.substr(layer_prefix.size(), it->first.find('.', layer_prefix.size()) - layer_prefix.size()));
  const int64_t hidden = tokens.at(1);
  return {{"architectures", {"CLIPTextModel"}},
          {"vocab_size", tokens.at(0)},
          {"hidden_size", hidden},
          {"intermediate_size", w.at(p + "encoder.layers.0.mlp.fc1.weight").shape.at(0)},
          {"num_hidden_layers", static_cast<int64_t>(layers.size())},
          {"num_attention_heads", hidden / 64},
          {"max_position_embeddings", w.at(p + "embeddings.position_embedding.weight").shape.at(0)},
          {"hidden_act", "quick_gelu"},
          {"layer_norm_eps", 1e-5},
          {"projection_dim", 768},
          {"bos_token_id", 0},
          {"eos_token_id", 2},
          {"pad_token_id", 1}};
}

json default_open_clip_config(const io::OpenClipShape& s, int64_t layers, int64_t projection_dim) {
  return {{"architectures", {projection_dim > 0 ? "CLIPTextModelWithProjection" : "CLIPTextModel"}},
          {"vocab_size", s.vocab_size},
          {"hidden_size", s.hidden_size},
          {"intermediate_size", s.intermediate_size},
          {"num_hidden_layers", layers},
          {"num_attention_heads", s.hidden_size / 64},
          {"max_position_embeddings", s.max_positions},
          {"hidden_act", "gelu"},
          {"layer_norm_eps", 1e-5},
          {"projection_dim", projection_dim > 0 ? projection_dim : 512},
          {"bos_token_id", 0},
          {"eos_token_id", 2},
          {"pad_token_id", 1}};
}

json default_scheduler_config(const FamilyChoice& f) {
  json c = schedule_basics();
  const char* prediction = f.v_prediction ? "v_prediction" : "epsilon";
  c["prediction_type"] = prediction;
  if (is_sdxl(f.family)) {
    c["_class_name"] = "EulerDiscreteScheduler";
    c["interpolation_type"] = "linear";
    c["sample_max_value"] = 1.0;
    c["timestep_spacing"] = "leading";
    c["use_karras_sigmas"] = false;
  } else {
    // SD 2.1 (768, v) ships DDIM; SD 1.x, SD 2 base and the inpainting models ship PNDM.
    c["_class_name"] = is_sd2(f) && f.v_prediction ? "DDIMScheduler" : "PNDMScheduler";
  }
  return c;
}

std::string default_pipeline_class(const FamilyChoice& f) {
  if (f.family == ModelFamily::kSDXLRefiner) return "StableDiffusionXLImg2ImgPipeline";
  if (is_sdxl(f.family)) return f.inpainting ? "StableDiffusionXLInpaintPipeline" : "StableDiffusionXLPipeline";
  return f.inpainting ? "StableDiffusionInpaintPipeline" : "StableDiffusionPipeline";
}

std::map<std::string, bool> default_pipeline_flags(const FamilyChoice& f) {
  if (f.family == ModelFamily::kSDXLRefiner)
    return {{"requires_aesthetics_score", true}, {"force_zeros_for_empty_prompt", false}};
  if (is_sdxl(f.family)) return {{"requires_aesthetics_score", false}, {"force_zeros_for_empty_prompt", true}};
  return {};
}

const char* pad_token_for_open_clip(bool open_clip) { return open_clip ? "!" : "<|endoftext|>"; }

}  // namespace gesso::pipelines
