#pragma once
// The mask operations of A1111's inpainting: mask blur, "only masked" crop and paste-back,
// the feathered composite onto the original, and "masked content: fill".
// Masks are 8-bit: 0 keeps the original, 255 is repainted. A 3- or 4-channel mask is read as its
// gray value (PIL's convert("L")). Every function throws RequestError("mask", ...) when the mask
// and the image differ in size.
#include "engine/io/image.h"

namespace gesso::pipelines {

// A1111's "mask blur": a Gaussian of sigma `blur_px`, kernel 2*int(2.5*sigma+0.5)+1 taps, applied
// along x then along y with a rounding to 8 bits in between, as A1111 does with cv2.GaussianBlur
// (BORDER_REFLECT_101). The kernel spans +-2.5 sigma: the mask fades over about 2.5*blur_px pixels
// each side of its edge. blur_px <= 0 returns the mask (as gray) unchanged.
Image blur_mask(const Image& mask, int blur_px);

struct CropRegion {
  int x = 0, y = 0, w = 0, h = 0;
  bool operator==(const CropRegion&) const = default;
};

// "Inpaint area: only masked": the bounding box of the non-zero mask pixels grown by `padding_px`
// on each side (clipped to the image), then grown along its short side to the aspect ratio of
// target_w x target_h, shifted back inside the image where it sticks out, and clipped to it (A1111's
// get_crop_region + expand_crop_region). Pass the blurred mask so the feathered edge is included.
// Throws RequestError("mask", ...) when the mask is empty.
CropRegion masked_region(const Image& mask, int padding_px, int target_w, int target_h);

// The pixels of `region`; throws RequestError("mask", ...) if it is not inside the image.
Image crop(const Image& image, const CropRegion& region);

// A copy of `original` with `generated_region` resized (Lanczos) to region.w x region.h and pasted
// at region.x, region.y. Channels follow `original` (RGB into RGBA keeps the original alpha).
Image paste_back(const Image& original, const Image& generated_region, const CropRegion& region);

// original*(1-m) + generated*m with m = mask/255, rounded to nearest: where the mask is 0 the result
// is bit-identical to `original`, where it is 255 to `generated`, feathered in between. Channels
// follow `original`; `generated` must have the same size.
Image composite(const Image& original, const Image& generated, const Image& blurred_mask);

// A1111's "masked content: fill": masked pixels take colours diffused in from the unmasked
// surroundings. A push-pull pyramid does it: the unmasked colours, weighted by 1-m, are averaged
// down to 1x1 and then filled back up level by level, each level's holes taking the (lightly
// blurred) upsampled colours of the coarser one. Every pixel gets a colour (no holes, whatever the
// mask's size) and pixels with mask 0 are returned unchanged. A mask covering everything leaves
// nothing to diffuse from: the image comes back unchanged.
Image fill_masked(const Image& image, const Image& mask);

}  // namespace gesso::pipelines
