#pragma once
#include <string>
#include <vector>

namespace gesso::kernels {

// One CUDA kernel, on one dtype, compared against its plain-ATen reference on random input.
struct KernelCheck {
  std::string kernel;
  std::string dtype;
  double max_abs_diff = 0.0;
  double tolerance = 0.0;
  bool passed = false;
};

// Runs every kernel this build has on the first CUDA device. Empty when no CUDA device is usable.
// `gesso-bench --check-kernels` prints it, so a user can verify the kernels on their own GPU.
std::vector<KernelCheck> run_kernel_self_check();

}  // namespace gesso::kernels
