#pragma once
// Prompt text -> Conditioning, one implementation per model family's text encoders (ClipConditioner:
// the CLIP encoder of SD 1.x / 2.x; SdxlConditioner: SDXL's two CLIP encoders, or the refiner's
// one; T5Conditioner: DeepFloyd IF's T5), so that no pipeline assumes one tokenizer or one encoder.
#include <torch/nn/module.h>

#include <string>
#include <utility>
#include <vector>

#include "engine/models/conditioning.h"
#include "engine/networks/embedding_file.h"
#include "engine/runtime/module_offload.h"

namespace gesso::pipelines {

struct PromptInput {
  std::string prompt;
  // "" is diffusers' negative_prompt=None: encoded as "", or zeros where the model asks for them
  // (SDXL's force_zeros_for_empty_prompt).
  std::string negative;
  int num_images = 1;
  bool guidance = true;  // classifier-free guidance: the record is [negative; prompt]
  int clip_skip = 0;     // diffusers' clip_skip (0: None)
  // AUTOMATIC1111's prompts (emphasis, BREAK, 75-token chunks; clip_prompt.h), or diffusers' plain
  // ones (one 77-token window, brackets as text).
  bool plain = false;
  // DeepFloyd IF's caption clean-up (diffusers' clean_caption: URLs, HTML, @names ... removed);
  // without it the prompt is lowercased and stripped, as diffusers' IF pipelines do.
  bool clean_caption = false;
  // The textual-inversion embeddings the texts may name (by file stem), or none.
  const std::vector<networks::TextualInversion>* embeddings = nullptr;
};

class TextConditioner {
 public:
  virtual ~TextConditioner() = default;
  // The context (and pooled embeddings, where the family has them) of [negative; prompt], or of the
  // prompt alone without guidance, each row repeated num_images times, in `dtype`; a prompt and a
  // negative of different chunk counts are matched (models::match_token_counts). The encoders
  // run where `offloads` keeps them (uploaded or streamed for the call).
  virtual models::Conditioning encode(const PromptInput& input, torch::ScalarType dtype,
                                      const runtime::OffloadSet& offloads) = 0;
  // The encoders by component name ("text_encoder", "text_encoder_2"): offload, footprint, layout.
  virtual std::vector<std::pair<std::string, torch::nn::Module*>> encoders() = 0;
  // The pooled embeddings' width (SDXL's text_encoder_2 projection_dim), 0 when there are none.
  virtual int64_t pooled_width() const { return 0; }
};

}  // namespace gesso::pipelines
