#pragma once
// sd-webui-controlnet's "shuffle" (ContentShuffleDetector): the image warped by a smooth random
// flow field, which keeps its colours and textures but scrambles its layout.
#include <opencv2/core/mat.hpp>

#include <cstdint>

namespace gesso::control {

// CV_8UC3 RGB in, CV_8UC3 out at the working size for `resolution` (resize_with_pad). The flow is
// drawn from NumpyRandomState(seed & 0xFFFFFFFF), the 32-bit seed sd-webui-controlnet gives numpy,
// so the same seed gives the same picture here and there.
cv::Mat content_shuffle(const cv::Mat& rgb, int resolution, uint64_t seed);

}  // namespace gesso::control
