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
  kIF,           // IFPipeline: DeepFloyd IF stage I, T5 text, 64x64 pixels
  kIFSuperResolution,  // IFSuperResolutionPipeline: stage II, the stage I image noised, 256x256
  kSDUpscale,    // StableDiffusionUpscalePipeline: the x4 upscaler (IF's stage III, or any image)
};

// Throws ModelFileError naming model_index.json for a pipeline class Gesso cannot run.
ModelFamily model_family(const io::ModelIndex& index);

bool is_sdxl(ModelFamily family);     // kSDXL or kSDXLRefiner
bool is_deepfloyd(ModelFamily family);  // kIF or kIFSuperResolution (pixel space, T5 embeddings)
// A family txt2img / img2img / inpainting runs (SD 1.x / 2.x / XL); the others run in their own pipelines.
bool is_latent_text_to_image(ModelFamily family);
// "SD 1.x", "SD 2.x", "SDXL", "SDXL refiner", "DeepFloyd IF I", "DeepFloyd IF II", "SD x4 upscaler"
std::string to_string(ModelFamily family);

}  // namespace gesso::pipelines
