#pragma once
// sd-webui-controlnet's tile colour fix ("tile_colorfix", "tile_colorfix+sharp"): after each UNet
// call, the noise prediction is replaced by one whose predicted image keeps its own detail but takes
// its low frequencies (a box blur of radius k, the preprocessor's "Variation") from the control
// image's latents, so that a tile upscale keeps the source's colours. "+sharp" blurs the
// unconditional half's prediction ("Sharpness"), which CFG then pushes away from. Weighted by the
// unit's weight, clamped to [0, 1]; at the steps where the unit's ControlNet runs.
#include <torch/types.h>

#include <optional>
#include <vector>

#include "engine/models/vae_tiling.h"
#include "engine/pipelines/generation_request.h"
#include "engine/pipelines/model_bundle.h"

namespace gesso::pipelines {

struct TileColourFix {
  torch::Tensor latents;        // the control image's VAE latents (mean x scaling_factor), UNet-batched
  torch::Tensor alphas_cumprod; // the model's training schedule, float32 on the CPU
  int64_t radius = 8;           // k: a (2k + 1)^2 box
  double detail = -1;           // "+sharp": 0.01 x Sharpness; < 0 without
  double weight = 1;            // clamped to [0, 1]
  std::vector<bool> active;     // per step run: the unit's start / end window
};

// The fix a unit asks for (its preprocessor is tile_colorfix or tile_colorfix+sharp), nullopt
// otherwise. `image` is the unit's control image at the output size in [0, 1] ([1, 3, H, W]);
// `batch` the UNet's batch (images x 2 under CFG). Throws RequestError for a model that does not
// predict noise (the fix is defined on epsilon predictions, as sd-webui-controlnet's).
std::optional<TileColourFix> tile_colour_fix_for(const ControlUnit& unit, std::size_t index, ModelBundle& model,
                                                 const torch::Tensor& image, int64_t batch, int steps,
                                                 const models::VaeTiling& how);

// The noise prediction `eps` of the UNet's input `x_t` (scheduler-scaled: the DDPM x_t) at
// timestep `t` (rounded to the training step), fixed. `guidance`: the batch is [uncond; cond].
torch::Tensor apply_tile_colour_fix(const TileColourFix& fix, const torch::Tensor& eps, const torch::Tensor& x_t,
                                    double t, bool guidance);

}  // namespace gesso::pipelines
