#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <algorithm>
#include <cstdint>

#include "engine/kernels/group_norm_cuda.h"
#include "engine/kernels/group_norm_device.cuh"

// Two passes over x: a statistics kernel writes per-tile partial sums, and an apply kernel folds
// them into mean/rstd per group and writes act((x + shift - mean) * rstd * w + b). Partial sums are
// of x - pivot, the pivot being the group's first element: a value from the data keeps the sums
// small, so that var = E[d^2] - E[d]^2 does not cancel when |mean| >> std. Every tile's partials
// go to their own slot (no atomics), so the result is deterministic.
//
// On an H200 (fp16, channels-last, shift + SiLU, CUDA-graph replay) this takes 10-12 us for
// [2, 320, 64, 64] and 7 us for [2, 1280, 8, 8] (launch and latency bound), against 62-65 us and
// 15 us for ATen's add + group_norm + silu_; [1, 128, 512, 512] takes 67 us (3.0 TB/s counting x
// read twice and y written once; a plain copy of x runs at 3.9 TB/s). The tiling constants below
// were picked from sweeps of those shapes.

namespace gesso::kernels::cuda {
namespace {

constexpr int kUnroll = 4;  // 16-byte loads a thread keeps in flight
constexpr int kMaxGroups = 1024;
constexpr int kMaxNhwcChannels = 4096;
constexpr int kReduceFloats = 4096;      // NHWC stats: active threads * vector width <= this
constexpr int kMaxGroupChannels = 1024;  // NCHW: per-channel table of one group
constexpr int kNchwThreads = 256;

// Threads an NHWC block aims for, in whole pixel rows; 256 was slower.
constexpr int kRowThreads = 512;
// Resident threads per multiprocessor the grids are sized for (one wave). NHWC: more stats
// blocks mean more partials for every apply block to fold, more apply blocks were slower too.
// NCHW: more, shorter blocks balance the tail of large tensors better.
constexpr int kNhwcThreadsPerSm = 1024;
constexpr int kNchwThreadsPerSm = 2048;

int ceil_div(int a, int b) { return (a + b - 1) / b; }

using namespace group_norm_device;

// NHWC blocks: 16-bit types have at most 4096 / 8 = 512 vectors a pixel, so blocks of up to 512
// threads, two an SM; float needs 1024 threads for 4096 channels. Either way 64 registers.
template <typename T>
constexpr int kMaxThreads = Vec<T>::kWidth == 4 ? 1024 : 512;

// ---------------------------------------------------------------------------------------------
// Channels-last: x is [N, P, C]. A block is rows x vectors threads; thread (row, col) always owns
// channels col*V .. col*V+V-1 and walks pixels row, row+rows, ... of its tile, so its per-channel
// parameters stay in registers. Partials are [N, G, tiles] float2 (sum, sum of squares).

// Lanes that fold one group's partials in the apply kernel: a power of two up to a warp.
__host__ __device__ inline int nhwc_lanes_per_group(int groups, int threads) {
  int per = 1;
  while (per < 32 && per * 2 * groups <= threads) per *= 2;
  return per;
}

struct NhwcPlan {
  int channels, pixels, groups, group_channels;
  int vectors, rows;  // vectors of V channels a pixel; pixel rows a block
  int stats_tiles, stats_tile_pixels;
  int apply_tiles, apply_tile_pixels;
};

template <typename T>
__device__ inline void load_pixels(uint4 (&r)[kUnroll], const T* xs, int px, int end, int rows,
                                   int channels, int c0) {
#pragma unroll
  for (int u = 0; u < kUnroll; ++u) {
    const int pu = px + u * rows;
    r[u] = pu < end ? load16(xs + static_cast<long>(pu) * channels + c0) : make_uint4(0, 0, 0, 0);
  }
}

// x + shift at pixel 0 of `channel`; sh0 indexes shift[n, 0].
template <typename T, bool kShift>
__device__ inline float group_pivot(const T* xs, const GroupNormParam& shift, long sh0, int channel,
                                    int channel_stride) {
  float v = to_float(xs[static_cast<long>(channel) * channel_stride]);
  if constexpr (kShift) v += param(shift, sh0 + channel, 0.0f);
  return v;
}

// shift[n, 0..channels) into shared memory, loaded by the whole block at once, V at a time.
template <int V>
__device__ inline void stage_shift(const GroupNormParam& shift, long sh0, int channels, float* dst) {
  for (int c = threadIdx.x * V; c < channels; c += blockDim.x * V) {
    float f[V];
    param_vector<V>(shift, sh0 + c, 0.0f, f);
#pragma unroll
    for (int e = 0; e < V; ++e) dst[c + e] = f[e];
  }
}

template <typename T, bool kShift>
__global__ void __launch_bounds__(kMaxThreads<T>, 1024 / kMaxThreads<T>)
    nhwc_stats_kernel(const T* __restrict__ x, GroupNormParam shift, NhwcPlan p,
                      float2* __restrict__ partials) {
  constexpr int V = Vec<T>::kWidth;
  __shared__ float red_s[kReduceFloats];
  __shared__ float red_q[kReduceFloats];
  __shared__ float pivots[kMaxGroups];
  const int n = blockIdx.y, tile = blockIdx.x;
  const int col = threadIdx.x % p.vectors, row = threadIdx.x / p.vectors;
  const int c0 = col * V;
  const T* xs = x + static_cast<long>(n) * p.pixels * p.channels;
  const long sh0 = static_cast<long>(n) * (shift.row_stride ? shift.row_stride : p.channels);
  const int begin = tile * p.stats_tile_pixels;
  const int end = min(p.pixels, begin + p.stats_tile_pixels);
  const int step = p.rows * kUnroll;
  int px = row < p.rows ? begin + row : end;

  wait_for_previous_kernel();
  let_next_kernel_start();
  uint4 r[kUnroll];
  load_pixels(r, xs, px, end, p.rows, p.channels, c0);
  // The shift goes through red_q (free until the reduction), so that all loads leave at once.
  if constexpr (kShift) stage_shift<V>(shift, sh0, p.channels, red_q);
  for (int g = threadIdx.x; g < p.groups; g += blockDim.x)
    pivots[g] = group_pivot<T, kShift>(xs, shift, sh0, g * p.group_channels, 1);
  __syncthreads();
  float off[V], s[V], q[V];
  int group[V];
  groups_of(c0, p.group_channels, group);
#pragma unroll
  for (int e = 0; e < V; ++e) {
    off[e] = (kShift ? red_q[c0 + e] : 0.0f) - pivots[group[e]];
    s[e] = q[e] = 0.0f;
  }
  if constexpr (kShift) __syncthreads();
  for (; px < end; px += step) {
#pragma unroll
    for (int u = 0; u < kUnroll; ++u) {
      if (px + u * p.rows >= end) break;
      accumulate<T>(r[u], off, s, q);
    }
    load_pixels(r, xs, px + step, end, p.rows, p.channels, c0);
  }

  if (row < p.rows) {
#pragma unroll
    for (int e = 0; e < V; e += 4) {
      const int i = row * p.channels + c0 + e;
      *reinterpret_cast<float4*>(&red_s[i]) = make_float4(s[e], s[e + 1], s[e + 2], s[e + 3]);
      *reinterpret_cast<float4*>(&red_q[i]) = make_float4(q[e], q[e + 1], q[e + 2], q[e + 3]);
    }
  }
  __syncthreads();
  // Channel totals over the rows (into row 0), then group totals over the channels: two short
  // loops with every thread busy, rather than long serial ones.
  for (int c = threadIdx.x; c < p.channels; c += blockDim.x) {
    float a = red_s[c], b = red_q[c];
#pragma unroll 4
    for (int rr = 1; rr < p.rows; ++rr) {
      a += red_s[rr * p.channels + c];
      b += red_q[rr * p.channels + c];
    }
    red_s[c] = a;
    red_q[c] = b;
  }
  __syncthreads();
  // Neighbouring threads start at different offsets in their groups: with an even group width
  // they would otherwise hit the same shared-memory banks.
  const int cpg = p.group_channels;
  for (int g = threadIdx.x; g < p.groups; g += blockDim.x) {
    float a = 0.0f, b = 0.0f;
    int i = cpg % 2 == 0 ? g % cpg : 0;
#pragma unroll 4
    for (int k = 0; k < cpg; ++k) {
      a += red_s[g * cpg + i];
      b += red_q[g * cpg + i];
      i = i + 1 == cpg ? 0 : i + 1;
    }
    partials[(static_cast<long>(n) * p.groups + g) * p.stats_tiles + tile] = make_float2(a, b);
  }
}

// Folds sample n's partials ([G, tiles]) into stat[g] = (mean, rstd). `per` lanes share a group,
// reading its tiles along memory, then meet by shuffles.
template <typename T, bool kShift>
__device__ void nhwc_group_stats(const float2* part, const NhwcPlan& p, const T* xs,
                                 const GroupNormParam& shift, long sh0, float eps, float2* stat) {
  constexpr int kLoads = 8;  // partials a thread has in flight
  const int per = nhwc_lanes_per_group(p.groups, blockDim.x);
  const int total = (p.groups * per + 31) / 32 * 32;
  const float count = static_cast<float>(p.group_channels) * static_cast<float>(p.pixels);
  const int per_log2 = __ffs(per) - 1;
  for (int w = threadIdx.x; w < total; w += blockDim.x) {
    const int g = w >> per_log2, k = w & (per - 1);
    const bool lead = g < p.groups && k == 0;
    const float pivot = lead ? group_pivot<T, kShift>(xs, shift, sh0, g * p.group_channels, 1) : 0.0f;
    float s = 0.0f, q = 0.0f;
    if (g < p.groups) {
      const float2* pg = part + static_cast<long>(g) * p.stats_tiles;
      for (int t = k; t < p.stats_tiles; t += kLoads * per) {
        float2 v[kLoads];
#pragma unroll
        for (int u = 0; u < kLoads; ++u) {
          const int tu = t + u * per;
          v[u] = tu < p.stats_tiles ? pg[tu] : make_float2(0.0f, 0.0f);
        }
#pragma unroll
        for (int u = 0; u < kLoads; ++u) {
          s += v[u].x;
          q += v[u].y;
        }
      }
    }
    for (int o = per / 2; o > 0; o >>= 1) {
      s += __shfl_xor_sync(0xffffffffu, s, o);
      q += __shfl_xor_sync(0xffffffffu, q, o);
    }
    if (lead) stat[g] = mean_rstd(s, q, count, pivot, eps);
  }
  __syncthreads();
}

template <typename T, bool kShift, bool kSilu>
__global__ void __launch_bounds__(kMaxThreads<T>, 1024 / kMaxThreads<T>)
    nhwc_apply_kernel(const T* __restrict__ x, GroupNormParam weight, GroupNormParam bias,
                      GroupNormParam shift, const float2* __restrict__ partials, NhwcPlan p, float eps,
                      T* __restrict__ y) {
  constexpr int V = Vec<T>::kWidth;
  __shared__ float2 stat[kMaxGroups];
  __shared__ float shifts[kShift ? kMaxNhwcChannels : 1];
  const int n = blockIdx.y;
  const int col = threadIdx.x % p.vectors, row = threadIdx.x / p.vectors;
  const int c0 = col * V;
  const long base = static_cast<long>(n) * p.pixels * p.channels;
  const T* xs = x + base;
  T* ys = y + base;
  const long sh0 = static_cast<long>(n) * (shift.row_stride ? shift.row_stride : p.channels);
  const int begin = blockIdx.x * p.apply_tile_pixels;
  const int end = min(p.pixels, begin + p.apply_tile_pixels);
  const int step = p.rows * kUnroll;
  int px = row < p.rows ? begin + row : end;

  // The first loads are issued before the statistics are folded, to overlap the two latencies.
  uint4 r[kUnroll];
  load_pixels(r, xs, px, end, p.rows, p.channels, c0);
  // y = x * scale + offset: two coefficients a channel keep the loop within 64 registers (ATen's
  // kernel uses the same form).
  float scale[V], offset[V];
  param_vector<V>(weight, c0, 1.0f, scale);
  param_vector<V>(bias, c0, 0.0f, offset);
  if constexpr (kShift) stage_shift<V>(shift, sh0, p.channels, shifts);
  wait_for_previous_kernel();
  nhwc_group_stats<T, kShift>(partials + static_cast<long>(n) * p.groups * p.stats_tiles, p, xs, shift,
                              sh0, eps, stat);
  int group[V];
  groups_of(c0, p.group_channels, group);
#pragma unroll
  for (int e = 0; e < V; ++e) {
    const float2 st = stat[group[e]];
    const float sh = kShift ? shifts[c0 + e] : 0.0f;
    scale[e] *= st.y;
    offset[e] = fmaf(sh - st.x, scale[e], offset[e]);
  }

  for (; px < end; px += step) {
#pragma unroll
    for (int u = 0; u < kUnroll; ++u) {
      const int pu = px + u * p.rows;
      if (pu >= end) break;
      float f[V];
      Vec<T>::unpack(r[u], f);
#pragma unroll
      for (int e = 0; e < V; ++e) f[e] = activate<kSilu>(fmaf(f[e], scale[e], offset[e]));
      store16(ys + static_cast<long>(pu) * p.channels + c0, Vec<T>::pack(f));
    }
    load_pixels(r, xs, px + step, end, p.rows, p.channels, c0);
  }
}

// ---------------------------------------------------------------------------------------------
// Contiguous NCHW: group g of sample n is one slab of group_channels * pixels elements, tiled
// along its length. A 16-byte vector spans at most two channels (pixels >= V). Partials are
// [N * G, tiles] float2.

struct NchwPlan {
  int channels, pixels, groups, group_channels;
  int slab_vectors;
  int stats_tiles, stats_tile_vectors;
  int apply_tiles, apply_tile_vectors;
};

template <typename T>
__device__ inline void load_vectors(uint4 (&r)[kUnroll], const T* xs, int v, int end) {
  constexpr int V = Vec<T>::kWidth;
#pragma unroll
  for (int u = 0; u < kUnroll; ++u) {
    const int vu = v + u * kNchwThreads;
    r[u] = vu < end ? load16(xs + static_cast<long>(vu) * V) : make_uint4(0, 0, 0, 0);
  }
}

// Block-wide sum of (a, b) into thread 0.
__device__ inline float2 block_sum(float a, float b) {
  __shared__ float2 warp_sums[kNchwThreads / 32];
  a = warp_sum(a);
  b = warp_sum(b);
  const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
  if (lane == 0) warp_sums[warp] = make_float2(a, b);
  __syncthreads();
  float2 t = make_float2(0.0f, 0.0f);
  if (threadIdx.x == 0)
    for (int w = 0; w < kNchwThreads / 32; ++w) {
      t.x += warp_sums[w].x;
      t.y += warp_sums[w].y;
    }
  return t;
}

template <typename T, bool kShift>
__global__ void __launch_bounds__(kNchwThreads)
    nchw_stats_kernel(const T* __restrict__ x, GroupNormParam shift, NchwPlan p,
                      float2* __restrict__ partials) {
  constexpr int V = Vec<T>::kWidth;
  __shared__ float offsets[kShift ? kMaxGroupChannels : 1];
  const int slab = blockIdx.y, n = slab / p.groups, g = slab % p.groups;
  const T* xs = x + static_cast<long>(slab) * p.group_channels * p.pixels;
  // The group's shift[n, c0].
  const long sh0 = static_cast<long>(n) * (shift.row_stride ? shift.row_stride : p.channels) + g * p.group_channels;
  const int begin = blockIdx.x * p.stats_tile_vectors;
  const int end = min(p.slab_vectors, begin + p.stats_tile_vectors);
  int v = begin + threadIdx.x;

  wait_for_previous_kernel();
  let_next_kernel_start();
  uint4 r[kUnroll];
  load_vectors(r, xs, v, end);
  const float pivot = group_pivot<T, kShift>(xs, shift, sh0, 0, p.pixels);
  if constexpr (kShift) {
    for (int c = threadIdx.x; c < p.group_channels; c += kNchwThreads)
      offsets[c] = param(shift, sh0 + c, 0.0f) - pivot;
    __syncthreads();
  }
  float s[V], q[V];
#pragma unroll
  for (int e = 0; e < V; ++e) s[e] = q[e] = 0.0f;
  for (; v < end; v += kNchwThreads * kUnroll) {
#pragma unroll
    for (int u = 0; u < kUnroll; ++u) {
      const int vu = v + u * kNchwThreads;
      if (vu >= end) break;
      float lo = -pivot, hi = -pivot;
      int split = V;
      if constexpr (kShift) {
        const int e0 = vu * V, c = e0 / p.pixels;
        split = (c + 1) * p.pixels - e0;
        lo = offsets[c];
        hi = offsets[min(c + 1, p.group_channels - 1)];
      }
      float f[V];
      Vec<T>::unpack(r[u], f);
#pragma unroll
      for (int e = 0; e < V; ++e) {
        const float d = f[e] + (e < split ? lo : hi);
        s[e] += d;
        q[e] = fmaf(d, d, q[e]);
      }
    }
    load_vectors(r, xs, v + kNchwThreads * kUnroll, end);
  }
#pragma unroll
  for (int e = 1; e < V; ++e) {
    s[0] += s[e];
    q[0] += q[e];
  }
  const float2 t = block_sum(s[0], q[0]);
  if (threadIdx.x == 0) partials[static_cast<long>(slab) * p.stats_tiles + blockIdx.x] = t;
}

template <typename T, bool kShift, bool kSilu>
__global__ void __launch_bounds__(kNchwThreads)
    nchw_apply_kernel(const T* __restrict__ x, GroupNormParam weight, GroupNormParam bias,
                      GroupNormParam shift, const float2* __restrict__ partials, NchwPlan p, float eps,
                      T* __restrict__ y) {
  constexpr int V = Vec<T>::kWidth;
  __shared__ float3 table[kMaxGroupChannels];  // per channel of the group: shift, weight, bias
  const int slab = blockIdx.y, n = slab / p.groups, g = slab % p.groups;
  const long base = static_cast<long>(slab) * p.group_channels * p.pixels;
  const T* xs = x + base;
  T* ys = y + base;
  const long sh0 = static_cast<long>(n) * (shift.row_stride ? shift.row_stride : p.channels) + g * p.group_channels;
  const int begin = blockIdx.x * p.apply_tile_vectors;
  const int end = min(p.slab_vectors, begin + p.apply_tile_vectors);
  int v = begin + threadIdx.x;

  uint4 r[kUnroll];
  load_vectors(r, xs, v, end);
  for (int c = threadIdx.x; c < p.group_channels; c += kNchwThreads) {
    const int ch = g * p.group_channels + c;
    table[c] = make_float3(kShift ? param(shift, sh0 + c, 0.0f) : 0.0f, param(weight, ch, 1.0f),
                           param(bias, ch, 0.0f));
  }
  __syncthreads();
  wait_for_previous_kernel();
  // Each warp folds the slab's few partials itself, which saves a barrier.
  float s = 0.0f, q = 0.0f;
  const float2* part = partials + static_cast<long>(slab) * p.stats_tiles;
  for (int t = threadIdx.x & 31; t < p.stats_tiles; t += 32) {
    s += part[t].x;
    q += part[t].y;
  }
  const float count = static_cast<float>(p.group_channels) * static_cast<float>(p.pixels);
  const float pivot = group_pivot<T, kShift>(xs, shift, sh0, 0, p.pixels);
  const float2 st = mean_rstd(warp_sum(s), warp_sum(q), count, pivot, eps);

  for (; v < end; v += kNchwThreads * kUnroll) {
#pragma unroll
    for (int u = 0; u < kUnroll; ++u) {
      const int vu = v + u * kNchwThreads;
      if (vu >= end) break;
      const int e0 = vu * V, c = e0 / p.pixels;
      const int split = (c + 1) * p.pixels - e0;
      const float3 lo = table[c];
      const float3 hi = table[min(c + 1, p.group_channels - 1)];
      const float lo_off = lo.x - st.x, lo_scale = lo.y * st.y;
      const float hi_off = hi.x - st.x, hi_scale = hi.y * st.y;
      float f[V];
      Vec<T>::unpack(r[u], f);
#pragma unroll
      for (int e = 0; e < V; ++e) {
        const bool low = e < split;
        const float d = f[e] + (low ? lo_off : hi_off);
        f[e] = activate<kSilu>(fmaf(d, low ? lo_scale : hi_scale, low ? lo.z : hi.z));
      }
      store16(ys + static_cast<long>(vu) * V, Vec<T>::pack(f));
    }
    load_vectors(r, xs, v + kNchwThreads * kUnroll, end);
  }
}

// ---------------------------------------------------------------------------------------------
// Host side.

int vector_width(GroupNormElement type) { return type == GroupNormElement::kFloat32 ? 4 : 8; }

int multiprocessors() {
  int device = 0, count = 0;
  if (cudaGetDevice(&device) != cudaSuccess ||
      cudaDeviceGetAttribute(&count, cudaDevAttrMultiProcessorCount, device) != cudaSuccess || count <= 0) {
    cudaGetLastError();  // a plan without the count still works; do not leave the error behind
    return 132;
  }
  return count;
}

// Splits `length` into tiles for about `blocks` blocks over `units` independent units, no tile
// shorter than `min_length`, at most `max_tiles` tiles.
void split(int length, int units, int blocks, int min_length, int max_tiles, int& tiles, int& tile_length) {
  int t = std::min(max_tiles, std::max(1, ceil_div(blocks, units)));
  t = std::min(t, std::max(1, length / std::max(1, min_length)));
  tile_length = ceil_div(length, t);
  tiles = ceil_div(length, tile_length);
}

int nhwc_threads(const NhwcPlan& p) { return (p.rows * p.vectors + 31) / 32 * 32; }

NhwcPlan nhwc_plan(const GroupNormShape& s, int sms) {
  NhwcPlan p{};
  p.channels = s.channels;
  p.pixels = s.pixels;
  p.groups = s.groups;
  p.group_channels = s.channels / s.groups;
  p.vectors = s.channels / vector_width(s.type);
  p.rows = std::max(1, kRowThreads / p.vectors);
  const int threads = nhwc_threads(p);
  // Every apply block folds all of its sample's partials, `rounds` dependent loads per thread: one
  // for small tensors, where that latency shows, more where tiles would otherwise be long.
  const int lanes = nhwc_lanes_per_group(p.groups, threads);
  const long long sample_bytes = static_cast<long long>(p.pixels) * p.channels * (16 / vector_width(s.type));
  const int rounds = sample_bytes / (8 * lanes) > (256 << 10) ? 4 : 1;
  const int max_stats_tiles = 8 * lanes * rounds;
  const int blocks = sms * std::max(1, kNhwcThreadsPerSm / threads);
  split(p.pixels, s.batch, blocks, p.rows, max_stats_tiles, p.stats_tiles, p.stats_tile_pixels);
  split(p.pixels, s.batch, blocks, p.rows, 1 << 30, p.apply_tiles, p.apply_tile_pixels);
  return p;
}

NchwPlan nchw_plan(const GroupNormShape& s, int sms) {
  NchwPlan p{};
  p.channels = s.channels;
  p.pixels = s.pixels;
  p.groups = s.groups;
  p.group_channels = s.channels / s.groups;
  p.slab_vectors = p.group_channels * p.pixels / vector_width(s.type);
  const int slabs = s.batch * s.groups;
  const int blocks = sms * (kNchwThreadsPerSm / kNchwThreads);
  split(p.slab_vectors, slabs, blocks, kNchwThreads * 2, 1 << 30, p.stats_tiles, p.stats_tile_vectors);
  split(p.slab_vectors, slabs, blocks, kNchwThreads * 2, 1 << 30, p.apply_tiles, p.apply_tile_vectors);
  return p;
}

bool dependent_launch_supported() {
  int device = 0, major = 0;
  if (cudaGetDevice(&device) != cudaSuccess ||
      cudaDeviceGetAttribute(&major, cudaDevAttrComputeCapabilityMajor, device) != cudaSuccess) {
    cudaGetLastError();
    return false;
  }
  return major >= 9;
}

template <typename... Params, typename... Args>
int launch(void (*kernel)(Params...), dim3 grid, int threads, cudaStream_t stream, bool dependent,
           Args... args) {
  cudaLaunchAttribute attr{};
  attr.id = cudaLaunchAttributeProgrammaticStreamSerialization;
  attr.val.programmaticStreamSerializationAllowed = 1;
  cudaLaunchConfig_t config{};
  config.gridDim = grid;
  config.blockDim = dim3(threads);
  config.stream = stream;
  config.attrs = &attr;
  config.numAttrs = dependent ? 1 : 0;
  const cudaError_t launched = cudaLaunchKernelEx(&config, kernel, static_cast<Params>(args)...);
  const cudaError_t last = cudaGetLastError();  // also clears it
  return static_cast<int>(launched != cudaSuccess ? launched : last);
}

template <typename Kernel>
Kernel pick(bool shift, bool silu, Kernel none, Kernel only_silu, Kernel only_shift, Kernel both) {
  return shift ? (silu ? both : only_shift) : (silu ? only_silu : none);
}

template <typename T>
int launch_nhwc(const GroupNormArgs& a, int sms, bool dependent, cudaStream_t stream) {
  const NhwcPlan p = nhwc_plan(a.shape, sms);
  const int threads = nhwc_threads(p);
  const bool shift = a.shift.data != nullptr;
  auto* partials = reinterpret_cast<float2*>(a.workspace);
  const auto* x = static_cast<const T*>(a.x);
  const dim3 stats_grid(p.stats_tiles, a.shape.batch);
  auto stats = shift ? nhwc_stats_kernel<T, true> : nhwc_stats_kernel<T, false>;
  if (const int rc = launch(stats, stats_grid, threads, stream, dependent, x, a.shift, p, partials))
    return rc;
  auto apply = pick(shift, a.silu, nhwc_apply_kernel<T, false, false>, nhwc_apply_kernel<T, false, true>,
                    nhwc_apply_kernel<T, true, false>, nhwc_apply_kernel<T, true, true>);
  const dim3 apply_grid(p.apply_tiles, a.shape.batch);
  return launch(apply, apply_grid, threads, stream, dependent, x, a.weight, a.bias, a.shift, partials, p,
                a.eps, static_cast<T*>(a.y));
}

template <typename T>
int launch_nchw(const GroupNormArgs& a, int sms, bool dependent, cudaStream_t stream) {
  const NchwPlan p = nchw_plan(a.shape, sms);
  const bool shift = a.shift.data != nullptr;
  auto* partials = reinterpret_cast<float2*>(a.workspace);
  const auto* x = static_cast<const T*>(a.x);
  const int slabs = a.shape.batch * a.shape.groups;
  auto stats = shift ? nchw_stats_kernel<T, true> : nchw_stats_kernel<T, false>;
  const dim3 stats_grid(p.stats_tiles, slabs);
  if (const int rc = launch(stats, stats_grid, kNchwThreads, stream, dependent, x, a.shift, p, partials))
    return rc;
  auto apply = pick(shift, a.silu, nchw_apply_kernel<T, false, false>, nchw_apply_kernel<T, false, true>,
                    nchw_apply_kernel<T, true, false>, nchw_apply_kernel<T, true, true>);
  const dim3 apply_grid(p.apply_tiles, slabs);
  return launch(apply, apply_grid, kNchwThreads, stream, dependent, x, a.weight, a.bias, a.shift, partials,
                p, a.eps, static_cast<T*>(a.y));
}

template <typename T>
int launch_typed(const GroupNormArgs& a, cudaStream_t stream) {
  const int sms = multiprocessors();
  const bool dependent = dependent_launch_supported();
  return a.shape.channels_last ? launch_nhwc<T>(a, sms, dependent, stream)
                               : launch_nchw<T>(a, sms, dependent, stream);
}

}  // namespace

bool group_norm_kernel_supports(const GroupNormShape& s) {
  if (s.batch <= 0 || s.channels <= 0 || s.pixels <= 0 || s.groups <= 0) return false;
  if (s.channels % s.groups != 0) return false;
  if (static_cast<long long>(s.channels) * s.pixels >= (1LL << 31)) return false;
  const int v = vector_width(s.type);
  const int group_channels = s.channels / s.groups;
  if (s.channels_last)
    return s.channels % v == 0 && s.channels <= kMaxNhwcChannels && s.groups <= kMaxGroups &&
           s.batch <= 65535;
  return s.pixels >= v && (static_cast<long long>(group_channels) * s.pixels) % v == 0 &&
         group_channels <= kMaxGroupChannels && static_cast<long long>(s.batch) * s.groups <= 65535;
}

std::int64_t group_norm_workspace_floats(const GroupNormShape& s) {
  if (!group_norm_kernel_supports(s)) return 0;
  const int sms = multiprocessors();
  const int tiles = s.channels_last ? nhwc_plan(s, sms).stats_tiles : nchw_plan(s, sms).stats_tiles;
  return 2LL * s.batch * s.groups * tiles;
}

bool group_norm_uses_one_pass(const GroupNormArgs& a) {
  return !a.two_pass && (a.x2 || a.z || group_norm_one_pass_preferred(a.shape)) &&
         group_norm_one_pass_supports(a.shape, a.x2 ? a.x_channels : 0);
}

int launch_group_norm_silu(const GroupNormArgs& a, void* stream) {
  if (group_norm_uses_one_pass(a)) return launch_group_norm_one_pass(a, stream);
  if (a.x2 != nullptr || a.z != nullptr || !group_norm_kernel_supports(a.shape))
    return static_cast<int>(cudaErrorInvalidValue);
  auto st = static_cast<cudaStream_t>(stream);
  switch (a.shape.type) {
    case GroupNormElement::kFloat32: return launch_typed<float>(a, st);
    case GroupNormElement::kFloat16: return launch_typed<__half>(a, st);
    case GroupNormElement::kBFloat16: return launch_typed<__nv_bfloat16>(a, st);
  }
  return static_cast<int>(cudaErrorInvalidValue);
}

}  // namespace gesso::kernels::cuda
