#include "engine/pipelines/control_image.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>

#include "engine/error.h"

namespace gesso::pipelines {
namespace {

int round_half_even(double v) { return static_cast<int>(std::nearbyint(v)); }

// The median of each channel over the four borders (rows 0 and h-1, columns 0 and w-1, the corners
// counted twice as numpy's concatenation does), truncated to 8 bits.
std::vector<uint8_t> border_median(const Image& im) {
  std::vector<uint8_t> out;
  for (int c = 0; c < im.channels; ++c) {
    std::vector<double> v;
    for (int x = 0; x < im.width; ++x) v.insert(v.end(), {double(im.at(x, 0)[c]), double(im.at(x, im.height - 1)[c])});
    for (int y = 0; y < im.height; ++y) v.insert(v.end(), {double(im.at(0, y)[c]), double(im.at(im.width - 1, y)[c])});
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    const double m = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    out.push_back(static_cast<uint8_t>(m));
  }
  return out;
}

Image crop_and_resize(const Image& im, int w, int h) {
  const double k = std::max(double(h) / im.height, double(w) / im.width);
  const auto scaled = io::resize(im, round_half_even(im.width * k), round_half_even(im.height * k), io::Interp::kLanczos);
  const int top = std::max(0, (scaled.height - h) / 2), left = std::max(0, (scaled.width - w) / 2);
  // to_mat copies: cut the Mat, then convert back.
  const int rows = std::min(h, scaled.height - top), cols = std::min(w, scaled.width - left);
  auto dst = io::to_mat(io::make_image(w, h, im.channels));
  io::to_mat(scaled)(cv::Rect(left, top, cols, rows)).copyTo(dst(cv::Rect(0, 0, cols, rows)));
  return io::from_mat(dst);
}

Image resize_and_fill(const Image& im, int w, int h, bool hint) {
  auto fill = border_median(im);
  if (hint) fill.back() = 255;  // sd-webui-controlnet: the padding of an inpainting hint is masked
  const double k = std::min(double(h) / im.height, double(w) / im.width);
  const auto scaled = io::resize(im, round_half_even(im.width * k), round_half_even(im.height * k), io::Interp::kLanczos);
  auto out = io::make_image(w, h, im.channels);
  for (std::size_t i = 0; i < out.pixels.size(); ++i) out.pixels[i] = fill[i % fill.size()];
  const int top = std::max(0, (h - scaled.height) / 2), left = std::max(0, (w - scaled.width) / 2);
  const int rows = std::min(scaled.height, h - top), cols = std::min(scaled.width, w - left);
  auto dst = io::to_mat(out);
  io::to_mat(scaled)(cv::Rect(0, 0, cols, rows)).copyTo(dst(cv::Rect(left, top, cols, rows)));
  return io::from_mat(dst);
}

}  // namespace

Image fit_control_image(const Image& image, int width, int height, ResizeMode mode) {
  if (image.width == width && image.height == height) return image;
  switch (mode) {
    case ResizeMode::kCropAndResize: return crop_and_resize(image, width, height);
    case ResizeMode::kResizeAndFill: return resize_and_fill(image, width, height, image.channels == 4);
    case ResizeMode::kJustResize: break;
  }
  return io::resize(image, width, height, io::Interp::kLanczos);
}

torch::Tensor control_image_tensor(const ControlUnit& unit, const GenerationRequest& r, int width, int height,
                                   std::size_t index) {
  const auto field = "controlnets[" + std::to_string(index) + "]";
  const Image* source = !unit.image.empty() ? &unit.image : r.init_image ? &*r.init_image : nullptr;
  if (source == nullptr) throw RequestError(field, "has no control image");
  auto settings = unit.preprocessor;
  settings.seed = r.seed;
  const Image* mask = r.mask && !r.mask->empty() ? &*r.mask : nullptr;
  auto processed = control::preprocess(*source, settings, mask);
  if (processed.channels != 4) processed = io::to_rgb(processed);
  const auto fitted = fit_control_image(processed, width, height, unit.resize_mode);
  const auto pixels = torch::from_blob(const_cast<uint8_t*>(fitted.pixels.data()),
                                       {fitted.height, fitted.width, fitted.channels}, torch::kUInt8);
  auto image = pixels.permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat) / 255.0;
  if (fitted.channels != 4) return image;
  // The inpainting hint: RGB in [0, 1], -1 where the mask (alpha) is set.
  const auto masked = pixels.select(2, 3).gt(127).unsqueeze(0).unsqueeze(0);
  return torch::where(masked, torch::full({}, -1.0f), image.slice(1, 0, 3));
}

}  // namespace gesso::pipelines
