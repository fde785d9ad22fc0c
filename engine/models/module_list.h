#pragma once
// Registers typed submodules as a ModuleList, so their parameter paths read name.0..., name.1...
// like the checkpoint keys, while the owner keeps the typed holders to call them.
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>

#include <string>
#include <vector>

namespace gesso::models {

template <typename Holder>
void register_module_list(torch::nn::Module& owner, const std::string& name, const std::vector<Holder>& items) {
  auto list = owner.register_module(name, torch::nn::ModuleList());
  for (const auto& item : items) list->push_back(item);
}

}  // namespace gesso::models
