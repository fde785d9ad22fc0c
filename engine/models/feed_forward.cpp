#include "engine/models/feed_forward.h"

#include <torch/torch.h>

#include "engine/kernels/geglu.h"

namespace gesso::models {

GEGLUImpl::GEGLUImpl(int64_t dim_in, int64_t dim_out) {
  proj_ = register_module("proj", Linear(dim_in, dim_out * 2));
}

torch::Tensor GEGLUImpl::forward(const torch::Tensor& x) {
  const auto halves = proj_->forward(x).chunk(2, -1);
  return halves[0] * torch::gelu(halves[1]);
}

torch::Tensor GEGLUImpl::forward_fused(const torch::Tensor& x) {
  return kernels::geglu(at::linear(x, proj_->weight), proj_->bias);
}

FeedForwardImpl::FeedForwardImpl(int64_t dim, int64_t mult) {
  const auto inner = dim * mult;
  net_ = register_module("net", torch::nn::ModuleList());
  geglu_ = GEGLU(dim, inner);
  out_ = Linear(inner, dim);
  net_->push_back(geglu_);
  // diffusers' net.1 is a dropout (identity at inference); it keeps the output layer at net.2.
  net_->push_back(torch::nn::Identity());
  net_->push_back(out_);
}

torch::Tensor FeedForwardImpl::forward(const torch::Tensor& x) { return out_->forward(geglu_->forward(x)); }

torch::Tensor FeedForwardImpl::forward_into(const torch::Tensor& x, torch::Tensor residual) {
  return accumulate_linear_(std::move(residual), geglu_->forward_fused(x), out_->weight);
}

}  // namespace gesso::models
