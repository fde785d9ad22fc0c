#pragma once
// What the user chose to load: a base or a refiner, with the choices that change its weights.
#include <string>

namespace gesso::pipelines {

struct ModelSpec {
  std::string path;             // a diffusers folder or a single-file checkpoint
  std::string vae;              // a separate VAE (file or folder); "" is the model's own
  std::string prediction_type;  // single files: "epsilon" / "v_prediction" overrides detection
  std::string config;           // single files: a diffusers folder with the components' configs
  bool operator==(const ModelSpec&) const = default;
};

}  // namespace gesso::pipelines
