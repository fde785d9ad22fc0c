#pragma once
// gesso-cli upscale: "Upscale x4" of an image with an SD x4 upscaler folder, in blended tiles when
// the image is larger than a tile.
#include <CLI/CLI.hpp>

#include <string>

#include "app/cli_run_options.h"
#include "engine/pipelines/upscale_pipeline.h"

namespace gesso::app {

struct UpscaleCliOptions {
  pipelines::UpscaleRequest request;
  std::string image_path;
  int64_t seed = -1;
  RunOptions run;
};

void add_upscale_options(CLI::App& app, UpscaleCliOptions& o);
int run_upscale(UpscaleCliOptions& o);

}  // namespace gesso::app
