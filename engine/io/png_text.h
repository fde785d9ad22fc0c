#pragma once
// PNG text chunks (tEXt, zTXt, iTXt): where A1111 and Gesso keep the "parameters" of an image.
#include <map>
#include <optional>
#include <string>

namespace gesso::io {

// Every text chunk of the PNG at `path`, keyword -> text, both UTF-8 (tEXt/zTXt are Latin-1 on disk
// and converted; iTXt is UTF-8 already). A keyword seen twice keeps its last text, as PIL's .info.
// Throws gesso::Error("<path>: <reason>") for a missing, non-PNG, truncated or corrupt file.
std::map<std::string, std::string> read_png_text(const std::string& path);

// The Latin-1 bytes of UTF-8 `text`, or nullopt when it has a code point above U+00FF (it then
// needs an iTXt chunk) or is not valid UTF-8.
std::optional<std::string> utf8_to_latin1(const std::string& text);
std::string latin1_to_utf8(const std::string& text);
bool is_valid_utf8(const std::string& text);

}  // namespace gesso::io
