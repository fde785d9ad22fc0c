#pragma once
// What every block of one UNet call reads besides its input, computed once per call by the UNet
// and handed down as an argument: blocks hold no per-call state, and no module sets another's.
#include <torch/types.h>

#include <cstdint>
#include <unordered_map>

namespace gesso::models {

// Where each module's columns start in the fused path's shared GEMM outputs; built by the UNet's
// prepare pass (UNet2DConditionModelImpl::prepare), keyed by the module.
struct FusedColumns {
  std::unordered_map<const void*, int64_t> time_shift;  // resnet -> its norm2 shift columns
  std::unordered_map<const void*, int64_t> context_kv;  // cross-attention -> its [k; v] columns
};

struct UNetCall {
  torch::Tensor temb;          // [B, time_embed_dim]: time (+ class, + added) embedding
  torch::Tensor context;       // [B, M, D]: encoder_hidden_states after encoder_hid_proj
  torch::Tensor context_bias;  // [B, 1, M] additive attention mask (0 / -10000), or undefined
  // The fused path's shared GEMM outputs (undefined: each module computes its own):
  torch::Tensor time_shifts;   // [B, sum C]: every prepared resnet's time_emb_proj(silu(temb)) + conv1.bias
  torch::Tensor context_kv;    // [B, M, sum 2 * inner]: every prepared cross-attention's [k; v] of context
  const FusedColumns* columns = nullptr;

  // `module`'s `width` columns of time_shifts / context_kv; undefined when it has none this call.
  torch::Tensor time_shift_for(const void* module, int64_t width) const {
    return slice(time_shifts, columns ? &columns->time_shift : nullptr, module, width, 1);
  }
  torch::Tensor context_kv_for(const void* module, int64_t width) const {
    return slice(context_kv, columns ? &columns->context_kv : nullptr, module, width, 2);
  }

 private:
  static torch::Tensor slice(const torch::Tensor& all, const std::unordered_map<const void*, int64_t>* at,
                             const void* module, int64_t width, int64_t dim) {
    if (!all.defined() || !at) return {};
    const auto it = at->find(module);
    return it == at->end() ? torch::Tensor() : all.narrow(dim, it->second, width);
  }
};

}  // namespace gesso::models
