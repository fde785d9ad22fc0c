#pragma once
// The message of the error of type E a pipeline run throws, for tests that check what a user reads.
#include <string>

#include "engine/pipelines/stable_diffusion_pipeline.h"

namespace gesso::test {

template <typename E>
std::string error_of(pipelines::StableDiffusionPipeline& p, const pipelines::GenerationRequest& r) {
  pipelines::Observer quiet;
  try {
    p.run(r, quiet);
  } catch (const E& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace gesso::test
