#include "engine/pipelines/refiner_switch.h"

#include <torch/torch.h>

#include <cmath>

namespace gesso::pipelines {
namespace {

int cutoff(int num_train_timesteps, double fraction) {
  return static_cast<int>(std::nearbyint(num_train_timesteps - fraction * num_train_timesteps));
}

}  // namespace

int base_end_index(const schedulers::Scheduler& s, int num_train_timesteps, double fraction) {
  return static_cast<int>((s.timesteps() >= cutoff(num_train_timesteps, fraction)).sum().item<int64_t>());
}

int refiner_begin_index(const schedulers::Scheduler& s, int num_train_timesteps, double fraction) {
  const auto timesteps = s.timesteps();
  int steps = static_cast<int>((timesteps < cutoff(num_train_timesteps, fraction)).sum().item<int64_t>());
  if (s.order() == 2 && steps % 2 == 0) ++steps;
  return static_cast<int>(timesteps.size(0)) - steps;
}

}  // namespace gesso::pipelines
