#pragma once
// The CLIP text encoder of Stable Diffusion 1.x / 2.x / XL (transformers' CLIPTextModel, and with
// `with_projection` CLIPTextModelWithProjection: SDXL's second encoder, whose projected pooled
// output conditions the UNet). Module and parameter names are the keys of SD checkpoints'
// text_encoder/model.safetensors ("text_model.encoder.layers.0.self_attn.q_proj.weight" ...,
// "text_projection.weight"), so loading is a strict name match.
#include "engine/models/layers.h"
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

#include <string>
#include <vector>

#include "engine/io/state_dict.h"

namespace gesso::models {

class ConfigReader;

enum class CLIPActivation { QuickGELU, GELU, GELUTanh };

// text_encoder/config.json; absent keys take transformers' CLIPTextConfig defaults.
struct CLIPTextConfig {
  int64_t vocab_size = 49408;
  int64_t hidden_size = 512;
  int64_t intermediate_size = 2048;
  int64_t num_hidden_layers = 12;
  int64_t num_attention_heads = 8;
  int64_t max_position_embeddings = 77;
  CLIPActivation hidden_act = CLIPActivation::QuickGELU;  // "quick_gelu", "gelu", "gelu_new"/"gelu_pytorch_tanh"
  double layer_norm_eps = 1e-5;
  int64_t projection_dim = 512;
  int64_t bos_token_id = 49406;
  int64_t eos_token_id = 49407;
  int64_t pad_token_id = 1;

  static CLIPTextConfig from_json_file(const std::string& path);
  static CLIPTextConfig from_reader(const ConfigReader& config);
};

// Vectors that take the place of some tokens' embeddings (textual inversion): row `row` of the
// batch, from token `position` on (cut where the row ends, as A1111 does).
struct TokenVectors {
  int64_t row = 0;
  int64_t position = 0;
  torch::Tensor vectors;  // [n, hidden]
};

class CLIPTextEmbeddingsImpl : public torch::nn::Module {
 public:
  explicit CLIPTextEmbeddingsImpl(const CLIPTextConfig& config);
  torch::Tensor forward(const torch::Tensor& input_ids, const std::vector<TokenVectors>& replaced = {});

  Embedding token_embedding{nullptr}, position_embedding{nullptr};
};
TORCH_MODULE(CLIPTextEmbeddings);

class CLIPAttentionImpl : public torch::nn::Module {
 public:
  explicit CLIPAttentionImpl(const CLIPTextConfig& config);
  torch::Tensor forward(const torch::Tensor& hidden_states);  // causal self-attention

  Linear k_proj{nullptr}, v_proj{nullptr}, q_proj{nullptr}, out_proj{nullptr};

 private:
  int64_t heads_;
};
TORCH_MODULE(CLIPAttention);

class CLIPMLPImpl : public torch::nn::Module {
 public:
  explicit CLIPMLPImpl(const CLIPTextConfig& config);
  torch::Tensor forward(const torch::Tensor& hidden_states);

  Linear fc1{nullptr}, fc2{nullptr};

 private:
  CLIPActivation act_;
};
TORCH_MODULE(CLIPMLP);

class CLIPEncoderLayerImpl : public torch::nn::Module {
 public:
  explicit CLIPEncoderLayerImpl(const CLIPTextConfig& config);
  torch::Tensor forward(const torch::Tensor& hidden_states);  // pre-norm attention, then pre-norm MLP

  CLIPAttention self_attn{nullptr};
  LayerNorm layer_norm1{nullptr};
  CLIPMLP mlp{nullptr};
  LayerNorm layer_norm2{nullptr};
};
TORCH_MODULE(CLIPEncoderLayer);

class CLIPEncoderImpl : public torch::nn::Module {
 public:
  explicit CLIPEncoderImpl(const CLIPTextConfig& config);
  torch::nn::ModuleList layers{nullptr};
};
TORCH_MODULE(CLIPEncoder);

// The "text_model." level of the checkpoint keys.
class CLIPTextTransformerImpl : public torch::nn::Module {
 public:
  explicit CLIPTextTransformerImpl(const CLIPTextConfig& config);

  CLIPTextEmbeddings embeddings{nullptr};
  CLIPEncoder encoder{nullptr};
  LayerNorm final_layer_norm{nullptr};
};
TORCH_MODULE(CLIPTextTransformer);

class CLIPTextModelImpl : public torch::nn::Module {
 public:
  struct Output {
    torch::Tensor last_hidden_state;           // [batch, tokens, hidden], after final_layer_norm
    torch::Tensor pooler_output;               // [batch, hidden], at each row's eos token
    torch::Tensor text_embeds;                 // [batch, projection_dim]: text_projection(pooler_output)
    std::vector<torch::Tensor> hidden_states;  // embeddings, then each layer's output (no final norm)
  };

  explicit CLIPTextModelImpl(const CLIPTextConfig& config, bool with_projection = false);

  // input_ids: [batch, tokens] integer ids, tokens <= max_position_embeddings.
  Output forward(const torch::Tensor& input_ids, bool output_hidden_states = false,
                 const std::vector<TokenVectors>& replaced = {});

  // diffusers' StableDiffusionPipeline.encode_prompt prompt_embeds: clip_skip 0 is the last hidden
  // state; clip_skip k is the output of layer num_hidden_layers - k through final_layer_norm.
  torch::Tensor encode_prompt(const torch::Tensor& input_ids, int clip_skip = 0,
                              const std::vector<TokenVectors>& replaced = {});

  // Strict io::load_state_dict, which also accepts the "text_model.embeddings.position_ids" buffer
  // that checkpoints written by transformers < 4.31 (SD 1.x among them) carry. Like transformers,
  // the file's values are not used: positions are always 0..n-1.
  void load_weights(const std::vector<io::SafetensorsFile>& files, const io::LoadOptions& options = {});
  void load_weights(const io::WeightSet& weights, const io::LoadOptions& options = {});  // names already the model's

  const CLIPTextConfig& config() const { return config_; }
  bool with_projection() const { return !text_projection.is_empty(); }

  CLIPTextTransformer text_model{nullptr};
  Linear text_projection{nullptr};  // CLIPTextModelWithProjection only

 private:
  // The embeddings and the first `layers` encoder layers; each output goes to `trace` when given.
  torch::Tensor run_layers(const torch::Tensor& input_ids, int64_t layers, std::vector<torch::Tensor>* trace,
                           const std::vector<TokenVectors>& replaced);

  CLIPTextConfig config_;
};
TORCH_MODULE(CLIPTextModel);

}  // namespace gesso::models
