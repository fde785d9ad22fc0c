#include "engine/pipelines/hires_fix.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "engine/error.h"
#include "engine/pipelines/parameter_value.h"

namespace gesso::pipelines {
namespace {

namespace F = torch::nn::functional;

struct LatentMode {
  torch::nn::functional::InterpolateFuncOptions::mode_t mode;
  bool antialias;
  bool smooth;  // bilinear / bicubic: they take align_corners and antialias
};

// shared.latent_upscale_modes.
const std::map<std::string, LatentMode>& latent_modes() {
  static const std::map<std::string, LatentMode> modes = {
      {"Latent", {torch::kBilinear, false, true}},
      {"Latent (antialiased)", {torch::kBilinear, true, true}},
      {"Latent (bicubic)", {torch::kBicubic, false, true}},
      {"Latent (bicubic antialiased)", {torch::kBicubic, true, true}},
      {"Latent (nearest)", {torch::kNearest, false, false}},
      {"Latent (nearest-exact)", {torch::kNearestExact, false, false}},
  };
  return modes;
}

}  // namespace

const std::vector<std::string>& hires_upscalers() {
  static const std::vector<std::string> names = {"Latent",
                                                 "Latent (antialiased)",
                                                 "Latent (bicubic)",
                                                 "Latent (bicubic antialiased)",
                                                 "Latent (nearest)",
                                                 "Latent (nearest-exact)",
                                                 "Lanczos",
                                                 "Nearest",
                                                 kX4HiresUpscaler};
  return names;
}

bool is_hires_upscaler(const std::string& name) {
  const auto& all = hires_upscalers();
  return std::find(all.begin(), all.end(), name) != all.end();
}

bool is_latent_upscaler(const std::string& name) { return latent_modes().count(name) > 0; }

HiresSize hires_size(int width, int height, const HiresFix& h, int factor) {
  HiresSize s;
  const int rx = h.resize_width, ry = h.resize_height;
  if (rx == 0 && ry == 0) {
    // Python's int(): truncation.
    s.upscale_width = static_cast<int>(width * h.scale);
    s.upscale_height = static_cast<int>(height * h.scale);
  } else if (ry == 0) {
    s.upscale_width = rx;
    s.upscale_height = rx * height / width;
  } else if (rx == 0) {
    s.upscale_width = ry * width / height;
    s.upscale_height = ry;
  } else {
    // Cover the requested size, keeping the aspect; the excess is cut off in latent space.
    if (static_cast<double>(width) / height < static_cast<double>(rx) / ry) {
      s.upscale_width = rx;
      s.upscale_height = rx * height / width;
    } else {
      s.upscale_width = ry * width / height;
      s.upscale_height = ry;
    }
    s.truncate_x = (s.upscale_width - rx) / factor;
    s.truncate_y = (s.upscale_height - ry) / factor;
  }
  const int w = s.latent_width(factor) * factor, hh = s.latent_height(factor) * factor;
  if (w < factor || hh < factor || w > 8192 || hh > 8192)
    throw RequestError("hires", "the upscaled size " + std::to_string(w) + "x" + std::to_string(hh) +
                                    " is outside " + std::to_string(factor) + "..8192 pixels");
  return s;
}

int hires_steps(const GenerationRequest& r) { return r.hires.steps > 0 ? r.hires.steps : r.steps; }

int hires_schedule_steps(int steps, double strength, int max_steps) {
  return std::max(std::min(static_cast<int>(steps / std::min(strength, 0.999)), max_steps), steps);
}

torch::Tensor upscale_latents(const torch::Tensor& latents, const std::string& upscaler, int width, int height) {
  const auto it = latent_modes().find(upscaler);
  if (it == latent_modes().end()) throw RequestError("hires", "'" + upscaler + "' is not a latent upscaler");
  auto options = F::InterpolateFuncOptions().size(std::vector<int64_t>{height, width}).mode(it->second.mode);
  if (it->second.smooth)
    options = options.align_corners(false).antialias(it->second.antialias);
  // In float32 as A1111's latents are (interpolate has no half-precision bicubic on every device).
  return F::interpolate(latents.to(torch::kFloat), options).to(latents.scalar_type());
}

torch::Tensor truncate_latents(const torch::Tensor& latents, int tx, int ty) {
  if (tx == 0 && ty == 0) return latents;
  const int64_t h = latents.size(2), w = latents.size(3);
  return latents.slice(2, ty / 2, h - (ty + 1) / 2).slice(3, tx / 2, w - (tx + 1) / 2);
}

void add_hires_parameters(io::GenerationParameters& p, const HiresFix& h) {
  p.denoising_strength = h.strength;
  if (h.resize_width == 0 && h.resize_height == 0)
    p.extra["Hires upscale"] = io::format_number(h.scale);
  else
    p.extra["Hires resize"] = std::to_string(h.resize_width) + "x" + std::to_string(h.resize_height);
  if (h.steps > 0) p.extra["Hires steps"] = std::to_string(h.steps);
  p.extra["Hires upscaler"] = h.upscaler;
  if (h.upscaler == kX4HiresUpscaler)
    p.extra["Hires upscaler model"] = std::filesystem::path(h.upscaler_model).filename().string();
}

std::optional<HiresFix> hires_from_parameters(const io::GenerationParameters& p) {
  const auto value = [&](const char* key) -> std::optional<std::string> {
    const auto it = p.extra.find(key);
    if (it == p.extra.end()) return std::nullopt;
    return it->second;
  };
  const auto scale = value("Hires upscale"), resize = value("Hires resize"), steps = value("Hires steps"),
             upscaler = value("Hires upscaler");
  if (!scale && !resize && !steps && !upscaler) return std::nullopt;
  HiresFix h;
  h.enabled = true;
  if (p.denoising_strength) h.strength = *p.denoising_strength;
  if (scale) h.scale = parameter_scale("Hires upscale", *scale);
  if (steps) h.steps = parameter_int("Hires steps", *steps);
  if (upscaler) h.upscaler = *upscaler;
  if (const auto model = value("Hires upscaler model")) h.upscaler_model = *model;  // a name: the caller finds it
  if (resize) {
    const auto x = resize->find('x');
    if (x == std::string::npos) malformed_parameter("Hires resize", *resize);
    h.resize_width = parameter_int("Hires resize", resize->substr(0, x));
    h.resize_height = parameter_int("Hires resize", resize->substr(x + 1));
  }
  return h;
}

}  // namespace gesso::pipelines
