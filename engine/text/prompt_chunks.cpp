#include "engine/text/prompt_chunks.h"

#include <algorithm>
#include <optional>

#include "engine/text/prompt_attention.h"

namespace gesso::text {
namespace {

constexpr int kChunkLength = kChunkTokens;

class Chunker {
 public:
  Chunker(const CLIPTokenizer& tokenizer, const std::vector<EmbeddingName>& embeddings, const ChunkOptions& options)
      : tok_(tokenizer), embeddings_(embeddings), options_(options) {
    const auto comma = tokenizer.tokenize(",");
    comma_ = comma.size() == 1 ? comma[0] : -1;
  }

  void add(const std::vector<int64_t>& tokens, float weight) {
    std::size_t position = 0;
    while (position < tokens.size()) {
      const auto token = tokens[position];
      if (token == comma_) {
        last_comma_ = static_cast<int>(chunk_.tokens.size());
      } else if (options_.comma_backtrack != 0 && full() && last_comma_ != -1 &&
                 static_cast<int>(chunk_.tokens.size()) - last_comma_ <= options_.comma_backtrack) {
        relocate_after_comma();
      }
      if (full()) next_chunk(false);
      const auto found = embedding_at(tokens, position);
      if (!found) {
        chunk_.tokens.push_back(token);
        chunk_.multipliers.push_back(weight);
        ++position;
        continue;
      }
      const auto& e = embeddings_[*found];
      if (static_cast<int64_t>(chunk_.tokens.size()) + e.vectors > kChunkLength) next_chunk(false);
      // Its position in the chunk's tokens; the start token comes before them (next_chunk).
      chunk_.fixes.push_back({static_cast<int64_t>(chunk_.tokens.size()), *found});
      chunk_.tokens.insert(chunk_.tokens.end(), static_cast<std::size_t>(e.vectors), 0);
      chunk_.multipliers.insert(chunk_.multipliers.end(), static_cast<std::size_t>(e.vectors), weight);
      position += e.ids.size();
    }
  }

  void next_chunk(bool last) {
    out_.token_count += last ? static_cast<int>(chunk_.tokens.size()) : kChunkLength;
    const auto pad = kChunkLength - static_cast<int>(chunk_.tokens.size());
    if (pad > 0) {
      chunk_.tokens.insert(chunk_.tokens.end(), static_cast<std::size_t>(pad), tok_.eos_id());
      chunk_.multipliers.insert(chunk_.multipliers.end(), static_cast<std::size_t>(pad), 1.0f);
    }
    chunk_.tokens.insert(chunk_.tokens.begin(), tok_.bos_id());
    chunk_.tokens.push_back(tok_.eos_id());
    chunk_.multipliers.insert(chunk_.multipliers.begin(), 1.0f);
    chunk_.multipliers.push_back(1.0f);
    for (auto& f : chunk_.fixes) f.position += 1;
    // OpenCLIP's tokenizers pad with their own id after the end token (A1111's id_pad).
    if (tok_.pad_id() != tok_.eos_id()) {
      const auto end = std::find(chunk_.tokens.begin() + 1, chunk_.tokens.end(), tok_.eos_id());
      if (end != chunk_.tokens.end()) std::fill(end + 1, chunk_.tokens.end(), tok_.pad_id());
    }
    last_comma_ = -1;
    out_.chunks.push_back(std::move(chunk_));
    chunk_ = {};
  }

  ChunkedPrompt finish() {
    if (!chunk_.tokens.empty() || out_.chunks.empty()) next_chunk(true);
    return std::move(out_);
  }

 private:
  bool full() const { return static_cast<int>(chunk_.tokens.size()) == kChunkLength; }

  // The tokens after the chunk's last comma start the next chunk. As in A1111, an embedding's
  // place stays with the chunk it was found in.
  void relocate_after_comma() {
    const auto cut = static_cast<std::size_t>(last_comma_ + 1);
    std::vector<int64_t> tokens(chunk_.tokens.begin() + static_cast<std::ptrdiff_t>(cut), chunk_.tokens.end());
    std::vector<float> weights(chunk_.multipliers.begin() + static_cast<std::ptrdiff_t>(cut), chunk_.multipliers.end());
    chunk_.tokens.resize(cut);
    chunk_.multipliers.resize(cut);
    next_chunk(false);
    chunk_.tokens = std::move(tokens);
    chunk_.multipliers = std::move(weights);
  }

  // The longest embedding name whose ids start at `position` (A1111's find_embedding_at_position).
  std::optional<std::size_t> embedding_at(const std::vector<int64_t>& tokens, std::size_t position) const {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < embeddings_.size(); ++i) {
      const auto& ids = embeddings_[i].ids;
      if (ids.empty() || position + ids.size() > tokens.size()) continue;
      if (!std::equal(ids.begin(), ids.end(), tokens.begin() + static_cast<std::ptrdiff_t>(position))) continue;
      if (!best || ids.size() > embeddings_[*best].ids.size()) best = i;
    }
    return best;
  }

  const CLIPTokenizer& tok_;
  const std::vector<EmbeddingName>& embeddings_;
  ChunkOptions options_;
  int64_t comma_ = -1;
  int last_comma_ = -1;
  PromptChunk chunk_;
  ChunkedPrompt out_;
};

}  // namespace

ChunkedPrompt chunk_prompt(const std::string& text, const CLIPTokenizer& tokenizer,
                           const std::vector<EmbeddingName>& embeddings, const ChunkOptions& options) {
  Chunker chunker(tokenizer, embeddings, options);
  const auto pieces = options.emphasis ? parse_prompt_attention(text) : std::vector<WeightedText>{{text, 1.0}};
  for (const auto& piece : pieces) {
    if (is_break(piece)) {
      chunker.next_chunk(false);
      continue;
    }
    chunker.add(tokenizer.tokenize(piece.text), static_cast<float>(piece.weight));
  }
  auto out = chunker.finish();
  if (options.truncate) out.chunks.resize(1);
  return out;
}

std::string token_counter_text(int token_count) {
  const int target = (std::max(token_count, 1) + kChunkLength - 1) / kChunkLength * kChunkLength;
  return std::to_string(token_count) + "/" + std::to_string(target);
}

}  // namespace gesso::text
