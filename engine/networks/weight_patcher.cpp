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
    o.weight.copy_(o.saved, /*non_blocking=*/false);
  }
  patched_.clear();
}

void WeightPatcher::merge(const std::map<std::string, std::pair<torch::Tensor, torch::Tensor>>& updates) {
  for (const auto& [name, update] : updates) {
    const auto& [weight, delta] = update;
    auto it = originals_.find(name);
    if (it == originals_.end()) {
      const bool pin = weight.is_cuda();
      auto saved = torch::empty_strided(weight.sizes(), weight.strides(),
                                        weight.options().device(torch::kCPU).pinned_memory(pin));
      saved.copy_(weight);
      it = originals_.emplace(name, Original{weight, saved}).first;
    }
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
