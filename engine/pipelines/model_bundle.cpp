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

namespace gesso::pipelines {

LoadKey LoadKey::of(const std::string& dir, const torch::Device& device, const runtime::RuntimeOptions& o) {
  return {.dir = dir, .device = device, .dtype = o.dtype, .vae_fp32 = o.vae_fp32, .variant = o.variant,
          .offload = o.offload, .channels_last = o.channels_last};
}

int ModelBundle::vae_scale_factor() const { return static_cast<int>(vae->config().downscale_factor()); }

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
  return p.filename().string();
}

std::vector<std::pair<std::string, torch::nn::Module*>> ModelBundle::components() {
  auto out = conditioner->encoders();
  out.emplace_back("unet", unet.get());
  out.emplace_back("vae", vae.get());
  return out;
}

void ModelBundle::prepare() {
  unet->prepare();
  ++weights_version;
}

namespace {

// model_index.json names each component's class; a class Gesso does not build is refused here,
// naming the file, rather than loaded as something it is not.
void require_class(const io::ModelIndex& index, const std::string& component, std::initializer_list<const char*> known) {
  const auto cls = index.class_of(component);
  std::string list;
  for (const char* k : known) {
    if (cls == k) return;
    list += (list.empty() ? "" : ", ") + std::string(k);
  }
  throw ModelFileError(index.dir + "/model_index.json",
                       component + ": class '" + cls + "' is not supported (expected " + list + ")");
}

models::CLIPTextModel load_text_encoder(const io::ModelIndex& index, const std::string& component,
                                        const io::LoadOptions& load, const std::string& variant) {
  require_class(index, component, {"CLIPTextModel", "CLIPTextModelWithProjection"});
  models::CLIPTextModel m(models::CLIPTextConfig::from_json_file(index.path(component) + "/config.json"),
                          index.class_of(component) == "CLIPTextModelWithProjection");
  m->load_weights(io::open_component_weights(index.path(component), variant), load);
  m->eval();
  return m;
}

std::unique_ptr<TextConditioner> load_conditioner(const ModelBundle& m, const io::LoadOptions& load,
                                                  const std::string& variant) {
  const auto& index = m.index;
  if (!is_sdxl(m.family)) {
    io::require_components(index, {"tokenizer", "text_encoder"});
    require_class(index, "tokenizer", {"CLIPTokenizer", "CLIPTokenizerFast"});
    return std::make_unique<ClipConditioner>(text::CLIPTokenizer::from_dir(index.path("tokenizer")),
                                             load_text_encoder(index, "text_encoder", load, variant));
  }
  // The base has both encoders, the refiner text_encoder_2 alone; its projection gives the pooled
  // embeddings, so neither can do without it.
  if (m.family == ModelFamily::kSDXL) io::require_components(index, {"tokenizer", "text_encoder"});
  io::require_components(index, {"tokenizer_2", "text_encoder_2"});
  std::vector<ClipEncoder> encoders;
  for (const auto& [tokenizer, encoder] : {std::pair{"tokenizer", "text_encoder"}, {"tokenizer_2", "text_encoder_2"}}) {
    if (!index.has(encoder)) continue;
    require_class(index, tokenizer, {"CLIPTokenizer", "CLIPTokenizerFast"});
    encoders.push_back({encoder, text::CLIPTokenizer::from_dir(index.path(tokenizer)),
                        load_text_encoder(index, encoder, load, variant)});
  }
  return std::make_unique<SdxlConditioner>(std::move(encoders), index.flag("force_zeros_for_empty_prompt", true));
}

// diffusers' SDXL pipelines run the VAE in float32 where its config asks (force_upcast: the
// published SDXL VAE overflows in fp16) whenever the pipeline is fp16; SD 1.x / 2.x pipelines
// ignore the flag. An fp16-safe VAE (force_upcast false) stays in fp16.
torch::ScalarType vae_dtype_for(ModelFamily family, const models::AutoencoderKLConfig& vae,
                                const runtime::RuntimeOptions& o) {
  if (o.vae_fp32) return torch::kFloat;
  if (is_sdxl(family) && vae.force_upcast && o.dtype == torch::kHalf) return torch::kFloat;
  return o.dtype;
}

void add_offloads(ModelBundle& m, const torch::Device& device) {
  for (const auto& [name, module] : m.conditioner->encoders()) m.offloads.add(name, *module, device, m.key.offload);
  auto& unet = m.offloads.add("unet", *m.unet, device, m.key.offload);
  // Each upload gives the UNet fresh, separate weight tensors: joined again for the fused path.
  unet.set_after_upload([unet_module = m.unet]() mutable { unet_module->prepare(); });
  m.offloads.add("vae", *m.vae, device, m.key.offload, runtime::ModuleOffload::kShallowPrefetchBytes);
}

}  // namespace

std::unique_ptr<ModelBundle> load_model_bundle(const std::string& dir, const torch::Device& device,
                                               const runtime::RuntimeOptions& options) {
  // Parameters made under InferenceMode would be inference tensors, which have no version counter.
  const c10::InferenceMode not_inference(false);
  torch::NoGradGuard no_grad;
  auto m = std::make_unique<ModelBundle>();
  m->index = io::read_model_index(dir);
  m->family = model_family(m->index);
  io::require_components(m->index, {"unet", "vae", "scheduler"});
  require_class(m->index, "unet", {"UNet2DConditionModel"});
  require_class(m->index, "vae", {"AutoencoderKL"});
  m->key = LoadKey::of(dir, device, options);
  io::LoadOptions load;
  // Offloaded weights go to host memory first; ModuleOffload pins them there (on the CPU too: the
  // same bookkeeping, copies standing in for uploads).
  load.device = options.offload == runtime::Offload::kNone ? device : torch::Device(torch::kCPU);
  load.dtype = options.dtype;
  m->conditioner = load_conditioner(*m, load, options.variant);
  m->unet = models::load_unet_2d_condition(m->index.path("unet"), load, options.variant);
  m->vae_dtype = vae_dtype_for(
      m->family, models::AutoencoderKLConfig::from_json_file(m->index.path("vae") + "/config.json"), options);
  auto vae_load = load;
  vae_load.dtype = m->vae_dtype;
  m->vae = models::load_autoencoder_kl(m->index.path("vae"), vae_load, options.variant);
  m->vae->eval();
  m->scheduler_config = schedulers::load_scheduler_config(m->index.path("scheduler") + "/scheduler_config.json");
  // diffusers' SDXL pipelines have no such fixes.
  if (!is_sdxl(m->family)) schedulers::apply_stable_diffusion_fixes(m->scheduler_config);
  set_channels_last(*m, options.channels_last);  // before offload takes the host copies
  m->prepare();
  if (options.offload != runtime::Offload::kNone) add_offloads(*m, device);
  return m;
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
  for (const auto& [name, module] : m.conditioner->encoders()) f.text_encoder_bytes += weight_bytes(*module);
  f.unet_bytes = weight_bytes(*m.unet);
  f.vae_bytes = weight_bytes(*m.vae);
  set_unet_shape(f, m.unet->config());
  f.vae_scale_factor = m.vae_scale_factor();
  f.vae_tile_pixels = models::vae_tile_sizes(m.vae->config(), is_sdxl(m.family) ? kSdxlVaeTile : 0).sample;
  f.unet_dtype_bytes = static_cast<int>(c10::elementSize(m.dtype()));
  f.vae_dtype_bytes = static_cast<int>(c10::elementSize(m.vae_dtype));
  f.vae_upcast_in_fp16 = is_sdxl(m.family) && m.vae->config().force_upcast;
  return f;
}

void set_channels_last(ModelBundle& m, bool channels_last) {
  if (m.channels_last == channels_last) return;
  torch::NoGradGuard no_grad;
  const auto format = channels_last ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
  for (torch::nn::Module* module : {static_cast<torch::nn::Module*>(m.unet.get()), static_cast<torch::nn::Module*>(m.vae.get())})
    for (auto& p : module->parameters())
      if (p.dim() == 4) p.set_data(p.contiguous(format));
  m.channels_last = channels_last;
}

}  // namespace gesso::pipelines
