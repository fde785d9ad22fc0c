#include "engine/pipelines/clip_conditioner.h"

#include <torch/torch.h>

#include "engine/pipelines/clip_prompt.h"

namespace gesso::pipelines {

ClipConditioner::ClipConditioner(text::CLIPTokenizer tokenizer, models::CLIPTextModel encoder)
    : tokenizer_(std::move(tokenizer)), encoder_(std::move(encoder)) {}

std::vector<std::pair<std::string, torch::nn::Module*>> ClipConditioner::encoders() {
  return {{"text_encoder", encoder_.get()}};
}

models::Conditioning ClipConditioner::embed(const std::string& text, const PromptInput& in, int clip_skip,
                                            torch::ScalarType dtype) {
  const ClipPromptOptions options{.chunks = in.plain ? text::ChunkOptions::plain() : text::ChunkOptions{},
                                  .embeddings = in.embeddings,
                                  .clip_skip = clip_skip};
  const auto encoded = encode_clip_prompt(text, tokenizer_, encoder_, options);
  return models::Conditioning{.context = encoded.context.to(dtype)}.repeat_rows(in.num_images);
}

models::Conditioning ClipConditioner::encode(const PromptInput& in, torch::ScalarType dtype,
                                             const runtime::OffloadSet& offloads) {
  const runtime::ComponentInUse in_use(offloads.find("text_encoder"));
  auto c = embed(in.prompt, in, in.clip_skip, dtype);
  if (!in.guidance) return c;
  // diffusers encodes the negative prompt without clip skip.
  auto negative = embed(in.negative, in, 0, dtype);
  models::match_token_counts({&negative, &c});
  return models::Conditioning::concat(negative, c);
}

}  // namespace gesso::pipelines
