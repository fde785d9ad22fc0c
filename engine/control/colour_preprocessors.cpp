#include "engine/control/colour_preprocessors.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "engine/control/resize_with_pad.h"

namespace gesso::control {
namespace {

// Channel `channel` of cvtColor(code) / 255, to the power gamma, back to 8 bits by truncation: the
// float32 steps of sd-webui-controlnet's recolor_*.
cv::Mat gamma_gray(const cv::Mat& rgb, int code, int channel, double gamma) {
  cv::Mat converted;
  cv::cvtColor(rgb, converted, code);
  const auto g = static_cast<float>(gamma);
  cv::Mat gray(rgb.size(), CV_8U);
  for (int y = 0; y < gray.rows; ++y) {
    const auto* in = converted.ptr<cv::Vec3b>(y);
    auto* out = gray.ptr<uint8_t>(y);
    for (int x = 0; x < gray.cols; ++x) {
      const float v = std::pow(static_cast<float>(in[x][channel]) / 255.0f, g) * 255.0f;
      out[x] = static_cast<uint8_t>(std::clamp(v, 0.0f, 255.0f));
    }
  }
  cv::Mat result;
  cv::cvtColor(gray, result, cv::COLOR_GRAY2RGB);
  return result;
}

}  // namespace

cv::Mat binarize(const cv::Mat& rgb, int resolution, double threshold) {
  const PaddedImage image = resize_with_pad(rgb, resolution);
  const cv::Mat working = image.remove_pad(image.padded);  // per-pixel: the padding cannot matter
  cv::Mat out(working.size(), CV_8UC3, cv::Scalar::all(0));
  for (int y = 0; y < out.rows; ++y) {
    for (int x = 0; x < out.cols; ++x) {
      const cv::Vec3b p = working.at<cv::Vec3b>(y, x);
      if (std::min({p[0], p[1], p[2]}) > threshold) out.at<cv::Vec3b>(y, x) = cv::Vec3b(255, 255, 255);
    }
  }
  return out;
}

cv::Mat invert(const cv::Mat& rgb) {
  cv::Mat out;
  cv::bitwise_not(rgb, out);
  return out;
}

cv::Mat recolor_luminance(const cv::Mat& rgb, double gamma) {
  // Upstream hands its RGB array to COLOR_BGR2LAB, so L weighs red as blue and blue as red. Done the
  // same way, so that the luminance matches the recolor models' training data.
  return gamma_gray(rgb, cv::COLOR_BGR2Lab, 0, gamma);
}

cv::Mat recolor_intensity(const cv::Mat& rgb, double gamma) {
  return gamma_gray(rgb, cv::COLOR_BGR2HSV, 2, gamma);  // V = max channel: order does not matter
}

cv::Mat gaussian_blur(const cv::Mat& rgb, int resolution, double sigma) {
  const PaddedImage image = resize_with_pad(rgb, resolution);
  cv::Mat out;
  // Blurred after the padding is cut off: OpenCV's reflected border, not the repeated edge.
  cv::GaussianBlur(image.remove_pad(image.padded), out, cv::Size(), sigma);
  return out;
}

}  // namespace gesso::control
