#include "engine/schedulers/lms.h"

#include "engine/error.h"

#include <torch/torch.h>

#include <algorithm>
#include <array>

namespace gesso::schedulers {
namespace {

// Four-point Gauss-Legendre rule on [-1, 1]: exact for polynomials up to degree 7, and the
// integrand is a polynomial of degree order - 1 <= 3 (diffusers approximates it with
// scipy.integrate.quad to 1e-4 relative; this is exact to rounding).
constexpr std::array<double, 4> kNodes = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563,
                                          0.8611363115940526};
constexpr std::array<double, 4> kWeights = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461,
                                            0.3478548451374538};

}  // namespace

LmsScheduler::LmsScheduler(const SchedulerConfig& config) : SigmaScheduler(config, ZeroSnr::kIgnored, "LMS") {
  check_prediction_type(config, {"epsilon", "v_prediction", "sample"}, name_);
  if (config.use_beta_sigmas) throw RequestError("sampler", "LMS: use_beta_sigmas is not supported");
  if (config.use_karras_sigmas + config.use_exponential_sigmas > 1) {
    throw RequestError("sampler", "LMS: use_karras_sigmas and use_exponential_sigmas exclude each other");
  }
  step_sigmas_.assign(sigmas_.data_ptr<float>(), sigmas_.data_ptr<float>() + sigmas_.numel());
}

void LmsScheduler::set_timesteps(int num_inference_steps) {
  check_steps(num_inference_steps, config_.num_train_timesteps);
  auto timesteps = spaced_float_timesteps(num_inference_steps);
  auto sigmas = interpolate_sigmas(timesteps, train_sigmas_);
  if (config_.use_karras_sigmas || config_.use_exponential_sigmas) {
    // LMS's Karras range ignores the sigma_min/sigma_max config keys (diffusers' LMS does too).
    const double sigma_min = config_.use_karras_sigmas ? sigmas.back() : config_.sigma_min.value_or(sigmas.back());
    const double sigma_max = config_.use_karras_sigmas ? sigmas.front() : config_.sigma_max.value_or(sigmas.front());
    sigmas = config_.use_karras_sigmas ? karras_sigmas(sigma_min, sigma_max, num_inference_steps)
                                       : exponential_sigmas(sigma_min, sigma_max, num_inference_steps);
    const auto logs = log_sigmas(train_sigmas_);
    timesteps.clear();
    for (double s : sigmas) timesteps.push_back(sigma_to_t(s, logs));
  }
  sigmas.push_back(0.0);
  set_schedule(timesteps, sigmas);
  step_sigmas_.assign(sigmas_.data_ptr<float>(), sigmas_.data_ptr<float>() + sigmas_.numel());
  derivatives_.clear();
}

double LmsScheduler::lms_coefficient(int order, int t, int current_order) const {
  const auto& s = step_sigmas_;
  auto basis = [&](double tau) {
    double prod = 1.0;
    for (int k = 0; k < order; ++k) {
      if (k == current_order) continue;
      prod *= (tau - s[t - k]) / (s[t - current_order] - s[t - k]);
    }
    return prod;
  };
  const double a = s[t];
  const double b = s[t + 1];
  const double half = (b - a) / 2;
  const double mid = (a + b) / 2;
  double sum = 0.0;
  for (size_t i = 0; i < kNodes.size(); ++i) sum += kWeights[i] * basis(mid + half * kNodes[i]);
  return sum * half;
}

torch::Tensor LmsScheduler::step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample,
                                 std::optional<torch::Generator> /*generator: deterministic*/) {
  check_step_index(step_index, num_steps(), name_);
  const auto s = sigma(step_index);
  const auto x0 = predict_original(model_output, sample, s);
  derivatives_.push_back((sample - x0) / s);
  if (static_cast<int>(derivatives_.size()) > kOrder) derivatives_.pop_front();

  // After an img2img start the history is shorter than the order: diffusers still builds the
  // coefficients from the earlier sigmas and pairs them with the derivatives it has.
  const int order = std::min(step_index + 1, kOrder);
  const int terms = std::min(order, static_cast<int>(derivatives_.size()));
  torch::Tensor sum;
  for (int k = 0; k < terms; ++k) {
    const double coeff = lms_coefficient(order, step_index, k);
    const auto term = coeff * derivatives_[derivatives_.size() - 1 - k];
    sum = k == 0 ? 0 + term : sum + term;
  }
  return sample + sum;
}

}  // namespace gesso::schedulers
