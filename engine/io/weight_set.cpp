#include "engine/io/weight_set.h"

#include <c10/core/ScalarType.h>

#include "engine/error.h"

namespace gesso::io {

WeightSet WeightSet::of(const std::vector<SafetensorsFile>& files) {
  WeightSet set(files.empty() ? std::string() : files.front().path());
  for (const auto& f : files) {
    for (const auto& ti : f.tensors())
      set.add(ti.name, {ti.shape, ti.dtype, [f, name = ti.name] { return f.view(name); }});
    for (const auto& [k, v] : f.metadata()) set.metadata_[k] = v;
  }
  return set;
}

void WeightSet::add(const std::string& name, WeightEntry entry) { entries_[name] = std::move(entry); }

const WeightEntry& WeightSet::at(const std::string& name) const {
  const auto* e = find(name);
  if (e == nullptr) throw ModelFileError(path_, "no tensor named '" + name + "'");
  return *e;
}

const WeightEntry* WeightSet::find(const std::string& name) const {
  const auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : &it->second;
}

std::uint64_t WeightSet::bytes() const {
  std::uint64_t total = 0;
  for (const auto& [name, e] : entries_) {
    std::uint64_t n = c10::elementSize(e.dtype);
    for (const auto d : e.shape) n *= static_cast<std::uint64_t>(d);
    total += n;
  }
  return total;
}

}  // namespace gesso::io
