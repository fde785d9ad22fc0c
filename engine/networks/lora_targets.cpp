#include "engine/networks/lora_targets.h"

#include <algorithm>
#include <array>
#include <map>
#include <sstream>

#include "engine/io/ldm_checkpoint.h"

namespace gesso::networks {
namespace {

std::string underscored(std::string s) {
  std::replace(s.begin(), s.end(), '.', '_');
  return s;
}

// An SGM module path whose dots became underscores, dotted again: the names that contain an
// underscore of their own are known, every other underscore was a dot.
std::string sgm_dotted(const std::string& path) {
  static const std::array<const char*, 16> compounds{
      "input_blocks", "middle_block", "output_blocks", "in_layers",  "out_layers", "emb_layers",
      "skip_connection", "transformer_blocks", "to_q", "to_k", "to_v", "to_out", "proj_in", "proj_out",
      "time_embed", "label_emb"};
  std::vector<std::string> words;
  std::stringstream in(path);
  for (std::string w; std::getline(in, w, '_');) words.push_back(w);
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string word = words[i];
    if (i + 1 < words.size()) {
      const auto joined = word + "_" + words[i + 1];
      if (std::find(compounds.begin(), compounds.end(), joined) != compounds.end()) {
        word = joined;
        ++i;
      }
    }
    out += (out.empty() ? "" : ".") + word;
  }
  return out;
}

struct ComponentWeights {
  std::map<std::string, torch::Tensor> by_path;  // module path -> its "weight" parameter
  std::map<std::string, std::string> dotted;     // the path with underscores -> the path
};

ComponentWeights weights_of(torch::nn::Module& module) {
  ComponentWeights w;
  for (const auto& item : module.named_parameters(/*recurse=*/true)) {
    const auto& key = item.key();
    if (!key.ends_with(".weight")) continue;
    const auto path = key.substr(0, key.size() - 7);
    w.by_path[path] = item.value();
    w.dotted[underscored(path)] = path;
  }
  return w;
}

std::optional<std::string> resolve(const LoraModule& m, const ComponentWeights& w, int64_t layers_per_block) {
  if (!m.underscored) {
    if (w.by_path.count(m.path)) return m.path;
    // transformers 5 saves CLIPTextModel's PEFT keys without their "text_model." level.
    if (m.component != "unet" && w.by_path.count("text_model." + m.path)) return "text_model." + m.path;
    return std::nullopt;
  }
  if (const auto it = w.dotted.find(m.path); it != w.dotted.end()) return it->second;
  if (m.component != "unet") {
    // Written from a transformers 5 state dict, which has no "text_model." level.
    const auto it = w.dotted.find("text_model_" + m.path);
    return it == w.dotted.end() ? std::nullopt : std::optional(it->second);
  }
  const auto key = io::ldm_unet_key(sgm_dotted(m.path) + ".weight", layers_per_block);
  if (!key) return std::nullopt;
  const auto path = key->substr(0, key->size() - 7);
  return w.by_path.count(path) ? std::optional(path) : std::nullopt;
}

}  // namespace

LoraMatch match_lora(const LoraFile& file, const Components& components, int64_t unet_layers_per_block) {
  std::map<std::string, ComponentWeights> weights;
  for (const auto& [name, module] : components) weights[name] = weights_of(*module);
  LoraMatch out;
  for (const auto& m : file.modules) {
    const auto it = weights.find(m.component);
    const auto path = it == weights.end() ? std::nullopt : resolve(m, it->second, unet_layers_per_block);
    if (!path) {
      out.unmatched.push_back(m.key);
      continue;
    }
    out.targets.push_back({m.component + "." + *path + ".weight", m.component, it->second.by_path.at(*path), &m});
  }
  return out;
}

}  // namespace gesso::networks
