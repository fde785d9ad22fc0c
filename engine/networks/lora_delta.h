#pragma once
// The weight update one LoRA module makes, as A1111 and diffusers merge it:
//   LoRA / LoCon: up @ down (a convolution's factors flattened), or with a CP "mid" tensor
//                 einsum(mid, up, down); scale alpha / rank (rank = down's rows; no alpha: 1);
//   LoHa:         (w1_a @ w1_b) * (w2_a @ w2_b) (or their CP forms with hada_t1 / hada_t2);
//                 scale alpha / w1_b's rows;
//   LoKr:         kron(w1, w2), each factor whole or a product of two; scale alpha / the rank of
//                 a factored one (no factored one, or no alpha: 1).
// The result has the weight's shape, in float32, before the user's multiplier.
#include <torch/types.h>

#include "engine/networks/lora_file.h"

namespace gesso::networks {

// ModelFileError naming the file and the module when its tensors cannot make a weight of `shape`.
torch::Tensor lora_delta(const LoraModule& module, c10::IntArrayRef shape, const torch::Device& device,
                         const std::string& file);

}  // namespace gesso::networks
