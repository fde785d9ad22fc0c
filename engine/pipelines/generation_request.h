#pragma once
// What a user asks for, as a plain value: copied into the worker so it cannot change under a run.
#include <torch/types.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "engine/control/preprocessor.h"
#include "engine/io/image.h"
#include "engine/pipelines/model_spec.h"
#include "engine/runtime/runtime_options.h"

namespace gesso::pipelines {

enum class PipelineKind { kTxt2Img, kImg2Img, kInpaint };

// AUTOMATIC1111's inpainting options.
enum class InpaintArea { kWholePicture, kOnlyMasked };
enum class MaskedContent { kOriginal, kFill, kLatentNoise, kLatentNothing };

struct InpaintOptions {
  int mask_blur = 4;                  // px, Gaussian; softens the composite border
  InpaintArea area = InpaintArea::kWholePicture;
  int only_masked_padding = 32;       // px around the mask's bounding box
  MaskedContent masked_content = MaskedContent::kOriginal;
  bool composite = true;              // paste onto the original through the blurred mask
};

// AUTOMATIC1111's Hires. fix (txt2img only): the image is made at the request's size, its latents
// upscaled (a "Latent" mode of torch's interpolate, or decoded, resized by an image upscaler and
// encoded again), then denoised again at `strength` for `steps` steps (0: the first pass's count),
// as A1111's img2img runs them. The target is width x height times `scale`, unless resize_width /
// resize_height name a size (A1111's "Resize width/height to": one of them 0 keeps the aspect;
// both given, the image is scaled to cover and centre-cropped). hires_fix.h has the details.
struct HiresFix {
  bool enabled = false;
  double scale = 2.0;            // "Upscale by"
  int steps = 0;                 // "Hires steps"; 0: the first pass's steps
  double strength = 0.7;         // "Denoising strength" of the second pass (A1111's default)
  std::string upscaler = "Latent";  // hires_upscalers()
  std::string upscaler_model;       // "SD x4": the x4 upscaler's folder (StableDiffusionUpscalePipeline)
  int resize_width = 0, resize_height = 0;  // 0, 0: by `scale`

  bool operator==(const HiresFix&) const = default;
};

using runtime::RuntimeOptions;

// sd-webui-controlnet's control modes: how the control weighs against the prompt. The last two
// scale the residuals by depth (0.825^(12 - i), "soft injection"); the last also applies them to the
// conditional half of the CFG batch only.
enum class ControlMode { kBalanced, kPrompt, kControl };
// How a control image of another aspect reaches the output size: stretched; scaled to cover and
// centre-cropped; scaled to fit and centred on its border's median colour.
enum class ResizeMode { kJustResize, kCropAndResize, kResizeAndFill };

// One ControlNet of a run (diffusers' controlnet_conditioning_scale, control_guidance_start / end,
// guess_mode; sd-webui-controlnet's unit): its model, its image and the preprocessor the pipeline
// runs on it ("none": the image is the control image already).
struct ControlUnit {
  std::string model;       // a diffusers folder or a single file with control_model.* keys
  std::string model_hash;  // A1111's short hash, for the PNG text ("" leaves it out)
  Image image;             // empty in img2img / inpaint: the init image (as sd-webui-controlnet)
  control::PreprocessorSettings preprocessor;
  double scale = 1.0;
  double start = 0.0, end = 1.0;  // fractions of the steps run
  bool guess_mode = false;        // the control on the conditional half only, scaled 0.1 .. 1 by depth
  ControlMode control_mode = ControlMode::kBalanced;
  ResizeMode resize_mode = ResizeMode::kJustResize;
};

struct GenerationRequest {
  PipelineKind pipeline = PipelineKind::kTxt2Img;
  // The model: a diffusers folder or a single-file checkpoint (.safetensors, .ckpt, ...).
  std::string model_dir;
  // A1111's short hash of the model file (the library's, which caches it), written as "Model
  // hash"; "" leaves it out.
  std::string model_hash;
  // A separate VAE (A1111's "SD VAE"): a VAE file or a diffusers VAE folder that replaces the
  // model's own; "" is "Automatic" (the model's). vae_hash as model_hash, for "VAE hash".
  std::string vae;
  std::string vae_hash;
  // Single files only: "epsilon" or "v_prediction" overrides what the file and its .yaml say;
  // "" detects it (single_file_source.h).
  std::string prediction_type;
  // Single files only: a diffusers folder whose configs and tokenizers describe the file's
  // components (diffusers' from_single_file(config=...)); "" builds them from the family's
  // published defaults.
  std::string model_config;
  // AUTOMATIC1111's prompt syntax: emphasis, BREAK and 75-token chunks, [from:to:when] and [a|b]
  // (in the negative too), <lora:name:weight>, and embeddings by name. With plain_prompts,
  // diffusers' prompts: the text as it is in one 77-token window (no tags, no edits).
  std::string prompt;
  std::string negative_prompt;
  bool plain_prompts = false;
  // The library's folders: <lora:name:w> names a file in lora_dir by its stem; a word of the
  // prompt that is the stem of a file in embeddings_dir is that embedding. "": none.
  std::string lora_dir, embeddings_dir;
  // A1111's short hashes of LoRA and embedding files by path (the library's), written as "Lora
  // hashes" / "TI hashes"; a file without one is written without.
  std::map<std::string, std::string> network_hashes;
  uint64_t seed = 0;
  int width = 0, height = 0;          // 0: the model's native size
  int steps = 20;
  double guidance_scale = 7.5;
  std::string sampler;                // "": the model's own scheduler (its scheduler_config.json)
  double strength = 0.75;             // img2img; inpaint uses it too (1.0 = from pure noise)
  double eta = 0.0;                   // DDIM
  int clip_skip = 0;
  int num_images = 1;
  std::optional<Image> init_image;
  std::optional<Image> mask;          // white = repaint
  InpaintOptions inpaint;
  // SDXL. A refiner folder: the base denoises up to refiner_switch (a fraction of the noise
  // schedule, diffusers' denoising_end), the refiner the rest (denoising_start), from the base's
  // latents. A1111's "Refiner" / "Refiner switch at".
  std::string refiner_dir;
  double refiner_switch = 0.8;
  double aesthetic_score = 6.0, negative_aesthetic_score = 2.5;  // a refiner's conditioning
  int original_width = 0, original_height = 0;  // SDXL's size conditioning (0: the output size)
  int crop_left = 0, crop_top = 0;
  HiresFix hires;
  // ControlNets, their residuals summed (base model only; not with a refiner).
  std::vector<ControlUnit> controlnets;
  RuntimeOptions runtime;
};

// The models the request names, with the choices that change their weights: the base (its VAE,
// prediction type and config folder) and the refiner (the same VAE: A1111 applies the chosen VAE to
// whichever model decodes).
ModelSpec base_model(const GenerationRequest& request);
ModelSpec refiner_model(const GenerationRequest& request);

// Throws RequestError naming the field for anything out of range (size not a multiple of 8, steps
// of 0, strength outside (0, 1], a missing init image or mask, ...).
void validate(const GenerationRequest& request);

const char* to_string(PipelineKind kind);
// sd-webui-controlnet's names ("Balanced", "Crop and Resize", ...): its PNG text and menus.
const char* to_string(ControlMode mode);
const char* to_string(ResizeMode mode);
std::optional<ControlMode> control_mode_from(const std::string& name);
std::optional<ResizeMode> resize_mode_from(const std::string& name);

}  // namespace gesso::pipelines
