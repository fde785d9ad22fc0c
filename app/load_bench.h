#pragma once
// gesso-bench load: how fast a model goes from disk to the device, in GB/s of weights as stored,
// the whole of load_model_bundle included (key conversion, dtype conversion, the prepare pass).
// The first load warms the page cache; the best of the timed ones is reported, as Python's
// safetensors + .to("cuda") is timed in tests/bench/load_speed.py.
#include <string>

namespace gesso::app {

struct LoadBenchOptions {
  std::string model, device = "auto", dtype = "fp16";
  int repeats = 3;
};

// Prints a markdown table row per model; returns 0.
int run_load_bench(const LoadBenchOptions& options);

}  // namespace gesso::app
