#pragma once
// AutoencoderKL (the Stable Diffusion VAE): images in [-1, 1] <-> latents.
//
//   encode: image -> encoder (conv_in, down blocks, mid block, norm, act, conv_out) -> quant_conv
//           -> DiagonalGaussian(mean, logvar)
//   decode: latent -> post_quant_conv -> decoder (conv_in, mid block, up blocks, norm, act,
//           conv_out) -> image (not clamped)
//
// scaling_factor / shift_factor are carried in the config for the pipelines; encode and decode
// work on unscaled latents, as diffusers' do.
#include "engine/models/layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/normalization.h>

#include <string>
#include <vector>

#include "engine/io/state_dict.h"
#include "engine/models/autoencoder_kl_config.h"
#include "engine/models/diagonal_gaussian.h"
#include "engine/models/vae_blocks.h"

namespace gesso::models {

class VaeEncoderImpl : public torch::nn::Module {
 public:
  explicit VaeEncoderImpl(const AutoencoderKLConfig& config);
  torch::Tensor forward(const torch::Tensor& image);  // -> [B, 2 * latent_channels, h, w]

 private:
  Conv2d conv_in_{nullptr};
  std::vector<DownEncoderBlock2D> down_blocks_;
  VaeMidBlock mid_block_{nullptr};
  GroupNorm conv_norm_out_{nullptr};
  Conv2d conv_out_{nullptr};
};
TORCH_MODULE(VaeEncoder);

class VaeDecoderImpl : public torch::nn::Module {
 public:
  explicit VaeDecoderImpl(const AutoencoderKLConfig& config);
  torch::Tensor forward(const torch::Tensor& latent);

 private:
  Conv2d conv_in_{nullptr};
  VaeMidBlock mid_block_{nullptr};
  std::vector<UpDecoderBlock2D> up_blocks_;
  GroupNorm conv_norm_out_{nullptr};
  Conv2d conv_out_{nullptr};
};
TORCH_MODULE(VaeDecoder);

class AutoencoderKLImpl : public torch::nn::Module {
 public:
  explicit AutoencoderKLImpl(const AutoencoderKLConfig& config);

  const AutoencoderKLConfig& config() const { return config_; }

  DiagonalGaussian encode(const torch::Tensor& image);  // image: [B, in_channels, H, W] in [-1, 1]
  torch::Tensor decode(const torch::Tensor& latent);    // latent: [B, latent_channels, h, w]

  // encode() before the Gaussian: encoder + quant_conv, [B, 2 * latent_channels, h, w] (diffusers'
  // _encode without tiling); tiled encoding blends these per tile (vae_tiling.h).
  torch::Tensor encode_moments(const torch::Tensor& image);

 private:
  AutoencoderKLConfig config_;
  VaeEncoder encoder_{nullptr};
  VaeDecoder decoder_{nullptr};
  Conv2d quant_conv_{nullptr};
  Conv2d post_quant_conv_{nullptr};
};
TORCH_MODULE(AutoencoderKL);

// Builds the model from <component_dir>/config.json and loads its weights (strict name match).
AutoencoderKL load_autoencoder_kl(const std::string& component_dir, const io::LoadOptions& options = {},
                                  const std::string& variant = "");
// The same from a config and weights given (names already the model's: see vae_key_rename).
AutoencoderKL load_autoencoder_kl(const ConfigReader& config, const io::WeightSet& weights,
                                  const io::LoadOptions& options = {});

}  // namespace gesso::models
