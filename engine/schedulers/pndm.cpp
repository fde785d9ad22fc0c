#include "engine/schedulers/pndm.h"

#include "engine/error.h"

#include <torch/torch.h>

#include <algorithm>

namespace gesso::schedulers {

PndmScheduler::PndmScheduler(const SchedulerSettings& config)
    : config_(config), spacing_(spacing_of(config)), train_(training_schedule(config, ZeroSnr::kIgnored)) {
  check_prediction_type(config, {"epsilon", "v_prediction"}, "PNDM");
  final_alpha_cumprod_ =
      config.set_alpha_to_one ? torch::scalar_tensor(1.0, torch::kFloat32) : train_.alphas_cumprod[0];
}

void PndmScheduler::set_timesteps(int num_inference_steps) {
  check_steps(num_inference_steps, config_.num_train_timesteps);
  if (!config_.skip_prk_steps && num_inference_steps < 4) {
    throw RequestError("steps", "PNDM's Runge-Kutta warm-up (skip_prk_steps false) needs at least 4 steps, not " +
                                    std::to_string(num_inference_steps));
  }
  num_inference_steps_ = num_inference_steps;
  // Ascending, as diffusers' _timesteps.
  auto spaced = spaced_timesteps(spacing_, num_inference_steps, config_.num_train_timesteps, config_.steps_offset, true);
  std::vector<int64_t> ts(spaced.rbegin(), spaced.rend());
  const auto n = static_cast<long>(ts.size());
  prk_timesteps_.clear();
  std::vector<int64_t> plms;
  if (config_.skip_prk_steps) {
    // The second-to-last timestep twice: PLMS's first step is redone with an averaged slope.
    plms.assign(ts.begin(), ts.end() - 1);
    if (n >= 2) plms.push_back(ts[n - 2]);
    plms.push_back(ts[n - 1]);
  } else {
    // Each of the last four timesteps with its half step, each point twice except the ends.
    const int half = step_ratio() / 2;
    std::vector<int64_t> points;
    for (long i = n - 4; i < n; ++i) {
      points.push_back(ts[i]);
      points.push_back(ts[i] + half);
    }
    points.pop_back();
    std::vector<int64_t> doubled;
    for (int64_t p : points) doubled.insert(doubled.end(), {p, p});
    prk_timesteps_.assign(doubled.begin() + 1, doubled.end() - 1);
    plms.assign(ts.begin(), ts.end() - 3);
  }
  std::reverse(prk_timesteps_.begin(), prk_timesteps_.end());
  std::reverse(plms.begin(), plms.end());
  timesteps_ = prk_timesteps_;
  timesteps_.insert(timesteps_.end(), plms.begin(), plms.end());
  ets_.clear();
  counter_ = 0;
  cur_model_output_ = torch::Tensor();
  cur_sample_ = torch::Tensor();
  begin_index_ = -1;
}

torch::Tensor PndmScheduler::timesteps() const {
  return torch::tensor(timesteps_, torch::kInt64).to(torch::kFloat32);
}

torch::Tensor PndmScheduler::scale_model_input(const torch::Tensor& sample, int step_index) {
  check_step_index(step_index, static_cast<int>(timesteps_.size()), "PNDM");
  return sample;
}

torch::Tensor PndmScheduler::step(const torch::Tensor& model_output, int step_index, const torch::Tensor& sample,
                                  const runtime::BatchGenerator& /*generator: deterministic*/) {
  check_step_index(step_index, static_cast<int>(timesteps_.size()), "PNDM");
  const int64_t timestep = timesteps_[step_index];
  if (counter_ < static_cast<int>(prk_timesteps_.size()) && !config_.skip_prk_steps) {
    return step_prk(model_output, timestep, sample);
  }
  return step_plms(model_output, timestep, sample);
}

torch::Tensor PndmScheduler::step_prk(const torch::Tensor& model_output, int64_t timestep, const torch::Tensor& sample) {
  const int64_t diff_to_prev = counter_ % 2 ? 0 : step_ratio() / 2;
  const int64_t prev_timestep = timestep - diff_to_prev;
  timestep = prk_timesteps_[counter_ / 4 * 4];

  // Runge-Kutta 4: the slopes weighted 1/6, 1/3, 1/3, 1/6.
  auto accumulate = [this](const torch::Tensor& term) {
    cur_model_output_ = cur_model_output_.defined() ? cur_model_output_ + term : 0 + term;
  };
  torch::Tensor output = model_output;
  switch (counter_ % 4) {
    case 0:
      accumulate(1.0 / 6 * model_output);
      ets_.push_back(model_output);
      cur_sample_ = sample;
      break;
    case 1:
    case 2:
      accumulate(1.0 / 3 * model_output);
      break;
    default:
      output = (cur_model_output_.defined() ? cur_model_output_ : torch::zeros_like(model_output)) +
               1.0 / 6 * model_output;
      cur_model_output_ = torch::Tensor();
  }
  const auto& from = cur_sample_.defined() ? cur_sample_ : sample;
  auto prev = prev_sample(from, timestep, prev_timestep, output);
  ++counter_;
  return prev;
}

torch::Tensor PndmScheduler::step_plms(const torch::Tensor& model_output, int64_t timestep, const torch::Tensor& sample) {
  if (!config_.skip_prk_steps && ets_.size() < 3) {
    throw Error("PNDM: the linear multistep steps need the 12 Runge-Kutta warm-up steps first");
  }
  int64_t prev_timestep = timestep - step_ratio();
  if (counter_ != 1) {
    while (ets_.size() > 3) ets_.pop_front();
    ets_.push_back(model_output);
  } else {
    prev_timestep = timestep;
    timestep = timestep + step_ratio();
  }
  torch::Tensor output;
  torch::Tensor from = sample;
  const auto n = ets_.size();
  const auto e = [this, n](size_t back) -> const torch::Tensor& { return ets_[n - back]; };
  if (n == 1 && counter_ == 0) {
    output = model_output;
    cur_sample_ = sample;
  } else if (n == 1 && counter_ == 1) {
    output = (model_output + e(1)) / 2;
    from = cur_sample_;
    cur_sample_ = torch::Tensor();
  } else if (n == 2) {
    output = (3 * e(1) - e(2)) / 2;
  } else if (n == 3) {
    output = (23 * e(1) - 16 * e(2) + 5 * e(3)) / 12;
  } else {
    output = (1.0 / 24) * (55 * e(1) - 59 * e(2) + 37 * e(3) - 9 * e(4));
  }
  auto prev = prev_sample(from, timestep, prev_timestep, output);
  ++counter_;
  return prev;
}

torch::Tensor PndmScheduler::prev_sample(const torch::Tensor& sample, int64_t timestep, int64_t prev_timestep,
                                         torch::Tensor model_output) const {
  if (timestep >= config_.num_train_timesteps || prev_timestep >= config_.num_train_timesteps) {
    throw RequestError("steps", "PNDM: with this spacing and step count the schedule reaches timestep " +
                                    std::to_string(std::max(timestep, prev_timestep)) + ", beyond the training range");
  }
  const auto alpha_prod_t = train_.alphas_cumprod[timestep];
  const auto alpha_prod_t_prev = prev_timestep >= 0 ? train_.alphas_cumprod[prev_timestep] : final_alpha_cumprod_;
  const auto beta_prod_t = 1 - alpha_prod_t;
  const auto beta_prod_t_prev = 1 - alpha_prod_t_prev;
  if (config_.prediction_type == "v_prediction") {
    model_output = alpha_prod_t.pow(0.5) * model_output + beta_prod_t.pow(0.5) * sample;
  }
  const auto sample_coeff = (alpha_prod_t_prev / alpha_prod_t).pow(0.5);
  const auto denom = alpha_prod_t * beta_prod_t_prev.pow(0.5) + (alpha_prod_t * beta_prod_t * alpha_prod_t_prev).pow(0.5);
  return sample_coeff * sample - (alpha_prod_t_prev - alpha_prod_t) * model_output / denom;
}

torch::Tensor PndmScheduler::add_noise(const torch::Tensor& original, const torch::Tensor& noise,
                                       int step_index) const {
  check_step_index(step_index, static_cast<int>(timesteps_.size()), "PNDM");
  const auto alphas_cumprod = train_.alphas_cumprod.to(original.scalar_type());
  const auto alpha_prod = alphas_cumprod[timesteps_[step_index]];
  return alpha_prod.pow(0.5) * original + (1 - alpha_prod).pow(0.5) * noise;
}

}  // namespace gesso::schedulers
