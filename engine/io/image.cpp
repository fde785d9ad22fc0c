#include "engine/io/image.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include <cstring>
#include <string>

#include "engine/error.h"

namespace gesso::io {
namespace {

int cv_interp(Interp interp) {
  switch (interp) {
    case Interp::kNearest: return cv::INTER_NEAREST;
    case Interp::kLinear: return cv::INTER_LINEAR;
    case Interp::kCubic: return cv::INTER_CUBIC;
    case Interp::kArea: return cv::INTER_AREA;
    case Interp::kLanczos: return cv::INTER_LANCZOS4;
  }
  return cv::INTER_LINEAR;
}

// [H,W,C] uint8 tensor aliasing the image (the caller copies before the image goes away).
torch::Tensor hwc_view(const Image& image) {
  return torch::from_blob(const_cast<uint8_t*>(image.pixels.data()),
                          {image.height, image.width, image.channels}, torch::kUInt8);
}

}  // namespace

Image make_image(int width, int height, int channels) {
  if (width <= 0 || height <= 0) {
    throw Error("image size " + std::to_string(width) + "x" + std::to_string(height) + " is empty");
  }
  if (channels != 1 && channels != 3 && channels != 4) {
    throw Error("image has " + std::to_string(channels) + " channels; only 1, 3 or 4 are supported");
  }
  Image image;
  image.width = width;
  image.height = height;
  image.channels = channels;
  image.pixels.assign(static_cast<size_t>(width) * height * channels, 0);
  return image;
}

void check_image(const Image& image, const char* what) {
  const bool channels_ok = image.channels == 1 || image.channels == 3 || image.channels == 4;
  if (image.width <= 0 || image.height <= 0 || !channels_ok ||
      image.pixels.size() != static_cast<size_t>(image.width) * image.height * image.channels) {
    throw Error(std::string(what) + " is malformed: " + std::to_string(image.width) + "x" +
                std::to_string(image.height) + "x" + std::to_string(image.channels) + " with " +
                std::to_string(image.pixels.size()) + " bytes");
  }
}

cv::Mat to_mat(const Image& image) {
  check_image(image);
  cv::Mat mat(image.height, image.width, CV_8UC(image.channels));
  std::memcpy(mat.data, image.pixels.data(), image.pixels.size());
  return mat;
}

Image from_mat(const cv::Mat& mat) {
  if (mat.depth() != CV_8U || mat.dims != 2) {
    throw Error("from_mat: expected an 8-bit 2-D matrix, got depth " + std::to_string(mat.depth()));
  }
  Image image = make_image(mat.cols, mat.rows, mat.channels());
  const size_t row_bytes = static_cast<size_t>(mat.cols) * mat.channels();
  for (int y = 0; y < mat.rows; ++y) {
    std::memcpy(image.pixels.data() + y * row_bytes, mat.ptr<uint8_t>(y), row_bytes);
  }
  return image;
}

Image to_gray(const Image& image) {
  check_image(image);
  if (image.channels == 1) return image;
  Image gray = make_image(image.width, image.height, 1);
  const size_t n = static_cast<size_t>(image.width) * image.height;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t* p = image.pixels.data() + i * image.channels;
    // PIL's rgb2l fixed-point weights (299/587/114 in 16.16), rounded by +0x8000.
    const uint32_t l = p[0] * 19595u + p[1] * 38470u + p[2] * 7471u + 0x8000u;
    gray.pixels[i] = static_cast<uint8_t>(l >> 16);
  }
  return gray;
}

Image to_rgb(const Image& image) {
  check_image(image);
  if (image.channels == 3) return image;
  Image rgb = make_image(image.width, image.height, 3);
  const size_t n = static_cast<size_t>(image.width) * image.height;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t* p = image.pixels.data() + i * image.channels;
    uint8_t* q = rgb.pixels.data() + i * 3;
    q[0] = p[0];
    q[1] = image.channels == 1 ? p[0] : p[1];
    q[2] = image.channels == 1 ? p[0] : p[2];
  }
  return rgb;
}

Image resize(const Image& image, int width, int height, Interp interp) {
  check_image(image);
  if (width <= 0 || height <= 0) {
    throw Error("cannot resize an image to " + std::to_string(width) + "x" + std::to_string(height));
  }
  if (width == image.width && height == image.height) return image;
  cv::Mat out;
  cv::resize(to_mat(image), out, cv::Size(width, height), 0, 0, cv_interp(interp));
  return from_mat(out);
}

torch::Tensor image_to_tensor(const Image& image) {
  const Image rgb = to_rgb(image);
  // Same float32 operations, in the same order, as pil_to_numpy / numpy_to_pt / normalize, and the
  // same memory layout: numpy_to_pt's transpose leaves the pixels channels-last, and oneDNN's
  // convolutions round differently for that layout, so a contiguous copy would move the VAE's
  // latents by ~1e-6 from diffusers'.
  torch::Tensor x = hwc_view(rgb).to(torch::kFloat32).div(255.0);
  x = x.unsqueeze(0).permute({0, 3, 1, 2});  // [1, 3, H, W] with numpy's strides (batch included)
  return x.mul(2.0).sub(1.0);
}

Image tensor_to_image(const torch::Tensor& tensor, int index) {
  torch::Tensor t = tensor.detach();
  if (t.dim() == 3) t = t.unsqueeze(0);
  if (t.dim() != 4 || index < 0 || index >= t.size(0)) {
    throw Error("tensor_to_image: expected [C,H,W] or [N,C,H,W] with index < N, got shape " +
                std::string(c10::str(t.sizes())) + " and index " + std::to_string(index));
  }
  const int64_t c = t.size(1);
  if (c != 1 && c != 3 && c != 4) {
    throw Error("tensor_to_image: " + std::to_string(c) + " channels; expected 1, 3 or 4");
  }
  if (!t.is_floating_point()) throw Error("tensor_to_image: expected a floating-point tensor");
  // denormalize runs in the tensor's dtype (fp16 stays fp16); pt_to_numpy then goes to float32.
  torch::Tensor x = t.select(0, index).to(torch::kCPU).mul(0.5).add(0.5).clamp(0, 1);
  x = x.to(torch::kFloat32).permute({1, 2, 0}).mul(255).round().to(torch::kUInt8).contiguous();
  Image image = make_image(static_cast<int>(x.size(1)), static_cast<int>(x.size(0)), static_cast<int>(c));
  std::memcpy(image.pixels.data(), x.data_ptr<uint8_t>(), image.pixels.size());
  return image;
}

torch::Tensor mask_to_tensor(const Image& mask) {
  const Image gray = to_gray(mask);
  torch::Tensor x = hwc_view(gray).to(torch::kFloat32).div(255.0);
  x = x.permute({2, 0, 1}).unsqueeze(0).contiguous();
  return (x >= 0.5).to(torch::kFloat32);
}

}  // namespace gesso::io
