#pragma once
// sd-webui-controlnet's resize_image_with_pad: the size a detector works at. Most preprocessors run
// on a copy scaled so that its short side is the "Preprocessor Resolution", padded on the bottom
// and right to multiples of 64 by repeating the edge pixels, and crop the padding off afterwards.
// The padding is part of the definition: blurs and edge detectors near the bottom and right edges
// see repeated pixels rather than OpenCV's reflected border, and lineart_standard's median counts
// the padded area.
#include <opencv2/core/mat.hpp>

namespace gesso::control {

struct PaddedImage {
  cv::Mat padded;     // CV_8UC3, each side a multiple of 64
  cv::Size working;   // the scaled image's size, before the padding

  // `m` (computed on `padded`) cut back to the working size.
  cv::Mat remove_pad(const cv::Mat& m) const;
};

// `rgb` (CV_8UC3) scaled by resolution / min(width, height): INTER_CUBIC when that enlarges,
// INTER_AREA otherwise (also at scale 1, where it copies), the size rounded half to even (numpy's
// round). Throws RequestError("preprocessor", ...) when the working image would be unreasonably
// large (a very elongated image at a high resolution).
PaddedImage resize_with_pad(const cv::Mat& rgb, int resolution);

}  // namespace gesso::control
