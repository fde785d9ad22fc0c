#include "app/lora_bench.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <vector>

#include "engine/pipelines/lora_loader.h"
#include "engine/pipelines/model_bundle.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/runtime/device.h"

namespace gesso::app {
namespace {

void synchronize(const torch::Device& device) {
  if (device.is_cuda()) torch::cuda::synchronize(device.index() < 0 ? 0 : device.index());
}

double timed(const torch::Device& device, const std::function<void()>& fn) {
  synchronize(device);
  const auto start = std::chrono::steady_clock::now();
  fn();
  synchronize(device);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int run_lora_bench(const LoraBenchOptions& o) {
  const auto device = pipelines::resolve_device(o.device);
  if (!runtime::device_started(device)) runtime::start_device(device);
  runtime::RuntimeOptions options;
  options.dtype = runtime::parse_dtype(o.dtype);
  auto model = pipelines::load_model_bundle(o.model, device, options);
  // cuBLAS starts on the first matrix product; a model's first run would pay that anyway.
  if (device.is_cuda()) {
    const auto a = torch::ones({64, 64}, torch::TensorOptions().device(device));
    (void)a.mm(a).sum().item<float>();
  }
  const auto use = [&](double weight) {
    return std::vector<pipelines::ResolvedLora>{
        {{.name = std::filesystem::path(o.lora).stem().string(), .text_multiplier = weight, .unet_multiplier = weight},
         o.lora}};
  };
  const double first = timed(device, [&] { pipelines::apply_loras(*model, use(0.8)); });
  std::vector<double> switches, removals;
  for (int i = 0; i < std::max(1, o.repeats); ++i) {
    switches.push_back(timed(device, [&] { pipelines::apply_loras(*model, use(i % 2 ? 0.8 : 0.7)); }));
  }
  for (int i = 0; i < std::max(1, o.repeats / 2); ++i) {
    removals.push_back(timed(device, [&] { pipelines::apply_loras(*model, {}); }));
    pipelines::apply_loras(*model, use(0.8));
  }
  std::printf("| model | LoRA | weights patched | originals on the GPU (GiB) | first apply (s) | switch (s, median "
              "of %zu) | remove (s) |\n", switches.size());
  std::printf("|---|---|---:|---:|---:|---:|---:|\n");
  std::printf("| %s | %s | %zu | %.2f | %.3f | %.3f | %.3f |\n", std::filesystem::path(o.model).filename().c_str(),
              std::filesystem::path(o.lora).filename().c_str(), model->patcher.patched_count(),
              double(model->patcher.device_backup_bytes()) / double(1 << 30), first, median(switches), median(removals));
  return 0;
}

}  // namespace gesso::app
