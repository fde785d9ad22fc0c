#pragma once
// The AUTOMATIC1111 "parameters" text: how a generated image records what made it, in a PNG text
// chunk of that name. Other tools (ComfyUI importers, Civitai, image browsers) read this layout.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace gesso::io {

struct GenerationParameters {
  std::string prompt, negative_prompt;
  int steps = 0;
  std::string sampler;
  double cfg_scale = 0;
  uint64_t seed = 0;
  int width = 0, height = 0;
  std::string model, model_hash;  // each omitted from the text when empty
  std::optional<double> denoising_strength;
  std::optional<int> clip_skip;
  // Every other "Key: value" (e.g. "Schedule type", "Lora hashes", "Version"), value unquoted.
  std::map<std::string, std::string> extra;

  bool operator==(const GenerationParameters&) const = default;
};

// A1111's create_infotext layout:
//   <prompt, possibly several lines>
//   Negative prompt: <negative, possibly several lines>      (only when not empty)
//   Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1234, Size: 512x512, Model hash: 6ce0161689,
//   Model: v1-5, Denoising strength: 0.75, Clip skip: 2, <extra in key order>
// where the extra keys A1111 writes as groups keep its order ("Hires upscale, Hires steps, Hires
// upscaler"; "Mask blur, Inpaint area, Masked area padding, Masked content") and "Version" is last.
// Numbers as Python's str() (7, 7.5, 0.75); a value with a comma, colon, quote, newline or edge
// space, or an empty one, is JSON-quoted (A1111 quotes on comma/colon/newline; its parser reads
// the rest back correctly only when quoted too). Throws RequestError("parameters") for an extra
// key A1111's parser could not read back (it must match \w[\w \-/]+ and not be a known key).
std::string format_a1111(const GenerationParameters& params);

// A1111's parse_generation_parameters: the last line holds the "Key: value" list when it has at
// least three of them; the lines before are the prompt, up to a line starting "Negative prompt:".
// Unknown keys go to `extra`. Throws RequestError("parameters", ...) when a known key's value is
// malformed ("Steps: many").
GenerationParameters parse_a1111(const std::string& text);

// Python's str() of a float, except that integral values print without ".0" (A1111 shows
// "CFG scale: 7"): the shortest text that reads back to the same double.
std::string format_number(double value);

}  // namespace gesso::io
