#pragma once
// The process-wide math switches a run asks for (TF32, cuDNN autotuning), set for the run and put
// back afterwards, so one run's toggles never leak into the next.
#include "engine/runtime/runtime_options.h"

namespace gesso::runtime {

class ScopedBackendFlags {
 public:
  explicit ScopedBackendFlags(const RuntimeOptions& options);
  ~ScopedBackendFlags();
  ScopedBackendFlags(const ScopedBackendFlags&) = delete;
  ScopedBackendFlags& operator=(const ScopedBackendFlags&) = delete;

 private:
  bool tf32_cublas_, tf32_cudnn_, benchmark_;
};

}  // namespace gesso::runtime
