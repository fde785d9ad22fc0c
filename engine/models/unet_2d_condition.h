#pragma once
// UNet2DConditionModel (Stable Diffusion 1.x / 2.x / XL, inpainting, the x4 upscaler, DeepFloyd
// IF's pixel-space stages): predicts the noise (or v) in a latent or image from it, the timestep
// and a Conditioning record.
//
//   sample -> conv_in -> down_blocks -> mid_block -> up_blocks (+ skips) -> norm, act -> conv_out
//   timestep -> sinusoidal features -> time_embedding (+ class_embedding, + add_embedding) --^
//                                                                 (into every resnet)
//   context -> (encoder_hid_proj) -------------------------------^ (into every transformer)
#include "engine/models/layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/normalization.h>

#include <string>
#include <vector>

#include "engine/io/state_dict.h"
#include "engine/models/attention.h"
#include "engine/models/conditioning.h"
#include "engine/models/embeddings.h"
#include "engine/models/parameter_cache.h"
#include "engine/models/text_time_embedding.h"
#include "engine/models/unet_2d_condition_config.h"
#include "engine/models/unet_blocks.h"
#include "engine/models/unet_call.h"

namespace gesso::models {

class UNet2DConditionModelImpl : public torch::nn::Module {
 public:
  explicit UNet2DConditionModelImpl(const UNet2DConditionConfig& config);

  const UNet2DConditionConfig& config() const { return config_; }

  // sample: [B, in_channels, H, W]; timestep: 0-d, [1] or [B] (integer or fractional). From `c`:
  // context [B, tokens, context_width()], and what the config enables: pooled + time_ids
  // ("text_time"), class_labels (class_embed_type / num_class_embeds), an attention_mask, the
  // control residuals. A missing field the config needs is an Error naming it. Returns
  // [B, out_channels, H, W].
  torch::Tensor forward(const torch::Tensor& sample, const torch::Tensor& timestep, const Conditioning& c);

  // The fused path's preparation, after loading and after anything that replaces or patches the
  // weights (a device upload, a LoRA): every prepared resnet's time_emb_proj weights (and biases)
  // joined for one GEMM, every cross-attention's [to_k; to_v] for one GEMM of the context, each
  // self-attention's [to_q; to_k; to_v], and the columns each module reads. Without it (or after a
  // change it has not seen) forward still computes the same values, only slower.
  void prepare();

 protected:
  // The encoder half alone (conv_in, the embeddings, down and mid blocks): ControlNetModel, whose
  // modules and names are those of the UNet's first half.
  UNet2DConditionModelImpl(const UNet2DConditionConfig& config, bool encoder_only);
  // What every block of one call reads (UNetCall), from the inputs.
  UNetCall start_call(const torch::Tensor& x_in, const torch::Tensor& timestep, const Conditioning& c);
  // conv_in's output through the down blocks (each output appended to `skips`) and the mid block.
  torch::Tensor encode(torch::Tensor x, UNetCall& call, std::vector<torch::Tensor>& skips);
  Conv2d& conv_in() { return conv_in_; }
  // The sample as the model reads it (center_input_sample), checked against in_channels.
  torch::Tensor input_of(const torch::Tensor& sample) const;

 private:
  torch::Tensor time_embed(const torch::Tensor& timestep, const torch::Tensor& sample);
  torch::Tensor embed(const torch::Tensor& timestep, const torch::Tensor& sample, const Conditioning& c);
  torch::Tensor class_embed(const torch::Tensor& sample, const Conditioning& c);
  torch::Tensor added_embed(const Conditioning& c, torch::ScalarType dtype, int64_t batch);
  torch::Tensor context_of(const Conditioning& c, const torch::Tensor& sample);
  // The fused path's shared GEMMs over what prepare() joined.
  void add_fused_inputs(UNetCall& call);
  void build_embeddings();
  void build_down_and_mid();
  void build_up();

  UNet2DConditionConfig config_;
  Conv2d conv_in_{nullptr};
  TimestepEmbedding time_embedding_{nullptr};
  // Added conditions, each present only when the config enables it (diffusers' module names).
  // "class_embedding" is one of these (none for identity / no class embedding).
  Embedding class_table_{nullptr};
  TimestepEmbedding class_mlp_{nullptr};
  Linear class_linear_{nullptr};
  TimestepEmbedding add_embedding_{nullptr};       // "text_time"
  TextTimeEmbedding add_text_embedding_{nullptr};  // "text" (also named "add_embedding")
  Linear encoder_hid_proj_{nullptr};
  std::vector<UNetDownBlock> down_blocks_;
  UNetMidBlock mid_block_{nullptr};
  std::vector<UNetUpBlock> up_blocks_;
  std::size_t last_attending_up_block_ = 0;  // one past the last up block with cross-attention
  GroupNorm conv_norm_out_{nullptr};
  Conv2d conv_out_{nullptr};
  // What prepare() found and joined.
  FusedColumns columns_;
  std::vector<ResnetBlock2DImpl*> fused_resnets_;
  std::vector<AttentionImpl*> fused_cross_attentions_;
  bool prepared_ = false;
  TimestepFrequencies timestep_frequencies_;  // the sinusoidal embedding's constant tables
  TimestepFrequencies add_time_frequencies_;
  ParameterCache time_shift_bias_;             // sum of the fused resnets' time_emb_proj and conv1 biases
};
TORCH_MODULE(UNet2DConditionModel);

// Builds the model from <component_dir>/config.json, loads its weights (strict name match) and
// prepares it.
UNet2DConditionModel load_unet_2d_condition(const std::string& component_dir, const io::LoadOptions& options = {},
                                            const std::string& variant = "");
// The same from a config and weights given (a single-file checkpoint's, converted).
UNet2DConditionModel load_unet_2d_condition(const ConfigReader& config, const io::WeightSet& weights,
                                            const io::LoadOptions& options = {});

}  // namespace gesso::models
