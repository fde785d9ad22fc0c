#pragma once
// gesso-bench's measurement, the same way the anchors measure diffusers: it/s from the difference
// between a long and a short run (so that text encoding and decoding cancel out), e2e as the long
// run's wall time, and the peak of allocated device memory over the long run.
#include <functional>
#include <string>
#include <vector>

#include "engine/io/image.h"
#include "engine/pipelines/generation_request.h"

namespace gesso::app {

struct BenchRow {
  std::string label;
  int steps = 0;
  double it_per_s = 0;
  double e2e_s = 0;
  double peak_gib = 0;
  double first_s = 0;     // model load + the first (short) run: the warm-up a user waits for
  double psnr_db = -1;    // image vs the table's reference row (-1: none; inf: identical)
  Image image;            // the long run's first image, for the PSNR
  std::string failure;    // why the row has no figures (out of memory under a budget), else empty
};

// One warm-up run (loads the model), then the best of `repeats` runs at `steps` and at `short_steps`.
// Running out of device memory ends only this row: its `failure` says so (a small card's settings
// tried under --vram-budget are expected to fail some rows).
BenchRow measure(const pipelines::GenerationRequest& request, const std::string& label, int steps,
                 int short_steps, int repeats);

// fn's wall time in seconds, the device synchronised before and after (its queued work counted).
double synchronized_seconds(const torch::Device& device, const std::function<void()>& fn);

// PSNR of two 8-bit images of the same size, in dB (infinity when identical).
double psnr(const Image& a, const Image& b);

std::string markdown_table(const std::string& device, const std::vector<BenchRow>& rows);
std::string json_lines(const std::string& device, const std::vector<BenchRow>& rows);

}  // namespace gesso::app
