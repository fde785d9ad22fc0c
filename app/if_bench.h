#pragma once
// gesso-bench if: seed 003's DeepFloyd IF row, each stage timed on its own as the anchors time
// diffusers (it/s from a long and a short run, so text encoding, upload and decode cancel out):
// stage I (64x64 from the prompt), stage II (a 64x64 input to 256x256), stage III (the x4
// upscaler on the same 64x64 input, as seed 003's pipe_3(image=stage I's image)). The 64x64
// input is a fixed pattern (bench_input_image) that tests/bench/deepfloyd_gpu.py draws the same.
#include <string>
#include <vector>

#include "engine/io/image.h"

namespace gesso::app {

struct IFBenchOptions {
  std::string stage1, stage2, stage3, device = "auto", dtype = "fp16", json, save_images;
  std::string prompt = "the blue hulk";
  std::vector<std::string> toggles{"default"};
  int steps = 50, short_steps = 10, repeats = 2;
};

// 64x64 RGB: value (4x + 2y + 60c) mod 256.
Image bench_input_image();

// Prints a markdown table (one row per stage and toggle set); returns 0.
int run_if_bench(const IFBenchOptions& options);

}  // namespace gesso::app
