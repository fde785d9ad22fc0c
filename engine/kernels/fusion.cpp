#include "engine/kernels/fusion.h"

namespace gesso::kernels {
namespace {

// Outside any run (a test calling a module directly) the models behave as a run with the
// defaults would.
thread_local runtime::KernelFusion current_mode = runtime::KernelFusion::kAuto;

}  // namespace

runtime::KernelFusion current_kernel_fusion() { return current_mode; }

ScopedKernelFusion::ScopedKernelFusion(runtime::KernelFusion mode) : previous_(current_mode) { current_mode = mode; }

ScopedKernelFusion::~ScopedKernelFusion() { current_mode = previous_; }

bool fused(const torch::Tensor& x) {
  switch (current_mode) {
    case runtime::KernelFusion::kOff: return false;
    case runtime::KernelFusion::kOn: return true;
    case runtime::KernelFusion::kAuto: return x.is_cuda();
  }
  return false;
}

bool fused(const torch::Tensor& x, const torch::Tensor& weight) {
  return fused(x) && weight.device() == x.device();
}

}  // namespace gesso::kernels
