#include "engine/pipelines/prompt_token_count.h"

#include <algorithm>

#include "engine/error.h"
#include "engine/networks/extra_networks.h"
#include "engine/text/prompt_chunks.h"
#include "engine/text/prompt_schedule.h"

namespace gesso::pipelines {

int prompt_token_count(const std::string& prompt, const text::CLIPTokenizer& tokenizer, int steps, bool plain) {
  std::string text = prompt;
  try {
    text = networks::parse_extra_networks(prompt).prompt;
  } catch (const RequestError&) {
    // A tag still being typed ("<lora:x:0."): count the text as it is.
  }
  if (plain) return static_cast<int>(tokenizer.tokenize(text).size());
  int count = 0;
  for (const auto& entry : text::prompt_schedule(text, std::max(steps, 1)))
    count = std::max(count, text::chunk_prompt(entry.text, tokenizer).token_count);
  return count;
}

}  // namespace gesso::pipelines
