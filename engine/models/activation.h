#pragma once
// The activation functions diffusers selects by name (get_activation: "silu"/"swish", "mish",
// "gelu", "relu"), parsed once from config.json into an enum.
#include <torch/types.h>

#include <string>

namespace gesso::models {

class ConfigReader;

enum class Activation { SiLU, Mish, GELU, ReLU };

// Reads `key` (case-insensitive, like diffusers); an unknown name throws ModelFileError.
Activation read_activation(const ConfigReader& config, const std::string& key, const std::string& fallback);

torch::Tensor apply_activation(Activation act, const torch::Tensor& x);
// In place, on a temporary the caller owns: one activation-sized buffer fewer at the memory peak
// (the VAE decoder's 512x512 feature maps), same values.
torch::Tensor apply_activation_(Activation act, torch::Tensor x);

}  // namespace gesso::models
