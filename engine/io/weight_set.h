#pragma once
// The tensors of a weight file (or of several, or of one component inside a single-file
// checkpoint), by name, as CPU views that alias the file's mapping: listing them reads only the
// header, and a tensor's bytes are touched when the loader copies it to its device and dtype.
// Other layouts become a WeightSet with the model's names at the io boundary (ldm_checkpoint.h);
// the loader (state_dict.h) only ever matches names.
#include <torch/types.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/io/safetensors.h"

namespace gesso::io {

struct WeightEntry {
  std::vector<int64_t> shape;
  torch::ScalarType dtype = torch::kFloat;
  // The CPU tensor, made on demand: a zero-copy view of the file where the layout allows (a
  // narrow, squeeze or transpose of one is still a view); it keeps the mapping alive.
  std::function<torch::Tensor()> view;
};

class WeightSet {
 public:
  WeightSet() = default;
  explicit WeightSet(std::string path) : path_(std::move(path)) {}

  // Every tensor of these files under its own name (the first file's path names the set).
  static WeightSet of(const std::vector<SafetensorsFile>& files);

  const std::string& path() const { return path_; }  // for errors: the file the weights came from
  void add(const std::string& name, WeightEntry entry);
  bool contains(const std::string& name) const { return entries_.count(name) > 0; }
  const WeightEntry& at(const std::string& name) const;  // ModelFileError naming the file if absent
  const WeightEntry* find(const std::string& name) const;
  const std::map<std::string, WeightEntry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }

  // Values a file carries beside its tensors: safetensors' __metadata__, a pickled checkpoint's
  // plain entries ("global_step").
  std::map<std::string, std::string>& metadata() { return metadata_; }
  const std::map<std::string, std::string>& metadata() const { return metadata_; }

  // Total bytes of the tensors as stored.
  std::uint64_t bytes() const;

 private:
  std::string path_;
  std::map<std::string, WeightEntry> entries_;
  std::map<std::string, std::string> metadata_;
};

}  // namespace gesso::io
