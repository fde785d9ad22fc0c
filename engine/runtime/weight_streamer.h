#pragma once
// Sequential CPU offload: a component's weights stay in pinned host memory and each layer's tensors
// are copied to the device just before the layer runs (Gesso's layers ask through streamed()).
// The first call records the order in which the layers use their tensors; from then on the next
// ones are prefetched on a side stream, up to a byte budget ahead, cyclically (the UNet's last
// layer is followed by its first at the next step), so the copies overlap the compute.
#include <torch/types.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <unordered_map>
#include <vector>

namespace gesso::runtime {

class WeightStreamer {
 public:
  WeightStreamer(torch::Device device, int64_t prefetch_bytes);
  ~WeightStreamer();
  WeightStreamer(const WeightStreamer&) = delete;
  WeightStreamer& operator=(const WeightStreamer&) = delete;

  // The device copy of a host tensor, ready for the current stream's next op.
  torch::Tensor fetch(const torch::Tensor& host);
  const torch::Device& device() const { return device_; }
  // Frees the prefetched copies (when the component's calls are over for now).
  void drop_prefetched();
  int64_t bytes_in_flight() const { return bytes_in_flight_; }

  // Bookkeeping, for tests and the benchmark.
  int64_t prefetch_bytes() const { return prefetch_bytes_; }
  int64_t max_bytes_in_flight() const { return max_in_flight_; }
  int64_t prefetch_hits() const { return hits_; }
  int64_t direct_copies() const { return direct_; }

 private:
  struct InFlight;
  struct HandedOut;
  torch::Tensor copy_now(const torch::Tensor& host) const;
  void top_up(std::size_t after);
  void throttle(int64_t handed_bytes);

  torch::Device device_;
  int64_t prefetch_bytes_;
  std::vector<torch::Tensor> order_;  // host tensors in the order the layers used them
  std::unordered_map<const void*, std::size_t> position_;
  std::deque<std::unique_ptr<InFlight>> in_flight_;
  // Device copies already handed to layers whose kernels may not have run yet: the host runs ahead
  // of the GPU, and without a bound it would queue (and allocate) a whole step's weights.
  std::deque<std::unique_ptr<HandedOut>> handed_out_;
  int64_t bytes_handed_out_ = 0;
  std::size_t next_ = 0;  // position in order_ of the next prefetch
  int64_t bytes_in_flight_ = 0, max_in_flight_ = 0, hits_ = 0, direct_ = 0;
  struct Streams;
  std::unique_ptr<Streams> streams_;
};

// Makes `streamer` the one streamed() consults on this thread, for a scope; nullptr: none.
class ScopedWeightStreamer {
 public:
  explicit ScopedWeightStreamer(WeightStreamer* streamer);
  ~ScopedWeightStreamer();
  ScopedWeightStreamer(const ScopedWeightStreamer&) = delete;
  ScopedWeightStreamer& operator=(const ScopedWeightStreamer&) = delete;

 private:
  WeightStreamer* previous_;
};

// t itself, or its device copy when a streamer is active on this thread and t is a host tensor.
torch::Tensor streamed(const torch::Tensor& t);
// Where a module's computation runs: the active streamer's device, else t's own.
torch::Device compute_device(const torch::Tensor& t);

}  // namespace gesso::runtime
