#pragma once
// The fused path's model-level pieces on this GPU, at SD 1.5's and SDXL's shapes, against float32
// references: attention as the fused path calls it (cuDNN directly; 40- and 64-wide heads, 77-key
// cross-attention) and a whole SDXL transformer (1280 channels, 20 heads of 64, 10 blocks, a
// 2048-wide context). `gesso-bench --check-kernels` prints them after the kernels' own checks.
#include <vector>

#include "engine/kernels/self_check.h"

namespace gesso::models {

// Empty when no CUDA device is usable.
std::vector<kernels::KernelCheck> run_fused_model_check();

}  // namespace gesso::models
