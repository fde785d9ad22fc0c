#pragma once
// A textual-inversion embedding as A1111 loads it: its vectors, named by the file's stem (how the
// prompt uses it: "easynegative"). The layouts: A1111's .pt ({"string_to_param": {"*": [n, w]}},
// read with the restricted unpickler), a single tensor ({"emb_params": [n, w]}, or diffusers'
// {"<token>": [w]}), and SDXL's pair {"clip_l": [n, 768], "clip_g": [n, 1280]}.
#include <torch/types.h>

#include <map>
#include <string>

#include "engine/io/weight_set.h"

namespace gesso::networks {

struct TextualInversion {
  std::string name;
  std::string path;
  // float32 [n, width] on the CPU, by the key of the encoder they are for: "clip_l" / "clip_g"
  // (SDXL), or "" where one set serves the model's only text encoder.
  std::map<std::string, torch::Tensor> vectors;

  int64_t count() const;  // n
  // The vectors for an encoder of `width` whose SDXL key is `key`; undefined when none fit.
  torch::Tensor for_encoder(const std::string& key, int64_t width) const;
  std::string widths() const;  // "768", "768 + 1280": for messages
};

// ModelFileError naming the file for anything else (several tensors, vectors of unequal counts).
TextualInversion read_embedding(const io::WeightSet& weights, const std::string& name);

}  // namespace gesso::networks
