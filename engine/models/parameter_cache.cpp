#include "engine/models/parameter_cache.h"

#include <torch/torch.h>

#include <algorithm>

#if GESSO_CUDA
#include <c10/cuda/CUDAStream.h>
#endif

namespace gesso::models {

bool capturing_cuda_graph(const c10::Device& device) {
#if GESSO_CUDA
  if (!device.is_cuda()) return false;
  cudaStreamCaptureStatus status = cudaStreamCaptureStatusNone;
  C10_CUDA_CHECK(cudaStreamIsCapturing(c10::cuda::getCurrentCUDAStream(device.index()).stream(), &status));
  return status != cudaStreamCaptureStatusNone;
#else
  (void)device;
  return false;
#endif
}

ParameterCache::Key::Key(const torch::Tensor& t) : defined(t.defined()) {
  if (!defined) return;
  if (t.has_storage()) {
    storage.emplace(t.storage().getWeakStorageImpl());
    data = t.const_data_ptr();  // const: no copy-on-write materialisation
  }
  device = t.device();
  dtype = t.scalar_type();
  sizes = t.sizes().vec();
  strides = t.strides().vec();
  if (!t.is_inference()) version = t._version();  // _version() throws on an inference tensor
}

bool ParameterCache::Key::matches(const torch::Tensor& t) const {
  if (t.defined() != defined) return false;
  if (!defined) return true;
  if (t.has_storage() != storage.has_value()) return false;
  // The weak reference keeps the StorageImpl object (not its memory) allocated, so a live match is
  // the same storage, never a new one at a recycled address.
  if (storage && (storage->expired() || storage->_unsafe_get_target() != t.storage().unsafeGetStorageImpl()))
    return false;
  if ((storage ? t.const_data_ptr() : nullptr) != data || t.device() != device || t.scalar_type() != dtype) return false;
  if (!t.sizes().equals(sizes) || !t.strides().equals(strides)) return false;
  if (t.is_inference()) return !version.has_value();
  return version && t._version() == *version;
}

bool ParameterCache::matches(const std::vector<torch::Tensor>& inputs) const {
  if (!value_.defined() || inputs.size() != keys_.size()) return false;
  for (std::size_t i = 0; i < inputs.size(); ++i)
    if (!keys_[i].matches(inputs[i])) return false;
  return true;
}

torch::Tensor ParameterCache::get(const std::vector<torch::Tensor>& inputs, const std::function<torch::Tensor()>& fn) {
  if (matches(inputs)) return value_;
  // Not stored during a capture (see the header: CUDA graphs).
  const auto cuda = std::find_if(inputs.begin(), inputs.end(), [](const auto& t) { return t.defined() && t.is_cuda(); });
  if (cuda != inputs.end() && capturing_cuda_graph(cuda->device())) return fn();
  clear();
  value_ = fn();
  keys_.reserve(inputs.size());
  for (const auto& t : inputs) keys_.emplace_back(t);
  return value_;
}

void ParameterCache::clear() {
  keys_.clear();
  value_.reset();
}

}  // namespace gesso::models
