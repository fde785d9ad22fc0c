#include "engine/io/ldm_checkpoint.h"

#include <torch/torch.h>

#include <algorithm>
#include <optional>
#include <set>

#include "engine/error.h"

namespace gesso::io {
namespace {

// "12.0.op.weight" -> (12, "0.op.weight"); nullopt when the key does not start with a number.
std::optional<std::pair<int64_t, std::string>> leading_index(const std::string& key) {
  std::size_t n = 0;
  while (n < key.size() && std::isdigit(static_cast<unsigned char>(key[n]))) ++n;
  if (n == 0 || n > 9 || n >= key.size() || key[n] != '.') return std::nullopt;
  return std::pair{std::stoll(key.substr(0, n)), key.substr(n + 1)};
}

bool starts(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

std::string after(const std::string& s, const std::string& prefix) { return s.substr(prefix.size()); }

// Swaps a leading name for another ("in_layers.0.weight" -> "norm1.weight").
std::optional<std::string> rename_leading(const std::string& key,
                                          std::initializer_list<std::pair<const char*, const char*>> names) {
  for (const auto& [from, to] : names)
    if (starts(key, from)) return std::string(to) + after(key, from);
  return std::nullopt;
}

std::optional<std::string> unet_resnet_key(const std::string& rest) {
  return rename_leading(rest, {{"in_layers.0.", "norm1."},
                               {"in_layers.2.", "conv1."},
                               {"emb_layers.1.", "time_emb_proj."},
                               {"out_layers.0.", "norm2."},
                               {"out_layers.3.", "conv2."},
                               {"skip_connection.", "conv_shortcut."}});
}

std::optional<std::string> vae_resnet_key(const std::string& rest) {
  return rename_leading(rest, {{"norm1.", "norm1."},
                               {"conv1.", "conv1."},
                               {"norm2.", "norm2."},
                               {"conv2.", "conv2."},
                               {"nin_shortcut.", "conv_shortcut."}});
}

// Raises the problem once, with a sample of the keys that caused it.
[[noreturn]] void unrecognised(const WeightSet& checkpoint, const std::string& what,
                               const std::vector<std::string>& keys) {
  std::string list;
  for (std::size_t i = 0; i < keys.size() && i < 8; ++i) list += (i ? ", " : "") + keys[i];
  if (keys.size() > 8) list += ", ...";
  throw ModelFileError(checkpoint.path(), std::to_string(keys.size()) + " " + what +
                                              " keys are not of the Stable Diffusion layout: " + list);
}

// The keys under `prefix`, without it.
std::vector<std::pair<std::string, const WeightEntry*>> under(const WeightSet& w, const std::string& prefix) {
  std::vector<std::pair<std::string, const WeightEntry*>> out;
  for (auto it = w.entries().lower_bound(prefix); it != w.entries().end() && starts(it->first, prefix); ++it)
    out.emplace_back(after(it->first, prefix), &it->second);
  return out;
}

const WeightEntry* entry(const WeightSet& w, const std::string& name) { return w.find(name); }

int64_t dim_of(const WeightSet& w, const std::string& name, std::size_t d) {
  const auto* e = entry(w, name);
  if (e == nullptr || e->shape.size() <= d) throw ModelFileError(w.path(), "missing or mis-shaped tensor '" + name + "'");
  return e->shape[d];
}

// Distinct values of the number right after `prefix` ("input_blocks." -> {0, 1, ..., 11}).
std::set<int64_t> indices_after(const WeightSet& w, const std::string& prefix) {
  std::set<int64_t> out;
  for (const auto& [rest, e] : under(w, prefix))
    if (auto idx = leading_index(rest)) out.insert(idx->first);
  return out;
}

// ------------------------------------------------------------------------------------------ UNet

struct UNetKeyMap {
  int64_t layers_per_block;
  bool label_emb_as_class;

  std::optional<std::string> operator()(const std::string& k) const {
    if (auto fixed = rename_leading(k, {{"time_embed.0.", "time_embedding.linear_1."},
                                        {"time_embed.2.", "time_embedding.linear_2."},
                                        {"input_blocks.0.0.", "conv_in."},
                                        {"out.0.", "conv_norm_out."},
                                        {"out.2.", "conv_out."}}))
      return fixed;
    const std::string emb = label_emb_as_class ? "class_embedding." : "add_embedding.";
    if (auto label = rename_leading(k, {{"label_emb.0.0.", "linear_1."}, {"label_emb.0.2.", "linear_2."}}))
      return emb + *label;
    if (starts(k, "input_blocks.")) return input_block(after(k, "input_blocks."));
    if (starts(k, "middle_block.")) return middle_block(after(k, "middle_block."));
    if (starts(k, "output_blocks.")) return output_block(after(k, "output_blocks."));
    return std::nullopt;
  }

  std::optional<std::string> input_block(const std::string& k) const {
    const auto i = leading_index(k);
    if (!i || i->first < 1) return std::nullopt;
    const auto s = leading_index(i->second);
    if (!s) return std::nullopt;
    const std::string block = "down_blocks." + std::to_string((i->first - 1) / (layers_per_block + 1)) + ".";
    const std::string j = std::to_string((i->first - 1) % (layers_per_block + 1));
    if (s->first == 0 && starts(s->second, "op.")) return block + "downsamplers.0.conv." + after(s->second, "op.");
    if (s->first == 0) return prefixed(block + "resnets." + j + ".", unet_resnet_key(s->second));
    if (s->first == 1) return block + "attentions." + j + "." + s->second;
    return std::nullopt;
  }

  static std::optional<std::string> middle_block(const std::string& k) {
    const auto s = leading_index(k);
    if (!s) return std::nullopt;
    if (s->first == 0 || s->first == 2)
      return prefixed("mid_block.resnets." + std::to_string(s->first / 2) + ".", unet_resnet_key(s->second));
    if (s->first == 1) return "mid_block.attentions.0." + s->second;
    return std::nullopt;
  }

  std::optional<std::string> output_block(const std::string& k) const {
    const auto i = leading_index(k);
    if (!i) return std::nullopt;
    const auto s = leading_index(i->second);
    if (!s) return std::nullopt;
    const std::string block = "up_blocks." + std::to_string(i->first / (layers_per_block + 1)) + ".";
    const std::string j = std::to_string(i->first % (layers_per_block + 1));
    // The upsampler is the last module of the level's last output block: .1 without a
    // transformer, .2 after one.
    if (s->first >= 1 && starts(s->second, "conv.")) return block + "upsamplers.0.conv." + after(s->second, "conv.");
    if (s->first == 0) return prefixed(block + "resnets." + j + ".", unet_resnet_key(s->second));
    if (s->first == 1) return block + "attentions." + j + "." + s->second;
    return std::nullopt;
  }

  static std::optional<std::string> prefixed(const std::string& p, const std::optional<std::string>& rest) {
    return rest ? std::optional<std::string>(p + *rest) : std::nullopt;
  }
};

// ------------------------------------------------------------------------------------------ VAE

struct VaeKeyMap {
  int64_t levels;

  std::optional<std::string> operator()(const std::string& k) const {
    if (starts(k, "quant_conv.") || starts(k, "post_quant_conv.")) return k;
    for (const char* side : {"encoder.", "decoder."}) {
      if (!starts(k, side)) continue;
      auto inner = part(after(k, side), side == std::string("decoder."));
      return inner ? std::optional<std::string>(side + *inner) : std::nullopt;
    }
    return std::nullopt;
  }

  std::optional<std::string> part(const std::string& k, bool decoder) const {
    if (auto fixed = rename_leading(k, {{"conv_in.", "conv_in."}, {"conv_out.", "conv_out."}, {"norm_out.", "conv_norm_out."}}))
      return fixed;
    for (const auto& [from, to] : {std::pair{"mid.block_1.", "mid_block.resnets.0."}, {"mid.block_2.", "mid_block.resnets.1."}}) {
      if (!starts(k, from)) continue;
      const auto rest = vae_resnet_key(after(k, from));
      return rest ? std::optional<std::string>(to + *rest) : std::nullopt;
    }
    if (starts(k, "mid.attn_1.")) return mid_attention(after(k, "mid.attn_1."));
    const std::string level_prefix = decoder ? "up." : "down.";
    if (!starts(k, level_prefix)) return std::nullopt;
    const auto i = leading_index(after(k, level_prefix));
    if (!i || i->first >= levels) return std::nullopt;
    // LDM counts the decoder's levels from the lowest resolution up; diffusers from the top.
    const int64_t level = decoder ? levels - 1 - i->first : i->first;
    const std::string block = (decoder ? "up_blocks." : "down_blocks.") + std::to_string(level) + ".";
    const std::string sampler = decoder ? "upsample.conv." : "downsample.conv.";
    if (starts(i->second, sampler))
      return block + (decoder ? "upsamplers.0.conv." : "downsamplers.0.conv.") + after(i->second, sampler);
    if (!starts(i->second, "block.")) return std::nullopt;
    const auto j = leading_index(after(i->second, "block."));
    if (!j) return std::nullopt;
    const auto rest = vae_resnet_key(j->second);
    return rest ? std::optional<std::string>(block + "resnets." + std::to_string(j->first) + "." + *rest) : std::nullopt;
  }

  static std::optional<std::string> mid_attention(const std::string& k) {
    auto name = rename_leading(k, {{"norm.", "group_norm."}, {"q.", "to_q."}, {"k.", "to_k."}, {"v.", "to_v."},
                                   {"proj_out.", "to_out.0."}});
    return name ? std::optional<std::string>("mid_block.attentions.0." + *name) : std::nullopt;
  }
};

// A 1x1 convolution's [out, in, 1, 1] weight as the [out, in] of a Linear (a view).
WeightEntry squeezed(const WeightEntry& e) {
  if (e.shape.size() <= 2) return e;
  WeightEntry out{{e.shape[0], e.shape[1]}, e.dtype, nullptr};
  out.view = [src = e.view] {
    auto t = src();
    return t.reshape({t.size(0), t.size(1)});
  };
  return out;
}

// Rows [part * n, (part + 1) * n) of a fused in_proj (a view).
WeightEntry third(const WeightEntry& e, int64_t part) {
  WeightEntry out = e;
  const int64_t n = e.shape[0] / 3;
  out.shape[0] = n;
  out.view = [src = e.view, part, n] { return src().narrow(0, part * n, n); };
  return out;
}

WeightEntry transposed(const WeightEntry& e) {
  WeightEntry out = e;
  std::reverse(out.shape.begin(), out.shape.end());
  out.view = [src = e.view] { return src().t(); };
  return out;
}

std::optional<std::string> open_clip_layer_key(const std::string& rest) {
  return rename_leading(rest, {{"ln_1.", "layer_norm1."},
                               {"ln_2.", "layer_norm2."},
                               {"attn.out_proj.", "self_attn.out_proj."},
                               {"mlp.c_fc.", "mlp.fc1."},
                               {"mlp.c_proj.", "mlp.fc2."}});
}

bool ignored_open_clip_key(const std::string& k, bool with_projection) {
  return k == "logit_scale" || k == "attn_mask" || starts(k, "visual.") || (k == "text_projection" && !with_projection);
}

}  // namespace

bool has_prefix(const WeightSet& weights, const std::string& prefix) {
  const auto it = weights.entries().lower_bound(prefix);
  return it != weights.entries().end() && starts(it->first, prefix);
}

LdmUNetShape ldm_unet_shape(const WeightSet& w, bool encoder_only) {
  const std::string p = kLdmUNetPrefix;
  if (!w.contains(p + "input_blocks.0.0.weight") || (!encoder_only && !w.contains(p + "out.2.weight")))
    throw ModelFileError(w.path(), "no Stable Diffusion UNet in the file (looked for " + p +
                                       "input_blocks.0.0.weight" + (encoder_only ? "" : " and " + p + "out.2.weight") +
                                       ")");
  LdmUNetShape s;
  s.in_channels = dim_of(w, p + "input_blocks.0.0.weight", 1);
  s.out_channels = encoder_only ? 0 : dim_of(w, p + "out.2.weight", 0);
  const auto inputs = indices_after(w, p + "input_blocks.");
  int64_t downsamplers = 0;
  for (const auto i : inputs) downsamplers += w.contains(p + "input_blocks." + std::to_string(i) + ".0.op.weight");
  const auto levels = downsamplers + 1;
  const auto count = static_cast<int64_t>(inputs.size());
  if ((count - levels) % levels != 0 || count <= levels)
    throw ModelFileError(w.path(), "UNet input blocks (" + std::to_string(count) + ") do not form " +
                                       std::to_string(levels) + " levels");
  s.layers_per_block = (count - levels) / levels;
  for (int64_t b = 0; b < levels; ++b) {
    const std::string first = p + "input_blocks." + std::to_string(1 + b * (s.layers_per_block + 1)) + ".";
    s.block_out_channels.push_back(dim_of(w, first + "0.out_layers.3.weight", 0));
    const bool attn = w.contains(first + "1.proj_in.weight");
    s.attention.push_back(attn);
    s.transformer_depth.push_back(attn ? static_cast<int64_t>(indices_after(w, first + "1.transformer_blocks.").size()) : 1);
    if (attn && s.cross_attention_dim == 0) {
      s.cross_attention_dim = dim_of(w, first + "1.transformer_blocks.0.attn2.to_k.weight", 1);
      s.linear_projection = w.at(first + "1.proj_in.weight").shape.size() == 2;
    }
  }
  if (const auto* label = entry(w, p + "label_emb.0.0.weight")) s.adm_in_channels = label->shape.at(1);
  const auto mid = indices_after(w, p + "middle_block.1.transformer_blocks.");
  if (!mid.empty()) s.mid_transformer_depth = static_cast<int64_t>(mid.size());
  return s;
}

std::optional<std::string> ldm_unet_key(const std::string& key, int64_t layers_per_block) {
  return UNetKeyMap{layers_per_block, false}(key);
}

WeightSet ldm_unet_weights(const WeightSet& checkpoint, const LdmUNetShape& shape, bool label_emb_as_class) {
  const UNetKeyMap map{shape.layers_per_block, label_emb_as_class};
  WeightSet out(checkpoint.path());
  std::vector<std::string> unknown;
  for (const auto& [key, e] : under(checkpoint, kLdmUNetPrefix)) {
    if (auto name = map(key)) out.add(*name, *e);
    else unknown.push_back(kLdmUNetPrefix + key);
  }
  if (!unknown.empty()) unrecognised(checkpoint, "UNet", unknown);
  return out;
}

LdmVaeShape ldm_vae_shape(const WeightSet& w, const std::string& p) {
  if (!w.contains(p + "encoder.conv_in.weight") || !w.contains(p + "decoder.conv_out.weight"))
    throw ModelFileError(w.path(), "no VAE in the file (looked for " + p + "encoder.conv_in.weight and " + p +
                                       "decoder.conv_out.weight)");
  LdmVaeShape s;
  s.in_channels = dim_of(w, p + "encoder.conv_in.weight", 1);
  s.out_channels = dim_of(w, p + "decoder.conv_out.weight", 0);
  s.latent_channels = dim_of(w, p + "encoder.conv_out.weight", 0) / 2;  // mean and log-variance
  for (const auto i : indices_after(w, p + "encoder.down."))
    s.block_out_channels.push_back(dim_of(w, p + "encoder.down." + std::to_string(i) + ".block.0.conv1.weight", 0));
  s.layers_per_block = static_cast<int64_t>(indices_after(w, p + "encoder.down.0.block.").size());
  return s;
}

WeightSet ldm_vae_weights(const WeightSet& checkpoint, const std::string& prefix) {
  const VaeKeyMap map{static_cast<int64_t>(indices_after(checkpoint, prefix + "decoder.up.").size())};
  WeightSet out(checkpoint.path());
  std::vector<std::string> unknown;
  for (const auto& [key, e] : under(checkpoint, prefix)) {
    // A VAE saved from training carries its loss (LPIPS, discriminator); EMA copies are not used.
    if (prefix.empty() && (starts(key, "loss.") || starts(key, "model_ema."))) continue;
    auto name = map(key);
    if (!name) {
      unknown.push_back(prefix + key);
      continue;
    }
    const bool attention_weight = name->find("mid_block.attentions.0.to_") != std::string::npos;
    out.add(*name, attention_weight ? squeezed(*e) : *e);
  }
  if (!unknown.empty()) unrecognised(checkpoint, "VAE", unknown);
  return out;
}

WeightSet ldm_clip_weights(const WeightSet& checkpoint, const std::string& prefix) {
  WeightSet out(checkpoint.path());
  for (const auto& [key, e] : under(checkpoint, prefix)) {
    const std::string name = starts(key, "text_model.") ? key : "text_model." + key;
    // Recomputed by the model; some A1111-era files hold them as corrupted floats.
    if (name == "text_model.embeddings.position_ids") continue;
    out.add(name, *e);
  }
  return out;
}

OpenClipShape open_clip_shape(const WeightSet& w, const std::string& p) {
  OpenClipShape s;
  s.vocab_size = dim_of(w, p + "token_embedding.weight", 0);
  s.hidden_size = dim_of(w, p + "token_embedding.weight", 1);
  s.max_positions = dim_of(w, p + "positional_embedding", 0);
  s.num_layers = static_cast<int64_t>(indices_after(w, p + "transformer.resblocks.").size());
  s.intermediate_size = dim_of(w, p + "transformer.resblocks.0.mlp.c_fc.weight", 0);
  if (const auto* proj = entry(w, p + "text_projection")) s.projection_dim = proj->shape.at(1);
  return s;
}

WeightSet open_clip_weights(const WeightSet& checkpoint, const std::string& prefix, int64_t num_layers,
                            bool with_projection) {
  WeightSet out(checkpoint.path());
  std::vector<std::string> unknown;
  for (const auto& [key, e] : under(checkpoint, prefix)) {
    if (ignored_open_clip_key(key, with_projection)) continue;
    if (auto fixed = rename_leading(key, {{"token_embedding.", "text_model.embeddings.token_embedding."},
                                          {"ln_final.", "text_model.final_layer_norm."}})) {
      out.add(*fixed, *e);
    } else if (key == "positional_embedding") {
      out.add("text_model.embeddings.position_embedding.weight", *e);
    } else if (key == "text_projection") {
      out.add("text_projection.weight", transposed(*e));
    } else if (const auto layer = starts(key, "transformer.resblocks.") ? leading_index(after(key, "transformer.resblocks."))
                                                                        : std::nullopt) {
      if (layer->first >= num_layers) continue;  // past the layer the family reads (SD 2.x: penultimate)
      const std::string base = "text_model.encoder.layers." + std::to_string(layer->first) + ".";
      if (starts(layer->second, "attn.in_proj_")) {
        const std::string what = layer->second == "attn.in_proj_weight" ? "weight" : "bias";
        for (int64_t part = 0; part < 3; ++part)
          out.add(base + "self_attn." + std::string("qkv").substr(part, 1) + "_proj." + what, third(*e, part));
      } else if (auto name = open_clip_layer_key(layer->second)) {
        out.add(base + *name, *e);
      } else {
        unknown.push_back(prefix + key);
      }
    } else {
      unknown.push_back(prefix + key);
    }
  }
  if (!unknown.empty()) unrecognised(checkpoint, "OpenCLIP text", unknown);
  return out;
}

// ------------------------------------------------------------------------------------ ControlNet

namespace {

// The file's keys without "control_model.", and the UNet half under kLdmUNetPrefix (the layout
// ldm_unet_shape / ldm_unet_weights read).
WeightSet controlnet_as_checkpoint(const WeightSet& w) {
  const bool prefixed = has_prefix(w, kLdmControlPrefix);
  WeightSet out(w.path());
  for (const auto& [name, e] : w.entries()) {
    if (prefixed && !starts(name, kLdmControlPrefix)) continue;  // a full model's other parts
    const auto key = prefixed ? after(name, kLdmControlPrefix) : name;
    const bool control = starts(key, "input_hint_block.") || starts(key, "zero_convs.") ||
                         starts(key, "middle_block_out.");
    out.add(control ? key : std::string(kLdmUNetPrefix) + key, e);
  }
  return out;
}

// input_hint_block's convolutions (the SiLUs between them have no weights): their indices in order.
std::vector<int64_t> hint_convs(const WeightSet& w) {
  std::vector<int64_t> out;
  for (const auto i : indices_after(w, "input_hint_block."))
    if (w.contains("input_hint_block." + std::to_string(i) + ".weight")) out.push_back(i);
  return out;
}

// "<index>.<param>" of input_hint_block under controlnet_cond_embedding: the first convolution is
// conv_in, the last conv_out, those between are blocks in order.
std::optional<std::string> hint_key(const std::string& rest, const std::vector<int64_t>& convs) {
  const auto hint = leading_index(rest);
  if (!hint) return std::nullopt;
  const auto k = static_cast<std::size_t>(std::find(convs.begin(), convs.end(), hint->first) - convs.begin());
  if (k == convs.size()) return std::nullopt;
  const std::string module = k == 0                 ? "conv_in."
                             : k + 1 == convs.size() ? "conv_out."
                                                     : "blocks." + std::to_string(k - 1) + ".";
  return "controlnet_cond_embedding." + module + hint->second;
}

}  // namespace

bool is_ldm_controlnet(const WeightSet& w) {
  return w.contains(std::string(kLdmControlPrefix) + "input_hint_block.0.weight") ||
         w.contains("input_hint_block.0.weight");
}

LdmControlNetShape ldm_controlnet_shape(const WeightSet& file) {
  const auto w = controlnet_as_checkpoint(file);
  LdmControlNetShape s;
  s.unet = ldm_unet_shape(w, /*encoder_only=*/true);
  const auto convs = hint_convs(w);
  // conv_in, then pairs (a conv, a strided conv to the next width), then conv_out.
  if (convs.size() < 2 || convs.size() % 2 != 0)
    throw ModelFileError(file.path(), "input_hint_block has " + std::to_string(convs.size()) +
                                          " convolutions; a ControlNet's hint embedding has conv_in, pairs, conv_out");
  const auto conv = [&](std::size_t k) { return "input_hint_block." + std::to_string(convs[k]) + ".weight"; };
  s.hint_channels = dim_of(w, conv(0), 1);
  s.embedding_channels.push_back(dim_of(w, conv(0), 0));
  for (std::size_t k = 2; k + 1 < convs.size(); k += 2) s.embedding_channels.push_back(dim_of(w, conv(k), 0));
  return s;
}

WeightSet ldm_controlnet_weights(const WeightSet& file, const LdmControlNetShape& shape) {
  const auto w = controlnet_as_checkpoint(file);
  const UNetKeyMap map{shape.unet.layers_per_block, false};
  const auto convs = hint_convs(w);
  WeightSet out(file.path());
  std::vector<std::string> unknown;
  for (const auto& [key, e] : w.entries()) {
    std::optional<std::string> name;
    if (starts(key, kLdmUNetPrefix)) {
      name = map(after(key, kLdmUNetPrefix));
    } else if (starts(key, "input_hint_block.")) {
      name = hint_key(after(key, "input_hint_block."), convs);
    } else if (starts(key, "zero_convs.")) {
      const auto zero = leading_index(after(key, "zero_convs."));
      if (zero && starts(zero->second, "0."))
        name = "controlnet_down_blocks." + std::to_string(zero->first) + "." + after(zero->second, "0.");
    } else if (starts(key, "middle_block_out.0.")) {
      name = "controlnet_mid_block." + after(key, "middle_block_out.0.");
    }
    if (name) out.add(*name, e);
    else unknown.push_back(key);
  }
  if (!unknown.empty()) unrecognised(file, "ControlNet", unknown);
  return out;
}

}  // namespace gesso::io
