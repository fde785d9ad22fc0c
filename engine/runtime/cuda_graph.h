#pragma once
// CUDA-graph replay of a pure tensor function (the UNet call): the native counterpart of
// torch.compile(mode="reduce-overhead"). The first call for a new key — the inputs' shapes,
// strides, dtypes and devices plus the caller's own key (the options that change the kernels) —
// warms the function up on a side stream, then captures it; every later call copies the inputs
// into the captured buffers and replays the whole graph with one launch.
#include <torch/types.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace gesso::runtime {

class GraphedFunction {
 public:
  using Function = std::function<torch::Tensor(const std::vector<torch::Tensor>&)>;

  GraphedFunction();
  ~GraphedFunction();
  GraphedFunction(const GraphedFunction&) = delete;
  GraphedFunction& operator=(const GraphedFunction&) = delete;

  // fn(inputs), replayed from a graph on CUDA; called directly elsewhere. The result is the
  // caller's own tensor (not the graph's buffer), so it survives the next replay.
  torch::Tensor operator()(const std::vector<torch::Tensor>& inputs, const Function& fn, const std::string& key);

  int captures() const { return captures_; }  // how many times a graph was (re)captured
  void reset();                               // drops the graph and its memory pool

 private:
  struct Graph;
  std::unique_ptr<Graph> graph_;
  std::string key_;
  int captures_ = 0;
};

}  // namespace gesso::runtime
