#pragma once
// The runtime toggles as command-line options, shared by gesso-cli and gesso-bench so both spell
// them the same way. add() registers them; apply() parses the words into RuntimeOptions.
#include <CLI/CLI.hpp>

#include <string>

#include "engine/runtime/runtime_options.h"

namespace gesso::app {

struct RuntimeFlags {
  std::string attention = "auto", attention_slice = "off", offload = "none";
  bool vae_fp32 = false, tf32 = false, cudnn_benchmark = false, channels_last = false;
  bool vae_tiling = false, vae_slicing = false, cuda_graphs = false, release_memory = false;

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
  }
};

}  // namespace gesso::app
