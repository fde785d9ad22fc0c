#pragma once
// A ControlNet unit's control image as its ControlNet reads it: the unit's image (or the run's init
// image), through its preprocessor, brought to the output size by its resize mode, in [0, 1]; the
// inpainting hint's masked pixels at -1.
#include <torch/types.h>

#include "engine/io/image.h"
#include "engine/pipelines/generation_request.h"

namespace gesso::pipelines {

// sd-webui-controlnet's resize modes, resampling with Lanczos (what diffusers' control image
// processor uses): Just Resize stretches; Crop and Resize scales by the larger ratio, rounds the
// size half to even (numpy's round) and cuts the centre; Resize and Fill scales by the smaller
// ratio and centres the result on the per-channel median of the image's border pixels.
Image fit_control_image(const Image& image, int width, int height, ResizeMode mode);

// [1, 3, height, width] float32 in [0, 1]; an RGBA image (the "inpaint" preprocessor's) becomes
// the inpainting ControlNet's hint: where alpha > 127 the pixel is -1 (diffusers'
// make_inpaint_condition, sd-webui-controlnet's inpaint). Throws RequestError naming the unit.
torch::Tensor control_image_tensor(const ControlUnit& unit, const GenerationRequest& request, int width, int height,
                                   std::size_t index);

}  // namespace gesso::pipelines
