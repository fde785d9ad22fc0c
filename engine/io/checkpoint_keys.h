#pragma once
// Renames at the loader boundary for weight files whose names differ from the module paths (the
// models never see other layouts). Each returns an empty function when no rename is needed.
#include <functional>
#include <string>
#include <vector>

#include "engine/io/safetensors.h"

namespace gesso::io {

using KeyRename = std::function<std::string(const std::string&)>;

// transformers >= 5 saves CLIPTextModel without the "text_model." prefix that SD checkpoints use.
KeyRename clip_text_key_rename(const std::vector<SafetensorsFile>& files);

// VAE folders saved by old diffusers (< 0.14) name the mid-block attention query / key / value /
// proj_attn; today's names are to_q / to_k / to_v / to_out.0.
KeyRename vae_key_rename(const std::vector<SafetensorsFile>& files);

}  // namespace gesso::io
