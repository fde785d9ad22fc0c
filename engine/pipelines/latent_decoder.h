#pragma once
// Latents to pictures: the VAE decode of latents / scaling_factor, then diffusers' postprocess to
// 8-bit RGB. A decode in fp16 that overflows (NaNs: the black images SDXL's VAE gives in fp16) is
// done again in float32, and the VAE stays in float32 for that model, with a note for the user.
#include <string>
#include <vector>

#include "engine/io/image.h"
#include "engine/models/vae_tiling.h"
#include "engine/pipelines/model_bundle.h"

namespace gesso::pipelines {

struct Decoded {
  std::vector<Image> images;  // one per batch entry
  std::string note;           // what was done about NaNs, else empty
};

Decoded decode_latents(ModelBundle& model, const torch::Tensor& latents, const models::VaeTiling& how = {});

}  // namespace gesso::pipelines
