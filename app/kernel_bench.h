#pragma once
// gesso-bench kernels: each fused kernel against the ATen ops it replaces, at the SD 1.5 UNet's
// shapes (CFG batch 2, 512x512, fp16), and the whole UNet call fused and unfused, each timed as a
// replayed CUDA graph so that launch gaps do not count (what a graphed step pays).
#include <string>

namespace gesso::app {

struct KernelBenchOptions {
  std::string model;   // a diffusers SD folder for the UNet-call rows (empty: the op rows only)
  std::string device = "cuda";
  int calls = 50;      // timed UNet calls per configuration
  // "fused" / "aten": no tables; one eager channels-last UNet call between cudaProfilerStart and
  // Stop, for `ncu --profile-from-start off` to list its kernels.
  std::string profile;
  bool unet_only = false;  // just the UNet-call table
  bool group_norm_only = false;  // just the GroupNorm table
};

// Prints markdown tables; returns the exit code (1 when no CUDA device).
int run_kernel_bench(const KernelBenchOptions& options);

}  // namespace gesso::app
