#pragma once
// Precompiled for every engine translation unit (see engine/CMakeLists.txt).
#include <torch/torch.h>
