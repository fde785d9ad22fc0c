#include "engine/text/clip_tokenizer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>

#include "engine/error.h"
#include "engine/text/clip_vocabulary.h"
#include "engine/text/unicode.h"

namespace gesso::text {

struct CLIPTokenizer::Cache {
  static constexpr std::size_t kMaxWords = 50000;  // prompts reuse few words; bound it all the same
  std::mutex mutex;
  std::unordered_map<std::string, std::vector<int64_t>> words;
};

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kEndOfWord = "</w>";
// transformers writes 1e30 when a tokenizer has no length; CLIP's position table has 77 rows.
constexpr int kDefaultMaxLength = 77;
constexpr int64_t kUnsetMaxLength = 1000000;

json read_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ModelFileError(path, "cannot open file");
  std::stringstream text;
  text << in.rdbuf();
  json value = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) throw ModelFileError(path, "not valid JSON");
  if (!value.is_object()) throw ModelFileError(path, "expected a JSON object at the top level");
  return value;
}

// GPT-2's reversible byte -> printable character map: printable Latin-1 bytes stand for themselves,
// the rest take the code points from U+0100 on, in byte order. Each entry is UTF-8.
const std::array<std::string, 256>& byte_chars() {
  static const std::array<std::string, 256> table = [] {
    std::array<std::string, 256> t;
    char32_t next = 256;
    for (int b = 0; b < 256; ++b) {
      const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      t[b] = unicode::encode_utf8(std::u32string(1, printable ? char32_t(b) : next++));
    }
    return t;
  }();
  return table;
}

bool match_at(const std::u32string& text, std::size_t pos, std::u32string_view token) {
  return !token.empty() && text.compare(pos, token.size(), token) == 0;
}

// The transformers normalizer: NFC, every run of \s to one space, lowercase.
std::u32string normalize(std::u32string_view text) {
  const std::u32string composed = unicode::nfc(text);
  std::u32string spaced;
  spaced.reserve(composed.size());
  bool in_space = false;
  for (char32_t c : composed) {
    const bool space = unicode::is_space(c);
    if (!space) spaced += c;
    else if (!in_space) spaced += U' ';
    in_space = space;
  }
  return unicode::to_lower(spaced);
}

// The length of the contraction ('s 't 're 've 'm 'll 'd) at pos, or 0.
std::size_t contraction_at(const std::u32string& text, std::size_t pos) {
  for (std::u32string_view c : {U"'s", U"'t", U"'re", U"'ve", U"'m", U"'ll", U"'d"})
    if (match_at(text, pos, c)) return c.size();
  return 0;
}

// The length of "<|startoftext|>" or "<|endoftext|>" when one is spelled out at pos, or 0.
std::size_t special_spelling_at(const std::u32string& text, std::size_t pos) {
  for (std::u32string_view s : {U"<|startoftext|>", U"<|endoftext|>"})
    if (match_at(text, pos, s)) return s.size();
  return 0;
}

// A named special token as configured: its text and whether it is matched after normalization.
struct TokenSpec {
  std::string content;
  bool normalized = false;
};

// A config value: a plain string (never normalized) or an AddedToken object.
std::optional<TokenSpec> token_spec(const json& value, const std::string& path, const std::string& key) {
  if (value.is_null()) return std::nullopt;
  if (value.is_string()) return TokenSpec{value.get<std::string>(), false};
  if (value.is_object() && value.contains("content") && value["content"].is_string())
    return TokenSpec{value["content"].get<std::string>(), value.value("normalized", false)};
  throw ModelFileError(path, "\"" + key + "\" must be a string or a token object with \"content\"");
}

// transformers' order of named special tokens; a later one with the same text sets its flags.
constexpr std::array<const char*, 7> kNamedTokens = {"bos_token", "eos_token", "unk_token", "sep_token",
                                                      "pad_token", "cls_token", "mask_token"};

struct DecoderEntry {
  int64_t id;
  TokenSpec spec;
};

std::vector<DecoderEntry> read_added_tokens_decoder(const json& decoder, const std::string& path) {
  std::vector<DecoderEntry> out;
  if (!decoder.is_object()) throw ModelFileError(path, "\"added_tokens_decoder\" must be an object");
  for (const auto& [key, value] : decoder.items()) {
    const auto spec = token_spec(value, path, "added_tokens_decoder");
    int64_t id = 0;
    try { id = std::stoll(key); } catch (const std::exception&) {
      throw ModelFileError(path, "\"added_tokens_decoder\" key \"" + key + "\" is not a token id");
    }
    if (spec) out.push_back({id, *spec});
  }
  return out;
}

std::vector<DecoderEntry> read_tokenizer_json_added(const json& tokenizer, const std::string& path) {
  std::vector<DecoderEntry> out;
  if (!tokenizer.contains("added_tokens")) return out;
  for (const json& t : tokenizer["added_tokens"]) {
    if (!t.is_object() || !t.contains("id") || !t["id"].is_number_integer() || !t.contains("content"))
      throw ModelFileError(path, "an \"added_tokens\" entry lacks its \"id\" or \"content\"");
    out.push_back({t["id"].get<int64_t>(), *token_spec(t, path, "added_tokens")});
  }
  return out;
}

using Merges = std::vector<std::pair<std::string, std::string>>;

void read_vocab(const json& vocab, const std::string& path, std::unordered_map<std::string, int64_t>& out) {
  for (const auto& [token, id] : vocab.items()) {
    if (!id.is_number_integer()) throw ModelFileError(path, "the id of \"" + token + "\" is not an integer");
    out[token] = id.get<int64_t>();
  }
  if (out.empty()) throw ModelFileError(path, "the vocabulary is empty");
}

// "a b" (tokenizers' merges.txt line and its tokenizer.json string form); false when malformed.
bool split_merge(const std::string& line, Merges& out) {
  const auto space = line.find(' ');
  if (space == std::string::npos || line.find(' ', space + 1) != std::string::npos) return false;
  out.emplace_back(line.substr(0, space), line.substr(space + 1));
  return true;
}

Merges read_tokenizer_json_model(const std::string& path, std::unordered_map<std::string, int64_t>& vocab) {
  const json t = read_json(path);
  const json* model = t.contains("model") ? &t["model"] : nullptr;
  if (!model || !model->contains("vocab") || !(*model)["vocab"].is_object() || !model->contains("merges"))
    throw ModelFileError(path, "no BPE \"model\" with \"vocab\" and \"merges\"");
  read_vocab((*model)["vocab"], path, vocab);
  Merges merges;
  for (const json& m : (*model)["merges"]) {
    if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
      merges.emplace_back(m[0].get<std::string>(), m[1].get<std::string>());
    } else if (!m.is_string() || !split_merge(m.get<std::string>(), merges)) {
      throw ModelFileError(path, "a merge is neither \"a b\" nor [\"a\", \"b\"]: " + m.dump());
    }
  }
  return merges;
}

Merges read_merges_txt(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ModelFileError(path, "cannot open file");
  Merges merges;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("#version", 0) == 0 || line.empty()) continue;
    if (!split_merge(line, merges))
      throw ModelFileError(path, "line " + std::to_string(number) + " is not \"<a> <b>\"");
  }
  return merges;
}

int read_model_max_length(const json& config, const std::string& path) {
  if (!config.contains("model_max_length") || config["model_max_length"].is_null()) return kDefaultMaxLength;
  const json& v = config["model_max_length"];
  if (!v.is_number()) throw ModelFileError(path, "\"model_max_length\" is not a number");
  const double length = v.get<double>();
  if (length < 2) throw ModelFileError(path, "\"model_max_length\" must be at least 2");
  return length < kUnsetMaxLength ? static_cast<int>(length) : kDefaultMaxLength;
}

using NamedTokens = std::vector<std::pair<std::string, TokenSpec>>;

void set_named(NamedTokens& named, const json& file, const std::string& path) {
  for (const char* key : kNamedTokens) {
    if (!file.contains(key)) continue;
    const auto spec = token_spec(file[key], path, key);
    if (!spec) continue;
    auto it = std::find_if(named.begin(), named.end(), [&](const auto& n) { return n.first == key; });
    if (it == named.end()) named.emplace_back(key, *spec); else it->second = *spec;
  }
}

// CLIPTokenizer's defaults for what the files leave out, then transformers' order of named tokens.
void complete_named(NamedTokens& named) {
  for (const auto& [key, content] : {std::pair{"bos_token", "<|startoftext|>"}, {"eos_token", "<|endoftext|>"},
                                     {"unk_token", "<|endoftext|>"}, {"pad_token", "<|endoftext|>"}})
    if (std::none_of(named.begin(), named.end(), [&](const auto& n) { return n.first == key; }))
      named.emplace_back(key, TokenSpec{content, false});
  auto rank = [](const std::string& k) { return std::find(kNamedTokens.begin(), kNamedTokens.end(), k) - kNamedTokens.begin(); };
  std::stable_sort(named.begin(), named.end(), [&](const auto& x, const auto& y) { return rank(x.first) < rank(y.first); });
}

}  // namespace

CLIPTokenizer CLIPTokenizer::from_dir(const std::string& dir) {
  if (!fs::is_directory(dir)) throw ModelFileError(dir, "tokenizer folder not found");
  CLIPTokenizer tok;
  tok.cache_ = std::make_shared<Cache>();
  tok.load_vocab_and_merges(dir);
  tok.resolve_special_tokens(dir);
  return tok;
}

// tokenizer.json when present (transformers prefers it), else vocab.json + merges.txt.
namespace {

json added_token(const char* content, bool with_type) {
  json token = {{"content", content}, {"lstrip", false}, {"normalized", true}, {"rstrip", false}, {"single_word", false}};
  if (with_type) token["__type"] = "AddedToken";
  return token;
}

}  // namespace

// The special tokens as the SD repositories' tokenizer folders (written by transformers 4.x) have
// them: tokenizer_config.json pads with "<|endoftext|>", special_tokens_map.json with pad_token.
CLIPTokenizer CLIPTokenizer::builtin(const std::string& pad_token) {
  CLIPTokenizer tok;
  tok.cache_ = std::make_shared<Cache>();
  const auto vocab = clip_vocabulary();
  for (std::size_t i = 0; i < vocab.size(); ++i) tok.vocab_[vocab[i]] = static_cast<int64_t>(i);
  tok.set_merges(clip_merges(), "built-in CLIP vocabulary");
  const json config = {{"add_prefix_space", false},     {"bos_token", added_token("<|startoftext|>", true)},
                       {"do_lower_case", true},         {"eos_token", added_token("<|endoftext|>", true)},
                       {"errors", "replace"},           {"model_max_length", 77},
                       {"pad_token", "<|endoftext|>"},  {"tokenizer_class", "CLIPTokenizer"},
                       {"unk_token", added_token("<|endoftext|>", true)}};
  const json map = {{"bos_token", added_token("<|startoftext|>", false)},
                    {"eos_token", added_token("<|endoftext|>", false)},
                    {"pad_token", pad_token},
                    {"unk_token", added_token("<|endoftext|>", false)}};
  tok.apply_special_tokens(config, "built-in tokenizer_config.json", map, "built-in special_tokens_map.json", json(), "");
  return tok;
}

void CLIPTokenizer::load_vocab_and_merges(const std::string& dir) {
  const std::string tokenizer_json = (fs::path(dir) / "tokenizer.json").string();
  if (fs::exists(tokenizer_json)) {
    set_merges(read_tokenizer_json_model(tokenizer_json, vocab_), tokenizer_json);
    return;
  }
  const std::string vocab_path = (fs::path(dir) / "vocab.json").string();
  if (!fs::exists(vocab_path)) throw ModelFileError(vocab_path, "missing (and no tokenizer.json either)");
  read_vocab(read_json(vocab_path), vocab_path, vocab_);
  const std::string merges_path = (fs::path(dir) / "merges.txt").string();
  set_merges(read_merges_txt(merges_path), merges_path);
}

void CLIPTokenizer::set_merges(const std::vector<std::pair<std::string, std::string>>& merges,
                               const std::string& path) {
  merges_.reserve(merges.size());
  for (std::size_t rank = 0; rank < merges.size(); ++rank) {
    const auto& [a, b] = merges[rank];
    const auto ia = vocab_.find(a), ib = vocab_.find(b), iab = vocab_.find(a + b);
    if (ia == vocab_.end() || ib == vocab_.end() || iab == vocab_.end())
      throw ModelFileError(path, "merge \"" + a + " " + b + "\" uses a token missing from the vocabulary");
    merges_[{ia->second, ib->second}] = Merge{static_cast<int64_t>(rank), iab->second};
  }
}

// Which special tokens exist, their ids and how they are matched, resolved the way transformers
// 5.x does: tokenizer_config.json's named tokens, overridden by special_tokens_map.json (legacy
// folders, e.g. SD 2.x's pad "!"), with flags taken from added_tokens_decoder / tokenizer.json when
// present; a plain-string token is matched in the raw text, and the last named token wins.
void CLIPTokenizer::resolve_special_tokens(const std::string& dir) {
  const std::string config_path = (fs::path(dir) / "tokenizer_config.json").string();
  const std::string map_path = (fs::path(dir) / "special_tokens_map.json").string();
  const std::string tokenizer_json = (fs::path(dir) / "tokenizer.json").string();
  apply_special_tokens(fs::exists(config_path) ? read_json(config_path) : json::object(), config_path,
                       fs::exists(map_path) ? read_json(map_path) : json(), map_path,
                       fs::exists(tokenizer_json) ? read_json(tokenizer_json) : json(), tokenizer_json);
}

void CLIPTokenizer::apply_special_tokens(const json& config, const std::string& config_path, const json& special_map,
                                         const std::string& map_path, const json& tokenizer_json,
                                         const std::string& tokenizer_json_path) {
  model_max_length_ = read_model_max_length(config, config_path);

  NamedTokens named;
  set_named(named, config, config_path);
  std::vector<DecoderEntry> decoder;
  if (config.contains("added_tokens_decoder")) {
    decoder = read_added_tokens_decoder(config["added_tokens_decoder"], config_path);
  } else {
    if (special_map.is_object()) set_named(named, special_map, map_path);
    if (tokenizer_json.is_object()) decoder = read_tokenizer_json_added(tokenizer_json, tokenizer_json_path);
  }
  complete_named(named);
  std::sort(decoder.begin(), decoder.end(), [](const auto& x, const auto& y) { return x.id < y.id; });

  int64_t next_id = 0;  // for a token in neither the vocabulary nor the decoder
  for (const auto& [token, id] : vocab_) next_id = std::max(next_id, id + 1);
  for (const auto& d : decoder) next_id = std::max(next_id, d.id + 1);
  for (const auto& d : decoder) add_token(d.spec.content, d.spec.normalized, d.id, next_id);
  for (auto& [key, spec] : named) {
    // A named token that the decoder also lists takes the decoder's flags.
    auto known = std::find_if(decoder.begin(), decoder.end(), [&](const auto& d) { return d.spec.content == spec.content; });
    const bool normalized = known != decoder.end() ? known->spec.normalized : spec.normalized;
    const int64_t id = add_token(spec.content, normalized, std::nullopt, next_id);
    if (key == "bos_token") bos_id_ = id;
    else if (key == "eos_token") eos_id_ = id;
    else if (key == "unk_token") unk_id_ = id;
    else if (key == "pad_token") pad_id_ = id;
  }
  // Matching compares normalized text against normalized token text.
  for (auto& t : added_tokens_)
    if (t.normalized) t.content = normalize(t.content);
}

// As `tokenizers` adds a token: one already added keeps its id and takes the new flags; otherwise
// its id is the vocabulary's, else the one it was saved with, else the next free one.
int64_t CLIPTokenizer::add_token(const std::string& text, bool normalized, std::optional<int64_t> id,
                                 int64_t& next_id) {
  const std::u32string content = unicode::decode_utf8(text);
  for (auto& t : added_tokens_)
    if (t.content == content) {
      t.normalized = normalized;
      return t.id;
    }
  const auto in_vocab = vocab_.find(text);
  const int64_t new_id = in_vocab != vocab_.end() ? in_vocab->second : id ? *id : next_id++;
  added_tokens_.push_back({content, new_id, normalized});
  return new_id;
}

std::vector<int64_t> CLIPTokenizer::tokenize(const std::string& text) const {
  std::vector<int64_t> ids;
  encode_text(unicode::decode_utf8(text), ids);
  return ids;
}

std::vector<int64_t> CLIPTokenizer::encode(const std::string& text) const {
  std::vector<int64_t> ids = tokenize(text);
  const std::size_t room = static_cast<std::size_t>(model_max_length_) - 2;
  if (ids.size() > room) ids.resize(room);
  ids.insert(ids.begin(), bos_id_);
  ids.push_back(eos_id_);
  ids.resize(static_cast<std::size_t>(model_max_length_), pad_id_);
  return ids;
}

namespace {

// Leftmost-longest match of one of `tokens` (those with normalized == `normalized`) from `from`.
struct Found {
  std::size_t pos = std::u32string::npos;
  const CLIPTokenizer::AddedToken* token = nullptr;
};

Found find_added(const std::u32string& text, std::size_t from,
                 const std::vector<CLIPTokenizer::AddedToken>& tokens, bool normalized) {
  for (std::size_t pos = from; pos < text.size(); ++pos) {
    Found best;
    for (const auto& t : tokens)
      if (t.normalized == normalized && match_at(text, pos, t.content) &&
          (!best.token || t.content.size() > best.token->content.size()))
        best = {pos, &t};
    if (best.token) return best;
  }
  return {};
}

}  // namespace

// Added tokens are cut out of the raw text first; each remaining piece is normalized, then the
// normalized tokens are cut out of it, and what is left goes to the pre-tokenizer and BPE.
void CLIPTokenizer::encode_text(const std::u32string& raw, std::vector<int64_t>& ids) const {
  auto for_each_piece = [this](const std::u32string& text, bool normalized, auto&& on_text, std::vector<int64_t>& out) {
    std::size_t pos = 0;
    while (pos <= text.size()) {
      const Found found = find_added(text, pos, added_tokens_, normalized);
      const std::size_t end = found.token ? found.pos : text.size();
      if (end > pos) on_text(text.substr(pos, end - pos));
      if (!found.token) break;
      out.push_back(found.token->id);
      pos = found.pos + found.token->content.size();
    }
  };
  for_each_piece(raw, false, [&](const std::u32string& piece) {
    for_each_piece(normalize(piece), true, [&](const std::u32string& text) { encode_normalized(text, ids); }, ids);
  }, ids);
}

// The pre-tokenizer: the regex
//   <\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+
// keeps its matches and drops the rest (whitespace); the byte-level step's GPT-2 regex then splits
// only the special-token spellings further ("<|", "endoftext", "|>"), every other match is already
// one of its words.
void CLIPTokenizer::encode_normalized(const std::u32string& text, std::vector<int64_t>& ids) const {
  auto run = [&text](std::size_t from, auto&& belongs) {
    std::size_t end = from;
    while (end < text.size() && belongs(text[end])) ++end;
    return end - from;
  };
  auto other = [](char32_t x) { return !unicode::is_space(x) && !unicode::is_letter(x) && !unicode::is_number(x); };
  std::size_t i = 0;
  while (i < text.size()) {
    if (unicode::is_space(text[i])) { ++i; continue; }
    if (const std::size_t n = special_spelling_at(text, i)) {
      encode_word(U"<|", ids);
      encode_word(text.substr(i + 2, n - 4), ids);
      encode_word(U"|>", ids);
      i += n;
      continue;
    }
    std::size_t len = contraction_at(text, i);
    if (len == 0) {
      if (unicode::is_letter(text[i])) len = run(i, unicode::is_letter);
      else if (unicode::is_number(text[i])) len = 1;
      else len = run(i, other);
    }
    encode_word(text.substr(i, len), ids);
    i += len;
  }
}

void CLIPTokenizer::encode_word(const std::u32string& word, std::vector<int64_t>& ids) const {
  std::string mapped;
  for (unsigned char byte : unicode::encode_utf8(word)) mapped += byte_chars()[byte];
  {
    std::lock_guard lock(cache_->mutex);
    const auto it = cache_->words.find(mapped);
    if (it != cache_->words.end()) {
      ids.insert(ids.end(), it->second.begin(), it->second.end());
      return;
    }
  }
  std::vector<int64_t> word_ids = bpe(mapped);
  ids.insert(ids.end(), word_ids.begin(), word_ids.end());
  std::lock_guard lock(cache_->mutex);
  if (cache_->words.size() >= Cache::kMaxWords) cache_->words.clear();
  cache_->words.emplace(std::move(mapped), std::move(word_ids));
}

// Byte-pair merging of one word (its characters already byte-mapped): the last character carries
// the end-of-word mark; then the adjacent pair of lowest merge rank (leftmost among equals) is
// merged until none is in the merge list.
std::vector<int64_t> CLIPTokenizer::bpe(const std::string& byte_chars) const {
  std::vector<int64_t> symbols;
  for (std::size_t i = 0; i < byte_chars.size();) {
    std::size_t n = 1;  // one UTF-8 character
    while (i + n < byte_chars.size() && (static_cast<unsigned char>(byte_chars[i + n]) & 0xC0) == 0x80) ++n;
    std::string symbol = byte_chars.substr(i, n);
    i += n;
    if (i == byte_chars.size()) symbol += kEndOfWord;
    const auto it = vocab_.find(symbol);
    symbols.push_back(it != vocab_.end() ? it->second : unk_id_);
  }
  while (symbols.size() > 1) {
    const Merge* best = nullptr;
    std::size_t at = 0;
    for (std::size_t j = 0; j + 1 < symbols.size(); ++j) {
      const auto it = merges_.find({symbols[j], symbols[j + 1]});
      if (it != merges_.end() && (!best || it->second.rank < best->rank)) { best = &it->second; at = j; }
    }
    if (!best) break;
    symbols[at] = best->id;
    symbols.erase(symbols.begin() + static_cast<std::ptrdiff_t>(at) + 1);
  }
  return symbols;
}

}  // namespace gesso::text
