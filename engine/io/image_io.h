#pragma once
// Reading and writing image files. PNG goes through libpng (always present); other formats through
// OpenCV imgcodecs when the build has it (GESSO_HAVE_IMGCODECS).
#include <string>
#include <utility>
#include <vector>

#include "engine/io/image.h"

namespace gesso::io {

// The image at `path` as 8-bit RGB or RGBA (gray becomes RGB, palette and tRNS are expanded, 16-bit
// keeps its high byte as PIL and OpenCV do). PNG is recognised by its signature, not its name.
// Throws gesso::Error("<path>: <reason>") for a missing, unreadable, truncated or corrupt file.
Image read_image(const std::string& path);

enum class WriteMode { kFailIfExists, kOverwrite };

// Key -> value pairs written as PNG text chunks before the image data, as A1111 does for its
// "parameters": tEXt when the value is Latin-1, iTXt (UTF-8) otherwise. Keys are 1-79 Latin-1
// characters. Strings are UTF-8.
using PngText = std::vector<std::pair<std::string, std::string>>;

// Writes an 8-bit PNG (gray, RGB or RGBA after image.channels). The data goes to a temporary
// "<path>.part-XXXXXX" in the same folder, is flushed to disk and then renamed to `path`, so `path`
// is either absent or complete. kFailIfExists never replaces an existing file, even one created
// concurrently; on any failure the temporary file is removed and gesso::Error names the path.
void write_png(const std::string& path, const Image& image, const PngText& text = {},
               WriteMode mode = WriteMode::kFailIfExists);

// "<dir>/<stem>-NNNN.png" numbered one past the highest number already in `dir` for that stem
// (so numbers follow creation order, as A1111's outputs do, even after deletions), skipping any
// that exist. Another writer may take it first: pair with write_png(kFailIfExists) and retry.
std::string next_free_path(const std::string& dir, const std::string& stem);

}  // namespace gesso::io
