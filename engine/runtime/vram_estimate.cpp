#include "engine/runtime/vram_estimate.h"

#include <algorithm>
#include <cstdio>
#include <functional>

namespace gesso::runtime {
namespace {

// Calibration (SD 1.5, H100, fp16; see the header): working bytes per unit.
constexpr double kUnetBytesPerLatent = 10600;  // per latent position, per UNet batch row, per dtype byte / 2
constexpr double kCalibrationWidth = 580;      // SD 1.5's unet_width
constexpr double kVaeBytesPerPixel = 1260;     // decoder feature maps per output pixel, per dtype byte
constexpr double kMathScores = 4.5;            // SDPA's math kernel: score-sized buffers alive at once
constexpr double kPlainScores = 3.0;           // baddbmm scores, softmax probabilities, bmm's operand
// Sequential offload: prefetched + handed-out copies (ModuleOffload's queues, twice each).
constexpr int64_t kStreamedBytes = int64_t{64} << 20, kStreamedVaeBytes = int64_t{16} << 20;
constexpr int64_t kTextEncoderActivations = int64_t{64} << 20;

int64_t unet_batch(const RunShape& s) { return int64_t{s.images} * (s.guidance ? 2 : 1); }

// The largest self-attention's QK^T, for the kernels that materialise it.
double attention_scores(const ModelFootprint& m, const RunShape& s, const RuntimeOptions& o) {
  const double latents = double(s.width / m.vae_scale_factor) * double(s.height / m.vae_scale_factor) /
                         double(int64_t{1} << (2 * m.first_attention_level));
  const double rows = double(unet_batch(s)) * double(m.unet_heads);
  const double scores = rows * latents * latents * m.unet_dtype_bytes;
  if (o.attention_slice != 0) {
    const double heads = o.attention_slice == -1 ? std::max<int64_t>(1, m.unet_heads / 2) : o.attention_slice;
    return kPlainScores * scores * std::min(1.0, heads / rows);
  }
  if (o.attention == AttentionBackend::kMath) return kMathScores * scores;
  if (o.attention == AttentionBackend::kPlain) return kPlainScores * scores;
  return 0;  // flash, memory-efficient, cuDNN: tiled in on-chip memory
}

int64_t unet_activations(const ModelFootprint& m, const RunShape& s, const RuntimeOptions& o, double width) {
  const double latents = double(s.width / m.vae_scale_factor) * double(s.height / m.vae_scale_factor);
  const double per_latent = kUnetBytesPerLatent * width / kCalibrationWidth;
  const double base = per_latent * latents * double(unet_batch(s)) * m.unet_dtype_bytes / 2;
  return static_cast<int64_t>(base + attention_scores(m, s, o));
}

int64_t vae_activations(const ModelFootprint& m, const RunShape& s, const RuntimeOptions& o) {
  const int64_t batch = o.vae_slicing ? 1 : s.images;
  double pixels = double(s.width) * double(s.height);
  double output = 0;
  if (o.vae_tiling && (s.width > m.vae_tile_pixels || s.height > m.vae_tile_pixels)) {
    output = 2.0 * pixels * 3 * m.vae_dtype_bytes * double(batch);  // the tiles and the blended image
    pixels = double(m.vae_tile_pixels) * double(m.vae_tile_pixels);
  }
  return static_cast<int64_t>(kVaeBytesPerPixel * pixels * m.vae_dtype_bytes * double(batch) + output);
}

}  // namespace

double unet_width(const std::vector<int64_t>& block_out_channels) {
  double sum = 0, scale = 1;
  for (const auto c : block_out_channels) sum += double(c) / scale, scale *= 4;
  return sum;
}

VramEstimate estimate_vram(const ModelFootprint& m, const RunShape& s, const RuntimeOptions& o) {
  struct Stage {
    const char* name;
    int64_t weights, activations;
  };
  const bool refiner = m.refiner_unet_bytes > 0;
  // A pixel-space model (DeepFloyd IF) has no VAE to decode with.
  const int64_t unet = unet_activations(m, s, o, m.unet_width), vae = m.vae_bytes > 0 ? vae_activations(m, s, o) : 0;
  const int64_t refiner_unet = refiner ? unet_activations(m, s, o, m.refiner_unet_width) : 0;
  const int64_t vae_bytes = refiner ? m.refiner_vae_bytes : m.vae_bytes;  // the refiner's VAE decodes
  std::vector<Stage> stages;
  if (o.offload == Offload::kNone) {
    const int64_t all = m.text_encoder_bytes + m.unet_bytes + m.vae_bytes + m.refiner_text_encoder_bytes +
                        m.refiner_unet_bytes + m.refiner_vae_bytes;
    stages = {{"UNet", all, unet}, {"VAE decode", all, vae}};
    if (refiner) stages.push_back({"refiner UNet", all, refiner_unet});
  } else {
    const bool seq = o.offload == Offload::kSequential;
    const auto w = [&](int64_t bytes, int64_t streamed) { return seq ? std::min(bytes, streamed) : bytes; };
    const int64_t text = std::max(m.text_encoder_bytes, m.refiner_text_encoder_bytes);
    stages = {{"text encoder", w(text, kStreamedBytes), kTextEncoderActivations},
              {"UNet", w(m.unet_bytes, kStreamedBytes), unet},
              {"VAE decode", w(vae_bytes, kStreamedVaeBytes), vae}};
    if (refiner) stages.push_back({"refiner UNet", w(m.refiner_unet_bytes, kStreamedBytes), refiner_unet});
  }
  const auto peak = std::max_element(stages.begin(), stages.end(), [](const Stage& a, const Stage& b) {
    return a.weights + a.activations < b.weights + b.activations;
  });
  return {peak->weights, peak->activations, peak->name};
}

std::vector<MemorySuggestion> memory_suggestions(const ModelFootprint& m, const RunShape& s,
                                                 const RuntimeOptions& o) {
  using Change = std::function<bool(RuntimeOptions&, ModelFootprint&)>;  // false: already on
  const std::vector<std::pair<std::string, Change>> toggles = {
      {"fp16", [](RuntimeOptions& x, ModelFootprint& f) {
         if (x.dtype != torch::kFloat) return false;
         x.dtype = torch::kHalf;
         f.text_encoder_bytes /= 2, f.unet_bytes /= 2, f.vae_bytes /= 2;
         f.refiner_text_encoder_bytes /= 2, f.refiner_unet_bytes /= 2, f.refiner_vae_bytes /= 2;
         f.unet_dtype_bytes = f.vae_dtype_bytes = 2;
         return true;
       }},
      {"attention slicing", [](RuntimeOptions& x, ModelFootprint&) {
         if (x.attention_slice != 0) return false;
         x.attention_slice = -1;
         return true;
       }},
      {"VAE tiling", [](RuntimeOptions& x, ModelFootprint&) {
         if (x.vae_tiling) return false;
         x.vae_tiling = true;
         return true;
       }},
      {"VAE slicing", [&s](RuntimeOptions& x, ModelFootprint&) {
         if (x.vae_slicing || s.images < 2) return false;
         x.vae_slicing = true;
         return true;
       }},
      {"model CPU offload", [](RuntimeOptions& x, ModelFootprint&) {
         if (x.offload != Offload::kNone) return false;
         x.offload = Offload::kModel;
         return true;
       }},
      {"sequential CPU offload", [](RuntimeOptions& x, ModelFootprint&) {
         if (x.offload == Offload::kSequential) return false;
         x.offload = Offload::kSequential;
         return true;
       }},
  };
  const int64_t now = estimate_vram(m, s, o).total();
  std::vector<MemorySuggestion> out;
  for (const auto& [name, change] : toggles) {
    RuntimeOptions x = o;
    ModelFootprint f = m;
    if (!change(x, f)) continue;
    const int64_t peak = estimate_vram(f, s, x).total();
    if (peak < now * 0.95) out.push_back({name, peak});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.peak < b.peak; });
  return out;
}

std::string format_gib(int64_t bytes) {
  char text[32];
  if (bytes >= int64_t{1} << 30)
    std::snprintf(text, sizeof text, "%.1f GiB", double(bytes) / double(int64_t{1} << 30));
  else
    std::snprintf(text, sizeof text, "%.0f MiB", double(bytes) / double(int64_t{1} << 20));
  return text;
}

std::string memory_advice(const ModelFootprint& m, const RunShape& s, const RuntimeOptions& o) {
  std::string advice;
  for (const auto& g : memory_suggestions(m, s, o))
    advice += (advice.empty() ? "" : ", ") + g.toggle + " (about " + format_gib(g.peak) + ")";
  const std::string smaller = "lower the size or the batch";
  return advice.empty() ? smaller : "switch on " + advice + ", or " + smaller;
}

}  // namespace gesso::runtime
