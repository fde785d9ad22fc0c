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

// The x4 upscale of `low` ([1, 3, h, w] in [-1, 1]) in tiles of `tile` low-resolution pixels (0: one
// tile), blended across `overlap`; each tile's noise from `generator`, continuing. `loop` carries
// the CUDA graph and progress fields (each tile's steps count toward them). Returns [1, 3, 4h, 4w]
// in [-1, 1] (x4_upscale's float32, on the model's device). Cancel is asked between tiles and steps.
torch::Tensor x4_upscale_tiled(ModelBundle& model, const models::Conditioning& record, const torch::Tensor& low,
                               const X4Settings& settings, int tile, int overlap, const BatchGenerator& generator,
                               DenoiseInputs loop, Observer& observer);
// How many tiles that is for an h x w image.
int x4_tile_count(int64_t height, int64_t width, int tile, int overlap);

// The A1111 text of an x4 upscale: the prompt, steps, sampler, CFG, seed, the output size, the
// model and "Noise level" (with "Upscale tiles" when tiled).
io::GenerationParameters upscale_parameters(const UpscaleRequest& request, const ModelBundle& model,
                                            const Image& output, int tiles);

}  // namespace gesso::pipelines
