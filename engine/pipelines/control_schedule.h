#pragma once
// How strongly a ControlNet unit's residuals count at each step: its weight, diffusers' keep (0
// outside control_guidance_start / end), diffusers' guess-mode ramp and sd-webui-controlnet's
// control modes.
#include <torch/types.h>

#include <vector>

#include "engine/models/controlnet_model.h"
#include "engine/pipelines/generation_request.h"

namespace gesso::pipelines {

// diffusers' controlnet_keep: whether step i of the `steps` run is inside [start, end].
std::vector<bool> control_window(const ControlUnit& unit, int steps);

// [steps, residuals] float32 (CPU): step i of the `steps` run, residual k (the skips in down-path
// order, then the mid block). diffusers: weight x keep[i] (x logspace(-1, 0) in guess mode).
// "My prompt is more important" and "ControlNet is more important" multiply residual k by
// 0.825^(12 - k), sd-webui-controlnet's soft injection (SD 1.x has 13 residuals: the mid block gets
// 1, the first skip 0.1; SDXL's 10 take the first 10 factors).
torch::Tensor control_step_scales(const ControlUnit& unit, const models::ControlNetModelImpl& cn, int steps);

// Whether the control applies to the conditional half of the CFG batch only: guess mode, a
// global-pooling ControlNet (diffusers forces guess mode for it), "ControlNet is more important".
bool conditional_only(const ControlUnit& unit, const models::ControlNetModelImpl& cn);

}  // namespace gesso::pipelines
