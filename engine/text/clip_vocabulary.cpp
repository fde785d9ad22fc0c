#include "engine/text/clip_vocabulary.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <sstream>

#include "engine/error.h"
#include "engine/text/unicode.h"

// The gzip file itself, placed in .rodata by the assembler (GESSO_BPE_GZ_PATH comes from CMake).
asm(".section .rodata\n"
    ".balign 16\n"
    "gesso_clip_merges_gz:\n"
    ".incbin \"" GESSO_BPE_GZ_PATH "\"\n"
    "gesso_clip_merges_gz_end:\n"
    ".previous\n");
extern "C" const unsigned char gesso_clip_merges_gz[];
extern "C" const unsigned char gesso_clip_merges_gz_end[];

namespace gesso::text {
namespace {

constexpr std::size_t kClipMerges = 49152 - 256 - 2;

std::string gunzip(const unsigned char* begin, const unsigned char* end) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) throw Error("CLIP vocabulary: zlib failed to start");
  z.next_in = const_cast<Bytef*>(begin);
  z.avail_in = static_cast<uInt>(end - begin);
  std::string out;
  char chunk[1 << 16];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(chunk);
    z.avail_out = sizeof chunk;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - z.avail_out);
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) throw Error("CLIP vocabulary: the built-in merges list is corrupt (rebuild Gesso)");
  return out;
}

// Byte b's printable stand-in (GPT-2's reversible map), as CLIP's bytes_to_unicode orders them.
std::vector<std::string> byte_characters() {
  std::vector<int> bytes;
  for (int b = '!'; b <= '~'; ++b) bytes.push_back(b);
  for (int b = 0xA1; b <= 0xAC; ++b) bytes.push_back(b);
  for (int b = 0xAE; b <= 0xFF; ++b) bytes.push_back(b);
  std::vector<std::string> chars;
  for (int b : bytes) chars.push_back(unicode::encode_utf8(std::u32string(1, char32_t(b))));
  char32_t next = 256;
  for (int b = 0; b < 256; ++b)
    if (std::find(bytes.begin(), bytes.end(), b) == bytes.end())
      chars.push_back(unicode::encode_utf8(std::u32string(1, next++)));
  return chars;
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& clip_merges() {
  static const auto merges = [] {
    std::istringstream lines(gunzip(gesso_clip_merges_gz, gesso_clip_merges_gz_end));
    std::vector<std::pair<std::string, std::string>> out;
    std::string line;
    std::getline(lines, line);  // "#version: 0.2"
    while (out.size() < kClipMerges && std::getline(lines, line)) {
      const auto space = line.find(' ');
      if (space == std::string::npos) throw Error("CLIP vocabulary: malformed merge line '" + line + "'");
      out.emplace_back(line.substr(0, space), line.substr(space + 1));
    }
    if (out.size() != kClipMerges) throw Error("CLIP vocabulary: the built-in merges list is short");
    return out;
  }();
  return merges;
}

std::vector<std::string> clip_vocabulary() {
  std::vector<std::string> vocab = byte_characters();
  for (std::size_t i = 0; i < 256; ++i) vocab.push_back(vocab[i] + "</w>");
  for (const auto& [a, b] : clip_merges()) vocab.push_back(a + b);
  vocab.emplace_back("<|startoftext|>");
  vocab.emplace_back("<|endoftext|>");
  return vocab;
}

}  // namespace gesso::text
