#include "engine/io/checkpoint_keys.h"

#include <algorithm>
#include <array>
#include <utility>

namespace gesso::io {
namespace {

bool any_file_has(const std::vector<SafetensorsFile>& files, const std::string& name) {
  return std::any_of(files.begin(), files.end(), [&](const SafetensorsFile& f) { return f.contains(name); });
}

}  // namespace

KeyRename clip_text_key_rename(const std::vector<SafetensorsFile>& files) {
  if (any_file_has(files, "text_model.final_layer_norm.weight") || !any_file_has(files, "final_layer_norm.weight"))
    return {};
  return [](const std::string& key) { return key.starts_with("text_model.") ? key : "text_model." + key; };
}

KeyRename vae_key_rename(const std::vector<SafetensorsFile>& files) {
  const bool legacy = std::any_of(files.begin(), files.end(), [](const SafetensorsFile& f) {
    return std::any_of(f.tensors().begin(), f.tensors().end(),
                       [](const TensorInfo& t) { return t.name.find(".attentions.0.query.") != std::string::npos; });
  });
  if (!legacy) return {};
  return [](const std::string& key) {
    static const std::array<std::pair<std::string, std::string>, 4> kNames{
        {{".query.", ".to_q."}, {".key.", ".to_k."}, {".value.", ".to_v."}, {".proj_attn.", ".to_out.0."}}};
    for (const auto& [old_name, new_name] : kNames) {
      const auto at = key.find(old_name);
      if (at != std::string::npos && key.find(".attentions.") != std::string::npos)
        return key.substr(0, at) + new_name + key.substr(at + old_name.size());
    }
    return key;
  };
}

}  // namespace gesso::io
