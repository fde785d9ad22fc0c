#pragma once
// Which kernel computes softmax(QK^T / sqrt(d)) V for the current run. The pipeline sets the run's
// choice once (ScopedAttentionConfig, on the thread that runs the models); every Attention module
// hands its projected queries, keys and values to dispatch_attention, which follows it:
//
//   kAuto            torch's scaled_dot_product_attention, torch choosing the kernel (diffusers'
//                    default AttnProcessor2_0)
//   kFlash, kMemoryEfficient, kMath, kCudnn
//                    the same call with only that SDPA kernel allowed (torch.nn.attention.sdpa_kernel);
//                    a kernel that cannot run on the device / dtype is a RequestError("attention")
//   kPlain           baddbmm, softmax, bmm over batch * heads (diffusers' AttnProcessor)
//   slice != 0       kPlain a few heads at a time (diffusers' SlicedAttnProcessor), whatever the
//                    backend, in modules that are sliceable (diffusers slices the UNet's attention
//                    only: the VAE's single-head attention keeps the backend)
#include <torch/types.h>

#include "engine/runtime/runtime_options.h"

namespace gesso::models {

struct AttentionConfig {
  runtime::AttentionBackend backend = runtime::AttentionBackend::kAuto;
  int slice = 0;  // 0: off; -1: auto (half the module's heads at a time); N: N heads at a time

  static AttentionConfig from(const runtime::RuntimeOptions& options) {
    return {.backend = options.attention, .slice = options.attention_slice};
  }
};

// This thread's config (the defaults when no scope is open).
const AttentionConfig& current_attention_config();

// Sets this thread's config for its lifetime; the previous one comes back on destruction, so
// scopes nest.
class ScopedAttentionConfig {
 public:
  explicit ScopedAttentionConfig(const AttentionConfig& config);
  ~ScopedAttentionConfig();
  ScopedAttentionConfig(const ScopedAttentionConfig&) = delete;
  ScopedAttentionConfig& operator=(const ScopedAttentionConfig&) = delete;

 private:
  AttentionConfig previous_;
};

// What an attention module tells the dispatcher about itself (diffusers' Attention attributes).
struct AttentionParams {
  int64_t heads = 1;
  bool upcast_attention = false;  // kPlain / sliced: queries and keys in float32 for QK^T
  bool upcast_softmax = false;    // kPlain / sliced: the softmax in float32
  bool sliceable = true;          // follows config.slice (false: the VAE's attention)
  // [B, 1, M] added to every head's scores (diffusers' prepared attention_mask), or undefined.
  torch::Tensor bias;
};

// q: [B, N, heads * d]; k, v: [B, M, heads * d] (the to_q / to_k / to_v outputs). Returns
// [B, N, heads * d], before the output projection. The scale is 1 / sqrt(d) (diffusers' dim_head ** -0.5).
// Each path makes the ATen calls of its diffusers counterpart in the same order, so on the CPU
// the results are diffusers' bit for bit. Slice sizes larger than the module's heads are clamped
// to them (diffusers refuses them); "auto" on a single-head module slices one head at a time.
torch::Tensor dispatch_attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                 const AttentionParams& params,
                                 const AttentionConfig& config = current_attention_config());

// The heads computed together under `slice` (0 / -1 / N as in AttentionConfig) for a module of
// `heads` heads; 0 when not slicing.
int64_t attention_slice_size(int slice, int64_t heads);

}  // namespace gesso::models
