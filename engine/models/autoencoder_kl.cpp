#include "engine/models/autoencoder_kl.h"

#include "engine/io/checkpoint_keys.h"

#include <torch/torch.h>

#include <filesystem>

#include "engine/error.h"
#include "engine/models/config_reader.h"
#include "engine/models/module_list.h"

namespace gesso::models {
namespace {

Conv2d conv(int64_t in, int64_t out, int64_t kernel) {
  return Conv2d(in, out, kernel, 1, kernel / 2);
}

GroupNorm group_norm(int64_t groups, int64_t channels) {
  return GroupNorm(groups, channels, 1e-6);
}

VaeBlockOptions block_options(const AutoencoderKLConfig& c, int64_t in, int64_t out, int64_t layers) {
  return VaeBlockOptions{.in_channels = in,
                         .out_channels = out,
                         .num_layers = layers,
                         .resample = false,
                         .groups = c.norm_num_groups,
                         .eps = 1e-6,
                         .act = c.act_fn};
}

}  // namespace

VaeEncoderImpl::VaeEncoderImpl(const AutoencoderKLConfig& c) {
  const auto& widths = c.block_out_channels;
  conv_in_ = register_module("conv_in", conv(c.in_channels, widths.front(), 3));
  for (std::size_t i = 0; i < widths.size(); ++i) {
    auto o = block_options(c, widths[i == 0 ? 0 : i - 1], widths[i], c.layers_per_block);
    o.resample = i + 1 < widths.size();
    down_blocks_.emplace_back(o);
  }
  register_module_list(*this, "down_blocks", down_blocks_);
  mid_block_ = register_module(
      "mid_block", VaeMidBlock(block_options(c, widths.back(), widths.back(), 1), c.mid_block_add_attention));
  conv_norm_out_ = register_module("conv_norm_out", group_norm(c.norm_num_groups, widths.back()));
  // Mean and log-variance: twice the latent channels (diffusers' double_z).
  conv_out_ = register_module("conv_out", conv(widths.back(), 2 * c.latent_channels, 3));
}

torch::Tensor VaeEncoderImpl::forward(const torch::Tensor& image) {
  auto x = conv_in_->forward(image);
  for (auto& block : down_blocks_) x = block->forward(x);
  x = mid_block_->forward(x);
  // The output activation is SiLU whatever act_fn says, as in diffusers.
  return conv_out_->forward(conv_norm_out_->forward_silu(x));
}

VaeDecoderImpl::VaeDecoderImpl(const AutoencoderKLConfig& c) {
  const std::vector<int64_t> widths(c.block_out_channels.rbegin(), c.block_out_channels.rend());
  conv_in_ = register_module("conv_in", conv(c.latent_channels, widths.front(), 3));
  mid_block_ = register_module(
      "mid_block", VaeMidBlock(block_options(c, widths.front(), widths.front(), 1), c.mid_block_add_attention));
  for (std::size_t i = 0; i < widths.size(); ++i) {
    auto o = block_options(c, widths[i == 0 ? 0 : i - 1], widths[i], c.layers_per_block + 1);
    o.resample = i + 1 < widths.size();
    up_blocks_.emplace_back(o);
  }
  register_module_list(*this, "up_blocks", up_blocks_);
  conv_norm_out_ = register_module("conv_norm_out", group_norm(c.norm_num_groups, widths.back()));
  conv_out_ = register_module("conv_out", conv(widths.back(), c.out_channels, 3));
}

torch::Tensor VaeDecoderImpl::forward(const torch::Tensor& latent) {
  auto x = mid_block_->forward(conv_in_->forward(latent));
  for (auto& block : up_blocks_) x = block->forward(x);
  return conv_out_->forward(conv_norm_out_->forward_silu(x));
}

AutoencoderKLImpl::AutoencoderKLImpl(const AutoencoderKLConfig& config) : config_(config) {
  const auto latent = config.latent_channels;
  encoder_ = register_module("encoder", VaeEncoder(config));
  decoder_ = register_module("decoder", VaeDecoder(config));
  if (config.use_quant_conv) quant_conv_ = register_module("quant_conv", conv(2 * latent, 2 * latent, 1));
  if (config.use_post_quant_conv) post_quant_conv_ = register_module("post_quant_conv", conv(latent, latent, 1));
}

DiagonalGaussian AutoencoderKLImpl::encode(const torch::Tensor& image) {
  return DiagonalGaussian::from_moments(encode_moments(image));
}

torch::Tensor AutoencoderKLImpl::encode_moments(const torch::Tensor& image) {
  if (image.dim() != 4 || image.size(1) != config_.in_channels)
    throw Error("VAE encode: image has shape " + c10::str(image.sizes()) + "; expected [B, " +
                std::to_string(config_.in_channels) + ", H, W]");
  auto moments = encoder_->forward(image);
  if (quant_conv_) moments = quant_conv_->forward(moments);
  return moments;
}

torch::Tensor AutoencoderKLImpl::decode(const torch::Tensor& latent) {
  if (latent.dim() != 4 || latent.size(1) != config_.latent_channels)
    throw Error("VAE decode: latent has shape " + c10::str(latent.sizes()) + "; expected [B, " +
                std::to_string(config_.latent_channels) + ", h, w]");
  const auto z = post_quant_conv_ ? post_quant_conv_->forward(latent) : latent;
  return decoder_->forward(z);
}

AutoencoderKL load_autoencoder_kl(const std::string& component_dir, const io::LoadOptions& options,
                                  const std::string& variant) {
  const auto config_path = (std::filesystem::path(component_dir) / "config.json").string();
  const auto files = io::open_component_weights(component_dir, variant);
  const auto rename = options.rename ? options.rename : io::vae_key_rename(files);
  return load_autoencoder_kl(ConfigReader::open(config_path), io::renamed(io::WeightSet::of(files), rename), options);
}

AutoencoderKL load_autoencoder_kl(const ConfigReader& config, const io::WeightSet& weights,
                                  const io::LoadOptions& options) {
  AutoencoderKL model(AutoencoderKLConfig::from_reader(config));
  io::load_state_dict(*model, weights, options);
  model->eval();
  return model;
}

}  // namespace gesso::models
