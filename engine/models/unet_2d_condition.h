#pragma once
// UNet2DConditionModel (Stable Diffusion 1.x / 2.x, inpainting): predicts the noise (or v) in a
// latent from the latent, the timestep and the text encoder's hidden states.
//
//   sample -> conv_in -> down_blocks -> mid_block -> up_blocks (+ skips) -> norm, act -> conv_out
//   timestep -> sinusoidal features -> time_embedding ----^ (into every resnet)
//   encoder_hidden_states -------------------------------^ (into every transformer)
#include "engine/models/layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/normalization.h>

#include <string>
#include <vector>

#include "engine/io/state_dict.h"
#include "engine/models/attention.h"
#include "engine/models/embeddings.h"
#include "engine/models/parameter_cache.h"
#include "engine/models/unet_2d_condition_config.h"
#include "engine/models/unet_blocks.h"

namespace gesso::models {

// ControlNet's outputs, added to the UNet's skip connections and mid block output.
struct UNetResiduals {
  std::vector<torch::Tensor> down;  // one per skip connection, in down-path order
  torch::Tensor mid;
};

class UNet2DConditionModelImpl : public torch::nn::Module {
 public:
  explicit UNet2DConditionModelImpl(const UNet2DConditionConfig& config);

  const UNet2DConditionConfig& config() const { return config_; }

  // sample: [B, in_channels, H, W]; timestep: 0-d, [1] or [B] (integer or fractional);
  // encoder_hidden_states: [B, tokens, cross_attention_dim]. Returns [B, out_channels, H, W].
  torch::Tensor forward(const torch::Tensor& sample, const torch::Tensor& timestep,
                        const torch::Tensor& encoder_hidden_states, const UNetResiduals& residuals = {});

 private:
  torch::Tensor time_embed(const torch::Tensor& timestep, const torch::Tensor& sample);
  // The fused path: every fusable ResNet block's norm2 shift (time_emb_proj(silu(emb)) + conv1's
  // bias) from one GEMM over their concatenated weights, handed to the blocks until the returned
  // guard clears them; in place of a SiLU, a GEMM and an add per block (~90 small kernels a call).
  std::shared_ptr<void> set_time_shifts(const torch::Tensor& emb);
  // The same for the cross-attentions' keys and values: every attention reads the same context, so
  // one GEMM over all their [to_k; to_v] weights in place of one small GEMM each (16 in SD 1.5).
  std::shared_ptr<void> set_context_kv(const torch::Tensor& context);
  void build_down_and_mid();
  void build_up();

  UNet2DConditionConfig config_;
  Conv2d conv_in_{nullptr};
  TimestepEmbedding time_embedding_{nullptr};
  std::vector<UNetDownBlock> down_blocks_;
  UNetMidBlock mid_block_{nullptr};
  std::vector<UNetUpBlock> up_blocks_;
  GroupNorm conv_norm_out_{nullptr};
  Conv2d conv_out_{nullptr};
  std::vector<ResnetBlock2DImpl*> fusable_resnets_;  // found on first use; the module tree is fixed
  bool resnets_found_ = false;
  std::vector<AttentionImpl*> fusable_cross_attentions_;  // found on first use, as the resnets
  bool cross_attentions_found_ = false;
  TimestepFrequencies timestep_frequencies_;  // the sinusoidal embedding's constant table
  ParameterCache time_shift_bias_;             // sum of the fusable resnets' time_emb_proj and conv1 biases
};
TORCH_MODULE(UNet2DConditionModel);

// Builds the model from <component_dir>/config.json and loads its weights (strict name match).
UNet2DConditionModel load_unet_2d_condition(const std::string& component_dir, const io::LoadOptions& options = {},
                                            const std::string& variant = "");

}  // namespace gesso::models
