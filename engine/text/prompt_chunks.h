#pragma once
// A prompt as AUTOMATIC1111 feeds it to a CLIP text encoder (its sd_hijack_clip.py): the emphasis
// pieces (prompt_attention.h) tokenized and laid out in 75-token chunks, each wrapped in its own
// start / end tokens and padded to 77. A chunk that fills up moves the words after its last comma
// (if that comma is among its last 20 tokens) to the next chunk; BREAK starts a new chunk. A
// textual-inversion embedding whose name's tokens appear in the text takes their place as its
// vectors (moving to the next chunk first if they do not fit), each with the piece's weight.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/text/clip_tokenizer.h"

namespace gesso::text {

// The prompt tokens one chunk holds (77 with its start and end tokens).
inline constexpr int kChunkTokens = 75;

// An embedding as the chunker looks for it: its name's token ids and how many vectors replace them.
struct EmbeddingName {
  std::vector<int64_t> ids;
  int64_t vectors = 1;
};

// Where an embedding's vectors go: the token position in the chunk's 77 (start token included).
struct ChunkFix {
  int64_t position = 0;
  std::size_t embedding = 0;  // index into the embeddings given
};

struct PromptChunk {
  std::vector<int64_t> tokens;     // 77: start, 75, end; after the first end token, the tokenizer's pad id
  std::vector<float> multipliers;  // the emphasis weight of each token (1 for start, end and padding)
  std::vector<ChunkFix> fixes;
};

struct ChunkedPrompt {
  std::vector<PromptChunk> chunks;
  int token_count = 0;  // A1111's count: 75 for every chunk but the last, whose tokens count as they are
};

struct ChunkOptions {
  bool emphasis = true;      // false: the text as it is, brackets and BREAK too (one weight)
  int comma_backtrack = 20;  // A1111's comma_padding_backtrack
  bool truncate = false;     // the first chunk only (diffusers' plain prompts: one 77-token window)

  // diffusers' own prompts: no emphasis, no BREAK, no chunks: the text's first 75 tokens.
  static ChunkOptions plain() { return {.emphasis = false, .comma_backtrack = 0, .truncate = true}; }
};

ChunkedPrompt chunk_prompt(const std::string& text, const CLIPTokenizer& tokenizer,
                           const std::vector<EmbeddingName>& embeddings = {}, const ChunkOptions& options = {});

// What A1111's token counter shows: "count/target", the target a multiple of 75.
std::string token_counter_text(int token_count);

}  // namespace gesso::text
