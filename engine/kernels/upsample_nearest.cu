#include <cuda_runtime.h>

#include <cstdint>

#include "engine/kernels/upsample_nearest_cuda.h"

// The up blocks' nearest 2x upsampling of a channels-last feature map: each thread reads one
// 16-byte vector of a pixel and writes it to the 2 x 2 output pixels it covers. ATen's NHWC kernel
// copies element by element: 34 us for [2, 640, 32, 32] -> 64 x 64 on an H200, about 0.4 TB/s.

namespace gesso::kernels::cuda {
namespace {

constexpr int kThreads = 256;

__global__ void upsample_nearest_2x_kernel(const uint4* __restrict__ x, uint4* __restrict__ y, std::int64_t vectors,
                                           std::int64_t row_vectors, std::int64_t width) {
  const std::int64_t stride = static_cast<std::int64_t>(gridDim.x) * blockDim.x;
  for (std::int64_t v = blockIdx.x * static_cast<std::int64_t>(blockDim.x) + threadIdx.x; v < vectors; v += stride) {
    // v = ((row * width) + w) * row_vectors + k, row = n * height + h: output rows 2 row, 2 row + 1.
    const std::int64_t k = v % row_vectors;
    const std::int64_t pixel = v / row_vectors;
    const std::int64_t w = pixel % width, row = pixel / width;
    const uint4 value = __ldg(x + v);
    const std::int64_t out_row = 2 * width * row_vectors;  // vectors in one output row
    const std::int64_t top = 2 * row * out_row + 2 * w * row_vectors + k;
    y[top] = value;
    y[top + row_vectors] = value;
    y[top + out_row] = value;
    y[top + out_row + row_vectors] = value;
  }
}

}  // namespace

int launch_upsample_nearest_2x(const void* x, void* y, std::int64_t batch, std::int64_t height, std::int64_t width,
                               std::int64_t channels, int element_bytes, void* stream) {
  const std::int64_t row_vectors = channels * element_bytes / 16;
  const std::int64_t vectors = batch * height * width * row_vectors;
  if (vectors == 0) return 0;
  const std::int64_t wanted = (vectors + kThreads - 1) / kThreads;
  const unsigned blocks = static_cast<unsigned>(wanted < (1 << 20) ? wanted : (1 << 20));
  upsample_nearest_2x_kernel<<<blocks, kThreads, 0, static_cast<cudaStream_t>(stream)>>>(
      static_cast<const uint4*>(x), static_cast<uint4*>(y), vectors, row_vectors, width);
  return static_cast<int>(cudaGetLastError());
}

}  // namespace gesso::kernels::cuda
