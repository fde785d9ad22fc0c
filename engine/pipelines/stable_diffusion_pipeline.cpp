#include "engine/pipelines/stable_diffusion_pipeline.h"

#include <c10/core/InferenceMode.h>
#include <c10/util/Exception.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "engine/error.h"
#include "engine/models/clip_text_model.h"
#include "engine/pipelines/control_image.h"
#include "engine/pipelines/control_schedule.h"
#include "engine/pipelines/control_unit_text.h"
#include "engine/pipelines/controlnet_loader.h"
#include "engine/pipelines/hires_fix.h"
#include "engine/pipelines/inpaint.h"
#include "engine/pipelines/inpaint_text.h"
#include "engine/pipelines/latent_decoder.h"
#include "engine/pipelines/lora_loader.h"
#include "engine/pipelines/model_footprint.h"
#include "engine/pipelines/refiner_switch.h"
#include "engine/pipelines/sdxl_conditions.h"
#include "engine/pipelines/upscale_pipeline.h"
#include "engine/runtime/device.h"
#include "engine/text/prompt_schedule.h"

namespace gesso::pipelines {
namespace {

// The output size: the request's, or the model's native one.
std::pair<int, int> output_size(const GenerationRequest& r, const ModelBundle& m) {
  const int d = m.default_size();
  return {r.width > 0 ? r.width : d, r.height > 0 ? r.height : d};
}

// The sampler a run uses: the request's, or the one the model's scheduler config names.
std::string sampler_for(const GenerationRequest& r, const ModelBundle& m) {
  return r.sampler.empty() ? schedulers::default_sampler(m.scheduler_config) : r.sampler;
}

// The request's sampler over a schedule of `steps` (Hires. fix's second pass runs the last steps of
// a longer one).
std::unique_ptr<schedulers::Scheduler> scheduler_for(const GenerationRequest& r, const ModelBundle& m, int steps) {
  auto config = m.scheduler_config;
  config.eta = r.eta;
  auto scheduler = schedulers::make_scheduler(sampler_for(r, m), config);
  scheduler->set_timesteps(steps);
  return scheduler;
}

// A prompt's texts over the steps: A1111's prompt editing, or the plain text throughout.
std::vector<text::ScheduledPrompt> schedule_of(const std::string& text, const GenerationRequest& r) {
  if (r.plain_prompts) return {{r.steps, text}};
  return text::prompt_schedule(text, r.steps);
}

// The added conditions the UNet's config asks for (SDXL's size / crop / score time ids).
torch::Tensor time_ids_for(const GenerationRequest& r, ModelBundle& m, int width, int height, bool guidance) {
  if (!m.needs_time_ids()) return {};
  const SizeConditions sizes{.original_width = r.original_width > 0 ? r.original_width : width,
                             .original_height = r.original_height > 0 ? r.original_height : height,
                             .crop_left = r.crop_left,
                             .crop_top = r.crop_top,
                             .target_width = width,
                             .target_height = height,
                             .aesthetic_score = r.aesthetic_score,
                             .negative_aesthetic_score = r.negative_aesthetic_score};
  return sdxl_time_ids(m, sizes, r.num_images, guidance);
}

// The conditioning of every step: one record per change of the prompt or the negative prompt
// (A1111's prompt editing), each pair encoded once, all with one token count.
void set_conditioning(DenoiseInputs& in, const GenerationRequest& r, const PromptNetworks& nets, ModelBundle& m,
                      int width, int height) {
  const auto positive = schedule_of(nets.prompt, r), negative = schedule_of(r.negative_prompt, r);
  std::set<int> ends;
  for (const auto* s : {&positive, &negative})
    for (const auto& e : *s) ends.insert(e.end_at_step);
  const auto time_ids = time_ids_for(r, m, width, height, in.guidance);
  std::map<std::pair<std::string, std::string>, models::Conditioning> encoded;
  std::vector<std::pair<int, models::Conditioning>> schedule;
  for (const int end : ends) {
    const auto key = std::pair{positive[text::schedule_index_at(positive, end)].text,
                               negative[text::schedule_index_at(negative, end)].text};
    auto it = encoded.find(key);
    if (it == encoded.end()) {
      const PromptInput prompt{.prompt = key.first, .negative = key.second, .num_images = r.num_images,
                               .guidance = in.guidance, .clip_skip = r.clip_skip, .plain = r.plain_prompts,
                               .embeddings = &nets.embeddings};
      auto c = m.conditioner->encode(prompt, m.dtype(), m.offloads);
      c.time_ids = time_ids;
      it = encoded.emplace(key, std::move(c)).first;
    }
    schedule.emplace_back(end, it->second);
  }
  std::vector<models::Conditioning*> records;
  for (auto& [end, record] : schedule) records.push_back(&record);
  models::match_token_counts(records);
  in.conditioning = schedule.front().second;
  in.schedule.clear();
  if (schedule.size() > 1) in.schedule = std::move(schedule);
}

RunContext start_run(ModelBundle& model, const GenerationRequest& r, const PromptNetworks& nets, Observer& observer) {
  observer.on_stage("encode prompt");
  const auto [width, height] = output_size(r, model);
  RunContext ctx{model,  r,  nets, width, height, scheduler_for(r, model, r.steps),
                 BatchGenerator::per_image(r.seed, r.num_images, r.runtime.generator_device), {}};
  ctx.inputs.guidance = r.guidance_scale > 1.0;  // diffusers' do_classifier_free_guidance
  ctx.inputs.guidance_scale = r.guidance_scale;
  set_conditioning(ctx.inputs, r, nets, model, width, height);
  return ctx;
}

// diffusers' img2img: encode (sampled), noise to the strength's first step.
void img2img_start(RunContext& ctx, const Image& init) {
  auto& s = *ctx.scheduler;
  ctx.inputs.begin_index = begin_index_for_strength(ctx.request.steps, ctx.request.strength, s.order());
  if (ctx.inputs.begin_index >= s.timesteps().size(0))
    throw RequestError("strength", "leaves no step to run: raise strength or steps");
  s.set_begin_index(ctx.inputs.begin_index);
  const auto image = image_tensor_at(init, ctx.width, ctx.height);
  // Each image's copy is sampled with its own generator; torch.cat, as diffusers' img2img repeats
  // (its inpainting uses repeat): cat keeps the encoder's channels-last layout, and on the CPU the
  // layout decides how the UNet's convolutions round.
  const auto latents = encode_image_latents(ctx.model, image, ctx.generator, vae_mode(ctx.request.runtime, ctx.model),
                                            ctx.request.num_images);
  ctx.inputs.latents = s.add_noise(latents, latent_noise(ctx), ctx.inputs.begin_index);
}

}  // namespace

// Hires. fix's second pass, planned before the first so that progress counts both passes.
struct HiresPlan {
  HiresSize size;
  // The first pass's request with the second pass's steps (its prompt edits run over them),
  // strength and size.
  GenerationRequest request;
  std::unique_ptr<schedulers::Scheduler> scheduler;
  int begin_index = 0;
  int upscale_steps = 0;  // SD x4's, over every image and tile
  int steps_run() const { return static_cast<int>(scheduler->timesteps().size(0)) - begin_index; }
};

namespace {

HiresPlan plan_hires(const GenerationRequest& r, const ModelBundle& m, int width, int height) {
  HiresPlan plan;
  const int f = m.vae_scale_factor();
  plan.size = hires_size(width, height, r.hires, f);
  plan.request = r;
  plan.request.steps = hires_steps(r);
  plan.request.strength = r.hires.strength;
  plan.request.width = plan.size.latent_width(f) * f;
  plan.request.height = plan.size.latent_height(f) * f;
  const int schedule =
      hires_schedule_steps(plan.request.steps, r.hires.strength, m.scheduler_config.num_train_timesteps);
  plan.scheduler = scheduler_for(r, m, schedule);
  // The last `steps` of the schedule, as A1111 runs them (hires_fix.h).
  plan.begin_index = (schedule - plan.request.steps) * plan.scheduler->order();
  plan.scheduler->set_begin_index(plan.begin_index);
  if (r.hires.upscaler == kX4HiresUpscaler)
    plan.upscale_steps = r.num_images * x4_tile_count(height, width, kHiresX4Tile, kHiresX4Overlap) * kHiresX4Settings.steps;
  return plan;
}

// The texts the prompts end with (after their edits), for the x4 upscaler's own text encoder.
PromptInput x4_prompt(const GenerationRequest& r, const PromptNetworks& nets) {
  return {.prompt = schedule_of(nets.prompt, r).back().text,
          .negative = schedule_of(r.negative_prompt, r).back().text,
          .guidance = kHiresX4Settings.guidance_scale > 1.0,
          .plain = r.plain_prompts};
}

// SD x4 on each decoded first-pass image with its own generator, resized to w x h pixels.
std::vector<Image> x4_hires_images(ModelBundle& x4, const std::vector<Image>& images, const PromptInput& prompt,
                                   int w, int h, const BatchGenerator& generator, DenoiseInputs loop,
                                   Observer& observer) {
  const auto record = x4.conditioner->encode(prompt, x4.dtype(), x4.offloads).to(x4.dtype());
  std::vector<Image> out;
  for (std::size_t i = 0; i < images.size(); ++i) {
    const auto low = io::image_to_tensor(io::to_rgb(images[i]));
    const auto up = x4_upscale_tiled(x4, record, low, kHiresX4Settings, kHiresX4Tile, kHiresX4Overlap,
                                     generator.row(i), loop, observer);
    loop.steps_before += x4_tile_count(low.size(2), low.size(3), kHiresX4Tile, kHiresX4Overlap) * kHiresX4Settings.steps;
    auto image = io::tensor_to_image(up.to(torch::kFloat32).cpu());
    out.push_back(image.width == w && image.height == h ? image : io::resize(image, w, h, io::Interp::kLanczos));
  }
  return out;
}

// The first pass's latents at the second pass's size: interpolated (the latent upscalers), or
// decoded, resized (or upscaled by SD x4, `x4`) and encoded again (the image ones; each image's
// encoder samples with its generator, continuing), then A1111's centred cut for a resize of
// another aspect.
torch::Tensor upscale_for_hires(ModelBundle& model, const torch::Tensor& latents, const HiresPlan& plan,
                                const BatchGenerator& generator, const std::function<std::vector<Image>(
                                                                     const std::vector<Image>&, int, int)>& x4) {
  const auto& h = plan.request.hires;
  const int f = model.vae_scale_factor();
  const int w = plan.size.upscale_width / f, hh = plan.size.upscale_height / f;
  torch::Tensor up;
  if (is_latent_upscaler(h.upscaler)) {
    up = upscale_latents(latents, h.upscaler, w, hh);
  } else {
    const auto how = vae_mode(plan.request.runtime, model);
    const auto interp = h.upscaler == "Nearest" ? io::Interp::kNearest : io::Interp::kLanczos;
    std::vector<torch::Tensor> encoded;
    auto images = decode_latents(model, latents, how).images;
    if (h.upscaler == kX4HiresUpscaler) images = x4(images, w * f, hh * f);
    for (std::size_t i = 0; i < images.size(); ++i) {
      const auto& image = images[i];
      const bool same = image.width == w * f && image.height == hh * f;
      const auto resized = io::image_to_tensor(same ? image : io::resize(io::to_rgb(image), w * f, hh * f, interp));
      encoded.push_back(encode_image_latents(model, resized, generator.row(i), how));
    }
    up = torch::cat(encoded);
  }
  return truncate_latents(up, plan.size.truncate_x, plan.size.truncate_y);
}

// Whether an embedding has vectors for every text encoder of the model.
bool fits(const networks::TextualInversion& e, ModelBundle& m) {
  for (const auto& [component, module] : m.conditioner->encoders()) {
    const auto* clip = dynamic_cast<const models::CLIPTextModelImpl*>(module);
    const auto key = !is_sdxl(m.family) ? "" : component == "text_encoder" ? "clip_l" : "clip_g";
    if (!clip || !e.for_encoder(key, clip->config().hidden_size).defined()) return false;
  }
  return true;
}

// Embeddings the prompt names whose vectors do not fit this model's text encoders: A1111 reads
// their names as words, and so does Gesso, saying so.
std::vector<std::string> drop_unusable_embeddings(PromptNetworks& nets, ModelBundle& m) {
  std::vector<std::string> notes;
  std::erase_if(nets.embeddings, [&](const networks::TextualInversion& e) {
    if (fits(e, m)) return false;
    notes.push_back("embedding " + e.name + " (" + e.widths() + " wide) does not fit " + to_string(m.family) +
                    ": '" + e.name + "' is read as text");
    return true;
  });
  return notes;
}

// What the families allow, with the error a user can act on.
void check_models(const GenerationRequest& r, const ModelBundle& model, const ModelBundle* refiner) {
  if (!is_latent_text_to_image(model.family))
    throw RequestError("model", model.name() + " is a " + to_string(model.family) + " model, which runs in its own " +
                                    (model.family == ModelFamily::kSDUpscale ? "pipeline (Upscale x4)"
                                                                             : "pipeline (DeepFloyd IF)"));
  if (refiner && !is_latent_text_to_image(refiner->family))
    throw RequestError("refiner", refiner->name() + " is " + to_string(refiner->family) + ", not an SDXL refiner");
  if (model.is_inpainting_unet() && r.pipeline != PipelineKind::kInpaint)
    throw RequestError("model", model.name() + " is an inpainting model (9-channel UNet): switch to inpaint (an init "
                                               "image and a mask), or choose another model for " +
                                               to_string(r.pipeline));
  if (model.family == ModelFamily::kSDXLRefiner && r.pipeline == PipelineKind::kTxt2Img)
    throw RequestError("model", model.name() + " is an SDXL refiner (it has no text_encoder): choose an SDXL base "
                                               "model, and this folder as its refiner (or refine an image: img2img)");
  if (!refiner) return;
  if (!is_sdxl(model.family) || model.family == ModelFamily::kSDXLRefiner)
    throw RequestError("refiner", "a refiner follows an SDXL base model; " + model.name() + " is " +
                                      to_string(model.family));
  if (!is_sdxl(refiner->family))
    throw RequestError("refiner", refiner->name() + " is " + to_string(refiner->family) +
                                      ", not an SDXL refiner (or SDXL base) folder");
  if (refiner->is_inpainting_unet()) throw RequestError("refiner", refiner->name() + " is an inpainting model");
}

// A1111's "Lora hashes" / "TI hashes": "name: hash, ..." for the files the library has hashed.
std::string hashes_text(const std::vector<std::pair<std::string, std::string>>& named_paths, const GenerationRequest& r) {
  std::string out;
  for (const auto& [name, path] : named_paths) {
    const auto it = r.network_hashes.find(path);
    if (it == r.network_hashes.end() || it->second.empty()) continue;
    out += (out.empty() ? "" : ", ") + name + ": " + it->second;
  }
  return out;
}

void add_network_hashes(io::GenerationParameters& p, const GenerationRequest& r, const PromptNetworks& nets) {
  std::vector<std::pair<std::string, std::string>> loras, embeddings;
  for (const auto& l : nets.loras) loras.emplace_back(l.tag.name, l.path);
  for (const auto& e : nets.embeddings) embeddings.emplace_back(e.name, e.path);
  if (const auto text = hashes_text(loras, r); !text.empty()) p.extra["Lora hashes"] = text;
  if (const auto text = hashes_text(embeddings, r); !text.empty()) p.extra["TI hashes"] = text;
}

io::GenerationParameters parameters_for(const GenerationRequest& r, const PromptNetworks& nets, const ModelBundle& m,
                                        const ModelBundle* refiner, int index) {
  io::GenerationParameters p;
  p.prompt = r.prompt;
  p.negative_prompt = r.negative_prompt;
  p.steps = r.steps;
  p.sampler = schedulers::sampler_display_name(sampler_for(r, m), m.scheduler_config);
  p.cfg_scale = r.guidance_scale;
  p.seed = r.seed + static_cast<uint64_t>(index);  // each image has its own generator (A1111's seeds)
  std::tie(p.width, p.height) = output_size(r, m);
  p.model = m.name();
  p.model_hash = r.model_hash;
  if (!r.vae.empty()) {  // as A1111 writes its "SD VAE"
    p.extra["VAE"] = std::filesystem::path(r.vae).filename().string();
    if (!r.vae_hash.empty()) p.extra["VAE hash"] = r.vae_hash;
  }
  if (r.pipeline != PipelineKind::kTxt2Img) p.denoising_strength = r.strength;
  if (r.pipeline == PipelineKind::kInpaint) add_inpaint_parameters(p, r.inpaint);
  // "Size" stays the first pass's, as A1111 writes it; the image is the upscaled one.
  if (r.hires.enabled) add_hires_parameters(p, r.hires);
  if (r.clip_skip > 0) p.clip_skip = r.clip_skip + 1;  // A1111 counts the last layer as 1
  if (r.num_images > 1) {
    p.extra["Batch size"] = std::to_string(r.num_images);
    p.extra["Batch pos"] = std::to_string(index);
  }
  if (refiner) {  // as A1111 writes them
    p.extra["Refiner"] = refiner->name();
    p.extra["Refiner switch at"] = io::format_number(r.refiner_switch);
  }
  add_network_hashes(p, r, nets);
  for (std::size_t i = 0; i < r.controlnets.size(); ++i)  // as sd-webui-controlnet writes them
    p.extra["ControlNet " + std::to_string(i)] = control_unit_text(r.controlnets[i]);
  p.extra["Version"] = "Gesso";
  return p;
}

// The largest pass's shape: Hires. fix's second pass, when there is one.
runtime::RunShape run_shape(const GenerationRequest& r, const ModelBundle& m) {
  auto [width, height] = output_size(r, m);
  if (r.hires.enabled) {
    const int f = m.vae_scale_factor();
    const auto size = hires_size(width, height, r.hires, f);
    width = size.latent_width(f) * f;
    height = size.latent_height(f) * f;
  }
  return {width, height, r.num_images, r.guidance_scale > 1.0};
}

runtime::ModelFootprint run_footprint(const ModelBundle& m, const ModelBundle* refiner) {
  return refiner ? with_refiner(footprint(m), footprint(*refiner)) : footprint(m);
}

// The first sentences of LibTorch's out-of-memory text (the rest is allocator tuning advice).
std::string oom_summary(const std::string& what) {
  const auto cut = what.find(" Including non-PyTorch memory");
  auto summary = what.substr(0, std::min({cut, what.find('\n'), what.size()}));
  while (!summary.empty() && (summary.back() == '.' || summary.back() == ' ')) summary.pop_back();
  return summary;
}

}  // namespace

torch::Device resolve_device(const std::string& name) {
  if (name == "auto") return runtime::default_device();
  try {
    const torch::Device d(name);
    if (d.is_cuda() && !runtime::cuda_available()) throw RequestError("device", "CUDA is not available on this machine");
    return d;
  } catch (const c10::Error&) {
    throw RequestError("device", "'" + name + "' is not a device (auto, cpu, cuda, cuda:N)");
  }
}

runtime::VramEstimate estimate_vram(const GenerationRequest& r, const ModelBundle& m, const ModelBundle* refiner) {
  return runtime::estimate_vram(run_footprint(m, refiner), run_shape(r, m), r.runtime);
}

ModelBundle& StableDiffusionPipeline::ensure_model(std::unique_ptr<ModelBundle>& slot, runtime::GraphedFunction& graph,
                                                  const ModelSpec& spec, const GenerationRequest& r,
                                                  const torch::Device& device, Observer& observer,
                                                  std::vector<std::string>& notes) {
  if (slot && slot->key == LoadKey::of(spec, device, r.runtime)) return *slot;
  if (!runtime::device_started(device)) {
    observer.on_stage("start CUDA");
    runtime::start_device(device);
  }
  observer.on_stage(&slot == &refiner_ ? "load refiner" : "load model");
  graph.reset();
  slot.reset();  // free the old model before loading the next
  runtime::release_cached_memory();
  slot = load_model_bundle(spec, device, r.runtime);
  for (const auto& note : slot->notes) {
    observer.on_note(note);
    notes.push_back(note);
  }
  return *slot;
}

ModelBundle* StableDiffusionPipeline::ensure_refiner(const GenerationRequest& r, const torch::Device& device,
                                                     Observer& observer, std::vector<std::string>& notes) {
  if (r.refiner_dir.empty()) {  // not kept for a later run: it would hold gigabytes of device memory
    if (refiner_) {
      refiner_graph_.reset();
      refiner_.reset();
      runtime::release_cached_memory();
    }
    return nullptr;
  }
  return &ensure_model(refiner_, refiner_graph_, refiner_model(r), r, device, observer, notes);
}

ModelBundle* StableDiffusionPipeline::ensure_hires_upscaler(const GenerationRequest& r, const torch::Device& device,
                                                            Observer& observer, std::vector<std::string>& notes) {
  if (!r.hires.enabled || r.hires.upscaler != kX4HiresUpscaler) {
    if (hires_upscaler_.bundle) {  // not kept: it would hold device memory no later run may need
      hires_upscaler_.reset();
      runtime::release_cached_memory();
    }
    return nullptr;
  }
  auto& x4 = hires_upscaler_.ensure(ModelSpec{.path = r.hires.upscaler_model}, device, r.runtime,
                                    "Hires. fix upscaler", observer, notes);
  require_family(x4, ModelFamily::kSDUpscale, "hires_upscaler_model");
  return &x4;
}

void StableDiffusionPipeline::drop_graphs() {
  unet_graph_.reset();
  refiner_graph_.reset();
}

OutOfMemoryError StableDiffusionPipeline::out_of_memory(const GenerationRequest& r, const std::string& what) {
  drop_graphs();                     // their memory pools are the largest thing a retry can do without
  runtime::release_cached_memory();  // so that the next, smaller run can have it
  std::string message = "Out of device memory: " + what + ".";
  if (model_) {
    const ModelBundle* refiner = r.refiner_dir.empty() ? nullptr : refiner_.get();
    const auto need = estimate_vram(r, *model_, refiner);
    message += " This run needs about " + runtime::format_gib(need.total()) + " at its peak (" + need.peak_stage +
               "); " + runtime::memory_advice(run_footprint(*model_, refiner), run_shape(r, *model_), r.runtime) + ".";
  } else {
    message += " The model does not fit: try fp16, or model or sequential CPU offload.";
  }
  return OutOfMemoryError(message);
}

// A pretend budget on a device without a capped allocator: refuse the run its estimate says
// would not fit, as the smaller card would.
void StableDiffusionPipeline::check_budget(const GenerationRequest& r, const ModelBundle& m, const ModelBundle* refiner) {
  if (r.runtime.vram_budget <= 0 || m.device().is_cuda()) return;
  const auto need = estimate_vram(r, m, refiner).total();
  if (need > r.runtime.vram_budget)
    throw out_of_memory(r, "about " + runtime::format_gib(need) + " needed, over the VRAM budget of " +
                               runtime::format_gib(r.runtime.vram_budget));
}

// The refiner's stage: its own scheduler from the switch on (diffusers' denoising_start), its own
// conditioning (text_encoder_2, aesthetic-score time ids), the base's latents as they are and the
// same generator, continuing.
torch::Tensor StableDiffusionPipeline::refine(const GenerationRequest& r, ModelBundle& refiner, RunContext& base,
                                              const torch::Tensor& latents, const RunScope& scope, Observer& observer) {
  observer.on_stage("encode prompt (refiner)");
  auto scheduler = scheduler_for(r, refiner, r.steps);
  DenoiseInputs in;
  in.begin_index = refiner_begin_index(*scheduler, refiner.scheduler_config.num_train_timesteps, r.refiner_switch);
  scheduler->set_begin_index(in.begin_index);
  in.latents = latents;
  in.guidance = base.inputs.guidance;
  in.guidance_scale = base.inputs.guidance_scale;
  set_conditioning(in, r, base.networks, refiner, base.width, base.height);
  if (scope.cuda_graphs()) in.graph = &refiner_graph_, in.graph_key = scope.graph_key();
  const int base_steps = base.inputs.end_index - base.inputs.begin_index;
  in.steps_before = base_steps;
  in.steps_total = base_steps + static_cast<int>(scheduler->timesteps().size(0)) - in.begin_index;
  observer.on_stage("refine");
  auto out = denoise(refiner, *scheduler, in, base.generator, observer);
  if (refiner.key.offload == runtime::Offload::kModel) refiner_graph_.reset();
  return out;
}

// A1111's sample_hr_pass: the upscaled latents noised to the second pass's strength and denoised
// as img2img, its conditioning encoded again for its size (SDXL's time ids) and its steps. The
// noise comes from the run's generator, continuing (A1111's rng.next() draws the next noise from
// the same seeds; diffusers' two-pass equivalent hands its generator on to the img2img pipeline),
// so one seed gives one image. Eager: a CUDA graph of the first pass's shape is kept for it, and
// capturing this shape too would recapture both every run.
torch::Tensor StableDiffusionPipeline::hires_pass(HiresPlan& plan, RunContext& base, const torch::Tensor& latents,
                                                  Observer& observer) {
  auto& model = base.model;
  observer.on_stage("upscale");
  const int before = base.inputs.end_index - base.inputs.begin_index;
  const auto x4 = [&](const std::vector<Image>& images, int w, int h) {
    DenoiseInputs loop;  // eager; progress after the first pass
    loop.steps_before = before;
    loop.steps_total = base.inputs.steps_total;
    return x4_hires_images(*hires_upscaler_.bundle, images, x4_prompt(plan.request, base.networks), w, h,
                           base.generator, loop, observer);
  };
  const auto upscaled = upscale_for_hires(model, latents, plan, base.generator, x4);
  DenoiseInputs in;
  in.guidance = base.inputs.guidance;
  in.guidance_scale = base.inputs.guidance_scale;
  observer.on_stage("encode prompt");
  set_conditioning(in, plan.request, base.networks, model, plan.request.width, plan.request.height);
  // The loop counts prompt edits from the first pass's steps on; the second pass's start at 0.
  for (auto& entry : in.schedule) entry.first += before;
  in.begin_index = plan.begin_index;
  const auto noise = randn_tensor(upscaled.sizes(), base.generator, model.device(), model.dtype());
  in.latents = plan.scheduler->add_noise(upscaled, noise, plan.begin_index);
  in.steps_before = before + plan.upscale_steps;
  in.steps_total = before + plan.upscale_steps + plan.steps_run();
  observer.on_stage("denoise (hires)");
  return denoise(model, *plan.scheduler, in, base.generator, observer);
}

GenerationResult StableDiffusionPipeline::generate(const GenerationRequest& request, const PromptNetworks& networks,
                                                   ModelBundle& model, ModelBundle* refiner, const RunScope& scope,
                                                   Observer& observer) {
  RunContext ctx = start_run(model, request, networks, observer);
  std::optional<inpaint::Prepared> inpainting;
  if (request.pipeline == PipelineKind::kTxt2Img) {
    ctx.inputs.latents = latent_noise(ctx) * ctx.scheduler->init_noise_sigma();
  } else if (request.pipeline == PipelineKind::kImg2Img) {
    img2img_start(ctx, *request.init_image);
  } else {
    inpainting = inpaint::prepare(request, ctx.width, ctx.height);
    inpaint::start(ctx, *inpainting);
  }
  if (scope.cuda_graphs()) {
    ctx.inputs.graph = &unet_graph_;
    ctx.inputs.graph_key = scope.graph_key();
  }
  const int all_steps = static_cast<int>(ctx.scheduler->timesteps().size(0));
  ctx.inputs.end_index = refiner ? base_end_index(*ctx.scheduler, model.scheduler_config.num_train_timesteps,
                                                  request.refiner_switch)
                                 : all_steps;
  if (ctx.inputs.end_index <= ctx.inputs.begin_index)
    throw RequestError("refiner_switch", "leaves the base no step to run: raise the switch point or the strength");
  std::optional<HiresPlan> hires;
  if (request.hires.enabled) {
    hires = plan_hires(request, model, ctx.width, ctx.height);
    ctx.inputs.steps_total = ctx.inputs.end_index - ctx.inputs.begin_index + hires->upscale_steps + hires->steps_run();
  }
  ctx.inputs.controls = control_inputs(ctx);
  observer.on_stage("denoise");
  GenerationResult result;
  result.latents = denoise(model, *ctx.scheduler, ctx.inputs, ctx.generator, observer);
  // Model offload uploads the UNet afresh each run (and the prepare pass joins its weights again):
  // a graph captured now would replay on freed weights next time.
  if (model.key.offload == runtime::Offload::kModel) unet_graph_.reset();
  if (refiner) {
    result.base_latents = result.latents;
    result.latents = refine(request, *refiner, ctx, result.latents, scope, observer);
  }
  if (hires) {
    result.base_latents = result.latents;
    result.latents = hires_pass(*hires, ctx, result.latents, observer);
  }
  observer.on_stage("decode");
  auto decoded = decode_latents(refiner ? *refiner : model, result.latents, vae_mode(request.runtime, refiner ? *refiner : model));
  result.images = std::move(decoded.images);
  if (!decoded.note.empty()) {
    observer.on_note(decoded.note);
    result.notes.push_back(decoded.note);
  }
  for (int i = 0; i < static_cast<int>(result.images.size()); ++i) {
    if (inpainting) result.images[i] = inpaint::finish(*inpainting, result.images[i], request.inpaint);
    result.parameters.push_back(parameters_for(request, networks, model, refiner, i));
  }
  return result;
}

void StableDiffusionPipeline::ensure_controlnets(const GenerationRequest& r, const ModelBundle& model,
                                                 Observer& observer) {
  // Each ControlNet is checked against the base it was loaded for; another base reloads them.
  const auto key = model.device().str() + "|" + c10::toString(model.dtype()) + "|" + model.name() + "|" +
                   std::to_string(model.unet->config().cross_attention_dim.front());
  if (key != controlnet_key_) controlnets_.clear();
  controlnet_key_ = key;
  for (const auto& unit : r.controlnets) {
    if (controlnets_.count(unit.model)) continue;
    observer.on_stage("load ControlNet");
    io::LoadOptions load;
    load.device = model.device();
    load.dtype = model.dtype();
    auto cn = load_controlnet_for(unit.model, model, load);
    controlnets_.emplace(unit.model, LoadedControlNet{std::move(cn), ++controlnet_loads_});
  }
  // The UNet's memory format: a ControlNet left in NCHW beside a channels-last UNet costs cuDNN
  // its fast path (on an H100, a third of the ControlNet's time).
  for (auto& [path, loaded] : controlnets_) {
    if (loaded.channels_last == model.channels_last) continue;
    torch::NoGradGuard no_grad;
    const auto format = model.channels_last ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
    for (auto& p : loaded.model->parameters())
      if (p.dim() == 4) p.set_data(p.contiguous(format));
    loaded.channels_last = model.channels_last;
    loaded.load = ++controlnet_loads_;  // new weights' storage: a captured graph must not replay
  }
}

std::vector<ControlInput> StableDiffusionPipeline::control_inputs(RunContext& ctx) {
  std::vector<ControlInput> out;
  const int steps = ctx.inputs.end_index - ctx.inputs.begin_index;
  const auto& r = ctx.request;
  for (std::size_t i = 0; i < r.controlnets.size(); ++i) {
    const auto& unit = r.controlnets[i];
    auto& loaded = controlnets_.at(unit.model);
    auto& cn = *loaded.model;
    const bool half = conditional_only(unit, cn);
    // Embedded as diffusers batches the image (a convolution's result may depend on the batch size).
    const auto control = control_image_tensor(unit, r, ctx.width, ctx.height, i);
    const int64_t batch = r.num_images * (ctx.inputs.guidance ? 2 : 1);
    if (auto fix = tile_colour_fix_for(unit, i, ctx.model, control, batch, steps, vae_mode(r.runtime, ctx.model)))
      ctx.inputs.colour_fixes.push_back(std::move(*fix));
    auto image = control.to(ctx.model.device(), ctx.model.dtype()).repeat({r.num_images, 1, 1, 1});
    if (ctx.inputs.guidance && !half) image = torch::cat({image, image});
    if (ctx.model.channels_last) image = image.contiguous(at::MemoryFormat::ChannelsLast);
    out.push_back({.model = &cn,
                   .embedding = cn.embed_control(image),
                   .scales = control_step_scales(unit, cn, steps).to(ctx.model.device()),
                   .conditional_only = half,
                   .key = "cn" + std::to_string(loaded.load)});
  }
  return out;
}

GenerationResult StableDiffusionPipeline::run(const GenerationRequest& request, Observer& observer) {
  validate(request);
  const auto start = std::chrono::steady_clock::now();
  const auto device = resolve_device(request.runtime.device);
  const RunScope scope(request.runtime, device);
  try {
    // Before anything loads: a LoRA the library lacks is the user's to fix first.
    auto networks = resolve_prompt_networks(request.prompt, request.negative_prompt, request.lora_dir,
                                                  request.embeddings_dir);
    // Outside InferenceMode: see the loader.
    std::vector<std::string> notes;
    ModelBundle& model = ensure_model(model_, unet_graph_, base_model(request), request, device, observer, notes);
    ModelBundle* refiner = ensure_refiner(request, device, observer, notes);
    ensure_hires_upscaler(request, device, observer, notes);
    check_models(request, model, refiner);
    ensure_controlnets(request, model, observer);
    if (!networks.loras.empty() || !model.lora_key.empty()) observer.on_stage("apply LoRA");
    auto network_notes = networks.notes;
    for (auto& note : apply_loras(model, networks.loras)) network_notes.push_back(std::move(note));
    for (auto& note : drop_unusable_embeddings(networks, model)) network_notes.push_back(std::move(note));
    for (auto& note : network_notes) {
      observer.on_note(note);
      notes.push_back(std::move(note));
    }
    c10::InferenceMode inference;
    check_budget(request, model, refiner);
    auto result = generate(request, networks, model, refiner, scope, observer);
    result.notes.insert(result.notes.begin(), notes.begin(), notes.end());
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (request.runtime.release_memory) {
      drop_graphs();
      runtime::release_cached_memory();
    }
    return result;
  } catch (const c10::OutOfMemoryError& e) {
    throw out_of_memory(request, oom_summary(e.what_without_backtrace()));
  } catch (const c10::Error& e) {
    // Whatever LibTorch refuses reaches the user as a gesso::Error, like every other failure.
    throw Error(std::string("generation failed: ") + e.what_without_backtrace());
  }
}

}  // namespace gesso::pipelines
