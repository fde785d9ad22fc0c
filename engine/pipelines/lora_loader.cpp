#include "engine/pipelines/lora_loader.h"

#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <filesystem>

#include "engine/error.h"
#include "engine/io/a1111_parameters.h"
#include "engine/pipelines/model_file.h"
#include "engine/runtime/vram.h"

namespace gesso::pipelines {
namespace {

// What identifies a merged set: the files (as they are on disk now) and their multipliers.
std::string key_of(const std::vector<ResolvedLora>& loras) {
  std::string key;
  for (const auto& l : loras) {
    std::error_code ec;
    const auto time = std::filesystem::last_write_time(l.path, ec).time_since_epoch().count();
    key += l.path + "|" + std::to_string(time) + "|" + io::format_number(l.tag.text_multiplier) + "|" +
           io::format_number(l.tag.unet_multiplier) + ";";
  }
  return key;
}

// SDXL LoRAs patch SDXL bases only; SD 1.x and 2.x ones their own family.
void check_family(const io::WeightSet& weights, const ModelBundle& model) {
  const auto info = inspect_weights(weights);
  if (info.kind != ModelFileKind::kLora)
    throw ModelFileError(weights.path(), "is " + info.label() + ", not a LoRA");
  if (info.family && *info.family != model.family)
    throw ModelFileError(weights.path(), "is a LoRA for " + to_string(*info.family) + "; " + model.name() + " is " +
                                             to_string(model.family) + ": choose a LoRA made for " +
                                             to_string(model.family));
}

// Originals may stay on the GPU while the model's weights and they leave half of the card free:
// then a first apply costs a device copy instead of pinning host memory. Offloaded models keep
// theirs in host memory, where their weights wait too.
int64_t device_backup_room(const ModelBundle& m) {
  if (!m.device().is_cuda() || m.key.offload != runtime::Offload::kNone) return 0;
  const auto vram = runtime::vram_stats(m.device());
  return std::max<int64_t>(0, vram.total / 2 - vram.allocated + m.patcher.device_backup_bytes());
}

networks::Components patched_components(ModelBundle& m) {
  auto out = m.conditioner->encoders();
  out.emplace_back("unet", m.unet.get());
  return out;
}

}  // namespace

std::vector<std::string> apply_loras(ModelBundle& model, const std::vector<ResolvedLora>& loras,
                                     std::optional<int64_t> device_room) {
  const auto key = key_of(loras);
  if (key == model.lora_key) return {};
  const c10::InferenceMode not_inference(false);  // in-place patches must move the version counters
  std::vector<networks::LoraUse> uses;
  for (const auto& l : loras) {
    auto weights = open_weight_file(l.path);
    check_family(weights, model);
    uses.push_back({networks::read_lora(weights), l.tag.text_multiplier, l.tag.unet_multiplier});
  }
  model.lora_key.clear();
  ++model.weights_version;
  model.patcher.set_device_room(device_room.value_or(device_backup_room(model)));  // whatever happens next, the weights are not what a graph captured
  const auto& layers = model.unet->config().layers_per_block;
  auto notes = model.patcher.apply(uses, patched_components(model), layers.empty() ? 2 : layers.front());
  model.lora_key = key;
  return notes;
}

}  // namespace gesso::pipelines
