#pragma once
// "Upscale x4": Stability's x4 upscaler on any image (diffusers' StableDiffusionUpscalePipeline),
// the same image as diffusers for an image that fits one tile. A larger image is upscaled in
// overlapping tiles of `tile` low-resolution pixels, blended across their overlap
// (upscale_tiles.h), so that memory stays that of one tile whatever the image's size.
#include <string>
#include <vector>

#include "engine/io/a1111_parameters.h"
#include "engine/io/image.h"
#include "engine/pipelines/bundle_slot.h"
#include "engine/pipelines/observer.h"
#include "engine/pipelines/x4_upscaler.h"
#include "engine/runtime/runtime_options.h"

namespace gesso::pipelines {

struct UpscaleRequest {
  std::string model_dir;  // a StableDiffusionUpscalePipeline folder
  Image image;            // RGB (alpha dropped), any size
  std::string prompt, negative_prompt;
  bool plain_prompts = false;  // diffusers' prompts instead of A1111's (text_conditioner.h)
  uint64_t seed = 0;
  X4Settings settings;
  int tile = 128;         // low-resolution pixels per tile side; 0: never tile
  int tile_overlap = 32;
  runtime::RuntimeOptions runtime;
};

struct UpscaleResult {
  Image image;
  io::GenerationParameters parameters;  // A1111's text, with the upscaler's settings
  std::vector<std::string> notes;
  int tiles = 1;
  double seconds = 0;
};

class UpscalePipeline {
 public:
  // Throws gesso::Error subclasses (RequestError, ModelFileError, OutOfMemoryError, CancelledError).
  UpscaleResult run(const UpscaleRequest& request, Observer& observer);
  const ModelBundle* model() const { return slot_.bundle.get(); }

 private:
  UpscaleResult upscale(const UpscaleRequest& request, ModelBundle& model, bool graphs, const std::string& graph_key,
                        Observer& observer);

  BundleSlot slot_;
};

// The A1111 text of an x4 upscale: the prompt, steps, sampler, CFG, seed, the output size, the
// model and "Noise level" (with "Upscale tiles" when tiled).
io::GenerationParameters upscale_parameters(const UpscaleRequest& request, const ModelBundle& model,
                                            const Image& output, int tiles);

}  // namespace gesso::pipelines
