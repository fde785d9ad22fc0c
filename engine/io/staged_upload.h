#pragma once
// Host tensors (views of a mapped weight file) to a CUDA device through a ring of pinned staging
// buffers: host threads copy one buffer's share of the file while the buffers before it are in
// flight to the device, so the disk cache's bytes cross PCIe at pinned speed instead of through
// the driver's one pageable staging buffer at a time. On the CPU it is a plain copy.
#include <torch/types.h>

#include <cstddef>
#include <memory>

namespace gesso::io {

class StagedUpload {
 public:
  explicit StagedUpload(const torch::Device& device, std::size_t buffer_bytes = std::size_t{32} << 20,
                        int buffers = 4);
  ~StagedUpload();  // waits for what is in flight
  StagedUpload(const StagedUpload&) = delete;
  StagedUpload& operator=(const StagedUpload&) = delete;

  // `source` on the device in `dtype` (converted there). The copy is queued on the current stream:
  // the result is ready for any later work on it; `source` may go once this returns.
  torch::Tensor to_device(const torch::Tensor& source, torch::ScalarType dtype);

 private:
  struct Ring;
  torch::Device device_;
  std::unique_ptr<Ring> ring_;
};

}  // namespace gesso::io
