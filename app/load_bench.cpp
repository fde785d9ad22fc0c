#include "app/load_bench.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/bench_runner.h"
#include "engine/error.h"
#include "engine/pipelines/model_bundle.h"
#include "engine/pipelines/model_source.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/runtime/device.h"
#include "engine/runtime/vram.h"

namespace gesso::app {
namespace {

double seconds_to_load(const pipelines::ModelSpec& spec, const torch::Device& device,
                       const runtime::RuntimeOptions& options) {
  std::unique_ptr<pipelines::ModelBundle> bundle;
  const auto seconds =
      synchronized_seconds(device, [&] { bundle = pipelines::load_model_bundle(spec, device, options); });
  bundle.reset();
  runtime::release_cached_memory();
  return seconds;
}

}  // namespace

int run_load_bench(const LoadBenchOptions& o) {
  const auto device = pipelines::resolve_device(o.device);
  if (!runtime::device_started(device)) runtime::start_device(device);
  runtime::RuntimeOptions options;
  options.dtype = runtime::parse_dtype(o.dtype);
  const pipelines::ModelSpec spec{.path = o.model};
  // Bytes as stored, of the tensors the model uses (a checkpoint's EMA copies and unused towers
  // are not read).
  const auto source = pipelines::open_model_source(spec, options.variant);
  uint64_t bytes = 0;
  for (const auto& [name, component] : source.components) bytes += component.weights.bytes();
  seconds_to_load(spec, device, options);  // the page cache, CUDA's context and allocator warm
  double best = 1e30;
  for (int i = 0; i < std::max(1, o.repeats); ++i) best = std::min(best, seconds_to_load(spec, device, options));
  const double gb = double(bytes) / 1e9;
  std::printf("| %s | %s | %.2f | %.3f | %.2f |\n", std::filesystem::path(o.model).filename().c_str(), o.dtype.c_str(),
              gb, best, gb / best);
  return 0;
}

}  // namespace gesso::app
