#pragma once
// Which weight of a loaded model each module of a LoRA file patches. Module names are matched
// against the components' own parameter names (diffusers' / transformers' names): dotted as PEFT
// writes them, with underscores as kohya writes them, and for the UNet also in the original SGM
// layout SDXL LoRAs use (lora_unet_input_blocks_4_1_..., converted with io::ldm_unet_key).
#include <torch/nn/module.h>
#include <torch/types.h>

#include <string>
#include <utility>
#include <vector>

#include "engine/networks/lora_file.h"

namespace gesso::networks {

// A model's modules by component name ("text_encoder", "text_encoder_2", "unet").
using Components = std::vector<std::pair<std::string, torch::nn::Module*>>;

struct LoraTarget {
  std::string name;      // "unet.down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q.weight"
  std::string component;
  torch::Tensor weight;  // the parameter itself
  const LoraModule* module = nullptr;
};

struct LoraMatch {
  std::vector<LoraTarget> targets;
  std::vector<std::string> unmatched;  // the file's names of the modules that patch nothing here
};

// `unet_layers_per_block`: the UNet's resnets per level, which SGM names count in.
LoraMatch match_lora(const LoraFile& file, const Components& components, int64_t unet_layers_per_block);

}  // namespace gesso::networks
