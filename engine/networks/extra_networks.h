#pragma once
// A1111's extra-network tags in a prompt, "<lora:name:0.8>" (and "<lyco:...>", its older alias):
// taken out of the prompt text before anything else reads it, as A1111's
// extra_networks.parse_prompt does (every "<word:args>" goes; kinds other than LoRA are reported).
#include <string>
#include <vector>

namespace gesso::networks {

struct LoraTag {
  std::string name;               // the file's name in the Lora folder, without extension
  double text_multiplier = 1.0;   // <lora:name:te>, or te=...
  double unet_multiplier = 1.0;   // <lora:name:te:unet>, or unet=...; defaults to te
};

struct ExtraNetworks {
  std::string prompt;              // the prompt without its tags
  std::vector<LoraTag> loras;      // in prompt order
  std::vector<std::string> other;  // tags of other kinds ("hypernet"), which Gesso does not apply
};

// RequestError("prompt", ...) for a LoRA tag without a name or with a multiplier that is no number.
ExtraNetworks parse_extra_networks(const std::string& prompt);

// "<lora:name:0.8>" as A1111 writes it back (one multiplier when both are equal).
std::string lora_tag_text(const LoraTag& tag);

}  // namespace gesso::networks
