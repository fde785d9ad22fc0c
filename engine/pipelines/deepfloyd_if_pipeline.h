#pragma once
// DeepFloyd IF as diffusers runs it: stage I (IFPipeline: T5 embeddings -> a 64x64 image), stage
// II (IFSuperResolutionPipeline: that image upscaled bilinearly to 256x256, noised at noise_level
// by its image_noising_scheduler and joined to the UNet's input, the noise level its class label),
// stage III the SD x4 upscaler (x4_upscaler.h). Both IF stages denoise pixels with a DDPM whose
// variance the UNet predicts (DenoiseInputs::learned_variance). The prompt's T5 embeddings are
// computed once, by stage I's encoder, for stages I and II; stage III reads the prompt with its
// own CLIP. Each image's generator (seed + i, runtime/batch_generator.h) runs through the stages
// (diffusers' examples pass the same generator to each) unless a stage names its own seed.
#include <optional>
#include <string>
#include <vector>

#include "engine/io/a1111_parameters.h"
#include "engine/io/image.h"
#include "engine/pipelines/bundle_slot.h"
#include "engine/pipelines/observer.h"
#include "engine/pipelines/x4_upscaler.h"
#include "engine/runtime/runtime_options.h"

namespace gesso::pipelines {

struct IFStageSettings {
  std::string model_dir;           // "" skips the stage (II, III)
  int steps = 0;
  double guidance_scale = 0;
  std::optional<uint64_t> seed;    // none: the run's generator, continued from the stage before
  int noise_level = 0;             // stage II
};

struct IFRequest {
  std::string prompt, negative_prompt;
  bool clean_caption = false;      // diffusers' clean_caption (else lowercased and stripped)
  int num_images = 1;
  uint64_t seed = 0;
  int width = 0, height = 0;       // stage I's size (0: its sample_size, 64); stage II is 4x, III 16x
  // diffusers' defaults: stage I 100 steps at CFG 7, stage II 50 at 4 with noise level 250.
  IFStageSettings stage1{.steps = 100, .guidance_scale = 7.0};
  IFStageSettings stage2{.steps = 50, .guidance_scale = 4.0, .noise_level = 250};
  std::string stage3_dir;          // an x4 upscaler; "" stops after stage II
  X4Settings stage3{.noise_level = 100};  // seed 003's cascade: noise_level 100
  std::optional<uint64_t> stage3_seed;
  std::optional<Image> image;      // replaces stage I: an image of stage I's size for stages II / III
  runtime::RuntimeOptions runtime;
};

struct IFResult {
  std::vector<std::vector<Image>> stages;  // each stage's images, in order (I, II, III as run)
  std::vector<io::GenerationParameters> parameters;  // one per final image, every stage's settings
  torch::Tensor stage1, stage2, stage3;    // each stage's output in [-1, 1] (tests, tools)
  std::vector<std::string> notes;
  double seconds = 0;
};

class DeepFloydIFPipeline {
 public:
  // Throws gesso::Error subclasses: RequestError (a stage II folder given as stage I names the
  // field and both families), ModelFileError, OutOfMemoryError, CancelledError.
  IFResult run(const IFRequest& request, Observer& observer);
  int cached_prompts() const;  // T5 embeddings reused (tests)

 private:
  IFResult generate(const IFRequest& request, bool graphs, const std::string& graph_key, Observer& observer);
  void check_budget(const IFRequest& request) const;

  BundleSlot stage1_, stage2_, stage3_;
};

void validate(const IFRequest& request);

// The A1111 text of image `index` of the batch: prompt, stage I's steps / CFG, its own seed (each
// stage's seed + index, as each image is drawn from its own generators), the final size, stage I's
// model, and "Stage II ..." / "Stage III ..." keys for the later stages' settings.
io::GenerationParameters if_parameters(const IFRequest& request, const std::vector<std::string>& models,
                                       int width, int height, int index = 0);

}  // namespace gesso::pipelines
