#include "engine/networks/lora_file.h"

#include <torch/torch.h>

#include <array>
#include <utility>

#include "engine/error.h"

namespace gesso::networks {
namespace {

bool starts(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
bool ends(const std::string& s, const std::string& suffix) { return s.ends_with(suffix); }

struct Role {
  std::string role;
  LoraKind kind = LoraKind::kLora;
};

// A kohya / LyCORIS tensor name after the module's: "lora_down.weight", "alpha", "hada_w1_a", ...
std::optional<Role> kohya_role(const std::string& suffix) {
  if (suffix == "lora_down.weight") return Role{"down"};
  if (suffix == "lora_up.weight") return Role{"up"};
  if (suffix == "lora_mid.weight") return Role{"mid"};
  if (suffix == "alpha") return Role{"alpha"};
  for (const char* r : {"hada_w1_a", "hada_w1_b", "hada_w2_a", "hada_w2_b", "hada_t1", "hada_t2"})
    if (suffix == r) return Role{r, LoraKind::kLoha};
  for (const char* r : {"lokr_w1", "lokr_w1_a", "lokr_w1_b", "lokr_w2", "lokr_w2_a", "lokr_w2_b", "lokr_t2"})
    if (suffix == r) return Role{r, LoraKind::kLokr};
  return std::nullopt;
}

struct Parsed {
  std::string component, path;
  bool underscored = false;
  Role role;
};

std::optional<Parsed> parse_kohya(const std::string& key) {
  static const std::array<std::pair<const char*, const char*>, 4> prefixes{
      {{"lora_unet_", "unet"}, {"lora_te1_", "text_encoder"}, {"lora_te2_", "text_encoder_2"}, {"lora_te_", "text_encoder"}}};
  for (const auto& [prefix, component] : prefixes) {
    if (!starts(key, prefix)) continue;
    const auto dot = key.find('.');
    if (dot == std::string::npos) return std::nullopt;
    auto role = kohya_role(key.substr(dot + 1));
    if (!role) return std::nullopt;
    return Parsed{component, key.substr(std::string(prefix).size(), dot - std::string(prefix).size()), true, *role};
  }
  return std::nullopt;
}

// diffusers' attention-processor names ("attn1.processor.to_q_lora") as the module's own.
std::string without_processor(std::string path) {
  const auto at = path.find(".processor.");
  if (at == std::string::npos) return path;
  auto layer = path.substr(at + 11);
  if (ends(layer, "_lora")) layer.resize(layer.size() - 5);
  if (layer == "to_out") layer = "to_out.0";
  return path.substr(0, at + 1) + layer;
}

std::optional<Parsed> parse_diffusers(const std::string& key) {
  static const std::array<std::pair<const char*, Role>, 5> suffixes{{{".lora_A.weight", {"down"}},
                                                                     {".lora_B.weight", {"up"}},
                                                                     {".lora.down.weight", {"down"}},
                                                                     {".lora.up.weight", {"up"}},
                                                                     {".alpha", {"alpha"}}}};
  for (const auto& [suffix, role] : suffixes) {
    if (!ends(key, suffix)) continue;
    auto path = key.substr(0, key.size() - std::string(suffix).size());
    std::string component = "unet";
    for (const char* c : {"text_encoder_2.", "text_encoder.", "unet."})
      if (starts(path, c)) {
        component = std::string(c, std::string(c).size() - 1);
        path = path.substr(std::string(c).size());
        break;
      }
    // diffusers' older attention-processor files: "...attn1.processor.to_q_lora.down.weight".
    if (ends(path, "_lora") || path.find(".processor.") != std::string::npos) path = without_processor(path);
    return Parsed{component, path, false, role};
  }
  return std::nullopt;
}

double scalar_of(const io::WeightEntry& e) { return e.view().to(torch::kDouble).reshape({-1})[0].item<double>(); }

}  // namespace

LoraFile read_lora(const io::WeightSet& weights) {
  LoraFile out{.path = weights.path()};
  std::map<std::pair<std::string, std::string>, std::size_t> index;  // (component, path) -> module
  for (const auto& [key, entry] : weights.entries()) {
    auto parsed = parse_kohya(key);
    if (!parsed) parsed = parse_diffusers(key);
    if (!parsed) {
      out.unknown_keys.push_back(key);
      continue;
    }
    auto [it, fresh] = index.emplace(std::pair{parsed->component, parsed->path}, out.modules.size());
    if (fresh) {
      const auto dot = key.find('.');
      out.modules.push_back({.key = parsed->underscored ? key.substr(0, dot) : parsed->component + "." + parsed->path,
                             .component = parsed->component,
                             .path = parsed->path,
                             .underscored = parsed->underscored});
    }
    auto& module = out.modules[it->second];
    if (parsed->role.role == "alpha") {
      module.alpha = scalar_of(entry);
      continue;
    }
    if (parsed->role.kind != LoraKind::kLora) module.kind = parsed->role.kind;
    module.tensors[parsed->role.role] = entry;
  }
  // An alpha alone patches nothing.
  std::erase_if(out.modules, [&](const LoraModule& m) {
    if (!m.tensors.empty()) return false;
    out.unknown_keys.push_back(m.key + ".alpha");
    return true;
  });
  if (out.modules.empty())
    throw ModelFileError(weights.path(), "holds no LoRA module (looked for lora_down / lora_up, lora_A / lora_B, "
                                         "hada_w1_a, lokr_w1 tensors)");
  return out;
}

}  // namespace gesso::networks
