#include "engine/pipelines/inpaint_text.h"

#include <string>

#include "engine/error.h"
#include "engine/pipelines/parameter_value.h"

namespace gesso::pipelines {
const char* to_string(MaskedContent content) {
  switch (content) {
    case MaskedContent::kOriginal: return "original";
    case MaskedContent::kFill: return "fill";
    case MaskedContent::kLatentNoise: return "latent noise";
    case MaskedContent::kLatentNothing: return "latent nothing";
  }
  return "original";
}

std::optional<MaskedContent> masked_content_from(const std::string& name) {
  for (auto c : {MaskedContent::kOriginal, MaskedContent::kFill, MaskedContent::kLatentNoise,
                 MaskedContent::kLatentNothing})
    if (name == to_string(c)) return c;
  return std::nullopt;
}

void add_inpaint_parameters(io::GenerationParameters& p, const InpaintOptions& o) {
  if (o.mask_blur > 0) p.extra["Mask blur"] = std::to_string(o.mask_blur);
  if (o.area == InpaintArea::kOnlyMasked) {
    p.extra["Inpaint area"] = "Only masked";
    p.extra["Masked area padding"] = std::to_string(o.only_masked_padding);
  }
  if (o.masked_content != MaskedContent::kOriginal) p.extra["Masked content"] = to_string(o.masked_content);
}

std::optional<InpaintOptions> inpaint_options_from(const io::GenerationParameters& p) {
  const auto value = [&](const char* key) -> const std::string* {
    const auto it = p.extra.find(key);
    return it == p.extra.end() ? nullptr : &it->second;
  };
  const auto *blur = value("Mask blur"), *area = value("Inpaint area"), *padding = value("Masked area padding"),
             *content = value("Masked content");
  if (!blur && !area && !padding && !content) return std::nullopt;
  InpaintOptions o;
  o.mask_blur = blur ? parameter_int("Mask blur", *blur) : 0;
  if (area) {
    if (*area == "Only masked") o.area = InpaintArea::kOnlyMasked;
    else if (*area == "Whole picture") o.area = InpaintArea::kWholePicture;
    else malformed_parameter("Inpaint area", *area);
  }
  if (padding) o.only_masked_padding = parameter_int("Masked area padding", *padding);
  if (content) {
    const auto c = masked_content_from(*content);
    if (!c) malformed_parameter("Masked content", *content);
    o.masked_content = *c;
  }
  return o;
}

}  // namespace gesso::pipelines
