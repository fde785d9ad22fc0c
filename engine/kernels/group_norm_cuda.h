#pragma once
// Host-side launcher of the fused GroupNorm kernels (group_norm.cu). Free of torch headers so that
// nvcc compiles it in seconds.
#include <cstdint>

namespace gesso::kernels::cuda {

// Named apart from latent_preview_cuda.h's ElementType so that both headers can meet in one TU.
enum class GroupNormElement { kFloat32, kFloat16, kBFloat16 };

struct GroupNormShape {
  GroupNormElement type = GroupNormElement::kFloat32;
  int batch = 0;
  int channels = 0;
  int pixels = 0;  // H * W
  int groups = 0;
  bool channels_last = false;  // x is [N, H, W, C] in memory, else [N, C, H, W]
};

// A per-channel parameter in its own dtype (read once per thread, so no conversion pass first).
struct GroupNormParam {
  const void* data = nullptr;
  GroupNormElement type = GroupNormElement::kFloat32;
  // The shift's row stride in elements (0: C, contiguous rows). The UNet computes every ResNet
  // block's time-embedding shift in one GEMM and hands each block its columns of that [N, sum C].
  long row_stride = 0;
};

struct GroupNormArgs {
  GroupNormShape shape;
  const void* x = nullptr;  // 16-byte aligned, contiguous in shape.channels_last's order
  void* y = nullptr;        // same layout as x
  GroupNormParam weight;  // [C], contiguous, or null (1)
  GroupNormParam bias;    // [C], contiguous, or null (0)
  GroupNormParam shift;   // [N, C], rows contiguous (16-byte aligned), or null: added to x before the statistics
  float eps = 1e-5f;
  bool silu = false;
  float* workspace = nullptr;  // group_norm_workspace_floats(shape) floats, uninitialised

  // One-pass kernel only (group_norm_one_pass_supports), channels-last:
  const void* x2 = nullptr;  // channels [x_channels, C) come from x2 ([N, H, W, C - x_channels]), x
                             // holding [0, x_channels): the UNet's skip concatenation, fused
  int x_channels = 0;        // a multiple of the vector width; ignored without x2
  void* z = nullptr;         // also write z = cat(x, x2) + z_bias ([N, H, W, C]), or null
  GroupNormParam z_bias;     // [C] or null
  bool two_pass = false;     // force the two-kernel path (benchmarks, checks)
};

// Whether the kernels handle this shape (vector widths, table sizes, grid limits).
bool group_norm_kernel_supports(const GroupNormShape& shape);

// Scratch the launch needs, for the current device (the tiling follows its multiprocessor count).
std::int64_t group_norm_workspace_floats(const GroupNormShape& shape);

// Whether the one-pass kernel (a thread-block cluster per slice of whole groups: statistics,
// cluster exchange, normalisation in one launch; sm_90+) takes this channels-last shape. With
// x2 (split at x_channels) or z only that kernel can run.
bool group_norm_one_pass_supports(const GroupNormShape& shape, int x_channels = 0);

// Statistics then normalisation, both on `stream`; no host synchronisation, no allocation.
// Returns the cudaError_t of the launches as an int (0 = success).
int launch_group_norm_silu(const GroupNormArgs& args, void* stream);

// Whether a plain call (no x2, no z) should take the one-pass kernel where it runs: where it
// measured faster than the two-kernel path.
bool group_norm_one_pass_preferred(const GroupNormShape& shape);

// Which of the two launch_group_norm_silu runs for these arguments (the one-pass kernel needs no
// workspace).
bool group_norm_uses_one_pass(const GroupNormArgs& args);

// The one-pass kernel alone (launch_group_norm_silu picks it where it runs); no workspace.
int launch_group_norm_one_pass(const GroupNormArgs& args, void* stream);

}  // namespace gesso::kernels::cuda
