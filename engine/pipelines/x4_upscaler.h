#pragma once
// One run of Stability's x4 upscaler (diffusers' StableDiffusionUpscalePipeline) on one image
// tensor: the low-resolution image noised by the model's low_res_scheduler at noise_level, the
// latents (the image's own size) denoised with the image joined to them as extra UNet channels and
// the noise level as the UNet's class label, then decoded by the VAE (4x: its three blocks) at the
// VAE's own scaling factor. The upscale pipeline runs it per tile; DeepFloyd IF as its stage III.
#include <string>

#include "engine/models/conditioning.h"
#include "engine/pipelines/model_bundle.h"
#include "engine/pipelines/observer.h"
#include "engine/pipelines/pipeline_common.h"

namespace gesso::pipelines {

struct X4Settings {
  int steps = 75;             // diffusers' defaults
  double guidance_scale = 9.0;
  int noise_level = 20;
  std::string sampler;        // "": the folder's scheduler
  double eta = 0.0;
};

// RequestError naming the field for steps, guidance or a noise level outside
// [0, model_index.json's max_noise_level (350)].
void check_x4_settings(const ModelBundle& model, const X4Settings& settings, const std::string& prefix);

// low: [1, 3, h, w] in [-1, 1]. conditioning: the prompt's record, [negative; prompt] under guidance
// (guidance_scale > 1). loop carries the CUDA graph and progress fields of DenoiseInputs. Returns
// [1, 3, 4h, 4w] in [-1, 1], float32.
torch::Tensor x4_upscale(ModelBundle& model, const models::Conditioning& conditioning, const torch::Tensor& low,
                         const X4Settings& settings, const BatchGenerator& generator, Observer& observer,
                         const DenoiseInputs& loop);

}  // namespace gesso::pipelines
