#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <cstdint>

#include "engine/kernels/geglu_cuda.h"
#include "engine/kernels/vector_access.cuh"

namespace gesso::kernels::cuda {
namespace {

using vector_access::Pair;
using vector_access::store;
using vector_access::Vectors;

constexpr int kThreads = 256;

// N values of S from 16-byte vectors, to float32 a pair at a time.
template <typename S, int N>
__device__ inline void load(const S* __restrict__ p, float (&f)[N]) {
  static_assert(N * sizeof(S) % 16 == 0, "whole 16-byte vectors only");
  Vectors<S, N> v;
#pragma unroll
  for (int k = 0; k < Vectors<S, N>::kCount; ++k) v.raw[k] = __ldg(reinterpret_cast<const uint4*>(p) + k);
#pragma unroll
  for (int k = 0; k < Vectors<S, N>::kPairs; ++k) {
    const float2 t = Pair<S>::to_float2(v.pairs[k]);
    f[2 * k] = t.x;
    f[2 * k + 1] = t.y;
  }
}

// The exact (erf) GELU, as at::gelu's default computes it in its float32 opmath.
__device__ inline float gelu(float v) { return 0.5f * v * (1.0f + erff(v * 0.70710678118654752440f)); }

// One thread per 16 bytes of output: it reads the matching 16 bytes of each half of the doubled
// projection (two independent loads in flight, plus the bias from L1) and writes once, so the
// projection crosses DRAM once and the intermediate sum and GELU never do.
template <typename T, typename B, bool kBias>
__global__ void __launch_bounds__(kThreads)
    geglu_kernel(const T* __restrict__ proj, const B* __restrict__ bias, T* __restrict__ out,
                 std::int64_t inner, unsigned vectors_per_row, unsigned total) {
  constexpr int N = 16 / sizeof(T);
  const unsigned i = blockIdx.x * kThreads + threadIdx.x;
  if (i >= total) return;
  const unsigned row = i / vectors_per_row;
  const std::int64_t col = static_cast<std::int64_t>(i - row * vectors_per_row) * N;
  const T* a_ptr = proj + static_cast<std::int64_t>(row) * 2 * inner + col;
  float a[N], g[N];
  load(a_ptr, a);
  load(a_ptr + inner, g);
  if constexpr (kBias) {
    float ba[N], bg[N];
    load(bias + col, ba);
    load(bias + inner + col, bg);
#pragma unroll
    for (int k = 0; k < N; ++k) {
      a[k] += ba[k];
      g[k] += bg[k];
    }
  }
  float o[N];
#pragma unroll
  for (int k = 0; k < N; ++k) o[k] = a[k] * gelu(g[k]);
  store(out + static_cast<std::int64_t>(i) * N, o);
}

template <typename T, typename B>
int launch(const void* proj, std::int64_t rows, std::int64_t inner, const void* bias, void* out,
           cudaStream_t stream) {
  constexpr int N = 16 / sizeof(T);
  if (inner % N != 0) return static_cast<int>(cudaErrorInvalidValue);
  const std::int64_t per_row = inner / N;
  const std::int64_t total = rows * per_row;
  if (total == 0) return 0;
  if (total > INT32_MAX) return static_cast<int>(cudaErrorInvalidValue);
  const unsigned blocks = static_cast<unsigned>((total + kThreads - 1) / kThreads);
  const auto* p = static_cast<const T*>(proj);
  const auto* b = static_cast<const B*>(bias);
  auto* o = static_cast<T*>(out);
  const auto r = static_cast<unsigned>(per_row), t = static_cast<unsigned>(total);
  if (b != nullptr)
    geglu_kernel<T, B, true><<<blocks, kThreads, 0, stream>>>(p, b, o, inner, r, t);
  else
    geglu_kernel<T, B, false><<<blocks, kThreads, 0, stream>>>(p, nullptr, o, inner, r, t);
  return static_cast<int>(cudaGetLastError());
}

// The bias is float32 or the projection's own type; other combinations are cast by the caller.
template <typename T>
int launch_with_bias(const void* proj, std::int64_t rows, std::int64_t inner, const void* bias,
                     ElementType bias_type, bool bias_is_t, void* out, cudaStream_t stream) {
  if (bias_type == ElementType::kFloat32) return launch<T, float>(proj, rows, inner, bias, out, stream);
  if (bias_is_t) return launch<T, T>(proj, rows, inner, bias, out, stream);
  return static_cast<int>(cudaErrorInvalidValue);
}

}  // namespace

int launch_geglu(const void* proj, ElementType type, std::int64_t rows, std::int64_t inner, const void* bias,
                 ElementType bias_type, void* out, void* stream) {
  auto s = static_cast<cudaStream_t>(stream);
  const bool same = bias_type == type;
  switch (type) {
    case ElementType::kFloat32: return launch_with_bias<float>(proj, rows, inner, bias, bias_type, same, out, s);
    case ElementType::kFloat16: return launch_with_bias<__half>(proj, rows, inner, bias, bias_type, same, out, s);
    case ElementType::kBFloat16:
      return launch_with_bias<__nv_bfloat16>(proj, rows, inner, bias, bias_type, same, out, s);
  }
  return static_cast<int>(cudaErrorInvalidValue);
}

}  // namespace gesso::kernels::cuda
