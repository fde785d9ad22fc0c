#pragma once
// AUTOMATIC1111's prompt editing, parsed as its prompt_parser.py grammar defines it:
//   [from:to:when]  "from" until step `when`, then "to"     ([to:when], [from::when] too)
//   [a|b|c]         a different text at every step, in turn
// `when` is a step count, or with a decimal point a fraction of the steps ("0.25", ".5"). The
// emphasis brackets ( ) [ ] and their weights stay in the texts (prompt_attention.h reads them
// later). A prompt the grammar does not accept (a stray "|", a trailing "\") is one plain text.
#include <string>
#include <vector>

namespace gesso::text {

struct ScheduledPrompt {
  int end_at_step = 0;  // the text holds while the sampler's step counter (from 0) is <= this
  std::string text;
  bool operator==(const ScheduledPrompt&) const = default;
};

// A1111's get_learned_conditioning_prompt_schedules for one prompt and `steps` steps: the texts
// in order, the last ending at `steps`.
std::vector<ScheduledPrompt> prompt_schedule(const std::string& prompt, int steps);

// The text in force at sampler step `step` (counted from 0), as A1111's reconstruct_cond_batch picks it.
std::size_t schedule_index_at(const std::vector<ScheduledPrompt>& schedule, int step);

}  // namespace gesso::text
