#include "engine/io/canvas_extend.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <string>

#include "engine/error.h"

namespace gesso::io {

namespace {

void check_side(int pixels, const char* side) {
  const std::string name(side);
  if (pixels < 0) throw Error("canvas extension " + name + ": " + std::to_string(pixels) + " is negative");
  if (pixels % 8 != 0)
    throw Error("canvas extension " + name + ": " + std::to_string(pixels) + " is not a multiple of 8 (try " +
                std::to_string(pixels / 8 * 8) + " or " + std::to_string(pixels / 8 * 8 + 8) + ")");
  if (pixels > kMaxCanvasExtension)
    throw Error("canvas extension " + name + ": " + std::to_string(pixels) + " is more than " +
                std::to_string(kMaxCanvasExtension) + " pixels");
}

void check(const Image& image, const CanvasExtension& e) {
  if (image.empty()) throw Error("there is no image to extend");
  check_image(image, "image to extend");
  check_side(e.left, "left");
  check_side(e.right, "right");
  check_side(e.top, "top");
  check_side(e.bottom, "bottom");
  if (e.overlap < 0) throw Error("canvas extension overlap: " + std::to_string(e.overlap) + " is negative");
}

// The stretched edge, blurred with a kernel as wide as the widest new band: near the old image
// the colours are the edge's own, further out they run together instead of streaking.
cv::Mat blurred_edge(const cv::Mat& replicated, const CanvasExtension& e) {
  const int reach = std::max({e.left, e.right, e.top, e.bottom});
  const int kernel = std::max(3, reach | 1);  // odd
  cv::Mat blurred;
  cv::blur(replicated, blurred, cv::Size(kernel, kernel), cv::Point(-1, -1), cv::BORDER_REPLICATE);
  return blurred;
}

cv::Mat grown_pixels(const cv::Mat& source, const CanvasExtension& e) {
  cv::Mat grown;
  const int border = e.fill == CanvasFill::kReflect ? cv::BORDER_REFLECT_101 : cv::BORDER_REPLICATE;
  cv::copyMakeBorder(source, grown, e.top, e.bottom, e.left, e.right, border);
  if (e.fill == CanvasFill::kBlurredEdge) grown = blurred_edge(grown, e);
  // Whatever the fill did, the old pixels are the old pixels.
  source.copyTo(grown(cv::Rect(e.left, e.top, source.cols, source.rows)));
  return grown;
}

// 255 everywhere but the old image, less an `overlap` band along each extended side.
cv::Mat new_area_mask(const cv::Size& old_size, const CanvasExtension& e) {
  cv::Mat mask(old_size.height + e.top + e.bottom, old_size.width + e.left + e.right, CV_8UC1, cv::Scalar(255));
  const int cut_left = e.left > 0 ? std::min(e.overlap, old_size.width) : 0;
  const int cut_right = e.right > 0 ? std::min(e.overlap, old_size.width - cut_left) : 0;
  const int cut_top = e.top > 0 ? std::min(e.overlap, old_size.height) : 0;
  const int cut_bottom = e.bottom > 0 ? std::min(e.overlap, old_size.height - cut_top) : 0;
  const cv::Rect kept(e.left + cut_left, e.top + cut_top, old_size.width - cut_left - cut_right,
                      old_size.height - cut_top - cut_bottom);
  if (kept.area() > 0) mask(kept).setTo(cv::Scalar(0));
  return mask;
}

}  // namespace

ExtendedCanvas extend_canvas(const Image& image, const CanvasExtension& extension) {
  check(image, extension);
  const cv::Mat source = to_mat(image);
  return {from_mat(grown_pixels(source, extension)), from_mat(new_area_mask(source.size(), extension))};
}

const char* to_string(CanvasFill fill) {
  switch (fill) {
    case CanvasFill::kReplicate: return "replicate";
    case CanvasFill::kReflect: return "reflect";
    case CanvasFill::kBlurredEdge: return "blurred edge";
  }
  return "?";
}

}  // namespace gesso::io
