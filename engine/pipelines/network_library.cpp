#include "engine/pipelines/network_library.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include "engine/error.h"
#include "engine/pipelines/model_file.h"

namespace gesso::pipelines {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool weight_extension(const fs::path& p) {
  const auto ext = lower(p.extension().string());
  return ext == ".safetensors" || ext == ".pt" || ext == ".ckpt" || ext == ".bin";
}

// Whether `name` is in `text` as CLIP's pre-tokenizer would cut it out: not inside a longer run of
// letters (the chunker then checks the tokens themselves).
bool names_word(const std::string& text, const std::string& name) {
  if (name.empty()) return false;
  const auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  for (auto at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    const bool open_before = at == 0 || !letter(name.front()) || !letter(text[at - 1]);
    const auto end = at + name.size();
    const bool open_after = end == text.size() || !letter(name.back()) || !letter(text[end]);
    if (open_before && open_after) return true;
  }
  return false;
}

}  // namespace

std::vector<NetworkFile> list_network_files(const std::string& dir) {
  std::vector<NetworkFile> out;
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return out;
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && weight_extension(it->path()))
      out.push_back({it->path().stem().string(), it->path().string()});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

PromptNetworks resolve_prompt_networks(const std::string& prompt, const std::string& negative,
                                       const std::string& lora_dir, const std::string& embeddings_dir) {
  auto tags = networks::parse_extra_networks(prompt);
  PromptNetworks out{.prompt = tags.prompt};
  for (const auto& other : tags.other) out.notes.push_back(other + " is not a LoRA: Gesso leaves it out");
  if (!tags.loras.empty()) {
    std::map<std::string, std::string> files;
    for (const auto& f : list_network_files(lora_dir)) files.emplace(f.name, f.path);
    std::vector<std::string> missing;
    for (const auto& tag : tags.loras) {
      const auto it = files.find(tag.name);
      if (it == files.end()) missing.push_back(tag.name);
      else out.loras.push_back({tag, it->second});
    }
    if (!missing.empty()) {
      std::string names;
      for (const auto& m : missing) names += (names.empty() ? "'" : ", '") + m + "'";
      throw RequestError("prompt", "the prompt names " + std::string(missing.size() == 1 ? "a LoRA" : "LoRAs") +
                                       " the library does not have: " + names + " (" +
                                       (lora_dir.empty() ? std::string("no Lora folder is set")
                                                         : "looked in " + lora_dir) + ")");
    }
  }
  // The tokenizers lower-case the text, so a name is there in any case.
  const auto text = lower(out.prompt + "\n" + negative);
  for (const auto& f : list_network_files(embeddings_dir)) {
    if (!names_word(text, lower(f.name))) continue;
    out.embeddings.push_back(networks::read_embedding(open_weight_file(f.path), f.name));
  }
  return out;
}

}  // namespace gesso::pipelines
