#include "engine/runtime/backend_flags.h"

#include <ATen/Context.h>

namespace gesso::runtime {

ScopedBackendFlags::ScopedBackendFlags(const RuntimeOptions& options) {
  auto& ctx = at::globalContext();
  tf32_cublas_ = ctx.allowTF32CuBLAS();
  tf32_cudnn_ = ctx.allowTF32CuDNN();
  benchmark_ = ctx.benchmarkCuDNN();
  // Off, float32 matmuls stay IEEE while cuDNN convolutions keep torch's default (TF32 allowed),
  // which is what diffusers runs with; on, matmuls use TF32 too.
  if (options.tf32) {
    ctx.setAllowTF32CuBLAS(true);
    ctx.setAllowTF32CuDNN(true);
  }
  ctx.setBenchmarkCuDNN(options.cudnn_benchmark);
}

ScopedBackendFlags::~ScopedBackendFlags() {
  auto& ctx = at::globalContext();
  ctx.setAllowTF32CuBLAS(tf32_cublas_);
  ctx.setAllowTF32CuDNN(tf32_cudnn_);
  ctx.setBenchmarkCuDNN(benchmark_);
}

}  // namespace gesso::runtime
