#pragma once
// SD 1.x / 2.x: one CLIP text encoder's last hidden state (after its final layer norm), as
// diffusers' StableDiffusionPipeline.encode_prompt, of A1111's prompt chunks (clip_prompt.h).
#include "engine/models/clip_text_model.h"
#include "engine/pipelines/text_conditioner.h"
#include "engine/text/clip_tokenizer.h"

namespace gesso::pipelines {

class ClipConditioner : public TextConditioner {
 public:
  ClipConditioner(text::CLIPTokenizer tokenizer, models::CLIPTextModel encoder);

  models::Conditioning encode(const PromptInput& input, torch::ScalarType dtype,
                              const runtime::OffloadSet& offloads) override;
  std::vector<std::pair<std::string, torch::nn::Module*>> encoders() override;

 private:
  models::Conditioning embed(const std::string& text, const PromptInput& in, int clip_skip, torch::ScalarType dtype);

  text::CLIPTokenizer tokenizer_;
  models::CLIPTextModel encoder_;
};

}  // namespace gesso::pipelines
