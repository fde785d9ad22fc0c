#pragma once
// The Unicode text operations of the CLIP tokenizer's normalizer and pre-tokenizer, with the data of
// the reference (HF `tokenizers`), so both agree on every code point.
#include <string>
#include <string_view>

namespace gesso::text::unicode {

// UTF-8 to code points; an invalid or truncated sequence becomes U+FFFD, one per bad byte.
std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);

bool is_letter(char32_t c);  // \p{L}
bool is_number(char32_t c);  // \p{N}
bool is_space(char32_t c);   // Oniguruma's \s: Unicode White_Space

// Unicode's full lowercase mapping, character by character (no context: final sigma stays sigma).
std::u32string to_lower(std::u32string_view text);

// Canonical composition (NFC), Hangul included.
std::u32string nfc(std::u32string_view text);

}  // namespace gesso::text::unicode
