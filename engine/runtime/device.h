#pragma once
#include <torch/types.h>

#include <string>

namespace gesso::runtime {

bool cuda_available();

// The first CUDA device when one is usable, else the CPU.
torch::Device default_device();

// Creates the device's context and memory pool now (the first CUDA call of a process costs a
// second or more), so a run's stages are timed apart from it.
void start_device(const torch::Device& device);
bool device_started(const torch::Device& device);  // true for the CPU

// "NVIDIA H200 (139.8 GiB, sm_90)" for a CUDA device, "CPU" otherwise.
std::string device_name(const torch::Device& device);

// The device's memory in bytes (0 for the CPU or when it cannot be read), without creating a context.
int64_t device_total_memory(const torch::Device& device);

}  // namespace gesso::runtime
