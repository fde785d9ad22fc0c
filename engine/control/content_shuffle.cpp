#include "engine/control/content_shuffle.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

#include "engine/control/numpy_random_state.h"
#include "engine/control/resize_with_pad.h"

namespace gesso::control {
namespace {

// The flow's grid: one random value per 256 px, plus a margin.
constexpr int kCell = 256;

// annotator/util.py make_noise_disk(h, w, 1, 256): a coarse uniform grid, bicubically enlarged, the
// centre h x w cut out and stretched to [0, 1]. float64 throughout, as numpy.
cv::Mat noise_disk(NumpyRandomState& random, int height, int width) {
  cv::Mat coarse(height / kCell + 2, width / kCell + 2, CV_64F);
  for (int y = 0; y < coarse.rows; ++y) {
    for (int x = 0; x < coarse.cols; ++x) coarse.at<double>(y, x) = random.uniform();
  }
  cv::Mat fine;
  cv::resize(coarse, fine, cv::Size(width + 2 * kCell, height + 2 * kCell), 0, 0, cv::INTER_CUBIC);
  cv::Mat noise = fine(cv::Rect(kCell, kCell, width, height)).clone();
  double low = 0, high = 0;
  cv::minMaxLoc(noise, &low);
  noise -= low;  // exact elementwise subtraction, as numpy's
  cv::minMaxLoc(noise, nullptr, &high);
  // Element by element: cv::Mat's division multiplies by the reciprocal, which rounds differently.
  // A constant field (never seen in practice) stays 0 instead of numpy's NaN.
  if (high > 0) {
    for (auto it = noise.begin<double>(); it != noise.end<double>(); ++it) *it /= high;
  }
  return noise;
}

}  // namespace

cv::Mat content_shuffle(const cv::Mat& rgb, int resolution, uint64_t seed) {
  const PaddedImage image = resize_with_pad(rgb, resolution);
  const cv::Mat working = image.remove_pad(image.padded);
  NumpyRandomState random(static_cast<uint32_t>(seed & 0xFFFFFFFFu));
  const int h = working.rows, w = working.cols;
  const cv::Mat nx = noise_disk(random, h, w);  // x first: numpy's draw order
  const cv::Mat ny = noise_disk(random, h, w);
  cv::Mat flow(h, w, CV_32FC2);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      flow.at<cv::Vec2f>(y, x) = cv::Vec2f(static_cast<float>(nx.at<double>(y, x) * (w - 1)),
                                            static_cast<float>(ny.at<double>(y, x) * (h - 1)));
    }
  }
  cv::Mat out;
  cv::remap(working, out, flow, cv::noArray(), cv::INTER_LINEAR);
  return out;
}

}  // namespace gesso::control
