#include "engine/pipelines/generation_request.h"

#include <optional>
#include <string>

#include "engine/error.h"
#include "engine/io/a1111_parameters.h"
#include "engine/pipelines/hires_fix.h"

namespace gesso::pipelines {
namespace {

void require(bool ok, const char* field, const std::string& what) {
  if (!ok) throw RequestError(field, what);
}

void validate_size(int value, const char* field) {
  require(value >= 0 && value <= 8192, field, std::to_string(value) + " is outside 8..8192 pixels (0: the model's size)");
  require(value % 8 == 0, field,
          std::to_string(value) + " is not a multiple of 8 (try " + std::to_string(value / 8 * 8) + " or " +
              std::to_string(value / 8 * 8 + 8) + ")");
}

// A1111's Hires. fix: txt2img only, with the base model alone.
void validate_hires(const GenerationRequest& r) {
  const auto& h = r.hires;
  if (!h.enabled) return;
  require(r.pipeline == PipelineKind::kTxt2Img, "hires",
          "Hires. fix is for text to image (as in AUTOMATIC1111): switch it off for " +
              std::string(to_string(r.pipeline)));
  require(h.scale >= 1 && h.scale <= 8, "hires_scale", io::format_number(h.scale) + " is outside 1..8");
  require(h.steps >= 0 && h.steps <= 1000, "hires_steps",
          std::to_string(h.steps) + " is outside 0..1000 (0: the first pass's steps)");
  require(h.strength > 0 && h.strength <= 1, "hires_strength", "must be within (0, 1]");
  require(is_hires_upscaler(h.upscaler), "hires_upscaler",
          "'" + h.upscaler + "' is not an upscaler here (Latent, Latent (nearest), Lanczos, ...)");
  require(h.upscaler != kX4HiresUpscaler || !h.upscaler_model.empty(), "hires_upscaler_model",
          "SD x4 needs an x4 upscaler model (Stability's stable-diffusion-x4-upscaler folder)");
  validate_size(h.resize_width, "hires_resize_width");
  validate_size(h.resize_height, "hires_resize_height");
  require(r.refiner_dir.empty(), "hires", "Hires. fix with a refiner is not supported yet: leave one of them out");
  require(r.controlnets.empty(), "hires",
          "Hires. fix with ControlNet is not supported yet: leave one of them out");
}

}  // namespace

ModelSpec base_model(const GenerationRequest& r) {
  return {.path = r.model_dir, .vae = r.vae, .prediction_type = r.prediction_type, .config = r.model_config};
}

ModelSpec refiner_model(const GenerationRequest& r) { return {.path = r.refiner_dir, .vae = r.vae}; }

void validate(const GenerationRequest& r) {
  require(!r.model_dir.empty(), "model", "no model given");
  require(r.prediction_type.empty() || r.prediction_type == "epsilon" || r.prediction_type == "v_prediction",
          "prediction_type", "'" + r.prediction_type + "' is not epsilon or v_prediction");
  validate_size(r.width, "width");
  validate_size(r.height, "height");
  require(r.steps >= 1 && r.steps <= 1000, "steps", std::to_string(r.steps) + " is outside 1..1000");
  require(r.guidance_scale >= 0 && r.guidance_scale <= 100, "guidance_scale", "must be within 0..100");
  require(r.num_images >= 1 && r.num_images <= 64, "count", "must be within 1..64");
  require(r.clip_skip >= 0 && r.clip_skip <= 11, "clip_skip", "must be within 0..11");
  require(r.eta >= 0 && r.eta <= 1, "eta", "must be within 0..1");
  if (r.pipeline != PipelineKind::kTxt2Img) {
    require(r.strength > 0 && r.strength <= 1, "strength", "must be within (0, 1]");
    require(r.init_image.has_value() && !r.init_image->empty(), "init_image",
            std::string(to_string(r.pipeline)) + " needs an init image");
  }
  if (!r.refiner_dir.empty()) {
    require(r.refiner_switch > 0 && r.refiner_switch < 1, "refiner_switch",
            "must be between 0 and 1 (the fraction of the schedule the base runs)");
    require(r.pipeline != PipelineKind::kInpaint, "refiner",
            "inpainting with a refiner is not supported yet: inpaint with the base, then refine the result as img2img");
  }
  require(r.aesthetic_score >= 0 && r.aesthetic_score <= 10 && r.negative_aesthetic_score >= 0 &&
              r.negative_aesthetic_score <= 10,
          "aesthetic_score", "must be within 0..10");
  validate_size(r.original_width, "original_width");
  validate_size(r.original_height, "original_height");
  require(r.crop_left >= 0 && r.crop_top >= 0 && r.crop_left <= 8192 && r.crop_top <= 8192, "crop",
          "must be within 0..8192 pixels");
  for (std::size_t i = 0; i < r.controlnets.size(); ++i) {
    const auto& u = r.controlnets[i];
    const auto name = "controlnets[" + std::to_string(i) + "]";
    const char* field = name.c_str();
    require(!u.model.empty(), field, "names no ControlNet model");
    require(!u.image.empty() || r.pipeline != PipelineKind::kTxt2Img, field,
            "has no control image (img2img and inpainting use the init image when a unit has none)");
    require(u.scale >= 0 && u.scale <= 10, field, "weight must be within 0..10");
    require(u.start >= 0 && u.start < u.end && u.end <= 1, field,
            "start and end must satisfy 0 <= start < end <= 1 (fractions of the steps)");
  }
  require(r.controlnets.empty() || r.refiner_dir.empty(), "refiner",
          "ControlNet runs with the base model alone: leave the refiner out, or refine the result as img2img");
  validate_hires(r);
  if (r.pipeline == PipelineKind::kInpaint) {
    require(r.mask.has_value() && !r.mask->empty(), "mask", "inpainting needs a mask");
    require(r.inpaint.mask_blur >= 0 && r.inpaint.mask_blur <= 256, "mask_blur", "must be within 0..256");
    require(r.inpaint.only_masked_padding >= 0, "padding", "must not be negative");
  }
}

const char* to_string(PipelineKind kind) {
  switch (kind) {
    case PipelineKind::kTxt2Img: return "txt2img";
    case PipelineKind::kImg2Img: return "img2img";
    case PipelineKind::kInpaint: return "inpaint";
  }
  return "?";
}

const char* to_string(ControlMode mode) {
  switch (mode) {
    case ControlMode::kBalanced: return "Balanced";
    case ControlMode::kPrompt: return "My prompt is more important";
    case ControlMode::kControl: return "ControlNet is more important";
  }
  return "Balanced";
}

const char* to_string(ResizeMode mode) {
  switch (mode) {
    case ResizeMode::kJustResize: return "Just Resize";
    case ResizeMode::kCropAndResize: return "Crop and Resize";
    case ResizeMode::kResizeAndFill: return "Resize and Fill";
  }
  return "Just Resize";
}

std::optional<ControlMode> control_mode_from(const std::string& name) {
  for (auto m : {ControlMode::kBalanced, ControlMode::kPrompt, ControlMode::kControl})
    if (name == to_string(m)) return m;
  return std::nullopt;
}

std::optional<ResizeMode> resize_mode_from(const std::string& name) {
  for (auto m : {ResizeMode::kJustResize, ResizeMode::kCropAndResize, ResizeMode::kResizeAndFill})
    if (name == to_string(m)) return m;
  // sd-webui-controlnet's older spellings and its API's integers.
  if (name == "Envelope (Outer Fit)" || name == "2") return ResizeMode::kResizeAndFill;
  if (name == "Scale to Fit (Inner Fit)" || name == "1") return ResizeMode::kCropAndResize;
  if (name == "0") return ResizeMode::kJustResize;
  return std::nullopt;
}

}  // namespace gesso::pipelines
