#pragma once
// Latent diffusion generation for every family a ModelBundle loads (SD 1.x / 2.x / XL): txt2img,
// img2img and inpainting (9-channel inpainting UNets and regular 4-channel ones), the same image as
// diffusers' pipelines for the same seed and settings, plus AUTOMATIC1111's inpainting options on
// top. Loaded models are kept between runs while their LoadKey stays the same.
#include <memory>
#include <string>
#include <vector>

#include "engine/error.h"
#include "engine/io/a1111_parameters.h"
#include "engine/io/image.h"
#include "engine/pipelines/generation_request.h"
#include "engine/pipelines/observer.h"
#include "engine/pipelines/model_bundle.h"
#include "engine/runtime/cuda_graph.h"
#include "engine/runtime/vram_estimate.h"

namespace gesso::pipelines {

struct GenerationResult {
  std::vector<Image> images;
  std::vector<io::GenerationParameters> parameters;  // one per image
  torch::Tensor latents;                             // final latents, before decoding (tests, tools)
  double seconds = 0;
};

class StableDiffusionPipeline {
 public:
  // Runs one request; loads (or reuses) the model it names. Throws gesso::Error subclasses:
  // RequestError, ModelFileError, OutOfMemoryError, CancelledError.
  GenerationResult run(const GenerationRequest& request, Observer& observer);

  // The loaded model, if any (kept between runs with the same LoadKey).
  const ModelBundle* model() const { return model_.get(); }
  int graph_captures() const { return unet_graph_.captures(); }

 private:
  ModelBundle& ensure_model(const GenerationRequest& request, const torch::Device& device, Observer& observer);
  // Frees what can be freed and says what to switch on, with the estimate for each toggle.
  OutOfMemoryError out_of_memory(const GenerationRequest& request, const std::string& what);
  void check_budget(const GenerationRequest& request, const ModelBundle& model);

  std::unique_ptr<ModelBundle> model_;
  runtime::GraphedFunction unet_graph_;  // kept between runs: same shapes and options replay at once
};

// The device memory `request` needs at its peak with `model` (the GUI shows it before a run).
runtime::VramEstimate estimate_vram(const GenerationRequest& request, const ModelBundle& model);

// The device a request names ("auto" picks CUDA when usable).
torch::Device resolve_device(const std::string& name);

}  // namespace gesso::pipelines
