#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <cstdint>

#include "engine/kernels/bias_residual_cuda.h"
#include "engine/kernels/vector_access.cuh"

namespace gesso::kernels::cuda {
namespace {

constexpr int kThreads = 256;

using vector_access::from_float;
using vector_access::to_float;

// One thread per 16-byte vector: all of its elements share a channel run (channels-last: the vector
// width divides C, so its channels are consecutive; NCHW: it divides the plane, so one channel).
template <typename T, typename B, bool kChannelsLast>
__global__ void add_bias_residual_kernel(T* __restrict__ out, const T* __restrict__ residual,
                                         const B* __restrict__ bias, std::int64_t vectors, std::int64_t channels,
                                         std::int64_t plane) {
  constexpr int kVec = 16 / sizeof(T);
  const std::int64_t v = blockIdx.x * static_cast<std::int64_t>(blockDim.x) + threadIdx.x;
  if (v >= vectors) return;
  const std::int64_t first = v * kVec;
  union {
    uint4 raw;
    T e[kVec];
  } o, r;
  o.raw = reinterpret_cast<const uint4*>(out)[v];
  r.raw = __ldg(reinterpret_cast<const uint4*>(residual) + v);
#pragma unroll
  for (int k = 0; k < kVec; ++k) {
    const std::int64_t c = kChannelsLast ? (first + k) % channels : (first / plane) % channels;
    o.e[k] = from_float<T>(to_float(o.e[k]) + to_float(bias[c]) + to_float(r.e[k]));
  }
  reinterpret_cast<uint4*>(out)[v] = o.raw;
}

template <typename T, typename B>
int launch(void* out, const void* residual, const void* bias_ptr, std::int64_t total, std::int64_t channels,
           std::int64_t plane, bool channels_last, cudaStream_t stream) {
  const auto* bias = static_cast<const B*>(bias_ptr);
  constexpr int kVec = 16 / sizeof(T);
  const std::int64_t vectors = total / kVec;
  if (vectors == 0) return 0;
  const unsigned blocks = static_cast<unsigned>((vectors + kThreads - 1) / kThreads);
  auto* o = static_cast<T*>(out);
  const auto* r = static_cast<const T*>(residual);
  if (channels_last)
    add_bias_residual_kernel<T, B, true><<<blocks, kThreads, 0, stream>>>(o, r, bias, vectors, channels, plane);
  else
    add_bias_residual_kernel<T, B, false><<<blocks, kThreads, 0, stream>>>(o, r, bias, vectors, channels, plane);
  return static_cast<int>(cudaGetLastError());
}

}  // namespace

int launch_add_bias_residual(void* out, const void* residual, const void* bias, bool bias_float32, ElementType type,
                             std::int64_t total, std::int64_t channels, std::int64_t plane, bool channels_last,
                             void* stream) {
  auto s = static_cast<cudaStream_t>(stream);
  const bool cl = channels_last;
  switch (type) {
    case ElementType::kFloat32: return launch<float, float>(out, residual, bias, total, channels, plane, cl, s);
    case ElementType::kFloat16:
      return bias_float32 ? launch<__half, float>(out, residual, bias, total, channels, plane, cl, s)
                          : launch<__half, __half>(out, residual, bias, total, channels, plane, cl, s);
    case ElementType::kBFloat16:
      return bias_float32 ? launch<__nv_bfloat16, float>(out, residual, bias, total, channels, plane, cl, s)
                          : launch<__nv_bfloat16, __nv_bfloat16>(out, residual, bias, total, channels, plane, cl, s);
  }
  return static_cast<int>(cudaErrorInvalidValue);
}

}  // namespace gesso::kernels::cuda
