#pragma once
#include <torch/types.h>

#include <cstdint>

namespace gesso::runtime {

struct VramStats {
  int64_t allocated = 0, reserved = 0, peak = 0, total = 0;  // bytes; all 0 on the CPU
};

// The caching allocator's view of a CUDA device (zeros on the CPU).
VramStats vram_stats(const torch::Device& device);
void reset_peak_vram(const torch::Device& device);
// Returns the caching allocator's unused blocks to the driver (after a run, or after running out).
void release_cached_memory();

// Caps the caching allocator at `budget` bytes of `device` for a scope (a pretend smaller card);
// a budget of 0 or a CPU device does nothing.
class ScopedVramBudget {
 public:
  ScopedVramBudget(const torch::Device& device, int64_t budget);
  ~ScopedVramBudget();
  ScopedVramBudget(const ScopedVramBudget&) = delete;
  ScopedVramBudget& operator=(const ScopedVramBudget&) = delete;

 private:
  int index_ = -1;  // the capped CUDA device, or -1
};

}  // namespace gesso::runtime
