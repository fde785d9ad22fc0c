#pragma once
// DeepFloyd IF's text conditioning (diffusers' IFPipeline.encode_prompt): the prompt lowercased and
// stripped (or its caption cleaned), tokenized into 77 T5 tokens with an attention mask, and T5's
// last hidden state as the context; an empty negative is the embedding of "". The UNet gets no
// mask (the IF pipelines pass none): padding positions carry T5's own outputs.
//
// T5-XXL is large and slow, and the same prompts recur (a batch, a re-run with another seed, stage
// II and III after stage I): each text's embedding is kept, a few texts at a time.
#include <list>
#include <string>
#include <utility>
#include <vector>

#include "engine/models/t5_encoder_model.h"
#include "engine/pipelines/text_conditioner.h"
#include "engine/text/t5_tokenizer.h"

namespace gesso::pipelines {

class T5Conditioner : public TextConditioner {
 public:
  static constexpr int kMaxLength = 77;     // diffusers' IF pipelines' max_length
  static constexpr std::size_t kCached = 8;  // texts whose embeddings are kept

  T5Conditioner(text::T5Tokenizer tokenizer, models::T5EncoderModel encoder);
  models::Conditioning encode(const PromptInput& input, torch::ScalarType dtype,
                              const runtime::OffloadSet& offloads) override;
  std::vector<std::pair<std::string, torch::nn::Module*>> encoders() override;
  int cache_hits() const { return hits_; }

 private:
  // [1, 77, d_model] in the encoder's dtype, on its device: from the cache or computed.
  torch::Tensor embed(const std::string& text);

  text::T5Tokenizer tokenizer_;
  models::T5EncoderModel encoder_;
  std::list<std::pair<std::string, torch::Tensor>> cache_;  // most recent first
  int hits_ = 0;
};

}  // namespace gesso::pipelines
