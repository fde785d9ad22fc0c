#pragma once
// The random source of a run, as diffusers' `generator` argument takes it: one torch generator for
// the whole batch, or a list of them, one per image. Gesso seeds one per image (seed, seed + 1, ...),
// as AUTOMATIC1111 does, so that each image of a batch records its own seed and that seed alone
// gives the same image again. diffusers' randn_tensor draws a list's rows one by one, row i from
// generator i; a list of one is the single generator.
#include <torch/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gesso::runtime {

class BatchGenerator {
 public:
  // None: torch's default generator on the tensor's device.
  BatchGenerator() = default;
  BatchGenerator(std::nullopt_t) {}  // NOLINT(google-explicit-constructor): step(..., std::nullopt)
  BatchGenerator(torch::Generator one);  // NOLINT(google-explicit-constructor): one for the batch
  explicit BatchGenerator(std::vector<torch::Generator> per_image);

  // One generator per image, seeded seed, seed + 1, ... on `device` ("cpu" or "cuda[:n]"), each as
  // diffusers' torch.Generator(device).manual_seed(seed + i). Throws RequestError for another device.
  static BatchGenerator per_image(uint64_t seed, int count, const std::string& device);

  bool empty() const { return generators_.empty(); }
  std::size_t size() const { return generators_.size(); }
  // The generators' device (the first's); meaningless when empty.
  torch::Device device() const;

  // Image i's own generator, for work done one image at a time (diffusers' per-image encode,
  // an upscale per image): generator i of a list, or the single one (which then continues).
  BatchGenerator row(std::size_t i) const;

  // diffusers' randn_tensor on the generators' device (the default generator's `options` device
  // when empty): a list draws each row of `shape` from its own generator; fewer generators than
  // rows is an error, as in diffusers.
  torch::Tensor randn(c10::IntArrayRef shape, const torch::TensorOptions& options) const;

 private:
  std::vector<torch::Generator> generators_;
};

// A torch generator seeded like diffusers' torch.Generator(device).manual_seed(seed).
torch::Generator make_generator(uint64_t seed, const std::string& device);

}  // namespace gesso::runtime
