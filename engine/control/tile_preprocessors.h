#pragma once
// sd-webui-controlnet's tile preprocessors. CV_8UC3 RGB in, CV_8UC3 out.
#include <opencv2/core/mat.hpp>

namespace gesso::control {

// tile_resample: the image shrunk by `rate` (sizes truncated, at least 1 px) with INTER_AREA, so
// that the tile ControlNet fills in detail; a rate below 1.1 returns the image unchanged.
cv::Mat tile_resample(const cv::Mat& rgb, double rate);

// tile_colorfix and tile_colorfix+sharp: the image unchanged. Their Variation and Sharpness sliders
// belong to a sampling-time hook of sd-webui-controlnet (blurring the predicted x0 towards the
// control image's latents), not to the control image.
cv::Mat tile_colorfix(const cv::Mat& rgb);

}  // namespace gesso::control
