#pragma once
// sd-webui-controlnet's PNG text for a unit, the value of "ControlNet N":
//   Module: canny, Model: control_v11p_sd15_canny [d14c016b], Weight: 1, Resize Mode: Crop and Resize,
//   Processor Res: 512, Threshold A: 100, Threshold B: 200, Guidance Start: 0, Guidance End: 1,
//   Pixel Perfect: False, Control Mode: Balanced
// plus "Guess Mode: True" when set (diffusers' option; sd-webui-controlnet ignores the key).
#include <string>

#include "engine/pipelines/generation_request.h"

namespace gesso::pipelines {

std::string control_unit_text(const ControlUnit& unit);

// The unit the text describes: `model` is the name as written (without its " [hash]"; the model
// library finds the file by name and hash), `model_hash` the hash, no image. Unknown keys are
// ignored, as sd-webui-controlnet does. Throws RequestError("parameters", ...) for text that is not
// a unit or a value out of range.
ControlUnit parse_control_unit_text(const std::string& text);

}  // namespace gesso::pipelines
