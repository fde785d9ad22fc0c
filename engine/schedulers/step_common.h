#pragma once
// What the schedulers' step functions share: the step-index check, diffusers' way of drawing
// noise from the pipeline's generator, and dynamic thresholding of a predicted x0.
#include <torch/types.h>

#include <string>

#include "engine/runtime/batch_generator.h"

namespace gesso::schedulers {

// Throws gesso::Error when step_index is outside [0, count).
void check_step_index(int step_index, int count, const std::string& scheduler);

// randn_tensor of diffusers: drawn on the generator's device (the CPU for a CPU generator; each
// image's row from its own generator), in `dtype`, then moved to the device of `like`.
torch::Tensor randn_like_diffusers(const torch::Tensor& like, torch::ScalarType dtype,
                                   const runtime::BatchGenerator& generator);

// diffusers' _threshold_sample (dynamic thresholding of a predicted x0).
torch::Tensor threshold_sample(const torch::Tensor& sample, double ratio, double max_value);

}  // namespace gesso::schedulers
