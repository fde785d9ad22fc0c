#pragma once
// LoRAs merged into a loaded model's weights, and taken out again bit for bit. The first time a
// weight is patched its original is copied aside: on the GPU itself while the room the caller
// allows lasts (a copy there costs milliseconds; pinning host memory for a whole UNet costs most of
// a second), else into one pinned host buffer; every apply() first copies the originals back, so
// after any sequence of LoRA sets the weights a set does not touch are exactly those of a fresh load. Patches are in place: the
// parameters keep their storage (weights a prepare pass joined stay joined; an offloaded
// component's host copies are what is patched), and their version counters move, which every
// ParameterCache sees. The caller bumps its weights version so that CUDA graphs are captured anew.
#include <map>
#include <string>
#include <vector>

#include "engine/networks/lora_file.h"
#include "engine/networks/lora_targets.h"

namespace gesso::networks {

// A LoRA as a run uses it: its file, read, and the multipliers of <lora:name:text:unet>.
struct LoraUse {
  LoraFile file;
  double text_multiplier = 1.0;
  double unet_multiplier = 1.0;
};

class WeightPatcher {
 public:
  // Restores, then merges every LoRA of `loras` (several may patch one weight: their updates add
  // up in float32 before the weight is rounded once). Returns notes for the user (a file's keys
  // that match nothing here). A file that patches nothing in this model, or whose shapes do not
  // fit it, throws ModelFileError; the weights are then restored before the error leaves.
  std::vector<std::string> apply(const std::vector<LoraUse>& loras, const Components& components,
                                 int64_t unet_layers_per_block);
  // Every patched weight back to its original.
  void restore();
  std::size_t patched_count() const { return patched_.size(); }
  // How many bytes of originals may stay on the weights' GPU (beyond those there already).
  void set_device_room(int64_t bytes) { device_room_ = bytes; }
  int64_t device_backup_bytes() const { return device_bytes_; }

 private:
  struct Original {
    torch::Tensor weight;  // the parameter
    torch::Tensor saved;   // its original values, in host memory
  };
  void merge(const std::map<std::string, std::pair<torch::Tensor, torch::Tensor>>& updates);

  void save_originals(const std::map<std::string, std::pair<torch::Tensor, torch::Tensor>>& updates);

  std::map<std::string, Original> originals_;  // by target name
  std::vector<std::string> patched_;           // the names that hold a patch now
  int64_t device_room_ = 0;
  int64_t device_bytes_ = 0;
};

}  // namespace gesso::networks
