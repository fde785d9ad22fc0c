#pragma once
#include <torch/types.h>

#include <string>

namespace gesso::runtime {

bool cuda_available();

// The first CUDA device when one is usable, else the CPU.
torch::Device default_device();

// "NVIDIA H200 (139.8 GiB, sm_90)" for a CUDA device, "CPU" otherwise.
std::string device_name(const torch::Device& device);

}  // namespace gesso::runtime
