#include "engine/models/resample_2d.h"

#include <torch/torch.h>

#include "engine/kernels/fusion.h"
#include "engine/kernels/upsample_nearest.h"

namespace gesso::models {

namespace F = torch::nn::functional;

Downsample2DImpl::Downsample2DImpl(int64_t channels, int64_t out_channels, int64_t padding) : padding_(padding) {
  conv_ = register_module(
      "conv", Conv2d(channels, out_channels, 3, 2, padding));
}

torch::Tensor Downsample2DImpl::forward(const torch::Tensor& x) {
  if (padding_ == 0) return conv_->forward(torch::constant_pad_nd(x, {0, 1, 0, 1}, 0));
  return conv_->forward(x);
}

Upsample2DImpl::Upsample2DImpl(int64_t channels, int64_t out_channels) {
  conv_ = register_module("conv",
                          Conv2d(channels, out_channels, 3, 1, 1));
}

torch::Tensor Upsample2DImpl::forward(const torch::Tensor& x, const std::optional<std::vector<int64_t>>& output_size) {
  // The fused path's copy kernel gives the same values as interpolate's (nearest: copies).
  if (!output_size && kernels::fused(x, conv_->weight)) return conv_->forward(kernels::upsample_nearest_2x(x));
  auto options = F::InterpolateFuncOptions().mode(torch::kNearest);
  if (output_size)
    options.size(*output_size);
  else
    options.scale_factor(std::vector<double>{2.0, 2.0});
  // As diffusers does: nearest upsampling of large non-contiguous batches has failed on some backends.
  const auto input = x.size(0) >= 64 ? x.contiguous() : x;
  return conv_->forward(F::interpolate(input, options));
}

}  // namespace gesso::models
