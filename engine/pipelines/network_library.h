#pragma once
// The library's LoRA and textual-inversion folders, as A1111 uses them: a LoRA is named in the
// prompt by its file's stem (<lora:name:0.8>), an embedding by its stem as a word of the prompt.
// Both folders are searched with their subfolders.
#include <string>
#include <vector>

#include "engine/networks/embedding_file.h"
#include "engine/networks/extra_networks.h"

namespace gesso::pipelines {

struct NetworkFile {
  std::string name;  // the file's stem
  std::string path;
};

// The weight files under `dir` (.safetensors, .pt, .ckpt, .bin), sorted by name; none when `dir`
// is "" or does not exist.
std::vector<NetworkFile> list_network_files(const std::string& dir);

struct ResolvedLora {
  networks::LoraTag tag;
  std::string path;
};

// What a prompt (and its negative) asks of the library.
struct PromptNetworks {
  std::string prompt;                  // without its <lora:...> tags
  std::vector<ResolvedLora> loras;
  // The embeddings whose names the prompt or the negative prompt contain (as text: the chunker
  // decides by tokens whether a name is there as a word).
  std::vector<networks::TextualInversion> embeddings;
  std::vector<std::string> notes;      // tags Gesso does not apply
};

// RequestError("prompt", ...) naming every LoRA the folder does not have (and the folder), before
// anything is loaded; an embedding file that cannot be read is a ModelFileError naming it.
PromptNetworks resolve_prompt_networks(const std::string& prompt, const std::string& negative,
                                       const std::string& lora_dir, const std::string& embeddings_dir);

}  // namespace gesso::pipelines
