#include "engine/models/t5_encoder_model.h"

#include <torch/torch.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <numbers>

#include "engine/error.h"
#include "engine/models/config_reader.h"
#include "engine/runtime/weight_streamer.h"

namespace gesso::models {
namespace {

constexpr const char* kShared = "shared.weight";
constexpr const char* kEmbedTokens = "encoder.embed_tokens.weight";
constexpr double kHalfMax = 65504.0;  // torch.finfo(torch.float16).max

T5Activation read_activation(const ConfigReader& r, const std::string& proj) {
  std::vector<std::string> parts;
  for (std::size_t from = 0;;) {
    const auto dash = proj.find('-', from);
    parts.push_back(proj.substr(from, dash - from));
    if (dash == std::string::npos) break;
    from = dash + 1;
  }
  if (parts.size() > 2 || (parts.size() == 2 && parts[0] != "gated"))
    r.fail("feed_forward_proj", "\"" + proj + "\" is neither \"<activation>\" nor \"gated-<activation>\"");
  // T5Config's backward compatibility: "gated-gelu" is T5 v1.1's gelu_new.
  const std::string act = proj == "gated-gelu" ? "gelu_new" : parts.back();
  if (act == "relu") return T5Activation::ReLU;
  if (act == "gelu") return T5Activation::GELU;
  if (act == "gelu_new") return T5Activation::GELUNew;
  if (act == "gelu_pytorch_tanh") return T5Activation::GELUTanh;
  if (act == "silu" || act == "swish") return T5Activation::SiLU;
  r.fail("feed_forward_proj", "activation \"" + act + "\" of \"" + proj +
                                  "\" is not supported (relu, gelu, gelu_new, gelu_pytorch_tanh, silu)");
}

torch::Tensor activate(T5Activation act, const torch::Tensor& x) {
  switch (act) {
    case T5Activation::ReLU: return torch::relu(x);
    case T5Activation::GELU: return torch::gelu(x);
    case T5Activation::GELUTanh: return torch::gelu(x, "tanh");
    case T5Activation::SiLU: return torch::silu(x);
    case T5Activation::GELUNew:
      // transformers' NewGELUActivation op for op (not torch's fused tanh gelu: they differ in the
      // last bits, which half precision shows).
      return x.mul(0.5).mul(torch::tanh(x.add(torch::pow(x, 3.0).mul(0.044715)).mul(std::sqrt(2.0 / std::numbers::pi))).add(1.0));
  }
  return x;
}

// T5Block's clamp "to enable fp16 training", which inference runs too.
torch::Tensor clamp_half(const torch::Tensor& h) {
  if (h.scalar_type() != torch::kHalf) return h;
  const auto limit = torch::where(torch::isinf(h).any(), kHalfMax - 1000, kHalfMax);
  return torch::clamp(h, -limit, limit);
}

double lowest_value(torch::ScalarType dtype) {
  double lowest = 0;
  AT_DISPATCH_FLOATING_TYPES_AND2(torch::kHalf, torch::kBFloat16, dtype, "lowest_value",
                                  [&] { lowest = static_cast<double>(std::numeric_limits<scalar_t>::lowest()); });
  return lowest;
}

// transformers' T5Attention._relative_position_bucket, bidirectional, op for op.
torch::Tensor relative_position_bucket(const torch::Tensor& relative_position, int64_t num_buckets,
                                       int64_t max_distance) {
  num_buckets /= 2;
  auto buckets = (relative_position > 0).to(torch::kLong) * num_buckets;
  const auto distance = relative_position.abs();
  const int64_t max_exact = num_buckets / 2;
  const auto is_small = distance < max_exact;
  auto if_large = (torch::log(distance.to(torch::kFloat) / max_exact) /
                   std::log(static_cast<double>(max_distance) / static_cast<double>(max_exact)) *
                   (num_buckets - max_exact))
                      .to(torch::kLong) + max_exact;
  if_large = torch::min(if_large, torch::full_like(if_large, num_buckets - 1));
  return buckets + torch::where(is_small, distance, if_large);
}

// The checkpoint's tensors under the model's names (see load_weights).
io::WeightSet encoder_weights(const io::WeightSet& weights) {
  io::WeightSet out(weights.path());
  for (const auto& [name, entry] : weights.entries())
    if (name != kEmbedTokens && name.find("decoder") == std::string::npos) out.add(name, entry);
  if (!out.contains(kShared))
    if (const auto* tied = weights.find(kEmbedTokens)) out.add(kShared, *tied);
  out.metadata() = weights.metadata();
  return out;
}

}  // namespace

T5Config T5Config::from_json_file(const std::string& path) { return from_reader(ConfigReader::open(path)); }

T5Config T5Config::from_reader(const ConfigReader& r) {
  T5Config c;
  c.vocab_size = r.integer("vocab_size", c.vocab_size);
  c.d_model = r.integer("d_model", c.d_model);
  c.d_kv = r.integer("d_kv", c.d_kv);
  c.d_ff = r.integer("d_ff", c.d_ff);
  c.num_layers = r.integer("num_layers", c.num_layers);
  c.num_heads = r.integer("num_heads", c.num_heads);
  c.relative_attention_num_buckets = r.integer("relative_attention_num_buckets", c.relative_attention_num_buckets);
  c.relative_attention_max_distance = r.integer("relative_attention_max_distance", c.relative_attention_max_distance);
  c.layer_norm_epsilon = r.number("layer_norm_epsilon", c.layer_norm_epsilon);
  const std::string proj = r.string("feed_forward_proj", "relu");
  c.dense_act_fn = read_activation(r, proj);
  c.is_gated_act = proj.rfind("gated-", 0) == 0;
  for (const char* key : {"vocab_size", "d_model", "d_kv", "d_ff", "num_layers", "num_heads"})
    if (r.integer(key, 1) <= 0) r.fail(key, "must be positive");
  // The bucket rule needs a quarter of the buckets for exact distances and a longer max distance.
  if (c.relative_attention_num_buckets < 4) r.fail("relative_attention_num_buckets", "must be at least 4");
  if (c.relative_attention_max_distance <= c.relative_attention_num_buckets / 4)
    r.fail("relative_attention_max_distance", "must exceed a quarter of relative_attention_num_buckets");
  if (!(c.layer_norm_epsilon > 0)) r.fail("layer_norm_epsilon", "must be positive");
  return c;
}

T5LayerNormImpl::T5LayerNormImpl(int64_t dim, double eps) : eps_(eps) {
  weight = register_parameter("weight", torch::empty({dim}));
}

torch::Tensor T5LayerNormImpl::forward(const torch::Tensor& x) {
  const auto w = runtime::streamed(weight);
  const auto variance = x.to(torch::kFloat).pow(2).mean(-1, /*keepdim=*/true);
  auto y = x * torch::rsqrt(variance + eps_);
  if (w.scalar_type() == torch::kHalf || w.scalar_type() == torch::kBFloat16) y = y.to(w.scalar_type());
  return w * y;
}

T5AttentionImpl::T5AttentionImpl(const T5Config& config, bool has_relative_attention_bias)
    : heads_(config.num_heads),
      d_kv_(config.d_kv),
      num_buckets_(config.relative_attention_num_buckets),
      max_distance_(config.relative_attention_max_distance) {
  const int64_t inner = config.num_heads * config.d_kv;
  q = register_module("q", Linear(config.d_model, inner, false));
  k = register_module("k", Linear(config.d_model, inner, false));
  v = register_module("v", Linear(config.d_model, inner, false));
  o = register_module("o", Linear(inner, config.d_model, false));
  if (has_relative_attention_bias)
    relative_attention_bias = register_module("relative_attention_bias", Embedding(num_buckets_, heads_));
}

torch::Tensor T5AttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& bias) {
  const int64_t batch = x.size(0), tokens = x.size(1);
  auto heads = [&](const torch::Tensor& t) { return t.view({batch, tokens, -1, d_kv_}).transpose(1, 2); };
  // scale 1: T5 has the 1/sqrt(d_kv) in its initialisation, not in the attention.
  const auto out = at::scaled_dot_product_attention(heads(q(x)), heads(k(x)), heads(v(x)), bias, /*dropout_p=*/0.0,
                                                    /*is_causal=*/false, /*scale=*/1.0);
  return o(out.transpose(1, 2).contiguous().reshape({batch, tokens, -1}));
}

torch::Tensor T5AttentionImpl::position_bias(int64_t tokens) {
  const auto device = runtime::compute_device(relative_attention_bias->weight);
  const auto positions = torch::arange(tokens, torch::TensorOptions().dtype(torch::kLong).device(device));
  const auto relative = positions.unsqueeze(0) - positions.unsqueeze(1);  // key position - query position
  const auto values = relative_attention_bias(relative_position_bucket(relative, num_buckets_, max_distance_));
  return values.permute({2, 0, 1}).unsqueeze(0);
}

T5LayerSelfAttentionImpl::T5LayerSelfAttentionImpl(const T5Config& config, bool has_relative_attention_bias) {
  SelfAttention = register_module("SelfAttention", T5Attention(config, has_relative_attention_bias));
  layer_norm = register_module("layer_norm", T5LayerNorm(config.d_model, config.layer_norm_epsilon));
}

torch::Tensor T5LayerSelfAttentionImpl::forward(const torch::Tensor& hidden_states, const torch::Tensor& bias) {
  return hidden_states + SelfAttention(layer_norm(hidden_states), bias);
}

T5DenseActDenseImpl::T5DenseActDenseImpl(const T5Config& config) : act_(config.dense_act_fn) {
  if (config.is_gated_act) {
    wi_0 = register_module("wi_0", Linear(config.d_model, config.d_ff, false));
    wi_1 = register_module("wi_1", Linear(config.d_model, config.d_ff, false));
  } else {
    wi = register_module("wi", Linear(config.d_model, config.d_ff, false));
  }
  wo = register_module("wo", Linear(config.d_ff, config.d_model, false));
}

torch::Tensor T5DenseActDenseImpl::forward(const torch::Tensor& x) {
  auto h = wi ? activate(act_, wi(x)) : activate(act_, wi_0(x)) * wi_1(x);
  // A float32 wo (float16 loads) takes float32 input, and gives the residual stream float32 output.
  if (h.scalar_type() != wo->weight.scalar_type()) h = h.to(wo->weight.scalar_type());
  return wo(h);
}

T5LayerFFImpl::T5LayerFFImpl(const T5Config& config) {
  DenseReluDense = register_module("DenseReluDense", T5DenseActDense(config));
  layer_norm = register_module("layer_norm", T5LayerNorm(config.d_model, config.layer_norm_epsilon));
}

torch::Tensor T5LayerFFImpl::forward(const torch::Tensor& hidden_states) {
  return hidden_states + DenseReluDense(layer_norm(hidden_states));
}

T5BlockImpl::T5BlockImpl(const T5Config& config, bool has_relative_attention_bias)
    : self_attention(T5LayerSelfAttention(config, has_relative_attention_bias)), feed_forward(T5LayerFF(config)) {
  auto layer = register_module("layer", torch::nn::ModuleList());
  layer->push_back(self_attention);
  layer->push_back(feed_forward);
}

torch::Tensor T5BlockImpl::forward(const torch::Tensor& hidden_states, const torch::Tensor& bias) {
  const auto h = clamp_half(self_attention(hidden_states, bias));
  return clamp_half(feed_forward(h));
}

T5StackImpl::T5StackImpl(const T5Config& config) {
  auto list = register_module("block", torch::nn::ModuleList());
  for (int64_t i = 0; i < config.num_layers; ++i) {
    block.push_back(T5Block(config, /*has_relative_attention_bias=*/i == 0));
    list->push_back(block.back());
  }
  final_layer_norm = register_module("final_layer_norm", T5LayerNorm(config.d_model, config.layer_norm_epsilon));
}

T5EncoderModelImpl::T5EncoderModelImpl(const T5Config& config) : config_(config) {
  shared = register_module("shared", Embedding(config.vocab_size, config.d_model));
  encoder = register_module("encoder", T5Stack(config));
}

torch::Tensor T5EncoderModelImpl::attention_bias(const torch::Tensor& attention_mask, int64_t batch, int64_t tokens) {
  auto& first = *encoder->block.front()->self_attention->SelfAttention;
  const auto position_bias = first.position_bias(tokens);
  if (!attention_mask.defined()) return position_bias;
  const auto keep = attention_mask.to(position_bias.device()).ne(0).view({batch, 1, 1, tokens});
  return torch::where(keep, position_bias, lowest_value(first.k->weight.scalar_type()));
}

torch::Tensor T5EncoderModelImpl::forward(const torch::Tensor& input_ids, const torch::Tensor& attention_mask) {
  if (input_ids.dim() != 2 || input_ids.size(1) < 1)
    throw Error("T5 encoder: expected [batch, tokens] ids, got shape " + c10::str(input_ids.sizes()));
  if (attention_mask.defined() && attention_mask.sizes() != input_ids.sizes())
    throw Error("T5 encoder: attention mask of shape " + c10::str(attention_mask.sizes()) + " for ids of shape " +
                c10::str(input_ids.sizes()));
  const auto device = runtime::compute_device(shared->weight);
  auto h = shared(input_ids.to(device, torch::kLong));
  const auto bias = attention_bias(attention_mask, input_ids.size(0), input_ids.size(1));
  for (auto& b : encoder->block) h = b(h, bias);
  return encoder->final_layer_norm(h);
}

void T5EncoderModelImpl::load_weights(const io::WeightSet& weights, const io::LoadOptions& options) {
  const auto set = encoder_weights(weights);
  io::load_state_dict(*this, set, options);
  if (options.dtype != torch::kHalf) return;
  // transformers keeps wo in float32 in float16 loads (_keep_in_fp32_modules = ["wo"]): from the file
  // straight to float32, as it does. Costs a second conversion of these tensors, one at a time.
  torch::NoGradGuard no_grad;
  for (auto& p : named_parameters(/*recurse=*/true))
    if (p.key().ends_with(".DenseReluDense.wo.weight"))
      p.value().set_data(set.at(p.key()).view().to(options.device, torch::kFloat));
}

T5EncoderModel load_t5_encoder(const std::string& component_dir, const io::LoadOptions& options,
                               const std::string& variant) {
  const auto config_path = (std::filesystem::path(component_dir) / "config.json").string();
  const auto config = ConfigReader::open(config_path);
  const auto files = io::open_component_weights(component_dir, variant);
  return load_t5_encoder(config, io::renamed(io::WeightSet::of(files), options.rename), options);
}

T5EncoderModel load_t5_encoder(const ConfigReader& config, const io::WeightSet& weights,
                               const io::LoadOptions& options) {
  T5EncoderModel model(T5Config::from_reader(config));
  model->load_weights(weights, options);
  model->eval();
  return model;
}

}  // namespace gesso::models
