#include "engine/models/conditioning.h"

#include <torch/torch.h>

#include <functional>
#include <numeric>
#include <type_traits>

#include "engine/error.h"

namespace gesso::models {
namespace {

// The record's single tensors, in the order tensors() lists them (control residuals follow).
template <typename R>
auto fields(R& c) {
  using T = std::remove_reference_t<decltype((c.context))>;  // const for a const record
  return std::vector<std::reference_wrapper<T>>{c.context, c.pooled, c.time_ids, c.class_labels, c.attention_mask};
}

constexpr const char* kFieldLetters = "cptka";  // context, pooled, time ids, class labels, attention mask

Conditioning map(const Conditioning& c, const std::function<torch::Tensor(const torch::Tensor&)>& fn) {
  Conditioning out;
  const auto from = fields(c);
  const auto to = fields(out);
  for (std::size_t i = 0; i < from.size(); ++i)
    if (from[i].get().defined()) to[i].get() = fn(from[i].get());
  for (const auto& d : c.control.down) out.control.down.push_back(fn(d));
  if (c.control.mid.defined()) out.control.mid = fn(c.control.mid);
  return out;
}

}  // namespace

std::vector<torch::Tensor> Conditioning::tensors() const {
  std::vector<torch::Tensor> out;
  for (const auto& f : fields(*this))
    if (f.get().defined()) out.push_back(f.get());
  out.insert(out.end(), control.down.begin(), control.down.end());
  if (control.mid.defined()) out.push_back(control.mid);
  return out;
}

std::string Conditioning::layout() const {
  std::string s;
  const auto f = fields(*this);
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f[i].get().defined()) s += kFieldLetters[i];
  if (!control.down.empty()) s += "d" + std::to_string(control.down.size());
  if (control.mid.defined()) s += "m";
  return s;
}

Conditioning Conditioning::with_tensors(const std::vector<torch::Tensor>& flat, std::size_t offset) const {
  Conditioning out;
  auto next = [&]() -> const torch::Tensor& {
    TORCH_CHECK(offset < flat.size(), "Conditioning::with_tensors: too few tensors for layout ", layout());
    return flat[offset++];
  };
  const auto from = fields(*this);
  const auto to = fields(out);
  for (std::size_t i = 0; i < from.size(); ++i)
    if (from[i].get().defined()) to[i].get() = next();
  for (std::size_t i = 0; i < control.down.size(); ++i) out.control.down.push_back(next());
  if (control.mid.defined()) out.control.mid = next();
  return out;
}

Conditioning Conditioning::concat(const Conditioning& a, const Conditioning& b) {
  if (a.layout() != b.layout())
    throw Error("conditioning: cannot batch records with fields '" + a.layout() + "' and '" + b.layout() + "'");
  const auto ta = a.tensors(), tb = b.tensors();
  std::vector<torch::Tensor> joined;
  for (std::size_t i = 0; i < ta.size(); ++i) joined.push_back(torch::cat({ta[i], tb[i]}));
  return a.with_tensors(joined);
}

Conditioning Conditioning::repeat_rows(int64_t n) const {
  if (n == 1) return *this;
  return map(*this, [n](const torch::Tensor& t) { return t.repeat_interleave(n, 0); });
}

Conditioning Conditioning::to(torch::ScalarType dtype) const {
  return map(*this, [dtype](const torch::Tensor& t) { return t.is_floating_point() ? t.to(dtype) : t; });
}

int64_t Conditioning::batch() const {
  for (const auto& t : tensors()) return t.size(0);
  return 0;
}

}  // namespace gesso::models

namespace gesso::models {

void match_token_counts(std::vector<Conditioning*> records) {
  int64_t tokens = 1;
  for (const auto* r : records)
    if (r->context.defined()) tokens = std::lcm(tokens, r->context.size(1));
  for (auto* r : records) {
    if (!r->context.defined() || r->context.size(1) == tokens) continue;
    const auto k = tokens / r->context.size(1);
    r->context = r->context.repeat({1, k, 1});
    if (r->attention_mask.defined()) r->attention_mask = r->attention_mask.repeat({1, k});
  }
}

}  // namespace gesso::models
