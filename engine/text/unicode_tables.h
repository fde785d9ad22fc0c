#pragma once
// The Unicode facts the CLIP tokenizer depends on, generated from the reference tokenizer's own
// library (tests/text/gen_unicode_tables.py). Layouts are described next to each table in the .cpp;
// engine/text/unicode.h is the interface to use.
#include <cstdint>
#include <span>

namespace gesso::text::unicode_tables {

extern const std::span<const std::uint32_t> letter_ranges;      // \p{L}: [first, last] pairs
extern const std::span<const std::uint32_t> number_ranges;      // \p{N}: [first, last] pairs
extern const std::span<const std::uint32_t> space_ranges;       // \s: [first, last] pairs
extern const std::span<const std::uint32_t> lowercase_runs;     // (first, last, delta, stride)
extern const std::span<const std::uint32_t> combining_classes;  // (first, last, ccc)
extern const std::span<const std::uint32_t> decompositions;     // cp, n|composite<<3, n code points

}  // namespace gesso::text::unicode_tables
