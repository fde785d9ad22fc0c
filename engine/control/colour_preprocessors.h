#pragma once
// sd-webui-controlnet's per-pixel and blur preprocessors: threshold, invert, recolor_luminance,
// recolor_intensity and blur_gaussian. CV_8UC3 RGB in, CV_8UC3 out.
#include <opencv2/core/mat.hpp>

namespace gesso::control {

// White where every channel is above `threshold`, black elsewhere; at the working size.
cv::Mat binarize(const cv::Mat& rgb, int resolution, double threshold);

// 255 - value, at the input's size (line art on white becomes white lines on black).
cv::Mat invert(const cv::Mat& rgb);

// A gray picture for the recolor ControlNets: L of CIELAB (recolor_luminance) or V of HSV
// (recolor_intensity), raised to `gamma`; at the input's size.
cv::Mat recolor_luminance(const cv::Mat& rgb, double gamma);
cv::Mat recolor_intensity(const cv::Mat& rgb, double gamma);

// cv::GaussianBlur with `sigma` (kernel size from sigma) of the image at the working size.
cv::Mat gaussian_blur(const cv::Mat& rgb, int resolution, double sigma);

}  // namespace gesso::control
