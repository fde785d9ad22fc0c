#pragma once
// Where a model's components come from, before any module is built: each component's config and
// its weights under the model's names, the tokenizers and the scheduler config. A diffusers folder
// gives them from its files; a single-file checkpoint (single_file_source.h) from its keys and the
// family's published defaults. The bundle loader builds the same modules from either.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/io/ldm_checkpoint.h"
#include "engine/io/model_folder.h"
#include "engine/io/weight_set.h"
#include "engine/models/config_reader.h"
#include "engine/pipelines/model_family.h"
#include "engine/pipelines/model_spec.h"
#include "engine/schedulers/scheduler_config.h"
#include "engine/text/clip_tokenizer.h"

namespace gesso::pipelines {

struct ComponentSource {
  models::ConfigReader config;  // config.json's contents; its path names the file, or the defaults used
  io::WeightSet weights;        // under the module's names
};

// Where a tokenizer comes from: a tokenizer folder, or CLIP's built-in vocabulary with this pad
// token (single files). Read when the model is built, not when the source is opened.
struct TokenizerSource {
  std::string dir;        // "" for the built-in vocabulary
  std::string pad_token;  // built-in only: "<|endoftext|>" or "!"
  text::CLIPTokenizer load() const;
};

struct ModelSource {
  io::ModelIndex index;  // pipeline class, component classes, flags; dir is the folder or the file
  ModelFamily family = ModelFamily::kSD1;
  std::map<std::string, ComponentSource> components;  // "text_encoder", "text_encoder_2", "unet", "vae"
  std::map<std::string, TokenizerSource> tokenizers;  // "tokenizer", "tokenizer_2" (IF I's: a T5 folder)
  schedulers::SchedulerConfig scheduler;
  // The scheduler that noises a low-resolution input (IF II's image_noising_scheduler, the x4
  // upscaler's low_res_scheduler), where the pipeline has one.
  std::optional<schedulers::SchedulerConfig> noise_scheduler;
  std::vector<std::string> notes;  // what loading decided on its own ("v-prediction: <file>.yaml says so")

  const ComponentSource& component(const std::string& name) const;  // ModelFileError naming the model
};

// A diffusers folder's components (variant: "fp16" files where present). ModelFileError names
// whatever is missing or unreadable.
ModelSource folder_source(const std::string& dir, const std::string& variant);

// The folder or the single file the spec names, with its separate VAE in place of its own.
ModelSource open_model_source(const ModelSpec& spec, const std::string& variant);

// A standalone VAE file's tensors under diffusers names: the LDM layout (A1111's VAE files; a whole
// checkpoint's first_stage_model too) converted, diffusers names taken as they are. ModelFileError
// naming what the file is instead (a LoRA, ...).
io::WeightSet vae_file_weights(const std::string& path);
// What a VAE config needs that the weights (under diffusers names) show.
io::LdmVaeShape vae_shape(const io::WeightSet& vae_weights);

// A VAE file (LDM or diffusers names; a checkpoint's first_stage_model too) or a diffusers VAE
// folder, as the VAE of `model`: a file takes the model's VAE config (scaling factor, upcast), a
// folder its own config.json.
ComponentSource vae_source(const std::string& path, const ComponentSource& model_vae);

}  // namespace gesso::pipelines
