#pragma once
// AUTOMATIC1111's inpainting options in the PNG text, as its StableDiffusionProcessingImg2Img
// writes them: "Mask blur: 4" (when not 0), "Inpaint area: Only masked" with "Masked area padding:
// 32" (only then: "Whole picture" is not written), "Masked content: fill" / "latent noise" /
// "latent nothing" ("original" is not written). Its reader takes the missing ones as the defaults
// (Whole picture, padding 32, original), and so does inpaint_options_from.
#include <optional>

#include "engine/io/a1111_parameters.h"
#include "engine/pipelines/generation_request.h"

namespace gesso::pipelines {

const char* to_string(MaskedContent content);  // "original", "fill", "latent noise", "latent nothing"
std::optional<MaskedContent> masked_content_from(const std::string& name);

void add_inpaint_parameters(io::GenerationParameters& params, const InpaintOptions& options);
// The options a text records, nullopt when it has none of the keys above (mask blur 0 is then the
// text's absence of "Mask blur": A1111's reader leaves the field as it was). Throws
// RequestError("parameters") for a malformed value.
std::optional<InpaintOptions> inpaint_options_from(const io::GenerationParameters& params);

}  // namespace gesso::pipelines
