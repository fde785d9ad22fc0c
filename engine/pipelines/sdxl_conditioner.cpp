#include "engine/pipelines/sdxl_conditioner.h"

#include <torch/torch.h>

#include "engine/error.h"
#include "engine/pipelines/clip_prompt.h"

namespace gesso::pipelines {

SdxlConditioner::SdxlConditioner(std::vector<ClipEncoder> encoders, bool force_zeros_for_empty_prompt)
    : encoders_(std::move(encoders)), force_zeros_(force_zeros_for_empty_prompt) {}

std::vector<std::pair<std::string, torch::nn::Module*>> SdxlConditioner::encoders() {
  std::vector<std::pair<std::string, torch::nn::Module*>> out;
  for (auto& e : encoders_) out.emplace_back(e.component, e.model.get());
  return out;
}

int64_t SdxlConditioner::pooled_width() const {
  for (const auto& e : encoders_)
    if (e.model->with_projection()) return e.model->config().projection_dim;
  return 0;
}

SdxlConditioner::Encoded SdxlConditioner::encode_text(const std::string& text, const PromptInput& in, int clip_skip,
                                                      const runtime::OffloadSet& offloads) {
  Encoded out;
  std::vector<torch::Tensor> hidden;
  for (auto& e : encoders_) {
    const auto layers = e.model->config().num_hidden_layers;
    // "2" because SDXL always indexes from the penultimate layer (diffusers).
    if (clip_skip < 0 || clip_skip + 2 > layers + 1)
      throw RequestError("clip_skip", "must be between 0 and " + std::to_string(layers - 1) + " for " + e.component +
                                          " (" + std::to_string(layers) + " layers), got " + std::to_string(clip_skip));
    const runtime::ComponentInUse in_use(offloads.find(e.component));
    const ClipPromptOptions options{.chunks = in.plain ? text::ChunkOptions::plain() : text::ChunkOptions{},
                                    .embeddings = in.embeddings,
                                    .embedding_key = e.component == "text_encoder" ? "clip_l" : "clip_g",
                                    .clip_skip = clip_skip,
                                    .penultimate = true};
    auto result = encode_clip_prompt(text, e.tokenizer, e.model, options);
    // The pooled output of the first encoder that projects it (diffusers: "the final text encoder").
    if (!out.pooled.defined() && result.pooled.defined()) out.pooled = result.pooled;
    hidden.push_back(result.context);
  }
  if (!out.pooled.defined())
    throw ModelFileError(encoders_.empty() ? std::string("model_index.json") : encoders_.back().component,
                         "SDXL needs a text encoder with a projection (CLIPTextModelWithProjection) for its pooled "
                         "embeddings");
  // Each encoder chunks the text with the same vocabulary, so their token counts agree.
  out.context = torch::cat(hidden, -1);
  return out;
}

models::Conditioning SdxlConditioner::encode(const PromptInput& in, torch::ScalarType dtype,
                                             const runtime::OffloadSet& offloads) {
  const auto positive = encode_text(in.prompt, in, in.clip_skip, offloads);
  models::Conditioning c{.context = positive.context.to(dtype), .pooled = positive.pooled.to(dtype)};
  c = c.repeat_rows(in.num_images);
  if (!in.guidance) return c;
  models::Conditioning negative;
  if (in.negative.empty() && force_zeros_) {
    negative = {.context = torch::zeros_like(c.context), .pooled = torch::zeros_like(c.pooled)};
  } else {
    const auto n = encode_text(in.negative, in, 0, offloads);  // never clip-skipped (diffusers)
    negative = models::Conditioning{.context = n.context.to(dtype), .pooled = n.pooled.to(dtype)}.repeat_rows(in.num_images);
  }
  models::match_token_counts({&negative, &c});
  return models::Conditioning::concat(negative, c);
}

}  // namespace gesso::pipelines
