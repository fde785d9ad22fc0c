#pragma once
// gesso-cli if: DeepFloyd IF, stage I (64x64) -> stage II (256x256) -> optionally the x4 upscaler
// (1024x1024), each stage's steps, CFG, noise level and seed as diffusers exposes them.
#include <CLI/CLI.hpp>

#include <string>

#include "app/cli_run_options.h"
#include "engine/pipelines/deepfloyd_if_pipeline.h"

namespace gesso::app {

struct IFCliOptions {
  pipelines::IFRequest request;
  std::string image_path;
  int64_t seed = -1, stage2_seed = -1, stage3_seed = -1;
  bool save_stages = false;
  RunOptions run;
};

void add_if_options(CLI::App& app, IFCliOptions& o);
int run_if(IFCliOptions& o);

}  // namespace gesso::app
