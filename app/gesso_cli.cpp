// gesso-cli: headless generation.
#include <CLI/CLI.hpp>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <random>

#include "app/cli_deepfloyd.h"
#include "app/cli_output.h"
#include "app/cli_progress.h"
#include "app/cli_upscale.h"
#include "app/runtime_flags.h"
#include "engine/error.h"
#include "engine/io/a1111_parameters.h"
#include "engine/io/image_io.h"
#include "engine/io/safetensors.h"
#include "engine/pipelines/hires_fix.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/schedulers/scheduler.h"
#include "engine/version.h"

namespace {

using gesso::pipelines::GenerationRequest;

struct CliOptions {
  GenerationRequest request;
  std::string dtype = "fp32";
  std::string init_path, mask_path, output = "outputs", latents_path;
  std::string area = "whole", masked_content = "original";
  int count = 1;
  int repeat = 1;
  bool overwrite = false, quiet = false, no_composite = false;
  int64_t seed = -1;
  gesso::app::RuntimeFlags runtime;
  // ControlNet units, one entry per --controlnet (the other lists: one value for all, or one each).
  std::vector<std::string> controlnets, control_images;
  std::vector<double> control_weights, control_starts, control_ends;
  std::vector<std::string> control_preprocessors, control_modes, resize_modes;
  std::vector<double> control_threshold_a, control_threshold_b, control_resolutions;
  bool guess_mode = false;
};


void add_generation_options(CLI::App& app, CliOptions& o) {
  auto& r = o.request;
  app.add_option("-m,--model", r.model_dir,
                 "SD 1.x, 2.x or SDXL model: a single-file checkpoint (.safetensors, .ckpt) or a diffusers folder")
      ->required();
  app.add_option("--vae", r.vae, "A VAE file or folder in place of the model's own (A1111's SD VAE)");
  app.add_option("--prediction-type", r.prediction_type,
                 "Single files: epsilon | v_prediction (default: what the file or its .yaml says)")
      ->check(CLI::IsMember({"epsilon", "v_prediction"}));
  app.add_option("--model-config", r.model_config,
                 "Single files: a diffusers folder whose configs and tokenizers describe the file");
  app.add_option("--refiner", r.refiner_dir, "SDXL refiner (file or folder): it denoises the last part of the schedule");
  app.add_option("--refiner-switch", r.refiner_switch,
                 "Fraction of the schedule the base runs before the refiner takes over (default 0.8)");
  app.add_option("--aesthetic-score", r.aesthetic_score, "A refiner's aesthetic score (default 6)");
  app.add_option("--negative-aesthetic-score", r.negative_aesthetic_score,
                 "A refiner's negative aesthetic score (default 2.5)");
  app.add_option("-p,--prompt", r.prompt, "Prompt");
  app.add_option("-n,--negative-prompt", r.negative_prompt, "Negative prompt");
  app.add_flag("--plain-prompts", r.plain_prompts,
               "Read prompts as diffusers does (brackets are text, 75 tokens) instead of A1111's syntax");
  app.add_option("--lora-dir", r.lora_dir, "The folder <lora:name:weight> in a prompt names its LoRA files in");
  app.add_option("--embeddings-dir", r.embeddings_dir,
                 "The folder of textual-inversion embeddings a prompt names by file name");
  app.add_option("-s,--seed", o.seed, "Seed (-1: random)");
  app.add_option("-W,--width", r.width, "Width, a multiple of 8 (0: the model's size)");
  app.add_option("-H,--height", r.height, "Height, a multiple of 8 (0: the model's size)");
  app.add_option("--steps", r.steps, "Sampling steps");
  app.add_option("--cfg", r.guidance_scale, "Guidance (CFG) scale");
  app.add_option("--sampler", r.sampler, "Sampler: " + CLI::detail::join(gesso::schedulers::scheduler_names(), ", ") +
                                             " (default: the model's own scheduler)");
  app.add_option("--strength", r.strength, "Denoising strength (img2img, inpaint)");
  app.add_option("--eta", r.eta, "DDIM eta");
  app.add_option("--clip-skip", r.clip_skip, "Skip the last N text-encoder layers");
  app.add_option("-i,--init-image", o.init_path, "Init image: img2img, or inpaint with --mask");
  app.add_option("--mask", o.mask_path, "Inpainting mask (white = repaint)");
  app.add_option("--mask-blur", r.inpaint.mask_blur, "Mask blur in pixels");
  app.add_option("--inpaint-area", o.area, "whole | masked (only the masked region, at full resolution)");
  app.add_option("--padding", r.inpaint.only_masked_padding, "Padding around the mask for --inpaint-area masked");
  app.add_option("--masked-content", o.masked_content, "original | fill | latent-noise | latent-nothing");
  app.add_flag("--no-composite", o.no_composite, "Keep the model's pixels outside the mask too");
  // A1111's Hires. fix (txt2img): any --hires-* option switches it on too.
  const auto hires_on = [&r](const std::string&) { r.hires.enabled = true; };
  app.add_flag("--hires", r.hires.enabled,
               "Hires. fix: generate, upscale, then denoise again at the larger size (as AUTOMATIC1111)");
  app.add_option("--hires-scale", r.hires.scale, "Hires. fix: upscale by (default 2)")->each(hires_on);
  app.add_option("--hires-steps", r.hires.steps, "Hires. fix: the second pass's steps (default 0: --steps)")
      ->each(hires_on);
  app.add_option("--hires-strength", r.hires.strength, "Hires. fix: the second pass's denoising strength (default 0.7)")
      ->each(hires_on);
  app.add_option("--hires-upscaler", r.hires.upscaler,
                 "Hires. fix: " + CLI::detail::join(gesso::pipelines::hires_upscalers(), ", ") + " (default Latent)")
      ->each(hires_on);
  app.add_option("--hires-upscaler-model", r.hires.upscaler_model,
                 "Hires. fix: the x4 upscaler's folder, for --hires-upscaler \"SD x4\"")
      ->each(hires_on);
  app.add_option("--hires-resize-width", r.hires.resize_width,
                 "Hires. fix: resize to this width instead of --hires-scale (0: from the height's aspect)")
      ->each(hires_on);
  app.add_option("--hires-resize-height", r.hires.resize_height,
                 "Hires. fix: resize to this height instead of --hires-scale (0: from the width's aspect)")
      ->each(hires_on);
  app.add_option("--count", o.count, "Images, each its own run with seed, seed+1, ...");
  app.add_option("--batch-size", r.num_images, "Images per run (one seed, diffusers' num_images_per_prompt)");
  app.add_option("--device", r.runtime.device, "auto | cpu | cuda | cuda:N");
  app.add_option("--dtype", o.dtype, "fp32 | fp16 | bf16");
  app.add_option("--variant", r.runtime.variant, "Weight variant to load, e.g. fp16");
  app.add_option("--generator-device", r.runtime.generator_device, "Where the seed's noise is drawn: cpu | cuda");
  o.runtime.add(app);
  app.add_option("-o,--output", o.output, "Output PNG, or a folder (named <date>-<seed>-<index>)");
  app.add_flag("--overwrite", o.overwrite, "Replace an existing output file");
  app.add_option("--save-latents", o.latents_path, "Also write the final latents (.safetensors)");
  app.add_flag("-q,--quiet", o.quiet, "No progress bar");
  app.add_option("--repeat", o.repeat, "Run each generation N times with the model loaded (timing); keeps the last");
  app.add_option("--controlnet", o.controlnets, "A ControlNet folder (repeat for several; their residuals add up)");
  app.add_option("--control-image", o.control_images, "The control image of each --controlnet (preprocessed)");
  app.add_option("--control-weight", o.control_weights, "Each ControlNet's weight (default 1)");
  app.add_option("--control-start", o.control_starts, "Where each ControlNet starts, a fraction of the steps (default 0)");
  app.add_option("--control-end", o.control_ends, "Where each ControlNet ends, a fraction of the steps (default 1)");
  app.add_flag("--guess-mode", o.guess_mode, "ControlNet guess mode (the control on the conditional half only)");
  app.add_option("--control-preprocessor", o.control_preprocessors,
                 "Each control image's preprocessor: none (default), canny, scribble_xdog, tile_resample, inpaint, ...");
  app.add_option("--control-threshold-a", o.control_threshold_a, "The preprocessor's first setting (its default if left out)");
  app.add_option("--control-threshold-b", o.control_threshold_b, "The preprocessor's second setting");
  app.add_option("--control-resolution", o.control_resolutions, "The preprocessor's resolution (default 512)");
  app.add_option("--control-mode", o.control_modes, "balanced (default), prompt (My prompt is more important), "
                                                    "control (ControlNet is more important)");
  app.add_option("--resize-mode", o.resize_modes, "How a control image of another size fits: just (resize, default), "
                                                  "crop (crop and resize), fill (resize and fill)");
}

// The i-th value of a per-unit list: its own, the single one given for all, or the default.
double nth(const std::vector<double>& values, std::size_t i, double fallback) {
  if (values.empty()) return fallback;
  return values.size() == 1 ? values[0] : values.at(i);
}

// The i-th text of a per-unit list, as nth.
std::string nth_text(const std::vector<std::string>& values, std::size_t i, const std::string& fallback) {
  if (values.empty()) return fallback;
  return values.size() == 1 ? values[0] : values.at(i);
}

gesso::pipelines::ControlMode parse_control_mode(const std::string& s) {
  if (s == "balanced") return gesso::pipelines::ControlMode::kBalanced;
  if (s == "prompt") return gesso::pipelines::ControlMode::kPrompt;
  if (s == "control") return gesso::pipelines::ControlMode::kControl;
  throw gesso::RequestError("control-mode", "'" + s + "' is not balanced, prompt or control");
}

gesso::pipelines::ResizeMode parse_resize_mode(const std::string& s) {
  if (s == "just") return gesso::pipelines::ResizeMode::kJustResize;
  if (s == "crop") return gesso::pipelines::ResizeMode::kCropAndResize;
  if (s == "fill") return gesso::pipelines::ResizeMode::kResizeAndFill;
  throw gesso::RequestError("resize-mode", "'" + s + "' is not just, crop or fill");
}

void check_unit_lists(const CliOptions& o) {
  const auto n = o.controlnets.size();
  const auto fits = [n](std::size_t size) { return size <= 1 || size == n; };
  for (const auto* list : {&o.control_weights, &o.control_starts, &o.control_ends, &o.control_threshold_a,
                           &o.control_threshold_b, &o.control_resolutions})
    if (!fits(list->size()))
      throw gesso::RequestError("controlnet", "--control-weight / -start / -end / -threshold-a / -threshold-b / "
                                              "-resolution take one value, or one for each --controlnet");
  for (const auto* list : {&o.control_preprocessors, &o.control_modes, &o.resize_modes})
    if (!fits(list->size()))
      throw gesso::RequestError("controlnet", "--control-preprocessor / --control-mode / --resize-mode take one "
                                              "value, or one for each --controlnet");
}

void add_control_units(CliOptions& o) {
  const auto n = o.controlnets.size();
  // img2img and inpainting: a unit without an image uses the init image, as sd-webui-controlnet's.
  if (o.control_images.size() != n && !(o.control_images.empty() && o.request.init_image))
    throw gesso::RequestError("control-image", "give one --control-image for each --controlnet (" + std::to_string(n) +
                                                   "; img2img and inpainting may give none: the init image)");
  check_unit_lists(o);
  for (std::size_t i = 0; i < n; ++i) {
    gesso::pipelines::ControlUnit u;
    u.model = o.controlnets[i];
    if (!o.control_images.empty()) u.image = gesso::io::read_image(o.control_images[i]);
    u.scale = nth(o.control_weights, i, 1.0);
    u.start = nth(o.control_starts, i, 0.0);
    u.end = nth(o.control_ends, i, 1.0);
    u.guess_mode = o.guess_mode;
    u.preprocessor.name = nth_text(o.control_preprocessors, i, "none");
    u.preprocessor.threshold_a = nth(o.control_threshold_a, i, -1);
    u.preprocessor.threshold_b = nth(o.control_threshold_b, i, -1);
    u.preprocessor.resolution = static_cast<int>(nth(o.control_resolutions, i, 512));
    u.control_mode = parse_control_mode(nth_text(o.control_modes, i, "balanced"));
    u.resize_mode = parse_resize_mode(nth_text(o.resize_modes, i, "just"));
    o.request.controlnets.push_back(std::move(u));
  }
}

gesso::pipelines::InpaintArea parse_area(const std::string& s) {
  if (s == "whole") return gesso::pipelines::InpaintArea::kWholePicture;
  if (s == "masked") return gesso::pipelines::InpaintArea::kOnlyMasked;
  throw gesso::RequestError("inpaint-area", "'" + s + "' is not whole or masked");
}

gesso::pipelines::MaskedContent parse_masked_content(const std::string& s) {
  using gesso::pipelines::MaskedContent;
  if (s == "original") return MaskedContent::kOriginal;
  if (s == "fill") return MaskedContent::kFill;
  if (s == "latent-noise") return MaskedContent::kLatentNoise;
  if (s == "latent-nothing") return MaskedContent::kLatentNothing;
  throw gesso::RequestError("masked-content", "'" + s + "' is not original, fill, latent-noise or latent-nothing");
}

void finish_request(CliOptions& o) {
  auto& r = o.request;
  r.runtime.dtype = gesso::runtime::parse_dtype(o.dtype);
  o.runtime.apply(r.runtime);
  r.seed = o.seed >= 0 ? static_cast<uint64_t>(o.seed) : std::random_device{}() % 4294967296ull;
  r.inpaint.area = parse_area(o.area);
  r.inpaint.masked_content = parse_masked_content(o.masked_content);
  r.inpaint.composite = !o.no_composite;
  if (!o.init_path.empty()) r.init_image = gesso::io::read_image(o.init_path);
  if (!o.mask_path.empty()) r.mask = gesso::io::read_image(o.mask_path);
  add_control_units(o);
  if (r.mask && !r.init_image) throw gesso::RequestError("mask", "a mask needs --init-image");
  r.pipeline = r.mask ? gesso::pipelines::PipelineKind::kInpaint
                      : (r.init_image ? gesso::pipelines::PipelineKind::kImg2Img : gesso::pipelines::PipelineKind::kTxt2Img);
  if (o.repeat < 1 || o.repeat > 1000) throw gesso::RequestError("repeat", "must be within 1..1000");
  if (o.count < 1 || o.count > 10000) throw gesso::RequestError("count", "must be within 1..10000");
  // Fail before a long run, not after it.
  gesso::app::check_output(o.output, o.overwrite);
}

int generate(CliOptions& o) {
  finish_request(o);
  gesso::pipelines::StableDiffusionPipeline pipeline;
  gesso::app::CliProgress progress(o.quiet);
  const int total = o.count * o.request.num_images;
  int written = 0;
  for (int run = 0; run < o.count; ++run) {
    GenerationRequest r = o.request;
    r.seed = o.request.seed + static_cast<uint64_t>(run);
    auto result = pipeline.run(r, progress);
    for (int rep = 1; rep < o.repeat; ++rep) {
      std::fprintf(stderr, "run took %.4f s\n", result.seconds);
      result = pipeline.run(r, progress);
    }
    if (o.repeat > 1) std::fprintf(stderr, "run took %.4f s\n", result.seconds);
    if (!o.latents_path.empty() && run == 0)
      gesso::io::save_safetensors(o.latents_path, {{"latents", result.latents.to(torch::kFloat).cpu()}});
    for (size_t i = 0; i < result.images.size(); ++i) {
      const auto path = gesso::app::output_path(o.output, r.seed, written, total);
      gesso::app::write_result(path, result.images[i], gesso::io::format_a1111(result.parameters[i]), o.overwrite);
      ++written;
    }
    progress.finish_stage();
    if (!o.quiet) std::fprintf(stderr, "done in %.2f s\n", result.seconds);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Gesso command line: generate images without the GUI", "gesso-cli"};
  app.require_subcommand(0, 1);
  bool version = false;
  app.add_flag("--version", version, "Print Gesso, LibTorch and device versions, then exit");
  CliOptions options;
  CLI::App* gen = app.add_subcommand("generate", "txt2img, img2img (--init-image) or inpaint (--init-image --mask)");
  add_generation_options(*gen, options);
  gesso::app::IFCliOptions if_options;
  CLI::App* deepfloyd = app.add_subcommand("if", "DeepFloyd IF: stage I -> stage II -> (x4 upscaler)");
  gesso::app::add_if_options(*deepfloyd, if_options);
  gesso::app::UpscaleCliOptions upscale_options;
  CLI::App* upscale = app.add_subcommand("upscale", "Upscale x4 an image with the SD x4 upscaler (tiled when large)");
  gesso::app::add_upscale_options(*upscale, upscale_options);
  CLI11_PARSE(app, argc, argv);

  std::signal(SIGINT, [](int) { gesso::app::CliProgress::cancel_requested = true; });
  try {
    if (version) {
      std::cout << gesso::version_text("gesso-cli");
      return 0;
    }
    if (gen->parsed()) return generate(options);
    if (deepfloyd->parsed()) return gesso::app::run_if(if_options);
    if (upscale->parsed()) return gesso::app::run_upscale(upscale_options);
    std::cout << app.help();
    return 0;
  } catch (const gesso::CancelledError&) {
    std::cerr << "gesso-cli: cancelled; nothing was written for the unfinished image\n";
    return 130;
  } catch (const gesso::Error& e) {
    std::cerr << "gesso-cli: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "gesso-cli: unexpected error: " << e.what() << "\n";
    return 2;
  }
}
