#pragma once
// gesso-cli's Observer: a one-line progress bar on stderr, with it/s and VRAM.
#include <atomic>
#include <cstdio>
#include <string>

#include "engine/pipelines/observer.h"

namespace gesso::app {

class CliProgress : public pipelines::Observer {
 public:
  explicit CliProgress(bool quiet) : quiet_(quiet) {}

  void on_stage(const std::string& name) override {
    if (quiet_) return;
    std::fprintf(stderr, "%s%s...\n", bar_open_ ? "\n" : "", name.c_str());
    bar_open_ = false;
  }

  void on_step(const pipelines::StepEvent& e) override {
    if (quiet_) return;
    constexpr int kWidth = 30;
    const int filled = e.total > 0 ? e.step * kWidth / e.total : 0;
    std::string bar(filled, '#');
    bar.resize(kWidth, '.');
    std::fprintf(stderr, "\r[%s] %d/%d  %.2f it/s", bar.c_str(), e.step, e.total, e.it_per_s);
    if (e.vram.total > 0)
      std::fprintf(stderr, "  VRAM %.2f/%.2f GiB", e.vram.allocated / 1073741824.0, e.vram.total / 1073741824.0);
    if (e.step == e.total) std::fputc('\n', stderr);
    bar_open_ = e.step != e.total;
    std::fflush(stderr);
  }

  bool should_cancel() const override { return cancel_requested.load(); }

  // Set from the SIGINT handler: the run stops at the next step, and nothing half-written is left.
  static inline std::atomic<bool> cancel_requested{false};

 private:
  bool quiet_;
  bool bar_open_ = false;
};

}  // namespace gesso::app
