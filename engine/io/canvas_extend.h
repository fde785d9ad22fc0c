#pragma once
// Outpainting's canvas growth: the image gets new rows and columns on any side, filled from its
// edges, and a mask that marks the new area (plus a band of the old image, so that the seam is
// repainted too) for inpainting to paint over.
#include "engine/io/image.h"

namespace gesso::io {

// How the new pixels start. AUTOMATIC1111's "masked content" then decides what the model starts
// from; these only decide what "original" (and the VAE's view of the border) sees.
enum class CanvasFill {
  kReplicate,    // the edge row / column stretched outwards (cv::BORDER_REPLICATE)
  kReflect,      // the image mirrored at its edge (cv::BORDER_REFLECT_101)
  kBlurredEdge,  // the stretched edge, blurred more the further it reaches: the edge's colours
                 // with no streaks, A1111's "fill" look
};

struct CanvasExtension {
  // Pixels added on each side: each a multiple of 8 (the latent's grid), 0 leaves the side alone.
  int left = 0, right = 0, top = 0, bottom = 0;
  // Pixels of the old image, along each extended side, that the mask marks too (clipped to the
  // image): the new area's seam is repainted rather than pasted against the old pixels.
  int overlap = 8;
  CanvasFill fill = CanvasFill::kReplicate;
};

constexpr int kMaxCanvasExtension = 2048;  // per side: beyond it, generate a new picture instead

struct ExtendedCanvas {
  Image image;  // the input's channel count, (width + left + right) x (height + top + bottom)
  Image mask;   // 1 channel at the same size: 255 = the new area and the overlap, 0 = keep
};

// Throws gesso::Error, naming the side, for a negative, non-multiple-of-8 or too large extension,
// a negative overlap, or an empty image. All sides 0 is allowed: the image and an all-0 mask.
// The old pixels come back unchanged at (left, top).
ExtendedCanvas extend_canvas(const Image& image, const CanvasExtension& extension);

const char* to_string(CanvasFill fill);  // "replicate", "reflect", "blurred edge"

}  // namespace gesso::io
