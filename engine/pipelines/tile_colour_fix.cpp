#include "engine/pipelines/tile_colour_fix.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

#include "engine/control/preprocessor.h"
#include "engine/error.h"
#include "engine/pipelines/control_schedule.h"
#include "engine/runtime/module_offload.h"
#include "engine/schedulers/noise_schedule.h"
#include "engine/schedulers/scheduler_config.h"

namespace gesso::pipelines {
namespace {

// sd-webui-controlnet's blur: replicate padding, then a (2k + 1)^2 mean.
torch::Tensor box_blur(const torch::Tensor& x, int64_t k) {
  namespace F = torch::nn::functional;
  const auto padded = F::pad(x, F::PadFuncOptions({k, k, k, k}).mode(torch::kReplicate));
  return F::avg_pool2d(padded, F::AvgPool2dFuncOptions({2 * k + 1, 2 * k + 1}).stride(1));
}

}  // namespace

std::optional<TileColourFix> tile_colour_fix_for(const ControlUnit& unit, std::size_t index, ModelBundle& model,
                                                 const torch::Tensor& image, int64_t batch, int steps,
                                                 const models::VaeTiling& how) {
  const auto& name = unit.preprocessor.name;
  if (!name.starts_with("tile_colorfix")) return std::nullopt;
  const auto settings = schedulers::settings_for(model.scheduler_config, schedulers::SchedulerClass::kEuler);
  if (settings.prediction_type != "epsilon")
    throw RequestError("controlnets[" + std::to_string(index) + "]",
                       name + " fixes noise predictions; " + model.name() + " predicts " + settings.prediction_type +
                           ": choose tile_resample");
  const auto* info = control::find_preprocessor(name);
  const auto value = [](double v, const std::optional<control::PreprocessorSlider>& slider) {
    return v >= 0 || !slider ? v : slider->value;
  };
  TileColourFix fix;
  fix.radius = static_cast<int64_t>(value(unit.preprocessor.threshold_a, info->threshold_a));
  if (name.ends_with("+sharp")) fix.detail = 0.01 * value(unit.preprocessor.threshold_b, info->threshold_b);
  fix.weight = unit.scale;
  fix.active = control_window(unit, steps);
  fix.alphas_cumprod = schedulers::training_schedule(settings, schedulers::ZeroSnr::kIgnored).alphas_cumprod;
  const runtime::ComponentInUse in_use(model.offloads.find("vae"));
  const auto pixels = (image * 2 - 1).to(model.device(), model.vae_dtype);
  const auto latents = models::vae_encode(*model.vae, pixels, how).mode() * model.vae->config().scaling_factor;
  fix.latents = latents.to(model.dtype()).expand({batch, -1, -1, -1}).contiguous();
  return fix;
}

torch::Tensor apply_tile_colour_fix(const TileColourFix& fix, const torch::Tensor& eps, const torch::Tensor& x_t,
                                    double t, bool guidance) {
  const auto step = static_cast<int64_t>(std::nearbyint(t));
  const auto a = fix.alphas_cumprod[std::clamp<int64_t>(step, 0, fix.alphas_cumprod.size(0) - 1)].item<float>();
  const float sr = std::sqrt(1.0f / a), srm1 = std::sqrt(1.0f / a - 1.0f);
  const auto x0 = sr * x_t - srm1 * eps;
  auto fixed = x0 - box_blur(x0, fix.radius) + box_blur(fix.latents.to(x0.scalar_type()), fix.radius);
  if (fix.detail >= 0 && guidance) {
    const auto halves = fixed.chunk(2);
    const auto negative = fix.detail * box_blur(halves[0], fix.radius) + (1 - fix.detail) * halves[0];
    fixed = torch::cat({negative, halves[1]});
  }
  const auto eps_fixed = (sr * x_t - fixed) / srm1;
  const double w = std::clamp(fix.weight, 0.0, 1.0);
  return eps_fixed * w + eps * (1 - w);
}

}  // namespace gesso::pipelines
