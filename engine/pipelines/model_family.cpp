#include "engine/pipelines/model_family.h"

#include <array>

#include "engine/error.h"
#include "engine/models/config_reader.h"

namespace gesso::pipelines {
namespace {

constexpr std::array<const char*, 3> kSdPipelines = {"StableDiffusionPipeline", "StableDiffusionImg2ImgPipeline",
                                                     "StableDiffusionInpaintPipeline"};
constexpr std::array<const char*, 3> kSdxlPipelines = {
    "StableDiffusionXLPipeline", "StableDiffusionXLImg2ImgPipeline", "StableDiffusionXLInpaintPipeline"};

template <std::size_t N>
bool listed(const std::array<const char*, N>& names, const std::string& name) {
  for (const char* n : names)
    if (name == n) return true;
  return false;
}

// SD 2.x's OpenCLIP encoder is the one with (exact) GELU; SD 1.x's CLIP ViT-L uses quick_gelu.
ModelFamily sd_version(const io::ModelIndex& index) {
  const auto path = index.path("text_encoder") + "/config.json";
  const auto config = models::ConfigReader::open(path);
  return config.string("hidden_act", "quick_gelu") == "gelu" ? ModelFamily::kSD2 : ModelFamily::kSD1;
}

}  // namespace

ModelFamily model_family(const io::ModelIndex& index) {
  if (listed(kSdxlPipelines, index.class_name))
    return index.has("text_encoder") ? ModelFamily::kSDXL : ModelFamily::kSDXLRefiner;
  if (listed(kSdPipelines, index.class_name)) {
    io::require_components(index, {"text_encoder"});
    return sd_version(index);
  }
  if (index.class_name == "IFPipeline") return ModelFamily::kIF;
  if (index.class_name == "IFSuperResolutionPipeline") return ModelFamily::kIFSuperResolution;
  if (index.class_name == "StableDiffusionUpscalePipeline") return ModelFamily::kSDUpscale;
  throw ModelFileError(index.dir + "/model_index.json",
                       "pipeline class '" + index.class_name +
                           "' is not supported (Stable Diffusion 1.x / 2.x, SDXL, DeepFloyd IF and the SD x4 "
                           "upscaler pipelines are)");
}

bool is_sdxl(ModelFamily family) { return family == ModelFamily::kSDXL || family == ModelFamily::kSDXLRefiner; }

bool is_deepfloyd(ModelFamily family) { return family == ModelFamily::kIF || family == ModelFamily::kIFSuperResolution; }

bool is_latent_text_to_image(ModelFamily family) { return !is_deepfloyd(family) && family != ModelFamily::kSDUpscale; }

std::string to_string(ModelFamily family) {
  switch (family) {
    case ModelFamily::kSD1: return "SD 1.x";
    case ModelFamily::kSD2: return "SD 2.x";
    case ModelFamily::kSDXL: return "SDXL";
    case ModelFamily::kSDXLRefiner: return "SDXL refiner";
    case ModelFamily::kIF: return "DeepFloyd IF I";
    case ModelFamily::kIFSuperResolution: return "DeepFloyd IF II";
    case ModelFamily::kSDUpscale: return "SD x4 upscaler";
  }
  return "?";
}

}  // namespace gesso::pipelines
