// gesso-bench: the seeds' benchmark tables on the user's GPU.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "engine/error.h"
#include "engine/kernels/self_check.h"
#include "engine/version.h"

namespace {

// Prints a markdown table of kernel-vs-reference checks; returns the process exit code.
int check_kernels() {
  const auto checks = gesso::kernels::run_kernel_self_check();
  if (checks.empty()) {
    std::cout << "No CUDA device: nothing to check (the CPU runs the reference paths).\n";
    return 0;
  }
  bool all = true;
  std::cout << "| kernel | dtype | max abs diff vs reference | tolerance | result |\n"
            << "|---|---|---:|---:|---|\n";
  for (const auto& c : checks) {
    std::printf("| %s | %s | %g | %g | %s |\n", c.kernel.c_str(), c.dtype.c_str(), c.max_abs_diff,
                c.tolerance, c.passed ? "pass" : "FAIL");
    all = all && c.passed;
  }
  return all ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Gesso benchmark: it/s, latency and peak VRAM per optimization toggle", "gesso-bench"};
  bool version = false;
  bool kernels = false;
  app.add_flag("--version", version, "Print Gesso, LibTorch and device versions, then exit");
  app.add_flag("--check-kernels", kernels, "Compare every CUDA kernel with its reference on this GPU");
  CLI11_PARSE(app, argc, argv);

  try {
    if (version) {
      std::cout << gesso::version_text("gesso-bench");
      return 0;
    }
    if (kernels) return check_kernels();
    std::cout << app.help();
    return 0;
  } catch (const gesso::Error& e) {
    std::cerr << "gesso-bench: " << e.what() << "\n";
    return 1;
  }
}
