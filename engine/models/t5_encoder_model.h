#pragma once
// transformers' T5EncoderModel: T5 v1.1 (feed_forward_proj "gated-gelu"), DeepFloyd IF's text encoder
// google/t5-v1_1-xxl, and T5 v1.0's "relu" feed-forward; computed as transformers 5.17 does with its
// default SDPA attention. Module and parameter names are the checkpoint keys ("shared.weight",
// "encoder.block.0.layer.0.SelfAttention.q.weight", "encoder.block.0.layer.0.SelfAttention.
// relative_attention_bias.weight" (block 0 only), "encoder.block.N.layer.1.DenseReluDense.wi_0.weight",
// "encoder.final_layer_norm.weight", ...), so loading is a strict name match. transformers ties
// "encoder.embed_tokens.weight" to "shared.weight": here it is no parameter of its own, and the loader
// takes whichever of the two a checkpoint has.
//
// What T5 does differently from the other encoders here: attention scores are not scaled by
// 1/sqrt(d_kv); one relative position bias (bidirectional log buckets, computed by block 0) is added to
// every layer's scores, padding keys get the dtype's lowest value; the RMS layer norm reduces in
// float32 and casts back to a half-precision weight's dtype; in float16, after every sub-layer the
// hidden states are clamped to finfo(float16).max (minus 1000 where an inf appeared), and `wo` stays in
// float32 (transformers' _keep_in_fp32_modules, float16 loads only, not bfloat16), which makes the
// residual stream float32 from the first feed-forward on.
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>

#include <string>
#include <vector>

#include "engine/io/state_dict.h"
#include "engine/models/layers.h"

namespace gesso::models {

class ConfigReader;

enum class T5Activation { ReLU, GELU, GELUNew, GELUTanh, SiLU };

// config.json (T5Config); absent keys take T5Config's defaults. feed_forward_proj is "<act>" or
// "gated-<act>" ("gated-gelu" means gelu_new, the tanh approximation); like transformers, the saved
// "dense_act_fn" and "is_gated_act" are not read, they follow from it.
struct T5Config {
  int64_t vocab_size = 32128;
  int64_t d_model = 512;
  int64_t d_kv = 64;
  int64_t d_ff = 2048;
  int64_t num_layers = 6;
  int64_t num_heads = 8;
  int64_t relative_attention_num_buckets = 32;
  int64_t relative_attention_max_distance = 128;
  double layer_norm_epsilon = 1e-6;
  bool is_gated_act = false;                       // feed_forward_proj "relu"
  T5Activation dense_act_fn = T5Activation::ReLU;

  static T5Config from_json_file(const std::string& path);
  static T5Config from_reader(const ConfigReader& config);
};

// RMS norm: no mean, no bias.
class T5LayerNormImpl : public torch::nn::Module {
 public:
  T5LayerNormImpl(int64_t dim, double eps);
  torch::Tensor forward(const torch::Tensor& x);

  torch::Tensor weight;

 private:
  double eps_;
};
TORCH_MODULE(T5LayerNorm);

class T5AttentionImpl : public torch::nn::Module {
 public:
  T5AttentionImpl(const T5Config& config, bool has_relative_attention_bias);
  // Self-attention over x [batch, tokens, d_model] with the additive score bias [1 or batch, heads,
  // tokens, tokens] (position bias and padding mask in one).
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias);
  // The relative position bias [1, heads, tokens, tokens] (the module with the bias table only).
  torch::Tensor position_bias(int64_t tokens);

  Linear q{nullptr}, k{nullptr}, v{nullptr}, o{nullptr};
  Embedding relative_attention_bias{nullptr};

 private:
  int64_t heads_, d_kv_, num_buckets_, max_distance_;
};
TORCH_MODULE(T5Attention);

class T5LayerSelfAttentionImpl : public torch::nn::Module {
 public:
  T5LayerSelfAttentionImpl(const T5Config& config, bool has_relative_attention_bias);
  torch::Tensor forward(const torch::Tensor& hidden_states, const torch::Tensor& bias);

  T5Attention SelfAttention{nullptr};
  T5LayerNorm layer_norm{nullptr};
};
TORCH_MODULE(T5LayerSelfAttention);

// wo(act(wi(x))), or gated: wo(act(wi_0(x)) * wi_1(x)). The checkpoints call it DenseReluDense
// whatever the activation.
class T5DenseActDenseImpl : public torch::nn::Module {
 public:
  explicit T5DenseActDenseImpl(const T5Config& config);
  torch::Tensor forward(const torch::Tensor& x);

  Linear wi{nullptr}, wi_0{nullptr}, wi_1{nullptr}, wo{nullptr};

 private:
  T5Activation act_;
};
TORCH_MODULE(T5DenseActDense);

class T5LayerFFImpl : public torch::nn::Module {
 public:
  explicit T5LayerFFImpl(const T5Config& config);
  torch::Tensor forward(const torch::Tensor& hidden_states);

  T5DenseActDense DenseReluDense{nullptr};
  T5LayerNorm layer_norm{nullptr};
};
TORCH_MODULE(T5LayerFF);

// "layer.0" self-attention, "layer.1" feed-forward.
class T5BlockImpl : public torch::nn::Module {
 public:
  T5BlockImpl(const T5Config& config, bool has_relative_attention_bias);
  torch::Tensor forward(const torch::Tensor& hidden_states, const torch::Tensor& bias);

  T5LayerSelfAttention self_attention{nullptr};
  T5LayerFF feed_forward{nullptr};
};
TORCH_MODULE(T5Block);

// The "encoder." level of the checkpoint keys (its embed_tokens is the model's `shared`).
class T5StackImpl : public torch::nn::Module {
 public:
  explicit T5StackImpl(const T5Config& config);

  std::vector<T5Block> block;
  T5LayerNorm final_layer_norm{nullptr};
};
TORCH_MODULE(T5Stack);

class T5EncoderModelImpl : public torch::nn::Module {
 public:
  explicit T5EncoderModelImpl(const T5Config& config);

  // input_ids [batch, tokens] (integer), attention_mask [batch, tokens] (nonzero: a real token) or
  // undefined (all real) -> last_hidden_state [batch, tokens, d_model], in the weights' dtype. Padded
  // positions get values too (diffusers' IF pipelines use all of them).
  torch::Tensor forward(const torch::Tensor& input_ids, const torch::Tensor& attention_mask = {});

  // Strict io::load_state_dict of a checkpoint with transformers' names: "encoder.embed_tokens.weight"
  // stands for "shared.weight" where that is absent (and is dropped where both are), keys naming a
  // decoder are ignored (T5EncoderModel's _keys_to_ignore_on_load_unexpected); in float16 every `wo`
  // is loaded again from the file in float32.
  void load_weights(const io::WeightSet& weights, const io::LoadOptions& options = {});

  const T5Config& config() const { return config_; }

  Embedding shared{nullptr};
  T5Stack encoder{nullptr};

 private:
  // Block 0's position bias with the padding keys set to the dtype's lowest value.
  torch::Tensor attention_bias(const torch::Tensor& attention_mask, int64_t batch, int64_t tokens);

  T5Config config_;
};
TORCH_MODULE(T5EncoderModel);

// A text_encoder/ folder: config.json and model.safetensors (or model.<variant>.safetensors, or
// sharded with model.safetensors.index.json). Errors are ModelFileErrors naming the file and key.
T5EncoderModel load_t5_encoder(const std::string& component_dir, const io::LoadOptions& options = {},
                               const std::string& variant = "");
T5EncoderModel load_t5_encoder(const ConfigReader& config, const io::WeightSet& weights,
                               const io::LoadOptions& options = {});

}  // namespace gesso::models
