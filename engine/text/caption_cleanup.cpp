#include "engine/text/caption_cleanup.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/error.h"
#include "engine/text/unicode.h"

namespace gesso::text {
namespace {

using Text = std::u32string;
using View = std::u32string_view;
constexpr std::size_t npos = Text::npos;
constexpr char32_t kReplacement = 0xFFFD;

// The generated data at the end of this file.
struct NamedReference {
  const char* name;   // without its semicolon
  const char* value;  // UTF-8
  bool bare;          // html5 also lists the name without the semicolon (the legacy "&amp" forms)
};
std::span<const std::uint32_t> decimal_ranges();
std::span<const std::uint32_t> cased_ranges();
std::span<const std::uint32_t> case_ignorable_ranges();
std::span<const std::uint32_t> width_map();
std::span<const NamedReference> named_references();

// ---------------------------------------------------------------------------------------------------
// Python's character classes (str methods and re's \s \w \d \b on str patterns)

bool in_pairs(std::span<const std::uint32_t> pairs, char32_t c) {
  std::size_t lo = 0, hi = pairs.size() / 2;  // the first pair whose first code point is > c
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (pairs[2 * mid] <= c) lo = mid + 1; else hi = mid;
  }
  return lo > 0 && c <= pairs[2 * lo - 1];
}

// str.isspace: Unicode White_Space plus the four information separators U+001C..U+001F.
bool is_space(char32_t c) {
  if (c < 0x80) return c == U' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  return unicode::is_space(c);
}
bool is_word(char32_t c) {
  if (c < 0x80) return c == U'_' || (c >= U'0' && c <= U'9') || ((c | 0x20) >= U'a' && (c | 0x20) <= U'z');
  return unicode::is_letter(c) || unicode::is_number(c);
}
bool is_decimal(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= 0x80 && in_pairs(decimal_ranges(), c)); }
bool is_ascii_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_ascii_alnum(char32_t c) { return is_ascii_letter(c) || is_ascii_digit(c); }
bool is_hex_digit(char32_t c) { return is_ascii_digit(c) || (c >= U'a' && c <= U'f') || (c >= U'A' && c <= U'F'); }
bool is_ascii_letter_or_decimal(char32_t c) { return is_ascii_letter(c) || is_decimal(c); }
bool is_cased(char32_t c) { return in_pairs(cased_ranges(), c); }
bool is_case_ignorable(char32_t c) { return in_pairs(case_ignorable_ranges(), c); }

// s[i], or 0 past the end (callers never look for 0 there).
char32_t at(View s, std::size_t i) { return i < s.size() ? s[i] : 0; }
bool word_at(View s, std::size_t i) { return i < s.size() && is_word(s[i]); }
bool at_boundary(View s, std::size_t i) { return (i > 0 && is_word(s[i - 1])) != word_at(s, i); }  // \b

template <class Pred>
std::size_t run(View s, std::size_t i, Pred pred) {
  std::size_t j = i;
  while (j < s.size() && pred(s[j])) ++j;
  return j - i;
}

bool starts_with(View s, std::size_t i, View literal) { return i <= s.size() && s.substr(i).starts_with(literal); }

bool final_sigma(View s, std::size_t i) {  // CPython's handle_capital_sigma
  std::size_t j = i;
  while (j > 0 && is_case_ignorable(s[j - 1])) --j;
  if (j == 0 || !is_cased(s[j - 1])) return false;
  std::size_t k = i + 1;
  while (k < s.size() && is_case_ignorable(s[k])) ++k;
  return k == s.size() || !is_cased(s[k]);
}

// str.lower(): the full mapping, and capital sigma by its context.
Text lower(View s) {
  Text out;
  std::size_t from = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != U'\u03A3') continue;
    out += unicode::to_lower(s.substr(from, i - from));
    if (i < s.size()) out += final_sigma(s, i) ? U'\u03C2' : U'\u03C3';
    from = i + 1;
  }
  return out;
}

Text strip(View s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return Text(s.substr(b, e - b));
}

Text ascii_lower(View s) {
  Text out(s);
  for (char32_t& c : out)
    if (c >= U'A' && c <= U'Z') c += 32;
  return out;
}

Text from_utf8(const char* s) { return unicode::decode_utf8(s); }

// ---------------------------------------------------------------------------------------------------
// re.sub for patterns that never match empty: `match(s, i)` is the end of the match starting at i, or
// npos, read on the whole input (so that \b and lookbehinds see the text before i).

template <class Match, class Replace>
Text substitute_with(View s, Match match, Replace replace) {
  Text out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t end = match(s, i);
    if (end == npos) {
      out += s[i++];
      continue;
    }
    replace(out, s.substr(i, end - i));
    i = end;
  }
  return out;
}

template <class Match>
Text substitute(View s, Match match, View replacement) {
  return substitute_with(s, match, [&](Text& out, View) { out += replacement; });
}

auto literal(View text) {
  return [text](View s, std::size_t i) { return starts_with(s, i, text) ? i + text.size() : npos; };
}

// [class]{min,}
template <class Pred>
auto run_of(Pred pred, std::size_t min) {
  return [pred, min](View s, std::size_t i) {
    const std::size_t n = run(s, i, pred);
    return n >= min ? i + n : npos;
  };
}

template <class Pred>
Text without(View s, Pred pred) {
  Text out;
  for (char32_t c : s)
    if (!pred(c)) out += c;
  return out;
}

template <class Map>
Text map_chars(View s, Map map) {
  Text out;
  out.reserve(s.size());
  for (char32_t c : s) out += map(c);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Character references: html.entities.html5 and html.unescape

const NamedReference* find_reference(View name) {
  std::string key;
  for (char32_t c : name) {
    if (c == 0 || c >= 0x80) return nullptr;  // every name is ASCII
    key += static_cast<char>(c);
  }
  const auto refs = named_references();
  const auto it = std::lower_bound(refs.begin(), refs.end(), key, [](const NamedReference& r, const std::string& k) {
    return std::strcmp(r.name, k.c_str()) < 0;
  });
  return it != refs.end() && key == it->name ? &*it : nullptr;
}

// Windows-1252 for U+0080..U+009F, its five holes kept as they are (ftfy's "sloppy" codec; bs4's and
// html.unescape's tables for numeric references in that range say the same).
char32_t windows_1252(char32_t c) {
  static constexpr char16_t kTable[32] = {
      0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  return c >= 0x80 && c <= 0x9F ? kTable[c - 0x80] : c;
}

int hex_value(char32_t c) { return is_ascii_digit(c) ? int(c - U'0') : int((c | 0x20) - U'a') + 10; }

// int(digits, base), saturated past the last code point (only "is it a code point" matters).
std::uint32_t parse_number(View digits, int base) {
  std::uint64_t n = 0;
  for (char32_t c : digits) n = std::min<std::uint64_t>(n * base + hex_value(c), 0x110000);
  return static_cast<std::uint32_t>(n);
}

bool is_surrogate(std::uint32_t n) { return n >= 0xD800 && n <= 0xDFFF; }

// html.unescape's numeric reference: its _invalid_charrefs, then _invalid_codepoints (dropped).
Text numeric_reference(std::uint32_t n) {
  if (n == 0) return Text(1, kReplacement);
  if (n == 0x0D) return U"\r";
  if (n >= 0x80 && n <= 0x9F) return Text(1, windows_1252(n));
  if (is_surrogate(n) || n > 0x10FFFF) return Text(1, kReplacement);
  const bool invalid = (n >= 0x1 && n <= 0x8) || n == 0xB || (n >= 0xE && n <= 0x1F) || (n >= 0x7F && n <= 0x9F) ||
                       (n >= 0xFDD0 && n <= 0xFDEF) || (n & 0xFFFE) == 0xFFFE;
  return invalid ? Text() : Text(1, static_cast<char32_t>(n));
}

bool is_reference_name_char(char32_t c) {
  return c != U'\t' && c != U'\n' && c != U'\f' && c != U' ' && c != U'<' && c != U'&' && c != U'#' && c != U';';
}

// html.unescape's _charref: &(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)
std::size_t match_char_reference(View s, std::size_t i) {
  if (s[i] != U'&') return npos;
  std::size_t p = i + 1;
  if (at(s, p) == U'#') {
    std::size_t n = run(s, p + 1, is_ascii_digit);
    if (n > 0) {
      p += 1 + n;
    } else if ((at(s, p + 1) == U'x' || at(s, p + 1) == U'X') && (n = run(s, p + 2, is_hex_digit)) > 0) {
      p += 2 + n;
    } else {
      return npos;
    }
  } else {
    const std::size_t n = std::min<std::size_t>(run(s, p, is_reference_name_char), 32);
    if (n == 0) return npos;
    p += n;
  }
  return at(s, p) == U';' ? p + 1 : p;
}

// html.unescape's _replace_charref; `ref` is the match without its '&'.
Text replace_char_reference(View ref) {
  if (ref[0] == U'#') {
    const bool hex = ref[1] == U'x' || ref[1] == U'X';
    View digits = ref.substr(hex ? 2 : 1);
    if (digits.ends_with(U';')) digits.remove_suffix(1);
    return numeric_reference(parse_number(digits, hex ? 16 : 10));
  }
  if (ref.ends_with(U';')) {
    if (const auto* r = find_reference(ref.substr(0, ref.size() - 1))) return from_utf8(r->value);
  } else if (const auto* r = find_reference(ref); r && r->bare) {
    return from_utf8(r->value);
  }
  // The longest legacy name (no semicolon) the reference starts with.
  for (std::size_t x = ref.size() - 1; x >= 2; --x) {
    const auto* r = find_reference(ref.substr(0, x));
    if (r && r->bare) return from_utf8(r->value) + Text(ref.substr(x));
  }
  return U"&" + Text(ref);
}

Text html_unescape(View s) {
  if (s.find(U'&') == npos) return Text(s);
  return substitute_with(s, match_char_reference, [](Text& out, View m) { out += replace_char_reference(m.substr(1)); });
}

// ---------------------------------------------------------------------------------------------------
// urllib.parse.unquote_plus

// bytes.decode("utf-8", "replace"): one U+FFFD for each maximal ill-formed subsequence.
Text decode_utf8_replace(std::string_view b) {
  Text out;
  std::size_t i = 0;
  while (i < b.size()) {
    const auto lead = static_cast<unsigned char>(b[i]);
    if (lead < 0x80) {
      out += lead;
      ++i;
      continue;
    }
    int more = 0;
    unsigned lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
      more = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      more = 2;
      lo = lead == 0xE0 ? 0xA0 : 0x80;
      hi = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      more = 3;
      lo = lead == 0xF0 ? 0x90 : 0x80;
      hi = lead == 0xF4 ? 0x8F : 0xBF;
    }
    char32_t c = lead & (more == 1 ? 0x1F : more == 2 ? 0x0F : 0x07);
    std::size_t j = i + 1;
    bool ok = more > 0;
    for (int k = 0; ok && k < more; ++k, ++j) {
      const auto next = j < b.size() ? static_cast<unsigned char>(b[j]) : 0u;
      ok = j < b.size() && next >= (k == 0 ? lo : 0x80) && next <= (k == 0 ? hi : 0xBF);
      if (!ok) break;
      c = (c << 6) | (next & 0x3F);
    }
    out += ok ? c : kReplacement;
    i = j;
  }
  return out;
}

// One run of ASCII: %XX to bytes, the bytes read as UTF-8 (unquote decodes each such run on its own).
Text unquote_ascii(View s) {
  std::string bytes;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == U'%' && is_hex_digit(at(s, i + 1)) && is_hex_digit(at(s, i + 2))) {
      bytes += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      bytes += static_cast<char>(s[i]);
    }
  }
  return decode_utf8_replace(bytes);
}

Text unquote_plus(View s) {
  Text text(s);
  std::replace(text.begin(), text.end(), U'+', U' ');
  if (text.find(U'%') == npos) return text;
  Text out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] >= 0x80) {
      out += text[i++];
      continue;
    }
    const std::size_t n = run(text, i, [](char32_t c) { return c < 0x80; });
    out += unquote_ascii(View(text).substr(i, n));
    i += n;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// BeautifulSoup(text, "html.parser").text: Python's html.parser (3.11) driving bs4's tree builder

bool is_one_of(View name, std::initializer_list<View> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_void_element(View name) {  // bs4's HTMLTreeBuilder.empty_element_tags
  return is_one_of(name, {U"area", U"base", U"basefont", U"bgsound", U"br", U"col", U"command", U"embed", U"frame",
                          U"hr", U"image", U"img", U"input", U"isindex", U"keygen", U"link", U"menuitem", U"meta",
                          U"nextid", U"param", U"source", U"spacer", U"track", U"wbr"});
}
bool preserves_whitespace(View name) { return is_one_of(name, {U"pre", U"textarea"}); }
// Strings inside these become Script, Stylesheet, TemplateString, RubyText...: not in .text.
bool hides_strings(View name) { return is_one_of(name, {U"rt", U"rp", U"style", U"script", U"template"}); }

enum class StringKind { kText, kCData, kHidden };  // NavigableString, CData, what .text skips

// bs4's BeautifulSoup object, reduced to what .text reads: which strings it makes, and of which class.
class SoupText {
 public:
  void data(View d) {
    current_ += d;
    has_current_ = true;  // bs4 keeps a list: even an empty piece makes a string
  }
  void markup(View d, StringKind kind) {  // comments, doctypes, processing instructions, CDATA
    end_data(StringKind::kText);
    data(d);
    end_data(kind);
  }
  void start_tag(const Text& name, bool self_closing) {
    end_data(StringKind::kText);
    open_.push_back(name);
    preserving_ += preserves_whitespace(name);
    hiding_ += hides_strings(name);
    if (self_closing) {
      close(name);
    } else if (is_void_element(name)) {
      close(name);
      closed_voids_.push_back(name);
    }
  }
  void end_tag(const Text& name) {  // BeautifulSoupHTMLParser.handle_endtag: a void's end tag is skipped once
    const auto it = std::find(closed_voids_.begin(), closed_voids_.end(), name);
    if (it != closed_voids_.end()) closed_voids_.erase(it); else close(name);
  }
  Text finish() {
    end_data(StringKind::kText);
    return text_;
  }

 private:
  void close(const Text& name) {  // BeautifulSoup.handle_endtag: pop to the innermost open tag of that name
    end_data(StringKind::kText);
    const auto it = std::find(open_.rbegin(), open_.rend(), name);
    if (it == open_.rend()) return;
    for (auto popped = std::prev(it.base()); popped != open_.end(); ++popped) {
      preserving_ -= preserves_whitespace(*popped);
      hiding_ -= hides_strings(*popped);
    }
    open_.erase(std::prev(it.base()), open_.end());
  }

  void end_data(StringKind kind) {
    if (!has_current_) return;
    Text d = std::move(current_);
    current_.clear();
    has_current_ = false;
    const bool blank = std::all_of(d.begin(), d.end(), [](char32_t c) {
      return c == U' ' || c == U'\n' || c == U'\t' || c == U'\f' || c == U'\r';
    });
    if (blank && preserving_ == 0) d = d.find(U'\n') != npos ? U"\n" : U" ";
    if (kind == StringKind::kCData || (kind == StringKind::kText && hiding_ == 0)) text_ += d;
  }

  std::vector<Text> open_;          // innermost last; the document itself is not in it
  int preserving_ = 0;              // open <pre> / <textarea>
  int hiding_ = 0;                  // open tags whose strings .text skips
  std::vector<Text> closed_voids_;  // void elements closed at their start tag
  Text current_;
  bool has_current_ = false;
  Text text_;
};

Error rejected_markup(View markup) {
  return Error("clean_caption: Python's HTML parser, which diffusers runs on the prompt, rejects its markup \"" +
               unicode::encode_utf8(markup.substr(0, 20)) + "\" (so does diffusers); edit it or turn clean_caption off");
}

bool is_tag_name_char(char32_t c) {  // tagfind_tolerant: [^\t\n\r\f />\x00]
  return c != U'\t' && c != U'\n' && c != U'\r' && c != U'\f' && c != U' ' && c != U'/' && c != U'>' && c != 0;
}
bool is_end_tag_name_char(char32_t c) {  // endtagfind: [-.a-zA-Z0-9:_]
  return is_ascii_alnum(c) || c == U'-' || c == U'.' || c == U':' || c == U'_';
}
bool is_decl_name_char(char32_t c) { return is_ascii_alnum(c) || c == U'-' || c == U'_' || c == U'.'; }

// re.IGNORECASE on a lowercase ASCII letter: its capital, and the code points whose simple lowercase
// or case folding equivalence lands on it (dotless i, capital I with dot, long s, Kelvin sign).
bool equals_ignoring_case(char32_t c, char32_t letter) {
  return c == letter || c == letter - 32 || (letter == U'i' && (c == 0x130 || c == 0x131)) ||
         (letter == U's' && c == 0x17F) || (letter == U'k' && c == 0x212A);
}

class HtmlParser {
 public:
  explicit HtmlParser(SoupText& soup) : soup_(soup) {}
  void feed(Text data) {
    raw_ = std::move(data);
    goahead(false);
  }
  void close() { goahead(true); }

 private:
  View raw() const { return raw_; }
  View slice(std::size_t from, std::size_t to) const { return raw().substr(from, to - from); }

  void goahead(bool end);
  std::size_t handle_markup(std::size_t i, bool end);
  bool handle_reference(std::size_t& i, bool end);
  std::size_t find_cdata_end(std::size_t i) const;
  std::size_t parse_starttag(std::size_t i);
  std::size_t whole_start_tag_end(std::size_t i) const;
  std::size_t tag_name_end(std::size_t p) const { return p + 1 + run(raw(), p + 1, is_tag_name_char); }
  std::size_t skip_attribute_gap(std::size_t p) const;
  std::size_t attribute_end(std::size_t p) const;
  std::size_t value_end(std::size_t p) const;
  std::size_t value_token_end(std::size_t p) const;
  std::size_t parse_endtag(std::size_t i);
  std::size_t parse_comment(std::size_t i);
  std::size_t parse_pi(std::size_t i);
  std::size_t parse_html_declaration(std::size_t i);
  std::size_t parse_bogus_comment(std::size_t i);
  std::size_t parse_marked_section(std::size_t i);
  std::pair<Text, std::size_t> scan_name(std::size_t i) const;

  Text raw_;         // the text not consumed yet
  Text cdata_elem_;  // "script" or "style" while inside one: only its end tag is markup
  SoupText& soup_;
};

// HTMLParser.goahead; npos from a parse_* function means "not terminated": wait for more text, or at
// the end take the markup as text.
void HtmlParser::goahead(bool end) {
  const std::size_t n = raw_.size();
  std::size_t i = 0;
  while (i < n) {
    std::size_t j;
    if (!cdata_elem_.empty()) {
      j = find_cdata_end(i);
      if (j == npos) break;
    } else {
      j = raw_.find_first_of(U"<&", i);
      if (j == npos) j = n;
    }
    if (i < j) soup_.data(slice(i, j));
    i = j;
    if (i == n) break;
    if (raw_[i] == U'<') {
      const std::size_t k = handle_markup(i, end);
      if (k == npos) break;
      i = k;
    } else if (!handle_reference(i, end)) {
      break;
    }
  }
  if (end && i < n && cdata_elem_.empty()) {
    soup_.data(slice(i, n));
    i = n;
  }
  raw_.erase(0, i);
}

// The markup at raw_[i] == '<'; where to go on, or npos to stop.
std::size_t HtmlParser::handle_markup(std::size_t i, bool end) {
  const std::size_t n = raw_.size();
  std::size_t k;
  if (i + 1 < n && is_ascii_letter(raw_[i + 1])) {
    k = parse_starttag(i);
  } else if (starts_with(raw(), i, U"</")) {
    k = parse_endtag(i);
  } else if (starts_with(raw(), i, U"<!--")) {
    k = parse_comment(i);
  } else if (starts_with(raw(), i, U"<?")) {
    k = parse_pi(i);
  } else if (starts_with(raw(), i, U"<!")) {
    k = parse_html_declaration(i);
  } else if (i + 1 < n) {
    soup_.data(U"<");
    return i + 1;
  } else {
    return npos;
  }
  if (k != npos) return k;
  if (!end) return npos;
  // Unterminated at the end of the text: up to the next '>' (or '<') is text.
  k = raw_.find(U'>', i + 1);
  if (k != npos) {
    ++k;
  } else {
    k = raw_.find(U'<', i + 1);
    if (k == npos) k = i + 1;
  }
  soup_.data(slice(i, k));
  return k;
}

// The reference at raw_[i] == '&' (charref / entityref / incomplete); false to stop.
bool HtmlParser::handle_reference(std::size_t& i, bool end) {
  const View s = raw();
  const std::size_t n = s.size();
  if (starts_with(s, i, U"&#")) {
    // &#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]
    std::size_t p = i + 2, digits = run(s, p, is_ascii_digit);
    if (digits == 0 && (at(s, p) == U'x' || at(s, p) == U'X')) {
      const std::size_t hex = run(s, p + 1, is_hex_digit);
      digits = hex > 0 ? 1 + hex : 0;
    }
    const std::size_t stop = p + digits;
    if (digits > 0 && stop < n && !is_hex_digit(s[stop])) {
      const View name = slice(p, stop);  // bs4's handle_charref
      const bool hex = name[0] == U'x' || name[0] == U'X';
      const std::uint32_t code = parse_number(name.substr(hex ? 1 : 0), hex ? 16 : 10);
      char32_t c = static_cast<char32_t>(code);
      if (code == 0 || code > 0x10FFFF || is_surrogate(code)) c = kReplacement;
      soup_.data(Text(1, windows_1252(c)));
      soup_.data(U"");
      i = s[stop] == U';' ? stop + 1 : stop;
      return true;
    }
    if (s.find(U';', i) != npos) {  // bail by consuming "&#"
      soup_.data(U"&#");
      i += 2;
    }
    return false;
  }
  // &([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]: at the end of the text the name gives back a '-' or '.'.
  if (i + 1 < n && is_ascii_letter(s[i + 1])) {
    const auto name_char = [](char32_t c) { return is_ascii_alnum(c) || c == U'-' || c == U'.'; };
    std::size_t stop = i + 2 + run(s, i + 2, name_char);
    if (stop == n) {
      while (stop > i + 2 && is_ascii_alnum(s[stop - 1])) --stop;
      stop = stop > i + 2 ? stop - 1 : n;
    }
    if (stop < n) {
      const View name = slice(i + 1, stop);
      const auto* r = find_reference(name);  // bs4's handle_entityref
      soup_.data(r ? from_utf8(r->value) : U"&" + Text(name));
      i = s[stop] == U';' ? stop + 1 : stop;
      return true;
    }
    // "incomplete": at the very end "&x" loses its '&' (HTMLParser's quirk); otherwise it stays as text.
    if (end && i + 2 == n) ++i;
    return false;
  }
  if (i + 1 < n) {
    soup_.data(U"&");
    ++i;
    return true;
  }
  return false;
}

// The interesting regex of CDATA mode: </\s*script\s*> (re.I).
std::size_t HtmlParser::find_cdata_end(std::size_t i) const {
  const View s = raw();
  for (std::size_t p = s.find(U"</", i); p != npos; p = s.find(U"</", p + 1)) {
    std::size_t q = p + 2 + run(s, p + 2, is_space);
    bool same = true;
    for (char32_t letter : cdata_elem_) {
      same = q < s.size() && equals_ignoring_case(s[q], letter);
      if (!same) break;
      ++q;
    }
    if (same && at(s, q + run(s, q, is_space)) == U'>') return p;
  }
  return npos;
}

// parse_starttag: a start tag whose attributes parse is a tag; otherwise its text is data.
std::size_t HtmlParser::parse_starttag(std::size_t i) {
  const std::size_t endpos = whole_start_tag_end(i);
  if (endpos == npos) return npos;
  const std::size_t name_end = tag_name_end(i + 1);
  const Text tag = lower(slice(i + 1, name_end));
  std::size_t k = skip_attribute_gap(name_end);
  while (k < endpos) {
    const std::size_t next = attribute_end(k);
    if (next == npos) break;
    k = next;
  }
  const Text rest = k < endpos ? strip(slice(k, endpos)) : Text();
  if (rest != U">" && rest != U"/>") {
    soup_.data(slice(i, endpos));
    return endpos;
  }
  soup_.start_tag(tag, rest == U"/>");
  if (rest == U">" && (tag == U"script" || tag == U"style")) cdata_elem_ = tag;
  return endpos;
}

// check_for_whole_start_tag over locatestarttagend_tolerant.
std::size_t HtmlParser::whole_start_tag_end(std::size_t i) const {
  const View s = raw();
  std::size_t j = tag_name_end(i + 1);
  j += run(s, j, [](char32_t c) { return is_space(c) || c == U'/'; });
  for (std::size_t next; (next = attribute_end(j)) != npos;) j = next;
  j += run(s, j, is_space);
  if (j >= s.size()) return npos;
  const char32_t next = s[j];
  if (next == U'>') return j + 1;
  if (next == U'/') return starts_with(s, j, U"/>") ? j + 2 : npos;
  if (is_ascii_letter(next) || next == U'=') return npos;
  return j > i ? j : i + 1;
}

// (?:\s|/(?!>))*
std::size_t HtmlParser::skip_attribute_gap(std::size_t p) const {
  const View s = raw();
  while (p < s.size() && (is_space(s[p]) || (s[p] == U'/' && at(s, p + 1) != U'>'))) ++p;
  return p;
}

// One attribute of attrfind_tolerant (the same as in locatestarttagend_tolerant, whose extra \s* after
// the value the gap covers): (?<=['"\s/])[^\s/>][^\s/=>]* (\s*=+\s*VALUE)? (?:\s|/(?!>))*
std::size_t HtmlParser::attribute_end(std::size_t p) const {
  const View s = raw();
  if (p == 0 || p >= s.size()) return npos;
  const char32_t before = s[p - 1], first = s[p];
  if (!(before == U'\'' || before == U'"' || before == U'/' || is_space(before))) return npos;
  if (is_space(first) || first == U'/' || first == U'>') return npos;
  std::size_t q = p + 1 + run(s, p + 1, [](char32_t c) {
    return !(is_space(c) || c == U'/' || c == U'=' || c == U'>');
  });
  if (const std::size_t v = value_end(q); v != npos) q = v;
  return skip_attribute_gap(q);
}

// \s*=+\s*VALUE, backtracking over the '=' and the spaces after them as re does.
std::size_t HtmlParser::value_end(std::size_t p) const {
  const View s = raw();
  const std::size_t eq = p + run(s, p, is_space);  // fewer spaces would leave a space where '=' must be
  if (at(s, eq) != U'=') return npos;
  for (std::size_t equals = run(s, eq, [](char32_t c) { return c == U'='; }); equals >= 1; --equals) {
    const std::size_t after = eq + equals;
    for (std::size_t spaces = run(s, after, is_space) + 1; spaces-- > 0;)
      if (const std::size_t v = value_token_end(after + spaces); v != npos) return v;
  }
  return npos;
}

// '[^']*' | "[^"]*" | (?!['"])[^>\s]*
std::size_t HtmlParser::value_token_end(std::size_t p) const {
  const View s = raw();
  const char32_t c = at(s, p);
  if (p < s.size() && (c == U'\'' || c == U'"')) {
    const std::size_t close = s.find(c, p + 1);
    return close != npos ? close + 1 : npos;
  }
  return p + run(s, p, [](char32_t x) { return x != U'>' && !is_space(x); });
}

std::size_t HtmlParser::parse_endtag(std::size_t i) {
  const View s = raw();
  const std::size_t gt = s.find(U'>', i + 1);
  if (gt == npos) return npos;
  // endtagfind: </\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>
  const std::size_t p = i + 2 + run(s, i + 2, is_space);
  if (p < s.size() && is_ascii_letter(s[p])) {
    const std::size_t name_end = p + 1 + run(s, p + 1, is_end_tag_name_char);
    if (at(s, name_end + run(s, name_end, is_space)) == U'>') {
      const Text elem = lower(slice(p, name_end));
      if (!cdata_elem_.empty() && elem != cdata_elem_) {
        soup_.data(slice(i, gt + 1));
        return gt + 1;
      }
      soup_.end_tag(elem);
      cdata_elem_.clear();
      return gt + 1;
    }
  }
  if (!cdata_elem_.empty()) {
    soup_.data(slice(i, gt + 1));
    return gt + 1;
  }
  if (i + 2 < s.size() && is_ascii_letter(s[i + 2])) {  // a name, then anything up to '>' is ignored
    const std::size_t name_end = tag_name_end(i + 2);
    const std::size_t close = s.find(U'>', skip_attribute_gap(name_end));
    soup_.end_tag(lower(slice(i + 2, name_end)));
    return close + 1;
  }
  if (starts_with(s, i, U"</>")) return i + 3;
  return parse_bogus_comment(i);
}

// <!-- ... --\s*>
std::size_t HtmlParser::parse_comment(std::size_t i) {
  const View s = raw();
  for (std::size_t p = s.find(U"--", i + 4); p != npos; p = s.find(U"--", p + 1)) {
    const std::size_t q = p + 2 + run(s, p + 2, is_space);
    if (at(s, q) == U'>') {
      soup_.markup(slice(i + 4, p), StringKind::kHidden);
      return q + 1;
    }
  }
  return npos;
}

std::size_t HtmlParser::parse_pi(std::size_t i) {
  const std::size_t gt = raw_.find(U'>', i + 2);
  if (gt == npos) return npos;
  soup_.markup(slice(i + 2, gt), StringKind::kHidden);
  return gt + 1;
}

std::size_t HtmlParser::parse_html_declaration(std::size_t i) {
  if (starts_with(raw(), i, U"<![")) return parse_marked_section(i);
  if (lower(raw().substr(i, 9)) == U"<!doctype") {
    const std::size_t gt = raw_.find(U'>', i + 9);
    if (gt == npos) return npos;
    soup_.markup(slice(i + 2, gt), StringKind::kHidden);
    return gt + 1;
  }
  return parse_bogus_comment(i);
}

std::size_t HtmlParser::parse_bogus_comment(std::size_t i) {
  const std::size_t gt = raw_.find(U'>', i + 2);
  if (gt == npos) return npos;
  soup_.markup(slice(i + 2, gt), StringKind::kHidden);
  return gt + 1;
}

// _markupbase's _scan_name: [a-zA-Z][-_.a-zA-Z0-9]*\s* (lowercased), npos at the end of the text;
// anything else is the AssertionError bs4 turns into ParserRejectedMarkup.
std::pair<Text, std::size_t> HtmlParser::scan_name(std::size_t i) const {
  const View s = raw();
  if (i == s.size()) return {Text(), npos};
  if (!is_ascii_letter(s[i])) throw rejected_markup(s.substr(i >= 3 ? i - 3 : 0));
  const std::size_t name_end = i + 1 + run(s, i + 1, is_decl_name_char);
  const std::size_t end = name_end + run(s, name_end, is_space);
  if (end == s.size()) return {Text(), npos};
  return {ascii_lower(slice(i, name_end)), end};
}

// <![keyword ... ]]> (or ]> for if / else / endif); bs4 keeps "CDATA[" sections as CData strings.
std::size_t HtmlParser::parse_marked_section(std::size_t i) {
  const View s = raw();
  const auto [keyword, j] = scan_name(i + 3);
  if (j == npos) return npos;
  int brackets;
  if (is_one_of(keyword, {U"temp", U"cdata", U"ignore", U"include", U"rcdata"})) brackets = 2;
  else if (is_one_of(keyword, {U"if", U"else", U"endif"})) brackets = 1;
  else throw rejected_markup(s.substr(i));
  for (std::size_t p = s.find(U']', i + 3); p != npos; p = s.find(U']', p + 1)) {
    std::size_t q = p + 1 + run(s, p + 1, is_space);
    if (brackets == 2) {
      if (at(s, q) != U']') continue;
      q += 1 + run(s, q + 1, is_space);
    }
    if (at(s, q) != U'>') continue;
    const View data = slice(i + 3, p);
    if (ascii_lower(data.substr(0, 6)) == U"cdata[") soup_.markup(data.substr(6), StringKind::kCData);
    else soup_.markup(data, StringKind::kHidden);
    return q + 1;
  }
  return npos;
}

Text html_text(View s) {
  SoupText soup;
  HtmlParser parser(soup);
  parser.feed(Text(s));
  parser.close();
  return soup.finish();
}

// ---------------------------------------------------------------------------------------------------
// ftfy.fix_text (6.3), without fix_encoding's mojibake repair (see the header)

// ftfy's unescape_html: &#?[0-9A-Za-z]{1,24}; where html5 names it with its semicolon, or a numeric
// reference that decodes without leaving a ';'.
std::size_t match_ftfy_entity(View s, std::size_t i) {
  if (s[i] != U'&') return npos;
  const std::size_t p = i + 1 + (at(s, i + 1) == U'#');
  const std::size_t n = run(s, p, is_ascii_alnum);
  return n >= 1 && n <= 24 && at(s, p + n) == U';' ? p + n + 1 : npos;
}

void ftfy_unescape(Text& out, View m) {
  if (m[1] != U'#') {
    const auto* r = find_reference(m.substr(1, m.size() - 2));
    out += r ? from_utf8(r->value) : Text(m);
    return;
  }
  const Text decoded = html_unescape(m);
  out += decoded.find(U';') == npos ? decoded : Text(m);
}

View latin_ligature(char32_t c) {  // ftfy's LIGATURES
  switch (c) {
    case 0x132: return U"IJ";
    case 0x133: return U"ij";
    case 0x149: return U"\u02BCn";
    case 0x1F1: return U"DZ";
    case 0x1F2: return U"Dz";
    case 0x1F3: return U"dz";
    case 0x1C4: return U"D\u017D";
    case 0x1C5: return U"D\u017E";
    case 0x1C6: return U"d\u017E";
    case 0x1C7: return U"LJ";
    case 0x1C8: return U"Lj";
    case 0x1C9: return U"lj";
    case 0x1CA: return U"NJ";
    case 0x1CB: return U"Nj";
    case 0x1CC: return U"nj";
    case 0xFB00: return U"ff";
    case 0xFB01: return U"fi";
    case 0xFB02: return U"fl";
    case 0xFB03: return U"ffi";
    case 0xFB04: return U"ffl";
    case 0xFB05: return U"\u017Ft";
    case 0xFB06: return U"st";
    default: return {};
  }
}

// fix_character_width: the ideographic space and the halfwidth / fullwidth forms, by NFKC.
Text character_width(char32_t c) {
  const auto table = width_map();
  std::size_t lo = 0, hi = table.size() / 3;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (table[3 * mid] < c) lo = mid + 1; else hi = mid;
  }
  if (lo == table.size() / 3 || table[3 * lo] != c) return Text(1, c);
  Text out(1, static_cast<char32_t>(table[3 * lo + 1]));
  if (table[3 * lo + 2] != 0) out += static_cast<char32_t>(table[3 * lo + 2]);
  return out;
}

char32_t uncurl_quote(char32_t c) {
  if (c == 0x2BC || (c >= 0x2018 && c <= 0x201B)) return U'\'';
  return c >= 0x201C && c <= 0x201F ? U'"' : c;
}

// fix_c1_controls, fix_latin_ligatures, fix_character_width and uncurl_quotes: each maps characters
// one by one, so one pass applies them in ftfy's order.
Text fix_characters(View s) {
  Text out;
  out.reserve(s.size());
  for (const char32_t c : s) {
    const char32_t c1 = windows_1252(c);
    const View ligature = latin_ligature(c1);
    for (const char32_t l : ligature.empty() ? View(&c1, 1) : ligature)
      for (const char32_t w : character_width(l)) out += uncurl_quote(w);
  }
  return out;
}

Text fix_line_breaks(View s) {
  Text out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (c == U'\r' && at(s, i + 1) == U'\n') continue;  // "\r\n" -> "\n"
    out += c == U'\r' || c == 0x2028 || c == 0x2029 || c == 0x85 ? U'\n' : c;
  }
  return out;
}

// \033\[((?:\d|;)*)([a-zA-Z])
std::size_t match_terminal_escape(View s, std::size_t i) {
  if (s[i] != 0x1B || at(s, i + 1) != U'[') return npos;
  const std::size_t e = i + 2 + run(s, i + 2, [](char32_t c) { return is_decimal(c) || c == U';'; });
  return e < s.size() && is_ascii_letter(s[e]) ? e + 1 : npos;
}

bool is_unwanted_control(char32_t c) {  // remove_control_chars
  return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F || (c >= 0x206A && c <= 0x206F) ||
         c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFC);
}

// fix_and_explain: the fixers in ftfy's order until nothing changes.
Text fix_segment(Text text, bool unescape) {
  for (;;) {
    const Text before = text;
    if (unescape) text = substitute_with(text, match_ftfy_entity, ftfy_unescape);
    text = fix_line_breaks(fix_characters(text));
    text = without(substitute(text, match_terminal_escape, U""), is_unwanted_control);
    text = unicode::nfc(text);
    if (text == before) return text;
  }
}

// fix_text works line by line; "auto" HTML unescaping stops for good at the first line holding a '<'.
Text fix_text(View s) {
  constexpr std::size_t kMaxDecodeLength = 1000000;
  Text out;
  bool unescape = true;
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t newline = s.find(U'\n', pos);
    std::size_t stop = newline == npos ? s.size() : newline + 1;
    stop = std::min(stop, pos + kMaxDecodeLength);
    const View segment = s.substr(pos, stop - pos);
    if (segment.find(U'<') != npos) unescape = false;
    out += fix_segment(Text(segment), unescape);
    pos = stop;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// _clean_caption's regexes, in its order

// \b((?:https?:(?:\/{1,3}|[a-zA-Z0-9%])|[a-zA-Z0-9.\-]+[.](?:com|co|ru|net|org|edu|gov|it)[\w/-]*\b\/?(?!@)))
// and the same with "www:" for "https?:".
std::size_t match_scheme(View s, std::size_t i, bool www) {
  std::size_t p = i;
  if (www) {
    if (!starts_with(s, p, U"www:")) return npos;
    p += 4;
  } else {
    if (!starts_with(s, p, U"http")) return npos;
    p += 4;
    if (at(s, p) == U's') ++p;
    if (at(s, p) != U':') return npos;
    ++p;
  }
  const std::size_t slashes = std::min<std::size_t>(run(s, p, [](char32_t c) { return c == U'/'; }), 3);
  if (slashes > 0) return p + slashes;
  return p < s.size() && (is_ascii_alnum(s[p]) || s[p] == U'%') ? p + 1 : npos;
}

// [\w/-]*\b\/?(?!@) after the domain, the longest first.
std::size_t match_url_path(View s, std::size_t p) {
  const auto path_char = [](char32_t c) { return is_word(c) || c == U'/' || c == U'-'; };
  for (std::size_t k = run(s, p, path_char) + 1; k-- > 0;) {
    const std::size_t e = p + k;
    if (!at_boundary(s, e)) continue;
    if (at(s, e) == U'/' && at(s, e + 1) != U'@') return e + 1;
    if (at(s, e) != U'@') return e;
  }
  return npos;
}

// The URL regex above: what follows a dot (a known domain, then its path) does not depend on where
// the match started, so it is worked out once per dot.
class UrlMatcher {
 public:
  explicit UrlMatcher(bool www) : www_(www) {}

  std::size_t operator()(View s, std::size_t i) {
    if (!at_boundary(s, i)) return npos;
    if (const std::size_t e = match_scheme(s, i, www_); e != npos) return e;
    if (after_dot_.empty()) after_dot_.assign(s.size(), kUnknown);
    const auto host_char = [](char32_t c) { return is_ascii_alnum(c) || c == U'.' || c == U'-'; };
    for (std::size_t k = run(s, i, host_char); k >= 1; --k)  // [a-zA-Z0-9.\-]+ gives back from its end
      if (const std::size_t e = domain_end(s, i + k); e != npos) return e;
    return npos;
  }

 private:
  static constexpr std::size_t kUnknown = npos - 1;

  std::size_t domain_end(View s, std::size_t dot) {
    if (at(s, dot) != U'.') return npos;
    std::size_t& end = after_dot_[dot];
    if (end != kUnknown) return end;
    static constexpr std::array<View, 8> kDomains = {U"com", U"co", U"ru", U"net", U"org", U"edu", U"gov", U"it"};
    end = npos;
    for (const View domain : kDomains) {
      if (!starts_with(s, dot + 1, domain)) continue;
      end = match_url_path(s, dot + 1 + domain.size());
      if (end != npos) break;
    }
    return end;
  }

  bool www_;
  std::vector<std::size_t> after_dot_;  // per position of a '.', where the match ends (npos: nowhere)
};

std::size_t match_nickname(View s, std::size_t i) {  // @[\w\d]+\b
  const std::size_t n = s[i] == U'@' ? run(s, i + 1, is_word) : 0;
  return n > 0 ? i + 1 + n : npos;
}

bool is_cjk(char32_t c) { return c >= 0x31C0 && c <= 0x9FFF; }  // the seven blocks, contiguous

bool is_dash(char32_t c) {
  return c == 0x2D || c == 0x58A || c == 0x5BE || c == 0x1400 || c == 0x1806 || (c >= 0x2010 && c <= 0x2015) ||
         c == 0x2E17 || c == 0x2E1A || c == 0x2E3A || c == 0x2E3B || c == 0x2E40 || c == 0x301C || c == 0x3030 ||
         c == 0x30A0 || c == 0xFE31 || c == 0xFE32 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D;
}

char32_t standard_quote(char32_t c) {
  if (c == U'`' || c == 0xB4 || c == 0xAB || c == 0xBB || c == 0x201C || c == 0x201D || c == 0xA8) return U'"';
  return c == 0x2018 || c == 0x2019 ? U'\'' : c;
}

std::size_t match_quot(View s, std::size_t i) {  // &quot;?
  if (!starts_with(s, i, U"&quot")) return npos;
  return at(s, i + 5) == U';' ? i + 6 : i + 5;
}

// \d{1,3} followed by `more` groups of \.\d{1,3}, backtracking as re does.
std::size_t ip_groups(View s, std::size_t p, int more) {
  std::size_t digits = 0;
  while (digits < 3 && p + digits < s.size() && is_decimal(s[p + digits])) ++digits;
  for (std::size_t k = digits; k >= 1; --k) {
    if (more == 0) return p + k;
    if (at(s, p + k) != U'.') continue;
    if (const std::size_t e = ip_groups(s, p + k + 1, more - 1); e != npos) return e;
  }
  return npos;
}

std::size_t match_ip(View s, std::size_t i) { return ip_groups(s, i, 3); }

bool at_end(View s, std::size_t e) {  // re's $ without MULTILINE
  return e == s.size() || (e + 1 == s.size() && s[e] == U'\n');
}

std::size_t match_article_id(View s, std::size_t i) {  // \d:\d\d\s+$
  if (!(is_decimal(s[i]) && at(s, i + 1) == U':' && i + 3 < s.size() && is_decimal(s[i + 2]) && is_decimal(s[i + 3])))
    return npos;
  for (std::size_t k = run(s, i + 4, is_space); k >= 1; --k)
    if (at_end(s, i + 4 + k)) return i + 4 + k;
  return npos;
}

// #\d{1,3}\b and #\d{5,}\b: a digit run can only end at \b where the run itself ends.
auto hashtag(std::size_t min, std::size_t max) {
  return [min, max](View s, std::size_t i) {
    const std::size_t n = s[i] == U'#' ? run(s, i + 1, is_decimal) : 0;
    return n >= min && n <= max && !word_at(s, i + 1 + n) ? i + 1 + n : npos;
  };
}

std::size_t match_long_number(View s, std::size_t i) {  // \b\d{6,}\b
  if (!at_boundary(s, i)) return npos;
  const std::size_t n = run(s, i, is_decimal);
  return n >= 6 && !word_at(s, i + n) ? i + n : npos;
}

constexpr std::array<View, 9> kFileTypes = {U"png", U"jpg", U"jpeg", U"bmp", U"webp", U"eps", U"pdf", U"apk", U"mp4"};

std::size_t file_type_at(View s, std::size_t i) {
  for (const View type : kFileTypes)
    if (starts_with(s, i, type)) return type.size();
  return 0;
}

bool is_not_space(char32_t c) { return !is_space(c); }

// [\S]+\.(?:png|...): a match starts where a run of non-spaces does, when a ".type" comes later in the
// run, and ends after the last one (\S+ backtracks from the end of the run); what is left of the run
// holds no ".type" any more, so each run is decided once.
Text remove_file_names(View s) {
  Text out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (is_space(s[i])) {
      out += s[i++];
      continue;
    }
    const std::size_t end = i + run(s, i, is_not_space);
    std::size_t cut = i;
    for (std::size_t dot = end; dot-- > i + 1;) {
      const std::size_t type = s[dot] == U'.' ? file_type_at(s, dot + 1) : 0;
      if (type > 0) {
        cut = dot + 1 + type;
        break;
      }
    }
    out += s.substr(cut, end - cut);
    i = end;
  }
  return out;
}

bool is_bad_punctuation(char32_t c) {  // IFPipeline.bad_punct_regex
  static constexpr View kSet = U"#\u00AE\u2022\u00A9\u2122&@\u00B7\u00BA\u00BD\u00BE\u00BF\u00A1\u00A7~)(][}{|\\/*";
  return kSet.find(c) != npos;
}

std::size_t match_spaced_dot(View s, std::size_t i) {  // \s+\.\s+
  const std::size_t a = run(s, i, is_space);
  if (a == 0 || at(s, i + a) != U'.') return npos;
  const std::size_t b = run(s, i + a + 1, is_space);
  return b > 0 ? i + a + 1 + b : npos;
}

Text split_separators(View s) {  // more than three '-' / '_': they separate words
  if (std::count_if(s.begin(), s.end(), [](char32_t c) { return c == U'-' || c == U'_'; }) <= 3) return Text(s);
  return map_chars(s, [](char32_t c) { return c == U'-' || c == U'_' ? U' ' : c; });
}

// Runs of ASCII letters and digits after a \b, kind by kind, ending at \b: the classes alternate, so
// each run is taken whole (re's backtracking into them cannot succeed).
using CharClass = bool (*)(char32_t);
std::size_t match_runs(View s, std::size_t i, std::initializer_list<CharClass> kinds) {
  if (!at_boundary(s, i)) return npos;
  std::size_t p = i;
  for (const CharClass kind : kinds) {
    const std::size_t n = run(s, p, kind);
    if (n == 0) return npos;
    p += n;
  }
  return word_at(s, p) ? npos : p;
}

std::size_t match_code(View s, std::size_t i) {  // \b[a-zA-Z]{1,3}\d{3,15}\b (jc6640)
  const std::size_t letters = at_boundary(s, i) ? run(s, i, is_ascii_letter) : 0;
  if (letters < 1 || letters > 3) return npos;
  const std::size_t digits = run(s, i + letters, is_decimal);
  const std::size_t e = i + letters + digits;
  return digits >= 3 && digits <= 15 && !word_at(s, e) ? e : npos;
}

std::size_t match_letters_digits_letters(View s, std::size_t i) {  // \b[a-zA-Z]+\d+[a-zA-Z]+\b
  return match_runs(s, i, {is_ascii_letter, is_decimal, is_ascii_letter});
}

std::size_t match_digits_letters_digits(View s, std::size_t i) {  // \b\d+[a-zA-Z]+\d+\b
  return match_runs(s, i, {is_decimal, is_ascii_letter, is_decimal});
}

// \b\d*[a-zA-Z]+\d+[a-zA-Z]+\d+[a-zA-Z\d]*\b (j2d1a2a)
std::size_t match_serial(View s, std::size_t i) {
  if (!at_boundary(s, i)) return npos;
  std::size_t p = i + run(s, i, is_decimal);
  for (const CharClass kind : {is_ascii_letter, is_decimal, is_ascii_letter, is_decimal}) {
    const std::size_t n = run(s, p, kind);
    if (n == 0) return npos;
    p += n;
  }
  p += run(s, p, is_ascii_letter_or_decimal);
  return word_at(s, p) ? npos : p;
}

// "word" followed by one or more spaces, or npos.
std::size_t word_then_spaces(View s, std::size_t i, View word) {
  if (!starts_with(s, i, word)) return npos;
  const std::size_t n = run(s, i + word.size(), is_space);
  return n > 0 ? i + word.size() + n : npos;
}

std::size_t match_shipping(View s, std::size_t i) {  // (worldwide\s+)?(free\s+)?shipping
  for (const bool worldwide : {true, false}) {
    const std::size_t p = worldwide ? word_then_spaces(s, i, U"worldwide") : i;
    if (p == npos) continue;
    for (const bool free : {true, false}) {
      const std::size_t q = free ? word_then_spaces(s, p, U"free") : p;
      if (q != npos && starts_with(s, q, U"shipping")) return q + 8;
    }
  }
  return npos;
}

std::size_t match_download(View s, std::size_t i) {  // (free\s)?download(\sfree)?
  for (const bool free : {true, false}) {
    const std::size_t p = free ? i + 5 : i;
    if (free && !(starts_with(s, i, U"free") && i + 4 < s.size() && is_space(s[i + 4]))) continue;
    if (!starts_with(s, p, U"download")) continue;
    const std::size_t e = p + 8;
    return e < s.size() && is_space(s[e]) && starts_with(s, e + 1, U"free") ? e + 5 : e;
  }
  return npos;
}

std::size_t match_click(View s, std::size_t i) {  // \bclick\b\s(?:for|on)\s\w+
  if (!at_boundary(s, i) || !starts_with(s, i, U"click") || word_at(s, i + 5) || !is_space(at(s, i + 5)))
    return npos;
  std::size_t p = i + 6;
  if (starts_with(s, p, U"for")) p += 3;
  else if (starts_with(s, p, U"on")) p += 2;
  else return npos;
  if (p >= s.size() || !is_space(s[p])) return npos;
  const std::size_t n = run(s, p + 1, is_word);
  return n > 0 ? p + 1 + n : npos;
}

std::size_t match_file_type_word(View s, std::size_t i) {  // \b(?:png|...)(\simage[s]?)?
  const std::size_t type = at_boundary(s, i) ? file_type_at(s, i) : 0;
  if (type == 0) return npos;
  std::size_t e = i + type;
  if (e < s.size() && is_space(s[e]) && starts_with(s, e + 1, U"image")) {
    e += 6;
    if (at(s, e) == U's') ++e;
  }
  return e;
}

std::size_t match_page(View s, std::size_t i) {  // \bpage\s+\d+\b
  const std::size_t p = at_boundary(s, i) ? word_then_spaces(s, i, U"page") : npos;
  if (p == npos) return npos;
  const std::size_t n = run(s, p, is_decimal);
  return n > 0 && !word_at(s, p + n) ? p + n : npos;
}

bool is_times(char32_t c) { return c == U'x' || c == 0x445 || c == 0xD7; }  // x, Cyrillic х, ×

// \d+\.?\d*\b after the times sign. A shorter \d+ only moves the end inside the digits, where \b
// cannot hold, so the first digit run is taken whole.
std::size_t dimension_end(View s, std::size_t p) {
  const std::size_t digits = run(s, p, is_decimal);
  if (digits == 0) return npos;
  const std::size_t q = p + digits;
  if (at(s, q) == U'.') {
    for (std::size_t k = run(s, q + 1, is_decimal) + 1; k-- > 0;)
      if (at_boundary(s, q + 1 + k)) return q + 1 + k;
  }
  return at_boundary(s, q) ? q : npos;
}

std::size_t match_dimensions(View s, std::size_t i) {  // \b\d+\.?\d*[xх×]\d+\.?\d*\b
  if (!at_boundary(s, i)) return npos;
  const std::size_t digits = run(s, i, is_decimal);
  if (digits == 0) return npos;
  std::size_t p = i + digits;
  if (at(s, p) == U'.') p += 1 + run(s, p + 1, is_decimal);
  return p < s.size() && is_times(s[p]) ? dimension_end(s, p + 1) : npos;
}

std::size_t match_spaced_colon(View s, std::size_t i) {  // \b\s+\:\s+
  if (!at_boundary(s, i)) return npos;
  const std::size_t a = run(s, i, is_space);
  if (a == 0 || at(s, i + a) != U':') return npos;
  const std::size_t b = run(s, i + a + 1, is_space);
  return b > 0 ? i + a + 1 + b : npos;
}

std::size_t match_punctuation_before_word(View s, std::size_t i) {  // (\D[,\./])\b
  if (i + 2 >= s.size() || is_decimal(s[i])) return npos;
  const char32_t p = s[i + 1];
  return (p == U',' || p == U'.' || p == U'/') && is_word(s[i + 2]) ? i + 2 : npos;
}

bool is_quote(char32_t c) { return c == U'"' || c == U'\''; }

Text unwrap_quotes(View s) {  // ^[\"\']([\w\W]+)[\"\']$ -> \1
  if (s.empty() || !is_quote(s[0])) return Text(s);
  for (std::size_t e = s.size() - 1; e >= 2; --e)  // the closing quote, the last one first
    if (is_quote(s[e]) && at_end(s, e + 1)) return Text(s.substr(1, e - 1)) + Text(s.substr(e + 1));
  return Text(s);
}

Text trim_punctuation(Text s) {
  if (!s.empty() && View(U"'_,-:;").find(s[0]) != npos) s.erase(0, 1);  // ^[\'\_,\-\:;]
  for (std::size_t e = s.size(); e-- > 0 && e + 2 >= s.size();) {     // [\'\_,\-\:\-\+]$
    if (View(U"'_,-:+").find(s[e]) != npos && at_end(s, e + 1)) {
      s.erase(e, 1);
      break;
    }
  }
  if (!s.empty() && s[0] == U'.') {  // ^\.\S+$
    const std::size_t n = run(s, 1, is_not_space);
    if (n > 0 && at_end(s, 1 + n)) s.erase(0, 1 + n);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------------
// IFPipeline._clean_caption, one pass

Text remove_links_and_markup(View caption) {
  Text s = unquote_plus(caption);
  s = lower(strip(s));
  s = substitute(s, literal(U"<person>"), U"person");
  s = substitute(s, UrlMatcher(false), U"");
  s = substitute(s, UrlMatcher(true), U"");
  s = html_text(s);
  s = substitute(s, match_nickname, U"");
  return without(s, is_cjk);
}

Text normalize_punctuation(View caption) {
  Text s = substitute(caption, run_of(is_dash, 1), U"-");
  s = map_chars(s, standard_quote);
  s = substitute(s, match_quot, U"");
  s = substitute(s, literal(U"&amp"), U"");
  s = substitute(s, match_ip, U" ");
  s = substitute(s, match_article_id, U"");
  s = substitute(s, literal(U"\\n"), U" ");
  s = substitute(s, hashtag(1, 3), U"");
  s = substitute(s, hashtag(5, npos), U"");
  s = substitute(s, match_long_number, U"");
  s = remove_file_names(s);
  s = substitute(s, run_of(is_quote, 2), U"\"");
  s = substitute(s, run_of([](char32_t c) { return c == U'.'; }, 2), U" ");
  s = substitute(s, run_of(is_bad_punctuation, 1), U" ");
  s = substitute(s, match_spaced_dot, U" ");
  return split_separators(s);
}

Text remove_listing_noise(View caption) {
  Text s = substitute(caption, match_code, U"");
  s = substitute(s, match_letters_digits_letters, U"");
  s = substitute(s, match_digits_letters_digits, U"");
  s = substitute(s, match_shipping, U"");
  s = substitute(s, match_download, U"");
  s = substitute(s, match_click, U"");
  s = substitute(s, match_file_type_word, U"");
  s = substitute(s, match_page, U"");
  s = substitute(s, match_serial, U" ");
  s = substitute(s, match_dimensions, U"");
  s = substitute(s, match_spaced_colon, U": ");
  s = substitute_with(s, match_punctuation_before_word, [](Text& out, View m) {
    out += m;
    out += U' ';
  });
  return substitute(s, run_of(is_space, 1), U" ");
}

Text clean_caption(View caption) {
  Text s = normalize_punctuation(remove_links_and_markup(caption));
  s = fix_text(s);
  s = html_unescape(html_unescape(s));
  s = remove_listing_noise(s);
  return strip(trim_punctuation(unwrap_quotes(s)));
}

}  // namespace

std::string if_prompt_text(const std::string& prompt, bool clean) {
  const Text text = unicode::decode_utf8(prompt);
  if (!clean) return unicode::encode_utf8(strip(lower(text)));
  return unicode::encode_utf8(clean_caption(clean_caption(text)));
}

namespace {

// GENERATED by `python tests/fixtures/caption_fixture.py --tables` (Python 3.11.7, Unicode 14.0.0) -- do not edit;
// re-run it and replace the block. test_caption_cleanup checks it against Python at test time.
// [first, last] pairs of str.isdecimal() (re's \d)
constexpr std::uint32_t kDecimalRanges[] = {
   0x30,0x39,0x660,0x669,0x6F0,0x6F9,0x7C0,0x7C9,0x966,0x96F,0x9E6,0x9EF,0xA66,0xA6F,0xAE6,0xAEF,0xB66,0xB6F,
   0xBE6,0xBEF,0xC66,0xC6F,0xCE6,0xCEF,0xD66,0xD6F,0xDE6,0xDEF,0xE50,0xE59,0xED0,0xED9,0xF20,0xF29,0x1040,
   0x1049,0x1090,0x1099,0x17E0,0x17E9,0x1810,0x1819,0x1946,0x194F,0x19D0,0x19D9,0x1A80,0x1A89,0x1A90,0x1A99,
   0x1B50,0x1B59,0x1BB0,0x1BB9,0x1C40,0x1C49,0x1C50,0x1C59,0xA620,0xA629,0xA8D0,0xA8D9,0xA900,0xA909,0xA9D0,
   0xA9D9,0xA9F0,0xA9F9,0xAA50,0xAA59,0xABF0,0xABF9,0xFF10,0xFF19,0x104A0,0x104A9,0x10D30,0x10D39,0x11066,
   0x1106F,0x110F0,0x110F9,0x11136,0x1113F,0x111D0,0x111D9,0x112F0,0x112F9,0x11450,0x11459,0x114D0,0x114D9,
   0x11650,0x11659,0x116C0,0x116C9,0x11730,0x11739,0x118E0,0x118E9,0x11950,0x11959,0x11C50,0x11C59,0x11D50,
   0x11D59,0x11DA0,0x11DA9,0x16A60,0x16A69,0x16AC0,0x16AC9,0x16B50,0x16B59,0x1D7CE,0x1D7FF,0x1E140,0x1E149,
   0x1E2F0,0x1E2F9,0x1E950,0x1E959,0x1FBF0,0x1FBF9,
};
// [first, last] pairs of Unicode's Cased (str.lower()'s final sigma)
constexpr std::uint32_t kCasedRanges[] = {
   0x41,0x5A,0x61,0x7A,0xAA,0xAA,0xB5,0xB5,0xBA,0xBA,0xC0,0xD6,0xD8,0xF6,0xF8,0x1BA,0x1BC,0x1BF,0x1C4,0x293,
   0x295,0x2B8,0x2C0,0x2C1,0x2E0,0x2E4,0x345,0x345,0x370,0x373,0x376,0x377,0x37A,0x37D,0x37F,0x37F,0x386,0x386,
   0x388,0x38A,0x38C,0x38C,0x38E,0x3A1,0x3A3,0x3F5,0x3F7,0x481,0x48A,0x52F,0x531,0x556,0x560,0x588,0x10A0,
   0x10C5,0x10C7,0x10C7,0x10CD,0x10CD,0x10D0,0x10FA,0x10FD,0x10FF,0x13A0,0x13F5,0x13F8,0x13FD,0x1C80,0x1C88,
   0x1C90,0x1CBA,0x1CBD,0x1CBF,0x1D00,0x1DBF,0x1E00,0x1F15,0x1F18,0x1F1D,0x1F20,0x1F45,0x1F48,0x1F4D,0x1F50,
   0x1F57,0x1F59,0x1F59,0x1F5B,0x1F5B,0x1F5D,0x1F5D,0x1F5F,0x1F7D,0x1F80,0x1FB4,0x1FB6,0x1FBC,0x1FBE,0x1FBE,
   0x1FC2,0x1FC4,0x1FC6,0x1FCC,0x1FD0,0x1FD3,0x1FD6,0x1FDB,0x1FE0,0x1FEC,0x1FF2,0x1FF4,0x1FF6,0x1FFC,0x2071,
   0x2071,0x207F,0x207F,0x2090,0x209C,0x2102,0x2102,0x2107,0x2107,0x210A,0x2113,0x2115,0x2115,0x2119,0x211D,
   0x2124,0x2124,0x2126,0x2126,0x2128,0x2128,0x212A,0x212D,0x212F,0x2134,0x2139,0x2139,0x213C,0x213F,0x2145,
   0x2149,0x214E,0x214E,0x2160,0x217F,0x2183,0x2184,0x24B6,0x24E9,0x2C00,0x2CE4,0x2CEB,0x2CEE,0x2CF2,0x2CF3,
   0x2D00,0x2D25,0x2D27,0x2D27,0x2D2D,0x2D2D,0xA640,0xA66D,0xA680,0xA69D,0xA722,0xA787,0xA78B,0xA78E,0xA790,
   0xA7CA,0xA7D0,0xA7D1,0xA7D3,0xA7D3,0xA7D5,0xA7D9,0xA7F5,0xA7F6,0xA7F8,0xA7FA,0xAB30,0xAB5A,0xAB5C,0xAB68,
   0xAB70,0xABBF,0xFB00,0xFB06,0xFB13,0xFB17,0xFF21,0xFF3A,0xFF41,0xFF5A,0x10400,0x1044F,0x104B0,0x104D3,
   0x104D8,0x104FB,0x10570,0x1057A,0x1057C,0x1058A,0x1058C,0x10592,0x10594,0x10595,0x10597,0x105A1,0x105A3,
   0x105B1,0x105B3,0x105B9,0x105BB,0x105BC,0x10780,0x10780,0x10783,0x10785,0x10787,0x107B0,0x107B2,0x107BA,
   0x10C80,0x10CB2,0x10CC0,0x10CF2,0x118A0,0x118DF,0x16E40,0x16E7F,0x1D400,0x1D454,0x1D456,0x1D49C,0x1D49E,
   0x1D49F,0x1D4A2,0x1D4A2,0x1D4A5,0x1D4A6,0x1D4A9,0x1D4AC,0x1D4AE,0x1D4B9,0x1D4BB,0x1D4BB,0x1D4BD,0x1D4C3,
   0x1D4C5,0x1D505,0x1D507,0x1D50A,0x1D50D,0x1D514,0x1D516,0x1D51C,0x1D51E,0x1D539,0x1D53B,0x1D53E,0x1D540,
   0x1D544,0x1D546,0x1D546,0x1D54A,0x1D550,0x1D552,0x1D6A5,0x1D6A8,0x1D6C0,0x1D6C2,0x1D6DA,0x1D6DC,0x1D6FA,
   0x1D6FC,0x1D714,0x1D716,0x1D734,0x1D736,0x1D74E,0x1D750,0x1D76E,0x1D770,0x1D788,0x1D78A,0x1D7A8,0x1D7AA,
   0x1D7C2,0x1D7C4,0x1D7CB,0x1DF00,0x1DF09,0x1DF0B,0x1DF1E,0x1E900,0x1E943,0x1F130,0x1F149,0x1F150,0x1F169,
   0x1F170,0x1F189,
};
// [first, last] pairs of Unicode's Case_Ignorable (the same)
constexpr std::uint32_t kCaseIgnorableRanges[] = {
   0x27,0x27,0x2E,0x2E,0x3A,0x3A,0x5E,0x5E,0x60,0x60,0xA8,0xA8,0xAD,0xAD,0xAF,0xAF,0xB4,0xB4,0xB7,0xB8,0x2B0,
   0x36F,0x374,0x375,0x37A,0x37A,0x384,0x385,0x387,0x387,0x483,0x489,0x559,0x559,0x55F,0x55F,0x591,0x5BD,0x5BF,
   0x5BF,0x5C1,0x5C2,0x5C4,0x5C5,0x5C7,0x5C7,0x5F4,0x5F4,0x600,0x605,0x610,0x61A,0x61C,0x61C,0x640,0x640,0x64B,
   0x65F,0x670,0x670,0x6D6,0x6DD,0x6DF,0x6E8,0x6EA,0x6ED,0x70F,0x70F,0x711,0x711,0x730,0x74A,0x7A6,0x7B0,0x7EB,
   0x7F5,0x7FA,0x7FA,0x7FD,0x7FD,0x816,0x82D,0x859,0x85B,0x888,0x888,0x890,0x891,0x898,0x89F,0x8C9,0x902,0x93A,
   0x93A,0x93C,0x93C,0x941,0x948,0x94D,0x94D,0x951,0x957,0x962,0x963,0x971,0x971,0x981,0x981,0x9BC,0x9BC,0x9C1,
   0x9C4,0x9CD,0x9CD,0x9E2,0x9E3,0x9FE,0x9FE,0xA01,0xA02,0xA3C,0xA3C,0xA41,0xA42,0xA47,0xA48,0xA4B,0xA4D,0xA51,
   0xA51,0xA70,0xA71,0xA75,0xA75,0xA81,0xA82,0xABC,0xABC,0xAC1,0xAC5,0xAC7,0xAC8,0xACD,0xACD,0xAE2,0xAE3,0xAFA,
   0xAFF,0xB01,0xB01,0xB3C,0xB3C,0xB3F,0xB3F,0xB41,0xB44,0xB4D,0xB4D,0xB55,0xB56,0xB62,0xB63,0xB82,0xB82,0xBC0,
   0xBC0,0xBCD,0xBCD,0xC00,0xC00,0xC04,0xC04,0xC3C,0xC3C,0xC3E,0xC40,0xC46,0xC48,0xC4A,0xC4D,0xC55,0xC56,0xC62,
   0xC63,0xC81,0xC81,0xCBC,0xCBC,0xCBF,0xCBF,0xCC6,0xCC6,0xCCC,0xCCD,0xCE2,0xCE3,0xD00,0xD01,0xD3B,0xD3C,0xD41,
   0xD44,0xD4D,0xD4D,0xD62,0xD63,0xD81,0xD81,0xDCA,0xDCA,0xDD2,0xDD4,0xDD6,0xDD6,0xE31,0xE31,0xE34,0xE3A,0xE46,
   0xE4E,0xEB1,0xEB1,0xEB4,0xEBC,0xEC6,0xEC6,0xEC8,0xECD,0xF18,0xF19,0xF35,0xF35,0xF37,0xF37,0xF39,0xF39,0xF71,
   0xF7E,0xF80,0xF84,0xF86,0xF87,0xF8D,0xF97,0xF99,0xFBC,0xFC6,0xFC6,0x102D,0x1030,0x1032,0x1037,0x1039,0x103A,
   0x103D,0x103E,0x1058,0x1059,0x105E,0x1060,0x1071,0x1074,0x1082,0x1082,0x1085,0x1086,0x108D,0x108D,0x109D,
   0x109D,0x10FC,0x10FC,0x135D,0x135F,0x1712,0x1714,0x1732,0x1733,0x1752,0x1753,0x1772,0x1773,0x17B4,0x17B5,
   0x17B7,0x17BD,0x17C6,0x17C6,0x17C9,0x17D3,0x17D7,0x17D7,0x17DD,0x17DD,0x180B,0x180F,0x1843,0x1843,0x1885,
   0x1886,0x18A9,0x18A9,0x1920,0x1922,0x1927,0x1928,0x1932,0x1932,0x1939,0x193B,0x1A17,0x1A18,0x1A1B,0x1A1B,
   0x1A56,0x1A56,0x1A58,0x1A5E,0x1A60,0x1A60,0x1A62,0x1A62,0x1A65,0x1A6C,0x1A73,0x1A7C,0x1A7F,0x1A7F,0x1AA7,
   0x1AA7,0x1AB0,0x1ACE,0x1B00,0x1B03,0x1B34,0x1B34,0x1B36,0x1B3A,0x1B3C,0x1B3C,0x1B42,0x1B42,0x1B6B,0x1B73,
   0x1B80,0x1B81,0x1BA2,0x1BA5,0x1BA8,0x1BA9,0x1BAB,0x1BAD,0x1BE6,0x1BE6,0x1BE8,0x1BE9,0x1BED,0x1BED,0x1BEF,
   0x1BF1,0x1C2C,0x1C33,0x1C36,0x1C37,0x1C78,0x1C7D,0x1CD0,0x1CD2,0x1CD4,0x1CE0,0x1CE2,0x1CE8,0x1CED,0x1CED,
   0x1CF4,0x1CF4,0x1CF8,0x1CF9,0x1D2C,0x1D6A,0x1D78,0x1D78,0x1D9B,0x1DFF,0x1FBD,0x1FBD,0x1FBF,0x1FC1,0x1FCD,
   0x1FCF,0x1FDD,0x1FDF,0x1FED,0x1FEF,0x1FFD,0x1FFE,0x200B,0x200F,0x2018,0x2019,0x2024,0x2024,0x2027,0x2027,
   0x202A,0x202E,0x2060,0x2064,0x2066,0x206F,0x2071,0x2071,0x207F,0x207F,0x2090,0x209C,0x20D0,0x20F0,0x2C7C,
   0x2C7D,0x2CEF,0x2CF1,0x2D6F,0x2D6F,0x2D7F,0x2D7F,0x2DE0,0x2DFF,0x2E2F,0x2E2F,0x3005,0x3005,0x302A,0x302D,
   0x3031,0x3035,0x303B,0x303B,0x3099,0x309E,0x30FC,0x30FE,0xA015,0xA015,0xA4F8,0xA4FD,0xA60C,0xA60C,0xA66F,
   0xA672,0xA674,0xA67D,0xA67F,0xA67F,0xA69C,0xA69F,0xA6F0,0xA6F1,0xA700,0xA721,0xA770,0xA770,0xA788,0xA78A,
   0xA7F2,0xA7F4,0xA7F8,0xA7F9,0xA802,0xA802,0xA806,0xA806,0xA80B,0xA80B,0xA825,0xA826,0xA82C,0xA82C,0xA8C4,
   0xA8C5,0xA8E0,0xA8F1,0xA8FF,0xA8FF,0xA926,0xA92D,0xA947,0xA951,0xA980,0xA982,0xA9B3,0xA9B3,0xA9B6,0xA9B9,
   0xA9BC,0xA9BD,0xA9CF,0xA9CF,0xA9E5,0xA9E6,0xAA29,0xAA2E,0xAA31,0xAA32,0xAA35,0xAA36,0xAA43,0xAA43,0xAA4C,
   0xAA4C,0xAA70,0xAA70,0xAA7C,0xAA7C,0xAAB0,0xAAB0,0xAAB2,0xAAB4,0xAAB7,0xAAB8,0xAABE,0xAABF,0xAAC1,0xAAC1,
   0xAADD,0xAADD,0xAAEC,0xAAED,0xAAF3,0xAAF4,0xAAF6,0xAAF6,0xAB5B,0xAB5F,0xAB69,0xAB6B,0xABE5,0xABE5,0xABE8,
   0xABE8,0xABED,0xABED,0xFB1E,0xFB1E,0xFBB2,0xFBC2,0xFE00,0xFE0F,0xFE13,0xFE13,0xFE20,0xFE2F,0xFE52,0xFE52,
   0xFE55,0xFE55,0xFEFF,0xFEFF,0xFF07,0xFF07,0xFF0E,0xFF0E,0xFF1A,0xFF1A,0xFF3E,0xFF3E,0xFF40,0xFF40,0xFF70,
   0xFF70,0xFF9E,0xFF9F,0xFFE3,0xFFE3,0xFFF9,0xFFFB,0x101FD,0x101FD,0x102E0,0x102E0,0x10376,0x1037A,0x10780,
   0x10785,0x10787,0x107B0,0x107B2,0x107BA,0x10A01,0x10A03,0x10A05,0x10A06,0x10A0C,0x10A0F,0x10A38,0x10A3A,
   0x10A3F,0x10A3F,0x10AE5,0x10AE6,0x10D24,0x10D27,0x10EAB,0x10EAC,0x10F46,0x10F50,0x10F82,0x10F85,0x11001,
   0x11001,0x11038,0x11046,0x11070,0x11070,0x11073,0x11074,0x1107F,0x11081,0x110B3,0x110B6,0x110B9,0x110BA,
   0x110BD,0x110BD,0x110C2,0x110C2,0x110CD,0x110CD,0x11100,0x11102,0x11127,0x1112B,0x1112D,0x11134,0x11173,
   0x11173,0x11180,0x11181,0x111B6,0x111BE,0x111C9,0x111CC,0x111CF,0x111CF,0x1122F,0x11231,0x11234,0x11234,
   0x11236,0x11237,0x1123E,0x1123E,0x112DF,0x112DF,0x112E3,0x112EA,0x11300,0x11301,0x1133B,0x1133C,0x11340,
   0x11340,0x11366,0x1136C,0x11370,0x11374,0x11438,0x1143F,0x11442,0x11444,0x11446,0x11446,0x1145E,0x1145E,
   0x114B3,0x114B8,0x114BA,0x114BA,0x114BF,0x114C0,0x114C2,0x114C3,0x115B2,0x115B5,0x115BC,0x115BD,0x115BF,
   0x115C0,0x115DC,0x115DD,0x11633,0x1163A,0x1163D,0x1163D,0x1163F,0x11640,0x116AB,0x116AB,0x116AD,0x116AD,
   0x116B0,0x116B5,0x116B7,0x116B7,0x1171D,0x1171F,0x11722,0x11725,0x11727,0x1172B,0x1182F,0x11837,0x11839,
   0x1183A,0x1193B,0x1193C,0x1193E,0x1193E,0x11943,0x11943,0x119D4,0x119D7,0x119DA,0x119DB,0x119E0,0x119E0,
   0x11A01,0x11A0A,0x11A33,0x11A38,0x11A3B,0x11A3E,0x11A47,0x11A47,0x11A51,0x11A56,0x11A59,0x11A5B,0x11A8A,
   0x11A96,0x11A98,0x11A99,0x11C30,0x11C36,0x11C38,0x11C3D,0x11C3F,0x11C3F,0x11C92,0x11CA7,0x11CAA,0x11CB0,
   0x11CB2,0x11CB3,0x11CB5,0x11CB6,0x11D31,0x11D36,0x11D3A,0x11D3A,0x11D3C,0x11D3D,0x11D3F,0x11D45,0x11D47,
   0x11D47,0x11D90,0x11D91,0x11D95,0x11D95,0x11D97,0x11D97,0x11EF3,0x11EF4,0x13430,0x13438,0x16AF0,0x16AF4,
   0x16B30,0x16B36,0x16B40,0x16B43,0x16F4F,0x16F4F,0x16F8F,0x16F9F,0x16FE0,0x16FE1,0x16FE3,0x16FE4,0x1AFF0,
   0x1AFF3,0x1AFF5,0x1AFFB,0x1AFFD,0x1AFFE,0x1BC9D,0x1BC9E,0x1BCA0,0x1BCA3,0x1CF00,0x1CF2D,0x1CF30,0x1CF46,
   0x1D167,0x1D169,0x1D173,0x1D182,0x1D185,0x1D18B,0x1D1AA,0x1D1AD,0x1D242,0x1D244,0x1DA00,0x1DA36,0x1DA3B,
   0x1DA6C,0x1DA75,0x1DA75,0x1DA84,0x1DA84,0x1DA9B,0x1DA9F,0x1DAA1,0x1DAAF,0x1E000,0x1E006,0x1E008,0x1E018,
   0x1E01B,0x1E021,0x1E023,0x1E024,0x1E026,0x1E02A,0x1E130,0x1E13D,0x1E2AE,0x1E2AE,0x1E2EC,0x1E2EF,0x1E8D0,
   0x1E8D6,0x1E944,0x1E94B,0x1F3FB,0x1F3FF,0xE0001,0xE0001,0xE0020,0xE007F,0xE0100,0xE01EF,
};
// ftfy's fix_character_width: cp, NFKC(cp) as one or two code points (0: none)
constexpr std::uint32_t kWidthMap[] = {
   0x3000,0x20,0x0,0xFF01,0x21,0x0,0xFF02,0x22,0x0,0xFF03,0x23,0x0,0xFF04,0x24,0x0,0xFF05,0x25,0x0,0xFF06,0x26,
   0x0,0xFF07,0x27,0x0,0xFF08,0x28,0x0,0xFF09,0x29,0x0,0xFF0A,0x2A,0x0,0xFF0B,0x2B,0x0,0xFF0C,0x2C,0x0,0xFF0D,
   0x2D,0x0,0xFF0E,0x2E,0x0,0xFF0F,0x2F,0x0,0xFF10,0x30,0x0,0xFF11,0x31,0x0,0xFF12,0x32,0x0,0xFF13,0x33,0x0,
   0xFF14,0x34,0x0,0xFF15,0x35,0x0,0xFF16,0x36,0x0,0xFF17,0x37,0x0,0xFF18,0x38,0x0,0xFF19,0x39,0x0,0xFF1A,0x3A,
   0x0,0xFF1B,0x3B,0x0,0xFF1C,0x3C,0x0,0xFF1D,0x3D,0x0,0xFF1E,0x3E,0x0,0xFF1F,0x3F,0x0,0xFF20,0x40,0x0,0xFF21,
   0x41,0x0,0xFF22,0x42,0x0,0xFF23,0x43,0x0,0xFF24,0x44,0x0,0xFF25,0x45,0x0,0xFF26,0x46,0x0,0xFF27,0x47,0x0,
   0xFF28,0x48,0x0,0xFF29,0x49,0x0,0xFF2A,0x4A,0x0,0xFF2B,0x4B,0x0,0xFF2C,0x4C,0x0,0xFF2D,0x4D,0x0,0xFF2E,0x4E,
   0x0,0xFF2F,0x4F,0x0,0xFF30,0x50,0x0,0xFF31,0x51,0x0,0xFF32,0x52,0x0,0xFF33,0x53,0x0,0xFF34,0x54,0x0,0xFF35,
   0x55,0x0,0xFF36,0x56,0x0,0xFF37,0x57,0x0,0xFF38,0x58,0x0,0xFF39,0x59,0x0,0xFF3A,0x5A,0x0,0xFF3B,0x5B,0x0,
   0xFF3C,0x5C,0x0,0xFF3D,0x5D,0x0,0xFF3E,0x5E,0x0,0xFF3F,0x5F,0x0,0xFF40,0x60,0x0,0xFF41,0x61,0x0,0xFF42,0x62,
   0x0,0xFF43,0x63,0x0,0xFF44,0x64,0x0,0xFF45,0x65,0x0,0xFF46,0x66,0x0,0xFF47,0x67,0x0,0xFF48,0x68,0x0,0xFF49,
   0x69,0x0,0xFF4A,0x6A,0x0,0xFF4B,0x6B,0x0,0xFF4C,0x6C,0x0,0xFF4D,0x6D,0x0,0xFF4E,0x6E,0x0,0xFF4F,0x6F,0x0,
   0xFF50,0x70,0x0,0xFF51,0x71,0x0,0xFF52,0x72,0x0,0xFF53,0x73,0x0,0xFF54,0x74,0x0,0xFF55,0x75,0x0,0xFF56,0x76,
   0x0,0xFF57,0x77,0x0,0xFF58,0x78,0x0,0xFF59,0x79,0x0,0xFF5A,0x7A,0x0,0xFF5B,0x7B,0x0,0xFF5C,0x7C,0x0,0xFF5D,
   0x7D,0x0,0xFF5E,0x7E,0x0,0xFF5F,0x2985,0x0,0xFF60,0x2986,0x0,0xFF61,0x3002,0x0,0xFF62,0x300C,0x0,0xFF63,
   0x300D,0x0,0xFF64,0x3001,0x0,0xFF65,0x30FB,0x0,0xFF66,0x30F2,0x0,0xFF67,0x30A1,0x0,0xFF68,0x30A3,0x0,0xFF69,
   0x30A5,0x0,0xFF6A,0x30A7,0x0,0xFF6B,0x30A9,0x0,0xFF6C,0x30E3,0x0,0xFF6D,0x30E5,0x0,0xFF6E,0x30E7,0x0,0xFF6F,
   0x30C3,0x0,0xFF70,0x30FC,0x0,0xFF71,0x30A2,0x0,0xFF72,0x30A4,0x0,0xFF73,0x30A6,0x0,0xFF74,0x30A8,0x0,0xFF75,
   0x30AA,0x0,0xFF76,0x30AB,0x0,0xFF77,0x30AD,0x0,0xFF78,0x30AF,0x0,0xFF79,0x30B1,0x0,0xFF7A,0x30B3,0x0,0xFF7B,
   0x30B5,0x0,0xFF7C,0x30B7,0x0,0xFF7D,0x30B9,0x0,0xFF7E,0x30BB,0x0,0xFF7F,0x30BD,0x0,0xFF80,0x30BF,0x0,0xFF81,
   0x30C1,0x0,0xFF82,0x30C4,0x0,0xFF83,0x30C6,0x0,0xFF84,0x30C8,0x0,0xFF85,0x30CA,0x0,0xFF86,0x30CB,0x0,0xFF87,
   0x30CC,0x0,0xFF88,0x30CD,0x0,0xFF89,0x30CE,0x0,0xFF8A,0x30CF,0x0,0xFF8B,0x30D2,0x0,0xFF8C,0x30D5,0x0,0xFF8D,
   0x30D8,0x0,0xFF8E,0x30DB,0x0,0xFF8F,0x30DE,0x0,0xFF90,0x30DF,0x0,0xFF91,0x30E0,0x0,0xFF92,0x30E1,0x0,0xFF93,
   0x30E2,0x0,0xFF94,0x30E4,0x0,0xFF95,0x30E6,0x0,0xFF96,0x30E8,0x0,0xFF97,0x30E9,0x0,0xFF98,0x30EA,0x0,0xFF99,
   0x30EB,0x0,0xFF9A,0x30EC,0x0,0xFF9B,0x30ED,0x0,0xFF9C,0x30EF,0x0,0xFF9D,0x30F3,0x0,0xFF9E,0x3099,0x0,0xFF9F,
   0x309A,0x0,0xFFA0,0x1160,0x0,0xFFA1,0x1100,0x0,0xFFA2,0x1101,0x0,0xFFA3,0x11AA,0x0,0xFFA4,0x1102,0x0,0xFFA5,
   0x11AC,0x0,0xFFA6,0x11AD,0x0,0xFFA7,0x1103,0x0,0xFFA8,0x1104,0x0,0xFFA9,0x1105,0x0,0xFFAA,0x11B0,0x0,0xFFAB,
   0x11B1,0x0,0xFFAC,0x11B2,0x0,0xFFAD,0x11B3,0x0,0xFFAE,0x11B4,0x0,0xFFAF,0x11B5,0x0,0xFFB0,0x111A,0x0,0xFFB1,
   0x1106,0x0,0xFFB2,0x1107,0x0,0xFFB3,0x1108,0x0,0xFFB4,0x1121,0x0,0xFFB5,0x1109,0x0,0xFFB6,0x110A,0x0,0xFFB7,
   0x110B,0x0,0xFFB8,0x110C,0x0,0xFFB9,0x110D,0x0,0xFFBA,0x110E,0x0,0xFFBB,0x110F,0x0,0xFFBC,0x1110,0x0,0xFFBD,
   0x1111,0x0,0xFFBE,0x1112,0x0,0xFFC2,0x1161,0x0,0xFFC3,0x1162,0x0,0xFFC4,0x1163,0x0,0xFFC5,0x1164,0x0,0xFFC6,
   0x1165,0x0,0xFFC7,0x1166,0x0,0xFFCA,0x1167,0x0,0xFFCB,0x1168,0x0,0xFFCC,0x1169,0x0,0xFFCD,0x116A,0x0,0xFFCE,
   0x116B,0x0,0xFFCF,0x116C,0x0,0xFFD2,0x116D,0x0,0xFFD3,0x116E,0x0,0xFFD4,0x116F,0x0,0xFFD5,0x1170,0x0,0xFFD6,
   0x1171,0x0,0xFFD7,0x1172,0x0,0xFFDA,0x1173,0x0,0xFFDB,0x1174,0x0,0xFFDC,0x1175,0x0,0xFFE0,0xA2,0x0,0xFFE1,
   0xA3,0x0,0xFFE2,0xAC,0x0,0xFFE3,0x20,0x304,0xFFE4,0xA6,0x0,0xFFE5,0xA5,0x0,0xFFE6,0x20A9,0x0,0xFFE8,0x2502,
   0x0,0xFFE9,0x2190,0x0,0xFFEA,0x2191,0x0,0xFFEB,0x2192,0x0,0xFFEC,0x2193,0x0,0xFFED,0x25A0,0x0,0xFFEE,0x25CB,
   0x0,
};
// html.entities.html5: name (no semicolon), value, whether the name also counts without it
constexpr NamedReference kNamedReferences[] = {
    {"AElig", "\xC3\x86", true}, {"AMP", "&", true}, {"Aacute", "\xC3\x81", true},
    {"Abreve", "\xC4\x82", false}, {"Acirc", "\xC3\x82", true}, {"Acy", "\xD0\x90", false},
    {"Afr", "\xF0\x9D\x94\x84", false}, {"Agrave", "\xC3\x80", true}, {"Alpha", "\xCE\x91", false},
    {"Amacr", "\xC4\x80", false}, {"And", "\xE2\xA9\x93", false}, {"Aogon", "\xC4\x84", false},
    {"Aopf", "\xF0\x9D\x94\xB8", false}, {"ApplyFunction", "\xE2\x81\xA1", false}, {"Aring", "\xC3\x85", true},
    {"Ascr", "\xF0\x9D\x92\x9C", false}, {"Assign", "\xE2\x89\x94", false}, {"Atilde", "\xC3\x83", true},
    {"Auml", "\xC3\x84", true}, {"Backslash", "\xE2\x88\x96", false}, {"Barv", "\xE2\xAB\xA7", false},
    {"Barwed", "\xE2\x8C\x86", false}, {"Bcy", "\xD0\x91", false}, {"Because", "\xE2\x88\xB5", false},
    {"Bernoullis", "\xE2\x84\xAC", false}, {"Beta", "\xCE\x92", false}, {"Bfr", "\xF0\x9D\x94\x85", false},
    {"Bopf", "\xF0\x9D\x94\xB9", false}, {"Breve", "\xCB\x98", false}, {"Bscr", "\xE2\x84\xAC", false},
    {"Bumpeq", "\xE2\x89\x8E", false}, {"CHcy", "\xD0\xA7", false}, {"COPY", "\xC2\xA9", true},
    {"Cacute", "\xC4\x86", false}, {"Cap", "\xE2\x8B\x92", false},
    {"CapitalDifferentialD", "\xE2\x85\x85", false}, {"Cayleys", "\xE2\x84\xAD", false},
    {"Ccaron", "\xC4\x8C", false}, {"Ccedil", "\xC3\x87", true}, {"Ccirc", "\xC4\x88", false},
    {"Cconint", "\xE2\x88\xB0", false}, {"Cdot", "\xC4\x8A", false}, {"Cedilla", "\xC2\xB8", false},
    {"CenterDot", "\xC2\xB7", false}, {"Cfr", "\xE2\x84\xAD", false}, {"Chi", "\xCE\xA7", false},
    {"CircleDot", "\xE2\x8A\x99", false}, {"CircleMinus", "\xE2\x8A\x96", false},
    {"CirclePlus", "\xE2\x8A\x95", false}, {"CircleTimes", "\xE2\x8A\x97", false},
    {"ClockwiseContourIntegral", "\xE2\x88\xB2", false}, {"CloseCurlyDoubleQuote", "\xE2\x80\x9D", false},
    {"CloseCurlyQuote", "\xE2\x80\x99", false}, {"Colon", "\xE2\x88\xB7", false},
    {"Colone", "\xE2\xA9\xB4", false}, {"Congruent", "\xE2\x89\xA1", false}, {"Conint", "\xE2\x88\xAF", false},
    {"ContourIntegral", "\xE2\x88\xAE", false}, {"Copf", "\xE2\x84\x82", false},
    {"Coproduct", "\xE2\x88\x90", false}, {"CounterClockwiseContourIntegral", "\xE2\x88\xB3", false},
    {"Cross", "\xE2\xA8\xAF", false}, {"Cscr", "\xF0\x9D\x92\x9E", false}, {"Cup", "\xE2\x8B\x93", false},
    {"CupCap", "\xE2\x89\x8D", false}, {"DD", "\xE2\x85\x85", false}, {"DDotrahd", "\xE2\xA4\x91", false},
    {"DJcy", "\xD0\x82", false}, {"DScy", "\xD0\x85", false}, {"DZcy", "\xD0\x8F", false},
    {"Dagger", "\xE2\x80\xA1", false}, {"Darr", "\xE2\x86\xA1", false}, {"Dashv", "\xE2\xAB\xA4", false},
    {"Dcaron", "\xC4\x8E", false}, {"Dcy", "\xD0\x94", false}, {"Del", "\xE2\x88\x87", false},
    {"Delta", "\xCE\x94", false}, {"Dfr", "\xF0\x9D\x94\x87", false}, {"DiacriticalAcute", "\xC2\xB4", false},
    {"DiacriticalDot", "\xCB\x99", false}, {"DiacriticalDoubleAcute", "\xCB\x9D", false},
    {"DiacriticalGrave", "`", false}, {"DiacriticalTilde", "\xCB\x9C", false},
    {"Diamond", "\xE2\x8B\x84", false}, {"DifferentialD", "\xE2\x85\x86", false},
    {"Dopf", "\xF0\x9D\x94\xBB", false}, {"Dot", "\xC2\xA8", false}, {"DotDot", "\xE2\x83\x9C", false},
    {"DotEqual", "\xE2\x89\x90", false}, {"DoubleContourIntegral", "\xE2\x88\xAF", false},
    {"DoubleDot", "\xC2\xA8", false}, {"DoubleDownArrow", "\xE2\x87\x93", false},
    {"DoubleLeftArrow", "\xE2\x87\x90", false}, {"DoubleLeftRightArrow", "\xE2\x87\x94", false},
    {"DoubleLeftTee", "\xE2\xAB\xA4", false}, {"DoubleLongLeftArrow", "\xE2\x9F\xB8", false},
    {"DoubleLongLeftRightArrow", "\xE2\x9F\xBA", false}, {"DoubleLongRightArrow", "\xE2\x9F\xB9", false},
    {"DoubleRightArrow", "\xE2\x87\x92", false}, {"DoubleRightTee", "\xE2\x8A\xA8", false},
    {"DoubleUpArrow", "\xE2\x87\x91", false}, {"DoubleUpDownArrow", "\xE2\x87\x95", false},
    {"DoubleVerticalBar", "\xE2\x88\xA5", false}, {"DownArrow", "\xE2\x86\x93", false},
    {"DownArrowBar", "\xE2\xA4\x93", false}, {"DownArrowUpArrow", "\xE2\x87\xB5", false},
    {"DownBreve", "\xCC\x91", false}, {"DownLeftRightVector", "\xE2\xA5\x90", false},
    {"DownLeftTeeVector", "\xE2\xA5\x9E", false}, {"DownLeftVector", "\xE2\x86\xBD", false},
    {"DownLeftVectorBar", "\xE2\xA5\x96", false}, {"DownRightTeeVector", "\xE2\xA5\x9F", false},
    {"DownRightVector", "\xE2\x87\x81", false}, {"DownRightVectorBar", "\xE2\xA5\x97", false},
    {"DownTee", "\xE2\x8A\xA4", false}, {"DownTeeArrow", "\xE2\x86\xA7", false},
    {"Downarrow", "\xE2\x87\x93", false}, {"Dscr", "\xF0\x9D\x92\x9F", false}, {"Dstrok", "\xC4\x90", false},
    {"ENG", "\xC5\x8A", false}, {"ETH", "\xC3\x90", true}, {"Eacute", "\xC3\x89", true},
    {"Ecaron", "\xC4\x9A", false}, {"Ecirc", "\xC3\x8A", true}, {"Ecy", "\xD0\xAD", false},
    {"Edot", "\xC4\x96", false}, {"Efr", "\xF0\x9D\x94\x88", false}, {"Egrave", "\xC3\x88", true},
    {"Element", "\xE2\x88\x88", false}, {"Emacr", "\xC4\x92", false},
    {"EmptySmallSquare", "\xE2\x97\xBB", false}, {"EmptyVerySmallSquare", "\xE2\x96\xAB", false},
    {"Eogon", "\xC4\x98", false}, {"Eopf", "\xF0\x9D\x94\xBC", false}, {"Epsilon", "\xCE\x95", false},
    {"Equal", "\xE2\xA9\xB5", false}, {"EqualTilde", "\xE2\x89\x82", false},
    {"Equilibrium", "\xE2\x87\x8C", false}, {"Escr", "\xE2\x84\xB0", false}, {"Esim", "\xE2\xA9\xB3", false},
    {"Eta", "\xCE\x97", false}, {"Euml", "\xC3\x8B", true}, {"Exists", "\xE2\x88\x83", false},
    {"ExponentialE", "\xE2\x85\x87", false}, {"Fcy", "\xD0\xA4", false}, {"Ffr", "\xF0\x9D\x94\x89", false},
    {"FilledSmallSquare", "\xE2\x97\xBC", false}, {"FilledVerySmallSquare", "\xE2\x96\xAA", false},
    {"Fopf", "\xF0\x9D\x94\xBD", false}, {"ForAll", "\xE2\x88\x80", false},
    {"Fouriertrf", "\xE2\x84\xB1", false}, {"Fscr", "\xE2\x84\xB1", false}, {"GJcy", "\xD0\x83", false},
    {"GT", ">", true}, {"Gamma", "\xCE\x93", false}, {"Gammad", "\xCF\x9C", false},
    {"Gbreve", "\xC4\x9E", false}, {"Gcedil", "\xC4\xA2", false}, {"Gcirc", "\xC4\x9C", false},
    {"Gcy", "\xD0\x93", false}, {"Gdot", "\xC4\xA0", false}, {"Gfr", "\xF0\x9D\x94\x8A", false},
    {"Gg", "\xE2\x8B\x99", false}, {"Gopf", "\xF0\x9D\x94\xBE", false}, {"GreaterEqual", "\xE2\x89\xA5", false},
    {"GreaterEqualLess", "\xE2\x8B\x9B", false}, {"GreaterFullEqual", "\xE2\x89\xA7", false},
    {"GreaterGreater", "\xE2\xAA\xA2", false}, {"GreaterLess", "\xE2\x89\xB7", false},
    {"GreaterSlantEqual", "\xE2\xA9\xBE", false}, {"GreaterTilde", "\xE2\x89\xB3", false},
    {"Gscr", "\xF0\x9D\x92\xA2", false}, {"Gt", "\xE2\x89\xAB", false}, {"HARDcy", "\xD0\xAA", false},
    {"Hacek", "\xCB\x87", false}, {"Hat", "^", false}, {"Hcirc", "\xC4\xA4", false},
    {"Hfr", "\xE2\x84\x8C", false}, {"HilbertSpace", "\xE2\x84\x8B", false}, {"Hopf", "\xE2\x84\x8D", false},
    {"HorizontalLine", "\xE2\x94\x80", false}, {"Hscr", "\xE2\x84\x8B", false}, {"Hstrok", "\xC4\xA6", false},
    {"HumpDownHump", "\xE2\x89\x8E", false}, {"HumpEqual", "\xE2\x89\x8F", false}, {"IEcy", "\xD0\x95", false},
    {"IJlig", "\xC4\xB2", false}, {"IOcy", "\xD0\x81", false}, {"Iacute", "\xC3\x8D", true},
    {"Icirc", "\xC3\x8E", true}, {"Icy", "\xD0\x98", false}, {"Idot", "\xC4\xB0", false},
    {"Ifr", "\xE2\x84\x91", false}, {"Igrave", "\xC3\x8C", true}, {"Im", "\xE2\x84\x91", false},
    {"Imacr", "\xC4\xAA", false}, {"ImaginaryI", "\xE2\x85\x88", false}, {"Implies", "\xE2\x87\x92", false},
    {"Int", "\xE2\x88\xAC", false}, {"Integral", "\xE2\x88\xAB", false},
    {"Intersection", "\xE2\x8B\x82", false}, {"InvisibleComma", "\xE2\x81\xA3", false},
    {"InvisibleTimes", "\xE2\x81\xA2", false}, {"Iogon", "\xC4\xAE", false},
    {"Iopf", "\xF0\x9D\x95\x80", false}, {"Iota", "\xCE\x99", false}, {"Iscr", "\xE2\x84\x90", false},
    {"Itilde", "\xC4\xA8", false}, {"Iukcy", "\xD0\x86", false}, {"Iuml", "\xC3\x8F", true},
    {"Jcirc", "\xC4\xB4", false}, {"Jcy", "\xD0\x99", false}, {"Jfr", "\xF0\x9D\x94\x8D", false},
    {"Jopf", "\xF0\x9D\x95\x81", false}, {"Jscr", "\xF0\x9D\x92\xA5", false}, {"Jsercy", "\xD0\x88", false},
    {"Jukcy", "\xD0\x84", false}, {"KHcy", "\xD0\xA5", false}, {"KJcy", "\xD0\x8C", false},
    {"Kappa", "\xCE\x9A", false}, {"Kcedil", "\xC4\xB6", false}, {"Kcy", "\xD0\x9A", false},
    {"Kfr", "\xF0\x9D\x94\x8E", false}, {"Kopf", "\xF0\x9D\x95\x82", false},
    {"Kscr", "\xF0\x9D\x92\xA6", false}, {"LJcy", "\xD0\x89", false}, {"LT", "<", true},
    {"Lacute", "\xC4\xB9", false}, {"Lambda", "\xCE\x9B", false}, {"Lang", "\xE2\x9F\xAA", false},
    {"Laplacetrf", "\xE2\x84\x92", false}, {"Larr", "\xE2\x86\x9E", false}, {"Lcaron", "\xC4\xBD", false},
    {"Lcedil", "\xC4\xBB", false}, {"Lcy", "\xD0\x9B", false}, {"LeftAngleBracket", "\xE2\x9F\xA8", false},
    {"LeftArrow", "\xE2\x86\x90", false}, {"LeftArrowBar", "\xE2\x87\xA4", false},
    {"LeftArrowRightArrow", "\xE2\x87\x86", false}, {"LeftCeiling", "\xE2\x8C\x88", false},
    {"LeftDoubleBracket", "\xE2\x9F\xA6", false}, {"LeftDownTeeVector", "\xE2\xA5\xA1", false},
    {"LeftDownVector", "\xE2\x87\x83", false}, {"LeftDownVectorBar", "\xE2\xA5\x99", false},
    {"LeftFloor", "\xE2\x8C\x8A", false}, {"LeftRightArrow", "\xE2\x86\x94", false},
    {"LeftRightVector", "\xE2\xA5\x8E", false}, {"LeftTee", "\xE2\x8A\xA3", false},
    {"LeftTeeArrow", "\xE2\x86\xA4", false}, {"LeftTeeVector", "\xE2\xA5\x9A", false},
    {"LeftTriangle", "\xE2\x8A\xB2", false}, {"LeftTriangleBar", "\xE2\xA7\x8F", false},
    {"LeftTriangleEqual", "\xE2\x8A\xB4", false}, {"LeftUpDownVector", "\xE2\xA5\x91", false},
    {"LeftUpTeeVector", "\xE2\xA5\xA0", false}, {"LeftUpVector", "\xE2\x86\xBF", false},
    {"LeftUpVectorBar", "\xE2\xA5\x98", false}, {"LeftVector", "\xE2\x86\xBC", false},
    {"LeftVectorBar", "\xE2\xA5\x92", false}, {"Leftarrow", "\xE2\x87\x90", false},
    {"Leftrightarrow", "\xE2\x87\x94", false}, {"LessEqualGreater", "\xE2\x8B\x9A", false},
    {"LessFullEqual", "\xE2\x89\xA6", false}, {"LessGreater", "\xE2\x89\xB6", false},
    {"LessLess", "\xE2\xAA\xA1", false}, {"LessSlantEqual", "\xE2\xA9\xBD", false},
    {"LessTilde", "\xE2\x89\xB2", false}, {"Lfr", "\xF0\x9D\x94\x8F", false}, {"Ll", "\xE2\x8B\x98", false},
    {"Lleftarrow", "\xE2\x87\x9A", false}, {"Lmidot", "\xC4\xBF", false},
    {"LongLeftArrow", "\xE2\x9F\xB5", false}, {"LongLeftRightArrow", "\xE2\x9F\xB7", false},
    {"LongRightArrow", "\xE2\x9F\xB6", false}, {"Longleftarrow", "\xE2\x9F\xB8", false},
    {"Longleftrightarrow", "\xE2\x9F\xBA", false}, {"Longrightarrow", "\xE2\x9F\xB9", false},
    {"Lopf", "\xF0\x9D\x95\x83", false}, {"LowerLeftArrow", "\xE2\x86\x99", false},
    {"LowerRightArrow", "\xE2\x86\x98", false}, {"Lscr", "\xE2\x84\x92", false}, {"Lsh", "\xE2\x86\xB0", false},
    {"Lstrok", "\xC5\x81", false}, {"Lt", "\xE2\x89\xAA", false}, {"Map", "\xE2\xA4\x85", false},
    {"Mcy", "\xD0\x9C", false}, {"MediumSpace", "\xE2\x81\x9F", false}, {"Mellintrf", "\xE2\x84\xB3", false},
    {"Mfr", "\xF0\x9D\x94\x90", false}, {"MinusPlus", "\xE2\x88\x93", false},
    {"Mopf", "\xF0\x9D\x95\x84", false}, {"Mscr", "\xE2\x84\xB3", false}, {"Mu", "\xCE\x9C", false},
    {"NJcy", "\xD0\x8A", false}, {"Nacute", "\xC5\x83", false}, {"Ncaron", "\xC5\x87", false},
    {"Ncedil", "\xC5\x85", false}, {"Ncy", "\xD0\x9D", false}, {"NegativeMediumSpace", "\xE2\x80\x8B", false},
    {"NegativeThickSpace", "\xE2\x80\x8B", false}, {"NegativeThinSpace", "\xE2\x80\x8B", false},
    {"NegativeVeryThinSpace", "\xE2\x80\x8B", false}, {"NestedGreaterGreater", "\xE2\x89\xAB", false},
    {"NestedLessLess", "\xE2\x89\xAA", false}, {"NewLine", "\x0A", false}, {"Nfr", "\xF0\x9D\x94\x91", false},
    {"NoBreak", "\xE2\x81\xA0", false}, {"NonBreakingSpace", "\xC2\xA0", false},
    {"Nopf", "\xE2\x84\x95", false}, {"Not", "\xE2\xAB\xAC", false}, {"NotCongruent", "\xE2\x89\xA2", false},
    {"NotCupCap", "\xE2\x89\xAD", false}, {"NotDoubleVerticalBar", "\xE2\x88\xA6", false},
    {"NotElement", "\xE2\x88\x89", false}, {"NotEqual", "\xE2\x89\xA0", false},
    {"NotEqualTilde", "\xE2\x89\x82\xCC\xB8", false}, {"NotExists", "\xE2\x88\x84", false},
    {"NotGreater", "\xE2\x89\xAF", false}, {"NotGreaterEqual", "\xE2\x89\xB1", false},
    {"NotGreaterFullEqual", "\xE2\x89\xA7\xCC\xB8", false},
    {"NotGreaterGreater", "\xE2\x89\xAB\xCC\xB8", false}, {"NotGreaterLess", "\xE2\x89\xB9", false},
    {"NotGreaterSlantEqual", "\xE2\xA9\xBE\xCC\xB8", false}, {"NotGreaterTilde", "\xE2\x89\xB5", false},
    {"NotHumpDownHump", "\xE2\x89\x8E\xCC\xB8", false}, {"NotHumpEqual", "\xE2\x89\x8F\xCC\xB8", false},
    {"NotLeftTriangle", "\xE2\x8B\xAA", false}, {"NotLeftTriangleBar", "\xE2\xA7\x8F\xCC\xB8", false},
    {"NotLeftTriangleEqual", "\xE2\x8B\xAC", false}, {"NotLess", "\xE2\x89\xAE", false},
    {"NotLessEqual", "\xE2\x89\xB0", false}, {"NotLessGreater", "\xE2\x89\xB8", false},
    {"NotLessLess", "\xE2\x89\xAA\xCC\xB8", false}, {"NotLessSlantEqual", "\xE2\xA9\xBD\xCC\xB8", false},
    {"NotLessTilde", "\xE2\x89\xB4", false}, {"NotNestedGreaterGreater", "\xE2\xAA\xA2\xCC\xB8", false},
    {"NotNestedLessLess", "\xE2\xAA\xA1\xCC\xB8", false}, {"NotPrecedes", "\xE2\x8A\x80", false},
    {"NotPrecedesEqual", "\xE2\xAA\xAF\xCC\xB8", false}, {"NotPrecedesSlantEqual", "\xE2\x8B\xA0", false},
    {"NotReverseElement", "\xE2\x88\x8C", false}, {"NotRightTriangle", "\xE2\x8B\xAB", false},
    {"NotRightTriangleBar", "\xE2\xA7\x90\xCC\xB8", false}, {"NotRightTriangleEqual", "\xE2\x8B\xAD", false},
    {"NotSquareSubset", "\xE2\x8A\x8F\xCC\xB8", false}, {"NotSquareSubsetEqual", "\xE2\x8B\xA2", false},
    {"NotSquareSuperset", "\xE2\x8A\x90\xCC\xB8", false}, {"NotSquareSupersetEqual", "\xE2\x8B\xA3", false},
    {"NotSubset", "\xE2\x8A\x82\xE2\x83\x92", false}, {"NotSubsetEqual", "\xE2\x8A\x88", false},
    {"NotSucceeds", "\xE2\x8A\x81", false}, {"NotSucceedsEqual", "\xE2\xAA\xB0\xCC\xB8", false},
    {"NotSucceedsSlantEqual", "\xE2\x8B\xA1", false}, {"NotSucceedsTilde", "\xE2\x89\xBF\xCC\xB8", false},
    {"NotSuperset", "\xE2\x8A\x83\xE2\x83\x92", false}, {"NotSupersetEqual", "\xE2\x8A\x89", false},
    {"NotTilde", "\xE2\x89\x81", false}, {"NotTildeEqual", "\xE2\x89\x84", false},
    {"NotTildeFullEqual", "\xE2\x89\x87", false}, {"NotTildeTilde", "\xE2\x89\x89", false},
    {"NotVerticalBar", "\xE2\x88\xA4", false}, {"Nscr", "\xF0\x9D\x92\xA9", false},
    {"Ntilde", "\xC3\x91", true}, {"Nu", "\xCE\x9D", false}, {"OElig", "\xC5\x92", false},
    {"Oacute", "\xC3\x93", true}, {"Ocirc", "\xC3\x94", true}, {"Ocy", "\xD0\x9E", false},
    {"Odblac", "\xC5\x90", false}, {"Ofr", "\xF0\x9D\x94\x92", false}, {"Ograve", "\xC3\x92", true},
    {"Omacr", "\xC5\x8C", false}, {"Omega", "\xCE\xA9", false}, {"Omicron", "\xCE\x9F", false},
    {"Oopf", "\xF0\x9D\x95\x86", false}, {"OpenCurlyDoubleQuote", "\xE2\x80\x9C", false},
    {"OpenCurlyQuote", "\xE2\x80\x98", false}, {"Or", "\xE2\xA9\x94", false},
    {"Oscr", "\xF0\x9D\x92\xAA", false}, {"Oslash", "\xC3\x98", true}, {"Otilde", "\xC3\x95", true},
    {"Otimes", "\xE2\xA8\xB7", false}, {"Ouml", "\xC3\x96", true}, {"OverBar", "\xE2\x80\xBE", false},
    {"OverBrace", "\xE2\x8F\x9E", false}, {"OverBracket", "\xE2\x8E\xB4", false},
    {"OverParenthesis", "\xE2\x8F\x9C", false}, {"PartialD", "\xE2\x88\x82", false}, {"Pcy", "\xD0\x9F", false},
    {"Pfr", "\xF0\x9D\x94\x93", false}, {"Phi", "\xCE\xA6", false}, {"Pi", "\xCE\xA0", false},
    {"PlusMinus", "\xC2\xB1", false}, {"Poincareplane", "\xE2\x84\x8C", false}, {"Popf", "\xE2\x84\x99", false},
    {"Pr", "\xE2\xAA\xBB", false}, {"Precedes", "\xE2\x89\xBA", false},
    {"PrecedesEqual", "\xE2\xAA\xAF", false}, {"PrecedesSlantEqual", "\xE2\x89\xBC", false},
    {"PrecedesTilde", "\xE2\x89\xBE", false}, {"Prime", "\xE2\x80\xB3", false},
    {"Product", "\xE2\x88\x8F", false}, {"Proportion", "\xE2\x88\xB7", false},
    {"Proportional", "\xE2\x88\x9D", false}, {"Pscr", "\xF0\x9D\x92\xAB", false}, {"Psi", "\xCE\xA8", false},
    {"QUOT", "\x22", true}, {"Qfr", "\xF0\x9D\x94\x94", false}, {"Qopf", "\xE2\x84\x9A", false},
    {"Qscr", "\xF0\x9D\x92\xAC", false}, {"RBarr", "\xE2\xA4\x90", false}, {"REG", "\xC2\xAE", true},
    {"Racute", "\xC5\x94", false}, {"Rang", "\xE2\x9F\xAB", false}, {"Rarr", "\xE2\x86\xA0", false},
    {"Rarrtl", "\xE2\xA4\x96", false}, {"Rcaron", "\xC5\x98", false}, {"Rcedil", "\xC5\x96", false},
    {"Rcy", "\xD0\xA0", false}, {"Re", "\xE2\x84\x9C", false}, {"ReverseElement", "\xE2\x88\x8B", false},
    {"ReverseEquilibrium", "\xE2\x87\x8B", false}, {"ReverseUpEquilibrium", "\xE2\xA5\xAF", false},
    {"Rfr", "\xE2\x84\x9C", false}, {"Rho", "\xCE\xA1", false}, {"RightAngleBracket", "\xE2\x9F\xA9", false},
    {"RightArrow", "\xE2\x86\x92", false}, {"RightArrowBar", "\xE2\x87\xA5", false},
    {"RightArrowLeftArrow", "\xE2\x87\x84", false}, {"RightCeiling", "\xE2\x8C\x89", false},
    {"RightDoubleBracket", "\xE2\x9F\xA7", false}, {"RightDownTeeVector", "\xE2\xA5\x9D", false},
    {"RightDownVector", "\xE2\x87\x82", false}, {"RightDownVectorBar", "\xE2\xA5\x95", false},
    {"RightFloor", "\xE2\x8C\x8B", false}, {"RightTee", "\xE2\x8A\xA2", false},
    {"RightTeeArrow", "\xE2\x86\xA6", false}, {"RightTeeVector", "\xE2\xA5\x9B", false},
    {"RightTriangle", "\xE2\x8A\xB3", false}, {"RightTriangleBar", "\xE2\xA7\x90", false},
    {"RightTriangleEqual", "\xE2\x8A\xB5", false}, {"RightUpDownVector", "\xE2\xA5\x8F", false},
    {"RightUpTeeVector", "\xE2\xA5\x9C", false}, {"RightUpVector", "\xE2\x86\xBE", false},
    {"RightUpVectorBar", "\xE2\xA5\x94", false}, {"RightVector", "\xE2\x87\x80", false},
    {"RightVectorBar", "\xE2\xA5\x93", false}, {"Rightarrow", "\xE2\x87\x92", false},
    {"Ropf", "\xE2\x84\x9D", false}, {"RoundImplies", "\xE2\xA5\xB0", false},
    {"Rrightarrow", "\xE2\x87\x9B", false}, {"Rscr", "\xE2\x84\x9B", false}, {"Rsh", "\xE2\x86\xB1", false},
    {"RuleDelayed", "\xE2\xA7\xB4", false}, {"SHCHcy", "\xD0\xA9", false}, {"SHcy", "\xD0\xA8", false},
    {"SOFTcy", "\xD0\xAC", false}, {"Sacute", "\xC5\x9A", false}, {"Sc", "\xE2\xAA\xBC", false},
    {"Scaron", "\xC5\xA0", false}, {"Scedil", "\xC5\x9E", false}, {"Scirc", "\xC5\x9C", false},
    {"Scy", "\xD0\xA1", false}, {"Sfr", "\xF0\x9D\x94\x96", false}, {"ShortDownArrow", "\xE2\x86\x93", false},
    {"ShortLeftArrow", "\xE2\x86\x90", false}, {"ShortRightArrow", "\xE2\x86\x92", false},
    {"ShortUpArrow", "\xE2\x86\x91", false}, {"Sigma", "\xCE\xA3", false},
    {"SmallCircle", "\xE2\x88\x98", false}, {"Sopf", "\xF0\x9D\x95\x8A", false},
    {"Sqrt", "\xE2\x88\x9A", false}, {"Square", "\xE2\x96\xA1", false},
    {"SquareIntersection", "\xE2\x8A\x93", false}, {"SquareSubset", "\xE2\x8A\x8F", false},
    {"SquareSubsetEqual", "\xE2\x8A\x91", false}, {"SquareSuperset", "\xE2\x8A\x90", false},
    {"SquareSupersetEqual", "\xE2\x8A\x92", false}, {"SquareUnion", "\xE2\x8A\x94", false},
    {"Sscr", "\xF0\x9D\x92\xAE", false}, {"Star", "\xE2\x8B\x86", false}, {"Sub", "\xE2\x8B\x90", false},
    {"Subset", "\xE2\x8B\x90", false}, {"SubsetEqual", "\xE2\x8A\x86", false},
    {"Succeeds", "\xE2\x89\xBB", false}, {"SucceedsEqual", "\xE2\xAA\xB0", false},
    {"SucceedsSlantEqual", "\xE2\x89\xBD", false}, {"SucceedsTilde", "\xE2\x89\xBF", false},
    {"SuchThat", "\xE2\x88\x8B", false}, {"Sum", "\xE2\x88\x91", false}, {"Sup", "\xE2\x8B\x91", false},
    {"Superset", "\xE2\x8A\x83", false}, {"SupersetEqual", "\xE2\x8A\x87", false},
    {"Supset", "\xE2\x8B\x91", false}, {"THORN", "\xC3\x9E", true}, {"TRADE", "\xE2\x84\xA2", false},
    {"TSHcy", "\xD0\x8B", false}, {"TScy", "\xD0\xA6", false}, {"Tab", "\x09", false},
    {"Tau", "\xCE\xA4", false}, {"Tcaron", "\xC5\xA4", false}, {"Tcedil", "\xC5\xA2", false},
    {"Tcy", "\xD0\xA2", false}, {"Tfr", "\xF0\x9D\x94\x97", false}, {"Therefore", "\xE2\x88\xB4", false},
    {"Theta", "\xCE\x98", false}, {"ThickSpace", "\xE2\x81\x9F\xE2\x80\x8A", false},
    {"ThinSpace", "\xE2\x80\x89", false}, {"Tilde", "\xE2\x88\xBC", false},
    {"TildeEqual", "\xE2\x89\x83", false}, {"TildeFullEqual", "\xE2\x89\x85", false},
    {"TildeTilde", "\xE2\x89\x88", false}, {"Topf", "\xF0\x9D\x95\x8B", false},
    {"TripleDot", "\xE2\x83\x9B", false}, {"Tscr", "\xF0\x9D\x92\xAF", false}, {"Tstrok", "\xC5\xA6", false},
    {"Uacute", "\xC3\x9A", true}, {"Uarr", "\xE2\x86\x9F", false}, {"Uarrocir", "\xE2\xA5\x89", false},
    {"Ubrcy", "\xD0\x8E", false}, {"Ubreve", "\xC5\xAC", false}, {"Ucirc", "\xC3\x9B", true},
    {"Ucy", "\xD0\xA3", false}, {"Udblac", "\xC5\xB0", false}, {"Ufr", "\xF0\x9D\x94\x98", false},
    {"Ugrave", "\xC3\x99", true}, {"Umacr", "\xC5\xAA", false}, {"UnderBar", "_", false},
    {"UnderBrace", "\xE2\x8F\x9F", false}, {"UnderBracket", "\xE2\x8E\xB5", false},
    {"UnderParenthesis", "\xE2\x8F\x9D", false}, {"Union", "\xE2\x8B\x83", false},
    {"UnionPlus", "\xE2\x8A\x8E", false}, {"Uogon", "\xC5\xB2", false}, {"Uopf", "\xF0\x9D\x95\x8C", false},
    {"UpArrow", "\xE2\x86\x91", false}, {"UpArrowBar", "\xE2\xA4\x92", false},
    {"UpArrowDownArrow", "\xE2\x87\x85", false}, {"UpDownArrow", "\xE2\x86\x95", false},
    {"UpEquilibrium", "\xE2\xA5\xAE", false}, {"UpTee", "\xE2\x8A\xA5", false},
    {"UpTeeArrow", "\xE2\x86\xA5", false}, {"Uparrow", "\xE2\x87\x91", false},
    {"Updownarrow", "\xE2\x87\x95", false}, {"UpperLeftArrow", "\xE2\x86\x96", false},
    {"UpperRightArrow", "\xE2\x86\x97", false}, {"Upsi", "\xCF\x92", false}, {"Upsilon", "\xCE\xA5", false},
    {"Uring", "\xC5\xAE", false}, {"Uscr", "\xF0\x9D\x92\xB0", false}, {"Utilde", "\xC5\xA8", false},
    {"Uuml", "\xC3\x9C", true}, {"VDash", "\xE2\x8A\xAB", false}, {"Vbar", "\xE2\xAB\xAB", false},
    {"Vcy", "\xD0\x92", false}, {"Vdash", "\xE2\x8A\xA9", false}, {"Vdashl", "\xE2\xAB\xA6", false},
    {"Vee", "\xE2\x8B\x81", false}, {"Verbar", "\xE2\x80\x96", false}, {"Vert", "\xE2\x80\x96", false},
    {"VerticalBar", "\xE2\x88\xA3", false}, {"VerticalLine", "|", false},
    {"VerticalSeparator", "\xE2\x9D\x98", false}, {"VerticalTilde", "\xE2\x89\x80", false},
    {"VeryThinSpace", "\xE2\x80\x8A", false}, {"Vfr", "\xF0\x9D\x94\x99", false},
    {"Vopf", "\xF0\x9D\x95\x8D", false}, {"Vscr", "\xF0\x9D\x92\xB1", false}, {"Vvdash", "\xE2\x8A\xAA", false},
    {"Wcirc", "\xC5\xB4", false}, {"Wedge", "\xE2\x8B\x80", false}, {"Wfr", "\xF0\x9D\x94\x9A", false},
    {"Wopf", "\xF0\x9D\x95\x8E", false}, {"Wscr", "\xF0\x9D\x92\xB2", false},
    {"Xfr", "\xF0\x9D\x94\x9B", false}, {"Xi", "\xCE\x9E", false}, {"Xopf", "\xF0\x9D\x95\x8F", false},
    {"Xscr", "\xF0\x9D\x92\xB3", false}, {"YAcy", "\xD0\xAF", false}, {"YIcy", "\xD0\x87", false},
    {"YUcy", "\xD0\xAE", false}, {"Yacute", "\xC3\x9D", true}, {"Ycirc", "\xC5\xB6", false},
    {"Ycy", "\xD0\xAB", false}, {"Yfr", "\xF0\x9D\x94\x9C", false}, {"Yopf", "\xF0\x9D\x95\x90", false},
    {"Yscr", "\xF0\x9D\x92\xB4", false}, {"Yuml", "\xC5\xB8", false}, {"ZHcy", "\xD0\x96", false},
    {"Zacute", "\xC5\xB9", false}, {"Zcaron", "\xC5\xBD", false}, {"Zcy", "\xD0\x97", false},
    {"Zdot", "\xC5\xBB", false}, {"ZeroWidthSpace", "\xE2\x80\x8B", false}, {"Zeta", "\xCE\x96", false},
    {"Zfr", "\xE2\x84\xA8", false}, {"Zopf", "\xE2\x84\xA4", false}, {"Zscr", "\xF0\x9D\x92\xB5", false},
    {"aacute", "\xC3\xA1", true}, {"abreve", "\xC4\x83", false}, {"ac", "\xE2\x88\xBE", false},
    {"acE", "\xE2\x88\xBE\xCC\xB3", false}, {"acd", "\xE2\x88\xBF", false}, {"acirc", "\xC3\xA2", true},
    {"acute", "\xC2\xB4", true}, {"acy", "\xD0\xB0", false}, {"aelig", "\xC3\xA6", true},
    {"af", "\xE2\x81\xA1", false}, {"afr", "\xF0\x9D\x94\x9E", false}, {"agrave", "\xC3\xA0", true},
    {"alefsym", "\xE2\x84\xB5", false}, {"aleph", "\xE2\x84\xB5", false}, {"alpha", "\xCE\xB1", false},
    {"amacr", "\xC4\x81", false}, {"amalg", "\xE2\xA8\xBF", false}, {"amp", "&", true},
    {"and", "\xE2\x88\xA7", false}, {"andand", "\xE2\xA9\x95", false}, {"andd", "\xE2\xA9\x9C", false},
    {"andslope", "\xE2\xA9\x98", false}, {"andv", "\xE2\xA9\x9A", false}, {"ang", "\xE2\x88\xA0", false},
    {"ange", "\xE2\xA6\xA4", false}, {"angle", "\xE2\x88\xA0", false}, {"angmsd", "\xE2\x88\xA1", false},
    {"angmsdaa", "\xE2\xA6\xA8", false}, {"angmsdab", "\xE2\xA6\xA9", false},
    {"angmsdac", "\xE2\xA6\xAA", false}, {"angmsdad", "\xE2\xA6\xAB", false},
    {"angmsdae", "\xE2\xA6\xAC", false}, {"angmsdaf", "\xE2\xA6\xAD", false},
    {"angmsdag", "\xE2\xA6\xAE", false}, {"angmsdah", "\xE2\xA6\xAF", false}, {"angrt", "\xE2\x88\x9F", false},
    {"angrtvb", "\xE2\x8A\xBE", false}, {"angrtvbd", "\xE2\xA6\x9D", false}, {"angsph", "\xE2\x88\xA2", false},
    {"angst", "\xC3\x85", false}, {"angzarr", "\xE2\x8D\xBC", false}, {"aogon", "\xC4\x85", false},
    {"aopf", "\xF0\x9D\x95\x92", false}, {"ap", "\xE2\x89\x88", false}, {"apE", "\xE2\xA9\xB0", false},
    {"apacir", "\xE2\xA9\xAF", false}, {"ape", "\xE2\x89\x8A", false}, {"apid", "\xE2\x89\x8B", false},
    {"apos", "'", false}, {"approx", "\xE2\x89\x88", false}, {"approxeq", "\xE2\x89\x8A", false},
    {"aring", "\xC3\xA5", true}, {"ascr", "\xF0\x9D\x92\xB6", false}, {"ast", "*", false},
    {"asymp", "\xE2\x89\x88", false}, {"asympeq", "\xE2\x89\x8D", false}, {"atilde", "\xC3\xA3", true},
    {"auml", "\xC3\xA4", true}, {"awconint", "\xE2\x88\xB3", false}, {"awint", "\xE2\xA8\x91", false},
    {"bNot", "\xE2\xAB\xAD", false}, {"backcong", "\xE2\x89\x8C", false}, {"backepsilon", "\xCF\xB6", false},
    {"backprime", "\xE2\x80\xB5", false}, {"backsim", "\xE2\x88\xBD", false},
    {"backsimeq", "\xE2\x8B\x8D", false}, {"barvee", "\xE2\x8A\xBD", false}, {"barwed", "\xE2\x8C\x85", false},
    {"barwedge", "\xE2\x8C\x85", false}, {"bbrk", "\xE2\x8E\xB5", false}, {"bbrktbrk", "\xE2\x8E\xB6", false},
    {"bcong", "\xE2\x89\x8C", false}, {"bcy", "\xD0\xB1", false}, {"bdquo", "\xE2\x80\x9E", false},
    {"becaus", "\xE2\x88\xB5", false}, {"because", "\xE2\x88\xB5", false}, {"bemptyv", "\xE2\xA6\xB0", false},
    {"bepsi", "\xCF\xB6", false}, {"bernou", "\xE2\x84\xAC", false}, {"beta", "\xCE\xB2", false},
    {"beth", "\xE2\x84\xB6", false}, {"between", "\xE2\x89\xAC", false}, {"bfr", "\xF0\x9D\x94\x9F", false},
    {"bigcap", "\xE2\x8B\x82", false}, {"bigcirc", "\xE2\x97\xAF", false}, {"bigcup", "\xE2\x8B\x83", false},
    {"bigodot", "\xE2\xA8\x80", false}, {"bigoplus", "\xE2\xA8\x81", false},
    {"bigotimes", "\xE2\xA8\x82", false}, {"bigsqcup", "\xE2\xA8\x86", false},
    {"bigstar", "\xE2\x98\x85", false}, {"bigtriangledown", "\xE2\x96\xBD", false},
    {"bigtriangleup", "\xE2\x96\xB3", false}, {"biguplus", "\xE2\xA8\x84", false},
    {"bigvee", "\xE2\x8B\x81", false}, {"bigwedge", "\xE2\x8B\x80", false}, {"bkarow", "\xE2\xA4\x8D", false},
    {"blacklozenge", "\xE2\xA7\xAB", false}, {"blacksquare", "\xE2\x96\xAA", false},
    {"blacktriangle", "\xE2\x96\xB4", false}, {"blacktriangledown", "\xE2\x96\xBE", false},
    {"blacktriangleleft", "\xE2\x97\x82", false}, {"blacktriangleright", "\xE2\x96\xB8", false},
    {"blank", "\xE2\x90\xA3", false}, {"blk12", "\xE2\x96\x92", false}, {"blk14", "\xE2\x96\x91", false},
    {"blk34", "\xE2\x96\x93", false}, {"block", "\xE2\x96\x88", false}, {"bne", "=\xE2\x83\xA5", false},
    {"bnequiv", "\xE2\x89\xA1\xE2\x83\xA5", false}, {"bnot", "\xE2\x8C\x90", false},
    {"bopf", "\xF0\x9D\x95\x93", false}, {"bot", "\xE2\x8A\xA5", false}, {"bottom", "\xE2\x8A\xA5", false},
    {"bowtie", "\xE2\x8B\x88", false}, {"boxDL", "\xE2\x95\x97", false}, {"boxDR", "\xE2\x95\x94", false},
    {"boxDl", "\xE2\x95\x96", false}, {"boxDr", "\xE2\x95\x93", false}, {"boxH", "\xE2\x95\x90", false},
    {"boxHD", "\xE2\x95\xA6", false}, {"boxHU", "\xE2\x95\xA9", false}, {"boxHd", "\xE2\x95\xA4", false},
    {"boxHu", "\xE2\x95\xA7", false}, {"boxUL", "\xE2\x95\x9D", false}, {"boxUR", "\xE2\x95\x9A", false},
    {"boxUl", "\xE2\x95\x9C", false}, {"boxUr", "\xE2\x95\x99", false}, {"boxV", "\xE2\x95\x91", false},
    {"boxVH", "\xE2\x95\xAC", false}, {"boxVL", "\xE2\x95\xA3", false}, {"boxVR", "\xE2\x95\xA0", false},
    {"boxVh", "\xE2\x95\xAB", false}, {"boxVl", "\xE2\x95\xA2", false}, {"boxVr", "\xE2\x95\x9F", false},
    {"boxbox", "\xE2\xA7\x89", false}, {"boxdL", "\xE2\x95\x95", false}, {"boxdR", "\xE2\x95\x92", false},
    {"boxdl", "\xE2\x94\x90", false}, {"boxdr", "\xE2\x94\x8C", false}, {"boxh", "\xE2\x94\x80", false},
    {"boxhD", "\xE2\x95\xA5", false}, {"boxhU", "\xE2\x95\xA8", false}, {"boxhd", "\xE2\x94\xAC", false},
    {"boxhu", "\xE2\x94\xB4", false}, {"boxminus", "\xE2\x8A\x9F", false}, {"boxplus", "\xE2\x8A\x9E", false},
    {"boxtimes", "\xE2\x8A\xA0", false}, {"boxuL", "\xE2\x95\x9B", false}, {"boxuR", "\xE2\x95\x98", false},
    {"boxul", "\xE2\x94\x98", false}, {"boxur", "\xE2\x94\x94", false}, {"boxv", "\xE2\x94\x82", false},
    {"boxvH", "\xE2\x95\xAA", false}, {"boxvL", "\xE2\x95\xA1", false}, {"boxvR", "\xE2\x95\x9E", false},
    {"boxvh", "\xE2\x94\xBC", false}, {"boxvl", "\xE2\x94\xA4", false}, {"boxvr", "\xE2\x94\x9C", false},
    {"bprime", "\xE2\x80\xB5", false}, {"breve", "\xCB\x98", false}, {"brvbar", "\xC2\xA6", true},
    {"bscr", "\xF0\x9D\x92\xB7", false}, {"bsemi", "\xE2\x81\x8F", false}, {"bsim", "\xE2\x88\xBD", false},
    {"bsime", "\xE2\x8B\x8D", false}, {"bsol", "\x5C", false}, {"bsolb", "\xE2\xA7\x85", false},
    {"bsolhsub", "\xE2\x9F\x88", false}, {"bull", "\xE2\x80\xA2", false}, {"bullet", "\xE2\x80\xA2", false},
    {"bump", "\xE2\x89\x8E", false}, {"bumpE", "\xE2\xAA\xAE", false}, {"bumpe", "\xE2\x89\x8F", false},
    {"bumpeq", "\xE2\x89\x8F", false}, {"cacute", "\xC4\x87", false}, {"cap", "\xE2\x88\xA9", false},
    {"capand", "\xE2\xA9\x84", false}, {"capbrcup", "\xE2\xA9\x89", false}, {"capcap", "\xE2\xA9\x8B", false},
    {"capcup", "\xE2\xA9\x87", false}, {"capdot", "\xE2\xA9\x80", false},
    {"caps", "\xE2\x88\xA9\xEF\xB8\x80", false}, {"caret", "\xE2\x81\x81", false}, {"caron", "\xCB\x87", false},
    {"ccaps", "\xE2\xA9\x8D", false}, {"ccaron", "\xC4\x8D", false}, {"ccedil", "\xC3\xA7", true},
    {"ccirc", "\xC4\x89", false}, {"ccups", "\xE2\xA9\x8C", false}, {"ccupssm", "\xE2\xA9\x90", false},
    {"cdot", "\xC4\x8B", false}, {"cedil", "\xC2\xB8", true}, {"cemptyv", "\xE2\xA6\xB2", false},
    {"cent", "\xC2\xA2", true}, {"centerdot", "\xC2\xB7", false}, {"cfr", "\xF0\x9D\x94\xA0", false},
    {"chcy", "\xD1\x87", false}, {"check", "\xE2\x9C\x93", false}, {"checkmark", "\xE2\x9C\x93", false},
    {"chi", "\xCF\x87", false}, {"cir", "\xE2\x97\x8B", false}, {"cirE", "\xE2\xA7\x83", false},
    {"circ", "\xCB\x86", false}, {"circeq", "\xE2\x89\x97", false}, {"circlearrowleft", "\xE2\x86\xBA", false},
    {"circlearrowright", "\xE2\x86\xBB", false}, {"circledR", "\xC2\xAE", false},
    {"circledS", "\xE2\x93\x88", false}, {"circledast", "\xE2\x8A\x9B", false},
    {"circledcirc", "\xE2\x8A\x9A", false}, {"circleddash", "\xE2\x8A\x9D", false},
    {"cire", "\xE2\x89\x97", false}, {"cirfnint", "\xE2\xA8\x90", false}, {"cirmid", "\xE2\xAB\xAF", false},
    {"cirscir", "\xE2\xA7\x82", false}, {"clubs", "\xE2\x99\xA3", false}, {"clubsuit", "\xE2\x99\xA3", false},
    {"colon", ":", false}, {"colone", "\xE2\x89\x94", false}, {"coloneq", "\xE2\x89\x94", false},
    {"comma", ",", false}, {"commat", "@", false}, {"comp", "\xE2\x88\x81", false},
    {"compfn", "\xE2\x88\x98", false}, {"complement", "\xE2\x88\x81", false},
    {"complexes", "\xE2\x84\x82", false}, {"cong", "\xE2\x89\x85", false}, {"congdot", "\xE2\xA9\xAD", false},
    {"conint", "\xE2\x88\xAE", false}, {"copf", "\xF0\x9D\x95\x94", false}, {"coprod", "\xE2\x88\x90", false},
    {"copy", "\xC2\xA9", true}, {"copysr", "\xE2\x84\x97", false}, {"crarr", "\xE2\x86\xB5", false},
    {"cross", "\xE2\x9C\x97", false}, {"cscr", "\xF0\x9D\x92\xB8", false}, {"csub", "\xE2\xAB\x8F", false},
    {"csube", "\xE2\xAB\x91", false}, {"csup", "\xE2\xAB\x90", false}, {"csupe", "\xE2\xAB\x92", false},
    {"ctdot", "\xE2\x8B\xAF", false}, {"cudarrl", "\xE2\xA4\xB8", false}, {"cudarrr", "\xE2\xA4\xB5", false},
    {"cuepr", "\xE2\x8B\x9E", false}, {"cuesc", "\xE2\x8B\x9F", false}, {"cularr", "\xE2\x86\xB6", false},
    {"cularrp", "\xE2\xA4\xBD", false}, {"cup", "\xE2\x88\xAA", false}, {"cupbrcap", "\xE2\xA9\x88", false},
    {"cupcap", "\xE2\xA9\x86", false}, {"cupcup", "\xE2\xA9\x8A", false}, {"cupdot", "\xE2\x8A\x8D", false},
    {"cupor", "\xE2\xA9\x85", false}, {"cups", "\xE2\x88\xAA\xEF\xB8\x80", false},
    {"curarr", "\xE2\x86\xB7", false}, {"curarrm", "\xE2\xA4\xBC", false},
    {"curlyeqprec", "\xE2\x8B\x9E", false}, {"curlyeqsucc", "\xE2\x8B\x9F", false},
    {"curlyvee", "\xE2\x8B\x8E", false}, {"curlywedge", "\xE2\x8B\x8F", false}, {"curren", "\xC2\xA4", true},
    {"curvearrowleft", "\xE2\x86\xB6", false}, {"curvearrowright", "\xE2\x86\xB7", false},
    {"cuvee", "\xE2\x8B\x8E", false}, {"cuwed", "\xE2\x8B\x8F", false}, {"cwconint", "\xE2\x88\xB2", false},
    {"cwint", "\xE2\x88\xB1", false}, {"cylcty", "\xE2\x8C\xAD", false}, {"dArr", "\xE2\x87\x93", false},
    {"dHar", "\xE2\xA5\xA5", false}, {"dagger", "\xE2\x80\xA0", false}, {"daleth", "\xE2\x84\xB8", false},
    {"darr", "\xE2\x86\x93", false}, {"dash", "\xE2\x80\x90", false}, {"dashv", "\xE2\x8A\xA3", false},
    {"dbkarow", "\xE2\xA4\x8F", false}, {"dblac", "\xCB\x9D", false}, {"dcaron", "\xC4\x8F", false},
    {"dcy", "\xD0\xB4", false}, {"dd", "\xE2\x85\x86", false}, {"ddagger", "\xE2\x80\xA1", false},
    {"ddarr", "\xE2\x87\x8A", false}, {"ddotseq", "\xE2\xA9\xB7", false}, {"deg", "\xC2\xB0", true},
    {"delta", "\xCE\xB4", false}, {"demptyv", "\xE2\xA6\xB1", false}, {"dfisht", "\xE2\xA5\xBF", false},
    {"dfr", "\xF0\x9D\x94\xA1", false}, {"dharl", "\xE2\x87\x83", false}, {"dharr", "\xE2\x87\x82", false},
    {"diam", "\xE2\x8B\x84", false}, {"diamond", "\xE2\x8B\x84", false}, {"diamondsuit", "\xE2\x99\xA6", false},
    {"diams", "\xE2\x99\xA6", false}, {"die", "\xC2\xA8", false}, {"digamma", "\xCF\x9D", false},
    {"disin", "\xE2\x8B\xB2", false}, {"div", "\xC3\xB7", false}, {"divide", "\xC3\xB7", true},
    {"divideontimes", "\xE2\x8B\x87", false}, {"divonx", "\xE2\x8B\x87", false}, {"djcy", "\xD1\x92", false},
    {"dlcorn", "\xE2\x8C\x9E", false}, {"dlcrop", "\xE2\x8C\x8D", false}, {"dollar", "$", false},
    {"dopf", "\xF0\x9D\x95\x95", false}, {"dot", "\xCB\x99", false}, {"doteq", "\xE2\x89\x90", false},
    {"doteqdot", "\xE2\x89\x91", false}, {"dotminus", "\xE2\x88\xB8", false},
    {"dotplus", "\xE2\x88\x94", false}, {"dotsquare", "\xE2\x8A\xA1", false},
    {"doublebarwedge", "\xE2\x8C\x86", false}, {"downarrow", "\xE2\x86\x93", false},
    {"downdownarrows", "\xE2\x87\x8A", false}, {"downharpoonleft", "\xE2\x87\x83", false},
    {"downharpoonright", "\xE2\x87\x82", false}, {"drbkarow", "\xE2\xA4\x90", false},
    {"drcorn", "\xE2\x8C\x9F", false}, {"drcrop", "\xE2\x8C\x8C", false}, {"dscr", "\xF0\x9D\x92\xB9", false},
    {"dscy", "\xD1\x95", false}, {"dsol", "\xE2\xA7\xB6", false}, {"dstrok", "\xC4\x91", false},
    {"dtdot", "\xE2\x8B\xB1", false}, {"dtri", "\xE2\x96\xBF", false}, {"dtrif", "\xE2\x96\xBE", false},
    {"duarr", "\xE2\x87\xB5", false}, {"duhar", "\xE2\xA5\xAF", false}, {"dwangle", "\xE2\xA6\xA6", false},
    {"dzcy", "\xD1\x9F", false}, {"dzigrarr", "\xE2\x9F\xBF", false}, {"eDDot", "\xE2\xA9\xB7", false},
    {"eDot", "\xE2\x89\x91", false}, {"eacute", "\xC3\xA9", true}, {"easter", "\xE2\xA9\xAE", false},
    {"ecaron", "\xC4\x9B", false}, {"ecir", "\xE2\x89\x96", false}, {"ecirc", "\xC3\xAA", true},
    {"ecolon", "\xE2\x89\x95", false}, {"ecy", "\xD1\x8D", false}, {"edot", "\xC4\x97", false},
    {"ee", "\xE2\x85\x87", false}, {"efDot", "\xE2\x89\x92", false}, {"efr", "\xF0\x9D\x94\xA2", false},
    {"eg", "\xE2\xAA\x9A", false}, {"egrave", "\xC3\xA8", true}, {"egs", "\xE2\xAA\x96", false},
    {"egsdot", "\xE2\xAA\x98", false}, {"el", "\xE2\xAA\x99", false}, {"elinters", "\xE2\x8F\xA7", false},
    {"ell", "\xE2\x84\x93", false}, {"els", "\xE2\xAA\x95", false}, {"elsdot", "\xE2\xAA\x97", false},
    {"emacr", "\xC4\x93", false}, {"empty", "\xE2\x88\x85", false}, {"emptyset", "\xE2\x88\x85", false},
    {"emptyv", "\xE2\x88\x85", false}, {"emsp", "\xE2\x80\x83", false}, {"emsp13", "\xE2\x80\x84", false},
    {"emsp14", "\xE2\x80\x85", false}, {"eng", "\xC5\x8B", false}, {"ensp", "\xE2\x80\x82", false},
    {"eogon", "\xC4\x99", false}, {"eopf", "\xF0\x9D\x95\x96", false}, {"epar", "\xE2\x8B\x95", false},
    {"eparsl", "\xE2\xA7\xA3", false}, {"eplus", "\xE2\xA9\xB1", false}, {"epsi", "\xCE\xB5", false},
    {"epsilon", "\xCE\xB5", false}, {"epsiv", "\xCF\xB5", false}, {"eqcirc", "\xE2\x89\x96", false},
    {"eqcolon", "\xE2\x89\x95", false}, {"eqsim", "\xE2\x89\x82", false}, {"eqslantgtr", "\xE2\xAA\x96", false},
    {"eqslantless", "\xE2\xAA\x95", false}, {"equals", "=", false}, {"equest", "\xE2\x89\x9F", false},
    {"equiv", "\xE2\x89\xA1", false}, {"equivDD", "\xE2\xA9\xB8", false}, {"eqvparsl", "\xE2\xA7\xA5", false},
    {"erDot", "\xE2\x89\x93", false}, {"erarr", "\xE2\xA5\xB1", false}, {"escr", "\xE2\x84\xAF", false},
    {"esdot", "\xE2\x89\x90", false}, {"esim", "\xE2\x89\x82", false}, {"eta", "\xCE\xB7", false},
    {"eth", "\xC3\xB0", true}, {"euml", "\xC3\xAB", true}, {"euro", "\xE2\x82\xAC", false},
    {"excl", "!", false}, {"exist", "\xE2\x88\x83", false}, {"expectation", "\xE2\x84\xB0", false},
    {"exponentiale", "\xE2\x85\x87", false}, {"fallingdotseq", "\xE2\x89\x92", false},
    {"fcy", "\xD1\x84", false}, {"female", "\xE2\x99\x80", false}, {"ffilig", "\xEF\xAC\x83", false},
    {"fflig", "\xEF\xAC\x80", false}, {"ffllig", "\xEF\xAC\x84", false}, {"ffr", "\xF0\x9D\x94\xA3", false},
    {"filig", "\xEF\xAC\x81", false}, {"fjlig", "fj", false}, {"flat", "\xE2\x99\xAD", false},
    {"fllig", "\xEF\xAC\x82", false}, {"fltns", "\xE2\x96\xB1", false}, {"fnof", "\xC6\x92", false},
    {"fopf", "\xF0\x9D\x95\x97", false}, {"forall", "\xE2\x88\x80", false}, {"fork", "\xE2\x8B\x94", false},
    {"forkv", "\xE2\xAB\x99", false}, {"fpartint", "\xE2\xA8\x8D", false}, {"frac12", "\xC2\xBD", true},
    {"frac13", "\xE2\x85\x93", false}, {"frac14", "\xC2\xBC", true}, {"frac15", "\xE2\x85\x95", false},
    {"frac16", "\xE2\x85\x99", false}, {"frac18", "\xE2\x85\x9B", false}, {"frac23", "\xE2\x85\x94", false},
    {"frac25", "\xE2\x85\x96", false}, {"frac34", "\xC2\xBE", true}, {"frac35", "\xE2\x85\x97", false},
    {"frac38", "\xE2\x85\x9C", false}, {"frac45", "\xE2\x85\x98", false}, {"frac56", "\xE2\x85\x9A", false},
    {"frac58", "\xE2\x85\x9D", false}, {"frac78", "\xE2\x85\x9E", false}, {"frasl", "\xE2\x81\x84", false},
    {"frown", "\xE2\x8C\xA2", false}, {"fscr", "\xF0\x9D\x92\xBB", false}, {"gE", "\xE2\x89\xA7", false},
    {"gEl", "\xE2\xAA\x8C", false}, {"gacute", "\xC7\xB5", false}, {"gamma", "\xCE\xB3", false},
    {"gammad", "\xCF\x9D", false}, {"gap", "\xE2\xAA\x86", false}, {"gbreve", "\xC4\x9F", false},
    {"gcirc", "\xC4\x9D", false}, {"gcy", "\xD0\xB3", false}, {"gdot", "\xC4\xA1", false},
    {"ge", "\xE2\x89\xA5", false}, {"gel", "\xE2\x8B\x9B", false}, {"geq", "\xE2\x89\xA5", false},
    {"geqq", "\xE2\x89\xA7", false}, {"geqslant", "\xE2\xA9\xBE", false}, {"ges", "\xE2\xA9\xBE", false},
    {"gescc", "\xE2\xAA\xA9", false}, {"gesdot", "\xE2\xAA\x80", false}, {"gesdoto", "\xE2\xAA\x82", false},
    {"gesdotol", "\xE2\xAA\x84", false}, {"gesl", "\xE2\x8B\x9B\xEF\xB8\x80", false},
    {"gesles", "\xE2\xAA\x94", false}, {"gfr", "\xF0\x9D\x94\xA4", false}, {"gg", "\xE2\x89\xAB", false},
    {"ggg", "\xE2\x8B\x99", false}, {"gimel", "\xE2\x84\xB7", false}, {"gjcy", "\xD1\x93", false},
    {"gl", "\xE2\x89\xB7", false}, {"glE", "\xE2\xAA\x92", false}, {"gla", "\xE2\xAA\xA5", false},
    {"glj", "\xE2\xAA\xA4", false}, {"gnE", "\xE2\x89\xA9", false}, {"gnap", "\xE2\xAA\x8A", false},
    {"gnapprox", "\xE2\xAA\x8A", false}, {"gne", "\xE2\xAA\x88", false}, {"gneq", "\xE2\xAA\x88", false},
    {"gneqq", "\xE2\x89\xA9", false}, {"gnsim", "\xE2\x8B\xA7", false}, {"gopf", "\xF0\x9D\x95\x98", false},
    {"grave", "`", false}, {"gscr", "\xE2\x84\x8A", false}, {"gsim", "\xE2\x89\xB3", false},
    {"gsime", "\xE2\xAA\x8E", false}, {"gsiml", "\xE2\xAA\x90", false}, {"gt", ">", true},
    {"gtcc", "\xE2\xAA\xA7", false}, {"gtcir", "\xE2\xA9\xBA", false}, {"gtdot", "\xE2\x8B\x97", false},
    {"gtlPar", "\xE2\xA6\x95", false}, {"gtquest", "\xE2\xA9\xBC", false}, {"gtrapprox", "\xE2\xAA\x86", false},
    {"gtrarr", "\xE2\xA5\xB8", false}, {"gtrdot", "\xE2\x8B\x97", false}, {"gtreqless", "\xE2\x8B\x9B", false},
    {"gtreqqless", "\xE2\xAA\x8C", false}, {"gtrless", "\xE2\x89\xB7", false},
    {"gtrsim", "\xE2\x89\xB3", false}, {"gvertneqq", "\xE2\x89\xA9\xEF\xB8\x80", false},
    {"gvnE", "\xE2\x89\xA9\xEF\xB8\x80", false}, {"hArr", "\xE2\x87\x94", false},
    {"hairsp", "\xE2\x80\x8A", false}, {"half", "\xC2\xBD", false}, {"hamilt", "\xE2\x84\x8B", false},
    {"hardcy", "\xD1\x8A", false}, {"harr", "\xE2\x86\x94", false}, {"harrcir", "\xE2\xA5\x88", false},
    {"harrw", "\xE2\x86\xAD", false}, {"hbar", "\xE2\x84\x8F", false}, {"hcirc", "\xC4\xA5", false},
    {"hearts", "\xE2\x99\xA5", false}, {"heartsuit", "\xE2\x99\xA5", false}, {"hellip", "\xE2\x80\xA6", false},
    {"hercon", "\xE2\x8A\xB9", false}, {"hfr", "\xF0\x9D\x94\xA5", false}, {"hksearow", "\xE2\xA4\xA5", false},
    {"hkswarow", "\xE2\xA4\xA6", false}, {"hoarr", "\xE2\x87\xBF", false}, {"homtht", "\xE2\x88\xBB", false},
    {"hookleftarrow", "\xE2\x86\xA9", false}, {"hookrightarrow", "\xE2\x86\xAA", false},
    {"hopf", "\xF0\x9D\x95\x99", false}, {"horbar", "\xE2\x80\x95", false}, {"hscr", "\xF0\x9D\x92\xBD", false},
    {"hslash", "\xE2\x84\x8F", false}, {"hstrok", "\xC4\xA7", false}, {"hybull", "\xE2\x81\x83", false},
    {"hyphen", "\xE2\x80\x90", false}, {"iacute", "\xC3\xAD", true}, {"ic", "\xE2\x81\xA3", false},
    {"icirc", "\xC3\xAE", true}, {"icy", "\xD0\xB8", false}, {"iecy", "\xD0\xB5", false},
    {"iexcl", "\xC2\xA1", true}, {"iff", "\xE2\x87\x94", false}, {"ifr", "\xF0\x9D\x94\xA6", false},
    {"igrave", "\xC3\xAC", true}, {"ii", "\xE2\x85\x88", false}, {"iiiint", "\xE2\xA8\x8C", false},
    {"iiint", "\xE2\x88\xAD", false}, {"iinfin", "\xE2\xA7\x9C", false}, {"iiota", "\xE2\x84\xA9", false},
    {"ijlig", "\xC4\xB3", false}, {"imacr", "\xC4\xAB", false}, {"image", "\xE2\x84\x91", false},
    {"imagline", "\xE2\x84\x90", false}, {"imagpart", "\xE2\x84\x91", false}, {"imath", "\xC4\xB1", false},
    {"imof", "\xE2\x8A\xB7", false}, {"imped", "\xC6\xB5", false}, {"in", "\xE2\x88\x88", false},
    {"incare", "\xE2\x84\x85", false}, {"infin", "\xE2\x88\x9E", false}, {"infintie", "\xE2\xA7\x9D", false},
    {"inodot", "\xC4\xB1", false}, {"int", "\xE2\x88\xAB", false}, {"intcal", "\xE2\x8A\xBA", false},
    {"integers", "\xE2\x84\xA4", false}, {"intercal", "\xE2\x8A\xBA", false},
    {"intlarhk", "\xE2\xA8\x97", false}, {"intprod", "\xE2\xA8\xBC", false}, {"iocy", "\xD1\x91", false},
    {"iogon", "\xC4\xAF", false}, {"iopf", "\xF0\x9D\x95\x9A", false}, {"iota", "\xCE\xB9", false},
    {"iprod", "\xE2\xA8\xBC", false}, {"iquest", "\xC2\xBF", true}, {"iscr", "\xF0\x9D\x92\xBE", false},
    {"isin", "\xE2\x88\x88", false}, {"isinE", "\xE2\x8B\xB9", false}, {"isindot", "\xE2\x8B\xB5", false},
    {"isins", "\xE2\x8B\xB4", false}, {"isinsv", "\xE2\x8B\xB3", false}, {"isinv", "\xE2\x88\x88", false},
    {"it", "\xE2\x81\xA2", false}, {"itilde", "\xC4\xA9", false}, {"iukcy", "\xD1\x96", false},
    {"iuml", "\xC3\xAF", true}, {"jcirc", "\xC4\xB5", false}, {"jcy", "\xD0\xB9", false},
    {"jfr", "\xF0\x9D\x94\xA7", false}, {"jmath", "\xC8\xB7", false}, {"jopf", "\xF0\x9D\x95\x9B", false},
    {"jscr", "\xF0\x9D\x92\xBF", false}, {"jsercy", "\xD1\x98", false}, {"jukcy", "\xD1\x94", false},
    {"kappa", "\xCE\xBA", false}, {"kappav", "\xCF\xB0", false}, {"kcedil", "\xC4\xB7", false},
    {"kcy", "\xD0\xBA", false}, {"kfr", "\xF0\x9D\x94\xA8", false}, {"kgreen", "\xC4\xB8", false},
    {"khcy", "\xD1\x85", false}, {"kjcy", "\xD1\x9C", false}, {"kopf", "\xF0\x9D\x95\x9C", false},
    {"kscr", "\xF0\x9D\x93\x80", false}, {"lAarr", "\xE2\x87\x9A", false}, {"lArr", "\xE2\x87\x90", false},
    {"lAtail", "\xE2\xA4\x9B", false}, {"lBarr", "\xE2\xA4\x8E", false}, {"lE", "\xE2\x89\xA6", false},
    {"lEg", "\xE2\xAA\x8B", false}, {"lHar", "\xE2\xA5\xA2", false}, {"lacute", "\xC4\xBA", false},
    {"laemptyv", "\xE2\xA6\xB4", false}, {"lagran", "\xE2\x84\x92", false}, {"lambda", "\xCE\xBB", false},
    {"lang", "\xE2\x9F\xA8", false}, {"langd", "\xE2\xA6\x91", false}, {"langle", "\xE2\x9F\xA8", false},
    {"lap", "\xE2\xAA\x85", false}, {"laquo", "\xC2\xAB", true}, {"larr", "\xE2\x86\x90", false},
    {"larrb", "\xE2\x87\xA4", false}, {"larrbfs", "\xE2\xA4\x9F", false}, {"larrfs", "\xE2\xA4\x9D", false},
    {"larrhk", "\xE2\x86\xA9", false}, {"larrlp", "\xE2\x86\xAB", false}, {"larrpl", "\xE2\xA4\xB9", false},
    {"larrsim", "\xE2\xA5\xB3", false}, {"larrtl", "\xE2\x86\xA2", false}, {"lat", "\xE2\xAA\xAB", false},
    {"latail", "\xE2\xA4\x99", false}, {"late", "\xE2\xAA\xAD", false},
    {"lates", "\xE2\xAA\xAD\xEF\xB8\x80", false}, {"lbarr", "\xE2\xA4\x8C", false},
    {"lbbrk", "\xE2\x9D\xB2", false}, {"lbrace", "{", false}, {"lbrack", "[", false},
    {"lbrke", "\xE2\xA6\x8B", false}, {"lbrksld", "\xE2\xA6\x8F", false}, {"lbrkslu", "\xE2\xA6\x8D", false},
    {"lcaron", "\xC4\xBE", false}, {"lcedil", "\xC4\xBC", false}, {"lceil", "\xE2\x8C\x88", false},
    {"lcub", "{", false}, {"lcy", "\xD0\xBB", false}, {"ldca", "\xE2\xA4\xB6", false},
    {"ldquo", "\xE2\x80\x9C", false}, {"ldquor", "\xE2\x80\x9E", false}, {"ldrdhar", "\xE2\xA5\xA7", false},
    {"ldrushar", "\xE2\xA5\x8B", false}, {"ldsh", "\xE2\x86\xB2", false}, {"le", "\xE2\x89\xA4", false},
    {"leftarrow", "\xE2\x86\x90", false}, {"leftarrowtail", "\xE2\x86\xA2", false},
    {"leftharpoondown", "\xE2\x86\xBD", false}, {"leftharpoonup", "\xE2\x86\xBC", false},
    {"leftleftarrows", "\xE2\x87\x87", false}, {"leftrightarrow", "\xE2\x86\x94", false},
    {"leftrightarrows", "\xE2\x87\x86", false}, {"leftrightharpoons", "\xE2\x87\x8B", false},
    {"leftrightsquigarrow", "\xE2\x86\xAD", false}, {"leftthreetimes", "\xE2\x8B\x8B", false},
    {"leg", "\xE2\x8B\x9A", false}, {"leq", "\xE2\x89\xA4", false}, {"leqq", "\xE2\x89\xA6", false},
    {"leqslant", "\xE2\xA9\xBD", false}, {"les", "\xE2\xA9\xBD", false}, {"lescc", "\xE2\xAA\xA8", false},
    {"lesdot", "\xE2\xA9\xBF", false}, {"lesdoto", "\xE2\xAA\x81", false}, {"lesdotor", "\xE2\xAA\x83", false},
    {"lesg", "\xE2\x8B\x9A\xEF\xB8\x80", false}, {"lesges", "\xE2\xAA\x93", false},
    {"lessapprox", "\xE2\xAA\x85", false}, {"lessdot", "\xE2\x8B\x96", false},
    {"lesseqgtr", "\xE2\x8B\x9A", false}, {"lesseqqgtr", "\xE2\xAA\x8B", false},
    {"lessgtr", "\xE2\x89\xB6", false}, {"lesssim", "\xE2\x89\xB2", false}, {"lfisht", "\xE2\xA5\xBC", false},
    {"lfloor", "\xE2\x8C\x8A", false}, {"lfr", "\xF0\x9D\x94\xA9", false}, {"lg", "\xE2\x89\xB6", false},
    {"lgE", "\xE2\xAA\x91", false}, {"lhard", "\xE2\x86\xBD", false}, {"lharu", "\xE2\x86\xBC", false},
    {"lharul", "\xE2\xA5\xAA", false}, {"lhblk", "\xE2\x96\x84", false}, {"ljcy", "\xD1\x99", false},
    {"ll", "\xE2\x89\xAA", false}, {"llarr", "\xE2\x87\x87", false}, {"llcorner", "\xE2\x8C\x9E", false},
    {"llhard", "\xE2\xA5\xAB", false}, {"lltri", "\xE2\x97\xBA", false}, {"lmidot", "\xC5\x80", false},
    {"lmoust", "\xE2\x8E\xB0", false}, {"lmoustache", "\xE2\x8E\xB0", false}, {"lnE", "\xE2\x89\xA8", false},
    {"lnap", "\xE2\xAA\x89", false}, {"lnapprox", "\xE2\xAA\x89", false}, {"lne", "\xE2\xAA\x87", false},
    {"lneq", "\xE2\xAA\x87", false}, {"lneqq", "\xE2\x89\xA8", false}, {"lnsim", "\xE2\x8B\xA6", false},
    {"loang", "\xE2\x9F\xAC", false}, {"loarr", "\xE2\x87\xBD", false}, {"lobrk", "\xE2\x9F\xA6", false},
    {"longleftarrow", "\xE2\x9F\xB5", false}, {"longleftrightarrow", "\xE2\x9F\xB7", false},
    {"longmapsto", "\xE2\x9F\xBC", false}, {"longrightarrow", "\xE2\x9F\xB6", false},
    {"looparrowleft", "\xE2\x86\xAB", false}, {"looparrowright", "\xE2\x86\xAC", false},
    {"lopar", "\xE2\xA6\x85", false}, {"lopf", "\xF0\x9D\x95\x9D", false}, {"loplus", "\xE2\xA8\xAD", false},
    {"lotimes", "\xE2\xA8\xB4", false}, {"lowast", "\xE2\x88\x97", false}, {"lowbar", "_", false},
    {"loz", "\xE2\x97\x8A", false}, {"lozenge", "\xE2\x97\x8A", false}, {"lozf", "\xE2\xA7\xAB", false},
    {"lpar", "(", false}, {"lparlt", "\xE2\xA6\x93", false}, {"lrarr", "\xE2\x87\x86", false},
    {"lrcorner", "\xE2\x8C\x9F", false}, {"lrhar", "\xE2\x87\x8B", false}, {"lrhard", "\xE2\xA5\xAD", false},
    {"lrm", "\xE2\x80\x8E", false}, {"lrtri", "\xE2\x8A\xBF", false}, {"lsaquo", "\xE2\x80\xB9", false},
    {"lscr", "\xF0\x9D\x93\x81", false}, {"lsh", "\xE2\x86\xB0", false}, {"lsim", "\xE2\x89\xB2", false},
    {"lsime", "\xE2\xAA\x8D", false}, {"lsimg", "\xE2\xAA\x8F", false}, {"lsqb", "[", false},
    {"lsquo", "\xE2\x80\x98", false}, {"lsquor", "\xE2\x80\x9A", false}, {"lstrok", "\xC5\x82", false},
    {"lt", "<", true}, {"ltcc", "\xE2\xAA\xA6", false}, {"ltcir", "\xE2\xA9\xB9", false},
    {"ltdot", "\xE2\x8B\x96", false}, {"lthree", "\xE2\x8B\x8B", false}, {"ltimes", "\xE2\x8B\x89", false},
    {"ltlarr", "\xE2\xA5\xB6", false}, {"ltquest", "\xE2\xA9\xBB", false}, {"ltrPar", "\xE2\xA6\x96", false},
    {"ltri", "\xE2\x97\x83", false}, {"ltrie", "\xE2\x8A\xB4", false}, {"ltrif", "\xE2\x97\x82", false},
    {"lurdshar", "\xE2\xA5\x8A", false}, {"luruhar", "\xE2\xA5\xA6", false},
    {"lvertneqq", "\xE2\x89\xA8\xEF\xB8\x80", false}, {"lvnE", "\xE2\x89\xA8\xEF\xB8\x80", false},
    {"mDDot", "\xE2\x88\xBA", false}, {"macr", "\xC2\xAF", true}, {"male", "\xE2\x99\x82", false},
    {"malt", "\xE2\x9C\xA0", false}, {"maltese", "\xE2\x9C\xA0", false}, {"map", "\xE2\x86\xA6", false},
    {"mapsto", "\xE2\x86\xA6", false}, {"mapstodown", "\xE2\x86\xA7", false},
    {"mapstoleft", "\xE2\x86\xA4", false}, {"mapstoup", "\xE2\x86\xA5", false},
    {"marker", "\xE2\x96\xAE", false}, {"mcomma", "\xE2\xA8\xA9", false}, {"mcy", "\xD0\xBC", false},
    {"mdash", "\xE2\x80\x94", false}, {"measuredangle", "\xE2\x88\xA1", false},
    {"mfr", "\xF0\x9D\x94\xAA", false}, {"mho", "\xE2\x84\xA7", false}, {"micro", "\xC2\xB5", true},
    {"mid", "\xE2\x88\xA3", false}, {"midast", "*", false}, {"midcir", "\xE2\xAB\xB0", false},
    {"middot", "\xC2\xB7", true}, {"minus", "\xE2\x88\x92", false}, {"minusb", "\xE2\x8A\x9F", false},
    {"minusd", "\xE2\x88\xB8", false}, {"minusdu", "\xE2\xA8\xAA", false}, {"mlcp", "\xE2\xAB\x9B", false},
    {"mldr", "\xE2\x80\xA6", false}, {"mnplus", "\xE2\x88\x93", false}, {"models", "\xE2\x8A\xA7", false},
    {"mopf", "\xF0\x9D\x95\x9E", false}, {"mp", "\xE2\x88\x93", false}, {"mscr", "\xF0\x9D\x93\x82", false},
    {"mstpos", "\xE2\x88\xBE", false}, {"mu", "\xCE\xBC", false}, {"multimap", "\xE2\x8A\xB8", false},
    {"mumap", "\xE2\x8A\xB8", false}, {"nGg", "\xE2\x8B\x99\xCC\xB8", false},
    {"nGt", "\xE2\x89\xAB\xE2\x83\x92", false}, {"nGtv", "\xE2\x89\xAB\xCC\xB8", false},
    {"nLeftarrow", "\xE2\x87\x8D", false}, {"nLeftrightarrow", "\xE2\x87\x8E", false},
    {"nLl", "\xE2\x8B\x98\xCC\xB8", false}, {"nLt", "\xE2\x89\xAA\xE2\x83\x92", false},
    {"nLtv", "\xE2\x89\xAA\xCC\xB8", false}, {"nRightarrow", "\xE2\x87\x8F", false},
    {"nVDash", "\xE2\x8A\xAF", false}, {"nVdash", "\xE2\x8A\xAE", false}, {"nabla", "\xE2\x88\x87", false},
    {"nacute", "\xC5\x84", false}, {"nang", "\xE2\x88\xA0\xE2\x83\x92", false}, {"nap", "\xE2\x89\x89", false},
    {"napE", "\xE2\xA9\xB0\xCC\xB8", false}, {"napid", "\xE2\x89\x8B\xCC\xB8", false},
    {"napos", "\xC5\x89", false}, {"napprox", "\xE2\x89\x89", false}, {"natur", "\xE2\x99\xAE", false},
    {"natural", "\xE2\x99\xAE", false}, {"naturals", "\xE2\x84\x95", false}, {"nbsp", "\xC2\xA0", true},
    {"nbump", "\xE2\x89\x8E\xCC\xB8", false}, {"nbumpe", "\xE2\x89\x8F\xCC\xB8", false},
    {"ncap", "\xE2\xA9\x83", false}, {"ncaron", "\xC5\x88", false}, {"ncedil", "\xC5\x86", false},
    {"ncong", "\xE2\x89\x87", false}, {"ncongdot", "\xE2\xA9\xAD\xCC\xB8", false},
    {"ncup", "\xE2\xA9\x82", false}, {"ncy", "\xD0\xBD", false}, {"ndash", "\xE2\x80\x93", false},
    {"ne", "\xE2\x89\xA0", false}, {"neArr", "\xE2\x87\x97", false}, {"nearhk", "\xE2\xA4\xA4", false},
    {"nearr", "\xE2\x86\x97", false}, {"nearrow", "\xE2\x86\x97", false},
    {"nedot", "\xE2\x89\x90\xCC\xB8", false}, {"nequiv", "\xE2\x89\xA2", false},
    {"nesear", "\xE2\xA4\xA8", false}, {"nesim", "\xE2\x89\x82\xCC\xB8", false},
    {"nexist", "\xE2\x88\x84", false}, {"nexists", "\xE2\x88\x84", false}, {"nfr", "\xF0\x9D\x94\xAB", false},
    {"ngE", "\xE2\x89\xA7\xCC\xB8", false}, {"nge", "\xE2\x89\xB1", false}, {"ngeq", "\xE2\x89\xB1", false},
    {"ngeqq", "\xE2\x89\xA7\xCC\xB8", false}, {"ngeqslant", "\xE2\xA9\xBE\xCC\xB8", false},
    {"nges", "\xE2\xA9\xBE\xCC\xB8", false}, {"ngsim", "\xE2\x89\xB5", false}, {"ngt", "\xE2\x89\xAF", false},
    {"ngtr", "\xE2\x89\xAF", false}, {"nhArr", "\xE2\x87\x8E", false}, {"nharr", "\xE2\x86\xAE", false},
    {"nhpar", "\xE2\xAB\xB2", false}, {"ni", "\xE2\x88\x8B", false}, {"nis", "\xE2\x8B\xBC", false},
    {"nisd", "\xE2\x8B\xBA", false}, {"niv", "\xE2\x88\x8B", false}, {"njcy", "\xD1\x9A", false},
    {"nlArr", "\xE2\x87\x8D", false}, {"nlE", "\xE2\x89\xA6\xCC\xB8", false}, {"nlarr", "\xE2\x86\x9A", false},
    {"nldr", "\xE2\x80\xA5", false}, {"nle", "\xE2\x89\xB0", false}, {"nleftarrow", "\xE2\x86\x9A", false},
    {"nleftrightarrow", "\xE2\x86\xAE", false}, {"nleq", "\xE2\x89\xB0", false},
    {"nleqq", "\xE2\x89\xA6\xCC\xB8", false}, {"nleqslant", "\xE2\xA9\xBD\xCC\xB8", false},
    {"nles", "\xE2\xA9\xBD\xCC\xB8", false}, {"nless", "\xE2\x89\xAE", false}, {"nlsim", "\xE2\x89\xB4", false},
    {"nlt", "\xE2\x89\xAE", false}, {"nltri", "\xE2\x8B\xAA", false}, {"nltrie", "\xE2\x8B\xAC", false},
    {"nmid", "\xE2\x88\xA4", false}, {"nopf", "\xF0\x9D\x95\x9F", false}, {"not", "\xC2\xAC", true},
    {"notin", "\xE2\x88\x89", false}, {"notinE", "\xE2\x8B\xB9\xCC\xB8", false},
    {"notindot", "\xE2\x8B\xB5\xCC\xB8", false}, {"notinva", "\xE2\x88\x89", false},
    {"notinvb", "\xE2\x8B\xB7", false}, {"notinvc", "\xE2\x8B\xB6", false}, {"notni", "\xE2\x88\x8C", false},
    {"notniva", "\xE2\x88\x8C", false}, {"notnivb", "\xE2\x8B\xBE", false}, {"notnivc", "\xE2\x8B\xBD", false},
    {"npar", "\xE2\x88\xA6", false}, {"nparallel", "\xE2\x88\xA6", false},
    {"nparsl", "\xE2\xAB\xBD\xE2\x83\xA5", false}, {"npart", "\xE2\x88\x82\xCC\xB8", false},
    {"npolint", "\xE2\xA8\x94", false}, {"npr", "\xE2\x8A\x80", false}, {"nprcue", "\xE2\x8B\xA0", false},
    {"npre", "\xE2\xAA\xAF\xCC\xB8", false}, {"nprec", "\xE2\x8A\x80", false},
    {"npreceq", "\xE2\xAA\xAF\xCC\xB8", false}, {"nrArr", "\xE2\x87\x8F", false},
    {"nrarr", "\xE2\x86\x9B", false}, {"nrarrc", "\xE2\xA4\xB3\xCC\xB8", false},
    {"nrarrw", "\xE2\x86\x9D\xCC\xB8", false}, {"nrightarrow", "\xE2\x86\x9B", false},
    {"nrtri", "\xE2\x8B\xAB", false}, {"nrtrie", "\xE2\x8B\xAD", false}, {"nsc", "\xE2\x8A\x81", false},
    {"nsccue", "\xE2\x8B\xA1", false}, {"nsce", "\xE2\xAA\xB0\xCC\xB8", false},
    {"nscr", "\xF0\x9D\x93\x83", false}, {"nshortmid", "\xE2\x88\xA4", false},
    {"nshortparallel", "\xE2\x88\xA6", false}, {"nsim", "\xE2\x89\x81", false},
    {"nsime", "\xE2\x89\x84", false}, {"nsimeq", "\xE2\x89\x84", false}, {"nsmid", "\xE2\x88\xA4", false},
    {"nspar", "\xE2\x88\xA6", false}, {"nsqsube", "\xE2\x8B\xA2", false}, {"nsqsupe", "\xE2\x8B\xA3", false},
    {"nsub", "\xE2\x8A\x84", false}, {"nsubE", "\xE2\xAB\x85\xCC\xB8", false}, {"nsube", "\xE2\x8A\x88", false},
    {"nsubset", "\xE2\x8A\x82\xE2\x83\x92", false}, {"nsubseteq", "\xE2\x8A\x88", false},
    {"nsubseteqq", "\xE2\xAB\x85\xCC\xB8", false}, {"nsucc", "\xE2\x8A\x81", false},
    {"nsucceq", "\xE2\xAA\xB0\xCC\xB8", false}, {"nsup", "\xE2\x8A\x85", false},
    {"nsupE", "\xE2\xAB\x86\xCC\xB8", false}, {"nsupe", "\xE2\x8A\x89", false},
    {"nsupset", "\xE2\x8A\x83\xE2\x83\x92", false}, {"nsupseteq", "\xE2\x8A\x89", false},
    {"nsupseteqq", "\xE2\xAB\x86\xCC\xB8", false}, {"ntgl", "\xE2\x89\xB9", false},
    {"ntilde", "\xC3\xB1", true}, {"ntlg", "\xE2\x89\xB8", false}, {"ntriangleleft", "\xE2\x8B\xAA", false},
    {"ntrianglelefteq", "\xE2\x8B\xAC", false}, {"ntriangleright", "\xE2\x8B\xAB", false},
    {"ntrianglerighteq", "\xE2\x8B\xAD", false}, {"nu", "\xCE\xBD", false}, {"num", "#", false},
    {"numero", "\xE2\x84\x96", false}, {"numsp", "\xE2\x80\x87", false}, {"nvDash", "\xE2\x8A\xAD", false},
    {"nvHarr", "\xE2\xA4\x84", false}, {"nvap", "\xE2\x89\x8D\xE2\x83\x92", false},
    {"nvdash", "\xE2\x8A\xAC", false}, {"nvge", "\xE2\x89\xA5\xE2\x83\x92", false},
    {"nvgt", ">\xE2\x83\x92", false}, {"nvinfin", "\xE2\xA7\x9E", false}, {"nvlArr", "\xE2\xA4\x82", false},
    {"nvle", "\xE2\x89\xA4\xE2\x83\x92", false}, {"nvlt", "<\xE2\x83\x92", false},
    {"nvltrie", "\xE2\x8A\xB4\xE2\x83\x92", false}, {"nvrArr", "\xE2\xA4\x83", false},
    {"nvrtrie", "\xE2\x8A\xB5\xE2\x83\x92", false}, {"nvsim", "\xE2\x88\xBC\xE2\x83\x92", false},
    {"nwArr", "\xE2\x87\x96", false}, {"nwarhk", "\xE2\xA4\xA3", false}, {"nwarr", "\xE2\x86\x96", false},
    {"nwarrow", "\xE2\x86\x96", false}, {"nwnear", "\xE2\xA4\xA7", false}, {"oS", "\xE2\x93\x88", false},
    {"oacute", "\xC3\xB3", true}, {"oast", "\xE2\x8A\x9B", false}, {"ocir", "\xE2\x8A\x9A", false},
    {"ocirc", "\xC3\xB4", true}, {"ocy", "\xD0\xBE", false}, {"odash", "\xE2\x8A\x9D", false},
    {"odblac", "\xC5\x91", false}, {"odiv", "\xE2\xA8\xB8", false}, {"odot", "\xE2\x8A\x99", false},
    {"odsold", "\xE2\xA6\xBC", false}, {"oelig", "\xC5\x93", false}, {"ofcir", "\xE2\xA6\xBF", false},
    {"ofr", "\xF0\x9D\x94\xAC", false}, {"ogon", "\xCB\x9B", false}, {"ograve", "\xC3\xB2", true},
    {"ogt", "\xE2\xA7\x81", false}, {"ohbar", "\xE2\xA6\xB5", false}, {"ohm", "\xCE\xA9", false},
    {"oint", "\xE2\x88\xAE", false}, {"olarr", "\xE2\x86\xBA", false}, {"olcir", "\xE2\xA6\xBE", false},
    {"olcross", "\xE2\xA6\xBB", false}, {"oline", "\xE2\x80\xBE", false}, {"olt", "\xE2\xA7\x80", false},
    {"omacr", "\xC5\x8D", false}, {"omega", "\xCF\x89", false}, {"omicron", "\xCE\xBF", false},
    {"omid", "\xE2\xA6\xB6", false}, {"ominus", "\xE2\x8A\x96", false}, {"oopf", "\xF0\x9D\x95\xA0", false},
    {"opar", "\xE2\xA6\xB7", false}, {"operp", "\xE2\xA6\xB9", false}, {"oplus", "\xE2\x8A\x95", false},
    {"or", "\xE2\x88\xA8", false}, {"orarr", "\xE2\x86\xBB", false}, {"ord", "\xE2\xA9\x9D", false},
    {"order", "\xE2\x84\xB4", false}, {"orderof", "\xE2\x84\xB4", false}, {"ordf", "\xC2\xAA", true},
    {"ordm", "\xC2\xBA", true}, {"origof", "\xE2\x8A\xB6", false}, {"oror", "\xE2\xA9\x96", false},
    {"orslope", "\xE2\xA9\x97", false}, {"orv", "\xE2\xA9\x9B", false}, {"oscr", "\xE2\x84\xB4", false},
    {"oslash", "\xC3\xB8", true}, {"osol", "\xE2\x8A\x98", false}, {"otilde", "\xC3\xB5", true},
    {"otimes", "\xE2\x8A\x97", false}, {"otimesas", "\xE2\xA8\xB6", false}, {"ouml", "\xC3\xB6", true},
    {"ovbar", "\xE2\x8C\xBD", false}, {"par", "\xE2\x88\xA5", false}, {"para", "\xC2\xB6", true},
    {"parallel", "\xE2\x88\xA5", false}, {"parsim", "\xE2\xAB\xB3", false}, {"parsl", "\xE2\xAB\xBD", false},
    {"part", "\xE2\x88\x82", false}, {"pcy", "\xD0\xBF", false}, {"percnt", "%", false}, {"period", ".", false},
    {"permil", "\xE2\x80\xB0", false}, {"perp", "\xE2\x8A\xA5", false}, {"pertenk", "\xE2\x80\xB1", false},
    {"pfr", "\xF0\x9D\x94\xAD", false}, {"phi", "\xCF\x86", false}, {"phiv", "\xCF\x95", false},
    {"phmmat", "\xE2\x84\xB3", false}, {"phone", "\xE2\x98\x8E", false}, {"pi", "\xCF\x80", false},
    {"pitchfork", "\xE2\x8B\x94", false}, {"piv", "\xCF\x96", false}, {"planck", "\xE2\x84\x8F", false},
    {"planckh", "\xE2\x84\x8E", false}, {"plankv", "\xE2\x84\x8F", false}, {"plus", "+", false},
    {"plusacir", "\xE2\xA8\xA3", false}, {"plusb", "\xE2\x8A\x9E", false}, {"pluscir", "\xE2\xA8\xA2", false},
    {"plusdo", "\xE2\x88\x94", false}, {"plusdu", "\xE2\xA8\xA5", false}, {"pluse", "\xE2\xA9\xB2", false},
    {"plusmn", "\xC2\xB1", true}, {"plussim", "\xE2\xA8\xA6", false}, {"plustwo", "\xE2\xA8\xA7", false},
    {"pm", "\xC2\xB1", false}, {"pointint", "\xE2\xA8\x95", false}, {"popf", "\xF0\x9D\x95\xA1", false},
    {"pound", "\xC2\xA3", true}, {"pr", "\xE2\x89\xBA", false}, {"prE", "\xE2\xAA\xB3", false},
    {"prap", "\xE2\xAA\xB7", false}, {"prcue", "\xE2\x89\xBC", false}, {"pre", "\xE2\xAA\xAF", false},
    {"prec", "\xE2\x89\xBA", false}, {"precapprox", "\xE2\xAA\xB7", false},
    {"preccurlyeq", "\xE2\x89\xBC", false}, {"preceq", "\xE2\xAA\xAF", false},
    {"precnapprox", "\xE2\xAA\xB9", false}, {"precneqq", "\xE2\xAA\xB5", false},
    {"precnsim", "\xE2\x8B\xA8", false}, {"precsim", "\xE2\x89\xBE", false}, {"prime", "\xE2\x80\xB2", false},
    {"primes", "\xE2\x84\x99", false}, {"prnE", "\xE2\xAA\xB5", false}, {"prnap", "\xE2\xAA\xB9", false},
    {"prnsim", "\xE2\x8B\xA8", false}, {"prod", "\xE2\x88\x8F", false}, {"profalar", "\xE2\x8C\xAE", false},
    {"profline", "\xE2\x8C\x92", false}, {"profsurf", "\xE2\x8C\x93", false}, {"prop", "\xE2\x88\x9D", false},
    {"propto", "\xE2\x88\x9D", false}, {"prsim", "\xE2\x89\xBE", false}, {"prurel", "\xE2\x8A\xB0", false},
    {"pscr", "\xF0\x9D\x93\x85", false}, {"psi", "\xCF\x88", false}, {"puncsp", "\xE2\x80\x88", false},
    {"qfr", "\xF0\x9D\x94\xAE", false}, {"qint", "\xE2\xA8\x8C", false}, {"qopf", "\xF0\x9D\x95\xA2", false},
    {"qprime", "\xE2\x81\x97", false}, {"qscr", "\xF0\x9D\x93\x86", false},
    {"quaternions", "\xE2\x84\x8D", false}, {"quatint", "\xE2\xA8\x96", false}, {"quest", "?", false},
    {"questeq", "\xE2\x89\x9F", false}, {"quot", "\x22", true}, {"rAarr", "\xE2\x87\x9B", false},
    {"rArr", "\xE2\x87\x92", false}, {"rAtail", "\xE2\xA4\x9C", false}, {"rBarr", "\xE2\xA4\x8F", false},
    {"rHar", "\xE2\xA5\xA4", false}, {"race", "\xE2\x88\xBD\xCC\xB1", false}, {"racute", "\xC5\x95", false},
    {"radic", "\xE2\x88\x9A", false}, {"raemptyv", "\xE2\xA6\xB3", false}, {"rang", "\xE2\x9F\xA9", false},
    {"rangd", "\xE2\xA6\x92", false}, {"range", "\xE2\xA6\xA5", false}, {"rangle", "\xE2\x9F\xA9", false},
    {"raquo", "\xC2\xBB", true}, {"rarr", "\xE2\x86\x92", false}, {"rarrap", "\xE2\xA5\xB5", false},
    {"rarrb", "\xE2\x87\xA5", false}, {"rarrbfs", "\xE2\xA4\xA0", false}, {"rarrc", "\xE2\xA4\xB3", false},
    {"rarrfs", "\xE2\xA4\x9E", false}, {"rarrhk", "\xE2\x86\xAA", false}, {"rarrlp", "\xE2\x86\xAC", false},
    {"rarrpl", "\xE2\xA5\x85", false}, {"rarrsim", "\xE2\xA5\xB4", false}, {"rarrtl", "\xE2\x86\xA3", false},
    {"rarrw", "\xE2\x86\x9D", false}, {"ratail", "\xE2\xA4\x9A", false}, {"ratio", "\xE2\x88\xB6", false},
    {"rationals", "\xE2\x84\x9A", false}, {"rbarr", "\xE2\xA4\x8D", false}, {"rbbrk", "\xE2\x9D\xB3", false},
    {"rbrace", "}", false}, {"rbrack", "]", false}, {"rbrke", "\xE2\xA6\x8C", false},
    {"rbrksld", "\xE2\xA6\x8E", false}, {"rbrkslu", "\xE2\xA6\x90", false}, {"rcaron", "\xC5\x99", false},
    {"rcedil", "\xC5\x97", false}, {"rceil", "\xE2\x8C\x89", false}, {"rcub", "}", false},
    {"rcy", "\xD1\x80", false}, {"rdca", "\xE2\xA4\xB7", false}, {"rdldhar", "\xE2\xA5\xA9", false},
    {"rdquo", "\xE2\x80\x9D", false}, {"rdquor", "\xE2\x80\x9D", false}, {"rdsh", "\xE2\x86\xB3", false},
    {"real", "\xE2\x84\x9C", false}, {"realine", "\xE2\x84\x9B", false}, {"realpart", "\xE2\x84\x9C", false},
    {"reals", "\xE2\x84\x9D", false}, {"rect", "\xE2\x96\xAD", false}, {"reg", "\xC2\xAE", true},
    {"rfisht", "\xE2\xA5\xBD", false}, {"rfloor", "\xE2\x8C\x8B", false}, {"rfr", "\xF0\x9D\x94\xAF", false},
    {"rhard", "\xE2\x87\x81", false}, {"rharu", "\xE2\x87\x80", false}, {"rharul", "\xE2\xA5\xAC", false},
    {"rho", "\xCF\x81", false}, {"rhov", "\xCF\xB1", false}, {"rightarrow", "\xE2\x86\x92", false},
    {"rightarrowtail", "\xE2\x86\xA3", false}, {"rightharpoondown", "\xE2\x87\x81", false},
    {"rightharpoonup", "\xE2\x87\x80", false}, {"rightleftarrows", "\xE2\x87\x84", false},
    {"rightleftharpoons", "\xE2\x87\x8C", false}, {"rightrightarrows", "\xE2\x87\x89", false},
    {"rightsquigarrow", "\xE2\x86\x9D", false}, {"rightthreetimes", "\xE2\x8B\x8C", false},
    {"ring", "\xCB\x9A", false}, {"risingdotseq", "\xE2\x89\x93", false}, {"rlarr", "\xE2\x87\x84", false},
    {"rlhar", "\xE2\x87\x8C", false}, {"rlm", "\xE2\x80\x8F", false}, {"rmoust", "\xE2\x8E\xB1", false},
    {"rmoustache", "\xE2\x8E\xB1", false}, {"rnmid", "\xE2\xAB\xAE", false}, {"roang", "\xE2\x9F\xAD", false},
    {"roarr", "\xE2\x87\xBE", false}, {"robrk", "\xE2\x9F\xA7", false}, {"ropar", "\xE2\xA6\x86", false},
    {"ropf", "\xF0\x9D\x95\xA3", false}, {"roplus", "\xE2\xA8\xAE", false}, {"rotimes", "\xE2\xA8\xB5", false},
    {"rpar", ")", false}, {"rpargt", "\xE2\xA6\x94", false}, {"rppolint", "\xE2\xA8\x92", false},
    {"rrarr", "\xE2\x87\x89", false}, {"rsaquo", "\xE2\x80\xBA", false}, {"rscr", "\xF0\x9D\x93\x87", false},
    {"rsh", "\xE2\x86\xB1", false}, {"rsqb", "]", false}, {"rsquo", "\xE2\x80\x99", false},
    {"rsquor", "\xE2\x80\x99", false}, {"rthree", "\xE2\x8B\x8C", false}, {"rtimes", "\xE2\x8B\x8A", false},
    {"rtri", "\xE2\x96\xB9", false}, {"rtrie", "\xE2\x8A\xB5", false}, {"rtrif", "\xE2\x96\xB8", false},
    {"rtriltri", "\xE2\xA7\x8E", false}, {"ruluhar", "\xE2\xA5\xA8", false}, {"rx", "\xE2\x84\x9E", false},
    {"sacute", "\xC5\x9B", false}, {"sbquo", "\xE2\x80\x9A", false}, {"sc", "\xE2\x89\xBB", false},
    {"scE", "\xE2\xAA\xB4", false}, {"scap", "\xE2\xAA\xB8", false}, {"scaron", "\xC5\xA1", false},
    {"sccue", "\xE2\x89\xBD", false}, {"sce", "\xE2\xAA\xB0", false}, {"scedil", "\xC5\x9F", false},
    {"scirc", "\xC5\x9D", false}, {"scnE", "\xE2\xAA\xB6", false}, {"scnap", "\xE2\xAA\xBA", false},
    {"scnsim", "\xE2\x8B\xA9", false}, {"scpolint", "\xE2\xA8\x93", false}, {"scsim", "\xE2\x89\xBF", false},
    {"scy", "\xD1\x81", false}, {"sdot", "\xE2\x8B\x85", false}, {"sdotb", "\xE2\x8A\xA1", false},
    {"sdote", "\xE2\xA9\xA6", false}, {"seArr", "\xE2\x87\x98", false}, {"searhk", "\xE2\xA4\xA5", false},
    {"searr", "\xE2\x86\x98", false}, {"searrow", "\xE2\x86\x98", false}, {"sect", "\xC2\xA7", true},
    {"semi", ";", false}, {"seswar", "\xE2\xA4\xA9", false}, {"setminus", "\xE2\x88\x96", false},
    {"setmn", "\xE2\x88\x96", false}, {"sext", "\xE2\x9C\xB6", false}, {"sfr", "\xF0\x9D\x94\xB0", false},
    {"sfrown", "\xE2\x8C\xA2", false}, {"sharp", "\xE2\x99\xAF", false}, {"shchcy", "\xD1\x89", false},
    {"shcy", "\xD1\x88", false}, {"shortmid", "\xE2\x88\xA3", false}, {"shortparallel", "\xE2\x88\xA5", false},
    {"shy", "\xC2\xAD", true}, {"sigma", "\xCF\x83", false}, {"sigmaf", "\xCF\x82", false},
    {"sigmav", "\xCF\x82", false}, {"sim", "\xE2\x88\xBC", false}, {"simdot", "\xE2\xA9\xAA", false},
    {"sime", "\xE2\x89\x83", false}, {"simeq", "\xE2\x89\x83", false}, {"simg", "\xE2\xAA\x9E", false},
    {"simgE", "\xE2\xAA\xA0", false}, {"siml", "\xE2\xAA\x9D", false}, {"simlE", "\xE2\xAA\x9F", false},
    {"simne", "\xE2\x89\x86", false}, {"simplus", "\xE2\xA8\xA4", false}, {"simrarr", "\xE2\xA5\xB2", false},
    {"slarr", "\xE2\x86\x90", false}, {"smallsetminus", "\xE2\x88\x96", false},
    {"smashp", "\xE2\xA8\xB3", false}, {"smeparsl", "\xE2\xA7\xA4", false}, {"smid", "\xE2\x88\xA3", false},
    {"smile", "\xE2\x8C\xA3", false}, {"smt", "\xE2\xAA\xAA", false}, {"smte", "\xE2\xAA\xAC", false},
    {"smtes", "\xE2\xAA\xAC\xEF\xB8\x80", false}, {"softcy", "\xD1\x8C", false}, {"sol", "/", false},
    {"solb", "\xE2\xA7\x84", false}, {"solbar", "\xE2\x8C\xBF", false}, {"sopf", "\xF0\x9D\x95\xA4", false},
    {"spades", "\xE2\x99\xA0", false}, {"spadesuit", "\xE2\x99\xA0", false}, {"spar", "\xE2\x88\xA5", false},
    {"sqcap", "\xE2\x8A\x93", false}, {"sqcaps", "\xE2\x8A\x93\xEF\xB8\x80", false},
    {"sqcup", "\xE2\x8A\x94", false}, {"sqcups", "\xE2\x8A\x94\xEF\xB8\x80", false},
    {"sqsub", "\xE2\x8A\x8F", false}, {"sqsube", "\xE2\x8A\x91", false}, {"sqsubset", "\xE2\x8A\x8F", false},
    {"sqsubseteq", "\xE2\x8A\x91", false}, {"sqsup", "\xE2\x8A\x90", false}, {"sqsupe", "\xE2\x8A\x92", false},
    {"sqsupset", "\xE2\x8A\x90", false}, {"sqsupseteq", "\xE2\x8A\x92", false}, {"squ", "\xE2\x96\xA1", false},
    {"square", "\xE2\x96\xA1", false}, {"squarf", "\xE2\x96\xAA", false}, {"squf", "\xE2\x96\xAA", false},
    {"srarr", "\xE2\x86\x92", false}, {"sscr", "\xF0\x9D\x93\x88", false}, {"ssetmn", "\xE2\x88\x96", false},
    {"ssmile", "\xE2\x8C\xA3", false}, {"sstarf", "\xE2\x8B\x86", false}, {"star", "\xE2\x98\x86", false},
    {"starf", "\xE2\x98\x85", false}, {"straightepsilon", "\xCF\xB5", false},
    {"straightphi", "\xCF\x95", false}, {"strns", "\xC2\xAF", false}, {"sub", "\xE2\x8A\x82", false},
    {"subE", "\xE2\xAB\x85", false}, {"subdot", "\xE2\xAA\xBD", false}, {"sube", "\xE2\x8A\x86", false},
    {"subedot", "\xE2\xAB\x83", false}, {"submult", "\xE2\xAB\x81", false}, {"subnE", "\xE2\xAB\x8B", false},
    {"subne", "\xE2\x8A\x8A", false}, {"subplus", "\xE2\xAA\xBF", false}, {"subrarr", "\xE2\xA5\xB9", false},
    {"subset", "\xE2\x8A\x82", false}, {"subseteq", "\xE2\x8A\x86", false},
    {"subseteqq", "\xE2\xAB\x85", false}, {"subsetneq", "\xE2\x8A\x8A", false},
    {"subsetneqq", "\xE2\xAB\x8B", false}, {"subsim", "\xE2\xAB\x87", false}, {"subsub", "\xE2\xAB\x95", false},
    {"subsup", "\xE2\xAB\x93", false}, {"succ", "\xE2\x89\xBB", false}, {"succapprox", "\xE2\xAA\xB8", false},
    {"succcurlyeq", "\xE2\x89\xBD", false}, {"succeq", "\xE2\xAA\xB0", false},
    {"succnapprox", "\xE2\xAA\xBA", false}, {"succneqq", "\xE2\xAA\xB6", false},
    {"succnsim", "\xE2\x8B\xA9", false}, {"succsim", "\xE2\x89\xBF", false}, {"sum", "\xE2\x88\x91", false},
    {"sung", "\xE2\x99\xAA", false}, {"sup", "\xE2\x8A\x83", false}, {"sup1", "\xC2\xB9", true},
    {"sup2", "\xC2\xB2", true}, {"sup3", "\xC2\xB3", true}, {"supE", "\xE2\xAB\x86", false},
    {"supdot", "\xE2\xAA\xBE", false}, {"supdsub", "\xE2\xAB\x98", false}, {"supe", "\xE2\x8A\x87", false},
    {"supedot", "\xE2\xAB\x84", false}, {"suphsol", "\xE2\x9F\x89", false}, {"suphsub", "\xE2\xAB\x97", false},
    {"suplarr", "\xE2\xA5\xBB", false}, {"supmult", "\xE2\xAB\x82", false}, {"supnE", "\xE2\xAB\x8C", false},
    {"supne", "\xE2\x8A\x8B", false}, {"supplus", "\xE2\xAB\x80", false}, {"supset", "\xE2\x8A\x83", false},
    {"supseteq", "\xE2\x8A\x87", false}, {"supseteqq", "\xE2\xAB\x86", false},
    {"supsetneq", "\xE2\x8A\x8B", false}, {"supsetneqq", "\xE2\xAB\x8C", false},
    {"supsim", "\xE2\xAB\x88", false}, {"supsub", "\xE2\xAB\x94", false}, {"supsup", "\xE2\xAB\x96", false},
    {"swArr", "\xE2\x87\x99", false}, {"swarhk", "\xE2\xA4\xA6", false}, {"swarr", "\xE2\x86\x99", false},
    {"swarrow", "\xE2\x86\x99", false}, {"swnwar", "\xE2\xA4\xAA", false}, {"szlig", "\xC3\x9F", true},
    {"target", "\xE2\x8C\x96", false}, {"tau", "\xCF\x84", false}, {"tbrk", "\xE2\x8E\xB4", false},
    {"tcaron", "\xC5\xA5", false}, {"tcedil", "\xC5\xA3", false}, {"tcy", "\xD1\x82", false},
    {"tdot", "\xE2\x83\x9B", false}, {"telrec", "\xE2\x8C\x95", false}, {"tfr", "\xF0\x9D\x94\xB1", false},
    {"there4", "\xE2\x88\xB4", false}, {"therefore", "\xE2\x88\xB4", false}, {"theta", "\xCE\xB8", false},
    {"thetasym", "\xCF\x91", false}, {"thetav", "\xCF\x91", false}, {"thickapprox", "\xE2\x89\x88", false},
    {"thicksim", "\xE2\x88\xBC", false}, {"thinsp", "\xE2\x80\x89", false}, {"thkap", "\xE2\x89\x88", false},
    {"thksim", "\xE2\x88\xBC", false}, {"thorn", "\xC3\xBE", true}, {"tilde", "\xCB\x9C", false},
    {"times", "\xC3\x97", true}, {"timesb", "\xE2\x8A\xA0", false}, {"timesbar", "\xE2\xA8\xB1", false},
    {"timesd", "\xE2\xA8\xB0", false}, {"tint", "\xE2\x88\xAD", false}, {"toea", "\xE2\xA4\xA8", false},
    {"top", "\xE2\x8A\xA4", false}, {"topbot", "\xE2\x8C\xB6", false}, {"topcir", "\xE2\xAB\xB1", false},
    {"topf", "\xF0\x9D\x95\xA5", false}, {"topfork", "\xE2\xAB\x9A", false}, {"tosa", "\xE2\xA4\xA9", false},
    {"tprime", "\xE2\x80\xB4", false}, {"trade", "\xE2\x84\xA2", false}, {"triangle", "\xE2\x96\xB5", false},
    {"triangledown", "\xE2\x96\xBF", false}, {"triangleleft", "\xE2\x97\x83", false},
    {"trianglelefteq", "\xE2\x8A\xB4", false}, {"triangleq", "\xE2\x89\x9C", false},
    {"triangleright", "\xE2\x96\xB9", false}, {"trianglerighteq", "\xE2\x8A\xB5", false},
    {"tridot", "\xE2\x97\xAC", false}, {"trie", "\xE2\x89\x9C", false}, {"triminus", "\xE2\xA8\xBA", false},
    {"triplus", "\xE2\xA8\xB9", false}, {"trisb", "\xE2\xA7\x8D", false}, {"tritime", "\xE2\xA8\xBB", false},
    {"trpezium", "\xE2\x8F\xA2", false}, {"tscr", "\xF0\x9D\x93\x89", false}, {"tscy", "\xD1\x86", false},
    {"tshcy", "\xD1\x9B", false}, {"tstrok", "\xC5\xA7", false}, {"twixt", "\xE2\x89\xAC", false},
    {"twoheadleftarrow", "\xE2\x86\x9E", false}, {"twoheadrightarrow", "\xE2\x86\xA0", false},
    {"uArr", "\xE2\x87\x91", false}, {"uHar", "\xE2\xA5\xA3", false}, {"uacute", "\xC3\xBA", true},
    {"uarr", "\xE2\x86\x91", false}, {"ubrcy", "\xD1\x9E", false}, {"ubreve", "\xC5\xAD", false},
    {"ucirc", "\xC3\xBB", true}, {"ucy", "\xD1\x83", false}, {"udarr", "\xE2\x87\x85", false},
    {"udblac", "\xC5\xB1", false}, {"udhar", "\xE2\xA5\xAE", false}, {"ufisht", "\xE2\xA5\xBE", false},
    {"ufr", "\xF0\x9D\x94\xB2", false}, {"ugrave", "\xC3\xB9", true}, {"uharl", "\xE2\x86\xBF", false},
    {"uharr", "\xE2\x86\xBE", false}, {"uhblk", "\xE2\x96\x80", false}, {"ulcorn", "\xE2\x8C\x9C", false},
    {"ulcorner", "\xE2\x8C\x9C", false}, {"ulcrop", "\xE2\x8C\x8F", false}, {"ultri", "\xE2\x97\xB8", false},
    {"umacr", "\xC5\xAB", false}, {"uml", "\xC2\xA8", true}, {"uogon", "\xC5\xB3", false},
    {"uopf", "\xF0\x9D\x95\xA6", false}, {"uparrow", "\xE2\x86\x91", false},
    {"updownarrow", "\xE2\x86\x95", false}, {"upharpoonleft", "\xE2\x86\xBF", false},
    {"upharpoonright", "\xE2\x86\xBE", false}, {"uplus", "\xE2\x8A\x8E", false}, {"upsi", "\xCF\x85", false},
    {"upsih", "\xCF\x92", false}, {"upsilon", "\xCF\x85", false}, {"upuparrows", "\xE2\x87\x88", false},
    {"urcorn", "\xE2\x8C\x9D", false}, {"urcorner", "\xE2\x8C\x9D", false}, {"urcrop", "\xE2\x8C\x8E", false},
    {"uring", "\xC5\xAF", false}, {"urtri", "\xE2\x97\xB9", false}, {"uscr", "\xF0\x9D\x93\x8A", false},
    {"utdot", "\xE2\x8B\xB0", false}, {"utilde", "\xC5\xA9", false}, {"utri", "\xE2\x96\xB5", false},
    {"utrif", "\xE2\x96\xB4", false}, {"uuarr", "\xE2\x87\x88", false}, {"uuml", "\xC3\xBC", true},
    {"uwangle", "\xE2\xA6\xA7", false}, {"vArr", "\xE2\x87\x95", false}, {"vBar", "\xE2\xAB\xA8", false},
    {"vBarv", "\xE2\xAB\xA9", false}, {"vDash", "\xE2\x8A\xA8", false}, {"vangrt", "\xE2\xA6\x9C", false},
    {"varepsilon", "\xCF\xB5", false}, {"varkappa", "\xCF\xB0", false}, {"varnothing", "\xE2\x88\x85", false},
    {"varphi", "\xCF\x95", false}, {"varpi", "\xCF\x96", false}, {"varpropto", "\xE2\x88\x9D", false},
    {"varr", "\xE2\x86\x95", false}, {"varrho", "\xCF\xB1", false}, {"varsigma", "\xCF\x82", false},
    {"varsubsetneq", "\xE2\x8A\x8A\xEF\xB8\x80", false}, {"varsubsetneqq", "\xE2\xAB\x8B\xEF\xB8\x80", false},
    {"varsupsetneq", "\xE2\x8A\x8B\xEF\xB8\x80", false}, {"varsupsetneqq", "\xE2\xAB\x8C\xEF\xB8\x80", false},
    {"vartheta", "\xCF\x91", false}, {"vartriangleleft", "\xE2\x8A\xB2", false},
    {"vartriangleright", "\xE2\x8A\xB3", false}, {"vcy", "\xD0\xB2", false}, {"vdash", "\xE2\x8A\xA2", false},
    {"vee", "\xE2\x88\xA8", false}, {"veebar", "\xE2\x8A\xBB", false}, {"veeeq", "\xE2\x89\x9A", false},
    {"vellip", "\xE2\x8B\xAE", false}, {"verbar", "|", false}, {"vert", "|", false},
    {"vfr", "\xF0\x9D\x94\xB3", false}, {"vltri", "\xE2\x8A\xB2", false},
    {"vnsub", "\xE2\x8A\x82\xE2\x83\x92", false}, {"vnsup", "\xE2\x8A\x83\xE2\x83\x92", false},
    {"vopf", "\xF0\x9D\x95\xA7", false}, {"vprop", "\xE2\x88\x9D", false}, {"vrtri", "\xE2\x8A\xB3", false},
    {"vscr", "\xF0\x9D\x93\x8B", false}, {"vsubnE", "\xE2\xAB\x8B\xEF\xB8\x80", false},
    {"vsubne", "\xE2\x8A\x8A\xEF\xB8\x80", false}, {"vsupnE", "\xE2\xAB\x8C\xEF\xB8\x80", false},
    {"vsupne", "\xE2\x8A\x8B\xEF\xB8\x80", false}, {"vzigzag", "\xE2\xA6\x9A", false},
    {"wcirc", "\xC5\xB5", false}, {"wedbar", "\xE2\xA9\x9F", false}, {"wedge", "\xE2\x88\xA7", false},
    {"wedgeq", "\xE2\x89\x99", false}, {"weierp", "\xE2\x84\x98", false}, {"wfr", "\xF0\x9D\x94\xB4", false},
    {"wopf", "\xF0\x9D\x95\xA8", false}, {"wp", "\xE2\x84\x98", false}, {"wr", "\xE2\x89\x80", false},
    {"wreath", "\xE2\x89\x80", false}, {"wscr", "\xF0\x9D\x93\x8C", false}, {"xcap", "\xE2\x8B\x82", false},
    {"xcirc", "\xE2\x97\xAF", false}, {"xcup", "\xE2\x8B\x83", false}, {"xdtri", "\xE2\x96\xBD", false},
    {"xfr", "\xF0\x9D\x94\xB5", false}, {"xhArr", "\xE2\x9F\xBA", false}, {"xharr", "\xE2\x9F\xB7", false},
    {"xi", "\xCE\xBE", false}, {"xlArr", "\xE2\x9F\xB8", false}, {"xlarr", "\xE2\x9F\xB5", false},
    {"xmap", "\xE2\x9F\xBC", false}, {"xnis", "\xE2\x8B\xBB", false}, {"xodot", "\xE2\xA8\x80", false},
    {"xopf", "\xF0\x9D\x95\xA9", false}, {"xoplus", "\xE2\xA8\x81", false}, {"xotime", "\xE2\xA8\x82", false},
    {"xrArr", "\xE2\x9F\xB9", false}, {"xrarr", "\xE2\x9F\xB6", false}, {"xscr", "\xF0\x9D\x93\x8D", false},
    {"xsqcup", "\xE2\xA8\x86", false}, {"xuplus", "\xE2\xA8\x84", false}, {"xutri", "\xE2\x96\xB3", false},
    {"xvee", "\xE2\x8B\x81", false}, {"xwedge", "\xE2\x8B\x80", false}, {"yacute", "\xC3\xBD", true},
    {"yacy", "\xD1\x8F", false}, {"ycirc", "\xC5\xB7", false}, {"ycy", "\xD1\x8B", false},
    {"yen", "\xC2\xA5", true}, {"yfr", "\xF0\x9D\x94\xB6", false}, {"yicy", "\xD1\x97", false},
    {"yopf", "\xF0\x9D\x95\xAA", false}, {"yscr", "\xF0\x9D\x93\x8E", false}, {"yucy", "\xD1\x8E", false},
    {"yuml", "\xC3\xBF", true}, {"zacute", "\xC5\xBA", false}, {"zcaron", "\xC5\xBE", false},
    {"zcy", "\xD0\xB7", false}, {"zdot", "\xC5\xBC", false}, {"zeetrf", "\xE2\x84\xA8", false},
    {"zeta", "\xCE\xB6", false}, {"zfr", "\xF0\x9D\x94\xB7", false}, {"zhcy", "\xD0\xB6", false},
    {"zigrarr", "\xE2\x87\x9D", false}, {"zopf", "\xF0\x9D\x95\xAB", false},
    {"zscr", "\xF0\x9D\x93\x8F", false}, {"zwj", "\xE2\x80\x8D", false}, {"zwnj", "\xE2\x80\x8C", false},
};
std::span<const std::uint32_t> decimal_ranges() { return kDecimalRanges; }
std::span<const std::uint32_t> cased_ranges() { return kCasedRanges; }
std::span<const std::uint32_t> case_ignorable_ranges() { return kCaseIgnorableRanges; }
std::span<const std::uint32_t> width_map() { return kWidthMap; }
std::span<const NamedReference> named_references() { return kNamedReferences; }
// END GENERATED

}  // namespace
}  // namespace gesso::text
