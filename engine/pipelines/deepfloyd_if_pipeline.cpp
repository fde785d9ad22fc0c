#include "engine/pipelines/deepfloyd_if_pipeline.h"

#include <c10/core/InferenceMode.h>
#include <torch/torch.h>

#include <chrono>

#include "engine/error.h"
#include "engine/pipelines/deepfloyd_vram.h"
#include "engine/pipelines/run_scope.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/pipelines/t5_conditioner.h"
#include "engine/runtime/vram.h"
#include "engine/schedulers/ddpm.h"

namespace gesso::pipelines {
namespace {

namespace F = torch::nn::functional;

void check_stage(const IFStageSettings& s, const std::string& field) {
  if (s.steps < 1) throw RequestError(field + "_steps", "must be at least 1, got " + std::to_string(s.steps));
  if (s.guidance_scale < 0) throw RequestError(field + "_guidance_scale", "must not be negative");
}

// What the UNet's down path divides a side by.
int64_t size_multiple(const ModelBundle& m) { return int64_t{1} << (m.unet->config().num_blocks() - 1); }

bool learned_variance(const ModelBundle& m) {
  const auto& v = m.scheduler_config.variance_type;
  return v && (*v == "learned" || *v == "learned_range");
}

std::unique_ptr<schedulers::Scheduler> folder_scheduler(const ModelBundle& m, int steps) {
  auto scheduler = schedulers::make_scheduler(schedulers::default_sampler(m.scheduler_config), m.scheduler_config);
  scheduler->set_timesteps(steps);
  return scheduler;
}

// A stage's generators: its own seed (one per image from it), or the run's, continued.
BatchGenerator generator_for(const std::optional<uint64_t>& seed, const BatchGenerator& run, int images,
                             const std::string& device) {
  return seed ? BatchGenerator::per_image(*seed, images, device) : run;
}

struct StageLoop {
  bool graphs;
  std::string graph_key;
  int steps_before, steps_total;
};

DenoiseInputs loop_inputs(BundleSlot& slot, const StageLoop& loop, const models::Conditioning& c, double guidance) {
  DenoiseInputs in;
  in.conditioning = c;
  in.guidance = guidance > 1.0;
  in.guidance_scale = guidance;
  in.learned_variance = learned_variance(*slot.bundle);
  in.graph = loop.graphs ? &slot.graph : nullptr;
  in.graph_key = loop.graph_key;
  in.steps_before = loop.steps_before;
  in.steps_total = loop.steps_total;
  return in;
}

// The T5 record of [negative; prompt] (or the prompt alone without guidance), on the UNet's device.
models::Conditioning t5_record(ModelBundle& stage1, const IFRequest& r, bool guidance, const ModelBundle& target) {
  const PromptInput input{.prompt = r.prompt,
                          .negative = r.negative_prompt,
                          .num_images = r.num_images,
                          .guidance = guidance,
                          .clean_caption = r.clean_caption};
  auto c = stage1.conditioner->encode(input, target.dtype(), stage1.offloads);
  c.context = c.context.to(target.device());
  return c;
}

// IFSuperResolutionPipeline.preprocess_image's arithmetic (x / 127.5 - 1, not the VAE processor's
// x / 255 * 2 - 1: the last bit differs, and the stages amplify it).
torch::Tensor if_image_tensor(const Image& image) {
  const auto rgb = io::to_rgb(image);
  const auto hwc = torch::from_blob(const_cast<uint8_t*>(rgb.pixels.data()), {rgb.height, rgb.width, 3}, torch::kUInt8);
  return hwc.to(torch::kFloat32).div(127.5).sub(1.0).permute({2, 0, 1}).unsqueeze(0);
}

}  // namespace

void validate(const IFRequest& r) {
  if (r.stage1.model_dir.empty()) throw RequestError("stage1", "no DeepFloyd IF stage I model given (its T5 reads the prompt)");
  if (r.num_images < 1) throw RequestError("num_images", "must be at least 1");
  if (r.width < 0 || r.height < 0) throw RequestError(r.width < 0 ? "width" : "height", "must not be negative");
  check_stage(r.stage1, "stage1");
  if (!r.stage2.model_dir.empty()) {
    check_stage(r.stage2, "stage2");
    if (r.stage2.noise_level < 0) throw RequestError("stage2_noise_level", "must not be negative");
  }
  if (!r.stage3_dir.empty() && r.stage2.model_dir.empty() && !r.image)
    throw RequestError("stage3", "stage III upscales stage II's image: give a stage II model too");
  if (r.image && r.stage2.model_dir.empty())
    throw RequestError("image", "an image replaces stage I only when stage II runs on it");
}

io::GenerationParameters if_parameters(const IFRequest& r, const std::vector<std::string>& models, int width,
                                       int height, int index) {
  const auto own = [index](uint64_t seed) { return seed + static_cast<uint64_t>(index); };
  io::GenerationParameters p;
  p.prompt = r.prompt;
  p.negative_prompt = r.negative_prompt;
  p.steps = r.stage1.steps;
  p.sampler = "DDPM";
  p.cfg_scale = r.stage1.guidance_scale;
  p.seed = own(r.seed);
  p.width = width;
  p.height = height;
  p.model = models.empty() ? "" : models[0];
  if (r.clean_caption) p.extra["Clean caption"] = "True";
  if (r.image) p.extra["Stage I"] = "input image";
  if (models.size() > 1) {
    p.extra["Stage II model"] = models[1];
    p.extra["Stage II steps"] = std::to_string(r.stage2.steps);
    p.extra["Stage II CFG scale"] = io::format_number(r.stage2.guidance_scale);
    p.extra["Stage II noise level"] = std::to_string(r.stage2.noise_level);
    if (r.stage2.seed) p.extra["Stage II seed"] = std::to_string(own(*r.stage2.seed));
  }
  if (models.size() > 2) {
    p.extra["Stage III model"] = models[2];
    p.extra["Stage III steps"] = std::to_string(r.stage3.steps);
    p.extra["Stage III CFG scale"] = io::format_number(r.stage3.guidance_scale);
    p.extra["Stage III noise level"] = std::to_string(r.stage3.noise_level);
    if (!r.stage3.sampler.empty()) p.extra["Stage III sampler"] = r.stage3.sampler;
    if (r.stage3_seed) p.extra["Stage III seed"] = std::to_string(own(*r.stage3_seed));
  }
  return p;
}

// A pretend card (vram_budget) on a machine without a GPU allocator: refused by the estimate.
void DeepFloydIFPipeline::check_budget(const IFRequest& r) const {
  const auto& one = *stage1_.bundle;
  if (r.runtime.vram_budget <= 0 || one.device().is_cuda()) return;
  const auto need = estimate_if_vram(r, one, stage2_.bundle.get(), stage3_.bundle.get(), r.runtime).total();
  if (need > r.runtime.vram_budget)
    throw OutOfMemoryError("DeepFloyd IF is over the VRAM budget of " + runtime::format_gib(r.runtime.vram_budget) +
                           ": it " + if_memory_advice(r, one, stage2_.bundle.get(), stage3_.bundle.get()));
}

int DeepFloydIFPipeline::cached_prompts() const {
  const auto* m = stage1_.bundle.get();
  const auto* t5 = m ? dynamic_cast<const T5Conditioner*>(m->conditioner.get()) : nullptr;
  return t5 ? t5->cache_hits() : 0;
}

IFResult DeepFloydIFPipeline::generate(const IFRequest& r, bool graphs, const std::string& key, Observer& observer) {
  auto& one = *stage1_.bundle;
  const bool two = stage2_.bundle != nullptr, three = stage3_.bundle != nullptr;
  // default_size(): the UNet's sample_size (no VAE, so pixels), 64 for IF-I.
  const int64_t width = r.width > 0 ? r.width : one.default_size(), height = r.height > 0 ? r.height : one.default_size();
  if (width % size_multiple(one) != 0 || height % size_multiple(one) != 0)
    throw RequestError(r.width > 0 ? "width" : "height", "stage I sizes must be multiples of " +
                                                             std::to_string(size_multiple(one)) + ", got " +
                                                             std::to_string(width) + "x" + std::to_string(height));
  const int total = (r.image ? 0 : r.stage1.steps) + (two ? r.stage2.steps : 0) + (three ? r.num_images * r.stage3.steps : 0);
  const auto generator = BatchGenerator::per_image(r.seed, r.num_images, r.runtime.generator_device);
  IFResult result;
  std::vector<std::string> models{one.name()};
  StageLoop loop{graphs, key, 0, total};

  observer.on_stage("encode prompt");
  auto images = torch::Tensor();
  if (r.image) {
    if (r.image->width != width || r.image->height != height)
      throw RequestError("image", "stage II upscales a " + std::to_string(width) + "x" + std::to_string(height) +
                                      " stage I image; this one is " + std::to_string(r.image->width) + "x" +
                                      std::to_string(r.image->height) + ": resize it, or use Upscale x4");
    images = if_image_tensor(*r.image).to(one.device(), one.dtype()).repeat({r.num_images, 1, 1, 1});
  } else {
    const auto c1 = t5_record(one, r, r.stage1.guidance_scale > 1.0, one);
    observer.on_stage("stage I");
    auto scheduler = folder_scheduler(one, r.stage1.steps);
    auto in = loop_inputs(stage1_, loop, c1, r.stage1.guidance_scale);
    in.latents = randn_tensor({r.num_images, one.unet->config().in_channels, height, width}, generator, one.device(),
                              one.dtype()) * scheduler->init_noise_sigma();
    images = denoise(one, *scheduler, in, generator, observer);
    loop.steps_before += r.stage1.steps;
  }
  result.stage1 = images;
  result.stages.emplace_back();
  for (int64_t b = 0; b < images.size(0); ++b) result.stages.back().push_back(io::tensor_to_image(images, static_cast<int>(b)));

  if (two) {
    auto& m = *stage2_.bundle;
    models.push_back(m.name());
    const auto c2 = t5_record(one, r, r.stage2.guidance_scale > 1.0, m);
    observer.on_stage("stage II");
    const auto gen = generator_for(r.stage2.seed, generator, r.num_images, r.runtime.generator_device);
    auto scheduler = folder_scheduler(m, r.stage2.steps);
    const auto h2 = height * 4, w2 = width * 4;
    if (h2 % size_multiple(m) != 0 || w2 % size_multiple(m) != 0)
      throw RequestError("height", "stage II's output (" + std::to_string(w2) + "x" + std::to_string(h2) +
                                       ") must be a multiple of " + std::to_string(size_multiple(m)));
    auto in = loop_inputs(stage2_, loop, c2, r.stage2.guidance_scale);
    const auto batch = images.size(0);
    // diffusers: the intermediate images first, then the upscaled image's noise.
    in.latents = randn_tensor({batch, m.unet->config().in_channels / 2, h2, w2}, gen, m.device(), m.dtype()) *
                 scheduler->init_noise_sigma();
    auto upscaled = F::interpolate(images.to(m.device(), m.dtype()),
                                   F::InterpolateFuncOptions().size(std::vector<int64_t>{h2, w2})
                                       .mode(torch::kBilinear).align_corners(true));
    const auto noise = randn_tensor(upscaled.sizes(), gen, m.device(), m.dtype());
    if (!m.noise_scheduler_config) throw ModelFileError(m.index.dir, "has no image_noising_scheduler");
    const auto levels = torch::full({batch}, r.stage2.noise_level, torch::TensorOptions().dtype(torch::kLong).device(m.device()));
    upscaled = schedulers::DdpmScheduler::from_config(*m.noise_scheduler_config).add_noise_at(upscaled, noise, levels);
    in.unet_condition = in.guidance ? torch::cat({upscaled, upscaled}) : upscaled;
    in.conditioning.class_labels = in.guidance ? torch::cat({levels, levels}) : levels;
    images = denoise(m, *scheduler, in, gen, observer);
    loop.steps_before += r.stage2.steps;
    result.stage2 = images;
    result.stages.emplace_back();
    for (int64_t b = 0; b < images.size(0); ++b) result.stages.back().push_back(io::tensor_to_image(images, static_cast<int>(b)));
  }

  if (three) {
    auto& m = *stage3_.bundle;
    models.push_back(m.name());
    check_x4_settings(m, r.stage3, "stage3_");
    observer.on_stage("stage III");
    const auto gen = generator_for(r.stage3_seed, generator, r.num_images, r.runtime.generator_device);
    const PromptInput input{.prompt = r.prompt, .negative = r.negative_prompt,
                            .guidance = r.stage3.guidance_scale > 1.0};
    const auto c3 = m.conditioner->encode(input, m.dtype(), m.offloads);
    result.stages.emplace_back();
    DenoiseInputs base;
    base.graph = graphs ? &stage3_.graph : nullptr;
    base.graph_key = key;
    base.steps_total = total;
    std::vector<torch::Tensor> outputs;
    for (int64_t b = 0; b < images.size(0); ++b) {
      base.steps_before = loop.steps_before;
      const auto own = gen.row(static_cast<std::size_t>(b));  // diffusers' list: image b's generator draws its rows
      outputs.push_back(x4_upscale(m, c3, images.slice(0, b, b + 1), r.stage3, own, observer, base).cpu());
      loop.steps_before += r.stage3.steps;
      result.stages.back().push_back(io::tensor_to_image(outputs.back()));
    }
    result.stage3 = torch::cat(outputs);
  }
  const auto& last = result.stages.back();
  for (std::size_t i = 0; i < last.size(); ++i)
    result.parameters.push_back(if_parameters(r, models, last[i].width, last[i].height, static_cast<int>(i)));
  return result;
}

IFResult DeepFloydIFPipeline::run(const IFRequest& r, Observer& observer) {
  validate(r);
  const auto start = std::chrono::steady_clock::now();
  const auto device = resolve_device(r.runtime.device);
  const RunScope scope(r.runtime, device);
  try {
    std::vector<std::string> notes;
    auto& one = stage1_.ensure(ModelSpec{.path = r.stage1.model_dir}, device, r.runtime, "stage I", observer, notes);
    require_family(one, ModelFamily::kIF, "stage1");
    if (r.stage2.model_dir.empty()) {
      stage2_.reset();
    } else {
      auto& two = stage2_.ensure(ModelSpec{.path = r.stage2.model_dir}, device, r.runtime, "stage II", observer, notes);
      require_family(two, ModelFamily::kIFSuperResolution, "stage2");
    }
    if (r.stage3_dir.empty()) {
      stage3_.reset();
    } else {
      auto& three = stage3_.ensure(ModelSpec{.path = r.stage3_dir}, device, r.runtime, "stage III", observer, notes);
      require_family(three, ModelFamily::kSDUpscale, "stage3");
    }
    check_budget(r);
    c10::InferenceMode inference;
    auto result = generate(r, scope.cuda_graphs(), scope.graph_key(), observer);
    result.notes.insert(result.notes.begin(), notes.begin(), notes.end());
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (r.runtime.release_memory) {
      for (auto* slot : {&stage1_, &stage2_, &stage3_}) slot->graph.reset();
      runtime::release_cached_memory();
    }
    return result;
  } catch (const c10::OutOfMemoryError&) {
    for (auto* slot : {&stage1_, &stage2_, &stage3_}) slot->graph.reset();
    runtime::release_cached_memory();
    const std::string advice = stage1_.bundle ? "; it " + if_memory_advice(r, *stage1_.bundle, stage2_.bundle.get(),
                                                                          stage3_.bundle.get())
                                              : ": keep T5 on the CPU (--t5-cpu) or use model CPU offload";
    throw OutOfMemoryError("DeepFloyd IF ran out of device memory" + advice);
  } catch (const c10::Error& e) {
    throw Error(std::string("DeepFloyd IF failed: ") + e.what_without_backtrace());
  }
}

}  // namespace gesso::pipelines
