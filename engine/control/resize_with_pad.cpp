#include "engine/control/resize_with_pad.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/error.h"

namespace gesso::control {
namespace {

// No side beyond this: a 2048 short side allows an 8:1 image, and a longer one is a mistake that
// would otherwise allocate gigabytes.
constexpr int kMaxWorkingSide = 16384;

int pad64(int n) { return (n + 63) / 64 * 64 - n; }

}  // namespace

cv::Mat PaddedImage::remove_pad(const cv::Mat& m) const { return m(cv::Rect({0, 0}, working)).clone(); }

PaddedImage resize_with_pad(const cv::Mat& rgb, int resolution) {
  const double k = static_cast<double>(resolution) / std::min(rgb.rows, rgb.cols);
  // np.round rounds half to even, as nearbyint does in the default rounding mode.
  const double height = std::nearbyint(rgb.rows * k), width = std::nearbyint(rgb.cols * k);
  if (std::max(height, width) > kMaxWorkingSide) {
    throw RequestError("preprocessor", "a " + std::to_string(rgb.cols) + "x" + std::to_string(rgb.rows) +
                                           " image at Preprocessor Resolution " + std::to_string(resolution) +
                                           " would be processed at " + std::to_string(static_cast<long>(width)) +
                                           "x" + std::to_string(static_cast<long>(height)) +
                                           "; lower the resolution or crop the image");
  }
  PaddedImage out;
  out.working = cv::Size(static_cast<int>(width), static_cast<int>(height));
  cv::Mat scaled;
  cv::resize(rgb, scaled, out.working, 0, 0, k > 1 ? cv::INTER_CUBIC : cv::INTER_AREA);
  cv::copyMakeBorder(scaled, out.padded, 0, pad64(out.working.height), 0, pad64(out.working.width),
                     cv::BORDER_REPLICATE);  // np.pad(mode="edge")
  return out;
}

}  // namespace gesso::control
