#include "engine/networks/embedding_file.h"

#include <torch/torch.h>

#include "engine/error.h"

namespace gesso::networks {
namespace {

torch::Tensor vectors_of(const io::WeightEntry& e) {
  auto t = e.view().to(torch::kFloat).clone();
  if (t.dim() == 1) t = t.unsqueeze(0);  // diffusers' single-vector {"<token>": [w]}
  return t;
}

}  // namespace

int64_t TextualInversion::count() const { return vectors.empty() ? 0 : vectors.begin()->second.size(0); }

torch::Tensor TextualInversion::for_encoder(const std::string& key, int64_t width) const {
  for (const auto& k : {key, std::string()}) {
    const auto it = vectors.find(k);
    if (it != vectors.end() && it->second.size(1) == width) return it->second;
  }
  return {};
}

std::string TextualInversion::widths() const {
  std::string out;
  for (const auto& [key, v] : vectors) out += (out.empty() ? "" : " + ") + std::to_string(v.size(1));
  return out;
}

TextualInversion read_embedding(const io::WeightSet& w, const std::string& name) {
  TextualInversion out{.name = name, .path = w.path()};
  std::vector<std::string> params;
  for (const auto& [key, e] : w.entries())
    if (key.rfind("string_to_param.", 0) == 0) params.push_back(key);
  if (!params.empty()) {
    if (params.size() != 1)
      throw ModelFileError(w.path(), "an embedding with " + std::to_string(params.size()) +
                                         " string_to_param entries (A1111 reads files with one)");
    out.vectors[""] = vectors_of(w.at(params[0]));
  } else if (w.contains("clip_l") && w.contains("clip_g")) {
    out.vectors["clip_l"] = vectors_of(w.at("clip_l"));
    out.vectors["clip_g"] = vectors_of(w.at("clip_g"));
  } else if (w.size() == 1) {
    out.vectors[""] = vectors_of(w.entries().begin()->second);
  } else {
    throw ModelFileError(w.path(), "not a textual-inversion embedding (looked for string_to_param, emb_params, or "
                                   "clip_l + clip_g; found " + std::to_string(w.size()) + " tensors)");
  }
  for (const auto& [key, v] : out.vectors)
    if (v.dim() != 2 || v.size(0) < 1 || v.size(0) != out.count())
      throw ModelFileError(w.path(), "embedding vectors of shape " + c10::str(v.sizes()) +
                                         (key.empty() ? "" : " (" + key + ")") + ": expected [vectors, width]");
  return out;
}

}  // namespace gesso::networks
