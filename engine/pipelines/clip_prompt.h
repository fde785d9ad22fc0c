#pragma once
// One CLIP encoder's conditioning for one prompt text, as AUTOMATIC1111 computes it: the text in
// 77-token chunks (text/prompt_chunks.h) with its textual-inversion vectors in place, each chunk
// encoded on its own, its hidden states scaled by the emphasis weights and brought back to their
// original mean, the chunks concatenated along the tokens. With plain prompts (diffusers') it is
// diffusers' encode_prompt: one 77-token window, brackets as text.
#include <string>
#include <vector>

#include "engine/models/clip_text_model.h"
#include "engine/networks/embedding_file.h"
#include "engine/text/clip_tokenizer.h"
#include "engine/text/prompt_chunks.h"

namespace gesso::pipelines {

struct ClipPromptOptions {
  text::ChunkOptions chunks;                                     // A1111's syntax, or ChunkOptions::plain()
  const std::vector<networks::TextualInversion>* embeddings = nullptr;  // those the prompt may name
  std::string embedding_key;                                     // SDXL's "clip_l" / "clip_g"; "" otherwise
  int clip_skip = 0;                                             // diffusers' clip_skip
  // SD 1.x / 2.x: the last (or clip-skipped) layer through the final layer norm. SDXL: the
  // hidden states of layer -(clip_skip + 2), no final norm, and the projected pooled output.
  bool penultimate = false;
};

struct ClipPrompt {
  torch::Tensor context;  // [1, 77 * chunks, hidden]
  torch::Tensor pooled;   // [1, projection_dim] of the first chunk, where the encoder projects
};

ClipPrompt encode_clip_prompt(const std::string& text, const text::CLIPTokenizer& tokenizer,
                              models::CLIPTextModel& encoder, const ClipPromptOptions& options);

// A1111's emphasis: z * weights, then z * (mean before / mean after). z: [1, 77, hidden].
torch::Tensor apply_emphasis(const torch::Tensor& z, const std::vector<float>& multipliers);

}  // namespace gesso::pipelines
