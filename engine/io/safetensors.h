#pragma once
#include <torch/types.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace gesso::io {

struct TensorInfo {
  std::string name;
  torch::ScalarType dtype;        // F32, F16, BF16 (and I64/I32/U8/BOOL for auxiliary tensors)
  std::vector<int64_t> shape;
  std::uint64_t begin = 0;        // byte offsets inside the data area
  std::uint64_t end = 0;
};

// A .safetensors file, memory-mapped read-only. The header is validated on open: its length lies
// within the file, every tensor's byte range lies inside the data area and matches its dtype and
// shape, and no two ranges overlap. Any violation throws gesso::ModelFileError naming the file.
class SafetensorsFile {
 public:
  static SafetensorsFile open(const std::string& path);

  const std::string& path() const;
  const std::vector<TensorInfo>& tensors() const;  // in header order
  bool contains(const std::string& name) const;
  const TensorInfo& info(const std::string& name) const;  // throws ModelFileError if absent
  const std::map<std::string, std::string>& metadata() const;

  // A CPU tensor that aliases the mapping (zero copy); it keeps the mapping alive. Read-only:
  // copy (or .to()) before writing.
  torch::Tensor view(const std::string& name) const;

  struct Mapping;  // the mmap and the parsed header; defined in safetensors.cpp

 private:
  std::shared_ptr<const Mapping> map_;
};

// Writes tensors (contiguous CPU copies are taken) and metadata as a .safetensors file, atomically
// (a temporary file renamed into place). Used by tests and tools; models are loaded, not written.
void save_safetensors(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata = {});

}  // namespace gesso::io
