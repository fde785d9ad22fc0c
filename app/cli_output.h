#pragma once
// Where gesso-cli writes an image: the -o file (numbered when a run gives several), or a new
// <seed>-<index>.png in the -o folder; an existing file only with --overwrite.
#include <filesystem>
#include <iostream>
#include <string>

#include "engine/error.h"
#include "engine/io/image_io.h"

namespace gesso::app {

inline std::string output_path(const std::string& output, uint64_t seed, int index, int total) {
  namespace fs = std::filesystem;
  if (fs::path(output).extension() != ".png") {
    fs::create_directories(output);
    return io::next_free_path(output, std::to_string(seed) + "-" + std::to_string(index));
  }
  if (total == 1) return output;
  const fs::path p(output);
  return (p.parent_path() / (p.stem().string() + "-" + std::to_string(index) + ".png")).string();
}

// Before a long run, not after it: refuses an -o file that exists without --overwrite, and makes
// the folder an -o file goes in.
inline void check_output(const std::string& output, bool overwrite) {
  namespace fs = std::filesystem;
  const fs::path p(output);
  if (p.extension() != ".png") return;
  if (fs::exists(p) && !overwrite) throw RequestError("output", output + " exists; choose another name or pass --overwrite");
  std::error_code error;
  if (p.has_parent_path() && !fs::exists(p.parent_path())) fs::create_directories(p.parent_path(), error);
  if (error) throw RequestError("output", "cannot make the folder " + p.parent_path().string() + ": " + error.message());
}

// Writes the image with its A1111 text and prints the path.
inline void write_result(const std::string& path, const Image& image, const std::string& parameters, bool overwrite) {
  const auto mode = overwrite ? io::WriteMode::kOverwrite : io::WriteMode::kFailIfExists;
  io::write_png(path, image, {{"parameters", parameters}}, mode);
  std::cout << path << "\n";
}

}  // namespace gesso::app
