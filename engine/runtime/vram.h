#pragma once
#include <torch/types.h>

#include "engine/pipelines/observer.h"

namespace gesso::runtime {

// The caching allocator's view of a CUDA device (zeros on the CPU).
pipelines::VramStats vram_stats(const torch::Device& device);
void reset_peak_vram(const torch::Device& device);
// Returns the caching allocator's unused blocks to the driver (after a run, or after running out).
void release_cached_memory();

}  // namespace gesso::runtime
