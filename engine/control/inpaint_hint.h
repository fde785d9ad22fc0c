#pragma once
// The "inpaint" preprocessor (sd-webui-controlnet's inpaint_global_harmonious): the image with the
// run's mask as alpha, which the pipeline turns into the inpainting ControlNet's hint (-1 where set).
#include "engine/io/image.h"

namespace gesso::control {

// RGBA at the image's size: RGB from `rgb`, alpha 255 where the mask (gray, or its luma) is above
// 127, else 0, as sd-webui-controlnet binarizes it. A mask of another size is first resized to the
// image with nearest neighbour. Both images must be well formed.
Image inpaint_hint(const Image& rgb, const Image& mask);

}  // namespace gesso::control
