#include "engine/control/inpaint_hint.h"

#include <algorithm>

namespace gesso::control {

Image inpaint_hint(const Image& rgb, const Image& mask) {
  const Image gray = io::resize(io::to_gray(mask), rgb.width, rgb.height, io::Interp::kNearest);
  Image out = io::make_image(rgb.width, rgb.height, 4);
  const size_t n = static_cast<size_t>(rgb.width) * rgb.height;
  for (size_t i = 0; i < n; ++i) {
    std::copy_n(rgb.pixels.data() + i * 3, 3, out.pixels.data() + i * 4);
    out.pixels[i * 4 + 3] = gray.pixels[i] > 127 ? 255 : 0;
  }
  return out;
}

}  // namespace gesso::control
