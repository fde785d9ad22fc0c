#pragma once
// What every kernel wrapper asks of a tensor before handing its pointer to a launcher: its sizes
// for an error message, its alignment for 16-byte vector access, its dtype as a launcher type.
#include <torch/types.h>

#include <optional>
#include <string>

#include "engine/kernels/latent_preview_cuda.h"  // cuda::ElementType (torch-free)

namespace gesso::kernels {

std::string sizes_text(const torch::Tensor& t);  // "[2, 320, 64, 64]"
bool aligned16(const torch::Tensor& t);          // data pointer on a 16-byte boundary
// float32, float16, bfloat16: the launchers' types; anything else: none.
std::optional<cuda::ElementType> launcher_type(torch::ScalarType t);
// The largest relative error one rounding to t leaves (float32: a few ulps more for the math
// around it): the self-checks' tolerance, as a fraction of the largest output.
double rounding_tolerance(torch::ScalarType t);

}  // namespace gesso::kernels
