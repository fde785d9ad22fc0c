#include "engine/pipelines/x4_upscaler.h"

#include <torch/torch.h>

#include "engine/error.h"
#include "engine/models/config_reader.h"
#include "engine/runtime/module_offload.h"
#include "engine/schedulers/ddpm.h"

namespace gesso::pipelines {
namespace {

// StableDiffusionUpscalePipeline's registered max_noise_level (its model_index.json; 350 by default).
int max_noise_level(const ModelBundle& model) {
  const auto path = model.index.dir + "/model_index.json";
  return static_cast<int>(models::ConfigReader::open(path).integer("max_noise_level", 350));
}

std::unique_ptr<schedulers::Scheduler> scheduler_for(const ModelBundle& model, const X4Settings& s) {
  const auto name = s.sampler.empty() ? schedulers::default_sampler(model.scheduler_config) : s.sampler;
  auto config = model.scheduler_config;
  config.eta = s.eta;
  auto scheduler = schedulers::make_scheduler(name, config);
  scheduler->set_timesteps(s.steps);
  return scheduler;
}

torch::Tensor decode(ModelBundle& model, const torch::Tensor& latents) {
  const runtime::ComponentInUse in_use(model.offloads.find("vae"));
  const auto z = (latents / model.vae->config().scaling_factor).to(model.vae_dtype);
  return models::vae_decode(*model.vae, z, {}).to(torch::kFloat);
}

}  // namespace

void check_x4_settings(const ModelBundle& model, const X4Settings& s, const std::string& prefix) {
  if (s.steps < 1) throw RequestError(prefix + "steps", "must be at least 1, got " + std::to_string(s.steps));
  if (s.guidance_scale < 0) throw RequestError(prefix + "guidance_scale", "must not be negative");
  const int max_level = max_noise_level(model);
  if (s.noise_level < 0 || s.noise_level > max_level)
    throw RequestError(prefix + "noise_level", "must be in [0, " + std::to_string(max_level) + "] for " +
                                                   model.name() + ", got " + std::to_string(s.noise_level));
}

torch::Tensor x4_upscale(ModelBundle& model, const models::Conditioning& conditioning, const torch::Tensor& low,
                         const X4Settings& s, const BatchGenerator& generator, Observer& observer,
                         const DenoiseInputs& loop) {
  if (!model.noise_scheduler_config) throw ModelFileError(model.index.dir, "has no low_res_scheduler");
  const auto device = model.device();
  const auto dtype = model.dtype();
  auto scheduler = scheduler_for(model, s);
  const auto noiser = schedulers::DdpmScheduler::from_config(*model.noise_scheduler_config);
  const bool guidance = s.guidance_scale > 1.0;
  // diffusers draws the image's noise first, then the latents'.
  const auto image = low.to(device, dtype);
  const auto noise = randn_tensor(image.sizes(), generator, device, dtype);
  const auto level = torch::full({1}, s.noise_level, torch::TensorOptions().dtype(torch::kLong).device(device));
  const auto noised = noiser.add_noise_at(image, noise, level);
  const int64_t rows = guidance ? 2 : 1;
  auto in = loop;
  in.conditioning = conditioning;
  in.conditioning.class_labels = level.expand({rows}).contiguous();
  in.unet_condition = noised.expand({rows, -1, -1, -1}).contiguous();
  const auto latent_channels = model.vae->config().latent_channels;
  in.latents = randn_tensor({1, latent_channels, image.size(2), image.size(3)}, generator, device, dtype) *
               scheduler->init_noise_sigma();
  in.guidance = guidance;
  in.guidance_scale = s.guidance_scale;
  const auto latents = denoise(model, *scheduler, in, generator, observer);
  observer.on_stage("decode");
  return decode(model, latents);
}

}  // namespace gesso::pipelines
