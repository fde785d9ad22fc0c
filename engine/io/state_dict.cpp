#include "engine/io/state_dict.h"

#include <torch/torch.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "engine/error.h"
#include "engine/io/staged_upload.h"

namespace gesso::io {
namespace {

namespace fs = std::filesystem;

std::map<std::string, torch::Tensor> module_tensors(torch::nn::Module& module) {
  std::map<std::string, torch::Tensor> targets;
  for (auto& p : module.named_parameters(/*recurse=*/true)) targets[p.key()] = p.value();
  for (auto& b : module.named_buffers(/*recurse=*/true)) targets[b.key()] = b.value();
  return targets;
}

std::string shape_str(c10::IntArrayRef s) {
  std::ostringstream o;
  o << s;
  return o.str();
}

// Lists at most a screenful of names; the count says how many there were.
void append_list(std::ostringstream& msg, const char* what, const std::vector<std::string>& names) {
  if (names.empty()) return;
  msg << "\n  " << names.size() << " " << what << ":";
  for (std::size_t i = 0; i < names.size() && i < 20; ++i) msg << " " << names[i];
  if (names.size() > 20) msg << " ...";
}

void check_names(const std::map<std::string, torch::Tensor>& targets, const WeightSet& sources,
                 const std::string& where) {
  std::vector<std::string> missing, unexpected, misshaped;
  for (const auto& [name, t] : targets) {
    const auto* e = sources.find(name);
    if (e == nullptr) {
      missing.push_back(name);
    } else if (t.sizes().vec() != e->shape) {
      misshaped.push_back(name + " (file " + shape_str(e->shape) + ", model " + shape_str(t.sizes()) + ")");
    }
  }
  for (const auto& [name, s] : sources.entries())
    if (!targets.count(name)) unexpected.push_back(name);
  if (missing.empty() && unexpected.empty() && misshaped.empty()) return;
  std::ostringstream msg;
  msg << "weights do not match the model its config describes";
  append_list(msg, "missing", missing);
  append_list(msg, "unexpected", unexpected);
  append_list(msg, "mis-shaped", misshaped);
  throw ModelFileError(where, msg.str());
}

}  // namespace

std::vector<std::string> load_state_dict(torch::nn::Module& module, const WeightSet& weights,
                                         const LoadOptions& options) {
  const auto targets = module_tensors(module);
  if (options.strict) check_names(targets, weights, weights.path());

  torch::NoGradGuard no_grad;
  std::vector<std::string> loaded;
  StagedUpload upload(options.device);
  for (const auto& [name, target] : targets) {
    const auto* e = weights.find(name);
    if (e == nullptr || target.sizes().vec() != e->shape) continue;  // non-strict: skip
    const auto view = e->view();
    const auto dtype = view.is_floating_point() ? options.dtype : view.scalar_type();
    // One tensor at a time, from the mapping straight to its final dtype and device: no second
    // copy of the model in host memory.
    const_cast<torch::Tensor&>(target).set_data(upload.to_device(view, dtype));
    loaded.push_back(name);
  }
  return loaded;
}

std::vector<std::string> load_state_dict(torch::nn::Module& module, const std::vector<SafetensorsFile>& files,
                                         const LoadOptions& options) {
  if (files.empty()) throw Error("load_state_dict: no weight files given");
  return load_state_dict(module, renamed(WeightSet::of(files), options.rename), options);
}

WeightSet renamed(const WeightSet& weights, const std::function<std::string(const std::string&)>& rename) {
  if (!rename) return weights;
  WeightSet out(weights.path());
  for (const auto& [name, e] : weights.entries()) out.add(rename(name), e);
  out.metadata() = weights.metadata();
  return out;
}

namespace {

std::string with_variant(const std::string& name, const std::string& variant) {
  if (variant.empty()) return name;
  const auto dot = name.rfind('.');
  return name.substr(0, dot) + "." + variant + name.substr(dot);
}

std::vector<SafetensorsFile> open_sharded(const fs::path& index_path) {
  std::ifstream in(index_path);
  const auto index = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!index.is_object() || !index.contains("weight_map") || !index["weight_map"].is_object())
    throw ModelFileError(index_path.string(), "not a safetensors index (no weight_map)");
  std::set<std::string> shards;
  for (const auto& v : index["weight_map"])
    if (v.is_string()) shards.insert(v.get<std::string>());
  std::vector<SafetensorsFile> files;
  for (const auto& s : shards) {
    const fs::path p = index_path.parent_path() / s;
    if (!fs::exists(p)) throw ModelFileError(p.string(), "shard named in " + index_path.filename().string() + " is missing");
    files.push_back(SafetensorsFile::open(p.string()));
  }
  return files;
}

}  // namespace

std::vector<SafetensorsFile> open_component_weights(const std::string& component_dir, const std::string& variant) {
  const fs::path dir(component_dir);
  if (!fs::is_directory(dir)) throw ModelFileError(component_dir, "component folder not found");
  std::vector<std::string> variants = {variant};
  if (!variant.empty()) variants.push_back("");  // fall back to the full-precision files
  for (const auto& v : variants) {
    for (const char* base : {"diffusion_pytorch_model.safetensors", "model.safetensors"}) {
      const fs::path single = dir / with_variant(base, v);
      if (fs::exists(single)) return {SafetensorsFile::open(single.string())};
      const fs::path index = dir / with_variant(std::string(base) + ".index.json", v);
      if (fs::exists(index)) return open_sharded(index);
    }
  }
  throw ModelFileError(component_dir, "no *.safetensors weights found (expected diffusion_pytorch_model.safetensors "
                                      "or model.safetensors; .bin/.ckpt pickles are not loaded)");
}

}  // namespace gesso::io
