#pragma once
// gesso-bench oom: out-of-memory handling on a real GPU. A run too large for the card fails with
// advice, the cached memory is handed back, and the next runs in the same process work — among
// them the advised toggle under a pretend budget the default run does not fit in.
#include <string>

namespace gesso::app {

struct OomCheckOptions {
  std::string model, device = "auto";
  int huge_size = 4096;       // with the math attention kernel, a size no card holds
  double budget_gib = 2.2;    // a pretend card the default 512x512 fp16 run does not fit in (its weights: 2.04 GiB)
  std::string fix = "offload=model";  // the toggle set expected to fit in it
};

// Prints each step and its outcome; returns 0 when every expectation held.
int run_oom_check(const OomCheckOptions& options);

}  // namespace gesso::app
