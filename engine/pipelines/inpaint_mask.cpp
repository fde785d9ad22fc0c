#include "engine/pipelines/inpaint_mask.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/error.h"

namespace gesso::pipelines {
namespace {

std::string size_text(const Image& image) {
  return std::to_string(image.width) + "x" + std::to_string(image.height);
}

// The mask as one 8-bit channel, checked against the image it applies to.
Image mask_for(const Image& mask, const Image& image) {
  io::check_image(mask, "mask");
  if (mask.width != image.width || mask.height != image.height) {
    throw RequestError("mask", "the mask is " + size_text(mask) + " but the image is " + size_text(image) +
                                   "; they must be the same size");
  }
  return io::to_gray(mask);
}

// `source` with `channels` channels; alpha, when it must be made up, comes from `alpha_from`.
Image match_channels(const Image& source, int channels, const Image& alpha_from) {
  if (source.channels == channels) return source;
  if (channels == 1) return io::to_gray(source);
  Image rgb = io::to_rgb(source);
  if (channels == 3) return rgb;
  Image rgba = io::make_image(rgb.width, rgb.height, 4);
  const size_t n = static_cast<size_t>(rgb.width) * rgb.height;
  for (size_t i = 0; i < n; ++i) {
    std::copy_n(rgb.pixels.data() + i * 3, 3, rgba.pixels.data() + i * 4);
    rgba.pixels[i * 4 + 3] = alpha_from.channels == 4 ? alpha_from.pixels[i * 4 + 3] : 255;
  }
  return rgba;
}

// Grows [lo, hi) to `desired` length about its centre, shifts it back inside [0, limit) and clips
// it, as A1111's expand_crop_region does for one axis.
void grow_span(int& lo, int& hi, double desired, int limit) {
  const int diff = static_cast<int>(desired - (hi - lo));
  const int before = diff >= 0 ? diff / 2 : -((-diff + 1) / 2);  // Python's floor division
  lo -= before;
  hi += diff - before;
  if (hi >= limit) {
    lo -= hi - limit;
    hi = limit;
  }
  if (lo < 0) {
    hi -= lo;
    lo = 0;
  }
  hi = std::min(hi, limit);
}

cv::Mat replicate(const cv::Mat& one_channel, int channels) {
  if (channels == 1) return one_channel;
  cv::Mat out;
  cv::merge(std::vector<cv::Mat>(channels, one_channel), out);
  return out;
}

// The push-pull of fill_masked on float images: `known` holds colour*w, `weight` holds w in [0,1].
cv::Mat push_pull(const cv::Mat& known, const cv::Mat& weight) {
  if (known.cols == 1 && known.rows == 1) {
    const float w = weight.at<float>(0, 0);
    return w > 0 ? cv::Mat(known / w) : known;
  }
  const cv::Size half((known.cols + 1) / 2, (known.rows + 1) / 2);
  cv::Mat coarse_known, coarse_weight;
  cv::resize(known, coarse_known, half, 0, 0, cv::INTER_AREA);
  cv::resize(weight, coarse_weight, half, 0, 0, cv::INTER_AREA);
  cv::Mat up;
  cv::resize(push_pull(coarse_known, coarse_weight), up, known.size(), 0, 0, cv::INTER_LINEAR);
  // Smooths the bilinear creases that would otherwise show as faint blocks in large holes.
  cv::GaussianBlur(up, up, cv::Size(5, 5), 0, 0, cv::BORDER_REPLICATE);
  cv::Mat missing;
  cv::subtract(cv::Scalar::all(1.0), weight, missing);
  return known + up.mul(replicate(missing, known.channels()));
}

}  // namespace

Image blur_mask(const Image& mask, int blur_px) {
  io::check_image(mask, "mask");
  Image gray = io::to_gray(mask);
  if (blur_px <= 0) return gray;
  const int taps = 2 * static_cast<int>(2.5 * blur_px + 0.5) + 1;
  cv::Mat m = io::to_mat(gray);
  cv::GaussianBlur(m, m, cv::Size(taps, 1), blur_px);
  cv::GaussianBlur(m, m, cv::Size(1, taps), blur_px);
  return io::from_mat(m);
}

CropRegion masked_region(const Image& mask, int padding_px, int target_w, int target_h) {
  io::check_image(mask, "mask");
  if (target_w <= 0 || target_h <= 0) {
    throw RequestError("size", "target size " + std::to_string(target_w) + "x" + std::to_string(target_h) +
                                   " is empty");
  }
  const cv::Rect box = cv::boundingRect(io::to_mat(io::to_gray(mask)));
  if (box.empty()) throw RequestError("mask", "the mask is empty: paint the area to repaint");
  const int pad = std::max(padding_px, 0);
  int x1 = std::max(box.x - pad, 0), y1 = std::max(box.y - pad, 0);
  int x2 = std::min(box.x + box.width + pad, mask.width), y2 = std::min(box.y + box.height + pad, mask.height);
  const double target_ratio = static_cast<double>(target_w) / target_h;
  if (static_cast<double>(x2 - x1) / (y2 - y1) > target_ratio) {
    grow_span(y1, y2, (x2 - x1) / target_ratio, mask.height);
  } else {
    grow_span(x1, x2, (y2 - y1) * target_ratio, mask.width);
  }
  return {x1, y1, x2 - x1, y2 - y1};
}

Image crop(const Image& image, const CropRegion& r) {
  io::check_image(image);
  if (r.w <= 0 || r.h <= 0 || r.x < 0 || r.y < 0 || r.x + r.w > image.width || r.y + r.h > image.height) {
    throw RequestError("mask", "crop region " + std::to_string(r.w) + "x" + std::to_string(r.h) + " at " +
                                   std::to_string(r.x) + "," + std::to_string(r.y) + " lies outside the " +
                                   size_text(image) + " image");
  }
  return io::from_mat(io::to_mat(image)(cv::Rect(r.x, r.y, r.w, r.h)));
}

Image paste_back(const Image& original, const Image& generated_region, const CropRegion& r) {
  crop(original, r);  // validates the region against the original
  io::check_image(generated_region, "generated image");
  const Image sized = io::resize(generated_region, r.w, r.h, io::Interp::kLanczos);
  const Image patch = match_channels(sized, original.channels, crop(original, r));
  Image out = original;
  const size_t row_bytes = static_cast<size_t>(r.w) * out.channels;
  for (int y = 0; y < r.h; ++y) {
    std::copy_n(patch.at(0, y), row_bytes, out.at(r.x, r.y + y));
  }
  return out;
}

Image composite(const Image& original, const Image& generated, const Image& blurred_mask) {
  io::check_image(original);
  io::check_image(generated, "generated image");
  if (generated.width != original.width || generated.height != original.height) {
    throw RequestError("image", "the generated image is " + size_text(generated) + " but the original is " +
                                    size_text(original));
  }
  const Image mask = mask_for(blurred_mask, original);
  const Image gen = match_channels(generated, original.channels, original);
  Image out = original;
  const size_t n = static_cast<size_t>(original.width) * original.height;
  const int c = original.channels;
  for (size_t i = 0; i < n; ++i) {
    const unsigned a = mask.pixels[i];
    for (int k = 0; k < c; ++k) {
      const size_t j = i * c + k;
      // Integer blend rounded to nearest: a = 0 gives o exactly, a = 255 gives g exactly.
      out.pixels[j] = static_cast<uint8_t>((original.pixels[j] * (255 - a) + gen.pixels[j] * a + 127) / 255);
    }
  }
  return out;
}

Image fill_masked(const Image& image, const Image& mask_in) {
  io::check_image(image);
  const Image mask = mask_for(mask_in, image);
  cv::Mat colour, weight;
  io::to_mat(image).convertTo(colour, CV_32F);
  io::to_mat(mask).convertTo(weight, CV_32F, -1.0 / 255.0, 1.0);  // 1 where known, 0 where masked
  if (cv::sum(weight)[0] <= 0) return image;
  cv::Mat filled = push_pull(colour.mul(replicate(weight, image.channels)), weight);
  cv::Mat filled8;
  filled.convertTo(filled8, CV_8U);  // rounds and saturates
  Image out = io::from_mat(filled8);
  const size_t n = static_cast<size_t>(image.width) * image.height;
  const size_t c = image.channels;
  for (size_t i = 0; i < n; ++i) {
    if (mask.pixels[i] == 0) std::copy_n(image.pixels.data() + i * c, c, out.pixels.data() + i * c);
  }
  return out;
}

}  // namespace gesso::pipelines
