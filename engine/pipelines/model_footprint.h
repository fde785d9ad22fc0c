#pragma once
// What a model (a diffusers folder or a single-file checkpoint) will weigh on the device, read from
// its configs and weight headers without loading a single weight: the GUI shows the VRAM estimate before a model is loaded.
#include <torch/types.h>

#include <string>

#include "engine/models/unet_2d_condition_config.h"
#include "engine/runtime/vram_estimate.h"

namespace gesso::pipelines {

// The footprint load_model_bundle(path, ..., options) would have with this dtype and vae_fp32
// (equal bytes to footprint() of the loaded model): floating-point tensors per component times the
// size of the dtype they are converted to; heads from the UNet config, scale and tile from the VAE's.
// Throws ModelFileError naming the file or folder, as the loader does.
// An SDXL folder counts both text encoders, and its VAE in float32 where force_upcast asks it in fp16.
runtime::ModelFootprint footprint_on_disk(const std::string& path, torch::ScalarType dtype, bool vae_fp32,
                                          const std::string& variant = "");

// `base` with `refiner`'s weights and UNet width added as the refiner stage's.
runtime::ModelFootprint with_refiner(runtime::ModelFootprint base, const runtime::ModelFootprint& refiner);

// The UNet config's share of a footprint: heads and level of its first attention, its width.
void set_unet_shape(runtime::ModelFootprint& footprint, const models::UNet2DConditionConfig& unet);

// The same footprint in another precision: weights are converted on load, so bytes scale with the
// element size (the text encoder runs in the UNet's dtype, the VAE in float32 when upcast).
runtime::ModelFootprint with_precision(const runtime::ModelFootprint& footprint, torch::ScalarType dtype,
                                       bool vae_fp32);

}  // namespace gesso::pipelines
