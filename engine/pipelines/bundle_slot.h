#pragma once
// A pipeline's loaded model for one role (a cascade stage, the upscaler): kept between runs while
// its LoadKey holds, with the CUDA graph captured on it; loaded again, after freeing the old one,
// when the key changes.
#include <memory>
#include <string>
#include <vector>

#include "engine/pipelines/model_bundle.h"
#include "engine/pipelines/observer.h"
#include "engine/runtime/cuda_graph.h"

namespace gesso::pipelines {

struct BundleSlot {
  std::unique_ptr<ModelBundle> bundle;
  runtime::GraphedFunction graph;

  // The bundle for `spec`, loaded unless held already ("load <stage>" reported); its load notes go
  // to the observer and into `notes`. A bundle of a family `expected` does not list is a
  // RequestError on `field` naming the folder and both families.
  ModelBundle& ensure(const ModelSpec& spec, const torch::Device& device, const runtime::RuntimeOptions& options,
                      const std::string& stage, Observer& observer, std::vector<std::string>& notes);
  void reset();
};

// Refuses `model` unless its family is `expected`, naming the request field, the folder, what it is
// and what the field needs.
void require_family(const ModelBundle& model, ModelFamily expected, const std::string& field);

}  // namespace gesso::pipelines
