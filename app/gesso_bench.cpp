// gesso-bench: the seeds' benchmark tables on the user's GPU.
#include <CLI/CLI.hpp>

#include <iostream>

#include "engine/error.h"
#include "engine/version.h"

int main(int argc, char** argv) {
  CLI::App app{"Gesso benchmark: it/s, latency and peak VRAM per optimization toggle", "gesso-bench"};
  bool version = false;
  app.add_flag("--version", version, "Print Gesso, LibTorch and device versions, then exit");
  CLI11_PARSE(app, argc, argv);

  try {
    if (version) {
      std::cout << gesso::version_text("gesso-bench");
      return 0;
    }
    std::cout << app.help();
    return 0;
  } catch (const gesso::Error& e) {
    std::cerr << "gesso-bench: " << e.what() << "\n";
    return 1;
  }
}
