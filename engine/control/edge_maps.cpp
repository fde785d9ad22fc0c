#include "engine/control/edge_maps.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "engine/control/resize_with_pad.h"

namespace gesso::control {
namespace {

cv::Mat gray_to_rgb(const cv::Mat& gray) {
  cv::Mat rgb;
  cv::cvtColor(gray, rgb, cv::COLOR_GRAY2RGB);
  return rgb;
}

cv::Mat blurred_float(const cv::Mat& u8, double sigma, cv::Mat* as_float = nullptr) {
  cv::Mat f, blurred;
  u8.convertTo(f, CV_32F);
  cv::GaussianBlur(f, blurred, cv::Size(), sigma);
  if (as_float) *as_float = f;
  return blurred;
}

// Per pixel, min over the three channels of (a - b): the channel in which the pixel is darkest
// relative to the reference. float32 as numpy computes it.
cv::Mat min_channel_difference(const cv::Mat& a, const cv::Mat& b) {
  cv::Mat out(a.size(), CV_32F);
  for (int y = 0; y < a.rows; ++y) {
    const auto* pa = a.ptr<cv::Vec3f>(y);
    const auto* pb = b.ptr<cv::Vec3f>(y);
    auto* po = out.ptr<float>(y);
    for (int x = 0; x < a.cols; ++x) {
      po[x] = std::min({pa[x][0] - pb[x][0], pa[x][1] - pb[x][1], pa[x][2] - pb[x][2]});
    }
  }
  return out;
}

// numpy's astype(uint8) of a value already clipped to [0, 255]: truncation.
uint8_t truncate_u8(float v) { return static_cast<uint8_t>(std::clamp(v, 0.0f, 255.0f)); }

// np.median: the middle value, or the float32 mean of the two middle ones.
float median(std::vector<float> v) {
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  if (v.size() % 2 == 1) return *mid;
  const float below = *std::max_element(v.begin(), mid);
  return (below + *mid) / 2.0f;
}

}  // namespace

cv::Mat canny_edges(const cv::Mat& rgb, int resolution, double low, double high) {
  const PaddedImage image = resize_with_pad(rgb, resolution);
  cv::Mat edges;
  cv::Canny(image.padded, edges, static_cast<int>(low), static_cast<int>(high));
  return image.remove_pad(gray_to_rgb(edges));
}

cv::Mat xdog_scribble(const cv::Mat& rgb, int resolution, double threshold) {
  const PaddedImage image = resize_with_pad(rgb, resolution);
  const cv::Mat fine = blurred_float(image.padded, 0.5), coarse = blurred_float(image.padded, 5.0);
  const cv::Mat dark = min_channel_difference(coarse, fine);
  cv::Mat out(dark.size(), CV_8UC3, cv::Scalar::all(0));
  for (int y = 0; y < dark.rows; ++y) {
    for (int x = 0; x < dark.cols; ++x) {
      const uint8_t dog = truncate_u8(255.0f - dark.at<float>(y, x));
      // Upstream's 2 * (255 - dog) is uint8 arithmetic: it wraps past 255, so the very darkest
      // lines (255 - dog >= 128) can drop out. Kept, so that the maps match sd-webui-controlnet's.
      const auto doubled = static_cast<uint8_t>(2 * (255 - dog));
      if (doubled > threshold) out.at<cv::Vec3b>(y, x) = cv::Vec3b(255, 255, 255);
    }
  }
  return image.remove_pad(out);
}

cv::Mat standard_lineart(const cv::Mat& rgb, int resolution) {
  const PaddedImage image = resize_with_pad(rgb, resolution);
  cv::Mat original;
  const cv::Mat blurred = blurred_float(image.padded, 6.0, &original);
  cv::Mat intensity = min_channel_difference(blurred, original);
  std::vector<float> strong;
  for (auto it = intensity.begin<float>(); it != intensity.end<float>(); ++it) {
    *it = std::clamp(*it, 0.0f, 255.0f);
    if (*it > 8) strong.push_back(*it);
  }
  // max(16, median): a nearly blank drawing (no value above 8) divides by 16.
  const float m = strong.empty() ? 16.0f : median(std::move(strong));
  const float divisor = m > 16.0f ? m : 16.0f;
  cv::Mat out(intensity.size(), CV_8U);
  for (int y = 0; y < out.rows; ++y) {
    for (int x = 0; x < out.cols; ++x) {
      out.at<uint8_t>(y, x) = truncate_u8(intensity.at<float>(y, x) / divisor * 127.0f);
    }
  }
  return gray_to_rgb(image.remove_pad(out));
}

cv::Mat sobel_soft_edges(const cv::Mat& rgb, int resolution) {
  const PaddedImage image = resize_with_pad(rgb, resolution);
  cv::Mat gray, gx, gy;
  cv::cvtColor(image.padded, gray, cv::COLOR_RGB2GRAY);
  const cv::Mat smooth = blurred_float(gray, 2.0);
  cv::Sobel(smooth, gx, CV_32F, 1, 0, 3);
  cv::Sobel(smooth, gy, CV_32F, 0, 1, 3);
  gx = image.remove_pad(gx);
  gy = image.remove_pad(gy);
  cv::Mat magnitude(gx.size(), CV_32F);
  float peak = 0;
  for (int y = 0; y < gx.rows; ++y) {
    for (int x = 0; x < gx.cols; ++x) {
      const float dx = gx.at<float>(y, x), dy = gy.at<float>(y, x);
      magnitude.at<float>(y, x) = std::sqrt(dx * dx + dy * dy);
      peak = std::max(peak, magnitude.at<float>(y, x));
    }
  }
  cv::Mat out(gx.size(), CV_8U, cv::Scalar(0));
  if (peak > 0) {
    const float scale = 255.0f / peak;
    for (int y = 0; y < out.rows; ++y) {
      for (int x = 0; x < out.cols; ++x) {
        out.at<uint8_t>(y, x) = truncate_u8(std::nearbyint(magnitude.at<float>(y, x) * scale));
      }
    }
  }
  return gray_to_rgb(out);
}

}  // namespace gesso::control
