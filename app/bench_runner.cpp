#include "app/bench_runner.h"

#include <algorithm>
#include <cstdio>
#include <chrono>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include <torch/torch.h>

#include "engine/error.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/runtime/vram.h"

namespace gesso::app {
namespace {

double best_time(pipelines::StableDiffusionPipeline& pipeline, pipelines::GenerationRequest r, int steps, int repeats,
                 Image* image = nullptr) {
  pipelines::Observer quiet;
  r.steps = steps;
  double best = std::numeric_limits<double>::max();
  for (int i = 0; i < repeats; ++i) {
    auto result = pipeline.run(r, quiet);
    best = std::min(best, result.seconds);
    if (image && !result.images.empty()) *image = std::move(result.images.front());
  }
  return best;
}

BenchRow measure_or_throw(const pipelines::GenerationRequest& request, const std::string& label, int steps,
                          int short_steps, int repeats) {
  pipelines::StableDiffusionPipeline pipeline;
  const auto device = pipelines::resolve_device(request.runtime.device);
  runtime::release_cached_memory();  // the previous row's cache must not count
  const auto t0 = std::chrono::steady_clock::now();
  best_time(pipeline, request, short_steps, 1);  // warm-up: model load, library start-up, graph capture
  BenchRow row{label, steps};
  row.first_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  runtime::reset_peak_vram(device);
  row.e2e_s = best_time(pipeline, request, steps, repeats, &row.image);
  row.peak_gib = static_cast<double>(runtime::vram_stats(device).peak) / (1024.0 * 1024.0 * 1024.0);
  const double t_short = best_time(pipeline, request, short_steps, repeats);
  row.it_per_s = row.e2e_s > t_short ? (steps - short_steps) / (row.e2e_s - t_short) : 0;
  return row;
}

}  // namespace

BenchRow measure(const pipelines::GenerationRequest& request, const std::string& label, int steps, int short_steps,
                 int repeats) {
  try {
    return measure_or_throw(request, label, steps, short_steps, repeats);
  } catch (const OutOfMemoryError& e) {
    runtime::release_cached_memory();
    BenchRow row{label, steps};
    row.failure = "out of memory";
    std::fprintf(stderr, "gesso-bench: %s: %s\n", label.c_str(), e.what());
    return row;
  }
}


double synchronized_seconds(const torch::Device& device, const std::function<void()>& fn) {
  const auto sync = [&] {
    if (device.is_cuda()) torch::cuda::synchronize(device.index() < 0 ? 0 : device.index());
  };
  sync();
  const auto start = std::chrono::steady_clock::now();
  fn();
  sync();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double psnr(const Image& a, const Image& b) {
  if (a.width != b.width || a.height != b.height || a.channels != b.channels || a.pixels.empty()) return -1;
  double sum = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) {
    const double d = static_cast<double>(a.pixels[i]) - static_cast<double>(b.pixels[i]);
    sum += d * d;
  }
  if (sum == 0) return std::numeric_limits<double>::infinity();
  return 10.0 * std::log10(255.0 * 255.0 / (sum / static_cast<double>(a.pixels.size())));
}

namespace {

std::string psnr_text(double db) {
  if (db < 0) return "-";
  if (std::isinf(db)) return "identical";
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(1);
  s << db << " dB";
  return s.str();
}

}  // namespace

std::string markdown_table(const std::string& device, const std::vector<BenchRow>& rows) {
  std::ostringstream out;
  out << "Device: " << device
      << "\n\n| configuration | steps | it/s | e2e (s) | peak allocated (GiB) | load + first image (s) | PSNR vs first row |\n"
      << "|---|---:|---:|---:|---:|---:|---:|\n";
  out.setf(std::ios::fixed);
  for (const auto& r : rows) {
    if (!r.failure.empty()) {
      out << "| " << r.label << " | " << r.steps << " | " << r.failure << " | | | | |\n";
      continue;
    }
    out.precision(2);
    out << "| " << r.label << " | " << r.steps << " | " << r.it_per_s << " | ";
    out.precision(3);
    out << r.e2e_s << " | " << r.peak_gib << " | ";
    out.precision(2);
    out << r.first_s << " | " << psnr_text(r.psnr_db) << " |\n";
  }
  return out.str();
}

std::string json_lines(const std::string& device, const std::vector<BenchRow>& rows) {
  std::string out;
  for (const auto& r : rows)
    out += nlohmann::json{{"device", device}, {"configuration", r.label}, {"steps", r.steps}, {"it_s", r.it_per_s},
                          {"e2e_s", r.e2e_s}, {"peak_alloc_gib", r.peak_gib}, {"first_s", r.first_s},
                          {"psnr_db", std::isinf(r.psnr_db) ? 999.0 : r.psnr_db}, {"failure", r.failure}}.dump() +
           "\n";
  return out;
}

}  // namespace gesso::app
