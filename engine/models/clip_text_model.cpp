#include "engine/models/clip_text_model.h"

#include "engine/io/checkpoint_keys.h"

#include <torch/nn/functional/activation.h>

#include <algorithm>

#include "engine/error.h"
#include "engine/models/config_reader.h"
#include "engine/runtime/weight_streamer.h"

namespace gesso::models {
namespace {

constexpr const char* kPositionIdsKey = "text_model.embeddings.position_ids";

CLIPActivation read_clip_activation(const ConfigReader& config) {
  const std::string name = config.string("hidden_act", "quick_gelu");
  if (name == "quick_gelu") return CLIPActivation::QuickGELU;
  if (name == "gelu") return CLIPActivation::GELU;
  if (name == "gelu_new" || name == "gelu_pytorch_tanh") return CLIPActivation::GELUTanh;
  config.fail("hidden_act", "\"" + name + "\" is not supported (quick_gelu, gelu, gelu_new, gelu_pytorch_tanh)");
}

torch::Tensor activate(CLIPActivation act, const torch::Tensor& x) {
  switch (act) {
    case CLIPActivation::QuickGELU: return x * torch::sigmoid(1.702 * x);
    case CLIPActivation::GELU: return torch::gelu(x);
    case CLIPActivation::GELUTanh: return torch::gelu(x, "tanh");
  }
  return x;
}

LayerNorm layer_norm(const CLIPTextConfig& config) {
  return LayerNorm(config.hidden_size, config.layer_norm_eps);
}

}  // namespace

CLIPTextConfig CLIPTextConfig::from_json_file(const std::string& path) { return from_reader(ConfigReader::open(path)); }

CLIPTextConfig CLIPTextConfig::from_reader(const ConfigReader& r) {
  CLIPTextConfig c;
  c.vocab_size = r.integer("vocab_size", c.vocab_size);
  c.hidden_size = r.integer("hidden_size", c.hidden_size);
  c.intermediate_size = r.integer("intermediate_size", c.intermediate_size);
  c.num_hidden_layers = r.integer("num_hidden_layers", c.num_hidden_layers);
  c.num_attention_heads = r.integer("num_attention_heads", c.num_attention_heads);
  c.max_position_embeddings = r.integer("max_position_embeddings", c.max_position_embeddings);
  c.hidden_act = read_clip_activation(r);
  c.layer_norm_eps = r.number("layer_norm_eps", c.layer_norm_eps);
  c.projection_dim = r.integer("projection_dim", c.projection_dim);
  c.bos_token_id = r.integer("bos_token_id", c.bos_token_id);
  c.eos_token_id = r.integer("eos_token_id", c.eos_token_id);
  c.pad_token_id = r.integer("pad_token_id", c.pad_token_id);
  for (const char* key : {"vocab_size", "hidden_size", "intermediate_size", "num_attention_heads", "max_position_embeddings"})
    if (r.integer(key, 1) <= 0) r.fail(key, "must be positive");
  if (c.num_hidden_layers < 0) r.fail("num_hidden_layers", "must not be negative");
  if (c.hidden_size % c.num_attention_heads != 0)
    r.fail("num_attention_heads", "must divide hidden_size (" + std::to_string(c.hidden_size) + ")");
  if (!(c.layer_norm_eps > 0)) r.fail("layer_norm_eps", "must be positive");
  return c;
}

CLIPTextEmbeddingsImpl::CLIPTextEmbeddingsImpl(const CLIPTextConfig& config)
    : token_embedding(register_module("token_embedding", Embedding(config.vocab_size, config.hidden_size))),
      position_embedding(register_module(
          "position_embedding", Embedding(config.max_position_embeddings, config.hidden_size))) {}

torch::Tensor CLIPTextEmbeddingsImpl::forward(const torch::Tensor& input_ids, const std::vector<TokenVectors>& replaced) {
  const auto positions = torch::arange(input_ids.size(-1), input_ids.options().dtype(torch::kLong));
  auto tokens = token_embedding(input_ids);
  for (const auto& r : replaced) {
    const auto n = std::min(r.vectors.size(0), tokens.size(1) - r.position);
    if (n <= 0) continue;
    tokens[r.row].narrow(0, r.position, n).copy_(r.vectors.narrow(0, 0, n));
  }
  return tokens + position_embedding(positions);
}

CLIPAttentionImpl::CLIPAttentionImpl(const CLIPTextConfig& config) : heads_(config.num_attention_heads) {
  const int64_t d = config.hidden_size;
  k_proj = register_module("k_proj", Linear(d, d));
  v_proj = register_module("v_proj", Linear(d, d));
  q_proj = register_module("q_proj", Linear(d, d));
  out_proj = register_module("out_proj", Linear(d, d));
}

torch::Tensor CLIPAttentionImpl::forward(const torch::Tensor& hidden_states) {
  const int64_t batch = hidden_states.size(0), tokens = hidden_states.size(1);
  auto heads = [&](const torch::Tensor& x) { return x.view({batch, tokens, heads_, -1}).transpose(1, 2); };
  // Scale 1/sqrt(head_dim), SDPA's default, as CLIPAttention's; the mask is purely causal
  // (Stable Diffusion passes no padding mask).
  const auto out = torch::scaled_dot_product_attention(heads(q_proj(hidden_states)), heads(k_proj(hidden_states)),
                                                       heads(v_proj(hidden_states)), /*attn_mask=*/{},
                                                       /*dropout_p=*/0.0, /*is_causal=*/true);
  return out_proj(out.transpose(1, 2).reshape({batch, tokens, -1}));
}

CLIPMLPImpl::CLIPMLPImpl(const CLIPTextConfig& config) : act_(config.hidden_act) {
  fc1 = register_module("fc1", Linear(config.hidden_size, config.intermediate_size));
  fc2 = register_module("fc2", Linear(config.intermediate_size, config.hidden_size));
}

torch::Tensor CLIPMLPImpl::forward(const torch::Tensor& hidden_states) {
  return fc2(activate(act_, fc1(hidden_states)));
}

CLIPEncoderLayerImpl::CLIPEncoderLayerImpl(const CLIPTextConfig& config) {
  self_attn = register_module("self_attn", CLIPAttention(config));
  layer_norm1 = register_module("layer_norm1", layer_norm(config));
  mlp = register_module("mlp", CLIPMLP(config));
  layer_norm2 = register_module("layer_norm2", layer_norm(config));
}

torch::Tensor CLIPEncoderLayerImpl::forward(const torch::Tensor& hidden_states) {
  auto h = hidden_states + self_attn(layer_norm1(hidden_states));
  return h + mlp(layer_norm2(h));
}

CLIPEncoderImpl::CLIPEncoderImpl(const CLIPTextConfig& config) {
  layers = register_module("layers", torch::nn::ModuleList());
  for (int64_t i = 0; i < config.num_hidden_layers; ++i) layers->push_back(CLIPEncoderLayer(config));
}

CLIPTextTransformerImpl::CLIPTextTransformerImpl(const CLIPTextConfig& config) {
  embeddings = register_module("embeddings", CLIPTextEmbeddings(config));
  encoder = register_module("encoder", CLIPEncoder(config));
  final_layer_norm = register_module("final_layer_norm", layer_norm(config));
}

CLIPTextModelImpl::CLIPTextModelImpl(const CLIPTextConfig& config, bool with_projection) : config_(config) {
  text_model = register_module("text_model", CLIPTextTransformer(config));
  if (with_projection)
    text_projection = register_module("text_projection", Linear(config.hidden_size, config.projection_dim, false));
}

torch::Tensor CLIPTextModelImpl::run_layers(const torch::Tensor& input_ids, int64_t layers,
                                            std::vector<torch::Tensor>* trace, const std::vector<TokenVectors>& replaced) {
  if (input_ids.dim() != 2 || input_ids.size(1) < 1 || input_ids.size(1) > config_.max_position_embeddings)
    throw Error("CLIP text encoder: expected [batch, tokens] ids with 1 to " +
                std::to_string(config_.max_position_embeddings) + " tokens, got shape " +
                c10::str(input_ids.sizes()));
  const auto device = runtime::compute_device(text_model->final_layer_norm->weight);
  auto h = text_model->embeddings(input_ids.to(device, torch::kLong), replaced);
  if (trace) trace->push_back(h);
  for (int64_t i = 0; i < layers; ++i) {
    h = text_model->encoder->layers->at<CLIPEncoderLayerImpl>(static_cast<std::size_t>(i)).forward(h);
    if (trace) trace->push_back(h);
  }
  return h;
}

CLIPTextModelImpl::Output CLIPTextModelImpl::forward(const torch::Tensor& input_ids, bool output_hidden_states,
                                                     const std::vector<TokenVectors>& replaced) {
  Output out;
  const auto h = run_layers(input_ids, config_.num_hidden_layers, output_hidden_states ? &out.hidden_states : nullptr,
                            replaced);
  out.last_hidden_state = text_model->final_layer_norm(h);
  // transformers' pooling: configs from before its fix carry eos_token_id 2 and pool at the largest
  // id (the eos of the original vocabulary); others at the first eos.
  const auto ids = input_ids.to(out.last_hidden_state.device(), torch::kInt);
  const auto eos_at = config_.eos_token_id == 2 ? ids.argmax(-1)
                                                : (ids == config_.eos_token_id).to(torch::kInt).argmax(-1);
  const auto rows = torch::arange(ids.size(0), eos_at.options());
  out.pooler_output = out.last_hidden_state.index({rows, eos_at});
  if (text_projection) out.text_embeds = text_projection->forward(out.pooler_output);
  return out;
}

torch::Tensor CLIPTextModelImpl::encode_prompt(const torch::Tensor& input_ids, int clip_skip,
                                               const std::vector<TokenVectors>& replaced) {
  if (clip_skip < 0 || clip_skip > config_.num_hidden_layers)
    throw RequestError("clip_skip", "must be between 0 and " + std::to_string(config_.num_hidden_layers) +
                                        " (the text encoder's layer count), got " + std::to_string(clip_skip));
  // Layers past the one clip_skip selects cannot change its output; they are not run.
  return text_model->final_layer_norm(run_layers(input_ids, config_.num_hidden_layers - clip_skip, nullptr, replaced));
}

void CLIPTextModelImpl::load_weights(const std::vector<io::SafetensorsFile>& files, const io::LoadOptions& options) {
  const auto rename = options.rename ? options.rename : io::clip_text_key_rename(files);
  load_weights(io::renamed(io::WeightSet::of(files), rename), options);
}

void CLIPTextModelImpl::load_weights(const io::WeightSet& weights, const io::LoadOptions& options) {
  auto& embeddings = *text_model->embeddings;
  if (weights.contains(kPositionIdsKey) && !embeddings.named_buffers(/*recurse=*/false).contains("position_ids"))
    embeddings.register_buffer("position_ids", torch::arange(config_.max_position_embeddings).unsqueeze(0));
  io::load_state_dict(*this, weights, options);
}

}  // namespace gesso::models
