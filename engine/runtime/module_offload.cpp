#include "engine/runtime/module_offload.h"

#include <torch/torch.h>

namespace gesso::runtime {

namespace {

// `t`'s storage as one flat tensor of its dtype.
torch::Tensor whole_storage(const torch::Tensor& t) {
  const auto n = static_cast<int64_t>(t.storage().nbytes() / t.element_size());
  return torch::empty({0}, t.options()).set_(t.storage(), 0, {n}, {1});
}

// A view of `flat`'s storage with `like`'s offset, sizes and strides.
torch::Tensor view_like(const torch::Tensor& flat, const torch::Tensor& like) {
  return torch::empty({0}, flat.options()).set_(flat.storage(), like.storage_offset(), like.sizes(), like.strides());
}

}  // namespace

ModuleOffload::ModuleOffload(torch::nn::Module& module, torch::Device device, Offload mode, int64_t prefetch_bytes)
    : device_(device), mode_(mode) {
  torch::NoGradGuard no_grad;
  const bool pin = device.is_cuda();
  for (auto& p : module.parameters(/*recurse=*/true)) targets_.push_back(p);
  for (auto& b : module.buffers(/*recurse=*/true)) targets_.push_back(b);
  std::map<const void*, std::size_t> storage_of;
  for (std::size_t i = 0; i < targets_.size(); ++i) {
    const auto key = targets_[i].storage().unsafeGetStorageImpl();
    auto [it, fresh] = storage_of.emplace(key, storages_.size());
    if (fresh) storages_.push_back({{}, {}});
    storages_[it->second].parts.push_back(i);
  }
  for (auto& s : storages_) {
    // A tensor of its own over the storage (set_data on the targets must not move it), pinned where
    // the device is a GPU; on the CPU (the tests' pretend device) the weights stay where they are.
    const auto source = whole_storage(targets_[s.parts.front()]).to(torch::kCPU);
    s.host = pin ? torch::empty_like(source, source.options().pinned_memory(true)).copy_(source) : source;
    bytes_ += static_cast<int64_t>(s.host.numel() * s.host.element_size());
  }
  host_.resize(targets_.size());
  for (const auto& s : storages_)
    for (const auto i : s.parts) {
      host_[i] = view_like(s.host, targets_[i]);
      targets_[i].set_data(host_[i]);
    }
  if (mode == Offload::kSequential) streamer_ = std::make_unique<WeightStreamer>(device, prefetch_bytes);
}

void ModuleOffload::upload() {
  if (uploaded_ || mode_ != Offload::kModel) return;
  torch::NoGradGuard no_grad;
  for (const auto& s : storages_) {  // a copy even on the CPU (the tests' pretend device)
    const auto device_copy = s.host.to(device_, /*non_blocking=*/true, /*copy=*/true);
    for (const auto i : s.parts) targets_[i].set_data(view_like(device_copy, host_[i]));
  }
  uploaded_ = true;
  if (after_upload_) after_upload_();
}

void ModuleOffload::release() {
  if (!uploaded_) return;
  torch::NoGradGuard no_grad;
  // The caching allocator keeps the freed blocks from reuse until the queued work that reads them is done.
  for (std::size_t i = 0; i < targets_.size(); ++i) targets_[i].set_data(host_[i]);
  uploaded_ = false;
}

ModuleOffload& OffloadSet::add(const std::string& name, torch::nn::Module& module, torch::Device device, Offload mode,
                               int64_t prefetch_bytes) {
  auto& slot = offloads_[name];
  slot = std::make_unique<ModuleOffload>(module, device, mode, prefetch_bytes);
  return *slot;
}

ModuleOffload* OffloadSet::find(const std::string& name) const {
  const auto it = offloads_.find(name);
  return it == offloads_.end() ? nullptr : it->second.get();
}

ComponentInUse::ComponentInUse(ModuleOffload* offload) : offload_(offload) {
  if (!offload_) return;
  if (offload_->mode() == Offload::kModel) offload_->upload();
  if (offload_->streamer()) streaming_ = std::make_unique<ScopedWeightStreamer>(offload_->streamer());
}

ComponentInUse::~ComponentInUse() {
  if (!offload_) return;
  if (offload_->mode() == Offload::kModel) offload_->release();
  // The next component's activations need the room more than this one's next-call prefetch.
  if (offload_->streamer()) offload_->streamer()->drop_prefetched();
}

}  // namespace gesso::runtime
