#include "engine/pipelines/single_file_source.h"

#include <torch/torch.h>

#include <filesystem>
#include <fstream>

#include "engine/error.h"
#include "engine/io/ldm_checkpoint.h"
#include "engine/pipelines/family_defaults.h"
#include "engine/pipelines/model_file.h"
#include "engine/schedulers/scheduler_config.h"

namespace gesso::pipelines {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string trimmed(std::string s) {
  const auto keep = [](char c) { return c != ' ' && c != '\t' && c != '"' && c != '\'' && c != '\r'; };
  while (!s.empty() && !keep(s.back())) s.pop_back();
  std::size_t b = 0;
  while (b < s.size() && !keep(s[b])) ++b;
  return s.substr(b);
}

// ComfyUI's test for SD 2.x v-models, whose published files carry no marker: the norm bias of the
// last output block's transformer is spread wide (std > 0.09) in 2.x-768-v, narrow in 2.x-base.
bool sd2_weights_say_v(const io::WeightSet& w) {
  const auto* bias = w.find(std::string(io::kLdmUNetPrefix) + "output_blocks.11.1.transformer_blocks.0.norm1.bias");
  if (bias == nullptr) return false;
  return bias->view().to(torch::kFloat).std(/*unbiased=*/false).item<double>() > 0.09;
}

// The prediction type when something says it (nullopt: epsilon, or a config folder's) and, for the
// notes, why.
std::pair<std::optional<bool>, std::string> v_prediction(const ModelSpec& spec, const io::WeightSet& w,
                                                         const ModelFileInfo& info) {
  const auto name = fs::path(spec.path).filename().string();
  if (!spec.prediction_type.empty()) {
    if (spec.prediction_type != "epsilon" && spec.prediction_type != "v_prediction")
      throw RequestError("prediction_type", "'" + spec.prediction_type + "' is not epsilon or v_prediction");
    return {spec.prediction_type == "v_prediction", ""};
  }
  if (const auto yaml = yaml_prediction_type(spec.path))
    return {*yaml == "v_prediction", "prediction type " + *yaml + ": " + fs::path(spec.path).stem().string() + ".yaml says so"};
  if (info.v_prediction) return {true, "v-prediction: " + name + " says so (v_pred)"};
  if (info.family == ModelFamily::kSD2 && !info.inpainting && sd2_weights_say_v(w))
    return {true, "v-prediction: " + name + " looks like an SD 2.x 768-v model (choose epsilon if the images are noise)"};
  return {std::nullopt, ""};
}

models::ConfigReader built(const std::string& path, const std::string& component, const FamilyChoice& f, json config) {
  return models::ConfigReader(path + " (" + component + " config: " + to_string(f.family) + " defaults)", std::move(config));
}

// The configs, tokenizers and flags of a diffusers folder the user gave (diffusers'
// from_single_file(config=...)); weights still come from the file.
struct ConfigFolder {
  io::ModelIndex index;
  models::ConfigReader config(const std::string& component) const {
    return models::ConfigReader::open(index.path(component) + "/config.json");
  }
};

struct TextEncoderPlan {
  const char* tokenizer;
  const char* component;
  const char* prefix;
  bool open_clip;
  bool with_projection;
};

std::vector<TextEncoderPlan> text_encoders(ModelFamily family) {
  switch (family) {
    case ModelFamily::kSD1: return {{"tokenizer", "text_encoder", io::kLdmClipPrefix, false, false}};
    case ModelFamily::kSD2: return {{"tokenizer", "text_encoder", io::kLdmOpenClipPrefix, true, false}};
    case ModelFamily::kSDXL:
      return {{"tokenizer", "text_encoder", io::kSgmClipPrefix, false, false},
              {"tokenizer_2", "text_encoder_2", io::kSgmOpenClipPrefix, true, true}};
    case ModelFamily::kSDXLRefiner: return {{"tokenizer_2", "text_encoder_2", io::kSgmRefinerClipPrefix, true, true}};
    default: break;  // no single-file layout: model_file never names these families for a file
  }
  return {};
}

class Builder {
 public:
  Builder(const ModelSpec& spec, io::WeightSet weights, FamilyChoice family, bool v_decided,
          std::optional<ConfigFolder> folder)
      : spec_(spec), w_(std::move(weights)), f_(family), v_decided_(v_decided), folder_(std::move(folder)) {}

  ModelSource build() {
    ModelSource s;
    s.family = f_.family;
    s.index = index();
    for (const auto& plan : text_encoders(f_.family)) add_text_encoder(s, plan);
    const auto unet_shape = io::ldm_unet_shape(w_);
    s.components.emplace("unet", ComponentSource{config("unet", default_unet_config(f_, unet_shape)),
                                                 io::ldm_unet_weights(w_, unet_shape)});
    s.components.emplace("vae", vae());
    s.scheduler = scheduler();
    return s;
  }

 private:
  io::ModelIndex index() const {
    io::ModelIndex index;
    index.dir = spec_.path;
    index.class_name = default_pipeline_class(f_);
    index.flags = folder_ ? folder_->index.flags : default_pipeline_flags(f_);
    for (const auto& plan : text_encoders(f_.family)) {
      index.components[plan.tokenizer] = {"transformers", "CLIPTokenizer"};
      index.components[plan.component] = {"transformers", plan.with_projection ? "CLIPTextModelWithProjection" : "CLIPTextModel"};
    }
    index.components["unet"] = {"diffusers", "UNet2DConditionModel"};
    index.components["vae"] = {"diffusers", "AutoencoderKL"};
    return index;
  }

  models::ConfigReader config(const std::string& component, json defaults) const {
    return folder_ ? folder_->config(component) : built(spec_.path, component, f_, std::move(defaults));
  }

  void add_text_encoder(ModelSource& s, const TextEncoderPlan& plan) const {
    if (!io::has_prefix(w_, plan.prefix))
      throw ModelFileError(spec_.path, "a " + to_string(f_.family) + " checkpoint without its text encoder (no " +
                                           plan.prefix + "* tensors)");
    s.tokenizers.emplace(plan.tokenizer, folder_ ? TokenizerSource{.dir = folder_->index.path(plan.tokenizer)}
                                                 : TokenizerSource{.pad_token = pad_token_for_open_clip(plan.open_clip)});
    if (!plan.open_clip) {
      s.components.emplace(plan.component, ComponentSource{config(plan.component, default_clip_l_config(w_, plan.prefix)),
                                                           io::ldm_clip_weights(w_, plan.prefix)});
      return;
    }
    const auto shape = io::open_clip_shape(w_, plan.prefix);
    // SD 2.x reads the penultimate layer's output as its last: its model has 23 of the file's 24.
    const int64_t default_layers = f_.family == ModelFamily::kSD2 ? shape.num_layers - 1 : shape.num_layers;
    auto cfg = config(plan.component,
                      default_open_clip_config(shape, default_layers, plan.with_projection ? shape.projection_dim : 0));
    const auto layers = cfg.integer("num_hidden_layers", default_layers);
    s.components.emplace(plan.component,
                         ComponentSource{std::move(cfg), io::open_clip_weights(w_, plan.prefix, layers, plan.with_projection)});
  }

  ComponentSource vae() const {
    if (io::has_prefix(w_, io::kLdmVaePrefix))
      return {config("vae", default_vae_config(f_, io::ldm_vae_shape(w_, io::kLdmVaePrefix))),
              io::ldm_vae_weights(w_, io::kLdmVaePrefix)};
    // Some pruned files leave the VAE out; the VAE the user chooses then takes its place
    // (open_model_source puts it in): a folder with its own config, a file with the family's.
    if (spec_.vae.empty())
      throw ModelFileError(spec_.path, "the checkpoint has no VAE (no first_stage_model.* tensors): choose one (SD VAE)");
    if (fs::is_directory(spec_.vae)) return {models::ConfigReader::open(spec_.vae + "/config.json"), io::WeightSet()};
    return {config("vae", default_vae_config(f_, vae_shape(vae_file_weights(spec_.vae)))), io::WeightSet()};
  }

  schedulers::SchedulerConfig scheduler() const {
    auto cfg = folder_ ? schedulers::load_scheduler_config(folder_->index.path("scheduler") + "/scheduler_config.json")
                       : schedulers::scheduler_config_from(default_scheduler_config(f_),
                                                           spec_.path + " (scheduler config: family defaults)");
    // What the user, the .yaml or the file says outranks a config folder's scheduler.
    if (v_decided_) cfg.prediction_type = f_.v_prediction ? "v_prediction" : "epsilon";
    return cfg;
  }

  const ModelSpec& spec_;
  io::WeightSet w_;
  FamilyChoice f_;
  bool v_decided_;
  std::optional<ConfigFolder> folder_;
};

}  // namespace

std::optional<std::string> yaml_prediction_type(const std::string& path) {
  std::ifstream in(fs::path(path).replace_extension(".yaml"));
  std::string line;
  while (in && std::getline(in, line)) {
    const auto at = line.find("parameterization:");
    if (at == std::string::npos || line.find('#') < at) continue;
    const auto value = trimmed(line.substr(at + 17));
    if (value == "v") return "v_prediction";
    if (value == "eps" || value == "epsilon") return "epsilon";
  }
  return std::nullopt;
}

ModelSource single_file_source(const ModelSpec& spec) {
  auto weights = open_weight_file(spec.path);
  const auto info = inspect_weights(weights);
  if (info.kind != ModelFileKind::kCheckpoint)
    throw ModelFileError(spec.path, "is a " + info.label() + ", not a model checkpoint" +
                                        (info.kind == ModelFileKind::kVae ? " (choose it as the VAE)" : ""));
  if (!info.family)
    throw ModelFileError(spec.path, "a Stable Diffusion UNet whose family could not be told: no text encoder "
                                    "(cond_stage_model.*, conditioner.embedders.*) and a cross-attention width "
                                    "that is not SD 1.x's 768, SD 2.x's 1024 or SDXL's 2048 / 1280");
  const auto [v, why] = v_prediction(spec, weights, info);
  const FamilyChoice family{.family = *info.family, .inpainting = info.inpainting, .v_prediction = v.value_or(false)};
  std::optional<ConfigFolder> folder;
  if (!spec.config.empty()) folder = ConfigFolder{io::read_model_index(spec.config)};
  auto source = Builder(spec, std::move(weights), family, v.has_value(), std::move(folder)).build();
  if (!why.empty()) source.notes.push_back(why);
  return source;
}

}  // namespace gesso::pipelines
