#pragma once
// The options every gesso-cli pipeline command shares: where and how it runs (device, dtype,
// variant, the generator's device, the runtime toggles) and where its images go.
#include <CLI/CLI.hpp>

#include <string>

#include "app/runtime_flags.h"
#include "engine/runtime/runtime_options.h"

namespace gesso::app {

struct RunOptions {
  std::string dtype = "fp32", output = "outputs";
  bool overwrite = false, quiet = false;
  RuntimeFlags flags;
};

inline void add_run_options(CLI::App& app, runtime::RuntimeOptions& runtime, RunOptions& o) {
  app.add_option("--device", runtime.device, "auto | cpu | cuda | cuda:N");
  app.add_option("--dtype", o.dtype, "fp32 | fp16 | bf16");
  app.add_option("--variant", runtime.variant, "Weight variant to load, e.g. fp16");
  app.add_option("--generator-device", runtime.generator_device, "Where the seed's noise is drawn: cpu | cuda");
  o.flags.add(app);
  app.add_option("-o,--output", o.output, "Output PNG, or a folder");
  app.add_flag("--overwrite", o.overwrite, "Replace an existing output file");
  app.add_flag("-q,--quiet", o.quiet, "No progress bar");
}

}  // namespace gesso::app
