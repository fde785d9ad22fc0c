#pragma once
// gesso-bench pipelines: seed 003's pipeline table on this machine, for the studio's Help >
// Benchmark window: each pipeline Gesso has (SD txt2img, img2img, inpaint, ControlNet, DeepFloyd IF,
// SDXL txt2img) whose model is given, at each batch size, with each toggle set ("default" and
// "max-speed": the studio's Max speed preset). One JSON object a line on stdout, flushed as each
// row is done, so that a caller can show the table fill in:
//   {"pipeline":"SD - txt2img","batch":1,"config":"default","it_s":21.7,"e2e_s":..,"peak_gib":..,"device":".."}
//   {"pipeline":"IF","batch":1,"config":"default","stages_it_s":[20.2,13.8,24.0],"device":".."}
//   {"pipeline":"SD - controlnet","skipped":"no ControlNet given (--controlnet)"}
//   {"pipeline":"SD - txt2img","batch":4,"config":"max-speed","failure":"out of memory"}
// and last {"done":true,"device":".."}. Progress goes to stderr.
#include <string>
#include <vector>

namespace gesso::app {

struct PipelineBenchOptions {
  std::string sd, inpaint_model, controlnet, sdxl, if_stage1, if_stage2, if_stage3;
  std::string device = "auto", dtype;  // dtype "": fp16 on a GPU, fp32 on the CPU
  std::vector<int> batches{1, 4};
  std::vector<std::string> configs{"default", "max-speed"};
  std::vector<std::string> only;  // the pipelines to time, by name ("SD - txt2img"); empty: all
  int steps = 30, short_steps = 10, repeats = 1, size = 0;
};

// The toggle set (runtime_flags.h's apply_toggle_set) a config names; throws RequestError for an
// unknown one.
std::string config_toggles(const std::string& config);

int run_pipeline_bench(const PipelineBenchOptions& options);

}  // namespace gesso::app
