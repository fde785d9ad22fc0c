#include "app/cli_upscale.h"

#include <random>

#include "app/cli_output.h"
#include "app/cli_run_options.h"
#include "app/cli_progress.h"
#include "engine/io/a1111_parameters.h"
#include "engine/io/image_io.h"

namespace gesso::app {

void add_upscale_options(CLI::App& app, UpscaleCliOptions& o) {
  auto& r = o.request;
  app.add_option("-m,--model", r.model_dir, "SD x4 upscaler folder (StableDiffusionUpscalePipeline)")->required();
  app.add_option("-i,--image", o.image_path, "The image to upscale")->required();
  app.add_option("-p,--prompt", r.prompt, "Prompt (what the image shows helps the upscaler)");
  app.add_option("-n,--negative-prompt", r.negative_prompt, "Negative prompt");
  app.add_flag("--plain-prompts", r.plain_prompts, "Read prompts as diffusers does instead of A1111's syntax");
  app.add_option("-s,--seed", o.seed, "Seed (-1: random)");
  app.add_option("--steps", r.settings.steps, "Steps (default 75)");
  app.add_option("--cfg", r.settings.guidance_scale, "CFG scale (default 9)");
  app.add_option("--noise-level", r.settings.noise_level, "Noise added to the input, 0..350 (default 20)");
  app.add_option("--sampler", r.settings.sampler, "Sampler (default: the upscaler's own)");
  app.add_option("--tile", r.tile, "Input pixels per tile side; larger images go in blended tiles (0: never)");
  app.add_option("--tile-overlap", r.tile_overlap, "Input pixels tiles overlap by (default 32)");
  add_run_options(app, r.runtime, o.run);
}

int run_upscale(UpscaleCliOptions& o) {
  auto& r = o.request;
  r.runtime.dtype = runtime::parse_dtype(o.run.dtype);
  o.run.flags.apply(r.runtime);
  r.seed = o.seed >= 0 ? static_cast<uint64_t>(o.seed) : std::random_device{}() % 4294967296ull;
  r.image = io::read_image(o.image_path);
  check_output(o.run.output, o.run.overwrite);
  pipelines::UpscalePipeline pipeline;
  CliProgress progress(o.run.quiet);
  const auto result = pipeline.run(r, progress);
  progress.finish_stage();
  write_result(output_path(o.run.output, r.seed, 0, 1), result.image, io::format_a1111(result.parameters), o.run.overwrite);
  if (!o.run.quiet) std::fprintf(stderr, "done in %.2f s (%d tile%s)\n", result.seconds, result.tiles, result.tiles > 1 ? "s" : "");
  return 0;
}

}  // namespace gesso::app
