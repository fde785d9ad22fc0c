#include "engine/pipelines/model_file.h"

#include <filesystem>
#include <fstream>

#include "engine/error.h"
#include "engine/io/ldm_checkpoint.h"
#include "engine/io/model_folder.h"
#include "engine/io/torch_checkpoint.h"
#include "engine/models/config_reader.h"

namespace gesso::pipelines {
namespace {

namespace fs = std::filesystem;

bool starts(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

bool any_key(const io::WeightSet& w, const std::function<bool(const std::string&)>& test) {
  for (const auto& [name, e] : w.entries())
    if (test(name)) return true;
  return false;
}

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

int64_t width_of(const io::WeightSet& w, const std::string& name, std::size_t d) {
  const auto* e = w.find(name);
  return e != nullptr && e->shape.size() > d ? e->shape[d] : 0;
}

// The family a cross-attention context width belongs to (diffusers' single-file rule reads it
// from one attn2.to_k weight).
std::optional<ModelFamily> family_of_context(int64_t width) {
  switch (width) {
    case 768: return ModelFamily::kSD1;
    case 1024: return ModelFamily::kSD2;
    case 2048: return ModelFamily::kSDXL;
    case 1280: return ModelFamily::kSDXLRefiner;
    default: return std::nullopt;
  }
}

std::optional<ModelFamily> family_of_text_width(int64_t width) {
  if (width == 768) return ModelFamily::kSD1;
  if (width == 1024) return ModelFamily::kSD2;
  return std::nullopt;
}

// The text encoders a checkpoint carries name its family; where there are none, the UNet's
// context width does.
std::optional<ModelFamily> checkpoint_family(const io::WeightSet& w) {
  if (io::has_prefix(w, io::kSgmOpenClipPrefix)) return ModelFamily::kSDXL;
  if (io::has_prefix(w, io::kSgmRefinerClipPrefix)) return ModelFamily::kSDXLRefiner;
  if (io::has_prefix(w, io::kLdmOpenClipPrefix)) return ModelFamily::kSD2;
  if (io::has_prefix(w, io::kLdmClipPrefix)) return ModelFamily::kSD1;
  for (const auto& [name, e] : w.entries())
    if (starts(name, io::kLdmUNetPrefix) && name.ends_with("attn2.to_k.weight") && e.shape.size() == 2)
      return family_of_context(e.shape[1]);
  return std::nullopt;
}

ModelFileInfo checkpoint_info(const io::WeightSet& w) {
  ModelFileInfo info{.path = w.path(), .kind = ModelFileKind::kCheckpoint};
  info.family = checkpoint_family(w);
  info.inpainting = width_of(w, std::string(io::kLdmUNetPrefix) + "input_blocks.0.0.weight", 1) == 9;
  info.v_prediction = w.contains("v_pred");
  return info;
}

bool is_lora_key(const std::string& k) {
  return contains(k, "lora_down") || contains(k, "lora_up") || contains(k, ".lora_A.") || contains(k, ".lora_B.") ||
         contains(k, ".lora.down.") || contains(k, ".lora.up.") || starts(k, "lora_unet_") || starts(k, "lora_te") ||
         contains(k, ".hada_w1_") || contains(k, ".lokr_w1");
}

// kohya's names (lora_te1_ / lora_te2_ are SDXL's), then the widths: the input width of a
// cross-attention key projection is the UNet's context width, a text encoder's layers' its hidden
// size. Both spellings: kohya's "attn2_to_k.lora_down", PEFT's "attn2.to_k.lora_A".
std::optional<ModelFamily> lora_family(const io::WeightSet& w) {
  if (any_key(w, [](const std::string& k) {
        return starts(k, "lora_te1_") || starts(k, "lora_te2_") || starts(k, "text_encoder_2.");
      }))
    return ModelFamily::kSDXL;
  const auto down = [](const std::string& k) {
    return contains(k, "lora_down") || contains(k, "lora_A.") || contains(k, "lora.down.");
  };
  for (const auto& [name, e] : w.entries())
    if ((starts(name, "lora_te_") || starts(name, "text_encoder.")) && contains(name, "self_attn") && down(name) &&
        e.shape.size() == 2)
      if (auto family = family_of_text_width(e.shape[1])) return family;
  for (const auto& [name, e] : w.entries())
    if ((contains(name, "attn2_to_k") || contains(name, "attn2.to_k")) && down(name) && e.shape.size() == 2)
      return family_of_context(e.shape[1]);
  return std::nullopt;
}

// A1111's textual inversion: "string_to_param.*" (.pt), "emb_params" (.safetensors); SDXL's pair
// of "clip_l" / "clip_g".
bool is_embedding(const io::WeightSet& w) {
  return w.contains("emb_params") || w.contains("clip_g") || w.contains("clip_l") ||
         any_key(w, [](const std::string& k) { return starts(k, "string_to_param."); });
}

std::optional<ModelFamily> embedding_family(const io::WeightSet& w) {
  if (w.contains("clip_g")) return ModelFamily::kSDXL;
  for (const auto& [name, e] : w.entries())
    if ((name == "emb_params" || starts(name, "string_to_param.")) && !e.shape.empty())
      return family_of_text_width(e.shape.back());
  return std::nullopt;
}

bool is_vae(const io::WeightSet& w) {
  return w.contains("encoder.conv_in.weight") && w.contains("decoder.conv_out.weight");
}

bool is_controlnet(const io::WeightSet& w) {
  return io::has_prefix(w, "control_model.") || w.contains("controlnet_cond_embedding.conv_in.weight") ||
         w.contains("input_hint_block.0.weight");
}

[[noreturn]] void unknown_file(const io::WeightSet& w) {
  std::string sample;
  int n = 0;
  for (const auto& [name, e] : w.entries()) {
    if (n++ == 6) {
      sample += ", ...";
      break;
    }
    sample += (n > 1 ? ", " : "") + name;
  }
  throw ModelFileError(w.path(), "not a model Gesso knows: looked for a Stable Diffusion checkpoint (" +
                                     std::string(io::kLdmUNetPrefix) + "*), a VAE (encoder.conv_in.weight), " +
                                     "a LoRA (lora_up / lora_down), an embedding (emb_params, string_to_param) " +
                                     "or a ControlNet; found " + std::to_string(w.size()) + " tensors" +
                                     (sample.empty() ? "" : ": " + sample));
}

bool has_safetensors_header(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  unsigned char b[9] = {};
  if (!in.read(reinterpret_cast<char*>(b), 9)) return false;
  return b[8] == '{';  // 8-byte little-endian length, then the JSON header
}

io::WeightSet unwrap_state_dict(io::WeightSet w) {
  if (!io::has_prefix(w, "state_dict.")) return w;
  io::WeightSet out(w.path());
  for (const auto& [name, e] : w.entries())
    if (starts(name, "state_dict.")) out.add(name.substr(11), e);
  for (const auto& [k, v] : w.metadata()) out.metadata()[starts(k, "state_dict.") ? k.substr(11) : k] = v;
  return out;
}

}  // namespace

std::string ModelFileInfo::label() const {
  std::string family_text = family ? to_string(*family) : "";
  switch (kind) {
    case ModelFileKind::kDiffusersFolder:
    case ModelFileKind::kCheckpoint: {
      std::string s = family ? family_text : "Stable Diffusion";
      if (inpainting) s += " inpainting";
      if (v_prediction) s += " v-prediction";
      return s + (kind == ModelFileKind::kCheckpoint ? " checkpoint" : " folder");
    }
    default: return family ? family_text + " " + to_string(kind) : to_string(kind);
  }
}

std::string to_string(ModelFileKind kind) {
  switch (kind) {
    case ModelFileKind::kDiffusersFolder: return "diffusers folder";
    case ModelFileKind::kCheckpoint: return "checkpoint";
    case ModelFileKind::kVae: return "VAE";
    case ModelFileKind::kLora: return "LoRA";
    case ModelFileKind::kEmbedding: return "embedding";
    case ModelFileKind::kControlNet: return "ControlNet";
  }
  return "?";
}

io::WeightSet open_weight_file(const std::string& path) {
  if (!fs::exists(path)) throw ModelFileError(path, "file not found");
  if (fs::is_directory(path)) throw ModelFileError(path, "is a folder, not a weight file");
  if (has_safetensors_header(path)) return io::WeightSet::of({io::SafetensorsFile::open(path)});
  if (io::looks_like_torch_checkpoint(path)) return unwrap_state_dict(io::open_torch_checkpoint(path));
  throw ModelFileError(path, "neither a safetensors file nor a PyTorch checkpoint (truncated, or another format)");
}

ModelFileInfo inspect_weights(const io::WeightSet& w) {
  if (io::has_prefix(w, io::kLdmUNetPrefix)) return checkpoint_info(w);
  if (is_controlnet(w)) return {.path = w.path(), .kind = ModelFileKind::kControlNet};
  if (any_key(w, is_lora_key)) return {.path = w.path(), .kind = ModelFileKind::kLora, .family = lora_family(w)};
  if (is_embedding(w)) return {.path = w.path(), .kind = ModelFileKind::kEmbedding, .family = embedding_family(w)};
  if (is_vae(w) || io::has_prefix(w, io::kLdmVaePrefix)) return {.path = w.path(), .kind = ModelFileKind::kVae};
  unknown_file(w);
}

ModelFileInfo inspect_model_file(const std::string& path) {
  if (!fs::is_directory(path)) return inspect_weights(open_weight_file(path));
  if (fs::exists(fs::path(path) / "model_index.json")) {
    const auto index = io::read_model_index(path);
    ModelFileInfo info{.path = path, .kind = ModelFileKind::kDiffusersFolder, .family = model_family(index)};
    if (index.has("unet"))
      info.inpainting = models::ConfigReader::open(index.path("unet") + "/config.json").integer("in_channels", 4) == 9;
    return info;
  }
  // A diffusers VAE folder (an A1111 "SD VAE" can be one).
  if (fs::exists(fs::path(path) / "config.json") &&
      (fs::exists(fs::path(path) / "diffusion_pytorch_model.safetensors")))
    return {.path = path, .kind = ModelFileKind::kVae};
  throw ModelFileError(path, "folder without model_index.json (not a diffusers model) and not a VAE folder");
}

}  // namespace gesso::pipelines
