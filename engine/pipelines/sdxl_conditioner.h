#pragma once
// SDXL: the penultimate hidden states of every CLIP encoder concatenated along the width (768 +
// 1280 = 2048 for the base, 1280 for the refiner's text_encoder_2 alone), and the pooled, projected
// embeddings of the encoder with a projection (CLIPTextModelWithProjection), as diffusers'
// StableDiffusionXLPipeline.encode_prompt; the size / crop / score time ids are the pipeline's.
#include <vector>

#include "engine/models/clip_text_model.h"
#include "engine/pipelines/text_conditioner.h"
#include "engine/text/clip_tokenizer.h"

namespace gesso::pipelines {

struct ClipEncoder {
  std::string component;  // "text_encoder", "text_encoder_2"
  text::CLIPTokenizer tokenizer;
  models::CLIPTextModel model;
};

class SdxlConditioner : public TextConditioner {
 public:
  // `encoders` in the order their hidden states are concatenated; one must have a projection.
  // force_zeros_for_empty_prompt: an empty negative prompt gives zero embeddings (model_index.json).
  SdxlConditioner(std::vector<ClipEncoder> encoders, bool force_zeros_for_empty_prompt);

  models::Conditioning encode(const PromptInput& input, torch::ScalarType dtype,
                              const runtime::OffloadSet& offloads) override;
  std::vector<std::pair<std::string, torch::nn::Module*>> encoders() override;
  int64_t pooled_width() const override;

 private:
  struct Encoded {
    torch::Tensor context, pooled;  // [1, 77 * chunks, sum widths], [1, projection_dim]
  };
  // hidden_states[-(clip_skip + 2)] of each encoder, and the projected pooled output (of the first
  // chunk), as A1111's chunks or diffusers' plain prompt (clip_prompt.h).
  Encoded encode_text(const std::string& text, const PromptInput& in, int clip_skip, const runtime::OffloadSet& offloads);

  std::vector<ClipEncoder> encoders_;
  bool force_zeros_;
};

}  // namespace gesso::pipelines
