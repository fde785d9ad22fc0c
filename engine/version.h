#pragma once
#include <string>

namespace gesso {

struct BuildInfo {
  std::string gesso_version;
  std::string torch_version;
  bool cuda_kernels_built = false;  // engine/kernels/*.cu compiled into this binary
  bool cuda_available = false;      // a CUDA device is usable right now
  std::string device_name;          // "NVIDIA H100 80GB HBM3" or "CPU"
};

BuildInfo build_info();

// The multi-line text printed by `gesso --version` and `gesso-cli --version`.
std::string version_text(const std::string& program);

}  // namespace gesso
