#include "engine/pipelines/clip_conditioner.h"

#include <torch/torch.h>


namespace gesso::pipelines {

ClipConditioner::ClipConditioner(text::CLIPTokenizer tokenizer, models::CLIPTextModel encoder)
    : tokenizer_(std::move(tokenizer)), encoder_(std::move(encoder)) {}

std::vector<std::pair<std::string, torch::nn::Module*>> ClipConditioner::encoders() {
  return {{"text_encoder", encoder_.get()}};
}

torch::Tensor ClipConditioner::embed(const std::string& text, int num_images, int clip_skip, torch::ScalarType dtype) {
  const auto ids = torch::tensor(tokenizer_.encode(text), torch::kLong).unsqueeze(0);  // moved by the encoder
  return encoder_->encode_prompt(ids, clip_skip).to(dtype).repeat({num_images, 1, 1});
}

models::Conditioning ClipConditioner::encode(const PromptInput& in, torch::ScalarType dtype,
                                             const runtime::OffloadSet& offloads) {
  const runtime::ComponentInUse in_use(offloads.find("text_encoder"));
  models::Conditioning c;
  c.context = embed(in.prompt, in.num_images, in.clip_skip, dtype);
  // diffusers encodes the negative prompt without clip skip.
  if (in.guidance) c.context = torch::cat({embed(in.negative, in.num_images, 0, dtype), c.context});
  return c;
}

}  // namespace gesso::pipelines
