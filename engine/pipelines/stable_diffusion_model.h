#pragma once
// The loaded components of an SD 1.x / 2.x model folder, on one device in one dtype.
#include <torch/types.h>

#include <memory>
#include <optional>
#include <string>

#include "engine/io/model_folder.h"
#include "engine/models/autoencoder_kl.h"
#include "engine/models/clip_text_model.h"
#include "engine/models/unet_2d_condition.h"
#include "engine/runtime/module_offload.h"
#include "engine/runtime/runtime_options.h"
#include "engine/runtime/vram_estimate.h"
#include "engine/schedulers/scheduler.h"
#include "engine/text/clip_tokenizer.h"

namespace gesso::pipelines {

struct StableDiffusionModel {
  io::ModelIndex index;
  torch::Device device = torch::kCPU;
  torch::ScalarType dtype = torch::kFloat;
  torch::ScalarType vae_dtype = torch::kFloat;  // dtype, or float32 when the VAE is upcast
  std::string variant;
  runtime::Offload offload = runtime::Offload::kNone;
  bool channels_last = false;
  std::optional<text::CLIPTokenizer> tokenizer;
  models::CLIPTextModel text_encoder{nullptr};
  models::UNet2DConditionModel unet{nullptr};
  models::AutoencoderKL vae{nullptr};
  schedulers::SchedulerConfig scheduler_config;
  // With CPU offload, where each component's weights wait between uses (else null).
  std::unique_ptr<runtime::ModuleOffload> text_encoder_offload, unet_offload, vae_offload;

  int vae_scale_factor() const;
  int default_size() const;  // unet sample_size * vae_scale_factor (512 for SD 1.5, 768 for SD 2)
  bool is_inpainting_unet() const;  // 9 input channels
  std::string name() const;         // the folder's name, for the "Model:" parameter
};

// Loads every component of a diffusers SD folder; ModelFileError names whatever is missing or bad.
// Reads dtype, variant, vae_fp32 and offload from `options`; computation runs on `device`.
StableDiffusionModel load_stable_diffusion(const std::string& dir, const torch::Device& device,
                                           const runtime::RuntimeOptions& options);

// Whether `model` was loaded for these options (else it must be loaded again).
bool loaded_for(const StableDiffusionModel& model, const std::string& dir, const torch::Device& device,
                const runtime::RuntimeOptions& options);

// What the VRAM estimate needs to know of the model.
runtime::ModelFootprint footprint(const StableDiffusionModel& model);

// Converts the UNet's and VAE's convolution weights to channels-last (NHWC) or back (at load time:
// offloaded components keep the layout they had when their host copies were taken).
void set_channels_last(StableDiffusionModel& model, bool channels_last);

}  // namespace gesso::pipelines
