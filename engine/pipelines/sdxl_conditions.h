#pragma once
// SDXL's micro-conditioning: the time ids that join the pooled text embeddings in the UNet's added
// embedding (diffusers' _get_add_time_ids): original size, crop top-left and target size, or for a
// refiner (model_index.json's requires_aesthetics_score) original size, crop and an aesthetic score.
#include <torch/types.h>

#include "engine/pipelines/model_bundle.h"

namespace gesso::pipelines {

struct SizeConditions {
  int original_width = 0, original_height = 0;  // the size the picture is said to come from
  int crop_left = 0, crop_top = 0;
  int target_width = 0, target_height = 0;      // the output size
  double aesthetic_score = 6.0, negative_aesthetic_score = 2.5;  // refiners only
};

// [negative; positive] time ids ([positive] without guidance), each repeated num_images times, in
// `dtype` on the model's device. The width the UNet takes (projection_class_embeddings_input_dim)
// is checked against time ids x addition_time_embed_dim + the pooled width, and a mismatch is a
// ModelFileError naming the setting to fix (requires_aesthetics_score, or the UNet's config).
torch::Tensor sdxl_time_ids(const ModelBundle& model, const SizeConditions& sizes, int num_images, bool guidance);

}  // namespace gesso::pipelines
