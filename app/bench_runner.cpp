#include "app/bench_runner.h"

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/runtime/vram.h"

namespace gesso::app {
namespace {

double best_time(pipelines::StableDiffusionPipeline& pipeline, pipelines::GenerationRequest r, int steps, int repeats) {
  pipelines::Observer quiet;
  r.steps = steps;
  double best = std::numeric_limits<double>::max();
  for (int i = 0; i < repeats; ++i) best = std::min(best, pipeline.run(r, quiet).seconds);
  return best;
}

}  // namespace

BenchRow measure(const pipelines::GenerationRequest& request, const std::string& label, int steps, int short_steps,
                 int repeats) {
  pipelines::StableDiffusionPipeline pipeline;
  best_time(pipeline, request, short_steps, 1);  // warm-up: model load, library start-up
  const auto device = pipelines::resolve_device(request.runtime.device);
  runtime::reset_peak_vram(device);
  BenchRow row{label, steps};
  row.e2e_s = best_time(pipeline, request, steps, repeats);
  row.peak_gib = static_cast<double>(runtime::vram_stats(device).peak) / (1024.0 * 1024.0 * 1024.0);
  const double t_short = best_time(pipeline, request, short_steps, repeats);
  row.it_per_s = row.e2e_s > t_short ? (steps - short_steps) / (row.e2e_s - t_short) : 0;
  return row;
}

std::string markdown_table(const std::string& device, const std::vector<BenchRow>& rows) {
  std::ostringstream out;
  out << "Device: " << device << "\n\n| configuration | steps | it/s | e2e (s) | peak allocated (GiB) |\n"
      << "|---|---:|---:|---:|---:|\n";
  out.setf(std::ios::fixed);
  for (const auto& r : rows) {
    out.precision(2);
    out << "| " << r.label << " | " << r.steps << " | " << r.it_per_s << " | ";
    out.precision(3);
    out << r.e2e_s << " | " << r.peak_gib << " |\n";
  }
  return out.str();
}

std::string json_lines(const std::string& device, const std::vector<BenchRow>& rows) {
  std::string out;
  for (const auto& r : rows)
    out += nlohmann::json{{"device", device}, {"configuration", r.label}, {"steps", r.steps}, {"it_s", r.it_per_s},
                          {"e2e_s", r.e2e_s}, {"peak_alloc_gib", r.peak_gib}}.dump() + "\n";
  return out;
}

}  // namespace gesso::app
