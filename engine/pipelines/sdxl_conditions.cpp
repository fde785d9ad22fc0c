#include "engine/pipelines/sdxl_conditions.h"

#include <torch/torch.h>

#include <vector>

#include "engine/error.h"

namespace gesso::pipelines {
namespace {

// diffusers' own checks, as errors that name the file a user would fix.
void check_width(const ModelBundle& m, std::size_t ids) {
  const auto& c = m.unet->config();
  const int64_t per_id = *c.addition_time_embed_dim, pooled = m.conditioner->pooled_width();
  const int64_t passed = per_id * static_cast<int64_t>(ids) + pooled;
  const int64_t expected = *c.projection_class_embeddings_input_dim;
  if (passed == expected) return;
  const std::string sizes = std::to_string(ids) + " time ids x " + std::to_string(per_id) + " + " +
                            std::to_string(pooled) + " pooled (text_encoder_2 projection_dim) = " + std::to_string(passed);
  const std::string takes = "the UNet takes added conditions " + std::to_string(expected) +
                            " wide (unet/config.json projection_class_embeddings_input_dim), but " + sizes;
  // One time id more than given: a base's UNet (six ids); one fewer: a refiner's (five).
  const bool base_unet = expected - passed == per_id, refiner_unet = passed - expected == per_id;
  if (refiner_unet || base_unet)
    throw ModelFileError(m.file_of("model_index.json"),
                         takes + std::string(": set \"requires_aesthetics_score\": ") + (refiner_unet ? "true" : "false") +
                             (refiner_unet ? " (this is a refiner's UNet)" : " (this is a base UNet)"));
  throw ModelFileError(m.file_of("unet/config.json"), takes + ": the UNet and text_encoder_2 do not belong together");
}

}  // namespace

torch::Tensor sdxl_time_ids(const ModelBundle& m, const SizeConditions& s, int num_images, bool guidance) {
  const bool aesthetic = m.index.flag("requires_aesthetics_score", false);
  const auto ids = [&](double score) {
    std::vector<double> v{double(s.original_height), double(s.original_width), double(s.crop_top), double(s.crop_left)};
    if (aesthetic) {
      v.push_back(score);
    } else {
      v.push_back(s.target_height);
      v.push_back(s.target_width);
    }
    return v;
  };
  const auto positive = ids(s.aesthetic_score);
  check_width(m, positive.size());
  const auto row = [&](const std::vector<double>& v) {
    return torch::tensor(v, torch::kDouble).to(m.dtype()).unsqueeze(0).repeat({num_images, 1});
  };
  auto out = row(positive);
  if (guidance) out = torch::cat({row(ids(aesthetic ? s.negative_aesthetic_score : 0)), out});
  return out.to(m.device());
}

}  // namespace gesso::pipelines
