#include "engine/pipelines/inpaint.h"

#include <torch/torch.h>

#include "engine/error.h"

namespace gesso::pipelines::inpaint {

Prepared prepare(const GenerationRequest& r, int width, int height) {
  Prepared p;
  p.original = io::to_rgb(*r.init_image);
  Image mask = io::to_gray(*r.mask);
  if (mask.width != p.original.width || mask.height != p.original.height)
    mask = io::resize(mask, p.original.width, p.original.height, io::Interp::kNearest);
  p.blurred_mask = r.inpaint.mask_blur > 0 ? blur_mask(mask, r.inpaint.mask_blur) : mask;
  if (r.inpaint.area == InpaintArea::kOnlyMasked) {
    p.region = masked_region(p.blurred_mask, r.inpaint.only_masked_padding, width, height);
    p.cropped = true;
    p.work_image = io::resize(crop(p.original, p.region), width, height, io::Interp::kLanczos);
    p.work_mask = io::resize(crop(p.blurred_mask, p.region), width, height, io::Interp::kLinear);
  } else {
    const bool same = p.original.width == width && p.original.height == height;
    p.work_image = same ? p.original : io::resize(p.original, width, height, io::Interp::kLanczos);
    p.work_mask = same ? p.blurred_mask : io::resize(p.blurred_mask, width, height, io::Interp::kLinear);
  }
  if (r.inpaint.masked_content == MaskedContent::kFill) p.work_image = fill_masked(p.work_image, p.work_mask);
  return p;
}

namespace {

// A1111's "latent noise" / "latent nothing": the masked part of the image latents replaced before
// they are noised, so that the original content does not steer the result there.
torch::Tensor masked_content_latents(RunContext& ctx, const torch::Tensor& image_latents, const torch::Tensor& mask) {
  switch (ctx.request.inpaint.masked_content) {
    case MaskedContent::kLatentNoise:
      return image_latents * (1 - mask) + randn_tensor(image_latents.sizes(), ctx.generator, ctx.model.device(),
                                                       ctx.model.dtype()) * mask;
    case MaskedContent::kLatentNothing: return image_latents * (1 - mask);
    default: return image_latents;
  }
}

torch::Tensor cfg_batch(const RunContext& ctx, const torch::Tensor& t) {
  return ctx.inputs.guidance ? torch::cat({t, t}) : t;
}

}  // namespace

void start(RunContext& ctx, const Prepared& p) {
  auto& s = *ctx.scheduler;
  const auto& r = ctx.request;
  const bool nine = ctx.model.is_inpainting_unet();
  if (!nine && ctx.model.unet->config().in_channels != 4)
    throw ModelFileError(ctx.model.file_of("unet"), "inpainting needs a UNet with 4 or 9 input channels");
  ctx.inputs.begin_index = begin_index_for_strength(r.steps, r.strength, s.order());
  if (ctx.inputs.begin_index >= s.timesteps().size(0))
    throw RequestError("strength", "leaves no step to run: raise strength or steps");
  s.set_begin_index(ctx.inputs.begin_index);
  const bool from_noise = r.strength == 1.0;

  const auto image = io::image_to_tensor(p.work_image).to(ctx.model.device(), ctx.model.dtype());
  const auto mask_condition = io::mask_to_tensor(p.work_mask).to(ctx.model.device());
  const int f = ctx.model.vae_scale_factor();
  const auto mask = torch::nn::functional::interpolate(
                        mask_condition, torch::nn::functional::InterpolateFuncOptions().size(
                                            std::vector<int64_t>{ctx.height / f, ctx.width / f}))
                        .to(ctx.model.dtype())
                        .repeat({r.num_images, 1, 1, 1});

  // Each image's copy sampled with its own generator, so that its seed alone gives it again
  // (diffusers' inpainting with a list would sample once, with generator 0); contiguous, as
  // diffusers' repeat leaves them.
  const auto how = vae_mode(r.runtime, ctx.model);
  torch::Tensor image_latents;
  if (!nine || !from_noise)
    image_latents = encode_image_latents(ctx.model, image, ctx.generator, how, r.num_images).contiguous();
  const auto noise = latent_noise(ctx);
  ctx.inputs.latents = from_noise ? noise * s.init_noise_sigma()
                                  : s.add_noise(masked_content_latents(ctx, image_latents, mask), noise,
                                                ctx.inputs.begin_index);

  const auto masked_image = image * (mask_condition < 0.5).to(image.dtype());
  const auto masked_latents = encode_image_latents(ctx.model, masked_image, ctx.generator, how, r.num_images).contiguous();
  if (nine) {
    ctx.inputs.unet_condition = torch::cat({cfg_batch(ctx, mask), cfg_batch(ctx, masked_latents)}, 1);
  } else {
    ctx.inputs.blend_image_latents = image_latents;
    ctx.inputs.blend_noise = noise;
    ctx.inputs.blend_mask = mask;
  }
}

Image finish(const Prepared& p, const Image& generated, const InpaintOptions& options) {
  if (p.cropped) {
    const Image pasted = paste_back(p.original, generated, p.region);
    return options.composite ? composite(p.original, pasted, p.blurred_mask) : pasted;
  }
  if (!options.composite) return generated;
  const bool same = p.original.width == generated.width && p.original.height == generated.height;
  return same ? composite(p.original, generated, p.blurred_mask) : composite(p.work_image, generated, p.work_mask);
}

}  // namespace gesso::pipelines::inpaint
