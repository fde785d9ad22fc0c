#pragma once
// The CLIP byte-level BPE tokenizer of Stable Diffusion's text encoders. It reproduces what
// transformers' CLIPTokenizer (5.x: the `tokenizers`-backed class diffusers loads) gives for
//   tokenizer(text, padding="max_length", max_length=model_max_length, truncation=True).input_ids
// including its special-token quirks: special tokens written in the prompt become their ids, and a
// pad token such as SD 2.x's "!" is itself a special token, so "!" in a prompt is the pad id.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace gesso::text {

class CLIPTokenizer {
 public:
  // Loads a diffusers `tokenizer/` folder: tokenizer.json, or vocab.json + merges.txt; then
  // tokenizer_config.json and special_tokens_map.json when present. Missing or corrupt files throw
  // gesso::ModelFileError naming the file.
  static CLIPTokenizer from_dir(const std::string& dir);
  // CLIP's own vocabulary (built into Gesso: text/clip_vocabulary.h) with the special tokens of
  // the SD repositories' tokenizer folders; `pad_token` is "<|endoftext|>" (SD 1.x, SDXL's first
  // tokenizer) or "!" (SD 2.x, SDXL's second). What single-file checkpoints, which carry no
  // tokenizer, are read with.
  static CLIPTokenizer builtin(const std::string& pad_token);

  // bos, the text's ids (cut to model_max_length - 2), eos, then pad ids up to model_max_length.
  std::vector<int64_t> encode(const std::string& text) const;
  // The text's ids alone: no bos/eos, no truncation, no padding (for token counters).
  std::vector<int64_t> tokenize(const std::string& text) const;

  int model_max_length() const { return model_max_length_; }
  int64_t bos_id() const { return bos_id_; }
  int64_t eos_id() const { return eos_id_; }
  int64_t pad_id() const { return pad_id_; }
  int64_t unk_id() const { return unk_id_; }

  // Special tokens recognised inside the prompt text. `normalized` ones are matched after
  // lowercasing and whitespace clean-up, the others in the raw text (as `tokenizers` does).
  struct AddedToken {
    std::u32string content;
    int64_t id = 0;
    bool normalized = false;
  };

 private:
  struct Cache;
  using Pair = std::pair<int64_t, int64_t>;
  struct PairHash {
    std::size_t operator()(const Pair& p) const { return std::hash<int64_t>()(p.first * 1000003 + p.second); }
  };
  struct Merge {
    int64_t rank;
    int64_t id;
  };

  void load_vocab_and_merges(const std::string& dir);
  void set_merges(const std::vector<std::pair<std::string, std::string>>& merges, const std::string& path);
  void resolve_special_tokens(const std::string& dir);
  // The files' contents (null where a file is absent).
  void apply_special_tokens(const nlohmann::json& config, const std::string& config_path,
                            const nlohmann::json& special_map, const std::string& map_path,
                            const nlohmann::json& tokenizer_json, const std::string& tokenizer_json_path);
  int64_t add_token(const std::string& text, bool normalized, std::optional<int64_t> id, int64_t& next_id);

  void encode_text(const std::u32string& raw, std::vector<int64_t>& ids) const;
  void encode_normalized(const std::u32string& text, std::vector<int64_t>& ids) const;
  void encode_word(const std::u32string& word, std::vector<int64_t>& ids) const;
  std::vector<int64_t> bpe(const std::string& byte_chars) const;

  std::unordered_map<std::string, int64_t> vocab_;
  std::unordered_map<Pair, Merge, PairHash> merges_;
  std::vector<AddedToken> added_tokens_;
  int model_max_length_ = 77;
  int64_t bos_id_ = 0, eos_id_ = 0, pad_id_ = 0, unk_id_ = 0;
  std::shared_ptr<Cache> cache_;  // words already split by BPE; shared by copies, guarded by a mutex
};

}  // namespace gesso::text
