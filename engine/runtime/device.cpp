#include "engine/runtime/device.h"

#include <ATen/Context.h>
#include <torch/cuda.h>
#include <torch/torch.h>

#include <atomic>
#include <cstdio>

#if GESSO_CUDA
#include <cuda_runtime_api.h>
#endif

namespace gesso::runtime {

bool cuda_available() { return torch::cuda::is_available(); }

torch::Device default_device() {
  return cuda_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
}

namespace {
std::atomic<bool> cuda_started{false};
}

void start_device(const torch::Device& device) {
  if (device_started(device)) return;
  at::globalContext().lazyInitDevice(c10::DeviceType::CUDA);
  (void)torch::zeros({1}, torch::TensorOptions().device(device));
  cuda_started = true;
}

bool device_started(const torch::Device& device) { return !device.is_cuda() || cuda_started; }

int64_t device_total_memory(const torch::Device& device) {
  if (!device.is_cuda()) return 0;
#if GESSO_CUDA
  cudaDeviceProp prop{};
  if (cudaGetDeviceProperties(&prop, device.index() < 0 ? 0 : device.index()) == cudaSuccess)
    return static_cast<int64_t>(prop.totalGlobalMem);
#endif
  return 0;
}

std::string device_name(const torch::Device& device) {
  if (!device.is_cuda()) return "CPU";
#if GESSO_CUDA
  cudaDeviceProp prop{};
  if (cudaGetDeviceProperties(&prop, device.index() < 0 ? 0 : device.index()) != cudaSuccess)
    return "CUDA device (properties unavailable)";
  char extra[64];
  std::snprintf(extra, sizeof extra, " (%.1f GiB, sm_%d%d)",
                static_cast<double>(prop.totalGlobalMem) / (1024.0 * 1024.0 * 1024.0),
                prop.major, prop.minor);
  return std::string(prop.name) + extra;
#else
  return "CUDA device";
#endif
}

}  // namespace gesso::runtime
