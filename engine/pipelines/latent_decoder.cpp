#include "engine/pipelines/latent_decoder.h"

#include <torch/torch.h>

#include "engine/io/image.h"
#include "engine/runtime/module_offload.h"
#include "engine/runtime/runtime_options.h"

namespace gesso::pipelines {
namespace {

torch::Tensor decode(ModelBundle& m, const torch::Tensor& latents, const models::VaeTiling& how) {
  const runtime::ComponentInUse in_use(m.offloads.find("vae"));
  const auto z = (latents / m.vae->config().scaling_factor).to(m.vae_dtype);
  return models::vae_decode(*m.vae, z, how);
}

bool has_nan(const torch::Tensor& t) { return torch::isnan(t).any().item<bool>(); }

}  // namespace

Decoded decode_latents(ModelBundle& m, const torch::Tensor& latents, const models::VaeTiling& how) {
  Decoded out;
  auto images = decode(m, latents, how);
  if (has_nan(images) && m.vae_dtype != torch::kFloat) {
    const auto was = runtime::dtype_name(m.vae_dtype);
    upcast_vae(m);
    images = decode(m, latents, how);
    out.note = "The VAE's " + was + " decode gave NaNs (a black image), so it was decoded again in fp32; " + m.name() +
               "'s VAE now stays in fp32. Switch on \"VAE in fp32\" (--vae-fp32) to skip the failed try, or use an "
               "fp16-safe VAE.";
  }
  if (has_nan(images))
    out.note += std::string(out.note.empty() ? "" : " ") +
                "The latents themselves hold NaNs (the denoiser overflowed): try bf16 or fp32.";
  for (int64_t i = 0; i < images.size(0); ++i) out.images.push_back(io::tensor_to_image(images, static_cast<int>(i)));
  return out;
}

}  // namespace gesso::pipelines
