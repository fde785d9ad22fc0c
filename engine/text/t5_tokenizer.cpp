#include "engine/text/t5_tokenizer.h"

#include <sentencepiece_processor.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <span>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "engine/error.h"
#include "engine/text/unicode.h"

namespace gesso::text {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kMetaspace = "\xE2\x96\x81";  // U+2581, SentencePiece's word mark
// transformers' T5Tokenizer builds its Unigram model with unk id 2 whatever the file says, and no
// byte fallback; `tokenizers` scores an unknown character 10 below the lowest piece.
constexpr int64_t kUnigramUnkId = 2;
constexpr double kUnkPenalty = 10.0;
// transformers writes int(1e30) for "no limit".
constexpr double kUnsetMaxLength = 1e18;
// spm_precompiled maps a grapheme cluster whole only when it is shorter than this many bytes.
constexpr std::size_t kWholeClusterBytes = 6;

// ---------------------------------------------------------------------------------------------- files

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ModelFileError(path.string(), "cannot open file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The file's JSON object, or null where the file is absent.
json read_json_if_present(const fs::path& path) {
  if (!fs::exists(path)) return nullptr;
  json value = json::parse(read_bytes(path), nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) throw ModelFileError(path.string(), "not valid JSON");
  if (!value.is_object()) throw ModelFileError(path.string(), "expected a JSON object at the top level");
  return value;
}

// ---------------------------------------------------------------------------------------------- model proto

// What libsentencepiece's API does not expose of spiece.model's ModelProto: each piece's type (a
// user-defined piece is an added token to transformers) and the normalizer's precompiled_charsmap.
// In sentencepiece_model.proto: ModelProto { repeated SentencePiece pieces = 1; NormalizerSpec
// normalizer_spec = 3; }, SentencePiece { Type type = 3 [default NORMAL = 1]; }, NormalizerSpec {
// bytes precompiled_charsmap = 2; }.
constexpr int kControlPiece = 3, kUserDefinedPiece = 4;

struct ProtoFields {
  std::vector<int> piece_types;
  std::string precompiled_charsmap;
};

class WireReader {
 public:
  explicit WireReader(std::string_view data) : data_(data) {}
  bool done() const { return pos_ >= data_.size(); }

  bool varint(uint64_t& value) {
    value = 0;
    for (int shift = 0; shift < 64 && pos_ < data_.size(); shift += 7) {
      const auto byte = static_cast<unsigned char>(data_[pos_++]);
      value |= uint64_t(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return true;
    }
    return false;
  }

  bool length_delimited(std::string_view& out) {
    uint64_t size = 0;
    if (!varint(size) || size > data_.size() - pos_) return false;
    out = data_.substr(pos_, size);
    pos_ += size;
    return true;
  }

  bool skip(uint64_t wire_type) {
    uint64_t ignored = 0;
    std::string_view bytes;
    switch (wire_type) {
      case 0: return varint(ignored);
      case 1: return advance(8);
      case 2: return length_delimited(bytes);
      case 5: return advance(4);
      default: return false;
    }
  }

 private:
  bool advance(std::size_t n) {
    if (n > data_.size() - pos_) return false;
    pos_ += n;
    return true;
  }

  std::string_view data_;
  std::size_t pos_ = 0;
};

// Calls on_field(number, wire_type, reader) for each field of a message; false when malformed.
bool for_each_field(std::string_view message, const std::function<bool(uint64_t, uint64_t, WireReader&)>& on_field) {
  WireReader reader(message);
  while (!reader.done()) {
    uint64_t tag = 0;
    if (!reader.varint(tag) || !on_field(tag >> 3, tag & 7, reader)) return false;
  }
  return true;
}

bool read_piece_type(std::string_view piece, int& type) {
  type = 1;  // NORMAL, the default
  return for_each_field(piece, [&](uint64_t field, uint64_t wire, WireReader& r) {
    if (field != 3 || wire != 0) return r.skip(wire);
    uint64_t value = 0;
    if (!r.varint(value)) return false;
    type = static_cast<int>(value);
    return true;
  });
}

ProtoFields read_proto_fields(std::string_view model, const std::string& path) {
  ProtoFields out;
  const bool ok = for_each_field(model, [&](uint64_t field, uint64_t wire, WireReader& r) {
    std::string_view message;
    if ((field != 1 && field != 3) || wire != 2) return r.skip(wire);
    if (!r.length_delimited(message)) return false;
    if (field == 1) return read_piece_type(message, out.piece_types.emplace_back());
    return for_each_field(message, [&](uint64_t f, uint64_t w, WireReader& spec) {
      std::string_view charsmap;
      if (f != 2 || w != 2) return spec.skip(w);
      if (!spec.length_delimited(charsmap)) return false;
      out.precompiled_charsmap = std::string(charsmap);
      return true;
    });
  });
  if (!ok) throw ModelFileError(path, "not a valid SentencePiece model (malformed protobuf)");
  return out;
}

// ---------------------------------------------------------------------------------------------- graphemes

// unicode-segmentation's extended grapheme clusters, as far as the precompiled normalizer can tell
// them apart: it maps a cluster whole only under 6 bytes, and such a cluster is a CR LF pair, or
// Prepend characters, a base and the characters that continue it (Extend, ZWJ, SpacingMark). Hangul
// syllable sequences, regional-indicator pairs, emoji ZWJ sequences and Indic conjuncts only join
// characters of 3 or more bytes into clusters of 6 or more, mapped character by character either
// way, so they need no rule here; nor does a 4-byte Control character. The tables are what the
// reference normalizer does: tests/fixtures/t5_fixture.py probes it, test_t5_tokenizer checks every
// code point against them.

// [first, last] pairs: characters that continue the cluster before them.
constexpr uint32_t kContinuesCluster[] = {
    0x300,0x36F, 0x483,0x489, 0x591,0x5BD, 0x5BF,0x5BF, 0x5C1,0x5C2, 0x5C4,0x5C5, 0x5C7,0x5C7, 0x610,0x61A,
    0x64B,0x65F, 0x670,0x670, 0x6D6,0x6DC, 0x6DF,0x6E4, 0x6E7,0x6E8, 0x6EA,0x6ED, 0x711,0x711, 0x730,0x74A,
    0x7A6,0x7B0, 0x7EB,0x7F3, 0x7FD,0x7FD, 0x816,0x819, 0x81B,0x823, 0x825,0x827, 0x829,0x82D, 0x859,0x85B,
    0x897,0x89F, 0x8CA,0x8E1, 0x8E3,0x903, 0x93A,0x93C, 0x93E,0x94F, 0x951,0x957, 0x962,0x963, 0x981,0x983,
    0x9BC,0x9BC, 0x9BE,0x9C4, 0x9C7,0x9C8, 0x9CB,0x9CD, 0x9D7,0x9D7, 0x9E2,0x9E3, 0x9FE,0x9FE, 0xA01,0xA03,
    0xA3C,0xA3C, 0xA3E,0xA42, 0xA47,0xA48, 0xA4B,0xA4D, 0xA51,0xA51, 0xA70,0xA71, 0xA75,0xA75, 0xA81,0xA83,
    0xABC,0xABC, 0xABE,0xAC5, 0xAC7,0xAC9, 0xACB,0xACD, 0xAE2,0xAE3, 0xAFA,0xAFF, 0xB01,0xB03, 0xB3C,0xB3C,
    0xB3E,0xB44, 0xB47,0xB48, 0xB4B,0xB4D, 0xB55,0xB57, 0xB62,0xB63, 0xB82,0xB82, 0xBBE,0xBC2, 0xBC6,0xBC8,
    0xBCA,0xBCD, 0xBD7,0xBD7, 0xC00,0xC04, 0xC3C,0xC3C, 0xC3E,0xC44, 0xC46,0xC48, 0xC4A,0xC4D, 0xC55,0xC56,
    0xC62,0xC63, 0xC81,0xC83, 0xCBC,0xCBC, 0xCBE,0xCC4, 0xCC6,0xCC8, 0xCCA,0xCCD, 0xCD5,0xCD6, 0xCE2,0xCE3,
    0xCF3,0xCF3, 0xD00,0xD03, 0xD3B,0xD3C, 0xD3E,0xD44, 0xD46,0xD48, 0xD4A,0xD4D, 0xD57,0xD57, 0xD62,0xD63,
    0xD81,0xD83, 0xDCA,0xDCA, 0xDCF,0xDD4, 0xDD6,0xDD6, 0xDD8,0xDDF, 0xDF2,0xDF3, 0xE31,0xE31, 0xE33,0xE3A,
    0xE47,0xE4E, 0xEB1,0xEB1, 0xEB3,0xEBC, 0xEC8,0xECE, 0xF18,0xF19, 0xF35,0xF35, 0xF37,0xF37, 0xF39,0xF39,
    0xF3E,0xF3F, 0xF71,0xF84, 0xF86,0xF87, 0xF8D,0xF97, 0xF99,0xFBC, 0xFC6,0xFC6, 0x102D,0x1037, 0x1039,0x103E,
    0x1056,0x1059, 0x105E,0x1060, 0x1071,0x1074, 0x1082,0x1082, 0x1084,0x1086, 0x108D,0x108D, 0x109D,0x109D,
    0x135D,0x135F, 0x1712,0x1715, 0x1732,0x1734, 0x1752,0x1753, 0x1772,0x1773, 0x17B4,0x17D3, 0x17DD,0x17DD,
    0x180B,0x180D, 0x180F,0x180F, 0x1885,0x1886, 0x18A9,0x18A9, 0x1920,0x192B, 0x1930,0x193B, 0x1A17,0x1A1B,
    0x1A55,0x1A5E, 0x1A60,0x1A60, 0x1A62,0x1A62, 0x1A65,0x1A7C, 0x1A7F,0x1A7F, 0x1AB0,0x1ADD, 0x1AE0,0x1AEB,
    0x1B00,0x1B04, 0x1B34,0x1B44, 0x1B6B,0x1B73, 0x1B80,0x1B82, 0x1BA1,0x1BAD, 0x1BE6,0x1BF3, 0x1C24,0x1C37,
    0x1CD0,0x1CD2, 0x1CD4,0x1CE8, 0x1CED,0x1CED, 0x1CF4,0x1CF4, 0x1CF7,0x1CF9, 0x1DC0,0x1DFF, 0x200C,0x200D,
    0x20D0,0x20F0, 0x2CEF,0x2CF1, 0x2D7F,0x2D7F, 0x2DE0,0x2DFF, 0x302A,0x302F, 0x3099,0x309A, 0xA66F,0xA672,
    0xA674,0xA67D, 0xA69E,0xA69F, 0xA6F0,0xA6F1, 0xA802,0xA802, 0xA806,0xA806, 0xA80B,0xA80B, 0xA823,0xA827,
    0xA82C,0xA82C, 0xA880,0xA881, 0xA8B4,0xA8C5, 0xA8E0,0xA8F1, 0xA8FF,0xA8FF, 0xA926,0xA92D, 0xA947,0xA953,
    0xA980,0xA983, 0xA9B3,0xA9C0, 0xA9E5,0xA9E5, 0xAA29,0xAA36, 0xAA43,0xAA43, 0xAA4C,0xAA4D, 0xAA7C,0xAA7C,
    0xAAB0,0xAAB0, 0xAAB2,0xAAB4, 0xAAB7,0xAAB8, 0xAABE,0xAABF, 0xAAC1,0xAAC1, 0xAAEB,0xAAEF, 0xAAF5,0xAAF6,
    0xABE3,0xABEA, 0xABEC,0xABED, 0xFB1E,0xFB1E, 0xFE00,0xFE0F, 0xFE20,0xFE2F, 0xFF9E,0xFF9F, 0x101FD,0x101FD,
    0x102E0,0x102E0, 0x10376,0x1037A, 0x10A01,0x10A03, 0x10A05,0x10A06, 0x10A0C,0x10A0F, 0x10A38,0x10A3A,
    0x10A3F,0x10A3F, 0x10AE5,0x10AE6, 0x10D24,0x10D27, 0x10D69,0x10D6D, 0x10EAB,0x10EAC, 0x10EFA,0x10EFF,
    0x10F46,0x10F50, 0x10F82,0x10F85, 0x11000,0x11002, 0x11038,0x11046, 0x11070,0x11070, 0x11073,0x11074,
    0x1107F,0x11082, 0x110B0,0x110BA, 0x110C2,0x110C2, 0x11100,0x11102, 0x11127,0x11134, 0x11145,0x11146,
    0x11173,0x11173, 0x11180,0x11182, 0x111B3,0x111C0, 0x111C9,0x111CC, 0x111CE,0x111CF, 0x1122C,0x11237,
    0x1123E,0x1123E, 0x11241,0x11241, 0x112DF,0x112EA, 0x11300,0x11303, 0x1133B,0x1133C, 0x1133E,0x11344,
    0x11347,0x11348, 0x1134B,0x1134D, 0x11357,0x11357, 0x11362,0x11363, 0x11366,0x1136C, 0x11370,0x11374,
    0x113B8,0x113C0, 0x113C2,0x113C2, 0x113C5,0x113C5, 0x113C7,0x113CA, 0x113CC,0x113D0, 0x113D2,0x113D2,
    0x113E1,0x113E2, 0x11435,0x11446, 0x1145E,0x1145E, 0x114B0,0x114C3, 0x115AF,0x115B5, 0x115B8,0x115C0,
    0x115DC,0x115DD, 0x11630,0x11640, 0x116AB,0x116B7, 0x1171D,0x1171F, 0x11722,0x1172B, 0x1182C,0x1183A,
    0x11930,0x11935, 0x11937,0x11938, 0x1193B,0x1193E, 0x11940,0x11940, 0x11942,0x11943, 0x119D1,0x119D7,
    0x119DA,0x119E0, 0x119E4,0x119E4, 0x11A01,0x11A0A, 0x11A33,0x11A39, 0x11A3B,0x11A3E, 0x11A47,0x11A47,
    0x11A51,0x11A5B, 0x11A8A,0x11A99, 0x11B60,0x11B67, 0x11C2F,0x11C36, 0x11C38,0x11C3F, 0x11C92,0x11CA7,
    0x11CA9,0x11CB6, 0x11D31,0x11D36, 0x11D3A,0x11D3A, 0x11D3C,0x11D3D, 0x11D3F,0x11D45, 0x11D47,0x11D47,
    0x11D8A,0x11D8E, 0x11D90,0x11D91, 0x11D93,0x11D97, 0x11EF3,0x11EF6, 0x11F00,0x11F01, 0x11F03,0x11F03,
    0x11F34,0x11F3A, 0x11F3E,0x11F42, 0x11F5A,0x11F5A, 0x13440,0x13440, 0x13447,0x13455, 0x1611E,0x1612F,
    0x16AF0,0x16AF4, 0x16B30,0x16B36, 0x16F4F,0x16F4F, 0x16F51,0x16F87, 0x16F8F,0x16F92, 0x16FE4,0x16FE4,
    0x16FF0,0x16FF1, 0x1BC9D,0x1BC9E, 0x1CF00,0x1CF2D, 0x1CF30,0x1CF46, 0x1D165,0x1D169, 0x1D16D,0x1D172,
    0x1D17B,0x1D182, 0x1D185,0x1D18B, 0x1D1AA,0x1D1AD, 0x1D242,0x1D244, 0x1DA00,0x1DA36, 0x1DA3B,0x1DA6C,
    0x1DA75,0x1DA75, 0x1DA84,0x1DA84, 0x1DA9B,0x1DA9F, 0x1DAA1,0x1DAAF, 0x1E000,0x1E006, 0x1E008,0x1E018,
    0x1E01B,0x1E021, 0x1E023,0x1E024, 0x1E026,0x1E02A, 0x1E08F,0x1E08F, 0x1E130,0x1E136, 0x1E2AE,0x1E2AE,
    0x1E2EC,0x1E2EF, 0x1E4EC,0x1E4EF, 0x1E5EE,0x1E5EF, 0x1E6E3,0x1E6E3, 0x1E6E6,0x1E6E6, 0x1E6EE,0x1E6EF,
    0x1E6F5,0x1E6F5, 0x1E8D0,0x1E8D6, 0x1E944,0x1E94A, 0x1F3FB,0x1F3FF, 0xE0020,0xE007F, 0xE0100,0xE01EF,
};
// [first, last] pairs of the Control characters of the Basic Multilingual Plane (CR and LF among them).
constexpr uint32_t kControl[] = {
    0x0,0x1F, 0x7F,0x9F, 0xAD,0xAD, 0x61C,0x61C, 0x180E,0x180E, 0x200B,0x200B, 0x200E,0x200F, 0x2028,0x202E,
    0x2060,0x206F, 0xFEFF,0xFEFF, 0xFFF0,0xFFFB,
};
// [first, last] pairs of the Prepend characters.
constexpr uint32_t kPrepend[] = {
    0x600,0x605, 0x6DD,0x6DD, 0x70F,0x70F, 0x890,0x891, 0x8E2,0x8E2, 0xD4E,0xD4E, 0x110BD,0x110BD, 0x110CD,0x110CD,
    0x111C2,0x111C3, 0x1193F,0x1193F, 0x11941,0x11941, 0x11A84,0x11A89, 0x11D46,0x11D46,
};

bool in_ranges(std::span<const uint32_t> pairs, char32_t c) {
  std::size_t lo = 0, hi = pairs.size() / 2;  // the first pair whose first is > c
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (pairs[2 * mid] <= c) lo = mid + 1; else hi = mid;
  }
  return lo > 0 && c <= pairs[2 * lo - 1];
}

bool is_control(char32_t c) { return in_ranges(kControl, c); }

// The end of the grapheme cluster that starts at `begin` (UAX #29's rules GB3 to GB9b).
std::size_t cluster_end(const std::u32string& s, std::size_t begin) {
  if (s[begin] == U'\r' && begin + 1 < s.size() && s[begin + 1] == U'\n') return begin + 2;
  if (is_control(s[begin])) return begin + 1;
  std::size_t i = begin;
  while (in_ranges(kPrepend, s[i]) && i + 1 < s.size() && !is_control(s[i + 1])) ++i;
  ++i;
  while (i < s.size() && in_ranges(kContinuesCluster, s[i])) ++i;
  return i;
}

// ---------------------------------------------------------------------------------------------- normalizer

// SentencePiece's precompiled_charsmap: [u32 trie bytes][darts-clone double array][replacement
// strings, each ending in NUL]; a key's leaf value is the offset of its replacement. Applied as the
// `spm_precompiled` crate does (the reference's normalizer), which is not sentencepiece's own
// longest-match normalizer.
class PrecompiledCharsmap {
 public:
  PrecompiledCharsmap() = default;
  PrecompiledCharsmap(std::string_view blob, const std::string& path) {
    auto fail = [&] { throw ModelFileError(path, "the normalizer's precompiled_charsmap is malformed"); };
    if (blob.size() < 4) fail();
    uint32_t trie_bytes = 0;
    for (int i = 3; i >= 0; --i) trie_bytes = (trie_bytes << 8) | static_cast<unsigned char>(blob[i]);
    if (trie_bytes / 4 > (blob.size() - 4) / 4 || trie_bytes < 4) fail();
    trie_.resize(trie_bytes / 4);
    for (std::size_t i = 0; i < trie_.size(); ++i)
      for (int b = 3; b >= 0; --b) trie_[i] = (trie_[i] << 8) | static_cast<unsigned char>(blob[4 + 4 * i + b]);
    replacements_ = std::string(blob.substr(4 + 4 * trie_.size()));
    const auto decoded = unicode::encode_utf8(unicode::decode_utf8(replacements_));
    if (decoded != replacements_) fail();  // `tokenizers` refuses replacements that are not UTF-8
  }

  bool empty() const { return trie_.empty(); }

  // Cluster by cluster: one under 6 bytes is replaced whole by the replacement of its shortest
  // mapped prefix (dropping the rest of it); other characters each by their own, where they have one.
  std::string normalize(const std::u32string& text) const {
    std::string out;
    for (std::size_t begin = 0; begin < text.size();) {
      const std::size_t end = cluster_end(text, begin);
      const std::string cluster = unicode::encode_utf8(std::u32string_view(text).substr(begin, end - begin));
      const auto whole = cluster.size() < kWholeClusterBytes ? replacement(cluster) : std::nullopt;
      if (whole) {
        out += *whole;
      } else {
        for (std::size_t i = begin; i < end; ++i) {
          const std::string c = unicode::encode_utf8(std::u32string_view(text).substr(i, 1));
          const auto mapped = replacement(c);
          out += mapped ? std::string(*mapped) : c;
        }
      }
      begin = end;
    }
    return out;
  }

 private:
  // The replacement of the shortest key that prefixes `chunk` (a NUL byte ends the search).
  std::optional<std::string_view> replacement(std::string_view chunk) const {
    auto offset = [](uint32_t unit) { return (unit >> 10) << ((unit & (1u << 9)) >> 6); };
    std::size_t node = offset(trie_[0]);
    for (const unsigned char c : chunk) {
      if (c == 0) break;
      node ^= c;
      if (node >= trie_.size()) return std::nullopt;
      const uint32_t unit = trie_[node];
      if ((unit & ((1u << 31) | 0xFF)) != c) return std::nullopt;
      node ^= offset(unit);
      if (!((unit >> 8) & 1)) continue;
      if (node >= trie_.size()) return std::nullopt;
      const std::size_t at = trie_[node] & ((1u << 31) - 1);
      if (at > replacements_.size()) return std::nullopt;
      const std::size_t end = std::min(replacements_.find('\0', at), replacements_.size());
      return std::string_view(replacements_).substr(at, end - at);
    }
    return std::nullopt;
  }

  std::vector<uint32_t> trie_;
  std::string replacements_;
};

// ---------------------------------------------------------------------------------------------- special tokens

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
using Vocabulary = std::unordered_map<std::string, int64_t, StringHash, std::equal_to<>>;

// A special token's text as the configs write it: a string or an AddedToken object with "content".
std::optional<std::string> token_content(const json& value, const std::string& path, const std::string& key) {
  if (value.is_null()) return std::nullopt;
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object() && value.contains("content") && value["content"].is_string())
    return value["content"].get<std::string>();
  throw ModelFileError(path, "\"" + key + "\" must be a string or a token object with \"content\"");
}

std::vector<std::string> token_list(const json& value, const std::string& path, const std::string& key) {
  if (!value.is_array()) throw ModelFileError(path, "\"" + key + "\" must be a list of tokens");
  std::vector<std::string> out;
  for (const json& t : value)
    if (auto content = token_content(t, path, key)) out.push_back(*content);
  return out;
}

// transformers' order of the named special tokens.
constexpr const char* kNamedTokens[] = {"bos_token", "eos_token", "unk_token", "sep_token",
                                        "pad_token", "cls_token", "mask_token"};

// What tokenizer_config.json and special_tokens_map.json say, resolved as transformers 5 loads a
// folder that has spiece.model and no tokenizer.json.
struct TokenConfig {
  std::vector<std::pair<std::string, std::string>> named = {
      {"eos_token", "</s>"}, {"unk_token", "<unk>"}, {"pad_token", "<pad>"}};  // T5Tokenizer's defaults
  int64_t extra_ids = 100;
  std::optional<std::vector<std::string>> extra_special;  // the configs' list, where they give one
  std::vector<std::string> decoder;                        // added_tokens_decoder, by id
  std::optional<int64_t> model_max_length;
  bool pad_left = false, truncate_left = false;

  const std::string* named_token(const std::string& key) const {
    for (const auto& [k, v] : named)
      if (k == key) return &v;
    return nullptr;
  }

  void set_named(const json& file, const std::string& path) {
    for (const char* key : kNamedTokens) {
      if (!file.contains(key)) continue;
      const auto content = token_content(file[key], path, key);
      auto it = std::find_if(named.begin(), named.end(), [&](const auto& n) { return n.first == key; });
      if (!content) { if (it != named.end()) named.erase(it); continue; }
      if (it == named.end()) named.emplace_back(key, *content); else it->second = *content;
    }
  }

  void read_config(const json& c, const std::string& path) {
    set_named(c, path);
    if (c.contains("extra_ids") && !c["extra_ids"].is_null()) {
      if (!c["extra_ids"].is_number_integer() || c["extra_ids"].get<int64_t>() < 0)
        throw ModelFileError(path, "\"extra_ids\" must be a non-negative integer");
      extra_ids = c["extra_ids"].get<int64_t>();
    }
    // transformers 5 reads the old "additional_special_tokens" as "extra_special_tokens".
    for (const char* key : {"extra_special_tokens", "additional_special_tokens"})
      if (!extra_special && c.contains(key) && !c[key].is_null()) extra_special = token_list(c[key], path, key);
    if (c.contains("added_tokens_decoder")) read_decoder(c["added_tokens_decoder"], path);
    read_lengths(c, path);
  }

  // Read only where the config has no added_tokens_decoder (transformers' legacy path); its
  // "additional_special_tokens" never reach the tokenizer there (the spiece.model's own list replaces
  // them), its "extra_special_tokens" are appended.
  void read_special_map(const json& m, const std::string& path) {
    set_named(m, path);
    if (!m.contains("extra_special_tokens") || m["extra_special_tokens"].is_null()) return;
    if (!extra_special) extra_special.emplace();
    for (auto& t : token_list(m["extra_special_tokens"], path, "extra_special_tokens"))
      if (std::find(extra_special->begin(), extra_special->end(), t) == extra_special->end()) extra_special->push_back(t);
  }

  void read_decoder(const json& d, const std::string& path) {
    if (!d.is_object()) throw ModelFileError(path, "\"added_tokens_decoder\" must be an object");
    std::vector<std::pair<int64_t, std::string>> by_id;
    for (const auto& [key, value] : d.items()) {
      int64_t id = 0;
      try { id = std::stoll(key); } catch (const std::exception&) {
        throw ModelFileError(path, "\"added_tokens_decoder\" key \"" + key + "\" is not a token id");
      }
      if (auto content = token_content(value, path, "added_tokens_decoder")) by_id.emplace_back(id, *content);
    }
    std::sort(by_id.begin(), by_id.end());
    for (auto& [id, content] : by_id) decoder.push_back(content);
  }

  void read_lengths(const json& c, const std::string& path) {
    if (c.contains("model_max_length") && !c["model_max_length"].is_null()) {
      if (!c["model_max_length"].is_number()) throw ModelFileError(path, "\"model_max_length\" is not a number");
      const double n = c["model_max_length"].get<double>();
      if (n < 1) throw ModelFileError(path, "\"model_max_length\" must be at least 1");
      if (n < kUnsetMaxLength) model_max_length = static_cast<int64_t>(n);
    }
    auto side = [&](const char* key) {
      if (!c.contains(key) || c[key].is_null()) return false;
      if (c[key] != "left" && c[key] != "right") throw ModelFileError(path, std::string("\"") + key + "\" must be \"left\" or \"right\"");
      return c[key] == "left";
    };
    pad_left = side("padding_side");
    truncate_left = side("truncation_side");
  }
};

}  // namespace

// ---------------------------------------------------------------------------------------------- tokenizer

struct T5Tokenizer::Impl {
  struct AddedToken {
    std::string content;
    int64_t id = 0;
  };

  Vocabulary vocab;                // piece -> id: the model's pieces, then <extra_id_N> from the end down
  std::vector<double> scores;      // by id
  std::size_t longest_piece = 0;   // in bytes
  double unk_score = 0;            // the lowest score minus the penalty
  PrecompiledCharsmap charsmap;
  std::vector<AddedToken> added;   // matched in the raw text, longest first
  int64_t size = 0, eos = 1, pad = 0, unk = 2;
  TokenConfig config;

  void load_model(const fs::path& file) {
    const std::string bytes = read_bytes(file);
    sentencepiece::SentencePieceProcessor processor;
    // Our own message: sentencepiece's would name its internals, not the user's file.
    if (bytes.empty() || !processor.LoadFromSerializedProto(bytes).ok())
      throw ModelFileError(file.string(), "not a valid SentencePiece model (corrupt, truncated, or not a .model file)");
    const ProtoFields fields = read_proto_fields(bytes, file.string());
    const int pieces = processor.GetPieceSize();
    if (pieces <= kUnigramUnkId || static_cast<int>(fields.piece_types.size()) != pieces)
      throw ModelFileError(file.string(), "the SentencePiece model has too few pieces for T5 (<pad>, </s>, <unk> first)");
    for (int id = 0; id < pieces; ++id) add_piece(processor.IdToPiece(id), processor.GetScore(id));
    if (!fields.precompiled_charsmap.empty()) charsmap = PrecompiledCharsmap(fields.precompiled_charsmap, file.string());
    // T5Converter's order: the extra ids follow the model's pieces, the last one first.
    for (int64_t i = config.extra_ids - 1; i >= 0; --i) add_piece("<extra_id_" + std::to_string(i) + ">", 0.0);
    double lowest = std::numeric_limits<double>::infinity();
    for (double s : scores) lowest = std::min(lowest, s);
    unk_score = lowest - kUnkPenalty;
    if (!config.extra_special) config.extra_special = model_special_pieces(processor, fields);
  }

  void add_piece(const std::string& piece, double score) {
    vocab[piece] = static_cast<int64_t>(scores.size());  // a repeated piece takes the later id, as in `tokenizers`
    scores.push_back(score);
    longest_piece = std::max(longest_piece, piece.size());
  }

  // Without a list in the configs, transformers takes the model's control and user-defined pieces,
  // and the extra ids unless some are among them.
  std::vector<std::string> model_special_pieces(const sentencepiece::SentencePieceProcessor& processor,
                                                const ProtoFields& fields) const {
    std::vector<std::string> out;
    for (int id = 0; id < processor.GetPieceSize(); ++id)
      if (fields.piece_types[id] == kControlPiece || fields.piece_types[id] == kUserDefinedPiece)
        out.push_back(processor.IdToPiece(id));
    if (std::none_of(out.begin(), out.end(), [](const auto& t) { return t.find("<extra_id_") != std::string::npos; }))
      for (int64_t i = 0; i < config.extra_ids; ++i) out.push_back("<extra_id_" + std::to_string(i) + ">");
    return out;
  }

  // transformers' order: added_tokens_decoder, the named special tokens, the extra special tokens; a
  // token the vocabulary lacks takes the next id.
  void add_special_tokens() {
    size = static_cast<int64_t>(scores.size());
    std::vector<std::string> order = config.decoder;
    for (const char* key : kNamedTokens)
      if (const auto* t = config.named_token(key)) order.push_back(*t);
    order.insert(order.end(), config.extra_special->begin(), config.extra_special->end());
    for (const auto& content : order) {
      if (content.empty() || std::any_of(added.begin(), added.end(), [&](const auto& a) { return a.content == content; }))
        continue;
      const auto it = vocab.find(content);
      added.push_back({content, it != vocab.end() ? it->second : size++});
    }
    std::stable_sort(added.begin(), added.end(), [](const auto& a, const auto& b) { return a.content.size() > b.content.size(); });
    eos = id_of(*config.named_token("eos_token"), "eos_token");
    pad = config.named_token("pad_token") ? id_of(*config.named_token("pad_token"), "pad_token") : 0;
    unk = config.named_token("unk_token") ? id_of(*config.named_token("unk_token"), "unk_token") : kUnigramUnkId;
  }

  int64_t id_of(const std::string& content, const char* key) const {
    for (const auto& a : added)
      if (a.content == content) return a.id;
    throw Error(std::string("T5 tokenizer: no id for ") + key);  // every named token was added above
  }

  // The longest added token that starts at `pos`, or nullptr.
  const AddedToken* added_at(std::string_view text, std::size_t pos) const {
    for (const auto& a : added)  // longest first
      if (text.compare(pos, a.content.size(), a.content) == 0) return &a;
    return nullptr;
  }

  void tokenize(std::string_view text, std::vector<int64_t>& ids) const {
    std::size_t start = 0;
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
      const AddedToken* a = added_at(text, pos);
      if (!a) continue;
      encode_plain(text.substr(start, pos - start), ids);
      ids.push_back(a->id);
      pos += a->content.size() - 1;
      start = pos + 1;
    }
    encode_plain(text.substr(start), ids);
  }

  std::string normalize(std::string_view text) const {
    return charsmap.empty() ? std::string(text) : charsmap.normalize(unicode::decode_utf8(text));
  }

  // Normalize, split on white space, "▁" before every word and a split before every "▁", unigram.
  void encode_plain(std::string_view text, std::vector<int64_t>& ids) const {
    if (text.empty()) return;
    const std::u32string normalized = unicode::decode_utf8(normalize(text));
    for (std::size_t i = 0; i < normalized.size();) {
      if (unicode::is_space(normalized[i])) { ++i; continue; }
      std::size_t end = i;
      while (end < normalized.size() && !unicode::is_space(normalized[end])) ++end;
      std::string word = unicode::encode_utf8(std::u32string_view(normalized).substr(i, end - i));
      if (!word.starts_with(kMetaspace)) word.insert(0, kMetaspace);
      for (std::size_t from = 0; from < word.size();) {
        const std::size_t next = std::min(word.find(kMetaspace, from + kMetaspace.size()), word.size());
        unigram(std::string_view(word).substr(from, next - from), ids);
        from = next;
      }
      i = end;
    }
  }

  // The best segmentation of a word's first bytes: its score, where its last token starts, that token.
  struct Best {
    double score = 0;
    int64_t start = -1;
    int64_t id = 0;
  };

  // `tokenizers`' Unigram::encode_optimized: the best-scoring segmentation by dynamic programming
  // over every vocabulary entry (a later start never displaces an equal score); a character no entry
  // covers as a whole is an unknown piece; runs of unknown pieces fuse into one token.
  void unigram(std::string_view word, std::vector<int64_t>& ids) const {
    std::vector<Best> best(word.size() + 1);
    for (std::size_t start = 0; start < word.size();) {
      const std::size_t char_bytes = utf8_length(static_cast<unsigned char>(word[start]));
      bool covered = false;
      for (std::size_t len = 1; len <= std::min(longest_piece, word.size() - start); ++len) {
        const auto it = vocab.find(word.substr(start, len));
        if (it == vocab.end()) continue;
        offer(best, start, len, scores[it->second], it->second);
        covered = covered || len == char_bytes;
      }
      if (!covered) offer(best, start, char_bytes, unk_score, kUnigramUnkId);
      start += char_bytes;
    }
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // [start, end) of each token, fused unknowns
    std::vector<int64_t> span_ids;
    for (std::size_t end = word.size(); end > 0;) {
      const Best& b = best[end];
      const auto start = static_cast<std::size_t>(b.start);
      const bool fuse = b.id == kUnigramUnkId && !span_ids.empty() && span_ids.back() == kUnigramUnkId;
      if (fuse) spans.back().first = start; else { spans.emplace_back(start, end); span_ids.push_back(b.id); }
      end = start;
    }
    for (std::size_t i = spans.size(); i-- > 0;) {
      if (span_ids[i] != kUnigramUnkId) { ids.push_back(span_ids[i]); continue; }
      const auto it = vocab.find(word.substr(spans[i].first, spans[i].second - spans[i].first));
      ids.push_back(it != vocab.end() ? it->second : kUnigramUnkId);
    }
  }

  static void offer(std::vector<Best>& best, std::size_t start, std::size_t len, double score, int64_t id) {
    const double candidate = best[start].score + score;
    Best& target = best[start + len];
    if (target.start < 0 || candidate > target.score) target = {candidate, static_cast<int64_t>(start), id};
  }

  static std::size_t utf8_length(unsigned char lead) {
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  }
};

T5Tokenizer T5Tokenizer::from_dir(const std::string& dir) {
  if (!fs::is_directory(dir)) throw ModelFileError(dir, "tokenizer folder not found");
  auto impl = std::make_shared<Impl>();
  const fs::path folder(dir);
  const json config = read_json_if_present(folder / "tokenizer_config.json");
  if (!config.is_null()) impl->config.read_config(config, (folder / "tokenizer_config.json").string());
  if (config.is_null() || !config.contains("added_tokens_decoder")) {
    const json map = read_json_if_present(folder / "special_tokens_map.json");
    if (!map.is_null()) impl->config.read_special_map(map, (folder / "special_tokens_map.json").string());
  }
  if (!impl->config.named_token("eos_token"))
    throw ModelFileError(dir, "the configs set \"eos_token\" to null: T5 ends every sequence with it");
  const fs::path model = folder / "spiece.model";
  if (!fs::exists(model))
    throw ModelFileError(model.string(), "missing: the T5 tokenizer needs its SentencePiece model (a tokenizer.json "
                                         "alone is not read)");
  impl->load_model(model);
  impl->add_special_tokens();
  T5Tokenizer tokenizer;
  tokenizer.impl_ = std::move(impl);
  return tokenizer;
}

std::vector<int64_t> T5Tokenizer::tokenize(const std::string& text) const {
  std::vector<int64_t> ids;
  // Python strings are always Unicode: bytes that are not UTF-8 become U+FFFD first.
  impl_->tokenize(unicode::encode_utf8(unicode::decode_utf8(text)), ids);
  return ids;
}

std::vector<int64_t> T5Tokenizer::encode(const std::string& text) const {
  auto ids = tokenize(text);
  ids.push_back(impl_->eos);
  return ids;
}

T5Tokenizer::Padded T5Tokenizer::encode_padded(const std::string& text, int max_length) const {
  if (max_length < 1) throw Error("T5 tokenizer: max_length must be at least 1, got " + std::to_string(max_length));
  auto ids = tokenize(text);
  const auto room = static_cast<std::size_t>(max_length - 1);
  if (ids.size() > room) ids.erase(impl_->config.truncate_left ? ids.begin() : ids.begin() + room,
                                   impl_->config.truncate_left ? ids.end() - room : ids.end());
  ids.push_back(impl_->eos);
  const auto padding = static_cast<std::size_t>(max_length) - ids.size();
  auto padded = [&](const std::vector<int64_t>& values, int64_t fill) {
    std::vector<int64_t> out(static_cast<std::size_t>(max_length), fill);
    std::copy(values.begin(), values.end(), out.begin() + (impl_->config.pad_left ? padding : 0));
    return out;
  };
  Padded out;
  out.ids = padded(ids, impl_->pad);
  out.attention_mask = padded(std::vector<int64_t>(ids.size(), 1), 0);
  return out;
}

std::string T5Tokenizer::normalize(const std::string& text) const {
  return impl_->normalize(unicode::encode_utf8(unicode::decode_utf8(text)));
}

int64_t T5Tokenizer::eos_id() const { return impl_->eos; }
int64_t T5Tokenizer::pad_id() const { return impl_->pad; }
int64_t T5Tokenizer::unk_id() const { return impl_->unk; }
int64_t T5Tokenizer::vocab_size() const { return impl_->size; }
std::optional<int64_t> T5Tokenizer::model_max_length() const { return impl_->config.model_max_length; }

}  // namespace gesso::text
