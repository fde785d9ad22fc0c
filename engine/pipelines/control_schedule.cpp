#include "engine/pipelines/control_schedule.h"

#include <cmath>

namespace gesso::pipelines {

std::vector<bool> control_window(const ControlUnit& u, int steps) {
  std::vector<bool> out;
  for (int i = 0; i < steps; ++i) {
    const double a = static_cast<double>(i) / steps, b = static_cast<double>(i + 1) / steps;
    out.push_back(!(a < u.start || b > u.end));
  }
  return out;
}

torch::Tensor control_step_scales(const ControlUnit& u, const models::ControlNetModelImpl& cn, int steps) {
  auto per_residual = cn.block_scales(u.scale, u.guess_mode);
  if (u.control_mode != ControlMode::kBalanced) {
    // sd-webui-controlnet: weight * 0.825 ** (12 - k) in Python's doubles, rounded once to float.
    std::vector<double> soft;
    for (int64_t k = 0; k < per_residual.size(0); ++k) soft.push_back(u.scale * std::pow(0.825, 12.0 - k));
    const auto ramp = cn.block_scales(1.0, u.guess_mode).to(torch::kDouble);  // 1, or guess mode's
    per_residual = (ramp * torch::tensor(soft, torch::kDouble)).to(torch::kFloat);
  }
  std::vector<float> keep;
  for (const bool in : control_window(u, steps)) keep.push_back(in ? 1.0f : 0.0f);
  return torch::tensor(keep).unsqueeze(1) * per_residual.unsqueeze(0);
}

bool conditional_only(const ControlUnit& u, const models::ControlNetModelImpl& cn) {
  return u.guess_mode || cn.controlnet_config().global_pool_conditions || u.control_mode == ControlMode::kControl;
}

}  // namespace gesso::pipelines
