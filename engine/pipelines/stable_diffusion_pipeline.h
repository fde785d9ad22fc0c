#pragma once
// Latent diffusion generation for every family a ModelBundle loads (SD 1.x / 2.x / XL): txt2img,
// img2img and inpainting (9-channel inpainting UNets and regular 4-channel ones), the same image as
// diffusers' pipelines for the same seed and settings, plus AUTOMATIC1111's inpainting options on
// top. Loaded models are kept between runs while their LoadKey stays the same.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/error.h"
#include "engine/io/a1111_parameters.h"
#include "engine/pipelines/bundle_slot.h"
#include "engine/io/image.h"
#include "engine/pipelines/generation_request.h"
#include "engine/pipelines/observer.h"
#include "engine/pipelines/pipeline_common.h"
#include "engine/pipelines/run_scope.h"
#include "engine/pipelines/model_bundle.h"
#include "engine/runtime/cuda_graph.h"
#include "engine/runtime/vram_estimate.h"

namespace gesso::pipelines {

struct GenerationResult {
  std::vector<Image> images;
  std::vector<io::GenerationParameters> parameters;  // one per image
  torch::Tensor latents;                             // final latents, before decoding (tests, tools)
  torch::Tensor base_latents;                        // with a refiner: the base's, at the switch;
                                                     // with Hires. fix: the first pass's
  std::vector<std::string> notes;                    // what the run changed on its own (also Observer::on_note)
  double seconds = 0;
};

struct HiresPlan;  // stable_diffusion_pipeline.cpp

class StableDiffusionPipeline {
 public:
  // Runs one request; loads (or reuses) the model it names, and its refiner. Throws gesso::Error
  // subclasses: RequestError, ModelFileError, OutOfMemoryError, CancelledError.
  GenerationResult run(const GenerationRequest& request, Observer& observer);

  // The loaded models, if any (kept between runs with the same LoadKey).
  const ModelBundle* model() const { return model_.get(); }
  const ModelBundle* refiner() const { return refiner_.get(); }
  const ModelBundle* hires_upscaler() const { return hires_upscaler_.bundle.get(); }
  int graph_captures() const { return unet_graph_.captures() + refiner_graph_.captures(); }

 private:
  // Loads the model unless the slot holds it already; a fresh load's notes go to the observer and
  // into `notes`.
  ModelBundle& ensure_model(std::unique_ptr<ModelBundle>& slot, runtime::GraphedFunction& graph,
                            const ModelSpec& spec, const GenerationRequest& request, const torch::Device& device,
                            Observer& observer, std::vector<std::string>& notes);
  ModelBundle* ensure_refiner(const GenerationRequest& request, const torch::Device& device, Observer& observer,
                              std::vector<std::string>& notes);
  // Hires. fix's "SD x4" model, or null (and freed) when the request has none.
  ModelBundle* ensure_hires_upscaler(const GenerationRequest& request, const torch::Device& device,
                                     Observer& observer, std::vector<std::string>& notes);
  GenerationResult generate(const GenerationRequest& request, const PromptNetworks& networks, ModelBundle& model,
                            ModelBundle* refiner, const RunScope& scope, Observer& observer);
  torch::Tensor hires_pass(HiresPlan& plan, RunContext& base, const torch::Tensor& latents,
                           Observer& observer);
  torch::Tensor refine(const GenerationRequest& request, ModelBundle& refiner, RunContext& base,
                       const torch::Tensor& latents, const RunScope& scope, Observer& observer);
  // Frees what can be freed and says what to switch on, with the estimate for each toggle.
  OutOfMemoryError out_of_memory(const GenerationRequest& request, const std::string& what);
  void check_budget(const GenerationRequest& request, const ModelBundle& model, const ModelBundle* refiner);
  void drop_graphs();
  // The request's ControlNets, loaded for the base's device and dtype (kept between runs).
  void ensure_controlnets(const GenerationRequest& request, const ModelBundle& model, Observer& observer);
  // The ControlNets as the loop runs them; tile colour fixes go to ctx.inputs.colour_fixes.
  std::vector<ControlInput> control_inputs(RunContext& ctx);

  std::unique_ptr<ModelBundle> model_, refiner_;
  BundleSlot hires_upscaler_;  // Hires. fix's SD x4 (eager: its graph stays empty)
  // Kept between runs: same shapes and options replay at once. One per UNet, so that a base and
  // its refiner do not recapture each other's graph every run.
  runtime::GraphedFunction unet_graph_, refiner_graph_;
  struct LoadedControlNet {
    models::ControlNetModel model;
    int load = 0;  // which load this is: a graph captured on another's weights must not replay
    bool channels_last = false;
  };
  std::map<std::string, LoadedControlNet> controlnets_;  // by path
  std::string controlnet_key_;                           // the base, device and dtype they are for
  int controlnet_loads_ = 0;
};

// The device memory `request` needs at its peak with `model` (the GUI shows it before a run).
// With a refiner, both models' weights and the refiner's UNet stage count.
runtime::VramEstimate estimate_vram(const GenerationRequest& request, const ModelBundle& model,
                                    const ModelBundle* refiner = nullptr);

// The device a request names ("auto" picks CUDA when usable).
torch::Device resolve_device(const std::string& name);

}  // namespace gesso::pipelines
