#include "engine/io/png_text.h"

#include <png.h>

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>

#include "engine/error.h"

namespace gesso::io {
namespace {

// Owns the libpng structs. It lives in the caller of the setjmp frame, so a longjmp out of libpng
// never skips its destructor.
struct TextReadContext {
  png_structp png = nullptr;
  png_infop info = nullptr;
  char message[256] = {};
  ~TextReadContext() {
    if (png) png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
  }
};

// libpng must not return from its error callback: record the reason and jump back to walk_png.
void on_png_error(png_structp png, png_const_charp message) {
  auto* ctx = static_cast<TextReadContext*>(png_get_error_ptr(png));
  std::snprintf(ctx->message, sizeof ctx->message, "%s", message);
  png_longjmp(png, 1);
}

// Warnings (a bad ancillary CRC, a known-incorrect sRGB profile) leave the text readable.
void on_png_warning(png_structp, png_const_charp) {}

// Decodes the rows one at a time into `row` only to reach the chunks after IDAT. This frame is the
// longjmp target: it must hold no object with a destructor.
bool walk_png(TextReadContext& ctx, FILE* file, std::vector<uint8_t>& row) {
  if (setjmp(png_jmpbuf(ctx.png))) return false;
  png_init_io(ctx.png, file);
  png_read_info(ctx.png, ctx.info);
  const int passes = png_set_interlace_handling(ctx.png);
  png_read_update_info(ctx.png, ctx.info);
  row.resize(png_get_rowbytes(ctx.png, ctx.info));
  const png_uint_32 height = png_get_image_height(ctx.png, ctx.info);
  for (int pass = 0; pass < passes; ++pass) {
    for (png_uint_32 y = 0; y < height; ++y) png_read_row(ctx.png, row.data(), nullptr);
  }
  png_read_end(ctx.png, ctx.info);
  return true;
}

FILE* open_png(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw Error(path + ": no such file");
  if (std::filesystem::is_directory(path, ec)) throw Error(path + ": is a folder, not an image");
  FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) throw Error(path + ": cannot open: " + std::strerror(errno));
  png_byte signature[8] = {};
  if (std::fread(signature, 1, 8, file) != 8 || png_sig_cmp(signature, 0, 8) != 0) {
    std::fclose(file);
    throw Error(path + ": not a PNG file");
  }
  std::rewind(file);
  return file;
}

}  // namespace

std::map<std::string, std::string> read_png_text(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(open_png(path), &std::fclose);
  TextReadContext ctx;
  ctx.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &ctx, on_png_error, on_png_warning);
  if (ctx.png) ctx.info = png_create_info_struct(ctx.png);
  if (!ctx.png || !ctx.info) throw Error(path + ": out of memory starting libpng");
  std::vector<uint8_t> row;
  if (!walk_png(ctx, file.get(), row)) throw Error(path + ": corrupt PNG: " + ctx.message);

  png_textp texts = nullptr;
  const int count = png_get_text(ctx.png, ctx.info, &texts, nullptr);
  std::map<std::string, std::string> result;
  for (int i = 0; i < count; ++i) {
    const std::string text = texts[i].text ? texts[i].text : "";
    const bool is_itxt = texts[i].compression >= PNG_ITXT_COMPRESSION_NONE;
    // An iTXt that is not valid UTF-8 is kept as Latin-1 rather than passed on malformed.
    const bool utf8 = is_itxt && is_valid_utf8(text);
    result[latin1_to_utf8(texts[i].key)] = utf8 ? text : latin1_to_utf8(text);
  }
  return result;
}

std::optional<std::string> utf8_to_latin1(const std::string& text) {
  if (!is_valid_utf8(text)) return std::nullopt;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c == 0xC2 || c == 0xC3) {  // U+0080..U+00FF are exactly the two-byte C2/C3 forms
      out += static_cast<char>(((c & 0x03) << 6) | (static_cast<unsigned char>(text[++i]) & 0x3F));
    } else {
      return std::nullopt;
    }
  }
  return out;
}

std::string latin1_to_utf8(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

bool is_valid_utf8(const std::string& text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    // The lead byte gives the length; C0, C1 and F5..FF never start a valid sequence.
    const size_t len = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (len == 0 || i + len > n) return false;
    uint32_t cp = c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

}  // namespace gesso::io
