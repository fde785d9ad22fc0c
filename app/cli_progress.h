#pragma once
// gesso-cli's Observer: a one-line progress bar on stderr, with it/s and VRAM.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>

#include "engine/pipelines/observer.h"

namespace gesso::app {

class CliProgress : public pipelines::Observer {
 public:
  explicit CliProgress(bool quiet) : quiet_(quiet) {}

  // Each stage's line is completed with its duration when the next one starts.
  void on_stage(const std::string& name) override {
    if (quiet_) return;
    finish_stage();
    std::fprintf(stderr, "%s%s...", bar_open_ ? "\n" : "", name.c_str());
    stage_start_ = std::chrono::steady_clock::now();
    stage_open_ = true;
    bar_open_ = false;
  }

  // Shown even when quiet: the run changed something on its own.
  void on_note(const std::string& text) override {
    finish_stage();
    std::fprintf(stderr, "%snote: %s\n", bar_open_ ? "\n" : "", text.c_str());
    bar_open_ = false;
  }

  void finish_stage() {
    if (!stage_open_) return;
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - stage_start_).count();
    std::fprintf(stderr, " %.2f s\n", s);
    stage_open_ = false;
  }

  void on_step(const pipelines::StepEvent& e) override {
    if (quiet_) return;
    if (stage_open_) std::fputc('\n', stderr), stage_open_ = false;
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
  bool stage_open_ = false;
  std::chrono::steady_clock::time_point stage_start_;
};

}  // namespace gesso::app
