#pragma once
// How much device memory a run will need at its peak, before it runs: the GUI shows it next to
// the toggles, an out-of-memory error says by how much each toggle would lower it, and a pretend
// budget (RuntimeOptions::vram_budget) is checked against it on machines without a GPU allocator.
//
// The model is coarse on purpose: resident weights plus the largest stage's activations (the
// UNet's at the denoising batch, or the VAE decoder's feature maps), calibrated on SD 1.5 fp16 on
// an H200 (docs/benchmarks.md): 2.64 GiB at 512x512, 4.42 GiB at 1024x1024, 2.64 GiB with VAE
// tiling at 1024, 1.76 GiB with model offload, 0.64 GiB with sequential offload, 4.44 GiB with the
// math attention kernel, 3.67 GiB with the plain one.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/runtime/runtime_options.h"

namespace gesso::runtime {

// What the estimate needs to know of a loaded model (weights in the dtypes they run in).
struct ModelFootprint {
  int64_t text_encoder_bytes = 0, unet_bytes = 0, vae_bytes = 0;  // text encoders: all of them (SDXL: two)
  int64_t unet_heads = 8;           // heads of the UNet's first (largest) attention
  int first_attention_level = 0;    // its block: positions are latents / 4^level (SDXL: 1)
  // The UNet's feature-map width per latent position, sum of block_out_channels[i] / 4^i (580 for
  // SD 1.5, on which the activations are calibrated; 560 for SDXL).
  double unet_width = 580;
  int64_t vae_scale_factor = 8;     // pixels per latent
  int64_t vae_tile_pixels = 512;    // the VAE's sample_size: the tile edge when tiling
  int unet_dtype_bytes = 2, vae_dtype_bytes = 2;
  bool vae_upcast_in_fp16 = false;  // SDXL's force_upcast: an fp16 run decodes in float32
  // An SDXL refiner run after the base, resident beside it without offload (0: none). Its VAE
  // decodes the result.
  int64_t refiner_text_encoder_bytes = 0, refiner_unet_bytes = 0, refiner_vae_bytes = 0;
  double refiner_unet_width = 0;
};

// The UNet's sum of block_out_channels[i] / 4^i (ModelFootprint::unet_width).
double unet_width(const std::vector<int64_t>& block_out_channels);

// The run's shape: output size, images, whether classifier-free guidance doubles the UNet batch.
struct RunShape {
  int width = 512, height = 512;
  int images = 1;
  bool guidance = true;
};

struct VramEstimate {
  int64_t weights = 0;      // resident at the peak
  int64_t activations = 0;  // the peak stage's working memory
  std::string peak_stage;   // "UNet", "refiner UNet", "VAE decode", "text encoder"
  int64_t total() const { return weights + activations; }
};

VramEstimate estimate_vram(const ModelFootprint& model, const RunShape& shape, const RuntimeOptions& options);

// A toggle the user could switch on, and the estimate with it on.
struct MemorySuggestion {
  std::string toggle;  // as the user knows it: "VAE tiling", "model CPU offload", ...
  int64_t peak = 0;
};

// The toggles not yet on whose estimate is lower than the current one, most saving first.
std::vector<MemorySuggestion> memory_suggestions(const ModelFootprint& model, const RunShape& shape,
                                                 const RuntimeOptions& options);

// "switch on VAE tiling (about 2.7 GiB), model CPU offload (1.8 GiB), ... or lower the size or
// batch": the advice an out-of-memory error ends with.
std::string memory_advice(const ModelFootprint& model, const RunShape& shape, const RuntimeOptions& options);

std::string format_gib(int64_t bytes);  // "2.7 GiB", "640 MiB"

}  // namespace gesso::runtime
