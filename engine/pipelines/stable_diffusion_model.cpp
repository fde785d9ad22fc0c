#include "engine/pipelines/stable_diffusion_model.h"

#include <filesystem>

namespace gesso::pipelines {

int StableDiffusionModel::vae_scale_factor() const { return static_cast<int>(vae->config().downscale_factor()); }

int StableDiffusionModel::default_size() const {
  const auto& s = unet->config().sample_size;
  return static_cast<int>(s && !s->empty() ? s->front() : 64) * vae_scale_factor();
}

bool StableDiffusionModel::is_inpainting_unet() const { return unet->config().in_channels == 9; }

std::string StableDiffusionModel::name() const {
  auto p = std::filesystem::path(index.dir).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();  // "models/sd15/"
  return p.filename().string();
}

StableDiffusionModel load_stable_diffusion(const std::string& dir, const torch::Device& device,
                                           torch::ScalarType dtype, const std::string& variant) {
  StableDiffusionModel m;
  m.index = io::read_model_index(dir);
  io::require_components(m.index, {"tokenizer", "text_encoder", "unet", "vae", "scheduler"});
  m.device = device;
  m.dtype = dtype;
  m.variant = variant;
  io::LoadOptions options;
  options.device = device;
  options.dtype = dtype;
  m.tokenizer = text::CLIPTokenizer::from_dir(m.index.path("tokenizer"));
  m.text_encoder = models::CLIPTextModel(
      models::CLIPTextConfig::from_json_file(m.index.path("text_encoder") + "/config.json"));
  m.text_encoder->load_weights(io::open_component_weights(m.index.path("text_encoder"), variant), options);
  m.unet = models::load_unet_2d_condition(m.index.path("unet"), options, variant);
  m.vae = models::load_autoencoder_kl(m.index.path("vae"), options, variant);
  m.scheduler_config = schedulers::load_scheduler_config(m.index.path("scheduler") + "/scheduler_config.json");
  // As diffusers' StableDiffusionPipeline does for early SD 1.x configs (its deprecation fixes).
  m.scheduler_config.steps_offset = 1;
  if (m.scheduler_config.clip_sample.value_or(false)) m.scheduler_config.clip_sample = false;
  m.text_encoder->eval();
  m.unet->eval();
  m.vae->eval();
  return m;
}

}  // namespace gesso::pipelines
