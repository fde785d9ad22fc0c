#include "engine/pipelines/stable_diffusion_model.h"

#include <torch/torch.h>

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
                                           const runtime::RuntimeOptions& options) {
  StableDiffusionModel m;
  m.index = io::read_model_index(dir);
  io::require_components(m.index, {"tokenizer", "text_encoder", "unet", "vae", "scheduler"});
  m.device = device;
  m.dtype = options.dtype;
  m.vae_dtype = options.vae_fp32 ? torch::kFloat : options.dtype;
  m.variant = options.variant;
  m.offload = options.offload;  // on the CPU too: the same bookkeeping, copies standing in for uploads
  io::LoadOptions load;
  // Offloaded weights go to host memory first; ModuleOffload pins them there.
  load.device = m.offload == runtime::Offload::kNone ? device : torch::Device(torch::kCPU);
  load.dtype = options.dtype;
  const auto& variant = options.variant;
  m.tokenizer = text::CLIPTokenizer::from_dir(m.index.path("tokenizer"));
  m.text_encoder = models::CLIPTextModel(
      models::CLIPTextConfig::from_json_file(m.index.path("text_encoder") + "/config.json"));
  m.text_encoder->load_weights(io::open_component_weights(m.index.path("text_encoder"), variant), load);
  m.unet = models::load_unet_2d_condition(m.index.path("unet"), load, variant);
  auto vae_load = load;
  vae_load.dtype = m.vae_dtype;
  m.vae = models::load_autoencoder_kl(m.index.path("vae"), vae_load, variant);
  m.scheduler_config = schedulers::load_scheduler_config(m.index.path("scheduler") + "/scheduler_config.json");
  // As diffusers' StableDiffusionPipeline does for early SD 1.x configs (its deprecation fixes).
  m.scheduler_config.steps_offset = 1;
  if (m.scheduler_config.clip_sample.value_or(false)) m.scheduler_config.clip_sample = false;
  m.text_encoder->eval();
  m.unet->eval();
  m.vae->eval();
  set_channels_last(m, options.channels_last);  // before offload takes the host copies
  if (m.offload != runtime::Offload::kNone) {
    m.text_encoder_offload = std::make_unique<runtime::ModuleOffload>(*m.text_encoder, device, m.offload);
    m.unet_offload = std::make_unique<runtime::ModuleOffload>(*m.unet, device, m.offload);
    m.vae_offload = std::make_unique<runtime::ModuleOffload>(*m.vae, device, m.offload,
                                                             runtime::ModuleOffload::kShallowPrefetchBytes);
  }
  return m;
}

bool loaded_for(const StableDiffusionModel& m, const std::string& dir, const torch::Device& device,
                const runtime::RuntimeOptions& o) {
  return m.index.dir == dir && m.device == device && m.dtype == o.dtype && m.variant == o.variant &&
         m.vae_dtype == (o.vae_fp32 ? torch::kFloat : o.dtype) && m.offload == o.offload &&
         m.channels_last == o.channels_last;
}

namespace {

int64_t weight_bytes(const torch::nn::Module& module) {
  int64_t bytes = 0;
  for (const auto& p : module.parameters()) bytes += static_cast<int64_t>(p.numel() * p.element_size());
  return bytes;
}

}  // namespace

runtime::ModelFootprint footprint(const StableDiffusionModel& m) {
  runtime::ModelFootprint f;
  f.text_encoder_bytes = weight_bytes(*m.text_encoder);
  f.unet_bytes = weight_bytes(*m.unet);
  f.vae_bytes = weight_bytes(*m.vae);
  const auto& heads = m.unet->config().num_attention_heads;
  f.unet_heads = heads.empty() ? 8 : heads.front();
  f.vae_scale_factor = m.vae_scale_factor();
  f.vae_tile_pixels = m.vae->config().sample_size.front();
  f.unet_dtype_bytes = static_cast<int>(c10::elementSize(m.dtype));
  f.vae_dtype_bytes = static_cast<int>(c10::elementSize(m.vae_dtype));
  return f;
}

void set_channels_last(StableDiffusionModel& m, bool channels_last) {
  if (m.channels_last == channels_last) return;
  torch::NoGradGuard no_grad;
  const auto format = channels_last ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
  for (torch::nn::Module* module : {static_cast<torch::nn::Module*>(m.unet.get()), static_cast<torch::nn::Module*>(m.vae.get())})
    for (auto& p : module->parameters())
      if (p.dim() == 4) p.set_data(p.contiguous(format));
  m.channels_last = channels_last;
}

}  // namespace gesso::pipelines
