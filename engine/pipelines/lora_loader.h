#pragma once
// The prompt's LoRAs merged into a loaded model (networks::WeightPatcher): the text encoders with
// each tag's text multiplier, the UNet with its UNet multiplier. A model keeps the set it has until
// a request asks for another; then the originals come back first, bit for bit.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/pipelines/model_bundle.h"
#include "engine/pipelines/network_library.h"

namespace gesso::pipelines {

// Merges `loras` (none: restores the model's own weights) unless they are merged already; returns
// notes for the user. A LoRA of another family is a ModelFileError naming both families; the
// weights are then the model's own. Bumps the model's weights version when anything changed. Runs
// outside InferenceMode, as loading does.
// `device_room`: how many bytes of originals may stay on the GPU (none: up to half the card with the
// model's weights, see lora_loader.cpp; 0: all in pinned host memory).
std::vector<std::string> apply_loras(ModelBundle& model, const std::vector<ResolvedLora>& loras,
                                     std::optional<int64_t> device_room = std::nullopt);

}  // namespace gesso::pipelines
