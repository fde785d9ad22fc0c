#pragma once
// diffusers' ControlNetModel: the UNet's first half (conv_in, the time and added embeddings, the
// down and mid blocks: the same modules under the same names) reading the latents plus an
// embedding of the control image, and a 1x1 convolution per skip connection and after the mid
// block whose outputs, scaled, are added to the UNet's (Conditioning::control).
#include "engine/models/layers.h"
#include <torch/nn/modules/container/modulelist.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "engine/io/state_dict.h"
#include "engine/models/conditioning.h"
#include "engine/models/unet_2d_condition.h"

namespace gesso::models {

struct ControlNetConfig {
  UNet2DConditionConfig unet;  // the shared half's keys (up_block_types: the down blocks mirrored)
  int64_t conditioning_channels = 3;
  std::vector<int64_t> conditioning_embedding_out_channels{16, 32, 96, 256};
  bool global_pool_conditions = false;
  bool bgr = false;  // controlnet_conditioning_channel_order "bgr": the image's channels reversed

  // A ControlNet's config.json (`path` names it in errors). Throws ModelFileError naming the file and key.
  static ControlNetConfig from_json(const std::string& path, nlohmann::json json);
};

// The control image's embedding to the latents' size and conv_in's width
// (ControlNetConditioningEmbedding): conv_in, then per width a conv and a strided conv, conv_out.
class ControlNetConditioningEmbeddingImpl : public torch::nn::Module {
 public:
  ControlNetConditioningEmbeddingImpl(int64_t in_channels, const std::vector<int64_t>& widths, int64_t out_channels);
  torch::Tensor forward(const torch::Tensor& image);

 private:
  Conv2d conv_in_{nullptr};
  std::vector<Conv2d> blocks_;
  Conv2d conv_out_{nullptr};
};
TORCH_MODULE(ControlNetConditioningEmbedding);

class ControlNetModelImpl : public UNet2DConditionModelImpl {
 public:
  explicit ControlNetModelImpl(const ControlNetConfig& config);

  // The control image [B, conditioning_channels, 8H, 8W] (in [0, 1]; the inpainting hint has -1
  // under the mask) embedded to conv_in's width and the latents' size: the same at every step, so
  // a run computes it once.
  torch::Tensor embed_control(const torch::Tensor& control_image);

  // diffusers' ControlNetModel.forward on an embedded control image: sample [B, in_channels, H, W],
  // the UNet's conditioning record (context, and SDXL's pooled + time ids). Residual k (the skips in
  // down-path order, then the mid block) is multiplied by block_scales[k] (float32, on the device:
  // a CUDA graph replays the scales of each step), in float32 as diffusers' python-float scale.
  UNetResiduals forward(const torch::Tensor& sample, const torch::Tensor& timestep, const Conditioning& c,
                        const torch::Tensor& embedded_control, const torch::Tensor& block_scales);

  // How many residuals forward returns (down skips + mid).
  int64_t num_residuals() const { return static_cast<int64_t>(controlnet_down_blocks_.size()) + 1; }
  // diffusers' scaling of the residuals for conditioning_scale `scale` (float32, on the CPU): each
  // by `scale`, or in guess mode torch.logspace(-1, 0, n) * scale from the first skip to the mid
  // block (not with global_pool_conditions, which pools instead).
  torch::Tensor block_scales(double scale, bool guess_mode) const;

  const ControlNetConfig& controlnet_config() const { return config_; }

 private:
  ControlNetConfig config_;
  ControlNetConditioningEmbedding controlnet_cond_embedding_{nullptr};
  std::vector<Conv2d> controlnet_down_blocks_;
  Conv2d controlnet_mid_block_{nullptr};
};
TORCH_MODULE(ControlNetModel);

// A diffusers ControlNet folder (config.json + diffusion_pytorch_model.safetensors), prepared.
ControlNetModel load_controlnet(const std::string& dir, const io::LoadOptions& options = {});
// From a config and weights under diffusers' names (a single file's, converted).
ControlNetModel load_controlnet(const ControlNetConfig& config, const io::WeightSet& weights,
                                const io::LoadOptions& options = {});

}  // namespace gesso::models
