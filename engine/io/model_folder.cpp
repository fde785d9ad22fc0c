#include "engine/io/model_folder.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/error.h"

namespace gesso::io {

ModelIndex read_model_index(const std::string& dir) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir)) throw ModelFileError(dir, "model folder not found");
  const std::string path = dir + "/model_index.json";
  std::ifstream in(path);
  if (!in) throw ModelFileError(path, "missing: not a diffusers model folder");
  const auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) throw ModelFileError(path, "not valid JSON");
  if (!json.contains("_class_name") || !json["_class_name"].is_string())
    throw ModelFileError(path, "no _class_name");
  ModelIndex index;
  index.dir = dir;
  index.class_name = json["_class_name"].get<std::string>();
  if (json.contains("_diffusers_version") && json["_diffusers_version"].is_string())
    index.diffusers_version = json["_diffusers_version"].get<std::string>();
  for (auto it = json.begin(); it != json.end(); ++it) {
    const auto& v = it.value();
    if (!it.key().starts_with("_") && v.is_boolean()) index.flags[it.key()] = v.get<bool>();
    // Components are ["library", "Class"]; optional ones left out are [null, null].
    if (it.key().starts_with("_") || !v.is_array() || v.size() != 2 || !v[0].is_string() || !v[1].is_string())
      continue;
    index.components[it.key()] = {v[0].get<std::string>(), v[1].get<std::string>()};
  }
  return index;
}

void require_components(const ModelIndex& index, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (!index.has(name))
      throw ModelFileError(index.dir + "/model_index.json", std::string("lists no '") + name + "' component");
    if (!std::filesystem::is_directory(index.path(name)))
      throw ModelFileError(index.path(name), "component folder is missing");
  }
}

}  // namespace gesso::io
