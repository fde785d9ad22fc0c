#pragma once
// AUTOMATIC1111's token counter: the prompt without its <lora:...> tags, at its longest edit
// ([from:to:when] at `steps` steps), laid out in chunks as the text encoders get it (the count of
// text::ChunkedPrompt: 75 for every full chunk). Plain prompts count the text's tokens as they are.
#include <string>

#include "engine/text/clip_tokenizer.h"

namespace gesso::pipelines {

int prompt_token_count(const std::string& prompt, const text::CLIPTokenizer& tokenizer, int steps, bool plain);

}  // namespace gesso::pipelines
