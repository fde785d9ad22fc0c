#pragma once
// Where a base model hands its latents to a refiner: diffusers' denoising_end (the base's last
// step) and denoising_start (the refiner's first), both a fraction of the training schedule cut
// at timestep round(T - fraction * T), so that the two runs share one noise schedule.
#include "engine/schedulers/scheduler.h"

namespace gesso::pipelines {

// One past the base's last step: the steps whose timestep is at or above the cutoff.
int base_end_index(const schedulers::Scheduler& scheduler, int num_train_timesteps, double fraction);
// The refiner's first step: the steps below the cutoff run (one more on an even count for a
// second-order scheduler, as diffusers does).
int refiner_begin_index(const schedulers::Scheduler& scheduler, int num_train_timesteps, double fraction);

}  // namespace gesso::pipelines
