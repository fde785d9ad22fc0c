#include "engine/networks/weight_patcher.h"

#include <torch/torch.h>

#include <filesystem>

#include "engine/error.h"
#include "engine/networks/lora_delta.h"

namespace gesso::networks {
namespace {

std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::string sample(const std::vector<std::string>& names, std::size_t n = 5) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < n; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > n) out += ", ... (" + std::to_string(names.size() - n) + " more)";
  return out;
}

}  // namespace

void WeightPatcher::restore() {
  torch::NoGradGuard no_grad;
  for (const auto& name : patched_) {
    auto& o = originals_.at(name);
    o.weight.copy_(o.saved, /*non_blocking=*/o.saved.is_pinned());
  }
  patched_.clear();
}

void WeightPatcher::save_originals(const std::map<std::string, std::pair<torch::Tensor, torch::Tensor>>& updates) {
  constexpr int64_t kAlign = 64;
  std::vector<std::pair<std::string, torch::Tensor>> to_host;
  int64_t host_bytes = 0;
  for (const auto& [name, update] : updates) {
    if (originals_.count(name)) continue;
    const auto& weight = update.first;
    const auto bytes = static_cast<int64_t>(weight.numel() * weight.element_size());
    if (weight.is_cuda() && device_bytes_ + bytes <= device_room_) {
      originals_.emplace(name, Original{weight, weight.clone()});
      device_bytes_ += bytes;
    } else if (!weight.is_cuda()) {
      originals_.emplace(name, Original{weight, weight.clone()});
    } else {
      to_host.emplace_back(name, weight);
      host_bytes += (bytes + kAlign - 1) / kAlign * kAlign;
    }
  }
  if (to_host.empty()) return;
  // One pinned buffer for all of them: pinning is paid per allocation, not per byte copied.
  const auto buffer = torch::empty({host_bytes}, torch::TensorOptions().dtype(torch::kUInt8).pinned_memory(true));
  int64_t offset = 0;
  for (const auto& [name, weight] : to_host) {
    const auto bytes = static_cast<int64_t>(weight.numel() * weight.element_size());
    auto saved = buffer.narrow(0, offset, bytes).view(weight.scalar_type()).view(weight.sizes());
    // Ordered on the weight's stream before the patch that overwrites it; nothing on the host reads it.
    saved.copy_(weight, /*non_blocking=*/true);
    originals_.emplace(name, Original{weight, saved});
    offset += (bytes + kAlign - 1) / kAlign * kAlign;
  }
}

void WeightPatcher::merge(const std::map<std::string, std::pair<torch::Tensor, torch::Tensor>>& updates) {
  save_originals(updates);
  for (const auto& [name, update] : updates) {
    const auto& [weight, delta] = update;
    patched_.push_back(name);
    weight.copy_((weight.to(torch::kFloat) + delta).to(weight.scalar_type()));
  }
}

std::vector<std::string> WeightPatcher::apply(const std::vector<LoraUse>& loras, const Components& components,
                                              int64_t unet_layers_per_block) {
  torch::NoGradGuard no_grad;
  restore();
  std::vector<std::string> notes;
  try {
    std::map<std::string, std::pair<torch::Tensor, torch::Tensor>> updates;  // name -> (weight, summed delta)
    for (const auto& use : loras) {
      const auto match = match_lora(use.file, components, unet_layers_per_block);
      const auto name = file_name(use.file.path);
      if (match.targets.empty())
        throw ModelFileError(use.file.path, "none of its " + std::to_string(use.file.modules.size()) +
                                                " modules is in this model (" + sample(match.unmatched, 3) +
                                                "): a LoRA for another model family?");
      if (!match.unmatched.empty())
        notes.push_back("LoRA " + name + ": " + std::to_string(match.unmatched.size()) +
                        " modules match nothing in this model and were skipped: " + sample(match.unmatched));
      if (!use.file.unknown_keys.empty())
        notes.push_back("LoRA " + name + ": " + std::to_string(use.file.unknown_keys.size()) +
                        " keys are no LoRA tensor Gesso knows and were skipped: " + sample(use.file.unknown_keys));
      for (const auto& t : match.targets) {
        const double m = t.component == "unet" ? use.unet_multiplier : use.text_multiplier;
        if (m == 0) continue;
        auto delta = lora_delta(*t.module, t.weight.sizes(), t.weight.device(), use.file.path) * m;
        auto [it, fresh] = updates.try_emplace(t.name, t.weight, delta);
        if (!fresh) it->second.second.add_(delta);
      }
    }
    merge(updates);
  } catch (...) {
    restore();
    throw;
  }
  return notes;
}

}  // namespace gesso::networks
