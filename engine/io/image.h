#pragma once
// The engine's image value type and its conversions to OpenCV matrices and diffusers-style tensors.
#include <opencv2/core/mat.hpp>
#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace gesso {

// An 8-bit interleaved image: channels 1 (gray or mask), 3 (RGB) or 4 (RGBA), rows top to bottom.
// Colour is always RGB order, also when held in a cv::Mat (see to_mat).
struct Image {
  int width = 0, height = 0, channels = 0;
  std::vector<uint8_t> pixels;  // width * height * channels bytes

  bool empty() const { return pixels.empty(); }
  uint8_t* at(int x, int y) { return pixels.data() + (static_cast<size_t>(y) * width + x) * channels; }
  const uint8_t* at(int x, int y) const {
    return pixels.data() + (static_cast<size_t>(y) * width + x) * channels;
  }
};

}  // namespace gesso

namespace gesso::io {

// A blank (zero) image; throws gesso::Error on a non-positive size or an unsupported channel count.
Image make_image(int width, int height, int channels);

// Throws gesso::Error unless the image's size, channel count and buffer length agree.
void check_image(const Image& image, const char* what = "image");

// Deep copies. The Mat is CV_8UC<channels> in the Image's RGB order: only imread/imwrite speak BGR,
// and the conversion happens there, so every other OpenCV call here is channel-order agnostic.
cv::Mat to_mat(const Image& image);
Image from_mat(const cv::Mat& mat);  // CV_8UC1/3/4 only

// PIL's Image.convert("L") (ITU-R 601 luma, PIL's fixed-point rounding); alpha is ignored.
Image to_gray(const Image& image);
// PIL's Image.convert("RGB"): gray is replicated, alpha is dropped (not composited).
Image to_rgb(const Image& image);

enum class Interp { kNearest, kLinear, kCubic, kArea, kLanczos };
// cv::resize; kLanczos (INTER_LANCZOS4) for pictures, kNearest or kArea for masks.
Image resize(const Image& image, int width, int height, Interp interp);

// diffusers VaeImageProcessor.preprocess of a PIL image already at the target size, opened as
// diffusers.utils.load_image does (convert("RGB"): alpha dropped, gray replicated): float32
// x/255*2-1, shape [1,3,H,W].
torch::Tensor image_to_tensor(const Image& image);

// diffusers VaeImageProcessor.postprocess(output_type="pil") of one batch entry: x*0.5+0.5 clamped
// to [0,1] in the tensor's own dtype, then (x*255).round() in float32 to uint8. Accepts [C,H,W] or
// [N,C,H,W] with C 1, 3 or 4 on any device.
Image tensor_to_image(const torch::Tensor& chw_or_nchw_in_minus1_1, int index = 0);

// diffusers' mask_processor (do_normalize=False, do_binarize=True, do_convert_grayscale=True) for a
// PIL mask at the target size: gray as convert("L"), /255, then 0 below 0.5 and 1 from it. [1,1,H,W].
torch::Tensor mask_to_tensor(const Image& mask);

}  // namespace gesso::io
