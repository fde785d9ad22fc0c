#include "engine/models/autoencoder_kl_config.h"

#include "engine/models/config_reader.h"

namespace gesso::models {
namespace {

void require_block_types(const ConfigReader& r, const std::string& key, const std::string& expected,
                         std::size_t count) {
  const auto names = r.string_list(key, std::vector<std::string>(count, expected));
  if (names.size() != count)
    r.fail(key, "has " + std::to_string(names.size()) + " entries but block_out_channels has " +
                    std::to_string(count));
  for (const auto& name : names)
    if (name != expected) r.fail(key, "\"" + name + "\" is not supported (expected " + expected + ")");
}

void validate(const ConfigReader& r, const AutoencoderKLConfig& c) {
  if (c.block_out_channels.empty()) r.fail("block_out_channels", "must list at least one block");
  for (auto ch : c.block_out_channels) {
    if (ch <= 0) r.fail("block_out_channels", "values must be positive");
    if (c.norm_num_groups <= 0 || ch % c.norm_num_groups != 0)
      r.fail("norm_num_groups", std::to_string(c.norm_num_groups) + " does not divide block_out_channels entry " +
                                    std::to_string(ch));
  }
  for (const auto& [key, v] : {std::pair{"in_channels", c.in_channels}, std::pair{"out_channels", c.out_channels},
                               std::pair{"latent_channels", c.latent_channels},
                               std::pair{"layers_per_block", c.layers_per_block}})
    if (v <= 0) r.fail(key, "must be positive, got " + std::to_string(v));
  const auto latents = static_cast<std::size_t>(c.latent_channels);
  if (!c.latents_mean.empty() && c.latents_mean.size() != latents)
    r.fail("latents_mean", "needs one value per latent channel (" + std::to_string(latents) + ")");
  if (!c.latents_std.empty() && c.latents_std.size() != latents)
    r.fail("latents_std", "needs one value per latent channel (" + std::to_string(latents) + ")");
}

}  // namespace

AutoencoderKLConfig AutoencoderKLConfig::from_json_file(const std::string& path) { return from_reader(ConfigReader::open(path)); }

AutoencoderKLConfig AutoencoderKLConfig::from_reader(const ConfigReader& r) {
  AutoencoderKLConfig c;
  c.in_channels = r.integer("in_channels", 3);
  c.out_channels = r.integer("out_channels", 3);
  c.block_out_channels = r.integer_list("block_out_channels", {64});
  require_block_types(r, "down_block_types", "DownEncoderBlock2D", c.block_out_channels.size());
  require_block_types(r, "up_block_types", "UpDecoderBlock2D", c.block_out_channels.size());
  c.layers_per_block = r.integer("layers_per_block", 1);
  c.act_fn = read_activation(r, "act_fn", "silu");
  c.latent_channels = r.integer("latent_channels", 4);
  c.norm_num_groups = r.integer("norm_num_groups", 32);
  c.sample_size = r.optional_size("sample_size").value_or(std::vector<int64_t>{32, 32});
  c.scaling_factor = r.number("scaling_factor", 0.18215);
  c.shift_factor = r.optional_number("shift_factor");
  c.latents_mean = r.number_list("latents_mean");
  c.latents_std = r.number_list("latents_std");
  c.force_upcast = r.boolean("force_upcast", true);
  c.use_quant_conv = r.boolean("use_quant_conv", true);
  c.use_post_quant_conv = r.boolean("use_post_quant_conv", true);
  c.mid_block_add_attention = r.boolean("mid_block_add_attention", true);
  validate(r, c);
  return c;
}

}  // namespace gesso::models
