#pragma once
// The device memory a DeepFloyd IF run needs at its peak: every loaded stage's weights stay
// resident (without offload), T5 among them unless it runs on the CPU, and the peak stage's
// activations on top: stage I at its size, stage II at 4x, the x4 upscaler's UNet at stage II's
// size and its VAE decode at 16x. The out-of-memory advice says what T5 on the CPU and CPU
// offload would bring it down to.
#include <string>

#include "engine/pipelines/deepfloyd_if_pipeline.h"
#include "engine/pipelines/model_bundle.h"
#include "engine/runtime/vram_estimate.h"

namespace gesso::pipelines {

// `two` and `three` may be null (stages not run). peak_stage names the stage ("stage II UNet").
runtime::VramEstimate estimate_if_vram(const IFRequest& request, const ModelBundle& one, const ModelBundle* two,
                                       const ModelBundle* three, const runtime::RuntimeOptions& options);

// "about 24.1 GiB at stage II UNet; keep T5 on the CPU (about 14.6 GiB), model CPU offload (...)".
std::string if_memory_advice(const IFRequest& request, const ModelBundle& one, const ModelBundle* two,
                             const ModelBundle* three);

}  // namespace gesso::pipelines
