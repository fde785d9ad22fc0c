#include "engine/pipelines/run_scope.h"

namespace gesso::pipelines {

RunScope::RunScope(const runtime::RuntimeOptions& o, const torch::Device& device)
    : flags_(o),
      attention_(models::AttentionConfig::from(o)),
      fusion_(o.kernels),
      budget_(device, o.vram_budget),
      cuda_graphs_(o.cuda_graphs && o.offload != runtime::Offload::kSequential),
      graph_key_(runtime::describe(o)) {}

}  // namespace gesso::pipelines
