#pragma once
// DeepFloyd IF's prompt preprocessing as diffusers does it (IFPipeline._text_preprocessing, shared by
// every IF pipeline), for one prompt:
//   clean_caption off: text.lower().strip() -- Python's Unicode lowercasing (full mappings, final
//                      sigma) and whitespace (Unicode White_Space and U+001C..U+001F);
//   clean_caption on:  _clean_caption twice -- urllib's unquote_plus, strip + lower, the regexes for
//                      URLs, @nicknames, CJK blocks, dashes, quotes, &quot; / &amp, IP addresses,
//                      article ids, "\n", #hashtags, long numbers, file names, repeated and stray
//                      punctuation, "-"/"_" separators; BeautifulSoup(html.parser)'s .text (tags,
//                      comments, <script>/<style>/<template>/<rt>/<rp> content removed, references
//                      decoded, whitespace-only strings collapsed); ftfy.fix_text; html.unescape twice;
//                      then the product-listing regexes ("free shipping", "click for", "page 3",
//                      serial numbers, 1920x1080 ...), whitespace runs to one space, and the quote /
//                      punctuation trimming at the ends.
// Every regex runs on code points with Python's classes (\w, \d, \s, \b) and re's leftmost,
// backtracking semantics; tests/text/test_caption_cleanup.cpp compares against diffusers itself.
//
// Not reproduced (the test lists its examples):
// - ftfy's fix_encoding: detecting mojibake (UTF-8 read as Latin-1, Windows-125x, MacRoman, CP437) and
//   re-decoding it. Such text is left as it is; C1 control characters are still mapped as Windows-1252
//   (ftfy's fix_c1_controls), which is what fix_encoding does with them too. The text is lowercased
//   before ftfy sees it, which already breaks most mojibake for ftfy as well.
// - ftfy's all-caps entity names (&EACUTE;). The text is lowercased before every entity decoder, so
//   they only arise from numeric references to capital letters after a fullwidth ampersand (U+FF06,
//   which ftfy turns into '&'), and the second pass lowercases and decodes them anyway.
// - Code points unassigned in Unicode 14.0 (the data of Python 3.11, which the reference runs on) take
//   their classes and case from the engine's newer tables (engine/text/unicode.h).
// - Input that is not valid UTF-8 (a Python str cannot hold it) is read with U+FFFD per bad byte.
#include <string>

namespace gesso::text {

// The prompt (UTF-8) as IF's T5 tokenizer receives it. With clean_caption, markup that Python's HTML
// parser rejects (a "<![" section whose keyword it does not know, as in "<![1]>") is a gesso::Error
// quoting it, where diffusers raises bs4's ParserRejectedMarkup.
std::string if_prompt_text(const std::string& prompt, bool clean_caption);

}  // namespace gesso::text
