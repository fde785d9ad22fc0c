#include "engine/models/concatenated_weights.h"

#include <c10/util/strides.h>
#include <torch/torch.h>

namespace gesso::models {
namespace {

// True when the tensors lie back to back, in order, in one contiguous storage run.
bool adjacent(const std::vector<torch::Tensor>& parts) {
  if (!parts.front().is_contiguous()) return false;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const auto& prev = parts[i - 1];
    if (!parts[i].storage().is_alias_of(prev.storage()) || !parts[i].is_contiguous() ||
        parts[i].storage_offset() != prev.storage_offset() + prev.numel())
      return false;
  }
  return true;
}

// The joined [sum rows, ...] tensor over the parts' shared storage (they must be adjacent).
torch::Tensor joined(const std::vector<torch::Tensor>& parts) {
  const auto& first = parts.front();
  std::vector<int64_t> sizes = first.sizes().vec();
  sizes[0] = 0;
  for (const auto& p : parts) sizes[0] += p.size(0);
  return torch::empty({0}, first.options())
      .set_(first.storage(), first.storage_offset(), sizes, c10::contiguous_strides(sizes));
}

}  // namespace

torch::Tensor concatenated_view(const std::vector<torch::Tensor>& parts) {
  return adjacent(parts) ? joined(parts) : torch::cat(parts);
}

torch::Tensor concatenated_in_place(const std::vector<torch::Tensor>& parts) {
  if (!adjacent(parts)) {
    const auto all = torch::cat(parts);
    int64_t row = 0;
    for (auto p : parts) {  // a handle on the parameter itself: set_data changes the module's tensor
      const auto n = p.size(0);
      p.set_data(all.narrow(0, row, n));
      row += n;
    }
  }
  return joined(parts);
}

}  // namespace gesso::models
