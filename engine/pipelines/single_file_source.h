#pragma once
// A single-file checkpoint (CompVis / Stability / A1111 layout: model.diffusion_model.*,
// first_stage_model.*, cond_stage_model.* or conditioner.embedders.*) as a ModelSource: the family
// from its keys and shapes (model_file.h, as diffusers' single-file loader decides it), each
// component's weights converted to diffusers names (io/ldm_checkpoint.h), the configs from the
// family's published defaults (family_defaults.h) or from a diffusers folder the user names, the
// tokenizers from CLIP's built-in vocabulary.
//
// Prediction type, first found wins: the user's choice (spec.prediction_type); A1111's
// <checkpoint>.yaml beside the file ("parameterization: v"); a "v_pred" key in the file; for an
// SD 2.x text-to-image UNet, the weights themselves (as ComfyUI tells 2.1-768 from 2.x-base: the
// last output block's norm bias is spread wide in v-models); otherwise epsilon.
#include <optional>
#include <string>

#include "engine/io/weight_set.h"
#include "engine/pipelines/model_source.h"

namespace gesso::pipelines {

// ModelFileError naming the file: not a checkpoint (a LoRA, an embedding, a VAE...: the message
// says which), no family found, keys of another layout, no VAE and none chosen.
ModelSource single_file_source(const ModelSpec& spec);

// "epsilon" / "v_prediction" from A1111's <checkpoint>.yaml beside `path` (same name, .yaml);
// nullopt when there is none or it does not say.
std::optional<std::string> yaml_prediction_type(const std::string& path);

}  // namespace gesso::pipelines
