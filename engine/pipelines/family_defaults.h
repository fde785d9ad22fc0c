#pragma once
// The configs a single-file checkpoint does not carry, built in code: each family's published
// diffusers defaults (the repositories diffusers' from_single_file reads: stable-diffusion-v1-5,
// stable-diffusion-2-1 / -2-base / -2-inpainting, stable-diffusion-xl-base-1.0 / -refiner-1.0,
// stable-diffusion-xl-1.0-inpainting-0.1), with every width, depth and count the weights show
// taken from the weights instead.
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "engine/io/ldm_checkpoint.h"
#include "engine/pipelines/model_family.h"

namespace gesso::pipelines {

struct FamilyChoice {
  ModelFamily family = ModelFamily::kSD1;
  bool inpainting = false;
  bool v_prediction = false;
};

nlohmann::json default_unet_config(const FamilyChoice& f, const io::LdmUNetShape& shape);
nlohmann::json default_vae_config(const FamilyChoice& f, const io::LdmVaeShape& shape);
// CLIP ViT-L (SD 1.x, SDXL's first encoder) from its HF-layout keys under `prefix`.
nlohmann::json default_clip_l_config(const io::WeightSet& checkpoint, const std::string& prefix);
// An OpenCLIP tower (SD 2.x's ViT-H: its first 23 of 24 layers; SDXL's bigG: all, with projection).
nlohmann::json default_open_clip_config(const io::OpenClipShape& shape, int64_t layers, int64_t projection_dim);
nlohmann::json default_scheduler_config(const FamilyChoice& f);

std::string default_pipeline_class(const FamilyChoice& f);
std::map<std::string, bool> default_pipeline_flags(const FamilyChoice& f);
// The tokenizer's pad token: "!" for OpenCLIP encoders, "<|endoftext|>" for CLIP ViT-L.
const char* pad_token_for_open_clip(bool open_clip);

}  // namespace gesso::pipelines
