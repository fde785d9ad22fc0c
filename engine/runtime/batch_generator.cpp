#include "engine/runtime/batch_generator.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include "engine/error.h"

#if GESSO_CUDA
#include <ATen/cuda/CUDAGeneratorImpl.h>
#endif

namespace gesso::runtime {

torch::Generator make_generator(uint64_t seed, const std::string& device) {
  if (device == "cpu") return at::make_generator<at::CPUGeneratorImpl>(seed);
#if GESSO_CUDA
  if (device.starts_with("cuda")) {
    const torch::Device d(device);
    auto gen = at::make_generator<at::CUDAGeneratorImpl>(d.has_index() ? d.index() : 0);
    gen.set_current_seed(seed);
    return gen;
  }
#endif
  throw RequestError("generator_device", "'" + device + "' is not available (cpu or cuda)");
}

BatchGenerator::BatchGenerator(torch::Generator one) : generators_{std::move(one)} {}

BatchGenerator::BatchGenerator(std::vector<torch::Generator> per_image) : generators_(std::move(per_image)) {}

BatchGenerator BatchGenerator::per_image(uint64_t seed, int count, const std::string& device) {
  std::vector<torch::Generator> gens;
  for (int i = 0; i < std::max(count, 1); ++i) gens.push_back(make_generator(seed + static_cast<uint64_t>(i), device));
  return BatchGenerator(std::move(gens));
}

torch::Device BatchGenerator::device() const { return generators_.front().device(); }

BatchGenerator BatchGenerator::row(std::size_t i) const {
  if (generators_.size() <= 1) return *this;
  if (i >= generators_.size())
    throw Error("image " + std::to_string(i) + " of a batch of " + std::to_string(generators_.size()) +
                " has no generator");
  return BatchGenerator(generators_[i]);
}

torch::Tensor BatchGenerator::randn(c10::IntArrayRef shape, const torch::TensorOptions& options) const {
  if (generators_.empty()) return torch::randn(shape, options);
  const auto on = options.device(device());
  if (generators_.size() == 1) return torch::randn(shape, generators_.front(), on);
  const auto rows = shape.empty() ? 0 : shape[0];
  if (rows == 0) return torch::empty(shape, on);
  if (rows > static_cast<int64_t>(generators_.size()))
    throw Error("a batch of " + std::to_string(rows) + " needs as many generators, not " +
                std::to_string(generators_.size()));
  auto one = shape.vec();
  one[0] = 1;
  std::vector<torch::Tensor> drawn;
  for (int64_t i = 0; i < rows; ++i) drawn.push_back(torch::randn(one, generators_[static_cast<std::size_t>(i)], on));
  return torch::cat(drawn);
}

}  // namespace gesso::runtime
