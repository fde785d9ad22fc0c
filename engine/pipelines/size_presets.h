#pragma once
// The sizes a family was trained at, as the size menu offers them: SD 1.x around 512², SD 2.x
// around 768², SDXL's 1024² and its aspect buckets (about one megapixel each), with transposes.
#include <utility>
#include <vector>

#include "engine/pipelines/model_family.h"

namespace gesso::pipelines {

// {width, height}, the family's native square first.
std::vector<std::pair<int, int>> size_presets(ModelFamily family);

}  // namespace gesso::pipelines
