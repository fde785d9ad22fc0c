#pragma once
// Tiled and sliced VAE encode / decode: diffusers' AutoencoderKL.encode / decode after
// enable_tiling() / enable_slicing(), with the same numbers on CPU fp32.
//
//   slicing: one batch entry at a time, then torch.cat (less activation memory, same images).
//   tiling:  an image (latent) larger than the tile is cut into tiles overlapping by a quarter,
//            each run alone, the overlaps blended linearly (blend_v, blend_h) and the tiles cropped
//            and concatenated. Memory stops growing with the image size; the result differs from
//            an untiled run, since a tile's encoder / decoder only sees that tile.
#include <torch/types.h>

#include <cstdint>

#include "engine/models/autoencoder_kl.h"
#include "engine/models/autoencoder_kl_config.h"
#include "engine/models/diagonal_gaussian.h"

namespace gesso::models {

struct VaeTiling {
  bool tiling = false;   // vae.enable_tiling()
  bool slicing = false;  // vae.enable_slicing()
  // The largest tile edge in image pixels (0: the config's). diffusers tiles at the config's
  // sample_size, 1024 for SDXL's VAE: no tiling at all at 1024²; a smaller tile (as A1111's and
  // ComfyUI's tiled VAE use) is what makes tiling save memory there.
  int64_t max_tile = 0;
};

// diffusers' tile_sample_min_size, tile_latent_min_size and tile_overlap_factor for a config.
struct VaeTileSizes {
  int64_t sample = 0;  // image pixels: config sample_size (its first entry when it is [h, w])
  int64_t latent = 0;  // latent pixels: int(sample / 2 ** (len(block_out_channels) - 1))
  double overlap_factor = 0.25;
};
VaeTileSizes vae_tile_sizes(const AutoencoderKLConfig& config, int64_t max_tile = 0);

// image: [B, in_channels, H, W] in [-1, 1]; tiled when H or W exceeds the sample tile.
DiagonalGaussian vae_encode(AutoencoderKLImpl& vae, const torch::Tensor& image, const VaeTiling& how);
// latent: [B, latent_channels, h, w], unscaled; tiled when h or w exceeds the latent tile.
torch::Tensor vae_decode(AutoencoderKLImpl& vae, const torch::Tensor& latent, const VaeTiling& how);

}  // namespace gesso::models
