#pragma once
// Inpainting as diffusers' StableDiffusionInpaintPipeline does it (9-channel inpainting UNets take
// mask and masked-image latents as input; 4-channel UNets blend the known latents back after every
// step), wrapped in AUTOMATIC1111's options: mask blur, "only masked" crop, masked content and the
// final composite through the blurred mask, so that no pixel outside the mask changes.
#include "engine/io/image.h"
#include "engine/pipelines/inpaint_mask.h"
#include "engine/pipelines/pipeline_common.h"

namespace gesso::pipelines::inpaint {

struct Prepared {
  Image original;       // the init image, RGB, full size
  Image blurred_mask;   // full size, after mask blur
  Image work_image;     // what the model sees, at the output size
  Image work_mask;
  CropRegion region;    // "only masked": where work_image came from
  bool cropped = false;
};

// Mask to image size, blur, crop ("only masked") and fill ("masked content: fill").
Prepared prepare(const GenerationRequest& request, int width, int height);

// Starting latents and UNet conditioning / blending inputs, drawing from each image's generator in
// diffusers' order (image latents, noise, masked-image latents).
void start(RunContext& ctx, const Prepared& prepared);

// Pastes the generated picture back ("only masked") and composites it onto the original.
Image finish(const Prepared& prepared, const Image& generated, const InpaintOptions& options);

}  // namespace gesso::pipelines::inpaint
