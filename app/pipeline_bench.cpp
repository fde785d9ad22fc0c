#include "app/pipeline_bench.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

#include "app/bench_runner.h"
#include "app/if_bench.h"
#include "app/runtime_flags.h"
#include "engine/error.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/runtime/device.h"

namespace gesso::app {

namespace {

using nlohmann::json;

void emit(const json& line) { std::cout << line.dump() << std::endl; }  // endl: the caller reads as it comes

// A 512x512 gradient: the img2img, inpaint and ControlNet input (resized to the model's size).
Image gradient() {
  Image img{512, 512, 3, {}};
  img.pixels.resize(512 * 512 * 3);
  for (int y = 0; y < 512; ++y)
    for (int x = 0; x < 512; ++x) {
      uint8_t* p = img.at(x, y);
      p[0] = static_cast<uint8_t>(x / 2), p[1] = static_cast<uint8_t>(y / 2), p[2] = static_cast<uint8_t>((x + y) / 4);
    }
  return img;
}

// White (repaint) in the middle half, as a user masks a subject.
Image centre_mask() {
  Image img{512, 512, 3, std::vector<uint8_t>(512 * 512 * 3, 0)};
  for (int y = 128; y < 384; ++y)
    for (int x = 128; x < 384; ++x) std::fill_n(img.at(x, y), 3, uint8_t{255});
  return img;
}

struct SdCase {
  std::string name, model;
  pipelines::PipelineKind kind = pipelines::PipelineKind::kTxt2Img;
  bool controlnet = false;
  std::string missing;  // why it is skipped, "" when it runs
};

std::vector<SdCase> sd_cases(const PipelineBenchOptions& o) {
  using pipelines::PipelineKind;
  const std::string no_sd = "no SD model given (--sd)";
  const std::string inpaint = o.inpaint_model.empty() ? o.sd : o.inpaint_model;
  return {{"SD - txt2img", o.sd, PipelineKind::kTxt2Img, false, o.sd.empty() ? no_sd : ""},
          {"SD - img2img", o.sd, PipelineKind::kImg2Img, false, o.sd.empty() ? no_sd : ""},
          {"SD - inpaint", inpaint, PipelineKind::kInpaint, false, inpaint.empty() ? no_sd : ""},
          {"SD - controlnet", o.sd, PipelineKind::kTxt2Img, true,
           o.sd.empty() ? no_sd : o.controlnet.empty() ? "no ControlNet given (--controlnet)" : ""}};
}

// img2img runs floor(steps * strength) of the steps (as diffusers): asked for steps / strength
// (rounded up), it runs at least the steps asked, and it/s counts the steps it ran.
constexpr double kImg2ImgStrength = 0.8;

int img2img_steps(int steps) { return static_cast<int>(std::ceil(steps / kImg2ImgStrength)); }
int steps_run(int asked) { return static_cast<int>(std::floor(asked * kImg2ImgStrength)); }

BenchRow measure_case(const SdCase& c, const pipelines::GenerationRequest& r, const PipelineBenchOptions& o) {
  if (c.kind != pipelines::PipelineKind::kImg2Img) return measure(r, c.name, o.steps, o.short_steps, o.repeats);
  const int steps = img2img_steps(o.steps), short_steps = img2img_steps(o.short_steps);
  BenchRow row = measure(r, c.name, steps, short_steps, o.repeats);
  row.it_per_s *= static_cast<double>(steps_run(steps) - steps_run(short_steps)) / (steps - short_steps);
  return row;
}

pipelines::GenerationRequest sd_request(const SdCase& c, const PipelineBenchOptions& o, int batch) {
  pipelines::GenerationRequest r;
  r.model_dir = c.model;
  r.prompt = "a photo of an astronaut riding a horse on mars";
  r.pipeline = c.kind;
  r.width = r.height = o.size;
  r.num_images = batch;
  r.seed = 1234;
  if (c.kind != pipelines::PipelineKind::kTxt2Img) r.init_image = gradient();
  if (c.kind == pipelines::PipelineKind::kImg2Img) r.strength = kImg2ImgStrength;
  if (c.kind == pipelines::PipelineKind::kInpaint) {
    r.mask = centre_mask();
    r.strength = 1.0;  // diffusers' inpaint default
  }
  if (c.controlnet) {
    pipelines::ControlUnit unit;
    unit.model = o.controlnet;
    unit.image = gradient();
    r.controlnets.push_back(std::move(unit));
  }
  return r;
}

json row_line(const std::string& pipeline, int batch, const std::string& config, const BenchRow& row,
              const std::string& device) {
  json line{{"pipeline", pipeline}, {"batch", batch}, {"config", config}, {"device", device}};
  if (!row.failure.empty()) {
    line["failure"] = row.failure;
    return line;
  }
  line["it_s"] = row.it_per_s;
  line["e2e_s"] = row.e2e_s;
  line["peak_gib"] = row.peak_gib;
  return line;
}

// One pipeline's row for every batch and config; a failure other than running out of memory (a
// model that cannot be read) ends the pipeline, said in its line, and the others go on.
void for_each_cell(const std::string& pipeline, const PipelineBenchOptions& o, const std::string& device,
                   const std::function<json(int batch, const std::string& config)>& cell, bool batches = true) {
  for (int batch : o.batches) {
    if (!batches && batch != o.batches.front()) continue;
    for (const auto& config : o.configs) {
      std::cerr << "gesso-bench: " << pipeline << ", batch " << batch << ", " << config << "\n";
      try {
        emit(cell(batch, config));
      } catch (const std::exception& e) {
        emit({{"pipeline", pipeline}, {"batch", batch}, {"config", config}, {"device", device}, {"failure", e.what()}});
        if (!dynamic_cast<const OutOfMemoryError*>(&e)) return;
      }
    }
  }
}

runtime::RuntimeOptions runtime_for(const PipelineBenchOptions& o, const std::string& config, bool gpu) {
  runtime::RuntimeOptions r;
  r.device = o.device;
  r.dtype = runtime::parse_dtype(!o.dtype.empty() ? o.dtype : gpu ? "fp16" : "fp32");
  apply_toggle_set(r, config_toggles(config));
  return r;
}

// IF through gesso-bench if (its own JSON file), its stages' it/s in one cell as seed 003 shows them.
json if_cell(const PipelineBenchOptions& o, const std::string& config, bool gpu, const std::string& device) {
  IFBenchOptions io;
  io.stage1 = o.if_stage1, io.stage2 = o.if_stage2, io.stage3 = o.if_stage3;
  io.device = o.device;
  io.dtype = !o.dtype.empty() ? o.dtype : gpu ? "fp16" : "fp32";
  io.steps = o.steps, io.short_steps = o.short_steps, io.repeats = o.repeats;
  io.toggles = {config_toggles(config)};
  const auto file = std::filesystem::temp_directory_path() / ("gesso-bench-if-" + std::to_string(::getpid()) + ".json");
  std::filesystem::remove(file);
  io.json = file.string();
  std::ostringstream table;  // its markdown table is not ours to print
  auto* const out = std::cout.rdbuf(table.rdbuf());
  try {
    run_if_bench(io);
  } catch (...) {
    std::cout.rdbuf(out);
    throw;
  }
  std::cout.rdbuf(out);
  json stages = json::array();
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) stages.push_back(json::parse(line).value("it_s", 0.0));
  std::filesystem::remove(file);
  return {{"pipeline", "IF"}, {"batch", 1}, {"config", config}, {"device", device}, {"stages_it_s", stages}};
}

}  // namespace

std::string config_toggles(const std::string& config) {
  if (config == "default") return "default";
  if (config == "max-speed") return "channels-last+cuda-graphs";  // OptimizationPanel's Max speed preset
  throw RequestError("configs", "unknown configuration '" + config + "' (default | max-speed)");
}

int run_pipeline_bench(const PipelineBenchOptions& o) {
  if (o.short_steps < 1 || o.steps <= o.short_steps)
    throw RequestError("steps", "--steps must be larger than --short-steps (>= 1)");
  for (const auto& config : o.configs) config_toggles(config);  // a typo fails before the first run
  const auto torch_device = pipelines::resolve_device(o.device);
  const bool gpu = torch_device.is_cuda();
  const auto device = runtime::device_name(torch_device);
  PipelineBenchOptions run = o;
  if (!gpu) {
    // CUDA graphs and the rest of Max speed need a GPU: said once per pipeline, not timed.
    run.configs.erase(std::remove(run.configs.begin(), run.configs.end(), "max-speed"), run.configs.end());
  }
  const auto skipped = [](const std::string& pipeline, const std::string& why) {
    emit({{"pipeline", pipeline}, {"skipped", why}});
  };
  const auto cpu_note = [&](const std::string& pipeline) {
    if (run.configs.size() != o.configs.size())
      emit({{"pipeline", pipeline}, {"config", "max-speed"}, {"skipped", "needs a CUDA GPU"}});
  };
  const auto wanted = [&](const std::string& pipeline) {
    return o.only.empty() || std::find(o.only.begin(), o.only.end(), pipeline) != o.only.end();
  };
  for (const SdCase& c : sd_cases(o)) {
    if (!wanted(c.name)) continue;
    if (!c.missing.empty()) {
      skipped(c.name, c.missing);
      continue;
    }
    cpu_note(c.name);
    for_each_cell(c.name, run, device, [&](int batch, const std::string& config) {
      auto r = sd_request(c, run, batch);
      r.runtime = runtime_for(run, config, gpu);
      return row_line(c.name, batch, config, measure_case(c, r, run), device);
    });
  }
  if (!wanted("IF")) {
  } else if (o.if_stage1.empty()) {
    skipped("IF", "no DeepFloyd IF stage I given (--if-stage1)");
  } else {
    cpu_note("IF");
    for_each_cell("IF", run, device, [&](int, const std::string& config) { return if_cell(run, config, gpu, device); },
                  false);  // one image: IF's stages are timed at batch 1, as seed 003's row
  }
  if (!wanted("SDXL - txt2img")) {
  } else if (o.sdxl.empty()) {
    skipped("SDXL - txt2img", "no SDXL model given (--sdxl)");
  } else {
    cpu_note("SDXL - txt2img");
    for_each_cell("SDXL - txt2img", run, device, [&](int batch, const std::string& config) {
      SdCase c{"SDXL - txt2img", o.sdxl};
      auto r = sd_request(c, run, batch);  // sampler "": the model's own (Euler for SDXL)
      r.runtime = runtime_for(run, config, gpu);
      return row_line(c.name, batch, config, measure(r, c.name, run.steps, run.short_steps, run.repeats), device);
    });
  }
  emit({{"done", true}, {"device", device}});
  return 0;
}

}  // namespace gesso::app
