#pragma once
// A LoRA file's tensors grouped by the module they patch, in whichever layout wrote them:
//   kohya / A1111:   lora_unet_<path>.lora_down.weight / .lora_up.weight / .alpha, lora_te_<path>
//                    (SDXL: lora_te1_ / lora_te2_), with <path> a module path whose dots became
//                    underscores (diffusers names, or for SDXL the original SGM names);
//   LyCORIS:         the same names with hada_w1_a ... (LoHa) or lokr_w1 ... (LoKr) tensors;
//   diffusers/PEFT:  unet.<path>.lora_A.weight / .lora_B.weight (text_encoder., text_encoder_2.),
//                    and diffusers' older <path>.lora.down.weight / .lora.up.weight.
// Only names are read here; which parameter a module is, and the update it makes, are
// lora_targets.h's and lora_delta.h's.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/io/weight_set.h"

namespace gesso::networks {

enum class LoraKind { kLora, kLoha, kLokr };

struct LoraModule {
  std::string key;        // the file's name of the module ("lora_unet_down_blocks_0_..."), for messages
  std::string component;  // "unet", "text_encoder", "text_encoder_2"
  std::string path;       // the module path: dotted (PEFT) or with underscores (kohya)
  bool underscored = false;
  LoraKind kind = LoraKind::kLora;
  // The tensors by role: "down", "up", "mid" (LoRA; PEFT's lora_A is "down", lora_B "up"),
  // "hada_w1_a" ... (LoHa), "lokr_w1" ... (LoKr).
  std::map<std::string, io::WeightEntry> tensors;
  std::optional<double> alpha;
};

struct LoraFile {
  std::string path;
  std::vector<LoraModule> modules;
  std::vector<std::string> unknown_keys;  // keys that are no LoRA tensor of any layout above
};

// Groups the tensors of an opened weight file (pipelines::open_weight_file). A file with no LoRA
// module at all throws ModelFileError naming the file.
LoraFile read_lora(const io::WeightSet& weights);

}  // namespace gesso::networks
