#include "engine/text/unicode.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <unordered_map>

#include "engine/text/unicode_tables.h"

namespace gesso::text::unicode {
namespace {

namespace tables = gesso::text::unicode_tables;

constexpr char32_t kReplacement = 0xFFFD;

// Hangul syllables compose and decompose by arithmetic (Unicode 3.12), not by table.
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount;
constexpr char32_t kSCount = kLCount * kNCount;

// The row of a table of `width`-word rows (sorted by their first word) whose range may hold c.
const std::uint32_t* find_row(std::span<const std::uint32_t> table, std::size_t width, char32_t c) {
  std::size_t lo = 0, hi = table.size() / width;  // first row whose first word is > c
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (table[mid * width] <= c) lo = mid + 1; else hi = mid;
  }
  if (lo == 0) return nullptr;
  const std::uint32_t* row = table.data() + (lo - 1) * width;
  return c <= row[1] ? row : nullptr;
}

bool in_ranges(std::span<const std::uint32_t> table, char32_t c) {
  return find_row(table, 2, c) != nullptr;
}

int combining_class(char32_t c) {
  const std::uint32_t* row = find_row(tables::combining_classes, 3, c);
  return row ? static_cast<int>(row[2]) : 0;
}

std::uint64_t pair_key(char32_t a, char32_t b) { return (std::uint64_t(a) << 32) | b; }

// The decomposition table, indexed, and the composition pairs derived from it: a primary composite
// c with full decomposition D composes from (the composite whose decomposition is D minus its last
// code point, or D[0] when D has two) and D's last code point. The generator checks this derivation
// against Unicode's own first-level mappings.
struct Normalization {
  std::unordered_map<char32_t, std::u32string> decomposition;
  std::unordered_map<std::uint64_t, char32_t> composition;  // (first << 32 | second) -> composite

  Normalization() {
    std::unordered_map<std::u32string, char32_t> composite_of;
    const auto& t = tables::decompositions;
    for (std::size_t i = 0; i < t.size();) {
      const char32_t cp = t[i];
      const std::size_t n = t[i + 1] & 7;
      std::u32string full(t.begin() + i + 2, t.begin() + i + 2 + n);
      if (t[i + 1] & 8) composite_of.emplace(full, cp);
      decomposition.emplace(cp, std::move(full));
      i += 2 + n;
    }
    for (const auto& [full, cp] : composite_of) {
      const std::u32string head = full.substr(0, full.size() - 1);
      const char32_t first = head.size() == 1 ? head[0] : composite_of.at(head);
      composition.emplace(pair_key(first, full.back()), cp);
    }
  }
};

const Normalization& normalization() {
  static const Normalization data;
  return data;
}

void append_decomposed(char32_t c, std::u32string& out) {
  if (c >= kSBase && c < kSBase + kSCount) {
    const char32_t s = c - kSBase;
    out += kLBase + s / kNCount;
    out += kVBase + (s % kNCount) / kTCount;
    if (s % kTCount != 0) out += kTBase + s % kTCount;
    return;
  }
  const auto& map = normalization().decomposition;
  const auto it = map.find(c);
  if (it == map.end()) out += c; else out += it->second;
}

// Canonical ordering: each run of non-starters sorted (stably) by combining class.
void reorder_marks(std::u32string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (combining_class(s[i]) == 0) { ++i; continue; }
    std::size_t j = i;
    while (j < s.size() && combining_class(s[j]) != 0) ++j;
    std::stable_sort(s.begin() + i, s.begin() + j,
                     [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
    i = j;
  }
}

// The primary composite of (a, b), or 0.
char32_t compose_pair(char32_t a, char32_t b) {
  if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount)
    return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
  if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase &&
      b < kTBase + kTCount)
    return a + (b - kTBase);
  const auto& map = normalization().composition;
  const auto it = map.find(pair_key(a, b));
  return it == map.end() ? 0 : it->second;
}

// Canonical composition of a decomposed, reordered string, in place (UAX #15's algorithm).
void compose(std::u32string& s) {
  if (s.empty()) return;
  std::size_t starter = 0, written = 1;
  int last_class = combining_class(s[0]) == 0 ? 0 : 256;  // a leading mark blocks everything
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char32_t c = s[i];
    const int cls = combining_class(c);
    const char32_t composite = compose_pair(s[starter], c);
    if (composite != 0 && (last_class < cls || last_class == 0)) {
      s[starter] = composite;
      continue;
    }
    if (cls == 0) starter = written;
    last_class = cls;
    s[written++] = c;
  }
  s.resize(written);
}

// The length of the UTF-8 sequence led by `lead`, 0 when it cannot lead one.
int sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

}  // namespace

std::u32string decode_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const int n = sequence_length(lead);
    char32_t c = n == 1 ? lead : n == 2 ? (lead & 0x1F) : n == 3 ? (lead & 0x0F) : (lead & 0x07);
    bool ok = n > 0 && i + n <= text.size();
    for (int k = 1; ok && k < n; ++k) {
      const auto cont = static_cast<unsigned char>(text[i + k]);
      ok = (cont & 0xC0) == 0x80;
      c = (c << 6) | (cont & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not characters.
    ok = ok && !(n == 3 && c < 0x800) && !(n == 4 && (c < 0x10000 || c > 0x10FFFF)) &&
         !(c >= 0xD800 && c < 0xE000);
    out += ok ? c : kReplacement;
    i += ok ? n : 1;
  }
  return out;
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

bool is_letter(char32_t c) { return in_ranges(tables::letter_ranges, c); }
bool is_number(char32_t c) { return in_ranges(tables::number_ranges, c); }
bool is_space(char32_t c) { return in_ranges(tables::space_ranges, c); }

std::u32string to_lower(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (c == 0x130) {  // the one character whose lowercase is two: i + combining dot above
      out += U"i\u0307";
      continue;
    }
    const std::uint32_t* run = find_row(tables::lowercase_runs, 4, c);
    const bool mapped = run && (c - run[0]) % run[3] == 0;
    out += mapped ? static_cast<char32_t>(c + run[2]) : c;  // delta is stored mod 2^32
  }
  return out;
}

std::u32string nfc(std::u32string_view text) {
  std::u32string s;
  s.reserve(text.size());
  for (char32_t c : text) append_decomposed(c, s);
  reorder_marks(s);
  compose(s);
  return s;
}

}  // namespace gesso::text::unicode
