#pragma once
// Weights that share an input, as one tensor for one GEMM in place of several: the attention's
// Q/K/V (K/V for cross-attention), the UNet's per-block time-embedding projections.
#include <torch/types.h>

#include <vector>

namespace gesso::models {

// The parts stacked along dim 0 (same trailing shape, dtype, device). The parameters themselves
// become row blocks of the result (set_data), so it costs no memory and follows whatever moves
// them next: a device upload (model offload) gives them separate storage again, and the next call
// concatenates once more. A call on parts already back to back returns the view at no cost.
// The prepare passes call it once after loading (and after any weight patch).
torch::Tensor concatenated_in_place(const std::vector<torch::Tensor>& parts);

// What forward calls: the parts as one tensor without touching them — the view at no cost when a
// prepare pass has joined them, else a concatenated copy (correct, slower: after a device upload
// that no prepare pass has followed yet).
torch::Tensor concatenated_view(const std::vector<torch::Tensor>& parts);

}  // namespace gesso::models
