#include "engine/version.h"

#include <torch/version.h>

#include <sstream>

#include "engine/runtime/device.h"
#include "gesso_version.h"

namespace gesso {

BuildInfo build_info() {
  BuildInfo info;
  info.gesso_version = GESSO_VERSION_STRING;
  info.torch_version = TORCH_VERSION;
  info.cuda_kernels_built = GESSO_CUDA != 0;
  info.cuda_available = runtime::cuda_available();
  info.device_name = runtime::device_name(runtime::default_device());
  return info;
}

std::string version_text(const std::string& program) {
  const BuildInfo info = build_info();
  std::ostringstream out;
  out << program << " " << info.gesso_version << "\n"
      << "LibTorch " << info.torch_version << "\n"
      << "CUDA kernels built: " << (info.cuda_kernels_built ? "yes" : "no") << "\n"
      << "CUDA available: " << (info.cuda_available ? "yes" : "no") << "\n"
      << "Device: " << info.device_name << "\n";
  return out.str();
}

}  // namespace gesso
