#include "engine/kernels/kernel_inputs.h"

#include <torch/torch.h>

#include <cmath>
#include <cstdint>
#include <sstream>

namespace gesso::kernels {

std::string sizes_text(const torch::Tensor& t) {
  std::ostringstream s;
  s << t.sizes();
  return s.str();
}

bool aligned16(const torch::Tensor& t) { return reinterpret_cast<std::uintptr_t>(t.data_ptr()) % 16 == 0; }

std::optional<cuda::ElementType> launcher_type(torch::ScalarType t) {
  switch (t) {
    case torch::kFloat: return cuda::ElementType::kFloat32;
    case torch::kHalf: return cuda::ElementType::kFloat16;
    case torch::kBFloat16: return cuda::ElementType::kBFloat16;
    default: return std::nullopt;
  }
}

double rounding_tolerance(torch::ScalarType t) {
  if (t == torch::kHalf) return std::ldexp(1.0, -10);
  if (t == torch::kBFloat16) return std::ldexp(1.0, -7);
  return std::ldexp(1.0, -20);
}

}  // namespace gesso::kernels
