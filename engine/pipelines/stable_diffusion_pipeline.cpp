#include "engine/pipelines/stable_diffusion_pipeline.h"

#include <c10/core/InferenceMode.h>
#include <c10/util/Exception.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <tuple>

#include "engine/error.h"
#include "engine/pipelines/inpaint.h"
#include "engine/pipelines/pipeline_common.h"
#include "engine/pipelines/run_scope.h"
#include "engine/runtime/device.h"
#include "engine/runtime/vram.h"

namespace gesso::pipelines {
namespace {

// The output size: the request's, or the model's native one.
std::pair<int, int> output_size(const GenerationRequest& r, const ModelBundle& m) {
  const int d = m.default_size();
  return {r.width > 0 ? r.width : d, r.height > 0 ? r.height : d};
}

RunContext start_run(ModelBundle& model, const GenerationRequest& r, Observer& observer) {
  observer.on_stage("encode prompt");
  auto config = model.scheduler_config;
  config.eta = r.eta;
  auto scheduler = schedulers::make_scheduler(r.sampler, config);
  scheduler->set_timesteps(r.steps);
  const auto [width, height] = output_size(r, model);
  RunContext ctx{model, r, width, height, std::move(scheduler), make_generator(r.seed, r.runtime.generator_device), {}};
  ctx.inputs.guidance = r.guidance_scale > 1.0;  // diffusers' do_classifier_free_guidance
  ctx.inputs.guidance_scale = r.guidance_scale;
  const PromptInput prompt{.prompt = r.prompt, .negative = r.negative_prompt, .num_images = r.num_images,
                           .guidance = ctx.inputs.guidance, .clip_skip = r.clip_skip};
  ctx.inputs.conditioning = model.conditioner->encode(prompt, model.dtype(), model.offloads);
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
  // torch.cat, as diffusers' img2img does (its inpainting uses repeat): cat keeps the encoder's
  // channels-last layout, and on the CPU the layout decides how the UNet's convolutions round.
  const auto encoded = encode_image_latents(ctx.model, image, ctx.generator, vae_mode(ctx.request.runtime));
  const auto latents = torch::cat(std::vector<torch::Tensor>(ctx.request.num_images, encoded));
  ctx.inputs.latents = s.add_noise(latents, latent_noise(ctx), ctx.inputs.begin_index);
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

ModelBundle& StableDiffusionPipeline::ensure_model(const GenerationRequest& r, const torch::Device& device,
                                                  Observer& observer) {
  if (model_ && model_->key == LoadKey::of(r.model_dir, device, r.runtime)) return *model_;
  if (!runtime::device_started(device)) {
    observer.on_stage("start CUDA");
    runtime::start_device(device);
  }
  observer.on_stage("load model");
  unet_graph_.reset();
  model_.reset();  // free the old model before loading the next
  runtime::release_cached_memory();
  model_ = load_model_bundle(r.model_dir, device, r.runtime);
  return *model_;
}

namespace {

io::GenerationParameters parameters_for(const GenerationRequest& r, const ModelBundle& m, int index) {
  io::GenerationParameters p;
  p.prompt = r.prompt;
  p.negative_prompt = r.negative_prompt;
  p.steps = r.steps;
  p.sampler = r.sampler;
  p.cfg_scale = r.guidance_scale;
  p.seed = r.seed;
  std::tie(p.width, p.height) = output_size(r, m);
  p.model = m.name();
  if (r.pipeline != PipelineKind::kTxt2Img) p.denoising_strength = r.strength;
  if (r.clip_skip > 0) p.clip_skip = r.clip_skip + 1;  // A1111 counts the last layer as 1
  if (r.num_images > 1) {
    p.extra["Batch size"] = std::to_string(r.num_images);
    p.extra["Batch pos"] = std::to_string(index);
  }
  p.extra["Version"] = "Gesso";
  return p;
}

}  // namespace

namespace {

runtime::RunShape run_shape(const GenerationRequest& r, const ModelBundle& m) {
  const auto [width, height] = output_size(r, m);
  return {width, height, r.num_images, r.guidance_scale > 1.0};
}

}  // namespace

runtime::VramEstimate estimate_vram(const GenerationRequest& r, const ModelBundle& m) {
  return runtime::estimate_vram(footprint(m), run_shape(r, m), r.runtime);
}

namespace {

// The first sentences of LibTorch's out-of-memory text (the rest is allocator tuning advice).
std::string oom_summary(const std::string& what) {
  const auto cut = what.find(" Including non-PyTorch memory");
  auto summary = what.substr(0, std::min({cut, what.find('\n'), what.size()}));
  while (!summary.empty() && (summary.back() == '.' || summary.back() == ' ')) summary.pop_back();
  return summary;
}

}  // namespace

OutOfMemoryError StableDiffusionPipeline::out_of_memory(const GenerationRequest& r, const std::string& what) {
  unet_graph_.reset();               // its memory pool is the largest thing a retry can do without
  runtime::release_cached_memory();  // so that the next, smaller run can have it
  std::string message = "Out of device memory: " + what + ".";
  if (model_) {
    const auto need = estimate_vram(r, *model_);
    message += " This run needs about " + runtime::format_gib(need.total()) + " at its peak (" + need.peak_stage +
               "); " + runtime::memory_advice(footprint(*model_), run_shape(r, *model_), r.runtime) + ".";
  } else {
    message += " The model does not fit: try fp16, or model or sequential CPU offload.";
  }
  return OutOfMemoryError(message);
}

// A pretend budget on a device without a capped allocator: refuse the run its estimate says
// would not fit, as the smaller card would.
void StableDiffusionPipeline::check_budget(const GenerationRequest& r, const ModelBundle& m) {
  if (r.runtime.vram_budget <= 0 || m.device().is_cuda()) return;
  const auto need = estimate_vram(r, m).total();
  if (need > r.runtime.vram_budget)
    throw out_of_memory(r, "about " + runtime::format_gib(need) + " needed, over the VRAM budget of " +
                               runtime::format_gib(r.runtime.vram_budget));
}

GenerationResult StableDiffusionPipeline::run(const GenerationRequest& request, Observer& observer) {
  validate(request);
  const auto start = std::chrono::steady_clock::now();
  const auto device = resolve_device(request.runtime.device);
  const RunScope scope(request.runtime, device);
  try {
    ModelBundle& model = ensure_model(request, device, observer);  // outside InferenceMode: see the loader
    c10::InferenceMode inference;
    check_budget(request, model);
    if (model.is_inpainting_unet() && request.pipeline != PipelineKind::kInpaint)
      throw RequestError("model", model.name() + " is an inpainting model (9-channel UNet): give an init image and a mask");
    RunContext ctx = start_run(model, request, observer);
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
    observer.on_stage("denoise");
    GenerationResult result;
    result.latents = denoise(model, *ctx.scheduler, ctx.inputs, ctx.generator, observer);
    // Model offload uploads the UNet afresh each run (and the fused path concatenates its weights
    // again): a graph captured now would replay on freed weights next time.
    if (model.key.offload == runtime::Offload::kModel) unet_graph_.reset();
    observer.on_stage("decode");
    result.images = decode_latents(model, result.latents, vae_mode(request.runtime));
    for (int i = 0; i < static_cast<int>(result.images.size()); ++i) {
      if (inpainting) result.images[i] = inpaint::finish(*inpainting, result.images[i], request.inpaint);
      result.parameters.push_back(parameters_for(request, model, i));
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (request.runtime.release_memory) {
      unet_graph_.reset();
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
