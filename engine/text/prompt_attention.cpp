#include "engine/text/prompt_attention.h"

#include <cctype>
#include <cstdlib>
#include <optional>

namespace gesso::text {
namespace {

constexpr double kRound = 1.1;
constexpr double kSquare = 1 / 1.1;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Python's \w, for UTF-8 text: ASCII letters, digits, '_' and every non-ASCII byte (letters there).
bool is_word(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) || c == '_';
}

// ":<number>)" at `at` (spaces allowed around the number): the number's text and the length of
// the whole match; nullopt when it is not one.
std::optional<std::pair<std::string, std::size_t>> weight_at(const std::string& s, std::size_t at) {
  std::size_t i = at + 1;
  while (i < s.size() && is_space(s[i])) ++i;
  const std::size_t start = i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const std::size_t digits = i;
  while (i < s.size() && (s[i] == '.' || std::isdigit(static_cast<unsigned char>(s[i])))) ++i;
  if (i == digits) return std::nullopt;
  const std::string number = s.substr(start, i - start);
  while (i < s.size() && is_space(s[i])) ++i;
  if (i >= s.size() || s[i] != ')') return std::nullopt;
  return std::pair{number, i + 1 - at};
}

// The number as Python's float() reads it; nullopt for "1.2.3" or ".".
std::optional<double> to_number(const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || text.find_first_of("0123456789") == std::string::npos) return std::nullopt;
  return v;
}

// Plain text split at each BREAK that is a word of its own, the spaces around it dropped.
void append_text(std::vector<WeightedText>& out, const std::string& text) {
  std::size_t from = 0, search = 0;
  while (true) {
    const auto at = text.find("BREAK", search);
    if (at == std::string::npos) break;
    const bool word_start = at == 0 || !is_word(text[at - 1]);
    const bool word_end = at + 5 == text.size() || !is_word(text[at + 5]);
    if (!word_start || !word_end) {
      search = at + 1;
      continue;
    }
    std::size_t before = at, after = at + 5;
    while (before > from && is_space(text[before - 1])) --before;
    while (after < text.size() && is_space(text[after])) ++after;
    out.push_back({text.substr(from, before - from), 1.0});
    out.push_back({"BREAK", -1.0});
    from = search = after;
  }
  out.push_back({text.substr(from), 1.0});
}

bool special(char c) { return c == '\\' || c == '(' || c == ')' || c == '[' || c == ']' || c == ':'; }

}  // namespace

std::vector<WeightedText> parse_prompt_attention(const std::string& s) {
  std::vector<WeightedText> res;
  std::vector<std::size_t> round, square;
  const auto multiply = [&res](std::size_t from, double factor) {
    for (std::size_t p = from; p < res.size(); ++p) res[p].weight *= factor;
  };
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '\\') {  // an escape, or a lone backslash (which A1111 drops)
      const bool escape = i + 1 < s.size() && (s[i + 1] == '(' || s[i + 1] == ')' || s[i + 1] == '[' ||
                                               s[i + 1] == ']' || s[i + 1] == '\\');
      res.push_back({escape ? std::string(1, s[i + 1]) : std::string(), 1.0});
      i += escape ? 2 : 1;
    } else if (c == '(') {
      round.push_back(res.size());
      ++i;
    } else if (c == '[') {
      square.push_back(res.size());
      ++i;
    } else if (c == ':') {
      const auto w = weight_at(s, i);
      const auto value = w ? to_number(w->first) : std::nullopt;
      if (w && value && !round.empty()) {
        multiply(round.back(), *value);
        round.pop_back();
        i += w->second;
      } else if (w && value) {  // a weight with no bracket open: its text, as it is
        append_text(res, s.substr(i, w->second));
        i += w->second;
      } else {
        append_text(res, ":");
        ++i;
      }
    } else if (c == ')' && !round.empty()) {
      multiply(round.back(), kRound);
      round.pop_back();
      ++i;
    } else if (c == ']' && !square.empty()) {
      multiply(square.back(), kSquare);
      square.pop_back();
      ++i;
    } else if (c == ')' || c == ']') {
      append_text(res, std::string(1, c));
      ++i;
    } else {
      std::size_t end = i;
      while (end < s.size() && !special(s[end])) ++end;
      append_text(res, s.substr(i, end - i));
      i = end;
    }
  }
  for (const auto p : round) multiply(p, kRound);
  for (const auto p : square) multiply(p, kSquare);
  if (res.empty()) res.push_back({"", 1.0});
  for (std::size_t i = 0; i + 1 < res.size();) {
    if (res[i].weight == res[i + 1].weight) {
      res[i].text += res[i + 1].text;
      res.erase(res.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    } else {
      ++i;
    }
  }
  return res;
}

}  // namespace gesso::text
