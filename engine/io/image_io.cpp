#include "engine/io/image_io.h"

#include <fcntl.h>
#include <png.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <random>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#if GESSO_HAVE_IMGCODECS
#include <opencv2/imgcodecs.hpp>
#endif

#include "engine/error.h"
#include "engine/io/png_text.h"

namespace gesso::io {
namespace {

namespace fs = std::filesystem;

// Far beyond any SD output; at most 1 GiB of RGBA. (A header claiming more pixels than the file
// could hold is refused earlier, in decode_png.)
constexpr png_uint_32 kMaxSide = 65535;
constexpr uint64_t kMaxPixels = uint64_t{1} << 28;

using FilePtr = std::unique_ptr<FILE, int (*)(FILE*)>;

// The libpng structs and the reason of a failure. It lives in the caller of the setjmp frames
// below, so a longjmp out of libpng never skips its destructor.
struct PngContext {
  explicit PngContext(bool reading, uint64_t size = 0) : file_size(size), reading_(reading) {}
  ~PngContext() {
    if (!png) return;
    if (reading_) png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
    else png_destroy_write_struct(&png, info ? &info : nullptr);
  }
  png_structp png = nullptr;
  png_infop info = nullptr;
  uint64_t file_size;  // when reading: bounds what the header may claim
  char message[256] = {};

 private:
  bool reading_;
};

// libpng must not return from its error callback: record the reason and jump back.
void on_png_error(png_structp png, png_const_charp message) {
  auto* ctx = static_cast<PngContext*>(png_get_error_ptr(png));
  std::snprintf(ctx->message, sizeof ctx->message, "%s", message);
  png_longjmp(png, 1);
}

// Warnings (a bad ancillary CRC, a known-incorrect sRGB profile) do not stop the image.
void on_png_warning(png_structp, png_const_charp) {}

// Decodes to 8-bit RGB/RGBA. A longjmp target: no object with a destructor lives in this frame.
// `rows` belongs to the caller for the same reason.
bool decode_png(PngContext& ctx, FILE* file, Image& out, std::vector<png_bytep>& rows) {
  if (setjmp(png_jmpbuf(ctx.png))) return false;
  png_init_io(ctx.png, file);
  png_set_user_limits(ctx.png, kMaxSide, kMaxSide);
  png_read_info(ctx.png, ctx.info);
  // Deflate expands at most ~1032:1, so a header claiming more raw data than that lies (or the file
  // is cut); refusing it here avoids allocating for pixels that cannot come.
  const uint64_t raw_bytes =
      (png_get_rowbytes(ctx.png, ctx.info) + 1) * uint64_t{png_get_image_height(ctx.png, ctx.info)};
  if (raw_bytes > ctx.file_size * 1100) png_error(ctx.png, "file too short for the image size it declares");
  const int color_type = png_get_color_type(ctx.png, ctx.info);
  png_set_expand(ctx.png);    // palette -> RGB, 1/2/4-bit gray -> 8-bit, tRNS -> alpha
  png_set_strip_16(ctx.png);  // the high byte, as PIL and cv::imread
  if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA) {
    png_set_gray_to_rgb(ctx.png);
  }
  png_set_interlace_handling(ctx.png);
  png_read_update_info(ctx.png, ctx.info);
  out.width = static_cast<int>(png_get_image_width(ctx.png, ctx.info));
  out.height = static_cast<int>(png_get_image_height(ctx.png, ctx.info));
  out.channels = png_get_channels(ctx.png, ctx.info);
  const size_t row_bytes = static_cast<size_t>(out.width) * out.channels;
  if (static_cast<uint64_t>(out.width) * out.height > kMaxPixels) png_error(ctx.png, "image too large");
  if ((out.channels != 3 && out.channels != 4) || png_get_rowbytes(ctx.png, ctx.info) != row_bytes) {
    png_error(ctx.png, "unsupported pixel layout");
  }
  out.pixels.resize(row_bytes * out.height);
  rows.resize(out.height);
  for (int y = 0; y < out.height; ++y) rows[y] = out.pixels.data() + y * row_bytes;
  // The chunks after the image data carry nothing read_image needs, so png_read_end is skipped:
  // a file cut after its last IDAT still gives its pixels, as with PIL.
  png_read_image(ctx.png, rows.data());
  return true;
}

Image read_png(const std::string& path, FILE* file) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  PngContext ctx(true, ec ? uint64_t{1} << 40 : static_cast<uint64_t>(size));
  ctx.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &ctx, on_png_error, on_png_warning);
  if (ctx.png) ctx.info = png_create_info_struct(ctx.png);
  if (!ctx.png || !ctx.info) throw Error(path + ": out of memory starting libpng");
  Image image;
  std::vector<png_bytep> rows;
  if (!decode_png(ctx, file, image, rows)) throw Error(path + ": corrupt PNG: " + ctx.message);
  return image;
}

#if GESSO_HAVE_IMGCODECS
Image read_with_opencv(const std::string& path) {
  try {
    cv::Mat mat = cv::imread(path, cv::IMREAD_UNCHANGED);
    if (mat.empty()) throw Error(path + ": not an image file OpenCV can read, or corrupt");
    if (mat.channels() == 4) {  // keep alpha (WebP, TIFF); IMREAD_COLOR would drop it
      if (mat.depth() == CV_16U) mat.convertTo(mat, CV_8U, 1.0 / 257.0);
      if (mat.depth() != CV_8U) throw Error(path + ": unsupported sample format");
      cv::cvtColor(mat, mat, cv::COLOR_BGRA2RGBA);
      return from_mat(mat);
    }
    // Decoded again as 8-bit BGR: this applies the EXIF orientation of camera JPEGs.
    mat = cv::imread(path, cv::IMREAD_COLOR);
    if (mat.empty()) throw Error(path + ": corrupt image file");
    cv::cvtColor(mat, mat, cv::COLOR_BGR2RGB);
    return from_mat(mat);
  } catch (const cv::Exception& e) {
    throw Error(path + ": cannot decode: " + e.what());
  }
}
#endif

FilePtr open_for_read(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw Error(path + ": no such file");
  if (fs::is_directory(path, ec)) throw Error(path + ": is a folder, not an image");
  FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) throw Error(path + ": cannot open: " + std::strerror(errno));
  return FilePtr(file, &std::fclose);
}

// ---- writing ----

// The texts as libpng wants them. `storage` owns the bytes the png_text entries point into.
struct PreparedText {
  std::vector<std::string> storage;
  std::vector<png_text> entries;
};

PreparedText prepare_text(const std::string& path, const PngText& text) {
  PreparedText out;
  out.storage.reserve(text.size() * 2);
  for (const auto& [key, value] : text) {
    const std::optional<std::string> latin1_key = utf8_to_latin1(key);
    if (!latin1_key || latin1_key->empty() || latin1_key->size() > 79) {
      throw Error(path + ": PNG text key '" + key + "' must be 1 to 79 Latin-1 characters");
    }
    if (value.find('\0') != std::string::npos || !is_valid_utf8(value)) {
      throw Error(path + ": PNG text '" + key + "' is not valid UTF-8 text");
    }
    const std::optional<std::string> latin1_value = utf8_to_latin1(value);
    out.storage.push_back(*latin1_key);
    out.storage.push_back(latin1_value ? *latin1_value : value);
  }
  out.entries.resize(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    png_text& entry = out.entries[i];
    std::memset(&entry, 0, sizeof entry);
    const bool latin1 = utf8_to_latin1(text[i].second).has_value();
    // Like PIL's PngInfo.add_text (A1111): tEXt when Latin-1 suffices, else uncompressed iTXt.
    entry.compression = latin1 ? PNG_TEXT_COMPRESSION_NONE : PNG_ITXT_COMPRESSION_NONE;
    entry.key = out.storage[2 * i].data();
    entry.text = out.storage[2 * i + 1].data();
    entry.text_length = out.storage[2 * i + 1].size();
    static char empty[] = "";
    entry.lang = latin1 ? nullptr : empty;
    entry.lang_key = latin1 ? nullptr : empty;
  }
  return out;
}

// A longjmp target: no object with a destructor lives in this frame.
bool encode_png(PngContext& ctx, FILE* file, const Image& image, PreparedText& text,
                std::vector<png_bytep>& rows) {
  if (setjmp(png_jmpbuf(ctx.png))) return false;
  png_init_io(ctx.png, file);
  const int color_type = image.channels == 1   ? PNG_COLOR_TYPE_GRAY
                         : image.channels == 3 ? PNG_COLOR_TYPE_RGB
                                               : PNG_COLOR_TYPE_RGB_ALPHA;
  png_set_IHDR(ctx.png, ctx.info, image.width, image.height, 8, color_type, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (!text.entries.empty()) {
    png_set_text(ctx.png, ctx.info, text.entries.data(), static_cast<int>(text.entries.size()));
  }
  png_write_info(ctx.png, ctx.info);  // text chunks go here, before IDAT, as PIL writes them
  png_write_image(ctx.png, rows.data());
  png_write_end(ctx.png, nullptr);
  return true;
}

// Creates "<path>.part-XXXXXX" exclusively (O_EXCL: never an existing file, never a symlink).
std::pair<int, std::string> create_part_file(const std::string& path) {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::random_device device;
  std::mt19937 rng(device());
  std::uniform_int_distribution<int> pick(0, sizeof kAlphabet - 2);
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string part = path + ".part-";
    for (int i = 0; i < 6; ++i) part += kAlphabet[pick(rng)];
    const int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) return {fd, part};
    if (errno != EEXIST) throw Error(path + ": cannot create a file there: " + std::strerror(errno));
  }
  throw Error(path + ": cannot create a temporary file next to it");
}

// Removes the temporary file unless it was published.
struct PartFileGuard {
  std::string part;
  bool keep = false;
  ~PartFileGuard() {
    if (!keep && !part.empty()) ::unlink(part.c_str());
  }
};

// Moves `part` to `path` only if `path` does not exist, atomically. A check followed by rename()
// would race with another writer (rename silently replaces), so the refusal must be part of the
// move itself: renameat2(RENAME_NOREPLACE) where the filesystem supports it, else link(), which
// also fails with EEXIST atomically, then unlinking the part name. Filesystems with neither (FAT)
// get the name reserved by an O_EXCL create and the part renamed over that empty placeholder.
void publish_no_replace(const std::string& part, const std::string& path) {
  const auto exists_error = [&] { return Error(path + ": already exists; not overwritten"); };
#ifdef RENAME_NOREPLACE
  if (::renameat2(AT_FDCWD, part.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) == 0) return;
  if (errno == EEXIST) throw exists_error();
#endif
  if (::link(part.c_str(), path.c_str()) == 0) {
    ::unlink(part.c_str());
    return;
  }
  if (errno == EEXIST) throw exists_error();
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    if (errno == EEXIST) throw exists_error();
    throw Error(path + ": cannot create: " + std::strerror(errno));
  }
  ::close(fd);
  if (::rename(part.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(path.c_str());
    throw Error(path + ": cannot rename the finished file into place: " + reason);
  }
}

void encode_to_part(const std::string& path, const Image& image, const PngText& text, FILE* file) {
  PreparedText prepared = prepare_text(path, text);
  std::vector<png_bytep> rows(image.height);
  const size_t row_bytes = static_cast<size_t>(image.width) * image.channels;
  for (int y = 0; y < image.height; ++y) {
    rows[y] = const_cast<png_bytep>(image.pixels.data() + y * row_bytes);
  }
  PngContext ctx(false);
  ctx.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &ctx, on_png_error, on_png_warning);
  if (ctx.png) ctx.info = png_create_info_struct(ctx.png);
  if (!ctx.png || !ctx.info) throw Error(path + ": out of memory starting libpng");
  if (!encode_png(ctx, file, image, prepared, rows)) {
    throw Error(path + ": cannot write PNG: " + ctx.message);
  }
}

}  // namespace

Image read_image(const std::string& path) {
  FilePtr file = open_for_read(path);
  png_byte signature[8] = {};
  const bool is_png = std::fread(signature, 1, 8, file.get()) == 8 && png_sig_cmp(signature, 0, 8) == 0;
  if (is_png) {
    std::rewind(file.get());
    return read_png(path, file.get());
  }
  file.reset();
#if GESSO_HAVE_IMGCODECS
  return read_with_opencv(path);
#else
  throw Error(path + ": not a PNG file (this build reads other formats only with OpenCV imgcodecs)");
#endif
}

void write_png(const std::string& path, const Image& image, const PngText& text, WriteMode mode) {
  check_image(image);
  std::error_code ec;
  // Early, friendly refusal; publish_no_replace is what makes it race-free.
  if (mode == WriteMode::kFailIfExists && fs::exists(fs::symlink_status(path, ec))) {
    throw Error(path + ": already exists; not overwritten");
  }
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec)) {
    throw Error(path + ": folder " + parent.string() + " does not exist");
  }
  auto [fd, part] = create_part_file(path);
  PartFileGuard guard{part};
  FILE* raw = ::fdopen(fd, "wb");
  if (!raw) {
    ::close(fd);
    throw Error(path + ": cannot open the temporary file: " + std::strerror(errno));
  }
  FilePtr file(raw, &std::fclose);
  encode_to_part(path, image, text, file.get());
  // Flushed to disk before the rename, so a crash cannot leave `path` naming an empty file.
  if (std::fflush(file.get()) != 0 || ::fsync(::fileno(file.get())) != 0) {
    throw Error(path + ": cannot write: " + std::strerror(errno));
  }
  if (std::fclose(file.release()) != 0) throw Error(path + ": cannot write: " + std::strerror(errno));
  if (mode == WriteMode::kOverwrite) {
    if (::rename(part.c_str(), path.c_str()) != 0) {
      throw Error(path + ": cannot rename the finished file into place: " + std::strerror(errno));
    }
  } else {
    publish_no_replace(part, path);
  }
  guard.keep = true;
}

std::string next_free_path(const std::string& dir, const std::string& stem) {
  const std::string prefix = stem + "-";
  long highest = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    size_t end_of_number = prefix.size();
    while (end_of_number < name.size() && end_of_number - prefix.size() < 9 &&
           std::isdigit(static_cast<unsigned char>(name[end_of_number]))) {
      ++end_of_number;
    }
    if (end_of_number == prefix.size()) continue;
    highest = std::max(highest, std::stol(name.substr(prefix.size(), end_of_number - prefix.size())));
  }
  for (long n = highest + 1;; ++n) {
    char number[32];
    std::snprintf(number, sizeof number, "%04ld", n);
    const fs::path candidate = fs::path(dir) / (prefix + number + ".png");
    if (!fs::exists(fs::symlink_status(candidate, ec))) return candidate.string();
  }
}

}  // namespace gesso::io
