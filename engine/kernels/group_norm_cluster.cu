#include <cooperative_groups.h>
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <algorithm>
#include <numeric>

#include "engine/kernels/group_norm_cuda.h"
#include "engine/kernels/group_norm_device.cuh"

// GroupNorm of a channels-last tensor in one launch. The channels are cut into slices of whole
// groups (the narrowest such slice whose width is a multiple of the 16-byte vector), and one
// thread-block cluster of up to 8 blocks takes one (sample, slice): each block sums its share of
// the pixels, the blocks add their group totals through distributed shared memory, and each then
// normalises the same share, from the registers of the first pass where its share fits one round
// of loads, else re-reading x (from L1 or L2, where the first pass left it).
//
// A thread keeps one column of V channels for the whole kernel, so its parameters (weight, bias,
// shift, z's bias) sit in registers and it needs no per-channel table. Optional extras that save
// the UNet a pass each: channels read from two tensors (the up blocks' skip concatenation), and a
// second output z = cat(x, x2) + z_bias (the concatenation the shortcut convolution needs, or
// Transformer2D's residual with proj_out's bias).
//
// Measured on an H200 (gesso-bench kernels, fp16, CUDA-graph replay): where one block takes a
// whole slice (8x8 feature maps) it beats the two-kernel path (5.5 against 7.2 us); where a cluster
// shares a slice it only ties it (the cluster exchange and launch cost what the dependent launch
// did; 16-block clusters and a single-round register hold did not change that), so plain calls
// use it only in the first case (group_norm_one_pass_preferred), and the extras everywhere.

// The kernel body exists for sm_90+ only (clusters); the other architectures' passes leave its
// helpers unreferenced.
#pragma nv_diag_suppress 177

namespace gesso::kernels::cuda {
namespace {

namespace cg = cooperative_groups;
using namespace group_norm_device;

constexpr int kUnroll = 4;           // 16-byte loads a thread keeps in flight (statistics)
constexpr int kApplyUnroll = 2;      // and while normalising, with 3 coefficients a channel live
constexpr int kMaxThreads = 512;     // two blocks an SM at 64 registers
constexpr int kMaxCluster = 8;       // the portable size (16 measured slower: fewer clusters resident)
constexpr int kMinBlockVectors = 512;  // below this a block's share no longer pays a wider cluster
constexpr int kMaxSliceGroups = 64;  // groups of one slice (partials table)
constexpr int kReduceFloats = kMaxThreads * 8;
// Above this x stops fitting the L2 beside y, and the second read goes to DRAM: the two-kernel
// path, with more blocks in flight, is then at least as fast.
constexpr long long kMaxBytes = 24LL << 20;

int ceil_div(int a, int b) { return (a + b - 1) / b; }
int vector_width(GroupNormElement type) { return type == GroupNormElement::kFloat32 ? 4 : 8; }

struct ClusterPlan {
  int channels, x_channels, pixels, group_channels;
  int slice_channels, slice_groups;  // S and S / group_channels
  int vectors;                       // W = S / V, a thread row's vectors
  int rows;                          // pixel rows a block: rows * W threads work
  int cluster;                       // K blocks a slice
  bool held;                         // each thread's whole share fits one round of loads: kept in
                                     // registers for the normalisation instead of read again
};

// Where a thread's column lives: x (channels [0, x_channels)) or x2 (the rest), each channels-last
// with its own pixel stride.
template <typename T>
struct Column {
  const T* base;  // pixel 0 of sample n at this column
  int stride;     // elements from one pixel to the next
};

template <typename T>
__device__ inline Column<T> column(const T* x, const T* x2, const ClusterPlan& p, int n, int channel) {
  if (x2 == nullptr || channel < p.x_channels) {
    const int stride = x2 == nullptr ? p.channels : p.x_channels;
    return {x + static_cast<long>(n) * p.pixels * stride + channel, stride};
  }
  const int stride = p.channels - p.x_channels;
  return {x2 + static_cast<long>(n) * p.pixels * stride + (channel - p.x_channels), stride};
}

template <int kCount, typename T>
__device__ inline void load_rows(uint4 (&r)[kCount], const Column<T>& col, int px, int step, int pixels) {
#pragma unroll
  for (int u = 0; u < kCount; ++u) {
    const int pu = px + u * step;
    r[u] = pu < pixels ? load16(col.base + static_cast<long>(pu) * col.stride) : make_uint4(0, 0, 0, 0);
  }
}

// Block totals per group of the slice from the per-thread sums, laid out [rows][S] in red_s/red_q:
// warps split each group's rows * group_channels values, then one thread a group adds the parts.
__device__ inline void block_group_totals(const float* red_s, const float* red_q, const ClusterPlan& p,
                                          float2* parts, float2* totals) {
  const int warps = blockDim.x / 32, warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const int per_group = max(1, warps / p.slice_groups);
  const int items = p.slice_groups * per_group;
  const int values = p.rows * p.group_channels;
  for (int w = warp; w < items; w += warps) {
    const int g = w / per_group, part = w % per_group;
    float a = 0.0f, b = 0.0f;
    for (int i = part * 32 + lane; i < values; i += per_group * 32) {
      const int r = i / p.group_channels;
      const int idx = r * p.slice_channels + g * p.group_channels + (i - r * p.group_channels);
      a += red_s[idx];
      b += red_q[idx];
    }
    a = warp_sum(a);
    b = warp_sum(b);
    if (lane == 0) parts[w] = make_float2(a, b);
  }
  __syncthreads();
  for (int g = threadIdx.x; g < p.slice_groups; g += blockDim.x) {
    float2 t = make_float2(0.0f, 0.0f);
    for (int k = 0; k < per_group; ++k) {
      t.x += parts[g * per_group + k].x;
      t.y += parts[g * per_group + k].y;
    }
    totals[g] = t;
  }
}

// grid (slices * K, N), clusters of K along x; blockDim.x = round_up(rows * W, 32).
template <typename T, bool kSilu>
__global__ void __launch_bounds__(kMaxThreads, 2)
    group_norm_cluster_kernel(const T* __restrict__ x, const T* __restrict__ x2, GroupNormParam weight,
                              GroupNormParam bias, GroupNormParam shift, GroupNormParam z_bias, ClusterPlan p,
                              float eps, T* __restrict__ y, T* __restrict__ z) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
  constexpr int V = Vec<T>::kWidth;
  __shared__ float red_s[kReduceFloats];
  __shared__ float red_q[kReduceFloats];
  __shared__ float pivots[kMaxSliceGroups];
  __shared__ float2 parts[kMaxSliceGroups];  // items <= max(groups, warps) <= 64
  __shared__ float2 totals[kMaxSliceGroups];  // read by the whole cluster
  __shared__ float2 stat[kMaxSliceGroups];
  cg::cluster_group cluster = cg::this_cluster();
  const int n = blockIdx.y, slice = blockIdx.x / p.cluster;
  const int rank = static_cast<int>(cluster.block_rank());
  const int col = threadIdx.x % p.vectors, row = threadIdx.x / p.vectors;
  const bool active = row < p.rows;
  const int slice_c0 = slice * p.slice_channels;
  const int c0 = slice_c0 + col * V;  // this thread's first channel
  const long sh0 = static_cast<long>(n) * (shift.row_stride ? shift.row_stride : p.channels);
  const Column<T> src = column(x, x2, p, n, c0);
  const int step = p.cluster * p.rows;
  const int first = active ? rank * p.rows + row : p.pixels;

  wait_for_previous_kernel();
  uint4 r[kUnroll];
  load_rows(r, src, first, step, p.pixels);
  // Pivots: each group's value at pixel 0 (+ shift), the same in every block of the cluster.
  for (int g = threadIdx.x; g < p.slice_groups; g += blockDim.x) {
    const int channel = slice_c0 + g * p.group_channels;
    const Column<T> at = column(x, x2, p, n, channel);
    pivots[g] = to_float(*at.base) + param(shift, sh0 + channel, 0.0f);
  }
  __syncthreads();
  float off[V], s[V], q[V];
  {
    float sh[V];
    param_vector<V>(shift, sh0 + c0, 0.0f, sh);
    int group[V];
    groups_of(col * V, p.group_channels, group);  // groups within the slice
#pragma unroll
    for (int e = 0; e < V; ++e) {
      off[e] = sh[e] - pivots[group[e]];
      s[e] = q[e] = 0.0f;
    }
  }
  for (int px = first; px < p.pixels; px += kUnroll * step) {
#pragma unroll
    for (int u = 0; u < kUnroll; ++u) {
      if (px + u * step >= p.pixels) break;
      accumulate<T>(r[u], off, s, q);
    }
    if (!p.held) load_rows(r, src, px + kUnroll * step, step, p.pixels);
  }
  if (active) {
#pragma unroll
    for (int e = 0; e < V; e += 4) {
      const int i = row * p.slice_channels + col * V + e;
      *reinterpret_cast<float4*>(&red_s[i]) = make_float4(s[e], s[e + 1], s[e + 2], s[e + 3]);
      *reinterpret_cast<float4*>(&red_q[i]) = make_float4(q[e], q[e + 1], q[e + 2], q[e + 3]);
    }
  }
  __syncthreads();
  block_group_totals(red_s, red_q, p, parts, totals);

  // Every block's totals are in its shared memory: add the cluster's.
  cluster.sync();
  const float count = static_cast<float>(p.group_channels) * static_cast<float>(p.pixels);
  for (int g = threadIdx.x; g < p.slice_groups; g += blockDim.x) {
    float a = 0.0f, b = 0.0f;
    for (int k = 0; k < p.cluster; ++k) {
      const float2 t = cluster.map_shared_rank(totals, k)[g];
      a += t.x;
      b += t.y;
    }
    stat[g] = mean_rstd(a, b, count, pivots[g], eps);
  }
  // Done with the others' shared memory; they may not exit before we are (waited for at the end).
  asm volatile("barrier.cluster.arrive.release.aligned;" ::: "memory");
  __syncthreads();
  let_next_kernel_start();

  // y = act(x * scale + offset) with the statistics folded into two coefficients a channel.
  // Reloaded rather than kept live through the statistics: 64 registers.
  float scale[V], offset[V];
  {
    float sh[V];
    param_vector<V>(shift, sh0 + c0, 0.0f, sh);
    param_vector<V>(weight, c0, 1.0f, scale);
    param_vector<V>(bias, c0, 0.0f, offset);
    int group[V];
    groups_of(col * V, p.group_channels, group);
#pragma unroll
    for (int e = 0; e < V; ++e) {
      const float2 st = stat[group[e]];
      scale[e] *= st.y;
      offset[e] = fmaf(sh[e] - st.x, scale[e], offset[e]);
    }
  }
  const long out0 = static_cast<long>(n) * p.pixels * p.channels + c0;
  const auto write = [&](const uint4& raw, int pixel) {
    float f[V];
    Vec<T>::unpack(raw, f);
    const long at = out0 + static_cast<long>(pixel) * p.channels;
    if (z != nullptr) {
      float w[V];  // z's bias from L1 each time: 8 registers fewer for the whole phase
      param_vector<V>(z_bias, c0, 0.0f, w);
#pragma unroll
      for (int e = 0; e < V; ++e) w[e] += f[e];
      store16(z + at, Vec<T>::pack(w));
    }
#pragma unroll
    for (int e = 0; e < V; ++e) f[e] = activate<kSilu>(fmaf(f[e], scale[e], offset[e]));
    store16(y + at, Vec<T>::pack(f));
  };
  if (p.held) {
#pragma unroll
    for (int u = 0; u < kUnroll; ++u)
      if (first + u * step < p.pixels) write(r[u], first + u * step);
  } else {
    uint4 ra[kApplyUnroll];
    for (int px = first; px < p.pixels; px += kApplyUnroll * step) {
      load_rows(ra, src, px, step, p.pixels);
#pragma unroll
      for (int u = 0; u < kApplyUnroll; ++u)
        if (px + u * step < p.pixels) write(ra[u], px + u * step);
    }
  }
  asm volatile("barrier.cluster.wait.acquire.aligned;" ::: "memory");
#endif
}

// Narrowest run of whole groups that is a whole number of vectors; 0 when C does not split so.
int slice_channels(const GroupNormShape& s) {
  const int gc = s.channels / s.groups;
  const int width = std::lcm(gc, vector_width(s.type));
  return s.channels % width == 0 ? width : 0;
}

int multiprocessors_and_major(int& major) {
  int device = 0, count = 0;
  if (cudaGetDevice(&device) != cudaSuccess ||
      cudaDeviceGetAttribute(&count, cudaDevAttrMultiProcessorCount, device) != cudaSuccess ||
      cudaDeviceGetAttribute(&major, cudaDevAttrComputeCapabilityMajor, device) != cudaSuccess) {
    cudaGetLastError();
    major = 0;
    return 0;
  }
  return count;
}

int pow2_at_least(int v) {
  int p = 1;
  while (p < v) p *= 2;
  return p;
}

// K: enough blocks to fill the GPU, as long as each block keeps at least 256 vectors (tiny tensors
// are latency-bound: one block a slice, no cluster exchange), and enough that no thread walks
// more than four rounds of loads where the cluster size allows.
ClusterPlan cluster_plan(const GroupNormShape& s, int x_channels, int sms) {
  ClusterPlan p{};
  p.channels = s.channels;
  p.x_channels = x_channels;
  p.pixels = s.pixels;
  p.group_channels = s.channels / s.groups;
  p.slice_channels = slice_channels(s);
  p.slice_groups = p.slice_channels / p.group_channels;
  p.vectors = p.slice_channels / vector_width(s.type);
  const int max_rows = std::max(1, kMaxThreads / p.vectors);
  const int slices = s.batch * (s.channels / p.slice_channels);
  int k_rounds = 1;
  while (k_rounds < kMaxCluster && ceil_div(s.pixels, k_rounds) > max_rows * kUnroll) k_rounds *= 2;
  int k_fill = std::min(pow2_at_least(ceil_div(sms, slices)), kMaxCluster);
  const long long vectors = static_cast<long long>(s.pixels) * p.vectors;
  while (k_fill > 1 && vectors / k_fill < kMinBlockVectors) k_fill /= 2;
  p.cluster = std::min({std::max(k_rounds, k_fill), kMaxCluster, s.pixels});
  while (p.cluster & (p.cluster - 1)) --p.cluster;  // a power of two
  p.rows = std::min(max_rows, ceil_div(s.pixels, p.cluster));
  p.held = kUnroll * p.cluster * p.rows >= s.pixels;
  return p;
}

template <typename T>
int launch_typed(const GroupNormArgs& a, int sms, cudaStream_t stream) {
  const ClusterPlan p = cluster_plan(a.shape, a.x2 ? a.x_channels : 0, sms);
  auto kernel = a.silu ? group_norm_cluster_kernel<T, true> : group_norm_cluster_kernel<T, false>;
  cudaLaunchAttribute attrs[2]{};
  attrs[0].id = cudaLaunchAttributeClusterDimension;
  attrs[0].val.clusterDim.x = static_cast<unsigned>(p.cluster);
  attrs[0].val.clusterDim.y = 1;
  attrs[0].val.clusterDim.z = 1;
  attrs[1].id = cudaLaunchAttributeProgrammaticStreamSerialization;
  attrs[1].val.programmaticStreamSerializationAllowed = 1;
  cudaLaunchConfig_t config{};
  config.gridDim = dim3(static_cast<unsigned>(a.shape.channels / p.slice_channels * p.cluster),
                        static_cast<unsigned>(a.shape.batch));
  config.blockDim = dim3(static_cast<unsigned>((p.rows * p.vectors + 31) / 32 * 32));
  config.stream = stream;
  config.attrs = attrs;
  config.numAttrs = 2;
  const cudaError_t launched =
      cudaLaunchKernelEx(&config, kernel, static_cast<const T*>(a.x), static_cast<const T*>(a.x2), a.weight,
                         a.bias, a.shift, a.z_bias, p, a.eps, static_cast<T*>(a.y), static_cast<T*>(a.z));
  const cudaError_t last = cudaGetLastError();
  return static_cast<int>(launched != cudaSuccess ? launched : last);
}

}  // namespace

bool group_norm_one_pass_supports(const GroupNormShape& s, int x_channels) {
  if (!s.channels_last || s.batch <= 0 || s.batch > 65535 || s.channels <= 0 || s.pixels <= 0 || s.groups <= 0 ||
      s.channels % s.groups != 0)
    return false;
  const int v = vector_width(s.type);
  const int width = slice_channels(s);
  if (width == 0 || width / v > kMaxThreads || width / (s.channels / s.groups) > kMaxSliceGroups) return false;
  if (x_channels != 0 && (x_channels % v != 0 || x_channels >= s.channels)) return false;
  const long long bytes = static_cast<long long>(s.batch) * s.channels * s.pixels * (16 / v);
  if (bytes > kMaxBytes || static_cast<long long>(s.channels) * s.pixels >= (1LL << 31)) return false;
  int major = 0;
  return multiprocessors_and_major(major) > 0 && major >= 9;
}

// Measured on an H200 (gesso-bench kernels, fp16): the one-pass kernel wins where one block takes a
// whole slice (2x1280x8x8: 5.5 against 7.2 us), and ties or loses where a cluster shares it (the
// exchange and a second read of x against the two-kernel path's wider grids: 2x320x64x64 10.7 vs
// 10.6 us, 14.9 vs 10.6 before the plan kept clusters at <= 8 blocks).
bool group_norm_one_pass_preferred(const GroupNormShape& s) {
  if (!group_norm_one_pass_supports(s)) return false;
  int major = 0;
  return cluster_plan(s, 0, multiprocessors_and_major(major)).cluster == 1;
}

int launch_group_norm_one_pass(const GroupNormArgs& a, void* stream) {
  if (!group_norm_one_pass_supports(a.shape, a.x2 ? a.x_channels : 0)) return static_cast<int>(cudaErrorInvalidValue);
  int major = 0;
  const int sms = multiprocessors_and_major(major);
  const auto st = static_cast<cudaStream_t>(stream);
  switch (a.shape.type) {
    case GroupNormElement::kFloat32: return launch_typed<float>(a, sms, st);
    case GroupNormElement::kFloat16: return launch_typed<__half>(a, sms, st);
    case GroupNormElement::kBFloat16: return launch_typed<__nv_bfloat16>(a, sms, st);
  }
  return static_cast<int>(cudaErrorInvalidValue);
}

}  // namespace gesso::kernels::cuda
