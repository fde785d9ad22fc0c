#pragma once
// The one channel from a running pipeline to whoever watches it: the GUI's worker, the CLI's
// progress bar and the benchmark are three Observers of the same run (ARCHITECTURE.md).
#include <cstdint>
#include <optional>
#include <string>

#include "engine/io/image.h"
#include "engine/runtime/vram.h"

namespace gesso::pipelines {

using runtime::VramStats;

struct StepEvent {
  int step = 0;       // 1-based, steps done so far
  int total = 0;
  double it_per_s = 0;
  double elapsed_s = 0;
  VramStats vram;
  std::optional<Image> preview;  // every preview_every steps (latent-to-RGB projection)
};

class Observer {
 public:
  virtual ~Observer() = default;
  virtual void on_stage(const std::string& /*name*/) {}
  // Something the run changed on its own that the user should know (a NaN decode redone in fp32).
  virtual void on_note(const std::string& /*text*/) {}
  virtual void on_step(const StepEvent& /*event*/) {}
  // Checked before every step; true stops the run with CancelledError.
  virtual bool should_cancel() const { return false; }
  // 0: no previews.
  virtual int preview_every() const { return 0; }
};

}  // namespace gesso::pipelines
