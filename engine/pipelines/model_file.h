#pragma once
// What a model file or folder is, from its names and shapes alone (a header read; no weights are
// loaded): a diffusers folder, a single-file checkpoint of a family, a VAE, a LoRA, a textual
// inversion embedding or a ControlNet. The model library and the loader both ask this, so a LoRA
// given as a checkpoint is named as a LoRA instead of failing somewhere inside the UNet.
#include <optional>
#include <string>

#include "engine/io/weight_set.h"
#include "engine/pipelines/model_family.h"

namespace gesso::pipelines {

enum class ModelFileKind { kDiffusersFolder, kCheckpoint, kVae, kLora, kEmbedding, kControlNet };

struct ModelFileInfo {
  std::string path;
  ModelFileKind kind = ModelFileKind::kCheckpoint;
  std::optional<ModelFamily> family;  // for checkpoints and folders; for LoRAs / embeddings where the widths say
  bool inpainting = false;            // a 9-channel UNet
  bool v_prediction = false;          // the file says so (a "v_pred" key); see single_file_source.h for the rest

  // "SDXL inpainting checkpoint", "SD 1.x LoRA", "VAE", ...: what the library shows.
  std::string label() const;
};

// Reads the header (safetensors) or the pickle's index (.ckpt / .pt / .bin, with the restricted
// unpickler) of a file, or model_index.json of a folder. A file that is none of the kinds above
// throws ModelFileError naming the file, the keys looked for and a sample of the keys found.
ModelFileInfo inspect_model_file(const std::string& path);

// The same, for weights already opened.
ModelFileInfo inspect_weights(const io::WeightSet& weights);

// The tensors of a weight file, by its content: safetensors, or a pickled torch.save file; a
// Lightning checkpoint's "state_dict" is unwrapped (its other plain values stay in metadata()).
io::WeightSet open_weight_file(const std::string& path);

std::string to_string(ModelFileKind kind);  // "checkpoint", "VAE", "LoRA", ...

}  // namespace gesso::pipelines
