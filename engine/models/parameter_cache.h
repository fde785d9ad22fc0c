#pragma once
// A tensor computed from parameters only (a sum of two biases, say), kept between calls instead of
// recomputed on every UNet call, and recomputed once any input is no longer what it was.
//
// An input counts as unchanged while it has the same storage (the same StorageImpl, held weakly:
// the cache never keeps a parameter's memory alive, and a new storage that happens to land at the
// old address is still noticed), data pointer, device, dtype, sizes and strides, and the same
// version counter. So each of these makes the next get() recompute:
//   - a device move or re-upload (model offload: set_data onto a new storage),
//   - a dtype conversion (module->to(kHalf): set_data as well),
//   - concatenated_in_place (set_data onto a shared storage),
//   - an in-place edit (p.add_(1), p.copy_(other)): it bumps the version counter.
// Inference tensors (created under c10::InferenceMode) have no version counter (_version() throws
// on them): for those only the storage identity and layout are compared, so an in-place edit of an
// inference tensor is NOT noticed; call clear() after one. Parameters are normal tensors unless a
// model was built or loaded under InferenceMode.
//
// CUDA graphs: a value computed before a capture (the warm-up call) and only read during it is
// baked into the graph by address; the cache keeps it alive as long as its inputs are unchanged,
// and a change of inputs (which also moves what the graph reads) already requires a new capture. A
// miss during a capture computes the value without storing it: the graph records the ops as it did
// before this cache existed, and the cache never holds a tensor the graph has not yet written.
//
// Not thread-safe: one cache belongs to one module, which runs one call at a time.
#include <c10/core/StorageImpl.h>
#include <c10/util/intrusive_ptr.h>
#include <torch/types.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace gesso::models {

// Whether the current stream of `device` is capturing a CUDA graph (false off CUDA, and in builds
// without CUDA).
bool capturing_cuda_graph(const c10::Device& device);

class ParameterCache {
 public:
  // fn()'s result, computed on the first call and again only when some input has changed since the
  // last computation. The inputs are read after fn runs, so fn may move them without a change of
  // value (concatenated_in_place does) and the next call still hits.
  torch::Tensor get(const std::vector<torch::Tensor>& inputs, const std::function<torch::Tensor()>& fn);
  // Forgets the value (the next get() recomputes).
  void clear();
  bool holds() const { return value_.defined(); }

 private:
  struct Key {
    std::optional<c10::weak_intrusive_ptr<c10::StorageImpl>> storage;  // none: no storage
    const void* data = nullptr;
    c10::Device device{c10::kCPU};
    c10::ScalarType dtype = c10::ScalarType::Undefined;
    std::vector<int64_t> sizes, strides;
    std::optional<int64_t> version;  // none: an inference tensor (no version counter)
    bool defined = false;

    explicit Key(const torch::Tensor& t);
    bool matches(const torch::Tensor& t) const;
  };
  bool matches(const std::vector<torch::Tensor>& inputs) const;

  std::vector<Key> keys_;
  torch::Tensor value_;
};

}  // namespace gesso::models
