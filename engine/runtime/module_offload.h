#pragma once
// CPU offload of one model component (text encoder, UNet, VAE). Its weights live in pinned host
// memory. Model offload: upload() gives the module device copies while it is used and release()
// drops them — the host copy is the original, so nothing is copied back. Sequential offload: the
// module keeps its host weights and a WeightStreamer brings each layer's tensors in as it runs.
#include <torch/nn/module.h>
#include <torch/types.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/runtime/runtime_options.h"
#include "engine/runtime/weight_streamer.h"

namespace gesso::runtime {

class ModuleOffload {
 public:
  // Sequential offload prefetches this far ahead: a few of the UNet's largest layers, so copies
  // overlap compute while the device holds only a sliver of the weights.
  static constexpr int64_t kPrefetchBytes = int64_t{32} << 20;
  // For components whose compute is light next to their activations (the VAE): there the memory
  // peak of the run is, and a shallower queue is felt there more than the speed.
  static constexpr int64_t kShallowPrefetchBytes = int64_t{8} << 20;

  // Moves the module's parameters and buffers to pinned host memory (when `device` is a GPU). On
  // the CPU the bookkeeping runs the same, with copies standing in for uploads (for the tests).
  ModuleOffload(torch::nn::Module& module, torch::Device device, Offload mode, int64_t prefetch_bytes = kPrefetchBytes);

  void upload();   // model offload: device copies of every weight (asynchronous, pinned), then after_upload
  // Runs after every upload (the module's prepare pass: the fresh copies are separate tensors).
  void set_after_upload(std::function<void()> fn) { after_upload_ = std::move(fn); }
  void release();  // back to the host weights; the device copies are freed
  WeightStreamer* streamer() { return streamer_.get(); }  // sequential offload, else nullptr
  Offload mode() const { return mode_; }
  int64_t weight_bytes() const { return bytes_; }
  bool uploaded() const { return uploaded_; }
  const std::vector<torch::Tensor>& host_weights() const { return host_; }

 private:
  // Tensors that share one storage (weights a prepare pass joined for one GEMM) stay joined: their
  // host copy is one pinned buffer, uploaded in one copy, so the device weights need no joining
  // (and no second copy of them at the memory peak).
  struct Storage {
    torch::Tensor host;              // the whole storage, flat, pinned
    std::vector<std::size_t> parts;  // indices into targets_ / host_
  };
  std::vector<torch::Tensor> targets_;  // the module's own parameter / buffer tensors
  std::vector<torch::Tensor> host_;     // their pinned host data (views into a Storage's buffer)
  std::vector<Storage> storages_;
  torch::Device device_;
  Offload mode_;
  bool uploaded_ = false;
  int64_t bytes_ = 0;
  std::unique_ptr<WeightStreamer> streamer_;
  std::function<void()> after_upload_;
};

// A model's offloaded components by their component names ("unet", "text_encoder_2", "vae").
class OffloadSet {
 public:
  ModuleOffload& add(const std::string& name, torch::nn::Module& module, torch::Device device, Offload mode,
                     int64_t prefetch_bytes = ModuleOffload::kPrefetchBytes);
  ModuleOffload* find(const std::string& name) const;  // nullptr: not offloaded

 private:
  std::map<std::string, std::unique_ptr<ModuleOffload>> offloads_;
};

// While alive, the component's weights are usable on the device: uploaded (model offload) or
// streamed (sequential); with no offload (nullptr) it does nothing.
class ComponentInUse {
 public:
  explicit ComponentInUse(ModuleOffload* offload);
  ~ComponentInUse();
  ComponentInUse(const ComponentInUse&) = delete;
  ComponentInUse& operator=(const ComponentInUse&) = delete;

 private:
  ModuleOffload* offload_;
  std::unique_ptr<ScopedWeightStreamer> streaming_;
};

}  // namespace gesso::runtime
