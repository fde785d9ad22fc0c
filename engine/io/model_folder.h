#pragma once
// A diffusers model folder: model_index.json names the pipeline class and its components, each in
// a subfolder with its own config.json and weights.
#include <map>
#include <string>
#include <utility>

namespace gesso::io {

struct ModelIndex {
  std::string dir;
  std::string class_name;         // "StableDiffusionPipeline", "StableDiffusionInpaintPipeline", ...
  std::string diffusers_version;
  // component name -> (library, class), e.g. "unet" -> ("diffusers", "UNet2DConditionModel")
  std::map<std::string, std::pair<std::string, std::string>> components;
  // The pipeline's own config flags ("requires_aesthetics_score", "force_zeros_for_empty_prompt").
  std::map<std::string, bool> flags;

  bool has(const std::string& component) const { return components.count(component) > 0; }
  std::string path(const std::string& component) const { return dir + "/" + component; }
  bool flag(const std::string& key, bool fallback) const {
    const auto it = flags.find(key);
    return it == flags.end() ? fallback : it->second;
  }
  // The component's class name ("CLIPTextModelWithProjection"), "" when it is not listed.
  std::string class_of(const std::string& component) const {
    const auto it = components.find(component);
    return it == components.end() ? "" : it->second.second;
  }
};

// Reads and checks <dir>/model_index.json; throws ModelFileError naming the file (missing, not
// JSON, no _class_name) or the component folder that is absent.
ModelIndex read_model_index(const std::string& dir);

// Throws ModelFileError unless every named component is listed and its folder exists.
void require_components(const ModelIndex& index, std::initializer_list<const char*> names);

}  // namespace gesso::io
