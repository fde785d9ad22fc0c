#include "engine/io/staged_upload.h"

#include <torch/torch.h>

#include <algorithm>
#include <vector>

#if GESSO_CUDA
#include <ATen/cuda/CUDAEvent.h>
#include <c10/cuda/CUDAStream.h>
#endif

namespace gesso::io {

#if GESSO_CUDA

struct StagedUpload::Ring {
  struct Buffer {
    torch::Tensor host;  // pinned bytes
    at::cuda::CUDAEvent copied;  // recorded after the last copy out of it
    bool in_flight = false;
  };
  std::vector<Buffer> buffers;
  std::size_t current = 0, used = 0;

  Ring(std::size_t bytes, int count) : buffers(static_cast<std::size_t>(count)) {
    for (auto& b : buffers)
      b.host = torch::empty({static_cast<int64_t>(bytes)}, torch::dtype(torch::kByte).pinned_memory(true));
  }
  std::size_t capacity() const { return static_cast<std::size_t>(buffers.front().host.numel()); }

  // The next `n` bytes of staging (n <= capacity), waiting for a buffer that is free.
  torch::Tensor take(std::size_t n) {
    if (used + n > capacity()) {
      buffers[current].copied.record(c10::cuda::getCurrentCUDAStream());
      buffers[current].in_flight = true;
      current = (current + 1) % buffers.size();
      used = 0;
      if (buffers[current].in_flight) buffers[current].copied.synchronize();
      buffers[current].in_flight = false;
    }
    auto slice = buffers[current].host.narrow(0, static_cast<int64_t>(used), static_cast<int64_t>(n));
    used += n;
    return slice;
  }

  void finish() {
    c10::cuda::getCurrentCUDAStream().synchronize();
    for (auto& b : buffers) b.in_flight = false;
  }
};

StagedUpload::StagedUpload(const torch::Device& device, std::size_t buffer_bytes, int buffers) : device_(device) {
  if (device.is_cuda()) ring_ = std::make_unique<Ring>(buffer_bytes, std::max(buffers, 2));
}

StagedUpload::~StagedUpload() {
  if (ring_) ring_->finish();  // the pinned buffers must outlive the copies out of them
}

torch::Tensor StagedUpload::to_device(const torch::Tensor& source, torch::ScalarType dtype) {
  if (!ring_ || !source.is_contiguous() || source.device().type() != torch::kCPU)
    return source.to(device_, dtype, /*non_blocking=*/false, /*copy=*/true);
  auto raw = torch::empty(source.sizes(), source.options().device(device_));
  const auto bytes = static_cast<int64_t>(source.nbytes());
  const auto from = torch::from_blob(source.data_ptr(), {bytes}, torch::kByte);
  const auto to = torch::from_blob(raw.data_ptr(), {bytes}, torch::dtype(torch::kByte).device(device_));
  const auto step = static_cast<int64_t>(ring_->capacity());
  for (int64_t at = 0; at < bytes; at += step) {
    const int64_t n = std::min(step, bytes - at);
    auto staging = ring_->take(static_cast<std::size_t>(n));
    staging.copy_(from.narrow(0, at, n));  // host threads, from the file's pages
    to.narrow(0, at, n).copy_(staging, /*non_blocking=*/true);
  }
  return dtype == raw.scalar_type() ? raw : raw.to(dtype);
}

#else

struct StagedUpload::Ring {};

StagedUpload::StagedUpload(const torch::Device& device, std::size_t, int) : device_(device) {}
StagedUpload::~StagedUpload() = default;

torch::Tensor StagedUpload::to_device(const torch::Tensor& source, torch::ScalarType dtype) {
  return source.to(device_, dtype, /*non_blocking=*/false, /*copy=*/true);
}

#endif

}  // namespace gesso::io
