#include "engine/runtime/module_offload.h"

#include <torch/torch.h>

namespace gesso::runtime {

ModuleOffload::ModuleOffload(torch::nn::Module& module, torch::Device device, Offload mode, int64_t prefetch_bytes)
    : device_(device), mode_(mode) {
  torch::NoGradGuard no_grad;
  const bool pin = device.is_cuda();
  for (auto& p : module.parameters(/*recurse=*/true)) targets_.push_back(p);
  for (auto& b : module.buffers(/*recurse=*/true)) targets_.push_back(b);
  for (auto& t : targets_) {
    // Its own tensor even on the CPU, where to() returns t itself: set_data on t must not move it.
    auto host = t.to(torch::kCPU).detach();
    if (pin && !host.is_pinned()) {  // pinned, with the same strides (channels-last stays so)
      auto pinned = at::empty_strided(host.sizes(), host.strides(), host.options().pinned_memory(true));
      host = pinned.copy_(host);
    }
    t.set_data(host);
    host_.push_back(host);
    bytes_ += static_cast<int64_t>(host.numel() * host.element_size());
  }
  if (mode == Offload::kSequential) streamer_ = std::make_unique<WeightStreamer>(device, prefetch_bytes);
}

void ModuleOffload::upload() {
  if (uploaded_ || mode_ != Offload::kModel) return;
  torch::NoGradGuard no_grad;
  for (std::size_t i = 0; i < targets_.size(); ++i)  // a copy even on the CPU (the tests' pretend device)
    targets_[i].set_data(host_[i].to(device_, /*non_blocking=*/true, /*copy=*/true));
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
