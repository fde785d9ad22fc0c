#include "engine/runtime/weight_streamer.h"

#include <torch/torch.h>

#include <algorithm>
#include <optional>

#if GESSO_CUDA
#include <ATen/cuda/CUDAEvent.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

namespace gesso::runtime {
namespace {

thread_local WeightStreamer* active_streamer = nullptr;

int64_t bytes_of(const torch::Tensor& t) { return static_cast<int64_t>(t.numel() * t.element_size()); }

}  // namespace

#if GESSO_CUDA
struct WeightStreamer::Streams {
  std::optional<c10::cuda::CUDAStream> copy;  // none when the device is the CPU (the tests' pretend device)
  explicit Streams(const torch::Device& d) {
    if (d.is_cuda()) copy = c10::cuda::getStreamFromPool(false, d.index());
  }
};
struct WeightStreamer::InFlight {
  std::size_t position;
  torch::Tensor device;
  at::cuda::CUDAEvent ready;
};
struct WeightStreamer::HandedOut {
  at::cuda::CUDAEvent queued;  // recorded on the compute stream after the layer's kernels
  int64_t bytes;
};
#else
struct WeightStreamer::HandedOut {
  int64_t bytes;
};
struct WeightStreamer::Streams {
  explicit Streams(const torch::Device&) {}
};
struct WeightStreamer::InFlight {
  std::size_t position;
  torch::Tensor device;
};
#endif

WeightStreamer::WeightStreamer(torch::Device device, int64_t prefetch_bytes)
    : device_(device), prefetch_bytes_(prefetch_bytes), streams_(std::make_unique<Streams>(device)) {}

WeightStreamer::~WeightStreamer() = default;

torch::Tensor WeightStreamer::copy_now(const torch::Tensor& host) const {
  // Pinned host memory makes this an asynchronous copy, ordered on the current stream. A copy even
  // when the device is the CPU (the tests' pretend device), so the bookkeeping runs the same.
  return host.to(device_, /*non_blocking=*/true, /*copy=*/true);
}

torch::Tensor WeightStreamer::fetch(const torch::Tensor& host) {
  const void* key = host.unsafeGetTensorImpl();
  throttle(bytes_of(host));
  const auto it = position_.find(key);
  if (it == position_.end()) {  // first use: record the order, copy directly
    position_.emplace(key, order_.size());
    order_.push_back(host);
    ++direct_;
    return copy_now(host);
  }
  const std::size_t pos = it->second;
  // Prefetches the layers skipped this time (another code path) are dropped.
  while (!in_flight_.empty() && in_flight_.front()->position != pos &&
         std::any_of(in_flight_.begin(), in_flight_.end(), [pos](const auto& f) { return f->position == pos; })) {
    bytes_in_flight_ -= bytes_of(in_flight_.front()->device);
    in_flight_.pop_front();
  }
  torch::Tensor out;
  if (!in_flight_.empty() && in_flight_.front()->position == pos) {
    auto& f = *in_flight_.front();
#if GESSO_CUDA
    if (device_.is_cuda()) {
      const auto current = c10::cuda::getCurrentCUDAStream(device_.index());
      f.ready.block(current);
      // The block was allocated on the copy stream; it must not be reused before this use is done.
      c10::cuda::CUDACachingAllocator::recordStream(f.device.storage().data_ptr(), current);
    }
#endif
    out = f.device;
    bytes_in_flight_ -= bytes_of(out);
    in_flight_.pop_front();
    ++hits_;
  } else {
    out = copy_now(host);
    ++direct_;
  }
  top_up(pos);
  return out;
}

void WeightStreamer::top_up(std::size_t after) {
  if (order_.empty()) return;
  if (in_flight_.empty()) next_ = (after + 1) % order_.size();
#if GESSO_CUDA
  // The copy may only start once the compute stream no longer needs the memory it reuses.
  std::optional<c10::cuda::CUDAStreamGuard> guard;
  if (device_.is_cuda()) guard.emplace(*streams_->copy);
#endif
  while (bytes_in_flight_ < prefetch_bytes_ && in_flight_.size() < order_.size()) {
    const auto& host = order_[next_];
    auto f = std::make_unique<InFlight>();
    f->position = next_;
    f->device = host.to(device_, /*non_blocking=*/true, /*copy=*/true);
#if GESSO_CUDA
    if (device_.is_cuda()) f->ready.record(*streams_->copy);
#endif
    bytes_in_flight_ += bytes_of(f->device);
    max_in_flight_ = std::max(max_in_flight_, bytes_in_flight_);
    in_flight_.push_back(std::move(f));
    next_ = (next_ + 1) % order_.size();
  }
}

void WeightStreamer::drop_prefetched() {
  in_flight_.clear();
  handed_out_.clear();
  bytes_in_flight_ = bytes_handed_out_ = 0;
}

void WeightStreamer::throttle(int64_t handed_bytes) {
#if GESSO_CUDA
  if (!device_.is_cuda()) return;
  // Everything queued so far (the previous layers' kernels) is behind this event.
  auto h = std::make_unique<HandedOut>();
  h->queued.record(c10::cuda::getCurrentCUDAStream(device_.index()));
  h->bytes = handed_bytes;
  bytes_handed_out_ += handed_bytes;
  handed_out_.push_back(std::move(h));
  // Wait for the GPU to catch up when the copies it has not consumed yet exceed the budget.
  while (bytes_handed_out_ > prefetch_bytes_ && handed_out_.size() > 1) {
    auto& oldest = *handed_out_.front();
    oldest.queued.synchronize();
    bytes_handed_out_ -= oldest.bytes;
    handed_out_.pop_front();
  }
#else
  (void)handed_bytes;
#endif
}

ScopedWeightStreamer::ScopedWeightStreamer(WeightStreamer* streamer) : previous_(active_streamer) {
  active_streamer = streamer;
}

ScopedWeightStreamer::~ScopedWeightStreamer() { active_streamer = previous_; }

torch::Tensor streamed(const torch::Tensor& t) {
  // Only weights come through here, so a host tensor is one the streamer serves (also when the
  // device is the CPU itself: the tests' pretend device).
  if (!active_streamer || !t.defined() || !t.device().is_cpu()) return t;
  return active_streamer->fetch(t);
}

torch::Device compute_device(const torch::Tensor& t) { return active_streamer ? active_streamer->device() : t.device(); }

}  // namespace gesso::runtime
