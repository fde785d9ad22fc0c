#pragma once
// float32 / float16 / bfloat16 data converted to and from float32, one value or a pair at a time,
// and 16-byte vector stores: what the memory-bound kernels share. Device code only.
#include <cuda_bf16.h>
#include <cuda_fp16.h>

namespace gesso::kernels::cuda::vector_access {

// One value to and from float32.
__device__ inline float to_float(float v) { return v; }
__device__ inline float to_float(__half v) { return __half2float(v); }
__device__ inline float to_float(__nv_bfloat16 v) { return __bfloat162float(v); }

template <typename T>
__device__ inline T from_float(float v);
template <>
__device__ inline float from_float<float>(float v) { return v; }
template <>
__device__ inline __half from_float<__half>(float v) { return __float2half_rn(v); }
template <>
__device__ inline __nv_bfloat16 from_float<__nv_bfloat16>(float v) { return __float2bfloat16_rn(v); }

// Element pairs, so that one conversion instruction handles two values.
template <typename T>
struct Pair;
template <>
struct Pair<float> {
  using type = float2;
  static __device__ float2 to_float2(float2 v) { return v; }
  static __device__ float2 from_float2(float2 v) { return v; }
};
template <>
struct Pair<__half> {
  using type = __half2;
  static __device__ float2 to_float2(__half2 v) { return __half22float2(v); }
  static __device__ __half2 from_float2(float2 v) { return __float22half2_rn(v); }
};
template <>
struct Pair<__nv_bfloat16> {
  using type = __nv_bfloat162;
  static __device__ float2 to_float2(__nv_bfloat162 v) { return __bfloat1622float2(v); }
  static __device__ __nv_bfloat162 from_float2(float2 v) { return __float22bfloat162_rn(v); }
};

// N consecutive values of S, read as 16-byte vectors (one for 8 halfs, two for 8 floats).
template <typename S, int N>
union Vectors {
  static constexpr int kCount = N * static_cast<int>(sizeof(S)) / 16;
  static constexpr int kPairs = N / 2;
  uint4 raw[kCount];
  typename Pair<S>::type pairs[kPairs];
};

// N float32 values rounded to S and written as 16-byte vectors.
template <typename S, int N>
__device__ inline void store(S* __restrict__ p, const float (&f)[N]) {
  Vectors<S, N> v;
#pragma unroll
  for (int k = 0; k < Vectors<S, N>::kPairs; ++k)
    v.pairs[k] = Pair<S>::from_float2(make_float2(f[2 * k], f[2 * k + 1]));
#pragma unroll
  for (int k = 0; k < Vectors<S, N>::kCount; ++k) reinterpret_cast<uint4*>(p)[k] = v.raw[k];
}

}  // namespace gesso::kernels::cuda::vector_access
