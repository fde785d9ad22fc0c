#pragma once
// Edge and line maps without a model: sd-webui-controlnet's canny, scribble_xdog and
// lineart_standard, and Gesso's softedge_sobel. Each takes CV_8UC3 RGB and returns CV_8UC3 (white
// lines on black) at the working size of resize_with_pad (the input scaled so that its short side
// is `resolution`).
#include <opencv2/core/mat.hpp>

namespace gesso::control {

// cv::Canny (aperture 3, L1 gradient) on the colour image (per pixel, the channel with the strongest
// gradient), thresholds truncated to integers as sd-webui-controlnet's int() does.
cv::Mat canny_edges(const cv::Mat& rgb, int resolution, double low, double high);

// XDoG scribble: difference of Gaussians (sigma 0.5 and 5) taken per channel, its most negative
// channel, thresholded at `threshold`. White where a pixel is darker than its surroundings.
cv::Mat xdog_scribble(const cv::Mat& rgb, int resolution, double threshold);

// lineart_standard: how much darker than its sigma-6 blur each pixel is (most negative channel),
// scaled by 127 / median of the values above 8 (at least 16), for line art on a white background.
cv::Mat standard_lineart(const cv::Mat& rgb, int resolution);

// Gesso's model-free stand-in for sd-webui-controlnet's soft-edge detectors (HED, PiDiNet, TEED all
// need models): the Sobel gradient magnitude of the grayscale (COLOR_RGB2GRAY) blurred with sigma 2,
// scaled so that its maximum is 255 (rounded half to even; a flat image gives black).
cv::Mat sobel_soft_edges(const cv::Mat& rgb, int resolution);

}  // namespace gesso::control
