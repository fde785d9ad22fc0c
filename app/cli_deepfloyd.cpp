#include "app/cli_deepfloyd.h"

#include <filesystem>
#include <random>

#include "app/cli_output.h"
#include "app/cli_run_options.h"
#include "app/cli_progress.h"
#include "engine/io/a1111_parameters.h"
#include "engine/io/image_io.h"

namespace gesso::app {

void add_if_options(CLI::App& app, IFCliOptions& o) {
  auto& r = o.request;
  app.add_option("--stage1", r.stage1.model_dir, "DeepFloyd IF stage I folder (IFPipeline; its T5 reads the prompt)")
      ->required();
  app.add_option("--stage2", r.stage2.model_dir, "Stage II folder (IFSuperResolutionPipeline): 64 -> 256 px");
  app.add_option("--stage3", r.stage3_dir, "An SD x4 upscaler folder as stage III: 256 -> 1024 px");
  app.add_option("-p,--prompt", r.prompt, "Prompt");
  app.add_option("-n,--negative-prompt", r.negative_prompt, "Negative prompt");
  app.add_flag("--clean-caption", r.clean_caption, "diffusers' caption clean-up (URLs, HTML, @names ... removed)");
  app.add_option("-s,--seed", o.seed, "Seed (-1: random); one generator runs through the stages");
  app.add_option("-W,--width", r.width, "Stage I width (0: the model's 64)");
  app.add_option("-H,--height", r.height, "Stage I height (0: the model's 64)");
  app.add_option("--batch-size", r.num_images, "Images (diffusers' num_images_per_prompt)");
  app.add_option("--steps", r.stage1.steps, "Stage I steps (default 100)");
  app.add_option("--cfg", r.stage1.guidance_scale, "Stage I CFG scale (default 7)");
  app.add_option("--stage2-steps", r.stage2.steps, "Stage II steps (default 50)");
  app.add_option("--stage2-cfg", r.stage2.guidance_scale, "Stage II CFG scale (default 4)");
  app.add_option("--stage2-noise-level", r.stage2.noise_level, "Stage II noise level (default 250)");
  app.add_option("--stage2-seed", o.stage2_seed, "Stage II's own seed (default: continue the run's generator)");
  app.add_option("--stage3-steps", r.stage3.steps, "Stage III steps (default 75)");
  app.add_option("--stage3-cfg", r.stage3.guidance_scale, "Stage III CFG scale (default 9)");
  app.add_option("--stage3-noise-level", r.stage3.noise_level, "Stage III noise level, 0..350 (default 100)");
  app.add_option("--stage3-sampler", r.stage3.sampler, "Stage III sampler (default: the upscaler's own)");
  app.add_option("--stage3-seed", o.stage3_seed, "Stage III's own seed");
  app.add_option("-i,--image", o.image_path, "An image of stage I's size in place of stage I (IF as an upscaler)");
  app.add_flag("--save-stages", o.save_stages, "Also write the earlier stages' images (-stageN.png)");
  add_run_options(app, r.runtime, o.run);
}

namespace {

void finish_request(IFCliOptions& o) {
  auto& r = o.request;
  r.runtime.dtype = runtime::parse_dtype(o.run.dtype);
  o.run.flags.apply(r.runtime);
  r.seed = o.seed >= 0 ? static_cast<uint64_t>(o.seed) : std::random_device{}() % 4294967296ull;
  if (o.stage2_seed >= 0) r.stage2.seed = static_cast<uint64_t>(o.stage2_seed);
  if (o.stage3_seed >= 0) r.stage3_seed = static_cast<uint64_t>(o.stage3_seed);
  if (!o.image_path.empty()) r.image = io::read_image(o.image_path);
  check_output(o.run.output, o.run.overwrite);
}

// "out.png" -> "out-stage1.png"; a folder keeps its numbering.
std::string stage_path(const std::string& final_path, std::size_t stage) {
  const std::filesystem::path p(final_path);
  return (p.parent_path() / (p.stem().string() + "-stage" + std::to_string(stage + 1) + ".png")).string();
}

}  // namespace

int run_if(IFCliOptions& o) {
  finish_request(o);
  pipelines::DeepFloydIFPipeline pipeline;
  CliProgress progress(o.run.quiet);
  const auto result = pipeline.run(o.request, progress);
  progress.finish_stage();
  const auto& last = result.stages.back();
  for (std::size_t i = 0; i < last.size(); ++i) {
    const auto text = io::format_a1111(result.parameters[i]);
    const auto path = output_path(o.run.output, o.request.seed, static_cast<int>(i), static_cast<int>(last.size()));
    write_result(path, last[i], text, o.run.overwrite);
    if (!o.save_stages) continue;
    for (std::size_t s = 0; s + 1 < result.stages.size(); ++s)
      write_result(stage_path(path, s), result.stages[s].at(i), text, o.run.overwrite);
  }
  if (!o.run.quiet) std::fprintf(stderr, "done in %.2f s\n", result.seconds);
  return 0;
}

}  // namespace gesso::app
