#include "engine/models/attention_dispatch.h"

#include <ATen/Context.h>
#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <shared_mutex>

#include "engine/error.h"
#include "engine/kernels/fusion.h"

namespace gesso::models {

using runtime::AttentionBackend;

namespace {

thread_local AttentionConfig current_config;

// torch's SDPA backend switches are process-wide (at::globalContext()). A restricted call holds
// this exclusively while it switches them, runs and switches them back; kAuto calls share it, so
// a run on another thread never sees a switch it did not make.
std::shared_mutex& sdp_flags_mutex() {
  static std::shared_mutex mutex;
  return mutex;
}

// Allows only `backend` among torch's SDPA kernels for its lifetime, as torch.nn.attention.sdpa_kernel
// does (all five switches set, the previous values restored).
class OnlySdpBackend {
 public:
  explicit OnlySdpBackend(AttentionBackend backend) {
    auto& ctx = at::globalContext();
    saved_ = {ctx.userEnabledFlashSDP(), ctx.userEnabledMemEfficientSDP(), ctx.userEnabledMathSDP(),
              ctx.userEnabledCuDNNSDP(), ctx.userEnabledOverrideableSDP()};
    set({backend == AttentionBackend::kFlash, backend == AttentionBackend::kMemoryEfficient,
         backend == AttentionBackend::kMath, backend == AttentionBackend::kCudnn, false});
  }
  ~OnlySdpBackend() { set(saved_); }
  OnlySdpBackend(const OnlySdpBackend&) = delete;
  OnlySdpBackend& operator=(const OnlySdpBackend&) = delete;

 private:
  struct Switches {
    bool flash, mem_efficient, math, cudnn, overrideable;
  };
  static void set(const Switches& s) {
    auto& ctx = at::globalContext();
    ctx.setSDPUseFlash(s.flash);
    ctx.setSDPUseMemEfficient(s.mem_efficient);
    ctx.setSDPUseMath(s.math);
    ctx.setSDPUseCuDNN(s.cudnn);
    ctx.setSDPUseOverrideable(s.overrideable);
  }
  Switches saved_{};
};

// Whether the fused path calls cuDNN's attention directly: torch's own choice for these inputs on
// Hopper, but made per call on the host, which costs more than the kernel in an eager step
// (issue 4: 71 vs 45 it/s, same pixels). Cleared for good the first time cuDNN refuses.
std::atomic<bool> cudnn_direct_usable{true};

bool cudnn_direct_eligible(const torch::Tensor& q, int64_t head_dim) {
  const auto t = q.scalar_type();
  return cudnn_direct_usable.load(std::memory_order_relaxed) && q.is_cuda() && kernels::fused(q) &&
         (t == torch::kHalf || t == torch::kBFloat16) && head_dim % 8 == 0 && head_dim <= 128;
}

// [B, heads, N, d] views in, [B, heads, N, d] out; undefined when cuDNN refused the shape.
torch::Tensor cudnn_direct(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v) {
  try {
    return std::get<0>(at::_scaled_dot_product_cudnn_attention(q, k, v, std::nullopt, /*compute_log_sumexp=*/false));
  } catch (const c10::OutOfMemoryError&) {
    throw;
  } catch (const c10::Error&) {
    cudnn_direct_usable = false;
    return {};
  }
}

// diffusers' Attention.prepare_attention_mask: [B, 1, M] -> [B * heads, 1, M], in the scores' dtype.
torch::Tensor heads_bias(const torch::Tensor& bias, int64_t heads, torch::ScalarType dtype) {
  return bias.to(dtype).repeat_interleave(heads, 0);
}

// AttnProcessor2_0: [B, N, heads * d] viewed as [B, heads, N, d], SDPA at its default scale, back.
// `direct`: the run lets torch choose the kernel (kAuto), so the fused path may pick cuDNN itself.
torch::Tensor sdpa(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, int64_t heads,
                   const torch::Tensor& bias, bool direct = false) {
  const auto b = q.size(0);
  const auto d = q.size(-1) / heads;
  const auto split = [&](const torch::Tensor& x) { return x.view({b, -1, heads, x.size(-1) / heads}).transpose(1, 2); };
  torch::Tensor out;
  if (bias.defined()) {
    const auto mask = heads_bias(bias, heads, q.scalar_type());
    out = torch::scaled_dot_product_attention(split(q), split(k), split(v), mask.view({b, heads, -1, mask.size(-1)}));
    return out.transpose(1, 2).reshape({b, -1, q.size(-1)});
  }
  if (direct && cudnn_direct_eligible(q, d)) out = cudnn_direct(split(q), split(k), split(v));
  if (!out.defined()) out = torch::scaled_dot_product_attention(split(q), split(k), split(v));
  return out.transpose(1, 2).reshape({b, -1, q.size(-1)});
}

RequestError unavailable(AttentionBackend backend, const torch::Tensor& q, const std::string& why) {
  return RequestError("attention", "the '" + runtime::to_string(backend) + "' attention backend cannot run on " +
                                       q.device().str() + " in " + runtime::dtype_name(q.scalar_type()) + " (" + why +
                                       "); use 'auto'");
}

// The CUDA flash and cuDNN kernels take fp16/bf16 heads of at most 256: the VAE's single 512-wide
// head is outside, and falls back to torch's own choice (checked here, so torch does not warn).
bool fits_fused_kernel(AttentionBackend backend, const torch::Tensor& q, int64_t heads) {
  if (!q.is_cuda() || (backend != AttentionBackend::kFlash && backend != AttentionBackend::kCudnn)) return true;
  return q.size(-1) / heads <= 256 && q.scalar_type() != torch::kFloat;
}

// SDPA with only the chosen kernel allowed, for the attention layers that kernel can serve; the
// others take torch's default choice (a user who picks "flash" means "flash where it applies").
// A backend that cannot run on the device at all is a RequestError naming backend, device, dtype.
torch::Tensor sdpa_only(AttentionBackend backend, const torch::Tensor& q, const torch::Tensor& k,
                        const torch::Tensor& v, int64_t heads, const torch::Tensor& bias) {
  const bool gpu_only = backend == AttentionBackend::kMemoryEfficient || backend == AttentionBackend::kCudnn;
  if (gpu_only && !q.is_cuda()) throw unavailable(backend, q, "it is a CUDA kernel");
  if (!fits_fused_kernel(backend, q, heads)) {
    std::shared_lock lock(sdp_flags_mutex());
    return sdpa(q, k, v, heads, bias);
  }
  std::unique_lock lock(sdp_flags_mutex());
  OnlySdpBackend only(backend);
  try {
    return sdpa(q, k, v, heads, bias);
  } catch (const c10::OutOfMemoryError&) {
    throw;
  } catch (const c10::Error& e) {
    const std::string msg = e.what_without_backtrace();
    if (msg.find("No available kernel") == std::string::npos && msg.find("No viable backend") == std::string::npos)
      throw;
    throw unavailable(backend, q, "torch has no such kernel for these inputs");
  }
}

// diffusers' Attention.head_to_batch_dim: [B, N, heads * d] -> [B * heads, N, d].
torch::Tensor head_to_batch_dim(const torch::Tensor& x, int64_t heads) {
  const auto b = x.size(0), n = x.size(1), dim = x.size(2);
  return x.reshape({b, n, heads, dim / heads}).permute({0, 2, 1, 3}).reshape({b * heads, n, dim / heads});
}

// diffusers' Attention.batch_to_head_dim: [B * heads, N, d] -> [B, N, heads * d].
torch::Tensor batch_to_head_dim(const torch::Tensor& x, int64_t heads) {
  const auto bh = x.size(0), n = x.size(1), d = x.size(2);
  return x.reshape({bh / heads, heads, n, d}).permute({0, 2, 1, 3}).reshape({bh / heads, n, d * heads});
}

// diffusers' Attention.get_attention_scores: softmax(bias + scale * q k^T), upcast as asked; `bias`
// is [rows, 1, M] or undefined (no mask: baddbmm's input is unused, beta 0).
torch::Tensor attention_probs(torch::Tensor q, torch::Tensor k, const torch::Tensor& bias, const AttentionParams& p,
                              double scale) {
  const auto dtype = q.scalar_type();
  if (p.upcast_attention) {
    q = q.to(torch::kFloat);
    k = k.to(torch::kFloat);
  }
  torch::Tensor scores;
  if (bias.defined()) {
    scores = torch::baddbmm(bias.to(q.scalar_type()), q, k.transpose(-1, -2), /*beta=*/1, /*alpha=*/scale);
  } else {
    const auto unused = torch::empty({q.size(0), q.size(1), k.size(1)}, q.options());
    scores = torch::baddbmm(unused, q, k.transpose(-1, -2), /*beta=*/0, /*alpha=*/scale);
  }
  if (p.upcast_softmax) scores = scores.to(torch::kFloat);
  return scores.softmax(-1).to(dtype);
}

// AttnProcessor (slice 0) or SlicedAttnProcessor: `slice` of the batch * heads rows at a time,
// each into its rows of a zeroed output.
torch::Tensor plain(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const AttentionParams& p,
                    int64_t slice) {
  const double scale = std::pow(static_cast<double>(q.size(-1) / p.heads), -0.5);
  const auto qb = head_to_batch_dim(q, p.heads), kb = head_to_batch_dim(k, p.heads), vb = head_to_batch_dim(v, p.heads);
  const auto bias = p.bias.defined() ? heads_bias(p.bias, p.heads, q.scalar_type()) : torch::Tensor();
  const auto rows_of = [&bias](int64_t start, int64_t end) { return bias.defined() ? bias.slice(0, start, end) : bias; };
  if (slice == 0) return batch_to_head_dim(torch::bmm(attention_probs(qb, kb, bias, p, scale), vb), p.heads);
  const auto rows = qb.size(0);
  auto out = torch::zeros({rows, qb.size(1), q.size(-1) / p.heads}, qb.options());
  for (int64_t start = 0; start < rows; start += slice) {
    const auto end = std::min(start + slice, rows);
    const auto probs = attention_probs(qb.slice(0, start, end), kb.slice(0, start, end), rows_of(start, end), p, scale);
    out.slice(0, start, end).copy_(torch::bmm(probs, vb.slice(0, start, end)));
  }
  return batch_to_head_dim(out, p.heads);
}

}  // namespace

const AttentionConfig& current_attention_config() { return current_config; }

ScopedAttentionConfig::ScopedAttentionConfig(const AttentionConfig& config) : previous_(current_config) {
  current_config = config;
}

ScopedAttentionConfig::~ScopedAttentionConfig() { current_config = previous_; }

int64_t attention_slice_size(int slice, int64_t heads) {
  if (slice == 0) return 0;
  if (slice < -1)
    throw RequestError("attention slicing", std::to_string(slice) + " is not off (0), auto (-1) or a number of heads");
  // diffusers' "auto" is sliceable_head_dim // 2, its sliceable_head_dim being the heads.
  const int64_t size = slice == -1 ? heads / 2 : slice;
  return std::clamp<int64_t>(size, 1, heads);
}

torch::Tensor dispatch_attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                 const AttentionParams& params, const AttentionConfig& config) {
  const auto slice = params.sliceable ? attention_slice_size(config.slice, params.heads) : 0;
  if (slice != 0) return plain(q, k, v, params, slice);
  switch (config.backend) {
    case AttentionBackend::kAuto: {
      std::shared_lock lock(sdp_flags_mutex());
      return sdpa(q, k, v, params.heads, params.bias, /*direct=*/true);
    }
    case AttentionBackend::kPlain:
      return plain(q, k, v, params, 0);
    case AttentionBackend::kFlash:
    case AttentionBackend::kMemoryEfficient:
    case AttentionBackend::kMath:
    case AttentionBackend::kCudnn:
      return sdpa_only(config.backend, q, k, v, params.heads, params.bias);
  }
  throw RequestError("attention", "unknown attention backend");
}

}  // namespace gesso::models
