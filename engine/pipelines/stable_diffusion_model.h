#pragma once
// The loaded components of an SD 1.x / 2.x model folder, on one device in one dtype.
#include <torch/types.h>

#include <optional>
#include <string>

#include "engine/io/model_folder.h"
#include "engine/models/autoencoder_kl.h"
#include "engine/models/clip_text_model.h"
#include "engine/models/unet_2d_condition.h"
#include "engine/schedulers/scheduler.h"
#include "engine/text/clip_tokenizer.h"

namespace gesso::pipelines {

struct StableDiffusionModel {
  io::ModelIndex index;
  torch::Device device = torch::kCPU;
  torch::ScalarType dtype = torch::kFloat;
  std::string variant;
  std::optional<text::CLIPTokenizer> tokenizer;
  models::CLIPTextModel text_encoder{nullptr};
  models::UNet2DConditionModel unet{nullptr};
  models::AutoencoderKL vae{nullptr};
  schedulers::SchedulerConfig scheduler_config;

  int vae_scale_factor() const;
  int default_size() const;  // unet sample_size * vae_scale_factor (512 for SD 1.5, 768 for SD 2)
  bool is_inpainting_unet() const;  // 9 input channels
  std::string name() const;         // the folder's name, for the "Model:" parameter
};

// Loads every component of a diffusers SD folder; ModelFileError names whatever is missing or bad.
StableDiffusionModel load_stable_diffusion(const std::string& dir, const torch::Device& device,
                                           torch::ScalarType dtype, const std::string& variant = "");

}  // namespace gesso::pipelines
