#include "engine/pipelines/model_bundle.h"

#include <c10/core/InferenceMode.h>
#include <torch/torch.h>

#include <filesystem>

#include "engine/error.h"
#include "engine/models/autoencoder_kl_config.h"
#include "engine/pipelines/clip_conditioner.h"
#include "engine/pipelines/model_footprint.h"
#include "engine/pipelines/pipeline_common.h"
#include "engine/pipelines/sdxl_conditioner.h"
#include "engine/pipelines/t5_conditioner.h"

namespace gesso::pipelines {

LoadKey LoadKey::of(const ModelSpec& model, const torch::Device& device, const runtime::RuntimeOptions& o) {
  return {.model = model, .device = device, .dtype = o.dtype, .vae_fp32 = o.vae_fp32, .variant = o.variant,
          .offload = o.offload, .channels_last = o.channels_last, .text_encoder_on_cpu = o.text_encoder_on_cpu};
}

int ModelBundle::vae_scale_factor() const { return vae ? static_cast<int>(vae->config().downscale_factor()) : 1; }

int ModelBundle::default_size() const {
  const auto& s = unet->config().sample_size;
  return static_cast<int>(s && !s->empty() ? s->front() : 64) * vae_scale_factor();
}

bool ModelBundle::is_inpainting_unet() const { return unet->config().in_channels == 9; }

bool ModelBundle::needs_time_ids() const {
  return unet->config().addition_embed_type == models::AdditionEmbedType::TextTime;
}

std::string ModelBundle::name() const {
  auto p = std::filesystem::path(index.dir).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();  // "models/sd15/"
  // A1111 names a checkpoint without its extension ("Model: sd_xl_base_1.0").
  return std::filesystem::is_directory(p) ? p.filename().string() : p.stem().string();
}

std::string ModelBundle::file_of(const std::string& part) const {
  return std::filesystem::is_directory(index.dir) ? index.dir + "/" + part : index.dir;
}

std::vector<std::pair<std::string, torch::nn::Module*>> ModelBundle::components() {
  std::vector<std::pair<std::string, torch::nn::Module*>> out;
  if (conditioner) out = conditioner->encoders();
  out.emplace_back("unet", unet.get());
  if (vae) out.emplace_back("vae", vae.get());
  return out;
}

void ModelBundle::prepare() {
  unet->prepare();
  ++weights_version;
}

namespace {

models::CLIPTextModel load_text_encoder(const ModelSource& source, const std::string& component,
                                        const io::LoadOptions& load) {
  const auto& c = source.component(component);
  models::CLIPTextModel m(models::CLIPTextConfig::from_reader(c.config),
                          source.index.class_of(component) == "CLIPTextModelWithProjection");
  m->load_weights(c.weights, load);
  m->eval();
  return m;
}

// T5 on the CPU computes in bfloat16 (float32 for a float32 run): fp16 matmuls are slow there, and
// T5's activations overflow fp16 besides.
io::LoadOptions text_encoder_load(const io::LoadOptions& load, const runtime::RuntimeOptions& options) {
  if (!options.text_encoder_on_cpu) return load;
  auto cpu = load;
  cpu.device = torch::kCPU;
  cpu.dtype = options.dtype == torch::kFloat ? torch::kFloat : torch::kBFloat16;
  return cpu;
}

std::unique_ptr<TextConditioner> load_conditioner(const ModelSource& source, const io::LoadOptions& load,
                                                  const runtime::RuntimeOptions& options) {
  if (source.family == ModelFamily::kIFSuperResolution) return nullptr;
  if (source.family == ModelFamily::kIF) {
    const auto& c = source.component("text_encoder");
    return std::make_unique<T5Conditioner>(text::T5Tokenizer::from_dir(source.tokenizers.at("tokenizer").dir),
                                           models::load_t5_encoder(c.config, c.weights, text_encoder_load(load, options)));
  }
  if (!is_sdxl(source.family))
    return std::make_unique<ClipConditioner>(source.tokenizers.at("tokenizer").load(),
                                             load_text_encoder(source, "text_encoder", load));
  std::vector<ClipEncoder> encoders;
  for (const auto& [tokenizer, encoder] : {std::pair{"tokenizer", "text_encoder"}, {"tokenizer_2", "text_encoder_2"}}) {
    if (!source.components.count(encoder)) continue;
    encoders.push_back({encoder, source.tokenizers.at(tokenizer).load(), load_text_encoder(source, encoder, load)});
  }
  return std::make_unique<SdxlConditioner>(std::move(encoders),
                                           source.index.flag("force_zeros_for_empty_prompt", true));
}

// diffusers' SDXL and x4 upscaler pipelines run the VAE in float32 where its config asks (force_upcast: the
// published SDXL VAE overflows in fp16) whenever the pipeline is fp16; SD 1.x / 2.x pipelines
// ignore the flag. An fp16-safe VAE (force_upcast false) stays in fp16.
torch::ScalarType vae_dtype_for(ModelFamily family, const models::AutoencoderKLConfig& vae,
                                const runtime::RuntimeOptions& o) {
  if (o.vae_fp32) return torch::kFloat;
  if ((is_sdxl(family) || family == ModelFamily::kSDUpscale) && vae.force_upcast && o.dtype == torch::kHalf)
    return torch::kFloat;
  return o.dtype;
}

void add_offloads(ModelBundle& m, const torch::Device& device) {
  // A T5 kept on the CPU stays there: nothing to upload.
  if (m.conditioner && !m.key.text_encoder_on_cpu)
    for (const auto& [name, module] : m.conditioner->encoders()) m.offloads.add(name, *module, device, m.key.offload);
  auto& unet = m.offloads.add("unet", *m.unet, device, m.key.offload);
  // Each upload gives the UNet fresh, separate weight tensors: joined again for the fused path.
  unet.set_after_upload([unet_module = m.unet]() mutable { unet_module->prepare(); });
  if (m.vae) m.offloads.add("vae", *m.vae, device, m.key.offload, runtime::ModuleOffload::kShallowPrefetchBytes);
}

// diffusers' SD 1.x / 2.x pipelines fix old scheduler configs (steps_offset, clip_sample); SDXL,
// IF and the upscaler do not.
bool takes_stable_diffusion_fixes(ModelFamily family) {
  return family == ModelFamily::kSD1 || family == ModelFamily::kSD2;
}

void load_vae(ModelBundle& m, const ModelSource& source, const io::LoadOptions& load,
              const runtime::RuntimeOptions& options) {
  if (!source.components.count("vae")) return;
  const auto& vae = source.component("vae");
  m.vae_dtype = vae_dtype_for(m.family, models::AutoencoderKLConfig::from_reader(vae.config), options);
  auto vae_load = load;
  vae_load.dtype = m.vae_dtype;
  m.vae = models::load_autoencoder_kl(vae.config, vae.weights, vae_load);
}

}  // namespace

std::unique_ptr<ModelBundle> load_model_bundle(const ModelSpec& spec, const torch::Device& device,
                                               const runtime::RuntimeOptions& options) {
  // Parameters made under InferenceMode would be inference tensors, which have no version counter.
  const c10::InferenceMode not_inference(false);
  torch::NoGradGuard no_grad;
  auto source = open_model_source(spec, options.variant);
  auto m = std::make_unique<ModelBundle>();
  m->index = source.index;
  m->family = source.family;
  m->notes = source.notes;
  m->key = LoadKey::of(spec, device, options);
  io::LoadOptions load;
  // Offloaded weights go to host memory first; ModuleOffload pins them there (on the CPU too: the
  // same bookkeeping, copies standing in for uploads).
  load.device = options.offload == runtime::Offload::kNone ? device : torch::Device(torch::kCPU);
  load.dtype = options.dtype;
  m->conditioner = load_conditioner(source, load, options);
  const auto& unet = source.component("unet");
  m->unet = models::load_unet_2d_condition(unet.config, unet.weights, load);
  load_vae(*m, source, load, options);
  m->scheduler_config = source.scheduler;
  m->noise_scheduler_config = source.noise_scheduler;
  if (takes_stable_diffusion_fixes(m->family)) schedulers::apply_stable_diffusion_fixes(m->scheduler_config);
  set_channels_last(*m, options.channels_last);  // before offload takes the host copies
  m->prepare();
  if (options.offload != runtime::Offload::kNone) add_offloads(*m, device);
  return m;
}

std::unique_ptr<ModelBundle> load_model_bundle(const std::string& path, const torch::Device& device,
                                               const runtime::RuntimeOptions& options) {
  return load_model_bundle(ModelSpec{.path = path}, device, options);
}

void upcast_vae(ModelBundle& m) {
  const c10::InferenceMode not_inference(false);
  torch::NoGradGuard no_grad;
  m.vae->to(torch::kFloat);
  m.vae_dtype = torch::kFloat;
  if (m.key.offload != runtime::Offload::kNone)  // new host copies, pinned, in float32
    m.offloads.add("vae", *m.vae, m.device(), m.key.offload, runtime::ModuleOffload::kShallowPrefetchBytes);
}

namespace {

int64_t weight_bytes(const torch::nn::Module& module) {
  int64_t bytes = 0;
  for (const auto& p : module.parameters()) bytes += static_cast<int64_t>(p.numel() * p.element_size());
  return bytes;
}

}  // namespace

runtime::ModelFootprint footprint(const ModelBundle& m) {
  runtime::ModelFootprint f;
  if (m.conditioner && !m.key.text_encoder_on_cpu)
    for (const auto& [name, module] : m.conditioner->encoders()) f.text_encoder_bytes += weight_bytes(*module);
  f.unet_bytes = weight_bytes(*m.unet);
  set_unet_shape(f, m.unet->config());
  f.vae_scale_factor = m.vae_scale_factor();
  f.unet_dtype_bytes = static_cast<int>(c10::elementSize(m.dtype()));
  if (!m.vae) return f;
  f.vae_bytes = weight_bytes(*m.vae);
  f.vae_tile_pixels = models::vae_tile_sizes(m.vae->config(), is_sdxl(m.family) ? kSdxlVaeTile : 0).sample;
  f.vae_dtype_bytes = static_cast<int>(c10::elementSize(m.vae_dtype));
  f.vae_upcast_in_fp16 = (is_sdxl(m.family) || m.family == ModelFamily::kSDUpscale) && m.vae->config().force_upcast;
  return f;
}

void set_channels_last(ModelBundle& m, bool channels_last) {
  if (m.channels_last == channels_last) return;
  torch::NoGradGuard no_grad;
  const auto format = channels_last ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
  std::vector<torch::nn::Module*> modules{m.unet.get()};
  if (m.vae) modules.push_back(m.vae.get());  // DeepFloyd IF has none
  for (auto* module : modules)
    for (auto& p : module->parameters())
      if (p.dim() == 4) p.set_data(p.contiguous(format));
  m.channels_last = channels_last;
}

}  // namespace gesso::pipelines
