#pragma once
// gesso-bench lora: how long merging a LoRA into a loaded model takes (pipelines::apply_loras,
// synchronised, after cuBLAS has started): the first apply (its originals copied aside), a switch
// (the originals back, then the LoRA at another weight), and taking it out. The it/s with a LoRA merged is
// `gesso-bench run --prompt "<lora:name:w> ..." --lora-dir DIR`.
#include <string>

namespace gesso::app {

struct LoraBenchOptions {
  std::string model, lora, device = "auto", dtype = "fp16";
  int repeats = 10;
  bool host_originals = false;  // the originals in pinned host memory, as on a card without room
  bool switch_check = false;    // then images after switches, with CUDA graphs and offload, vs eager
};

// Prints a markdown table; returns 0.
int run_lora_bench(const LoraBenchOptions& options);

}  // namespace gesso::app
