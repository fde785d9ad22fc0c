#include "engine/models/resnet_block.h"

#include <torch/torch.h>

#include "engine/kernels/bias_residual.h"
#include "engine/kernels/fusion.h"
#include "engine/kernels/upsample_nearest.h"

namespace gesso::models {
namespace {

Conv2d conv3x3(int64_t in, int64_t out) {
  return Conv2d(in, out, 3, 1, 1);
}

GroupNorm group_norm(int64_t groups, int64_t channels, double eps) {
  return GroupNorm(groups, channels, eps);
}

}  // namespace

ResnetBlock2DImpl::ResnetBlock2DImpl(const ResnetBlock2DOptions& options) : options_(options) {
  const auto in = options.in_channels;
  const auto out = options.out_channels;
  norm1_ = register_module("norm1", group_norm(options.groups, in, options.eps));
  conv1_ = register_module("conv1", conv3x3(in, out));
  if (options.temb_channels) {
    const auto proj_out = options.time_embedding_norm == TimeEmbeddingNorm::ScaleShift ? 2 * out : out;
    time_emb_proj_ = register_module("time_emb_proj", Linear(*options.temb_channels, proj_out));
  }
  norm2_ = register_module("norm2", group_norm(options.groups_out.value_or(options.groups), out, options.eps));
  conv2_ = register_module("conv2", conv3x3(out, out));
  if (in != out) {
    conv_shortcut_ = register_module(
        "conv_shortcut", Conv2d(in, out, 1, 1, 0));
  }
}

bool ResnetBlock2DImpl::fusable() const {
  return options_.act == Activation::SiLU && options_.time_embedding_norm == TimeEmbeddingNorm::Default &&
         options_.resample == ResnetResample::None && !options_.skip_time_act;
}

namespace {

torch::Tensor resampled(ResnetResample resample, const torch::Tensor& x) {
  switch (resample) {
    case ResnetResample::Down: return torch::avg_pool2d(x, 2, 2);
    case ResnetResample::Up: return kernels::upsample_nearest_2x(x);
    case ResnetResample::None: break;
  }
  return x;
}

}  // namespace

torch::Tensor ResnetBlock2DImpl::forward(const torch::Tensor& x) {
  if (fusable() && kernels::fused(x, norm1_->weight)) return forward_fused(x, nullptr);
  return forward_plain(x, {});
}

torch::Tensor ResnetBlock2DImpl::forward(const torch::Tensor& x, const UNetCall& call) {
  if (fusable() && kernels::fused(x, norm1_->weight)) return forward_fused(x, &call);
  return forward_plain(x, call.temb);
}

torch::Tensor ResnetBlock2DImpl::forward_plain(const torch::Tensor& x_in, const torch::Tensor& temb) {
  const auto x = resampled(options_.resample, x_in);
  auto h = conv1_->forward(resampled(options_.resample, apply_activation_(options_.act, norm1_->forward(x_in))));

  torch::Tensor t;
  if (time_emb_proj_ && temb.defined())
    t = time_emb_proj_->forward(options_.skip_time_act ? temb : apply_activation(options_.act, temb))
            .unsqueeze(-1)
            .unsqueeze(-1);

  if (options_.time_embedding_norm == TimeEmbeddingNorm::ScaleShift && t.defined()) {
    const auto scale_shift = t.chunk(2, 1);
    h = norm2_->forward(h) * (1 + scale_shift[0]) + scale_shift[1];
  } else {
    h = norm2_->forward(t.defined() ? h + t : h);
  }
  h = conv2_->forward(apply_activation_(options_.act, std::move(h)));

  // h is ours: summing into it saves a feature map at the peak (same values as shortcut + h).
  h = conv_shortcut_ ? h.add_(conv_shortcut_->forward(x)) : h.add_(x);
  return options_.output_scale_factor == 1.0 ? h : h.div_(options_.output_scale_factor);
}

torch::Tensor ResnetBlock2DImpl::forward_with_skip(const torch::Tensor& x, const torch::Tensor& skip,
                                                   const UNetCall& call) {
  if (fusable() && conv_shortcut_ && kernels::fused(x, norm1_->weight)) return forward_fused(x, &call, skip);
  return forward(torch::cat({x, skip}, 1), call);
}

// Each norm with its shift and SiLU is one kernel (kernels/group_norm.h); conv1's bias joins the
// time embedding in norm2's shift, and conv2's bias (with the shortcut's) joins the skip connection
// (kernels/bias_residual.h): no pass over the feature map for a bias or an add. With a skip, the
// block's input is cat(x, skip), which norm1 reads in place and writes once for the shortcut.
torch::Tensor ResnetBlock2DImpl::forward_fused(const torch::Tensor& x_part, const UNetCall* call,
                                               const torch::Tensor& skip) {
  torch::Tensor x = x_part, normed;
  if (skip.defined()) {
    auto joined = norm1_->forward_joined(x_part, {.x2 = skip, .keep_input = true});
    x = std::move(joined.z);
    normed = std::move(joined.y);
  } else {
    normed = norm1_->forward_silu(x);
  }
  auto h = conv1_->forward_without_bias(normed);
  auto shift = call ? call->time_shift_for(this, options_.out_channels) : torch::Tensor();
  if (!shift.defined()) {
    shift = conv1_->bias.unsqueeze(0);
    if (time_emb_proj_ && call && call->temb.defined())
      shift = time_emb_proj_->forward(torch::silu(call->temb)) + shift;
  }
  // The UNet's shifts are columns of one [B, sum C] matrix, which the kernel reads in place; only a
  // batch-1 shift (one embedding for the whole batch) needs rows of its own.
  if (shift.size(0) != h.size(0)) shift = shift.expand({h.size(0), -1}).contiguous();
  h = conv2_->forward_without_bias(norm2_->forward_silu(h, true, shift));
  auto bias = conv2_->bias;
  torch::Tensor residual = x;
  if (conv_shortcut_) {
    residual = conv_shortcut_->forward_without_bias(x);
    // Parameters only: summed once and kept until either bias changes (ParameterCache).
    bias = shortcut_bias_.get({conv2_->bias, conv_shortcut_->bias},
                              [&] { return conv2_->bias + conv_shortcut_->bias; });
  }
  h = kernels::add_bias_residual_(std::move(h), bias, residual);
  return options_.output_scale_factor == 1.0 ? h : h.div_(options_.output_scale_factor);
}

}  // namespace gesso::models
