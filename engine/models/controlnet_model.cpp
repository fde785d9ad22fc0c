#include "engine/models/controlnet_model.h"

#include <torch/torch.h>

#include <filesystem>
#include <fstream>

#include "engine/error.h"
#include "engine/models/config_reader.h"

namespace gesso::models {
namespace {

Conv2d conv3(int64_t in, int64_t out, int64_t stride = 1) { return Conv2d(in, out, 3, stride, 1); }

// A ControlNet config has no up blocks; the shared reader wants them: the down blocks mirrored.
nlohmann::json with_up_blocks(nlohmann::json json) {
  if (json.contains("up_block_types") || !json.contains("down_block_types") || !json["down_block_types"].is_array())
    return json;
  auto up = nlohmann::json::array();
  for (const auto& down : json["down_block_types"])
    up.insert(up.begin(), down.is_string() && down.get<std::string>().starts_with("CrossAttn") ? "CrossAttnUpBlock2D"
                                                                                                : "UpBlock2D");
  json["up_block_types"] = up;
  return json;
}

}  // namespace

ControlNetConfig ControlNetConfig::from_json(const std::string& path, nlohmann::json json) {
  const ConfigReader r(path, with_up_blocks(std::move(json)));
  ControlNetConfig c;
  c.unet = UNet2DConditionConfig::from_reader(r);
  c.conditioning_channels = r.integer("conditioning_channels", 3);
  c.conditioning_embedding_out_channels = r.integer_list("conditioning_embedding_out_channels", {16, 32, 96, 256});
  if (c.conditioning_embedding_out_channels.empty()) r.fail("conditioning_embedding_out_channels", "is empty");
  c.global_pool_conditions = r.boolean("global_pool_conditions", false);
  const auto order = r.string("controlnet_conditioning_channel_order", "rgb");
  if (order != "rgb" && order != "bgr") r.fail("controlnet_conditioning_channel_order", "must be rgb or bgr");
  c.bgr = order == "bgr";
  return c;
}

ControlNetConditioningEmbeddingImpl::ControlNetConditioningEmbeddingImpl(int64_t in_channels,
                                                                         const std::vector<int64_t>& widths,
                                                                         int64_t out_channels) {
  conv_in_ = register_module("conv_in", conv3(in_channels, widths.front()));
  auto list = register_module("blocks", torch::nn::ModuleList());
  for (std::size_t i = 0; i + 1 < widths.size(); ++i) {
    blocks_.push_back(conv3(widths[i], widths[i]));
    blocks_.push_back(conv3(widths[i], widths[i + 1], 2));
  }
  for (auto& b : blocks_) list->push_back(b);
  conv_out_ = register_module("conv_out", conv3(widths.back(), out_channels));
}

torch::Tensor ControlNetConditioningEmbeddingImpl::forward(const torch::Tensor& image) {
  auto x = torch::silu(conv_in_->forward(image));
  for (auto& b : blocks_) x = torch::silu(b->forward(x));
  return conv_out_->forward(x);
}

ControlNetModelImpl::ControlNetModelImpl(const ControlNetConfig& config)
    : UNet2DConditionModelImpl(config.unet, /*encoder_only=*/true), config_(config) {
  const auto& u = config.unet;
  controlnet_cond_embedding_ = register_module(
      "controlnet_cond_embedding",
      ControlNetConditioningEmbedding(config.conditioning_channels, config.conditioning_embedding_out_channels,
                                      u.block_out_channels.front()));
  // One per skip connection: conv_in's output, each resnet's, each downsampler's.
  auto list = register_module("controlnet_down_blocks", torch::nn::ModuleList());
  const auto add = [&](int64_t channels) {
    controlnet_down_blocks_.push_back(Conv2d(channels, channels, 1));
    list->push_back(controlnet_down_blocks_.back());
  };
  add(u.block_out_channels.front());
  for (std::size_t i = 0; i < u.num_blocks(); ++i) {
    for (int64_t j = 0; j < u.layers_per_block[i]; ++j) add(u.block_out_channels[i]);
    if (i + 1 < u.num_blocks()) add(u.block_out_channels[i]);
  }
  controlnet_mid_block_ = register_module("controlnet_mid_block",
                                          Conv2d(u.block_out_channels.back(), u.block_out_channels.back(), 1));
}

torch::Tensor ControlNetModelImpl::embed_control(const torch::Tensor& control_image) {
  const auto& w = conv_in()->weight;
  auto image = control_image.to(w.device(), w.scalar_type());
  if (config_.bgr) image = image.flip(1);
  return controlnet_cond_embedding_->forward(image);
}

namespace {

// diffusers multiplies by a python float: half * float computes in float and rounds once.
torch::Tensor scaled(const torch::Tensor& r, const torch::Tensor& scale) {
  if (r.scalar_type() == torch::kFloat) return r * scale;
  return (r.to(torch::kFloat) * scale).to(r.scalar_type());
}

}  // namespace

torch::Tensor ControlNetModelImpl::block_scales(double scale, bool guess_mode) const {
  const auto n = num_residuals();
  if (guess_mode && !config_.global_pool_conditions) return torch::logspace(-1, 0, n, 10.0, torch::kFloat) * scale;
  return torch::full({n}, scale, torch::kFloat);
}

UNetResiduals ControlNetModelImpl::forward(const torch::Tensor& sample, const torch::Tensor& timestep,
                                           const Conditioning& c, const torch::Tensor& embedded_control,
                                           const torch::Tensor& block_scales) {
  const auto x_in = input_of(sample);
  auto call = start_call(x_in, timestep, c);
  auto x = conv_in()->forward(x_in) + embedded_control;
  std::vector<torch::Tensor> skips{x};
  x = encode(x, call, skips);
  if (skips.size() != controlnet_down_blocks_.size())
    throw Error("ControlNet: " + std::to_string(skips.size()) + " skip connections for " +
                std::to_string(controlnet_down_blocks_.size()) + " controlnet_down_blocks");
  UNetResiduals out;
  for (std::size_t i = 0; i < skips.size(); ++i)
    out.down.push_back(scaled(controlnet_down_blocks_[i]->forward(skips[i]), block_scales[static_cast<int64_t>(i)]));
  out.mid = scaled(controlnet_mid_block_->forward(x), block_scales[static_cast<int64_t>(skips.size())]);
  if (config_.global_pool_conditions) {
    for (auto& t : out.down) t = t.mean({2, 3}, /*keepdim=*/true);
    out.mid = out.mid.mean({2, 3}, true);
  }
  return out;
}

ControlNetModel load_controlnet(const ControlNetConfig& config, const io::WeightSet& weights,
                                const io::LoadOptions& options) {
  ControlNetModel model(config);
  io::load_state_dict(*model, weights, options);
  model->eval();
  model->prepare();
  return model;
}

ControlNetModel load_controlnet(const std::string& dir, const io::LoadOptions& options) {
  const auto path = (std::filesystem::path(dir) / "config.json").string();
  std::ifstream in(path);
  if (!in) throw ModelFileError(path, "cannot be read (a ControlNet folder has config.json)");
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw ModelFileError(path, std::string("is not valid JSON: ") + e.what());
  }
  const auto config = ControlNetConfig::from_json(path, std::move(json));
  return load_controlnet(config, io::WeightSet::of(io::open_component_weights(dir, "")), options);
}

}  // namespace gesso::models
