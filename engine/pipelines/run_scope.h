#pragma once
// The one place a request's runtime options take effect: constructed when a run starts, they set
// the backend flags (TF32, cuDNN autotuning), the attention kernel, the fused-kernel mode and the
// VRAM budget on this thread / device, and put every one back when the run ends, so that nothing
// leaks into the next run. The CUDA-graph decision and its key are made here too.
#include <string>

#include "engine/kernels/fusion.h"
#include "engine/models/attention_dispatch.h"
#include "engine/runtime/backend_flags.h"
#include "engine/runtime/runtime_options.h"
#include "engine/runtime/vram.h"

namespace gesso::pipelines {

class RunScope {
 public:
  RunScope(const runtime::RuntimeOptions& options, const torch::Device& device);
  RunScope(const RunScope&) = delete;
  RunScope& operator=(const RunScope&) = delete;

  // Whether the denoiser's calls replay as CUDA graphs: asked for, and not under sequential
  // offload (which streams weights during the call, something a graph cannot replay).
  bool cuda_graphs() const { return cuda_graphs_; }
  // What besides the inputs' shapes keys a captured graph: the options that change the kernels.
  const std::string& graph_key() const { return graph_key_; }

 private:
  runtime::ScopedBackendFlags flags_;
  models::ScopedAttentionConfig attention_;
  kernels::ScopedKernelFusion fusion_;
  runtime::ScopedVramBudget budget_;
  bool cuda_graphs_;
  std::string graph_key_;
};

}  // namespace gesso::pipelines
