#pragma once
#include <torch/nn/module.h>

#include <functional>
#include <string>
#include <vector>

#include "engine/io/safetensors.h"
#include "engine/io/weight_set.h"

namespace gesso::io {

struct LoadOptions {
  torch::Device device = torch::kCPU;
  torch::ScalarType dtype = torch::kFloat;  // floating-point weights are converted to this
  bool strict = true;                       // missing / unexpected / mis-shaped names are errors
  // Maps a file's tensor name to the module's name, for layouts other tools wrote (see
  // checkpoint_keys.h). Empty: names are used as they are.
  std::function<std::string(const std::string&)> rename;
};

// Loads weights into module parameters and buffers by exact name (named_parameters() and
// named_buffers() paths, which mirror the diffusers checkpoint keys). Each tensor goes from the
// mapping straight to the target dtype and device, one tensor at a time, so no second full copy of
// the model is ever held in host memory. Under strict, every missing, unexpected or mis-shaped
// tensor is named in one ModelFileError. Returns the names that were loaded.
std::vector<std::string> load_state_dict(torch::nn::Module& module,
                                         const std::vector<SafetensorsFile>& files,
                                         const LoadOptions& options = {});
// The same from any weight set (a single-file checkpoint's component, a pickled file); `rename` in
// options is not applied here (see renamed()).
std::vector<std::string> load_state_dict(torch::nn::Module& module, const WeightSet& weights,
                                         const LoadOptions& options = {});

// The set under new names (rename(name)); an empty function gives the set unchanged.
WeightSet renamed(const WeightSet& weights, const std::function<std::string(const std::string&)>& rename);

// The weight files of a diffusers component folder (e.g. "<model>/unet"): the variant's
// "diffusion_pytorch_model.<variant>.safetensors" (or "model.<variant>.safetensors") when variant is
// non-empty and present, else the plain name, including sharded "*-0000N-of-0000M.safetensors" with
// their ".index.json". Throws ModelFileError naming the folder when none is found.
std::vector<SafetensorsFile> open_component_weights(const std::string& component_dir,
                                                    const std::string& variant = "");

}  // namespace gesso::io
