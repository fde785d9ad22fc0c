#include "engine/pipelines/deepfloyd_vram.h"

#include <vector>

namespace gesso::pipelines {
namespace {

int64_t resident(const runtime::ModelFootprint& f) { return f.text_encoder_bytes + f.unet_bytes + f.vae_bytes; }

struct StagePlan {
  std::string name;
  runtime::ModelFootprint footprint;
  runtime::RunShape shape;
};

std::vector<StagePlan> plans(const IFRequest& r, const ModelBundle& one, const ModelBundle* two,
                             const ModelBundle* three) {
  const int w = r.width > 0 ? r.width : one.default_size(), h = r.height > 0 ? r.height : one.default_size();
  const bool g1 = r.stage1.guidance_scale > 1, g2 = r.stage2.guidance_scale > 1, g3 = r.stage3.guidance_scale > 1;
  std::vector<StagePlan> out{{"stage I", footprint(one), {w, h, r.num_images, g1}}};
  if (two) out.push_back({"stage II", footprint(*two), {4 * w, 4 * h, r.num_images, g2}});
  if (three) out.push_back({"stage III", footprint(*three), {16 * w, 16 * h, 1, g3}});
  return out;
}

}  // namespace

runtime::VramEstimate estimate_if_vram(const IFRequest& r, const ModelBundle& one, const ModelBundle* two,
                                       const ModelBundle* three, const runtime::RuntimeOptions& options) {
  auto stages = plans(r, one, two, three);
  if (options.text_encoder_on_cpu) stages.front().footprint.text_encoder_bytes = 0;
  int64_t all = 0;
  for (const auto& s : stages) all += resident(s.footprint);
  runtime::VramEstimate peak;
  for (const auto& s : stages) {
    auto e = runtime::estimate_vram(s.footprint, s.shape, options);
    // Without offload the other stages' weights stay on the device beside this one's.
    if (options.offload == runtime::Offload::kNone) e.weights = all;
    e.peak_stage = s.name + " " + e.peak_stage;
    if (e.total() > peak.total()) peak = e;
  }
  return peak;
}

std::string if_memory_advice(const IFRequest& r, const ModelBundle& one, const ModelBundle* two,
                             const ModelBundle* three) {
  const auto now = estimate_if_vram(r, one, two, three, r.runtime);
  std::string text = "needs about " + runtime::format_gib(now.total()) + " at its peak (" + now.peak_stage + ")";
  std::vector<std::string> options;
  auto o = r.runtime;
  if (!o.text_encoder_on_cpu) {
    o.text_encoder_on_cpu = true;
    options.push_back("keep T5 on the CPU (--t5-cpu: about " +
                      runtime::format_gib(estimate_if_vram(r, one, two, three, o).total()) + ")");
  }
  if (o.offload == runtime::Offload::kNone) {
    o.offload = runtime::Offload::kModel;
    options.push_back("model CPU offload (about " + runtime::format_gib(estimate_if_vram(r, one, two, three, o).total()) + ")");
  }
  if (!options.empty()) {
    text += "; switch on ";
    for (std::size_t i = 0; i < options.size(); ++i) text += (i ? ", then " : "") + options[i];
  }
  return text + ", or run fewer stages at once";
}

}  // namespace gesso::pipelines
