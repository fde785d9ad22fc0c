#include "engine/models/activation.h"

#include <torch/torch.h>

#include <algorithm>
#include <cctype>

#include "engine/models/config_reader.h"

namespace gesso::models {

Activation read_activation(const ConfigReader& config, const std::string& key, const std::string& fallback) {
  auto name = config.string(key, fallback);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  if (name == "silu" || name == "swish") return Activation::SiLU;
  if (name == "mish") return Activation::Mish;
  if (name == "gelu") return Activation::GELU;
  if (name == "relu") return Activation::ReLU;
  config.fail(key, "unknown activation \"" + name + "\" (expected silu, swish, mish, gelu or relu)");
}

torch::Tensor apply_activation(Activation act, const torch::Tensor& x) {
  switch (act) {
    case Activation::SiLU: return torch::silu(x);
    case Activation::Mish: return torch::mish(x);
    case Activation::GELU: return torch::gelu(x);
    case Activation::ReLU: return torch::relu(x);
  }
  return x;
}

torch::Tensor apply_activation_(Activation act, torch::Tensor x) {
  switch (act) {
    case Activation::SiLU: return at::silu_(x);
    case Activation::Mish: return at::mish_(x);
    case Activation::GELU: return at::gelu_(x);
    case Activation::ReLU: return x.relu_();
  }
  return x;
}

}  // namespace gesso::models
