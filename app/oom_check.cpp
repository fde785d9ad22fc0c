#include "app/oom_check.h"

#include <cstdio>
#include <functional>
#include <iostream>

#include "app/runtime_flags.h"
#include "engine/error.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/runtime/vram.h"

namespace gesso::app {
namespace {

using Change = std::function<void(pipelines::GenerationRequest&)>;

pipelines::GenerationRequest base_request(const OomCheckOptions& o) {
  pipelines::GenerationRequest r;
  r.model_dir = o.model;
  r.prompt = "a photo of an astronaut riding a horse on mars";
  r.steps = 4;
  r.seed = 1234;
  r.runtime.device = o.device;
  r.runtime.dtype = torch::kHalf;
  return r;
}

double gib(int64_t bytes) { return double(bytes) / double(int64_t{1} << 30); }

// Runs one request; true when it ended as expected (out of memory, or an image).
bool attempt(pipelines::StableDiffusionPipeline& p, const std::string& what, const pipelines::GenerationRequest& r,
             bool expect_oom) {
  const auto device = pipelines::resolve_device(r.runtime.device);
  runtime::reset_peak_vram(device);
  pipelines::Observer quiet;
  bool oom = false;
  try {
    p.run(r, quiet);
  } catch (const OutOfMemoryError& e) {
    oom = true;
    std::cout << "  error: " << e.what() << "\n";
  } catch (const Error& e) {
    std::cout << "  unexpected error: " << e.what() << "\n";
    return false;
  }
  const auto s = runtime::vram_stats(device);
  const bool ok = oom == expect_oom;
  std::printf("%s: %s (%s); peak %.2f GiB, allocated after %.2f GiB, reserved after %.2f GiB\n", ok ? "PASS" : "FAIL",
              what.c_str(), oom ? "out of memory" : "image made", gib(s.peak), gib(s.allocated), gib(s.reserved));
  if (!oom && p.model())
    std::printf("  estimate for this run: %.2f GiB\n", gib(pipelines::estimate_vram(r, *p.model()).total()));
  return ok;
}

}  // namespace

int run_oom_check(const OomCheckOptions& o) {
  pipelines::StableDiffusionPipeline p;
  bool all = true;
  auto huge = base_request(o);
  huge.width = huge.height = o.huge_size;
  huge.steps = 1;
  // With the math kernel the first attention's scores alone want terabytes at 4096px: no card
  // holds them, and the run fails at once rather than after minutes of flash attention.
  huge.runtime.attention = runtime::AttentionBackend::kMath;
  all &= attempt(p, std::to_string(o.huge_size) + "px, fp16, math attention", huge, true);
  all &= attempt(p, "512px right after, same process", base_request(o), false);
  const auto budget = runtime::parse_vram_budget(std::to_string(o.budget_gib));
  auto tight = base_request(o);
  tight.runtime.vram_budget = budget;
  char label[64];
  std::snprintf(label, sizeof label, "512px in a pretend %.2g GiB card", o.budget_gib);
  all &= attempt(p, label, tight, true);
  apply_toggle_set(tight.runtime, o.fix);
  all &= attempt(p, std::string(label) + " with " + o.fix, tight, false);
  all &= attempt(p, "512px, no budget, default toggles again", base_request(o), false);
  std::cout << (all ? "oom check: every expectation held\n" : "oom check: FAILED\n");
  return all ? 0 : 1;
}

}  // namespace gesso::app
