#include "engine/io/a1111_parameters.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/error.h"

namespace gesso::io {
namespace {

using KeyValues = std::vector<std::pair<std::string, std::string>>;

const std::set<std::string>& known_keys() {
  static const std::set<std::string> keys = {"Steps",      "Sampler", "CFG scale",          "Seed",     "Size",
                                             "Model hash", "Model",   "Denoising strength", "Clip skip"};
  return keys;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Python's \w on str, approximated byte-wise: ASCII word characters and any non-ASCII byte.
bool is_word(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u >= 0x80;
}

bool is_key_char(char c) { return is_word(c) || c == ' ' || c == '-' || c == '/'; }

std::string_view strip(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}


// json.dumps(text, ensure_ascii=False).
std::string json_quote(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
          out += escape;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// A1111's unquote: json.loads, or the text unchanged when that fails.
std::string json_unquote(const std::string& text) {
  try {
    const nlohmann::json value = nlohmann::json::parse(text);
    if (value.is_string()) return value.get<std::string>();
  } catch (const nlohmann::json::exception&) {
  }
  return text;
}

// A superset of A1111's quote() condition: values its parser would otherwise misread (a leading
// quote, edge spaces, an empty value that it drops) are quoted too; its parser unquotes them all.
std::string quote_if_needed(const std::string& value) {
  const bool needs = value.empty() || value.find_first_of(",:\"\n\r") != std::string::npos ||
                     is_space(value.front()) || is_space(value.back());
  return needs ? json_quote(value) : value;
}

// The quoted alternative of re_param's value, "(?:\\.|[^\\"])+", at `pos`; returns its end.
std::optional<size_t> match_quoted(std::string_view s, size_t pos) {
  if (pos >= s.size() || s[pos] != '"') return std::nullopt;
  size_t i = pos + 1;
  while (i < s.size() && s[i] != '"') {
    if (s[i] == '\\') {
      if (i + 1 >= s.size()) return std::nullopt;
      i += 2;
    } else {
      ++i;
    }
  }
  if (i >= s.size() || i == pos + 1) return std::nullopt;
  return i + 1;
}

// One match of A1111's re_param, \s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$), at `pos`.
// Returns the end of the match. The key class excludes ':', so its greedy run cannot backtrack to
// a shorter key that is followed by ':'; the same holds for the quoted value and its closing quote.
std::optional<size_t> match_param(std::string_view s, size_t pos, std::string& key, std::string& value) {
  size_t i = pos;
  while (i < s.size() && is_space(s[i])) ++i;
  const size_t key_begin = i;
  if (i >= s.size() || !is_word(s[i])) return std::nullopt;
  while (i < s.size() && is_key_char(s[i])) ++i;
  if (i - key_begin < 2 || i >= s.size() || s[i] != ':') return std::nullopt;
  key.assign(s.substr(key_begin, i - key_begin));
  ++i;
  while (i < s.size() && is_space(s[i])) ++i;
  const std::optional<size_t> quoted_end = match_quoted(s, i);
  if (quoted_end && (*quoted_end == s.size() || s[*quoted_end] == ',')) {
    value.assign(s.substr(i, *quoted_end - i));
    return *quoted_end == s.size() ? *quoted_end : *quoted_end + 1;
  }
  const size_t comma = std::min(s.find(',', i), s.size());
  value.assign(s.substr(i, comma - i));
  return comma == s.size() ? comma : comma + 1;
}

// re_param.findall(line), values still quoted.
KeyValues find_params(std::string_view line) {
  KeyValues found;
  std::string key, value;
  for (size_t pos = 0; pos < line.size();) {
    if (const std::optional<size_t> end = match_param(line, pos, key, value)) {
      found.emplace_back(key, value);
      pos = *end;
    } else {
      ++pos;
    }
  }
  return found;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t nl; (nl = text.find('\n', start)) != std::string_view::npos; start = nl + 1) {
    lines.push_back(text.substr(start, nl - start));
  }
  lines.push_back(text.substr(start));
  return lines;
}

[[noreturn]] void malformed(const std::string& key, const std::string& value) {
  throw RequestError("parameters", "\"" + key + ": " + value + "\" is not a valid value");
}

template <typename T>
T parse_integer(const std::string& key, const std::string& value) {
  const std::string_view v = strip(value);
  T out{};
  const auto result = std::from_chars(v.data(), v.data() + v.size(), out);
  if (v.empty() || result.ec != std::errc() || result.ptr != v.data() + v.size()) malformed(key, value);
  return out;
}

double parse_double(const std::string& key, const std::string& value) {
  const std::string_view v = strip(value);
  double out = 0;
  const auto result = std::from_chars(v.data(), v.data() + v.size(), out);
  if (v.empty() || result.ec != std::errc() || result.ptr != v.data() + v.size() || !std::isfinite(out)) {
    malformed(key, value);
  }
  return out;
}

void parse_size(const std::string& value, GenerationParameters& params) {
  const std::string_view v = strip(value);
  const size_t x = v.find('x');
  if (x == std::string_view::npos) malformed("Size", value);
  params.width = parse_integer<int>("Size", std::string(v.substr(0, x)));
  params.height = parse_integer<int>("Size", std::string(v.substr(x + 1)));
  if (params.width < 0 || params.height < 0) malformed("Size", value);
}

void assign(const std::string& key, const std::string& value, GenerationParameters& params) {
  if (key == "Steps") params.steps = parse_integer<int>(key, value);
  else if (key == "Sampler") params.sampler = value;
  else if (key == "CFG scale") params.cfg_scale = parse_double(key, value);
  else if (key == "Seed") params.seed = parse_integer<uint64_t>(key, value);
  else if (key == "Size") parse_size(value, params);
  else if (key == "Model hash") params.model_hash = value;
  else if (key == "Model") params.model = value;
  else if (key == "Denoising strength") params.denoising_strength = parse_double(key, value);
  else if (key == "Clip skip") params.clip_skip = parse_integer<int>(key, value);
  else params.extra[key] = value;
}

void check_extra_key(const std::string& key) {
  bool readable = key.size() >= 2 && is_word(key.front());
  for (const char c : key) readable = readable && is_key_char(c);
  if (!readable) {
    throw RequestError("parameters", "key \"" + key + "\" cannot be written: A1111 keys are a letter or digit "
                                     "followed by letters, digits, spaces, '-' or '/'");
  }
  if (known_keys().count(key)) {
    throw RequestError("parameters", "key \"" + key + "\" belongs in its own field, not in extra");
  }
}

// Where an extra key goes: by name, except for the groups A1111 writes in an order of its own
// (Hires. fix's keys, the inpainting options), each kept together in that order, and "Version",
// which it writes last.
std::string order_key(const std::string& key) {
  static const std::map<std::string, std::string> grouped = {
      {"Hires upscale", "Hires 0"},  {"Hires resize", "Hires 0"}, {"Hires steps", "Hires 1"},
      {"Hires upscaler", "Hires 2"}, {"Mask blur", "Inpaint 0"},  {"Inpaint area", "Inpaint 1"},
      {"Masked area padding", "Inpaint 2"}, {"Masked content", "Inpaint 3"}, {"Version", "\xff"}};
  const auto it = grouped.find(key);
  return it == grouped.end() ? key : it->second + key;
}

}  // namespace

std::string format_number(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string format_a1111(const GenerationParameters& p) {
  KeyValues fields = {{"Steps", std::to_string(p.steps)},
                      {"Sampler", p.sampler},
                      {"CFG scale", format_number(p.cfg_scale)},
                      {"Seed", std::to_string(p.seed)},
                      {"Size", std::to_string(p.width) + "x" + std::to_string(p.height)}};
  if (!p.model_hash.empty()) fields.emplace_back("Model hash", p.model_hash);
  if (!p.model.empty()) fields.emplace_back("Model", p.model);
  if (p.denoising_strength) fields.emplace_back("Denoising strength", format_number(*p.denoising_strength));
  if (p.clip_skip) fields.emplace_back("Clip skip", std::to_string(*p.clip_skip));
  KeyValues extra;
  for (const auto& [key, value] : p.extra) {
    check_extra_key(key);
    extra.emplace_back(key, value);
  }
  std::stable_sort(extra.begin(), extra.end(),
                   [](const auto& a, const auto& b) { return order_key(a.first) < order_key(b.first); });
  fields.insert(fields.end(), extra.begin(), extra.end());
  std::string line;
  for (const auto& [key, value] : fields) {
    if (!line.empty()) line += ", ";
    line += key + ": " + quote_if_needed(value);
  }
  std::string text = p.prompt;
  if (!p.negative_prompt.empty()) text += "\nNegative prompt: " + p.negative_prompt;
  text += "\n" + line;
  return std::string(strip(text));
}

GenerationParameters parse_a1111(const std::string& text) {
  std::vector<std::string_view> lines = split_lines(strip(text));
  std::string_view last = lines.back();
  lines.pop_back();
  KeyValues params = find_params(last);
  if (params.size() < 3) {
    lines.push_back(last);
    params.clear();
  }
  GenerationParameters result;
  bool in_negative = false;
  static constexpr std::string_view kNegative = "Negative prompt:";
  for (std::string_view line : lines) {
    line = strip(line);
    if (line.substr(0, kNegative.size()) == kNegative) {
      in_negative = true;
      line = strip(line.substr(kNegative.size()));
    }
    std::string& target = in_negative ? result.negative_prompt : result.prompt;
    if (!target.empty()) target += "\n";
    target += line;
  }
  for (const auto& [key, raw] : params) {
    if (raw.empty()) continue;  // A1111 skips these too (its v[0] raises and is caught)
    const bool quoted = raw.front() == '"' && raw.back() == '"';
    assign(key, quoted ? json_unquote(raw) : raw, result);
  }
  return result;
}

}  // namespace gesso::io
