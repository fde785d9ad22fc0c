#pragma once
// What every pipeline shares: the seed's noise drawn as diffusers draws it, VAE encode/decode, and
// the one denoising loop (scheduler.step(guidance(unet(latents, t, Conditioning)))), whatever the
// family, the task (txt2img, img2img, inpaint) or the stage (base, refiner).
#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/io/image.h"
#include "engine/models/conditioning.h"
#include "engine/models/controlnet_model.h"
#include "engine/pipelines/tile_colour_fix.h"
#include "engine/models/vae_tiling.h"
#include "engine/pipelines/generation_request.h"
#include "engine/pipelines/model_bundle.h"
#include "engine/pipelines/network_library.h"
#include "engine/pipelines/observer.h"
#include "engine/runtime/batch_generator.h"
#include "engine/runtime/cuda_graph.h"

namespace gesso::pipelines {

using runtime::BatchGenerator;
using runtime::make_generator;

// diffusers' randn_tensor: drawn on the generator's device in `dtype` (row i of a batch from image
// i's generator), then moved to `device`.
torch::Tensor randn_tensor(c10::IntArrayRef shape, const BatchGenerator& generator, const torch::Device& device,
                           torch::ScalarType dtype);

// VAE encode, sampled with the generator (diffusers' retrieve_latents), times scaling_factor.
// `how` is the run's VAE tiling / slicing (runtime options). `images` > 1 repeats a one-image
// encode for a batch as diffusers' img2img does: with a generator per image each copy draws its
// own sample, with one generator the one sample is repeated.
torch::Tensor encode_image_latents(ModelBundle& model, const torch::Tensor& image, const BatchGenerator& gen,
                                   const models::VaeTiling& how = {}, int64_t images = 1);

// The VAE mode a request's runtime options ask for, for this model: SDXL tiles at 512 px (its
// config's 1024 would not tile a 1024² image at all; see models::VaeTiling::max_tile).
models::VaeTiling vae_mode(const runtime::RuntimeOptions& options, const ModelBundle& model);
inline constexpr int64_t kSdxlVaeTile = 512;

// A ControlNet as the loop runs it, inside the UNet's call (and its CUDA graph): the control image
// embedded once per run and batched as the ControlNet's input (the whole CFG batch, or its
// conditional half), and each step's scale per residual (weight x diffusers' keep x the control
// mode's factor; zero outside start / end).
struct ControlInput {
  models::ControlNetModelImpl* model = nullptr;
  torch::Tensor embedding;
  torch::Tensor scales;            // [steps run, residuals] float32 on the device, from the loop's first step
  bool conditional_only = false;   // guess mode, "ControlNet is more important": zero on the unconditional half
  std::string key;                 // which loaded ControlNet: joins the graph's key
};

// What the denoising loop needs beyond the scheduler and the UNet.
struct DenoiseInputs {
  torch::Tensor latents;          // the starting latents
  int begin_index = 0;            // first step (img2img / inpaint with strength < 1, a refiner's start)
  int end_index = -1;             // one past the last step (-1: all; a base handing over to its refiner)
  models::Conditioning conditioning;  // CFG-batched: [uncond; cond]
  // A1111's prompt editing: (end_at_step, record) in order, the record in force while the run's
  // step counter (from 0 at its first step; a refiner's continues the base's) is <= end_at_step.
  // Every record has the layout and shapes of `conditioning`. Empty: `conditioning` throughout.
  std::vector<std::pair<int, models::Conditioning>> schedule;
  std::vector<ControlInput> controls;  // their residuals summed into each step's record
  std::vector<TileColourFix> colour_fixes;  // applied to each step's noise prediction, before CFG
  double guidance_scale = 7.5;
  bool guidance = true;
  // The UNet predicts a variance after the noise (DeepFloyd IF: 2x the sample's channels). Guidance
  // mixes the noise only; with learned_variance the scheduler gets the conditional half's variance
  // after it (a learned / learned_range DDPM), else the variance is dropped (diffusers' IF pipelines).
  bool learned_variance = false;
  // Channels joined after the (scaled) sample, CFG-batched: 9-channel inpainting's [mask, masked
  // image latents], IF II's upscaled stage-I image, the x4 upscaler's noised low-resolution image.
  torch::Tensor unet_condition;
  // 4-channel inpainting: after each step, outside the mask the latents are the image's, noised to
  // the next step's level (diffusers' StableDiffusionInpaintPipeline blending).
  torch::Tensor blend_image_latents, blend_noise, blend_mask;
  // CUDA-graph replay of the UNet call (null: eager), and what besides the shapes keys its capture.
  runtime::GraphedFunction* graph = nullptr;
  std::string graph_key;
  // Progress across stages: the steps reported before this loop and the run's whole count.
  int steps_before = 0, steps_total = 0;
};

torch::Tensor denoise(ModelBundle& model, schedulers::Scheduler& scheduler, const DenoiseInputs& in,
                      const BatchGenerator& generator, Observer& observer);

// The common state of one run: scheduler with its timesteps, generator, conditioning, loop inputs.
struct RunContext {
  ModelBundle& model;
  const GenerationRequest& request;
  const PromptNetworks& networks;  // the prompt without its tags, and the embeddings it names
  int width, height;
  std::unique_ptr<schedulers::Scheduler> scheduler;
  BatchGenerator generator;  // one per image: seed, seed + 1, ...
  DenoiseInputs inputs;
};

// The seed's latent noise for the whole batch: [num_images, latent_channels, H/8, W/8].
torch::Tensor latent_noise(RunContext& ctx);

// diffusers' get_timesteps: the first step index for img2img strength.
int begin_index_for_strength(int steps, double strength, int order);

// The image as a [1,3,H,W] tensor in [-1,1] at (width, height), resized (Lanczos) when it differs.
torch::Tensor image_tensor_at(const Image& image, int width, int height);

}  // namespace gesso::pipelines
