#include "engine/schedulers/lms.h"

#include "engine/error.h"

#include <torch/torch.h>

#include <algorithm>
#include <array>

namespace gesso::schedulers {
namespace {

// diffusers integrates each coefficient with scipy.integrate.quad (QUADPACK's QAGS), whose first
// 21-point Gauss-Kronrod pass already meets its tolerance for these low-degree polynomials. The
// same rule, nodes and summation order, and the same float32 integrand (diffusers evaluates it on
// float32 sigma tensors) give the same coefficients bit for bit; an exact rule would not.
// Abscissae and weights of the 21-point Kronrod rule on [-1, 1] (positive half, QUADPACK's xgk and
// wgk; odd 1-based entries extend the 10-point Gauss rule).
constexpr std::array<double, 11> kKronrodNodes = {
    0.995657163025808080735527280689003, 0.973906528517171720077964012084452, 0.930157491355708226001207180059508,
    0.865063366688984510732096688423493, 0.780817726586416897063717578345042, 0.679409568299024406234327365114874,
    0.562757134668604683339000099272694, 0.433395394129247190799265943165784, 0.294392862701460198131126603103866,
    0.148874338981631210884826001129720, 0.0};
constexpr std::array<double, 11> kKronrodWeights = {
    0.011694638867371874278064396062192, 0.032558162307964727478818972459390, 0.054755896574351996031381300244580,
    0.075039674810919952767043140916190, 0.093125454583697605535065465083366, 0.109387158802297641899210590325805,
    0.123491976262065851077958109831074, 0.134709217311473325928054001771707, 0.142775938577060080797094273138717,
    0.147739104901338491374841515972068, 0.149445554002916905664936468389821};

// QUADPACK's qk21: the centre, then the Gauss nodes' pairs, then the Kronrod-only pairs.
template <typename F>
double gauss_kronrod_21(const F& f, double a, double b) {
  const double centre = 0.5 * (a + b);
  const double half = 0.5 * (b - a);
  double sum = kKronrodWeights[10] * f(centre);
  for (std::size_t first : {1, 0})
    for (std::size_t j = first; j < 10; j += 2) {
      const double offset = half * kKronrodNodes[j];
      sum = sum + kKronrodWeights[j] * (f(centre - offset) + f(centre + offset));
    }
  return sum * half;
}

}  // namespace

LmsScheduler::LmsScheduler(const SchedulerSettings& config) : SigmaScheduler(config, ZeroSnr::kIgnored, "LMS") {
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
  // The Lagrange basis polynomial, in float32 as torch evaluates it: tau is rounded to float first.
  auto basis = [&](double tau) {
    float prod = 1.0f;
    for (int k = 0; k < order; ++k) {
      if (k == current_order) continue;
      const auto sigma_k = static_cast<float>(s[t - k]);
      const float term = (static_cast<float>(tau) - sigma_k) / (static_cast<float>(s[t - current_order]) - sigma_k);
      prod = prod * term;
    }
    return static_cast<double>(prod);
  };
  return gauss_kronrod_21(basis, s[t], s[t + 1]);
}

torch::Tensor LmsScheduler::step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample,
                                 const runtime::BatchGenerator& /*generator: deterministic*/) {
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
