#include "engine/text/prompt_schedule.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <set>

namespace gesso::text {
namespace {

struct Node;
using Sequence = std::vector<Node>;

// The parse tree: literal text, an emphasis group (kept as text: its brackets and colon), a
// scheduled edit, or an alternation.
struct Node {
  enum class Kind { kText, kGroup, kScheduled, kAlternate } kind = Kind::kText;
  std::string text;             // kText
  char open = 0, close = 0;     // kGroup
  std::vector<Sequence> parts;  // kGroup: 1 or 2 (joined by ':'); kScheduled: [from, to]; kAlternate: options
  bool has_from = false;        // kScheduled: [from:to:when] rather than [to:when]
  std::string when_text;        // kScheduled: the number as written
  int when = 0;                 // kScheduled: the step, once the schedule knows the step count
};

class Parser {
 public:
  explicit Parser(const std::string& s) : s_(s) {}

  // The whole prompt: prompts with stray brackets and colons between them (taken literally);
  // nullopt where the grammar fails.
  std::optional<Sequence> parse_start() {
    Sequence out;
    const auto result = [&]() -> std::optional<Sequence> { return exhausted_ ? std::nullopt : std::optional(out); };
    while (pos_ < s_.size()) {
      auto items = parse_prompt();
      out.insert(out.end(), items.begin(), items.end());
      if (pos_ >= s_.size()) break;
      const char c = s_[pos_];
      if (c != '(' && c != '[' && c != ')' && c != ']' && c != ':') return std::nullopt;  // "|", a lone "\"
      out.push_back({.kind = Node::Kind::kText, .text = std::string(1, c)});
      ++pos_;
    }
    return result();
  }

 private:
  static bool special(char c, bool bar_is_text) {
    return c == '\\' || c == '[' || c == ']' || c == '(' || c == ')' || c == ':' || (c == '|' && !bar_is_text);
  }

  // Items until a character that none can start (":", "|", a closing bracket, the end) or a
  // bracket that opens nothing the grammar knows; pos_ is left there.
  Sequence parse_prompt(bool bar_is_text = false) {
    Sequence out;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '(' || c == '[') {
        const auto start = pos_;
        auto node = c == '(' ? parse_paren() : parse_bracket();
        if (!node) {
          pos_ = start;
          return out;
        }
        out.push_back(std::move(*node));
        continue;
      }
      std::string plain;
      while (pos_ < s_.size()) {
        const char d = s_[pos_];
        if (d == '\\') {
          if (pos_ + 1 >= s_.size()) break;  // "\." needs its character
          plain += s_.substr(pos_, 2);
          pos_ += 2;
          continue;
        }
        if (special(d, bar_is_text)) break;
        plain += d;
        ++pos_;
      }
      if (plain.empty()) return out;
      out.push_back({.kind = Node::Kind::kText, .text = plain});
    }
    return out;
  }

  bool eat(char c) {
    if (pos_ < s_.size() && s_[pos_] == c) return ++pos_, true;
    return false;
  }

  void skip_space() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }

  std::size_t digits() {
    const auto start = pos_;
    while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    return pos_ - start;
  }

  // lark's SIGNED_NUMBER: [+-] (INT | INT "." INT? | "." INT) [(e|E) [+-] INT].
  std::optional<std::string> number() {
    const auto start = pos_;
    if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
    const auto whole = digits();
    std::size_t frac = 0;
    if (eat('.')) frac = digits();
    if (whole == 0 && frac == 0) return pos_ = start, std::nullopt;
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      const auto mark = pos_++;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (digits() == 0) pos_ = mark;
    }
    return s_.substr(start, pos_ - start);
  }

  // ":" [WHITESPACE] NUMBER [WHITESPACE] "]" (the colon already read).
  std::optional<std::string> schedule_tail() {
    const auto start = pos_;
    skip_space();
    auto n = number();
    if (n) {
      skip_space();
      if (eat(']')) return n;
    }
    pos_ = start;
    return std::nullopt;
  }

  // Deeply nested or pathological bracket runs would cost exponential time (or the stack): past a
  // budget of bracket attempts the prompt is one plain text, as an unparsable one is.
  bool spend() {
    if (--budget_ < 0 || depth_ > kMaxDepth) exhausted_ = true;
    return !exhausted_;
  }

  struct Nested {
    int& depth;
    explicit Nested(int& d) : depth(++d) {}
    ~Nested() { --depth; }
  };

  std::optional<Node> parse_paren() {
    if (!spend()) return std::nullopt;
    const Nested nested(depth_);
    eat('(');
    Node g{.kind = Node::Kind::kGroup, .open = '(', .close = ')'};
    g.parts.push_back(parse_prompt());
    if (eat(')')) return g;
    if (!eat(':')) return std::nullopt;
    g.parts.push_back(parse_prompt());
    if (!eat(')')) return std::nullopt;
    return g;
  }

  // "[" then an edit, an alternation or an emphasis. A "|" that makes no alternation is read as
  // text where an edit follows: A1111's documented "[{b|d{:.5]" (its doctest) is an edit of "{b|d{".
  std::optional<Node> parse_bracket() {
    const auto start = pos_;
    if (auto node = parse_bracket(false)) return node;
    pos_ = start;
    return parse_bracket(true);
  }

  std::optional<Node> parse_bracket(bool bar_is_text) {
    if (!spend()) return std::nullopt;
    const Nested nested(depth_);
    eat('[');
    auto first = parse_prompt(bar_is_text);
    if (eat(']')) return Node{.kind = Node::Kind::kGroup, .open = '[', .close = ']', .parts = {std::move(first)}};
    if (eat(':')) {
      if (auto when = schedule_tail())  // [to:when]
        return Node{.kind = Node::Kind::kScheduled, .parts = {{}, std::move(first)}, .when_text = *when};
      auto second = parse_prompt();
      if (!eat(':')) return std::nullopt;
      auto when = schedule_tail();
      if (!when) return std::nullopt;
      return Node{.kind = Node::Kind::kScheduled, .parts = {std::move(first), std::move(second)}, .has_from = true,
                  .when_text = *when};
    }
    if (s_.size() > pos_ && s_[pos_] == '|') {
      Node alt{.kind = Node::Kind::kAlternate, .parts = {std::move(first)}};
      while (eat('|')) alt.parts.push_back(parse_prompt());
      if (!eat(']')) return std::nullopt;
      return alt;
    }
    return std::nullopt;
  }

  static constexpr int kMaxDepth = 64;
  const std::string& s_;
  std::size_t pos_ = 0;
  int budget_ = 100000;
  int depth_ = 0;
  bool exhausted_ = false;
};

// A1111's CollectSteps: every edit's step (a fraction when written with a point; at most `steps`;
// those below 1 change nothing but stay in the tree), and every step where there is an alternation.
void collect_steps(Sequence& seq, int steps, std::set<int>& out) {
  for (auto& n : seq) {
    if (n.kind == Node::Kind::kScheduled) {
      double v = std::strtod(n.when_text.c_str(), nullptr);  // "1e999" is inf, as in Python
      if (n.when_text.find('.') != std::string::npos) v *= steps;
      n.when = v >= steps ? steps : static_cast<int>(std::max(v, -1.0));  // int() truncates toward 0
      if (n.when >= 1) out.insert(n.when);
    }
    if (n.kind == Node::Kind::kAlternate)
      for (int s = 1; s <= steps; ++s) out.insert(s);
    for (auto& part : n.parts) collect_steps(part, steps, out);
  }
}

std::string at_step(const Sequence& seq, int step) {
  std::string out;
  for (const auto& n : seq) {
    switch (n.kind) {
      case Node::Kind::kText: out += n.text; break;
      case Node::Kind::kGroup:
        out += n.open + at_step(n.parts[0], step);
        if (n.parts.size() > 1) out += ":" + at_step(n.parts[1], step);
        out += n.close;
        break;
      case Node::Kind::kScheduled: out += at_step(step <= n.when ? n.parts[0] : n.parts[1], step); break;
      case Node::Kind::kAlternate:
        out += at_step(n.parts[static_cast<std::size_t>(step - 1) % n.parts.size()], step);
        break;
    }
  }
  return out;
}

}  // namespace

std::vector<ScheduledPrompt> prompt_schedule(const std::string& prompt, int steps) {
  auto tree = Parser(prompt).parse_start();
  if (!tree) return {{steps, prompt}};
  std::set<int> ends{steps};
  collect_steps(*tree, steps, ends);
  std::vector<ScheduledPrompt> out;
  for (const int t : ends) out.push_back({t, at_step(*tree, t)});
  return out;
}

std::size_t schedule_index_at(const std::vector<ScheduledPrompt>& schedule, int step) {
  for (std::size_t i = 0; i < schedule.size(); ++i)
    if (step <= schedule[i].end_at_step) return i;
  return 0;
}

}  // namespace gesso::text
