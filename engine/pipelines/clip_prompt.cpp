#include "engine/pipelines/clip_prompt.h"

#include <torch/torch.h>

#include <algorithm>

namespace gesso::pipelines {
namespace {

// The embeddings this encoder can use, as the chunker finds them, and their vectors.
struct EncoderEmbeddings {
  std::vector<text::EmbeddingName> names;
  std::vector<torch::Tensor> vectors;
};

EncoderEmbeddings embeddings_for(const ClipPromptOptions& o, const text::CLIPTokenizer& tokenizer, int64_t width) {
  EncoderEmbeddings out;
  if (!o.embeddings) return out;
  for (const auto& e : *o.embeddings) {
    auto v = e.for_encoder(o.embedding_key, width);
    if (!v.defined()) continue;
    out.names.push_back({tokenizer.tokenize(e.name), v.size(0)});
    out.vectors.push_back(std::move(v));
  }
  return out;
}

}  // namespace

torch::Tensor apply_emphasis(const torch::Tensor& z, const std::vector<float>& multipliers) {
  if (std::all_of(multipliers.begin(), multipliers.end(), [](float m) { return m == 1.0f; })) return z;
  const auto zf = z.to(torch::kFloat);
  const auto weights = torch::tensor(multipliers, zf.options()).reshape({1, -1, 1});
  const auto original_mean = zf.mean();
  const auto scaled = zf * weights;
  return (scaled * (original_mean / scaled.mean())).to(z.scalar_type());
}

ClipPrompt encode_clip_prompt(const std::string& text, const text::CLIPTokenizer& tokenizer,
                              models::CLIPTextModel& encoder, const ClipPromptOptions& o) {
  const auto embeddings = embeddings_for(o, tokenizer, encoder->config().hidden_size);
  const auto chunked = text::chunk_prompt(text, tokenizer, embeddings.names, o.chunks);
  ClipPrompt out;
  std::vector<torch::Tensor> zs;
  for (const auto& chunk : chunked.chunks) {
    const auto ids = torch::tensor(chunk.tokens, torch::kLong).unsqueeze(0);  // moved by the encoder
    std::vector<models::TokenVectors> replaced;
    for (const auto& f : chunk.fixes) replaced.push_back({0, f.position, embeddings.vectors[f.embedding]});
    torch::Tensor z;
    if (o.penultimate) {
      auto result = encoder->forward(ids, /*output_hidden_states=*/true, replaced);
      if (!out.pooled.defined() && result.text_embeds.defined()) out.pooled = result.text_embeds;
      z = result.hidden_states[result.hidden_states.size() - static_cast<std::size_t>(o.clip_skip) - 2];
    } else {
      z = encoder->encode_prompt(ids, o.clip_skip, replaced);
    }
    zs.push_back(apply_emphasis(z, chunk.multipliers));
  }
  out.context = torch::cat(zs, 1);
  return out;
}

}  // namespace gesso::pipelines
