#pragma once
// The T5 tokenizer of DeepFloyd IF's text encoder (google/t5-v1_1-xxl): a SentencePiece unigram model
// read from spiece.model through libsentencepiece, and tokenized as transformers 5's T5Tokenizer does
// it (the `tokenizers`-backed class diffusers loads), which is not what sentencepiece's own Encode
// gives. Id for id, for
//   tokenizer(text, add_special_tokens=True)                                          -> encode()
//   tokenizer(text, padding="max_length", max_length=n, truncation=True,
//             add_special_tokens=True)                                                -> encode_padded()
// (IFPipeline.encode_prompt's call, n = 77):
//   1. Special tokens spelled out in the text (<pad>, </s>, <unk>, <extra_id_0> .. <extra_id_99>, the
//      model's control and user-defined pieces) are cut out of the raw text, leftmost-longest, and
//      become their ids; the text between them is tokenized piece by piece.
//   2. Each piece goes through the model's precompiled normalizer (nmt_nfkc for T5: NFKC, control
//      characters dropped, most white space to " ") the way `tokenizers` applies it: grapheme cluster
//      by cluster, a cluster under 6 bytes replaced whole by the mapping of its shortest mapped prefix
//      (so "Ａ" + U+0301 becomes "A": the accent is lost, as in transformers).
//   3. It is split on Unicode white space (leading, trailing and repeated spaces, tabs and newlines
//      vanish), "▁" goes in front of every word, and a word is split again before each "▁" in it.
//   4. Each word is segmented by unigram Viterbi over every vocabulary entry (extra ids included);
//      characters no piece covers become <unk>, a run of them one <unk>.
//   5. The eos id follows; with truncation the text's ids are cut to max_length - 1 first, so the eos
//      always ends the sequence, then pad ids fill it (attention mask 0 there).
// The `legacy` flag of old tokenizer_config.json files changes nothing in transformers 5, nor here.
//
// The IF pipelines lowercase and strip the prompt before tokenizing it (diffusers' _text_preprocessing
// without clean_caption: text.lower().strip()); that is the caller's job, not the tokenizer's.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gesso::text {

class T5Tokenizer {
 public:
  // Loads a diffusers / transformers tokenizer folder: spiece.model, then tokenizer_config.json and
  // special_tokens_map.json where present (extra_ids, default 100: <extra_id_N> is id
  // vocab_size - 1 - N; eos "</s>", pad "<pad>", unk "<unk>"; additional special tokens;
  // model_max_length). A missing or corrupt file throws gesso::ModelFileError naming it.
  static T5Tokenizer from_dir(const std::string& dir);

  // The text's ids and the eos id, untruncated.
  std::vector<int64_t> encode(const std::string& text) const;

  struct Padded {
    std::vector<int64_t> ids;             // [max_length]
    std::vector<int64_t> attention_mask;  // [max_length]: 1 for the text's ids and the eos, 0 for padding
  };
  // At most max_length - 1 of the text's ids, the eos id, then pad ids up to max_length (>= 1).
  Padded encode_padded(const std::string& text, int max_length = 77) const;

  // The text's ids alone: no eos, no truncation (for token counters).
  std::vector<int64_t> tokenize(const std::string& text) const;

  // The normalizer alone, over the whole text (transformers' backend_tokenizer.normalizer), UTF-8.
  std::string normalize(const std::string& text) const;

  int64_t eos_id() const;
  int64_t pad_id() const;
  int64_t unk_id() const;
  int64_t vocab_size() const;  // len(tokenizer): the model's pieces, the extra ids, other added tokens
  std::optional<int64_t> model_max_length() const;  // none where the folder sets none

 private:
  T5Tokenizer() = default;  // from_dir() only: a tokenizer always has its model
  struct Impl;
  std::shared_ptr<const Impl> impl_;  // immutable once loaded: copies share it, calls are thread-safe
};

}  // namespace gesso::text
