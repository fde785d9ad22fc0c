#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <cstdint>

#include "engine/kernels/layer_norm_residual_cuda.h"
#include "engine/kernels/vector_access.cuh"

namespace gesso::kernels::cuda {
namespace {

using vector_access::Pair;
using vector_access::store;
using vector_access::Vectors;

constexpr int kWarps = 4;  // rows per block: small blocks spread the short launches over more SMs
constexpr int kThreads = kWarps * 32;
constexpr int kMaxVectorsPerLane = kLayerNormMaxVectors / 32;

// The 16-byte vectors that hold N values of S, kept raw until they are needed.
template <typename S, int N>
using Raw = uint4[Vectors<S, N>::kCount];

template <typename S, int N>
__device__ inline void load_raw(const S* __restrict__ p, Raw<S, N>& raw) {
  static_assert(N * sizeof(S) % 16 == 0, "whole 16-byte vectors only");
#pragma unroll
  for (int k = 0; k < Vectors<S, N>::kCount; ++k) raw[k] = __ldg(reinterpret_cast<const uint4*>(p) + k);
}

// Two values from one 32-bit word, low half first. bfloat16 is the top half of a float32, so its
// conversion is a shift: the intrinsic's 16-bit moves made ptxas spill once the raw words lived
// across the reductions.
template <typename S>
__device__ inline float2 word_to_float2(unsigned w);
template <>
__device__ inline float2 word_to_float2<__half>(unsigned w) {
  return make_float2(__half2float(__ushort_as_half(static_cast<unsigned short>(w & 0xffffu))),
                     __half2float(__ushort_as_half(static_cast<unsigned short>(w >> 16))));
}
template <>
__device__ inline float2 word_to_float2<__nv_bfloat16>(unsigned w) {
  return make_float2(__uint_as_float(w << 16), __uint_as_float(w & 0xffff0000u));
}

template <typename S, int N>
__device__ inline void unpack(const Raw<S, N>& raw, float (&f)[N]) {
#pragma unroll
  for (int k = 0; k < Vectors<S, N>::kCount; ++k) {
    const unsigned words[4] = {raw[k].x, raw[k].y, raw[k].z, raw[k].w};
#pragma unroll
    for (int j = 0; j < 4; ++j) {
      if constexpr (sizeof(S) == 4) {
        f[4 * k + j] = __uint_as_float(words[j]);
      } else {
        const float2 t = word_to_float2<S>(words[j]);
        f[8 * k + 2 * j] = t.x;
        f[8 * k + 2 * j + 1] = t.y;
      }
    }
  }
}

template <typename S, int N>
__device__ inline void load(const S* __restrict__ p, float (&f)[N]) {
  Raw<S, N> raw;
  load_raw<S, N>(p, raw);
  unpack<S, N>(raw, f);
}

// n / d, correctly rounded for the finite normal values met here (one Newton step on n * (1 / d)),
// without the slow-path call that the division operator brings. Exact matters: a constant row then
// has its exact mean and normalizes to exactly the bias, as ATen's does.
__device__ inline float divide(float n, float d, float inv_d) {
  const float q = n * inv_d;
  return fmaf(fmaf(-q, d, n), inv_d, q);
}

__device__ inline float warp_sum(float v) {
#pragma unroll
  for (int offset = 16; offset > 0; offset >>= 1) v += __shfl_xor_sync(0xffffffffu, v, offset);
  return v;
}

// One warp per row, the row held in registers: lane l owns the 16-byte vectors l, l + 32, ... (K of
// them at most), so each of the K loads is one coalesced 512-byte sweep. The mean and then the
// variance around it come from those registers (two exact passes, no sum of squares to cancel), and
// both outputs are written from them: x crosses DRAM once, and the residual stream costs one
// write instead of a separate read-add-write. weight and bias are always given (the caller
// materializes missing ones); the next bias is a template flag, so that its absence is a bit copy
// and no null-pointer branches sit between the loads.
//
// kPrefetch reads the parameters together with x, so that their latency hides behind x's instead of
// following the reductions; it costs registers, hence occupancy (see launch_rows).
template <typename T, typename P, int K, bool kNextBias, bool kPrefetch>
__global__ void __launch_bounds__(kThreads)
    layer_norm_residual_kernel(const T* __restrict__ x, const P* __restrict__ weight, const P* __restrict__ bias,
                               const P* __restrict__ next_bias, float eps, float inv_dim, T* __restrict__ normed,
                               T* __restrict__ residual, std::int64_t rows, int dim) {
  constexpr int N = 16 / sizeof(T);
  constexpr int kAhead = kPrefetch ? K : 1;
  const int lane = threadIdx.x & 31;
  const std::int64_t row = static_cast<std::int64_t>(blockIdx.x) * kWarps + threadIdx.x / 32;
  if (row >= rows) return;  // the whole warp leaves together, so the shuffles below see all 32 lanes
  const int vectors = dim / N;
  const std::int64_t base = row * dim;

  float v[K][N];
  Raw<P, N> w_ahead[kAhead], b_ahead[kAhead], nb_ahead[kAhead];
#pragma unroll
  for (int k = 0; k < K; ++k) {
    const int c = lane + 32 * k;
    if (c < vectors) {
      load(x + base + c * N, v[k]);
      if constexpr (kPrefetch) {
        load_raw<P, N>(weight + c * N, w_ahead[k]);
        load_raw<P, N>(bias + c * N, b_ahead[k]);
        if constexpr (kNextBias) load_raw<P, N>(next_bias + c * N, nb_ahead[k]);
      }
    } else {
#pragma unroll
      for (int j = 0; j < N; ++j) v[k][j] = 0.0f;
    }
  }

  const float fdim = static_cast<float>(dim);
  float sum = 0.0f;
#pragma unroll
  for (int k = 0; k < K; ++k)
#pragma unroll
    for (int j = 0; j < N; ++j) sum += v[k][j];
  const float mean = divide(warp_sum(sum), fdim, inv_dim);

  float squares = 0.0f;
#pragma unroll
  for (int k = 0; k < K; ++k) {
    if (lane + 32 * k < vectors) {
#pragma unroll
      for (int j = 0; j < N; ++j) {
        const float d = v[k][j] - mean;
        squares += d * d;
      }
    }
  }
  const float rstd = rsqrtf(divide(warp_sum(squares), fdim, inv_dim) + eps);

#pragma unroll
  for (int k = 0; k < K; ++k) {
    const int c = lane + 32 * k;
    if (c >= vectors) continue;
    float w[N], b[N], nb[N], out[N];
    if constexpr (kPrefetch) {
      unpack<P, N>(w_ahead[k], w);
      unpack<P, N>(b_ahead[k], b);
      if constexpr (kNextBias) unpack<P, N>(nb_ahead[k], nb);
    } else {
      load(weight + c * N, w);
      load(bias + c * N, b);
      if constexpr (kNextBias) load(next_bias + c * N, nb);
    }
#pragma unroll
    for (int j = 0; j < N; ++j) out[j] = (v[k][j] - mean) * rstd * w[j] + b[j];
    store(normed + base + c * N, out);
    if constexpr (kNextBias) {
#pragma unroll
      for (int j = 0; j < N; ++j) v[k][j] += nb[j];
    }
    store(residual + base + c * N, v[k]);
  }
}

// Warps of this kernel resident on the whole device at once.
template <typename Kernel>
long resident_warps(Kernel kernel) {
  int device = 0, sms = 0, blocks = 0;
  if (cudaGetDevice(&device) != cudaSuccess ||
      cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, device) != cudaSuccess ||
      cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, kernel, kThreads, 0) != cudaSuccess)
    return 0;
  return static_cast<long>(sms) * blocks * kWarps;
}

// Prefetching pays while it adds no wave of warps: measured on an H200, it saves 0.3-0.5 us on
// SD's few-row launches ([2, 64..1024, D]) and costs up to 15% where its lower occupancy adds a
// wave ([2, 4096, 640], [2, 16384, 320]).
template <typename T, typename P, int K, bool kNextBias>
bool prefetch_pays(std::int64_t rows) {
  const long with = resident_warps(layer_norm_residual_kernel<T, P, K, kNextBias, true>);
  const long without = resident_warps(layer_norm_residual_kernel<T, P, K, kNextBias, false>);
  if (with == 0 || without == 0) return false;
  return (rows + with - 1) / with <= (rows + without - 1) / without;
}

template <typename T, typename P, int K, bool kNextBias>
void launch_rows(const T* x, std::int64_t rows, int dim, const P* weight, const P* bias, const P* next_bias,
                 float eps, T* normed, T* residual, cudaStream_t stream) {
  constexpr int N = 16 / sizeof(T);
  // Only where the packed parameters take at most 64 registers: wider ones would spill.
  constexpr bool kCanPrefetch = (kNextBias ? 3 : 2) * K * N * sizeof(P) / 4 <= 64;
  const auto blocks = static_cast<unsigned>((rows + kWarps - 1) / kWarps);
  const float inv_dim = 1.0f / static_cast<float>(dim);  // on the host: the device's division calls a slow path
  if constexpr (kCanPrefetch) {
    if (prefetch_pays<T, P, K, kNextBias>(rows)) {
      layer_norm_residual_kernel<T, P, K, kNextBias, true>
          <<<blocks, kThreads, 0, stream>>>(x, weight, bias, next_bias, eps, inv_dim, normed, residual, rows, dim);
      return;
    }
  }
  layer_norm_residual_kernel<T, P, K, kNextBias, false>
      <<<blocks, kThreads, 0, stream>>>(x, weight, bias, next_bias, eps, inv_dim, normed, residual, rows, dim);
}

template <typename T, typename P, int K>
int launch_k(const T* x, std::int64_t rows, int dim, const P* weight, const P* bias, const P* next_bias, float eps,
             T* normed, T* residual, cudaStream_t stream) {
  if (next_bias != nullptr)
    launch_rows<T, P, K, true>(x, rows, dim, weight, bias, next_bias, eps, normed, residual, stream);
  else
    launch_rows<T, P, K, false>(x, rows, dim, weight, bias, nullptr, eps, normed, residual, stream);
  return static_cast<int>(cudaGetLastError());
}

template <typename T, typename P>
int launch(const void* x, std::int64_t rows, std::int64_t dim, const void* weight, const void* bias,
           const void* next_bias, float eps, void* normed, void* residual, cudaStream_t stream) {
  constexpr int N = 16 / sizeof(T);
  if (dim <= 0 || dim % N != 0 || dim / N > kLayerNormMaxVectors) return static_cast<int>(cudaErrorInvalidValue);
  if (weight == nullptr || bias == nullptr) return static_cast<int>(cudaErrorInvalidValue);
  if (rows == 0) return 0;
  if ((rows + kWarps - 1) / kWarps > INT32_MAX) return static_cast<int>(cudaErrorInvalidValue);
  const auto* xt = static_cast<const T*>(x);
  const auto* w = static_cast<const P*>(weight);
  const auto* b = static_cast<const P*>(bias);
  const auto* nb = static_cast<const P*>(next_bias);
  auto* n = static_cast<T*>(normed);
  auto* r = static_cast<T*>(residual);
  const int d = static_cast<int>(dim);
  // The fewest registers that hold the row: SD's widths (320, 640, 1280 halfs) need 2, 3 and 5.
  switch ((dim / N + 31) / 32) {
    case 1: return launch_k<T, P, 1>(xt, rows, d, w, b, nb, eps, n, r, stream);
    case 2: return launch_k<T, P, 2>(xt, rows, d, w, b, nb, eps, n, r, stream);
    case 3: return launch_k<T, P, 3>(xt, rows, d, w, b, nb, eps, n, r, stream);
    case 4: return launch_k<T, P, 4>(xt, rows, d, w, b, nb, eps, n, r, stream);
    case 5: return launch_k<T, P, 5>(xt, rows, d, w, b, nb, eps, n, r, stream);
    case 6: return launch_k<T, P, 6>(xt, rows, d, w, b, nb, eps, n, r, stream);
    case 7: return launch_k<T, P, 7>(xt, rows, d, w, b, nb, eps, n, r, stream);
    case 8: return launch_k<T, P, 8>(xt, rows, d, w, b, nb, eps, n, r, stream);
  }
  static_assert(kMaxVectorsPerLane == 8, "one case per vector count");
  return static_cast<int>(cudaErrorInvalidValue);
}

// The parameters are float32 or x's own type; other combinations are cast by the caller.
template <typename T>
int launch_with_params(const void* x, std::int64_t rows, std::int64_t dim, const void* weight, const void* bias,
                       const void* next_bias, ElementType param_type, bool params_are_t, float eps, void* normed,
                       void* residual, cudaStream_t stream) {
  if (param_type == ElementType::kFloat32)
    return launch<T, float>(x, rows, dim, weight, bias, next_bias, eps, normed, residual, stream);
  if (params_are_t) return launch<T, T>(x, rows, dim, weight, bias, next_bias, eps, normed, residual, stream);
  return static_cast<int>(cudaErrorInvalidValue);
}

}  // namespace

int launch_layer_norm_residual(const void* x, ElementType type, std::int64_t rows, std::int64_t dim,
                               const void* weight, const void* bias, const void* next_bias,
                               ElementType param_type, float eps, void* normed, void* residual,
                               void* stream) {
  auto s = static_cast<cudaStream_t>(stream);
  const bool same = param_type == type;
  switch (type) {
    case ElementType::kFloat32:
      return launch_with_params<float>(x, rows, dim, weight, bias, next_bias, param_type, same, eps, normed,
                                       residual, s);
    case ElementType::kFloat16:
      return launch_with_params<__half>(x, rows, dim, weight, bias, next_bias, param_type, same, eps, normed,
                                        residual, s);
    case ElementType::kBFloat16:
      return launch_with_params<__nv_bfloat16>(x, rows, dim, weight, bias, next_bias, param_type, same, eps,
                                               normed, residual, s);
  }
  return static_cast<int>(cudaErrorInvalidValue);
}

}  // namespace gesso::kernels::cuda
