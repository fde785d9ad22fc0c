#include "engine/runtime/vram.h"

#if GESSO_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#include <cuda_runtime_api.h>
#endif

namespace gesso::runtime {

VramStats vram_stats(const torch::Device& device) {
  VramStats s;
#if GESSO_CUDA
  if (!device.is_cuda()) return s;
  const int index = device.index() < 0 ? 0 : device.index();
  const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(index);
  constexpr auto kAll = static_cast<size_t>(c10::CachingAllocator::StatType::AGGREGATE);
  s.allocated = stats.allocated_bytes[kAll].current;
  s.peak = stats.allocated_bytes[kAll].peak;
  s.reserved = stats.reserved_bytes[kAll].current;
  size_t free_b = 0, total_b = 0;
  if (cudaMemGetInfo(&free_b, &total_b) == cudaSuccess) s.total = static_cast<int64_t>(total_b);
#else
  (void)device;
#endif
  return s;
}

void reset_peak_vram(const torch::Device& device) {
#if GESSO_CUDA
  if (device.is_cuda()) c10::cuda::CUDACachingAllocator::resetPeakStats(device.index() < 0 ? 0 : device.index());
#else
  (void)device;
#endif
}

void release_cached_memory() {
#if GESSO_CUDA
  c10::cuda::CUDACachingAllocator::emptyCache();
#endif
}

}  // namespace gesso::runtime
