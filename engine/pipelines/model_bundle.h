#pragma once
// A loaded model: its named components (text conditioner and its encoders, UNet, VAE, scheduler
// config), built from model_index.json's class names, on one device in one dtype, with the
// runtime state loading gave them (layout, offload) and a weights version that caches and CUDA
// graphs compare. A base and its refiner are two bundles.
#include <torch/types.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/io/model_folder.h"
#include "engine/models/autoencoder_kl.h"
#include "engine/models/unet_2d_condition.h"
#include "engine/networks/weight_patcher.h"
#include "engine/pipelines/model_family.h"
#include "engine/pipelines/model_source.h"
#include "engine/pipelines/text_conditioner.h"
#include "engine/runtime/module_offload.h"
#include "engine/runtime/runtime_options.h"
#include "engine/runtime/vram_estimate.h"
#include "engine/schedulers/scheduler.h"

namespace gesso::pipelines {

// What a loaded bundle was loaded for: a request with another key needs the model loaded again.
struct LoadKey {
  ModelSpec model;
  torch::Device device = torch::kCPU;
  torch::ScalarType dtype = torch::kFloat;
  bool vae_fp32 = false;
  std::string variant;
  runtime::Offload offload = runtime::Offload::kNone;
  bool channels_last = false;
  bool text_encoder_on_cpu = false;

  static LoadKey of(const ModelSpec& model, const torch::Device& device, const runtime::RuntimeOptions& options);
  bool operator==(const LoadKey&) const = default;
};

struct ModelBundle {
  io::ModelIndex index;
  ModelFamily family = ModelFamily::kSD1;
  LoadKey key;
  torch::ScalarType vae_dtype = torch::kFloat;  // key.dtype, or float32 (vae_fp32, or force_upcast in fp16)
  bool channels_last = false;                   // the UNet's and VAE's convolution weights are NHWC
  std::unique_ptr<TextConditioner> conditioner;  // none for IF stage II (stage I's embeddings serve it)
  models::UNet2DConditionModel unet{nullptr};
  models::AutoencoderKL vae{nullptr};           // none for DeepFloyd IF (pixel space)
  schedulers::SchedulerConfig scheduler_config;
  // IF II's image_noising_scheduler / the x4 upscaler's low_res_scheduler (model_source.h).
  std::optional<schedulers::SchedulerConfig> noise_scheduler_config;
  runtime::OffloadSet offloads;  // with CPU offload, where each component's weights wait between uses
  // Bumped by prepare(): every cached value and CUDA graph built from the weights keys on it.
  uint64_t weights_version = 0;
  // What loading decided on its own (a single file's prediction type, the VAE chosen), for the user.
  std::vector<std::string> notes;
  // The LoRAs merged into the weights now (lora_loader.h), and what takes them out again.
  networks::WeightPatcher patcher;
  std::string lora_key;

  const torch::Device& device() const { return key.device; }
  torch::ScalarType dtype() const { return key.dtype; }
  int vae_scale_factor() const;     // 1 without a VAE (pixel space)
  int default_size() const;          // unet sample_size * vae_scale_factor (512 for SD 1.5, 1024 for SDXL)
  bool is_inpainting_unet() const;   // 9 input channels
  bool needs_time_ids() const;       // the UNet's addition_embed_type "text_time" (SDXL)
  std::string name() const;          // the folder's name or the file's stem, for the "Model:" parameter
  // What an error about `part` of a folder ("unet/config.json") names: that file, or the single file.
  std::string file_of(const std::string& part) const;
  // The modules by component name ("text_encoder", "text_encoder_2", "unet", "vae").
  std::vector<std::pair<std::string, torch::nn::Module*>> components();

  // The fused path's preparation pass (UNet2DConditionModelImpl::prepare), after loading and after
  // any weight patch; bumps weights_version.
  void prepare();
};

// Loads every component of the model (a diffusers folder: those model_index.json names, by class;
// a single-file checkpoint: those its family has), with the spec's VAE in place of its own;
// ModelFileError names whatever is missing, unknown or bad. Dtype, variant, vae_fp32, offload and
// channels_last come from `options`; computation runs on `device`. Each tensor goes from the file's
// mapping straight to its device and dtype. Runs outside InferenceMode, so that the parameters keep
// version counters (an in-place patch is then seen by every cache).
std::unique_ptr<ModelBundle> load_model_bundle(const ModelSpec& model, const torch::Device& device,
                                               const runtime::RuntimeOptions& options);
// A diffusers folder or single file with its own VAE.
std::unique_ptr<ModelBundle> load_model_bundle(const std::string& path, const torch::Device& device,
                                               const runtime::RuntimeOptions& options);

// The VAE in float32 for good, offload included: A1111's answer to an fp16 VAE that overflowed
// (its automatic --no-half-vae), so that every later decode of this model works the first time.
void upcast_vae(ModelBundle& model);

// What the VRAM estimate needs to know of the model.
runtime::ModelFootprint footprint(const ModelBundle& model);

// Converts the UNet's and VAE's convolution weights to channels-last (NHWC) or back (at load time:
// offloaded components keep the layout they had when their host copies were taken).
void set_channels_last(ModelBundle& model, bool channels_last);

}  // namespace gesso::pipelines
