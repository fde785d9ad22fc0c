#pragma once
// Whether the models take their fused paths (RuntimeOptions::kernels). The pipeline sets the run's
// mode once, on the thread that runs the models (ScopedKernelFusion, like ScopedAttentionConfig);
// each module asks fused(x) for its input and takes either the plain ATen ops diffusers runs or
// the fused composition (engine/kernels' kernels, concatenated projections, residuals folded into
// GEMMs). Each kernel itself still falls back to its reference where it has no CUDA version, so
// kOn on the CPU runs the fused composition through the references (the tests' way to check it).
#include <torch/types.h>

#include "engine/runtime/runtime_options.h"

namespace gesso::kernels {

runtime::KernelFusion current_kernel_fusion();  // this thread's mode (kAuto when no scope is open)

class ScopedKernelFusion {
 public:
  explicit ScopedKernelFusion(runtime::KernelFusion mode);
  ~ScopedKernelFusion();
  ScopedKernelFusion(const ScopedKernelFusion&) = delete;
  ScopedKernelFusion& operator=(const ScopedKernelFusion&) = delete;

 private:
  runtime::KernelFusion previous_;
};

// kOn: always; kAuto: for CUDA tensors; kOff: never.
bool fused(const torch::Tensor& x);
// fused(x), and the module's `weight` resident on x's device: under sequential offload the weights
// stay on the host and stream in layer by layer, which only the plain path does.
bool fused(const torch::Tensor& x, const torch::Tensor& weight);

}  // namespace gesso::kernels
