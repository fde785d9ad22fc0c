#pragma once
// A ControlNet by path, for one base model: a diffusers folder (config.json + weights), or a single
// file as A1111 users have them (lllyasviel's layout: control_v11p_sd15_canny.pth / .safetensors,
// with or without "control_model."). A single file carries no config: a ControlNet is a copy of its
// base UNet's down half, so the base's config, adjusted to what the weights show (widths, depths,
// projection, the hint embedding), is its config. A ControlNet made for another family is refused
// with an error naming both.
#include <string>

#include "engine/io/state_dict.h"
#include "engine/models/controlnet_model.h"
#include "engine/pipelines/model_bundle.h"

namespace gesso::pipelines {

// Loaded to `options`' device and dtype, prepared. Throws ModelFileError naming the path.
models::ControlNetModel load_controlnet_for(const std::string& path, const ModelBundle& base,
                                            const io::LoadOptions& options);

}  // namespace gesso::pipelines
