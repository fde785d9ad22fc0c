#include "engine/pipelines/model_source.h"

#include <filesystem>

#include "engine/error.h"
#include "engine/io/checkpoint_keys.h"
#include "engine/io/ldm_checkpoint.h"
#include "engine/io/state_dict.h"
#include "engine/pipelines/model_file.h"
#include "engine/pipelines/single_file_source.h"

namespace gesso::pipelines {
namespace {

namespace fs = std::filesystem;

// model_index.json names each component's class; a class Gesso does not build is refused here,
// naming the file, rather than loaded as something it is not.
void require_class(const io::ModelIndex& index, const std::string& component, std::initializer_list<const char*> known) {
  const auto cls = index.class_of(component);
  std::string list;
  for (const char* k : known) {
    if (cls == k) return;
    list += (list.empty() ? "" : ", ") + std::string(k);
  }
  throw ModelFileError(index.dir + "/model_index.json",
                       component + ": class '" + cls + "' is not supported (expected " + list + ")");
}

models::ConfigReader component_config(const std::string& dir) {
  return models::ConfigReader::open((fs::path(dir) / "config.json").string());
}

ComponentSource folder_component(const std::string& dir, const std::string& variant,
                                 io::KeyRename (*rename_for)(const std::vector<io::SafetensorsFile>&)) {
  const auto files = io::open_component_weights(dir, variant);
  const auto rename = rename_for ? rename_for(files) : io::KeyRename{};
  return {component_config(dir), io::renamed(io::WeightSet::of(files), rename)};
}

// The encoders this family reads: SD 1.x / 2.x one, the SDXL base two, the refiner the second alone
// (its projection gives the pooled embeddings, so neither SDXL model can do without it).
std::vector<std::pair<const char*, const char*>> text_components(const io::ModelIndex& index, ModelFamily family) {
  if (!is_sdxl(family)) {
    io::require_components(index, {"tokenizer", "text_encoder"});
    return {{"tokenizer", "text_encoder"}};
  }
  if (family == ModelFamily::kSDXL) io::require_components(index, {"tokenizer", "text_encoder"});
  io::require_components(index, {"tokenizer_2", "text_encoder_2"});
  std::vector<std::pair<const char*, const char*>> out;
  if (index.has("text_encoder")) out.emplace_back("tokenizer", "text_encoder");
  out.emplace_back("tokenizer_2", "text_encoder_2");
  return out;
}

}  // namespace

text::CLIPTokenizer TokenizerSource::load() const {
  return dir.empty() ? text::CLIPTokenizer::builtin(pad_token) : text::CLIPTokenizer::from_dir(dir);
}

const ComponentSource& ModelSource::component(const std::string& name) const {
  const auto it = components.find(name);
  if (it == components.end()) throw ModelFileError(index.dir, "the model has no '" + name + "' component");
  return it->second;
}

namespace {

// DeepFloyd IF: a pixel-space UNet, no VAE. Stage I reads the prompt with T5; stage II takes the
// embeddings stage I computed (its own text_encoder, often left out of a download, is not read) and
// noises its input with image_noising_scheduler.
void add_deepfloyd_components(ModelSource& s, const std::string& variant) {
  io::require_components(s.index, {"unet", "scheduler"});
  require_class(s.index, "unet", {"UNet2DConditionModel"});
  if (s.family == ModelFamily::kIF) {
    io::require_components(s.index, {"tokenizer", "text_encoder"});
    require_class(s.index, "tokenizer", {"T5Tokenizer", "T5TokenizerFast"});
    require_class(s.index, "text_encoder", {"T5EncoderModel"});
    s.tokenizers.emplace("tokenizer", TokenizerSource{.dir = s.index.path("tokenizer")});
    s.components.emplace("text_encoder", folder_component(s.index.path("text_encoder"), variant, nullptr));
  } else {
    io::require_components(s.index, {"image_noising_scheduler"});
    s.noise_scheduler = schedulers::load_scheduler_config(s.index.path("image_noising_scheduler") +
                                                          "/scheduler_config.json");
  }
  s.components.emplace("unet", folder_component(s.index.path("unet"), variant, nullptr));
  s.scheduler = schedulers::load_scheduler_config(s.index.path("scheduler") + "/scheduler_config.json");
}

}  // namespace

ModelSource folder_source(const std::string& dir, const std::string& variant) {
  ModelSource s;
  s.index = io::read_model_index(dir);
  s.family = model_family(s.index);
  if (is_deepfloyd(s.family)) {
    add_deepfloyd_components(s, variant);
    return s;
  }
  io::require_components(s.index, {"unet", "vae", "scheduler"});
  require_class(s.index, "unet", {"UNet2DConditionModel"});
  require_class(s.index, "vae", {"AutoencoderKL"});
  for (const auto& [tokenizer, encoder] : text_components(s.index, s.family)) {
    require_class(s.index, tokenizer, {"CLIPTokenizer", "CLIPTokenizerFast"});
    require_class(s.index, encoder, {"CLIPTextModel", "CLIPTextModelWithProjection"});
    s.tokenizers.emplace(tokenizer, TokenizerSource{.dir = s.index.path(tokenizer)});
    s.components.emplace(encoder, folder_component(s.index.path(encoder), variant, io::clip_text_key_rename));
  }
  s.components.emplace("unet", folder_component(s.index.path("unet"), variant, nullptr));
  s.components.emplace("vae", folder_component(s.index.path("vae"), variant, io::vae_key_rename));
  s.scheduler = schedulers::load_scheduler_config(s.index.path("scheduler") + "/scheduler_config.json");
  if (s.family == ModelFamily::kSDUpscale) {
    io::require_components(s.index, {"low_res_scheduler"});
    s.noise_scheduler =
        schedulers::load_scheduler_config(s.index.path("low_res_scheduler") + "/scheduler_config.json");
  }
  return s;
}

// A standalone VAE file's tensors under diffusers names: the LDM layout (A1111's VAE files; a whole
// checkpoint's first_stage_model too) is converted, diffusers names are taken as they are.
io::WeightSet vae_file_weights(const std::string& path) {
  auto w = open_weight_file(path);
  if (io::has_prefix(w, io::kLdmVaePrefix)) return io::ldm_vae_weights(w, io::kLdmVaePrefix);
  if (w.contains("encoder.down.0.block.0.conv1.weight")) return io::ldm_vae_weights(w, "");
  if (w.contains("encoder.down_blocks.0.resnets.0.conv1.weight")) return w;
  const auto info = inspect_weights(w);  // names what the file is instead (a LoRA, a checkpoint without VAE...)
  throw ModelFileError(path, "is a " + info.label() + ", not a VAE (no encoder.* / decoder.* tensors)");
}

io::LdmVaeShape vae_shape(const io::WeightSet& w) {
  const auto dim = [&](const std::string& name, std::size_t d) { return w.at(name).shape.at(d); };
  io::LdmVaeShape s;
  s.in_channels = dim("encoder.conv_in.weight", 1);
  s.out_channels = dim("decoder.conv_out.weight", 0);
  s.latent_channels = dim("encoder.conv_out.weight", 0) / 2;  // mean and log-variance
  for (int i = 0; w.contains("encoder.down_blocks." + std::to_string(i) + ".resnets.0.conv1.weight"); ++i)
    s.block_out_channels.push_back(dim("encoder.down_blocks." + std::to_string(i) + ".resnets.0.conv1.weight", 0));
  while (w.contains("encoder.down_blocks.0.resnets." + std::to_string(s.layers_per_block) + ".conv1.weight"))
    ++s.layers_per_block;
  return s;
}

ComponentSource vae_source(const std::string& path, const ComponentSource& model_vae) {
  if (fs::is_directory(path)) {
    if (!fs::exists(fs::path(path) / "config.json"))
      throw ModelFileError(path, "a VAE folder needs config.json beside its weights");
    return folder_component(path, "", io::vae_key_rename);
  }
  // A VAE file carries no config: it takes the model's (scaling factor, force_upcast), and the
  // loader's shape check names the file when the two do not fit.
  return {model_vae.config, vae_file_weights(path)};
}

ModelSource open_model_source(const ModelSpec& spec, const std::string& variant) {
  if (spec.path.empty()) throw ModelFileError(spec.path, "no model given");
  if (!fs::exists(spec.path)) throw ModelFileError(spec.path, "model not found");
  const bool single = !fs::is_directory(spec.path);
  if (!single && (!spec.prediction_type.empty() || !spec.config.empty()))
    throw RequestError(spec.prediction_type.empty() ? "model_config" : "prediction_type",
                       "applies to single-file checkpoints; " + spec.path + " is a diffusers folder");
  auto source = single ? single_file_source(spec) : folder_source(spec.path, variant);
  if (!spec.vae.empty()) {
    source.components.at("vae") = vae_source(spec.vae, source.component("vae"));
    source.notes.push_back("VAE: " + fs::path(spec.vae).filename().string());
  }
  return source;
}

}  // namespace gesso::pipelines
