#pragma once
// The runtime toggles as command-line options, shared by gesso-cli and gesso-bench so both spell
// them the same way. add() registers them; apply() parses the words into RuntimeOptions.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <string>

#include "engine/error.h"
#include "engine/runtime/runtime_options.h"

namespace gesso::app {

struct RuntimeFlags {
  std::string attention = "auto", attention_slice = "off", offload = "none", kernels = "auto", vram_budget;
  bool vae_fp32 = false, tf32 = false, cudnn_benchmark = false, channels_last = false;
  bool vae_tiling = false, vae_slicing = false, cuda_graphs = false, release_memory = false, t5_cpu = false;

  void add(CLI::App& app) {
    app.add_flag("--tf32", tf32, "TF32 tensor cores for float32 matmuls and convolutions");
    app.add_flag("--cudnn-benchmark", cudnn_benchmark, "Let cuDNN time its algorithms on each new shape");
    app.add_flag("--channels-last", channels_last, "NHWC memory layout for the UNet and VAE convolutions");
    app.add_option("--attention", attention, "auto | flash | mem-efficient | math | cudnn | plain");
    app.add_option("--attention-slicing", attention_slice, "off | auto | N heads at a time (saves memory)");
    app.add_flag("--vae-fp32", vae_fp32, "Run the VAE in float32 (where fp16 overflows)");
    app.add_flag("--vae-tiling", vae_tiling, "Decode/encode in blended tiles (large images in little memory)");
    app.add_flag("--vae-slicing", vae_slicing, "Decode/encode one image of the batch at a time");
    app.add_option("--offload", offload, "none | model | sequential (CPU offload: less VRAM, slower)");
    app.add_flag("--cuda-graphs", cuda_graphs, "Capture the denoising step once, replay it every step");
    app.add_flag("--release-vram", release_memory, "Give cached device memory back after each run");
    app.add_option("--kernels", kernels, "auto | off | on: Gesso's fused CUDA kernels (auto: on the GPU)");
    app.add_option("--vram-budget", vram_budget, "Pretend the GPU has only this many GiB (try a small card's settings)");
    app.add_flag("--t5-cpu", t5_cpu, "DeepFloyd IF: keep T5-XXL on the CPU (bf16), ~9.5 GB less VRAM");
  }

  void apply(runtime::RuntimeOptions& r) const {
    r.attention = runtime::parse_attention_backend(attention);
    r.attention_slice = runtime::parse_attention_slice(attention_slice);
    r.offload = runtime::parse_offload(offload);
    r.vae_fp32 = vae_fp32;
    r.tf32 = tf32;
    r.cudnn_benchmark = cudnn_benchmark;
    r.channels_last = channels_last;
    r.vae_tiling = vae_tiling;
    r.vae_slicing = vae_slicing;
    r.cuda_graphs = cuda_graphs;
    r.release_memory = release_memory;
    r.text_encoder_on_cpu = t5_cpu;
    r.kernels = runtime::parse_kernel_fusion(kernels);
    if (!vram_budget.empty()) r.vram_budget = runtime::parse_vram_budget(vram_budget);
  }
};

// gesso-bench's toggle sets: tokens joined by '+', e.g. "channels-last+cuda-graphs" or
// "offload=sequential"; "default" is the untoggled run.
inline void apply_toggle_set(runtime::RuntimeOptions& r, const std::string& set) {
  std::size_t start = 0;
  while (start <= set.size()) {
    const auto end = std::min(set.find('+', start), set.size());
    const auto token = set.substr(start, end - start);
    const auto eq = token.find('=');
    const auto name = token.substr(0, eq), value = eq == std::string::npos ? "" : token.substr(eq + 1);
    if (name == "default" || name.empty()) {
    } else if (name == "tf32") {
      r.tf32 = true;
    } else if (name == "cudnn-benchmark") {
      r.cudnn_benchmark = true;
    } else if (name == "channels-last") {
      r.channels_last = true;
    } else if (name == "attention") {
      r.attention = runtime::parse_attention_backend(value);
    } else if (name == "slicing") {
      r.attention_slice = runtime::parse_attention_slice(value.empty() ? "auto" : value);
    } else if (name == "vae-tiling") {
      r.vae_tiling = true;
    } else if (name == "vae-slicing") {
      r.vae_slicing = true;
    } else if (name == "vae-fp32") {
      r.vae_fp32 = true;
    } else if (name == "offload") {
      r.offload = runtime::parse_offload(value);
    } else if (name == "t5-cpu") {
      r.text_encoder_on_cpu = true;
    } else if (name == "cuda-graphs") {
      r.cuda_graphs = true;
    } else if (name == "release-vram") {
      r.release_memory = true;
    } else if (name == "kernels") {
      r.kernels = runtime::parse_kernel_fusion(value);
    } else if (name == "vram-budget") {
      r.vram_budget = runtime::parse_vram_budget(value);
    } else {
      throw RequestError("toggles", "'" + token + "' is not a toggle (default, tf32, cudnn-benchmark, channels-last, "
                                    "attention=..., slicing=..., vae-tiling, vae-slicing, vae-fp32, offload=..., "
                                    "cuda-graphs, kernels=..., release-vram)");
    }
    start = end + 1;
  }
}

}  // namespace gesso::app
