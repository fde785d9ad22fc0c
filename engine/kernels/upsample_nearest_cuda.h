#pragma once
// Host-side launcher of the nearest 2x upsampling kernel (upsample_nearest.cu). Free of torch
// headers so that nvcc compiles it in seconds.
#include <cstdint>

namespace gesso::kernels::cuda {

// y[n, 2h + dy, 2w + dx, :] = x[n, h, w, :] for channels-last x [N, H, W, C] and y [N, 2H, 2W, C],
// `element_bytes` wide elements (2 or 4): pure copies, so the dtype does not matter. C *
// element_bytes must be a multiple of 16 and both pointers 16-byte aligned.
// Returns the cudaError_t of the launch as an int (0 = success).
int launch_upsample_nearest_2x(const void* x, void* y, std::int64_t batch, std::int64_t height, std::int64_t width,
                               std::int64_t channels, int element_bytes, void* stream);

}  // namespace gesso::kernels::cuda
