#pragma once
// AutoencoderKL's config.json, typed; fields mirror the diffusers constructor (same names and
// defaults). Only the DownEncoderBlock2D / UpDecoderBlock2D layout is implemented.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/models/activation.h"

namespace gesso::models {

class ConfigReader;

struct AutoencoderKLConfig {
  int64_t in_channels = 3;
  int64_t out_channels = 3;
  std::vector<int64_t> block_out_channels{64};
  int64_t layers_per_block = 1;
  Activation act_fn = Activation::SiLU;
  int64_t latent_channels = 4;
  int64_t norm_num_groups = 32;
  std::vector<int64_t> sample_size{32, 32};  // {height, width} in image pixels
  double scaling_factor = 0.18215;
  std::optional<double> shift_factor;         // latents = (z - shift) * scale when set
  std::vector<double> latents_mean;           // per channel, when the config gives them
  std::vector<double> latents_std;
  bool force_upcast = true;                   // the VAE should run in fp32 even in an fp16 pipeline
  bool use_quant_conv = true;
  bool use_post_quant_conv = true;
  bool mid_block_add_attention = true;

  static AutoencoderKLConfig from_json_file(const std::string& path);
  static AutoencoderKLConfig from_reader(const ConfigReader& config);  // a config built in code (single files)

  // Image pixels per latent pixel (8 for Stable Diffusion).
  int64_t downscale_factor() const { return int64_t{1} << (block_out_channels.size() - 1); }
};

}  // namespace gesso::models
