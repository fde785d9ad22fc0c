#pragma once
// A restricted unpickler for what torch.save writes: plain containers, scalars, strings and the
// torch rebuild functions. It never runs code from the file: a global resolves only against a
// fixed allowlist (pickle_reader.cpp), the allowlisted functions are reimplemented here rather
// than called, and anything else is refused with its name. Every read is bounds-checked, so a
// hostile pickle ends in a PickleError, never a crash, a hang or a huge allocation.
#include <torch/types.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/error.h"

namespace gesso::io::pickle {

// The pickle is corrupt, truncated or asks for something refused; the message says which and where.
class PickleError : public Error {
 public:
  using Error::Error;
};

// A storage a persistent id names: ('storage', torch.<X>Storage, key, location, numel[, view]).
struct StorageRef {
  torch::ScalarType dtype = torch::kByte;  // of the storage type (UntypedStorage: bytes)
  std::string key;                         // the record: zip "data/<key>", legacy the storage key
  std::uint64_t nbytes = 0;                // numel * element size, as the pickle declares it
  std::uint64_t byte_offset = 0;           // legacy storage views start inside their root storage
};

// A tensor as the rebuild functions describe it: checked to lie inside its storage's bytes.
struct TensorRef {
  StorageRef storage;
  torch::ScalarType dtype = torch::kFloat;
  std::int64_t offset = 0;  // in elements of dtype
  std::vector<std::int64_t> sizes;
  std::vector<std::int64_t> strides;
};

struct Value;
using ValuePtr = std::shared_ptr<Value>;

enum class Kind : std::uint8_t {
  None, Bool, Int, Float, Str, Bytes, List, Tuple, Dict, Set, Storage, Tensor,
  Global,  // an allowlisted name: a rebuild function, a class, a storage type or a dtype
  Object,  // kept but never called: an inert class, a numpy dtype, an integer wider than 64 bits
};

struct Value {
  Kind kind = Kind::None;
  std::uint8_t global = 0;   // Global (and a numpy dtype Object): which allowlisted name
  std::int64_t integer = 0;  // Bool, Int; Global storage types and dtypes: the torch::ScalarType, or -1
  double real = 0;           // Float
  std::string text;          // Str (UTF-8), Bytes; Global and Object: the dotted name (a numpy
                             // dtype Object: its type code, "i8", with its byte order in integer)
  std::vector<ValuePtr> items;                         // List, Tuple, Set
  std::vector<std::pair<ValuePtr, ValuePtr>> entries;  // Dict, in insertion order (as Python's)
  std::shared_ptr<const StorageRef> storage;           // Storage
  std::shared_ptr<const TensorRef> tensor;             // Tensor
};

// Owns every container an unpickling made. Memo references can nest containers arbitrarily deep
// or in cycles; the destructor empties each one first, so freeing them never recurses.
class ValueArena {
 public:
  ValueArena() = default;
  ValueArena(ValueArena&&) = default;
  ValueArena& operator=(ValueArena&&) = delete;
  ValueArena(const ValueArena&) = delete;
  ~ValueArena();
  void keep(ValuePtr v) { containers_.push_back(std::move(v)); }

 private:
  std::vector<ValuePtr> containers_;
};

struct Options {
  // Called for every storage a persistent id names, before a tensor may use it: the caller checks
  // that the file holds its bytes (and throws to refuse). Without it persistent ids are refused.
  std::function<void(const StorageRef&)> on_storage;
};

struct Unpickled {
  ValuePtr root;          // what STOP returned; valid while this object lives
  std::size_t consumed = 0;  // bytes up to and including STOP (the legacy format's pickles follow each other)
  ValueArena arena;
};

// Unpickles one pickle at the start of [data, data + size). Throws PickleError.
Unpickled unpickle(const std::uint8_t* data, std::size_t size, const Options& options = {});

}  // namespace gesso::io::pickle
