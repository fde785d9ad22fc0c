#pragma once
// AUTOMATIC1111's Hires. fix (modules/processing.py, StableDiffusionProcessingTxt2Img): the size
// the first pass's latents are upscaled to, the upscale itself, the second pass's step count, and
// the keys A1111 writes into the PNG text for it. The second pass runs in the SD pipeline.
#include <torch/torch.h>

#include <optional>
#include <string>
#include <vector>

#include "engine/io/a1111_parameters.h"
#include "engine/pipelines/generation_request.h"
#include "engine/pipelines/x4_upscaler.h"

namespace gesso::pipelines {

// The upscalers, by A1111's names: its latent modes (torch's interpolate on the latents:
// "Latent" is bilinear without antialiasing), two of its image resamplers ("Lanczos", "Nearest":
// the first pass decoded, resized, and encoded again) and "SD x4" (below).
const std::vector<std::string>& hires_upscalers();
bool is_hires_upscaler(const std::string& name);
bool is_latent_upscaler(const std::string& name);

// "SD x4": Stability's x4 upscaler (HiresFix::upscaler_model) on each decoded first-pass image, in
// tiles as Upscale x4 runs it, its noise from the image's generator (continuing), then resized
// (Lanczos) to the second pass's size and encoded again, as A1111 runs its image upscalers. Its
// settings: diffusers' guidance and noise level, 20 steps (the second pass redraws the detail).
inline constexpr const char* kX4HiresUpscaler = "SD x4";
inline const X4Settings kHiresX4Settings{.steps = 20};
inline constexpr int kHiresX4Tile = 128, kHiresX4Overlap = 32;

// A1111's calculate_target_resolution: the latents are scaled to upscale_width / f x
// upscale_height / f (f: the VAE's factor, 8), then truncate_x columns and truncate_y rows are cut
// off, centred (only when both resize sizes are given and the aspect differs: the cover-and-crop).
struct HiresSize {
  int upscale_width = 0, upscale_height = 0;  // hr_upscale_to_x / _y, in pixels
  int truncate_x = 0, truncate_y = 0;         // in latent columns / rows
  int latent_width(int f) const { return upscale_width / f - truncate_x; }
  int latent_height(int f) const { return upscale_height / f - truncate_y; }
};

// For a first pass of width x height. Throws RequestError("hires") when the result is smaller
// than one latent or larger than 8192 pixels.
HiresSize hires_size(int width, int height, const HiresFix& hires, int factor = 8);

// The steps the second pass runs: hires.steps, or the first pass's when 0 (A1111).
int hires_steps(const GenerationRequest& request);
// The schedule those steps are the last of: A1111 (its setup_img2img_steps for a given count) runs
// exactly `steps` img2img steps, the last ones of a schedule of int(steps / min(strength, 0.999))
// steps (here at most `max_steps`, the model's training steps), from the image noised to the first
// of them. diffusers' img2img does the same with num_inference_steps set to this schedule and a
// strength of steps / schedule (its own strength would run int(schedule * strength) steps, one
// fewer where the product rounds down).
int hires_schedule_steps(int steps, double strength, int max_steps = 1000);

// The latent upscale: torch's interpolate to (height, width) in the upscaler's mode.
torch::Tensor upscale_latents(const torch::Tensor& latents, const std::string& upscaler, int width, int height);
// sample_hr_pass's centred slice: [:, :, ty/2 : H - (ty+1)/2, tx/2 : W - (tx+1)/2].
torch::Tensor truncate_latents(const torch::Tensor& latents, int truncate_x, int truncate_y);

// What A1111 writes for a Hires. fix run: "Denoising strength" (the second pass's), "Hires upscale"
// (or "Hires resize: WxH" when a size is given), "Hires steps" (when not 0) and "Hires upscaler";
// for SD x4 also "Hires upscaler model" (the folder's name).
void add_hires_parameters(io::GenerationParameters& params, const HiresFix& hires);
// The Hires. fix a text records (enabled), or nullopt when it has no "Hires ..." key. What it
// leaves out takes A1111's defaults. The upscaler is as written, known here or not. Throws
// RequestError("parameters") for a malformed value ("Hires steps: many").
std::optional<HiresFix> hires_from_parameters(const io::GenerationParameters& params);

}  // namespace gesso::pipelines
