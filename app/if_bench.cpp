#include "app/if_bench.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>

#include <torch/torch.h>

#include "app/bench_runner.h"
#include "app/runtime_flags.h"
#include "engine/error.h"
#include "engine/io/safetensors.h"
#include "engine/pipelines/deepfloyd_if_pipeline.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/pipelines/upscale_pipeline.h"
#include "engine/runtime/device.h"
#include "engine/runtime/vram.h"

namespace gesso::app {
namespace {

constexpr uint64_t kSeed = 1234;

// One stage's run at a step count: its wall time (the best of `repeats`) and its first image.
using StageRun = std::function<std::pair<double, Image>(int steps)>;

std::pair<double, Image> best_of(const StageRun& run, int steps, int repeats) {
  double best = std::numeric_limits<double>::max();
  Image image;
  for (int i = 0; i < repeats; ++i) {
    auto [seconds, img] = run(steps);
    best = std::min(best, seconds);
    image = std::move(img);
  }
  return {best, image};
}

BenchRow measure_stage(const StageRun& run, const std::string& label, const IFBenchOptions& o,
                       const torch::Device& device) {
  BenchRow row{label, o.steps};
  try {
    runtime::release_cached_memory();
    row.first_s = best_of(run, o.short_steps, 1).first;  // load, warm-up, graph capture
    runtime::reset_peak_vram(device);
    auto [long_s, image] = best_of(run, o.steps, o.repeats);
    row.e2e_s = long_s;
    row.image = std::move(image);
    row.peak_gib = static_cast<double>(runtime::vram_stats(device).peak) / (1024.0 * 1024.0 * 1024.0);
    const double short_s = best_of(run, o.short_steps, o.repeats).first;
    row.it_per_s = long_s > short_s ? (o.steps - o.short_steps) / (long_s - short_s) : 0;
  } catch (const OutOfMemoryError& e) {
    runtime::release_cached_memory();
    row.failure = "out of memory";
    std::cerr << "gesso-bench: " << label << ": " << e.what() << "\n";
  }
  return row;
}

pipelines::IFRequest if_request(const IFBenchOptions& o, const runtime::RuntimeOptions& runtime) {
  pipelines::IFRequest r;
  r.prompt = o.prompt;
  r.seed = kSeed;
  r.stage1.model_dir = o.stage1;
  r.stage2 = {};
  r.runtime = runtime;
  return r;
}

void save_image(const std::string& dir, const std::string& name, const Image& img) {
  if (dir.empty() || img.pixels.empty()) return;
  const auto pixels =
      torch::from_blob(const_cast<uint8_t*>(img.pixels.data()), {img.height, img.width, img.channels}, torch::kUInt8);
  io::save_safetensors(dir + "/" + name + ".safetensors", {{"image", pixels.clone()}});
}

}  // namespace

Image bench_input_image() {
  Image image{64, 64, 3, {}};
  image.pixels.resize(64 * 64 * 3);
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x)
      for (int c = 0; c < 3; ++c) image.pixels[(y * 64 + x) * 3 + c] = static_cast<uint8_t>((4 * x + 2 * y + 60 * c) % 256);
  return image;
}

int run_if_bench(const IFBenchOptions& o) {
  if (o.short_steps < 1 || o.steps <= o.short_steps)
    throw RequestError("steps", "--steps must be larger than --short-steps (>= 1)");
  const auto device = pipelines::resolve_device(o.device);
  std::vector<BenchRow> rows;
  for (const auto& toggles : o.toggles) {
    runtime::RuntimeOptions runtime;
    runtime.device = o.device;
    runtime.dtype = runtime::parse_dtype(o.dtype);
    apply_toggle_set(runtime, toggles);
    const auto suffix = ", " + runtime::describe(runtime);
    const auto tag = [&](const char* stage) {
      std::string t = std::string(stage) + "_" + toggles;
      std::replace_if(t.begin(), t.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
      return t;
    };
    pipelines::DeepFloydIFPipeline pipeline;  // one per toggle set: its stages stay loaded across rows
    pipelines::Observer quiet;
    if (!o.stage1.empty()) {
      const StageRun one = [&](int steps) {
        auto r = if_request(o, runtime);
        r.stage1.steps = steps;
        auto result = pipeline.run(r, quiet);
        return std::pair{result.seconds, result.stages.front().front()};
      };
      rows.push_back(measure_stage(one, "IF stage I, 64px" + suffix, o, device));
      save_image(o.save_images, tag("stage1"), rows.back().image);
    }
    if (!o.stage2.empty()) {
      const StageRun two = [&](int steps) {
        auto r = if_request(o, runtime);
        r.image = bench_input_image();
        r.width = r.height = r.image->width;  // the input stands for a 64x64 stage I image
        r.stage2 = {.model_dir = o.stage2, .steps = steps, .guidance_scale = 4.0, .noise_level = 250};
        auto result = pipeline.run(r, quiet);
        return std::pair{result.seconds, result.stages.back().front()};
      };
      rows.push_back(measure_stage(two, "IF stage II, 64 -> 256px" + suffix, o, device));
      save_image(o.save_images, tag("stage2"), rows.back().image);
    }
    if (!o.stage3.empty()) {
      pipelines::UpscalePipeline upscaler;
      const StageRun three = [&](int steps) {
        pipelines::UpscaleRequest r;
        r.model_dir = o.stage3;
        r.image = bench_input_image();
        r.prompt = o.prompt;
        r.seed = kSeed;
        r.settings = {.steps = steps, .guidance_scale = 9.0, .noise_level = 100};
        r.runtime = runtime;
        auto result = upscaler.run(r, quiet);
        return std::pair{result.seconds, result.image};
      };
      rows.push_back(measure_stage(three, "IF stage III (x4 upscaler), 64 -> 256px" + suffix, o, device));
      save_image(o.save_images, tag("stage3"), rows.back().image);
    }
  }
  const auto name = runtime::device_name(device);
  std::cout << markdown_table(name, rows);
  if (!o.json.empty()) std::ofstream(o.json, std::ios::app) << json_lines(name, rows);
  return 0;
}

}  // namespace gesso::app
