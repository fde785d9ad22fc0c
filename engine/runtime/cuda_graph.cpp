#include "engine/runtime/cuda_graph.h"

#include <torch/torch.h>

#include <sstream>

#if GESSO_CUDA
#include <ATen/cuda/CUDAEvent.h>
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

namespace gesso::runtime {
namespace {

std::string signature(const std::vector<torch::Tensor>& inputs, const std::string& key) {
  std::ostringstream s;
  s << key;
  for (const auto& t : inputs) s << "|" << t.sizes() << t.strides() << t.scalar_type() << t.device();
  return s.str();
}

}  // namespace

#if GESSO_CUDA
struct GraphedFunction::Graph {
  at::cuda::CUDAGraph graph;
  std::vector<torch::Tensor> inputs;  // the captured buffers, refilled before each replay
  torch::Tensor output;
};
#else
struct GraphedFunction::Graph {};
#endif

GraphedFunction::GraphedFunction() = default;
GraphedFunction::~GraphedFunction() = default;

void GraphedFunction::reset() {
  graph_.reset();
  key_.clear();
}

torch::Tensor GraphedFunction::operator()(const std::vector<torch::Tensor>& inputs, const Function& fn,
                                          const std::string& key) {
#if GESSO_CUDA
  const bool on_gpu = !inputs.empty() && inputs.front().is_cuda();
  if (!on_gpu) return fn(inputs);
  const auto sig = signature(inputs, key);
  if (!graph_ || sig != key_) {
    reset();
    auto g = std::make_unique<Graph>();
    for (const auto& t : inputs) g->inputs.push_back(t.clone(at::MemoryFormat::Preserve));
    const auto device_index = inputs.front().device().index();
    const auto current = c10::cuda::getCurrentCUDAStream(device_index);
    auto side = c10::cuda::getStreamFromPool(false, device_index);
    at::cuda::CUDAEvent filled;
    filled.record(current);
    filled.block(side);  // the buffers were filled on the current stream
    {
      const c10::cuda::CUDAStreamGuard guard(side);
      // Warm-up outside the capture: library handles, workspaces and (with cuDNN benchmark) the
      // algorithm search must not happen inside it.
      fn(g->inputs);
      side.synchronize();
      g->graph.capture_begin();
      try {
        g->output = fn(g->inputs);
      } catch (...) {
        // Leave the stream out of capture mode, whatever the failure (out of memory, most likely).
        try {
          g->graph.capture_end();
        } catch (...) {
        }
        throw;
      }
      g->graph.capture_end();
    }
    at::cuda::CUDAEvent captured;
    captured.record(side);
    captured.block(current);
    graph_ = std::move(g);
    key_ = sig;
    ++captures_;
  } else {
    for (std::size_t i = 0; i < inputs.size(); ++i) graph_->inputs[i].copy_(inputs[i], /*non_blocking=*/true);
  }
  graph_->graph.replay();
  return graph_->output.clone();
#else
  (void)key;
  return fn(inputs);
#endif
}

}  // namespace gesso::runtime
