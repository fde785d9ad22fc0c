#pragma once
// Which family a model folder belongs to, from model_index.json's pipeline class and components:
// what decides its text conditioner, its added conditions and the defaults diffusers gives it.
#include <string>

#include "engine/io/model_folder.h"

namespace gesso::pipelines {

enum class ModelFamily {
  kSD1,          // StableDiffusion*Pipeline, CLIP ViT-L (quick_gelu)
  kSD2,          // StableDiffusion*Pipeline, OpenCLIP ViT-H (gelu)
  kSDXL,         // StableDiffusionXL*Pipeline with text_encoder and text_encoder_2
  kSDXLRefiner,  // StableDiffusionXL*Pipeline with text_encoder_2 alone (the refiner)
};

// Throws ModelFileError naming model_index.json for a pipeline class Gesso cannot run.
ModelFamily model_family(const io::ModelIndex& index);

bool is_sdxl(ModelFamily family);     // kSDXL or kSDXLRefiner
std::string to_string(ModelFamily family);  // "SD 1.x", "SD 2.x", "SDXL", "SDXL refiner"

}  // namespace gesso::pipelines
