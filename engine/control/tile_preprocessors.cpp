#include "engine/control/tile_preprocessors.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace gesso::control {

cv::Mat tile_resample(const cv::Mat& rgb, double rate) {
  if (rate < 1.1) return rgb.clone();
  // Python's int(): truncation. Upstream fails on a size of 0; one pixel is the nearest sensible map.
  const int width = std::max(1, static_cast<int>(rgb.cols / rate));
  const int height = std::max(1, static_cast<int>(rgb.rows / rate));
  cv::Mat out;
  cv::resize(rgb, out, cv::Size(width, height), 0, 0, cv::INTER_AREA);
  return out;
}

cv::Mat tile_colorfix(const cv::Mat& rgb) { return rgb.clone(); }

}  // namespace gesso::control
