#include "engine/pipelines/bundle_slot.h"

#include "engine/error.h"
#include "engine/runtime/device.h"
#include "engine/runtime/vram.h"

namespace gesso::pipelines {

ModelBundle& BundleSlot::ensure(const ModelSpec& spec, const torch::Device& device,
                                const runtime::RuntimeOptions& options, const std::string& stage, Observer& observer,
                                std::vector<std::string>& notes) {
  if (bundle && bundle->key == LoadKey::of(spec, device, options)) return *bundle;
  if (!runtime::device_started(device)) {
    observer.on_stage("start CUDA");
    runtime::start_device(device);
  }
  observer.on_stage("load " + stage);
  reset();  // free the old model before loading the next
  runtime::release_cached_memory();
  bundle = load_model_bundle(spec, device, options);
  for (const auto& note : bundle->notes) {
    observer.on_note(note);
    notes.push_back(note);
  }
  return *bundle;
}

void BundleSlot::reset() {
  graph.reset();
  bundle.reset();
}

void require_family(const ModelBundle& model, ModelFamily expected, const std::string& field) {
  if (model.family == expected) return;
  throw RequestError(field, model.index.dir + " is a " + to_string(model.family) + " model; this needs a " +
                                to_string(expected) + " model");
}

}  // namespace gesso::pipelines
