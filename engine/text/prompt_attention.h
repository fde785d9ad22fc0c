#pragma once
// AUTOMATIC1111's emphasis syntax, parsed as its prompt parser does (its wiki's "Attention /
// emphasis" and the documented examples of parse_prompt_attention): "(x)" multiplies x's weight by
// 1.1, "[x]" divides it by 1.1, "(x:1.3)" sets a factor, brackets nest, "\(" "\)" "\[" "\]" "\\"
// are literal, a bracket left open applies to the end of the prompt, a closing one with no opener
// is text, and "BREAK" (a word of its own, outside brackets) starts a new 75-token chunk.
// Neighbouring pieces of equal weight are merged. prompt_chunks.h turns the pieces into tokens.
#include <string>
#include <vector>

namespace gesso::text {

struct WeightedText {
  std::string text;
  double weight = 1.0;  // A1111's BREAK marker is the text "BREAK" with weight -1
  bool operator==(const WeightedText&) const = default;
};

// Never empty: a prompt with nothing in it is one empty piece of weight 1.
std::vector<WeightedText> parse_prompt_attention(const std::string& prompt);

// Whether a piece is A1111's chunk break (inside brackets BREAK is scaled and is text again).
inline bool is_break(const WeightedText& piece) { return piece.text == "BREAK" && piece.weight == -1.0; }

}  // namespace gesso::text
