#pragma once
// Device helpers the GroupNorm kernels share (group_norm.cu: two passes, group_norm_cluster.cu: one
// pass on a thread-block cluster): 16-byte vectors, per-channel parameters, programmatic dependent
// launch, reductions. Device code only.
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include "engine/kernels/group_norm_cuda.h"

namespace gesso::kernels::cuda::group_norm_device {

// 16 bytes of T <-> kWidth floats.
template <typename T>
struct Vec;

template <>
struct Vec<float> {
  static constexpr int kWidth = 4;
  __device__ static void unpack(const uint4& r, float (&f)[kWidth]) {
    f[0] = __uint_as_float(r.x);
    f[1] = __uint_as_float(r.y);
    f[2] = __uint_as_float(r.z);
    f[3] = __uint_as_float(r.w);
  }
  __device__ static uint4 pack(const float (&f)[kWidth]) {
    return make_uint4(__float_as_uint(f[0]), __float_as_uint(f[1]), __float_as_uint(f[2]),
                      __float_as_uint(f[3]));
  }
};

template <>
struct Vec<__half> {
  static constexpr int kWidth = 8;
  __device__ static float2 half2_at(unsigned w) {
    return __half22float2(reinterpret_cast<const __half2&>(w));
  }
  __device__ static unsigned word(float a, float b) {
    const __half2 h = __floats2half2_rn(a, b);
    return reinterpret_cast<const unsigned&>(h);
  }
  __device__ static void unpack(const uint4& r, float (&f)[kWidth]) {
    const unsigned w[4] = {r.x, r.y, r.z, r.w};
#pragma unroll
    for (int i = 0; i < 4; ++i) {
      const float2 v = half2_at(w[i]);
      f[2 * i] = v.x;
      f[2 * i + 1] = v.y;
    }
  }
  __device__ static uint4 pack(const float (&f)[kWidth]) {
    return make_uint4(word(f[0], f[1]), word(f[2], f[3]), word(f[4], f[5]), word(f[6], f[7]));
  }
};

template <>
struct Vec<__nv_bfloat16> {
  static constexpr int kWidth = 8;
  __device__ static float2 bf162_at(unsigned w) {
    return __bfloat1622float2(reinterpret_cast<const __nv_bfloat162&>(w));
  }
  __device__ static unsigned word(float a, float b) {
    const __nv_bfloat162 h = __floats2bfloat162_rn(a, b);
    return reinterpret_cast<const unsigned&>(h);
  }
  __device__ static void unpack(const uint4& r, float (&f)[kWidth]) {
    const unsigned w[4] = {r.x, r.y, r.z, r.w};
#pragma unroll
    for (int i = 0; i < 4; ++i) {
      const float2 v = bf162_at(w[i]);
      f[2 * i] = v.x;
      f[2 * i + 1] = v.y;
    }
  }
  __device__ static uint4 pack(const float (&f)[kWidth]) {
    return make_uint4(word(f[0], f[1]), word(f[2], f[3]), word(f[4], f[5]), word(f[6], f[7]));
  }
};

__device__ inline float to_float(float v) { return v; }
__device__ inline float to_float(__half v) { return __half2float(v); }
__device__ inline float to_float(__nv_bfloat16 v) { return __bfloat162float(v); }

// One parameter, for the per-block tables and pivots: rare enough that a run-time dtype is free.
__device__ inline float param(const GroupNormParam& p, long i, float absent) {
  if (p.data == nullptr) return absent;
  switch (p.type) {
    case GroupNormElement::kFloat16: return __half2float(static_cast<const __half*>(p.data)[i]);
    case GroupNormElement::kBFloat16: return __bfloat162float(static_cast<const __nv_bfloat16*>(p.data)[i]);
    default: return static_cast<const float*>(p.data)[i];
  }
}

// V consecutive parameters from index i (a multiple of V; the data 16-byte aligned), with one
// dtype switch and 8- or 16-byte loads.
template <int V>
__device__ inline void param_vector(const GroupNormParam& p, long i, float absent, float (&out)[V]) {
  static_assert(V == 4 || V == 8, "vector of 4 or 8 parameters");
  if (p.data == nullptr) {
#pragma unroll
    for (int e = 0; e < V; ++e) out[e] = absent;
    return;
  }
  if (p.type == GroupNormElement::kFloat32) {
    const auto* src = reinterpret_cast<const float4*>(static_cast<const float*>(p.data) + i);
#pragma unroll
    for (int k = 0; k < V / 4; ++k) {
      const float4 v = src[k];
      out[4 * k] = v.x;
      out[4 * k + 1] = v.y;
      out[4 * k + 2] = v.z;
      out[4 * k + 3] = v.w;
    }
    return;
  }
  // 16-bit: V halves are V / 2 words.
  const auto* base = static_cast<const unsigned short*>(p.data) + i;
  unsigned w[V / 2];
  if constexpr (V == 8) {
    const uint4 r = *reinterpret_cast<const uint4*>(base);
    w[0] = r.x, w[1] = r.y, w[2] = r.z, w[3] = r.w;
  } else {
    const uint2 r = *reinterpret_cast<const uint2*>(base);
    w[0] = r.x, w[1] = r.y;
  }
  const bool half = p.type == GroupNormElement::kFloat16;
#pragma unroll
  for (int k = 0; k < V / 2; ++k) {
    const float2 v = half ? __half22float2(reinterpret_cast<const __half2&>(w[k]))
                          : __bfloat1622float2(reinterpret_cast<const __nv_bfloat162&>(w[k]));
    out[2 * k] = v.x;
    out[2 * k + 1] = v.y;
  }
}

// The group of channels c0 .. c0 + V - 1, with one division.
template <int V>
__device__ inline void groups_of(int c0, int group_channels, int (&g)[V]) {
  int gi = c0 / group_channels, bound = (gi + 1) * group_channels;
#pragma unroll
  for (int e = 0; e < V; ++e) {
    if (c0 + e >= bound) {
      ++gi;
      bound += group_channels;
    }
    g[e] = gi;
  }
}

template <typename T>
__device__ inline uint4 load16(const T* p) {
  return __ldg(reinterpret_cast<const uint4*>(p));
}

template <typename T>
__device__ inline void store16(T* p, const uint4& v) {
  *reinterpret_cast<uint4*>(p) = v;
}

// Programmatic dependent launch (sm_90+): a kernel launched with it may start before the previous
// kernel in the stream has finished, and must wait before touching what that kernel wrote. The
// statistics kernel waits first thing and then lets the apply kernel start, whose blocks load x
// and the parameters (written before the statistics kernel began) while the statistics finish.
__device__ inline void wait_for_previous_kernel() {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
  asm volatile("griddepcontrol.wait;" ::: "memory");
#endif
}

__device__ inline void let_next_kernel_start() {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
  asm volatile("griddepcontrol.launch_dependents;" ::: "memory");
#endif
}

__device__ inline float warp_sum(float v) {
#pragma unroll
  for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffffu, v, o);
  return v;
}

template <bool kSilu>
__device__ inline float activate(float v) {
  if constexpr (kSilu) return v * __frcp_rn(1.0f + __expf(-v));
  return v;
}

// One 16-byte vector's d = x + off into the running sums of d and d^2, per lane.
template <typename T>
__device__ inline void accumulate(const uint4& raw, const float (&off)[Vec<T>::kWidth], float (&s)[Vec<T>::kWidth],
                                  float (&q)[Vec<T>::kWidth]) {
  float f[Vec<T>::kWidth];
  Vec<T>::unpack(raw, f);
#pragma unroll
  for (int e = 0; e < Vec<T>::kWidth; ++e) {
    const float d = f[e] + off[e];
    s[e] += d;
    q[e] = fmaf(d, d, q[e]);
  }
}

// The sums are of d = x + shift - pivot over `count` elements.
__device__ inline float2 mean_rstd(float sum, float sum_sq, float count, float pivot, float eps) {
  const float m = sum / count;
  const float var = fmaxf(sum_sq / count - m * m, 0.0f);
  return make_float2(pivot + m, rsqrtf(var + eps));
}

}  // namespace gesso::kernels::cuda::group_norm_device
