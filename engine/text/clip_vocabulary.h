#pragma once
// CLIP's byte-level BPE vocabulary, built into Gesso: the merges list OpenAI published with CLIP
// (bpe_simple_vocab_16e6.txt.gz, embedded at build time from the open-clip-torch wheel that
// scripts/setup.sh fetches). Every SD text encoder uses it; single-file checkpoints carry no
// tokenizer, so this is what reads their prompts.
#include <string>
#include <utility>
#include <vector>

namespace gesso::text {

// The 48 894 merges CLIP uses (49 408 tokens = 256 bytes x 2 + the merges + 2 specials), in rank
// order. Decompressed once, on first use.
const std::vector<std::pair<std::string, std::string>>& clip_merges();

// The vocabulary in id order, as CLIP builds it: the 256 byte characters, the same with "</w>",
// each merge joined, then "<|startoftext|>" and "<|endoftext|>".
std::vector<std::string> clip_vocabulary();

}  // namespace gesso::text
