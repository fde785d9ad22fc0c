#include "app/lora_bench.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <vector>

#include "app/bench_runner.h"
#include "engine/pipelines/lora_loader.h"
#include "engine/pipelines/model_bundle.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/runtime/device.h"

namespace gesso::app {
namespace {

// The run's first image with the LoRA at `weight` (nullopt: none), on `pipeline` as it stands.
Image image_with(pipelines::StableDiffusionPipeline& pipeline, const LoraBenchOptions& o,
                 std::optional<double> weight, const runtime::RuntimeOptions& runtime) {
  pipelines::GenerationRequest r;
  r.model_dir = o.model;
  r.lora_dir = std::filesystem::path(o.lora).parent_path().string();
  r.prompt = "a photo of an astronaut riding a horse on mars";
  if (weight)
    r.prompt = "<lora:" + std::filesystem::path(o.lora).stem().string() + ":" + std::to_string(*weight) + "> " + r.prompt;
  r.steps = 20;
  r.sampler = "PNDM";
  r.seed = 1234;
  r.runtime = runtime;
  r.runtime.device = o.device;
  r.runtime.dtype = runtime::parse_dtype(o.dtype);
  pipelines::Observer quiet;
  return pipeline.run(r, quiet).images.at(0);
}

// A LoRA switched between runs of one pipeline, with CUDA graphs (a new capture after each switch,
// the fused path's caches recomputed) and with model offload (the host copies patched): each image
// against the eager run of the same LoRA in a fresh pipeline.
void switch_check(const LoraBenchOptions& o) {
  runtime::RuntimeOptions eager, graphs, offload;
  graphs.channels_last = graphs.cuda_graphs = true;
  offload.offload = runtime::Offload::kModel;
  pipelines::StableDiffusionPipeline reference;
  const auto want = image_with(reference, o, 0.3, eager);
  const auto other = image_with(reference, o, 0.8, eager);
  std::printf("\n| LoRA 0.8, then 0.3, in one pipeline | PSNR against a fresh eager run at 0.3 |\n|---|---:|\n");
  std::printf("| (the eager run at 0.8: how far a stale LoRA would be) | %.1f dB |\n", psnr(other, want));
  for (const auto& [label, options] : {std::pair{"CUDA graphs + channels-last", graphs}, {"model offload", offload}}) {
    pipelines::StableDiffusionPipeline p;
    image_with(p, o, std::nullopt, options);
    image_with(p, o, 0.8, options);
    std::printf("| %s | %.1f dB |\n", label, psnr(image_with(p, o, 0.3, options), want));
  }
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
  const std::optional<int64_t> room = o.host_originals ? std::optional<int64_t>(0) : std::nullopt;
  const auto use = [&](double weight) {
    return std::vector<pipelines::ResolvedLora>{
        {{.name = std::filesystem::path(o.lora).stem().string(), .text_multiplier = weight, .unet_multiplier = weight},
         o.lora}};
  };
  const double first = synchronized_seconds(device, [&] { pipelines::apply_loras(*model, use(0.8), room); });
  std::vector<double> switches, removals;
  for (int i = 0; i < std::max(1, o.repeats); ++i) {
    switches.push_back(synchronized_seconds(device, [&] { pipelines::apply_loras(*model, use(i % 2 ? 0.8 : 0.7), room); }));
  }
  for (int i = 0; i < std::max(1, o.repeats / 2); ++i) {
    removals.push_back(synchronized_seconds(device, [&] { pipelines::apply_loras(*model, {}, room); }));
    pipelines::apply_loras(*model, use(0.8), room);
  }
  std::printf("| model | LoRA | weights patched | originals on the GPU (GiB) | first apply (s) | switch (s, median "
              "of %zu) | remove (s) |\n", switches.size());
  std::printf("|---|---|---:|---:|---:|---:|---:|\n");
  std::printf("| %s | %s | %zu | %.2f | %.3f | %.3f | %.3f |\n", std::filesystem::path(o.model).filename().c_str(),
              std::filesystem::path(o.lora).filename().c_str(), model->patcher.patched_count(),
              double(model->patcher.device_backup_bytes()) / double(1 << 30), first, median(switches), median(removals));
  model.reset();
  if (o.switch_check) switch_check(o);
  return 0;
}

}  // namespace gesso::app
