#include "engine/runtime/runtime_options.h"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <utility>

#include "engine/error.h"

namespace gesso::runtime {
namespace {

const std::vector<std::pair<AttentionBackend, std::string>>& attention_names() {
  static const std::vector<std::pair<AttentionBackend, std::string>> names = {
      {AttentionBackend::kAuto, "auto"},   {AttentionBackend::kFlash, "flash"},
      {AttentionBackend::kMemoryEfficient, "mem-efficient"}, {AttentionBackend::kMath, "math"},
      {AttentionBackend::kCudnn, "cudnn"}, {AttentionBackend::kPlain, "plain"}};
  return names;
}

const std::vector<std::pair<Offload, std::string>>& offload_names() {
  static const std::vector<std::pair<Offload, std::string>> names = {
      {Offload::kNone, "none"}, {Offload::kModel, "model"}, {Offload::kSequential, "sequential"}};
  return names;
}

const std::vector<std::pair<KernelFusion, std::string>>& fusion_names() {
  static const std::vector<std::pair<KernelFusion, std::string>> names = {
      {KernelFusion::kOff, "off"}, {KernelFusion::kAuto, "auto"}, {KernelFusion::kOn, "on"}};
  return names;
}

template <typename E>
std::string choices(const std::vector<std::pair<E, std::string>>& names) {
  std::string out;
  for (const auto& [value, name] : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace

AttentionBackend parse_attention_backend(const std::string& name) {
  for (const auto& [value, n] : attention_names())
    if (n == name) return value;
  throw RequestError("attention", "'" + name + "' is not an attention backend (" + choices(attention_names()) + ")");
}

std::string to_string(AttentionBackend backend) {
  for (const auto& [value, n] : attention_names())
    if (value == backend) return n;
  return "?";
}

Offload parse_offload(const std::string& name) {
  for (const auto& [value, n] : offload_names())
    if (n == name) return value;
  throw RequestError("offload", "'" + name + "' is not an offload mode (" + choices(offload_names()) + ")");
}

std::string to_string(Offload offload) {
  for (const auto& [value, n] : offload_names())
    if (value == offload) return n;
  return "?";
}

KernelFusion parse_kernel_fusion(const std::string& name) {
  for (const auto& [value, n] : fusion_names())
    if (n == name) return value;
  throw RequestError("kernels", "'" + name + "' is not a kernel fusion mode (" + choices(fusion_names()) + ")");
}

std::string to_string(KernelFusion fusion) {
  for (const auto& [value, n] : fusion_names())
    if (value == fusion) return n;
  return "?";
}

int parse_attention_slice(const std::string& text) {
  if (text == "off" || text == "0") return 0;
  if (text == "auto") return -1;
  char* end = nullptr;
  const long n = std::strtol(text.c_str(), &end, 10);
  if (end == text.c_str() || *end != '\0' || n < 1 || n > 4096)
    throw RequestError("attention slicing", "'" + text + "' is not off, auto or a number of heads (1-4096)");
  return static_cast<int>(n);
}

torch::ScalarType parse_dtype(const std::string& name) {
  if (name == "fp32") return torch::kFloat;
  if (name == "fp16") return torch::kHalf;
  if (name == "bf16") return torch::kBFloat16;
  throw RequestError("dtype", "'" + name + "' is not fp32, fp16 or bf16");
}

std::string dtype_name(torch::ScalarType dtype) {
  switch (dtype) {
    case torch::kFloat: return "fp32";
    case torch::kHalf: return "fp16";
    case torch::kBFloat16: return "bf16";
    default: return c10::toString(dtype);
  }
}

int64_t parse_vram_budget(const std::string& gib) {
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(gib, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != gib.size() || !(value > 0) || value > 1e6)
    throw RequestError("VRAM budget", "'" + gib + "' is not a size in GiB (e.g. 4 or 3.5)");
  return static_cast<int64_t>(value * double(int64_t{1} << 30));
}

std::string describe(const RuntimeOptions& o) {
  std::string out = dtype_name(o.dtype);
  const auto add = [&out](const std::string& s) { out += ", " + s; };
  if (o.vae_fp32) add("VAE fp32");
  if (o.tf32) add("TF32");
  if (o.cudnn_benchmark) add("cuDNN benchmark");
  if (o.channels_last) add("channels-last");
  if (o.attention != AttentionBackend::kAuto) add("attention " + to_string(o.attention));
  if (o.attention_slice != 0)
    add("attention slicing " + (o.attention_slice < 0 ? std::string("auto") : std::to_string(o.attention_slice)));
  if (o.vae_tiling) add("VAE tiling");
  if (o.vae_slicing) add("VAE slicing");
  if (o.offload != Offload::kNone) add(to_string(o.offload) + " CPU offload");
  if (o.cuda_graphs) add("CUDA graphs");
  if (o.kernels != KernelFusion::kAuto) add("fused kernels " + to_string(o.kernels));
  if (o.release_memory) add("release VRAM");
  if (o.vram_budget > 0) {
    char gib[32];
    std::snprintf(gib, sizeof gib, "%.3g", double(o.vram_budget) / double(int64_t{1} << 30));
    add(std::string("VRAM budget ") + gib + " GiB");
  }
  return out;
}

}  // namespace gesso::runtime
