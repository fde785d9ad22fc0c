#include "engine/runtime/vram.h"

#include <algorithm>

#if GESSO_CUDA
#include <ATen/Context.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <cuda_runtime_api.h>
#endif

namespace gesso::runtime {

#if GESSO_CUDA
namespace {

// The caching allocator exists only once CUDA is initialised; its statistics calls throw before.
int ready_index(const torch::Device& device) {
  at::globalContext().lazyInitDevice(c10::DeviceType::CUDA);
  return device.index() < 0 ? 0 : device.index();
}

}  // namespace
#endif

VramStats vram_stats(const torch::Device& device) {
  VramStats s;
#if GESSO_CUDA
  if (!device.is_cuda()) return s;
  const int index = ready_index(device);
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
  if (device.is_cuda()) c10::cuda::CUDACachingAllocator::resetPeakStats(ready_index(device));
#else
  (void)device;
#endif
}

void release_cached_memory() {
#if GESSO_CUDA
  c10::cuda::CUDACachingAllocator::emptyCache();
#endif
}

ScopedVramBudget::ScopedVramBudget(const torch::Device& device, int64_t budget) {
#if GESSO_CUDA
  if (!device.is_cuda() || budget <= 0) return;
  index_ = ready_index(device);
  size_t free_b = 0, total_b = 0;
  if (cudaMemGetInfo(&free_b, &total_b) != cudaSuccess || total_b == 0) return;
  // The cap applies to new device allocations only: blocks cached from a larger run would let
  // this one use more than the pretend card has.
  c10::cuda::CUDACachingAllocator::emptyCache();
  c10::cuda::CUDACachingAllocator::setMemoryFraction(std::min(1.0, double(budget) / double(total_b)),
                                                     static_cast<c10::DeviceIndex>(index_));
#else
  (void)device;
  (void)budget;
#endif
}

ScopedVramBudget::~ScopedVramBudget() {
#if GESSO_CUDA
  if (index_ >= 0) c10::cuda::CUDACachingAllocator::setMemoryFraction(1.0, static_cast<c10::DeviceIndex>(index_));
#endif
}

}  // namespace gesso::runtime
