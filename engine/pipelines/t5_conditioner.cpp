#include "engine/pipelines/t5_conditioner.h"

#include <torch/torch.h>

#include "engine/text/caption_cleanup.h"

namespace gesso::pipelines {

T5Conditioner::T5Conditioner(text::T5Tokenizer tokenizer, models::T5EncoderModel encoder)
    : tokenizer_(std::move(tokenizer)), encoder_(std::move(encoder)) {}

std::vector<std::pair<std::string, torch::nn::Module*>> T5Conditioner::encoders() {
  return {{"text_encoder", encoder_.get()}};
}

torch::Tensor T5Conditioner::embed(const std::string& text) {
  for (auto it = cache_.begin(); it != cache_.end(); ++it) {
    if (it->first != text) continue;
    cache_.splice(cache_.begin(), cache_, it);
    ++hits_;
    return cache_.front().second;
  }
  const auto tokens = tokenizer_.encode_padded(text, kMaxLength);
  const auto device = encoder_->parameters().front().device();
  const auto as_row = [&](const std::vector<int64_t>& v) {
    return torch::tensor(v, torch::kLong).unsqueeze(0).to(device);
  };
  auto embedding = encoder_->forward(as_row(tokens.ids), as_row(tokens.attention_mask));
  cache_.emplace_front(text, embedding);
  if (cache_.size() > kCached) cache_.pop_back();
  return embedding;
}

models::Conditioning T5Conditioner::encode(const PromptInput& in, torch::ScalarType dtype,
                                           const runtime::OffloadSet& offloads) {
  const runtime::ComponentInUse in_use(offloads.find("text_encoder"));
  const auto record = [&](const std::string& text) {
    const auto context = embed(text::if_prompt_text(text, in.clean_caption)).to(dtype);
    return models::Conditioning{.context = context}.repeat_rows(in.num_images);
  };
  auto c = record(in.prompt);
  if (!in.guidance) return c;
  return models::Conditioning::concat(record(in.negative), c);
}

}  // namespace gesso::pipelines
