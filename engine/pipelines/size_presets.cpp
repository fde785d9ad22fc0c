#include "engine/pipelines/size_presets.h"

namespace gesso::pipelines {
namespace {

// The square, then each landscape bucket followed by its portrait transpose.
std::vector<std::pair<int, int>> with_transposes(int square, const std::vector<std::pair<int, int>>& landscape) {
  std::vector<std::pair<int, int>> out{{square, square}};
  for (const auto& [w, h] : landscape) {
    out.emplace_back(w, h);
    out.emplace_back(h, w);
  }
  return out;
}

}  // namespace

std::vector<std::pair<int, int>> size_presets(ModelFamily family) {
  switch (family) {
    case ModelFamily::kSDXL:
    case ModelFamily::kSDXLRefiner:
      return with_transposes(1024, {{1152, 896}, {1216, 832}, {1344, 768}, {1536, 640}});
    case ModelFamily::kSD2: return with_transposes(768, {{896, 640}, {1024, 576}});
    case ModelFamily::kIF: return {{64, 64}};
    case ModelFamily::kIFSuperResolution: return {{256, 256}};
    case ModelFamily::kSD1:
    case ModelFamily::kSDUpscale: break;
  }
  return with_transposes(512, {{768, 512}, {640, 512}, {912, 512}});
}

}  // namespace gesso::pipelines
