#include "engine/schedulers/unipc.h"

#include "engine/error.h"
#include "engine/schedulers/multistep_schedule.h"

#include <torch/torch.h>

#include <algorithm>

namespace gesso::schedulers {
namespace {

constexpr const char* kName = "UniPC";

std::string unipc_solver_type(const SchedulerSettings& config) {
  const std::string type = config.solver_type;
  if (type == "bh1" || type == "bh2") return type;
  if (type == "midpoint" || type == "heun" || type == "logrho") return "bh2";  // as diffusers maps them
  throw RequestError("sampler", std::string(kName) + ": solver_type '" + type + "' is not supported (bh1, bh2)");
}

}  // namespace

UniPcScheduler::UniPcScheduler(const SchedulerSettings& config)
    : config_(config), solver_type_(unipc_solver_type(config)),
      train_(training_schedule(config, ZeroSnr::kRescaleAndClamp)) {
  check_prediction_type(config, {"epsilon", "v_prediction", "sample"}, kName);
  check_multistep_config(config, kName);
  spacing_of(config);
}

void UniPcScheduler::set_timesteps(int num_inference_steps) {
  check_steps(num_inference_steps, config_.num_train_timesteps);
  auto schedule = multistep_schedule(config_, train_, num_inference_steps, MultistepSolver::kUniPC);
  timesteps_ = schedule.timesteps;
  sigmas_ = float32_tensor(schedule.sigmas);
  model_outputs_.assign(config_.solver_order, torch::Tensor());
  last_sample_ = torch::Tensor();
  lower_order_nums_ = 0;
  this_order_ = 0;
  begin_index_ = -1;
}

torch::Tensor UniPcScheduler::timesteps() const {
  return torch::tensor(timesteps_, torch::kInt64).to(torch::kFloat32);
}

torch::Tensor UniPcScheduler::scale_model_input(const torch::Tensor& sample, int step_index) {
  check_step_index(step_index, num_steps(), kName);
  return sample;
}

torch::Tensor UniPcScheduler::convert_model_output(const torch::Tensor& model_output, const torch::Tensor& sample,
                                                   int i) const {
  const auto [alpha_t, sigma_t] = alpha_sigma(sigmas_[i]);
  const auto& type = config_.prediction_type;
  if (config_.predict_x0) {
    torch::Tensor x0 = type == "epsilon"  ? (sample - sigma_t * model_output) / alpha_t
                       : type == "sample" ? model_output
                                          : alpha_t * sample - sigma_t * model_output;
    if (config_.thresholding) x0 = threshold_sample(x0, config_.dynamic_thresholding_ratio, config_.sample_max_value);
    return x0;
  }
  if (type == "epsilon") return model_output;
  if (type == "sample") return (sample - alpha_t * model_output) / sigma_t;
  return alpha_t * model_output + sigma_t * sample;
}

UniPcScheduler::Coefficients UniPcScheduler::coefficients(int target, int source, int order,
                                                          const torch::Device& device) const {
  Coefficients c;
  const auto t = alpha_sigma(sigmas_[target].to(device));
  const auto s0 = alpha_sigma(sigmas_[source].to(device));
  std::tie(c.alpha_t, c.sigma_t) = t;
  std::tie(c.alpha_s0, c.sigma_s0) = s0;
  const auto lambda_s0 = lambda_of(s0);
  const auto h = lambda_of(t) - lambda_s0;

  const auto& m0 = model_outputs_.back();
  std::vector<torch::Tensor> rks;
  for (int k = 1; k < order; ++k) {
    const auto& mk = model_outputs_[model_outputs_.size() - 1 - k];
    const auto lambda_sk = lambda_of(alpha_sigma(sigmas_[source - k].to(device)));
    const auto rk = (lambda_sk - lambda_s0) / h;
    rks.push_back(rk);
    c.d1s.push_back((mk - m0) / rk);
  }
  rks.push_back(torch::ones({}, torch::TensorOptions().device(device)));
  const auto r = torch::stack(rks);

  const auto hh = config_.predict_x0 ? -h : h;
  c.h_phi_1 = torch::expm1(hh);
  auto h_phi_k = c.h_phi_1 / hh - 1;
  c.b_h = solver_type_ == "bh1" ? hh : torch::expm1(hh);
  int64_t factorial = 1;
  std::vector<torch::Tensor> rows;
  std::vector<torch::Tensor> b;
  for (int k = 1; k <= order; ++k) {
    rows.push_back(torch::pow(r, k - 1));
    b.push_back(h_phi_k * factorial / c.b_h);
    factorial *= k + 1;
    h_phi_k = h_phi_k / hh - 1.0 / static_cast<double>(factorial);
  }
  c.r_matrix = torch::stack(rows);
  c.b = torch::stack(b);
  return c;
}

torch::Tensor UniPcScheduler::first_order_part(const Coefficients& c, const torch::Tensor& x) const {
  const auto& m0 = model_outputs_.back();
  if (config_.predict_x0) return c.sigma_t / c.sigma_s0 * x - c.alpha_t * c.h_phi_1 * m0;
  return c.alpha_t / c.alpha_s0 * x - c.sigma_t * c.h_phi_1 * m0;
}

torch::Tensor UniPcScheduler::predictor(const torch::Tensor& x, int i, int order) const {
  const auto c = coefficients(i + 1, i, order, x.device());
  const auto x_t_ = first_order_part(c, x);
  const auto& scale = config_.predict_x0 ? c.alpha_t : c.sigma_t;
  torch::Tensor x_t;
  if (!c.d1s.empty()) {
    const auto d1s = torch::stack(c.d1s, 1);
    // Order 2 uses the fixed rho = 1/2 of the paper rather than solving the 1x1 system.
    const auto rhos_p =
        order == 2 ? torch::ones({1}, x.options()) * 0.5
                   : torch::linalg_solve(c.r_matrix.slice(0, 0, -1).slice(1, 0, -1), c.b.slice(0, 0, -1))
                         .to(x.device())
                         .to(x.scalar_type());
    const auto pred_res = torch::einsum("k,bkc...->bc...", {rhos_p, d1s});
    x_t = x_t_ - scale * c.b_h * pred_res;
  } else {
    x_t = x_t_ - scale * c.b_h * 0;
  }
  return x_t.to(x.scalar_type());
}

torch::Tensor UniPcScheduler::corrector(const torch::Tensor& model_t, const torch::Tensor& last_sample,
                                        const torch::Tensor& this_sample, int i, int order) const {
  const auto& x = last_sample;
  const auto c = coefficients(i, i - 1, order, this_sample.device());
  const auto x_t_ = first_order_part(c, x);
  const auto& scale = config_.predict_x0 ? c.alpha_t : c.sigma_t;
  const auto rhos_c = order == 1 ? torch::ones({1}, x.options()) * 0.5
                                 : torch::linalg_solve(c.r_matrix, c.b).to(this_sample.device()).to(x.scalar_type());
  const auto d1_t = model_t - model_outputs_.back();
  const auto last_rho = rhos_c[-1] * d1_t;
  torch::Tensor correction;
  if (!c.d1s.empty()) {
    const auto corr_res = torch::einsum("k,bkc...->bc...", {rhos_c.slice(0, 0, -1), torch::stack(c.d1s, 1)});
    correction = corr_res + last_rho;
  } else {
    correction = 0 + last_rho;
  }
  return (x_t_ - scale * c.b_h * correction).to(x.scalar_type());
}

torch::Tensor UniPcScheduler::step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample,
                                   const runtime::BatchGenerator& /*generator: deterministic*/) {
  check_step_index(step_index, num_steps(), kName);
  const int i = step_index;
  const bool corrector_disabled =
      std::find(config_.disable_corrector.begin(), config_.disable_corrector.end(), i - 1) !=
      config_.disable_corrector.end();
  const bool use_corrector = i > 0 && !corrector_disabled && last_sample_.defined();

  const auto converted = convert_model_output(model_output, sample, i);
  auto x = sample;
  if (use_corrector) x = corrector(converted, last_sample_, sample, i, this_order_);

  model_outputs_.pop_front();
  model_outputs_.push_back(converted);

  const int order = config_.lower_order_final ? std::min(config_.solver_order, num_steps() - i) : config_.solver_order;
  this_order_ = std::min(order, lower_order_nums_ + 1);  // warm-up of the multistep history
  last_sample_ = x;
  auto prev = predictor(x, i, this_order_);
  if (lower_order_nums_ < config_.solver_order) ++lower_order_nums_;
  return prev;
}

torch::Tensor UniPcScheduler::add_noise(const torch::Tensor& original, const torch::Tensor& noise,
                                        int step_index) const {
  check_step_index(step_index, num_steps(), kName);
  const auto sigma = sigmas_.to(original.scalar_type())[step_index];
  const auto [alpha_t, sigma_t] = alpha_sigma(sigma);
  return alpha_t * original + sigma_t * noise;
}

}  // namespace gesso::schedulers
