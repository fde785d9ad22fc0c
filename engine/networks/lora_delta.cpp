#include "engine/networks/lora_delta.h"

#include <torch/torch.h>

#include "engine/error.h"

namespace gesso::networks {
namespace {

struct Factors {
  const LoraModule& module;
  const torch::Device& device;
  const std::string& file;

  bool has(const std::string& role) const { return module.tensors.count(role) > 0; }
  torch::Tensor get(const std::string& role) const {
    const auto it = module.tensors.find(role);
    if (it == module.tensors.end()) throw ModelFileError(file, module.key + " has no " + role + " tensor");
    return it->second.view().to(device, torch::kFloat);
  }
  [[noreturn]] void mismatch(const std::string& what) const { throw ModelFileError(file, module.key + ": " + what); }
};

torch::Tensor rows(const torch::Tensor& t) { return t.reshape({t.size(0), -1}); }

// LyCORIS' CP decomposition: a core tensor t [a, b, kh, kw] between two factors.
torch::Tensor cp_weight(const torch::Tensor& t, const torch::Tensor& wa, const torch::Tensor& wb) {
  const auto temp = torch::einsum("i j k l, j r -> i r k l", {t, wa});
  return torch::einsum("i j k l, i r -> r j k l", {temp, wb});
}

double scale_for(const LoraModule& m, std::optional<int64_t> dim) {
  return m.alpha && dim && *dim > 0 ? *m.alpha / static_cast<double>(*dim) : 1.0;
}

torch::Tensor lora(const Factors& f) {
  const auto up = f.get("up"), down = f.get("down");
  if (up.dim() < 2 || down.dim() < 2 || up.size(1) != down.size(0))
    f.mismatch("lora_up " + c10::str(up.sizes()) + " and lora_down " + c10::str(down.sizes()) + " do not multiply");
  const auto delta = f.has("mid") ? torch::einsum("n m k l, i n, m j -> i j k l", {f.get("mid"), rows(up), rows(down)})
                                  : rows(up).mm(rows(down));
  return delta * scale_for(f.module, down.size(0));
}

torch::Tensor hada_product(const Factors& f, const char* a, const char* b, const char* t) {
  const auto wa = f.get(a), wb = f.get(b);
  if (f.has(t)) return cp_weight(f.get(t), wa, wb);
  if (wa.size(1) != wb.size(0)) f.mismatch(std::string(a) + " and " + b + " do not multiply");
  return rows(wa).mm(rows(wb));
}

torch::Tensor loha(const Factors& f) {
  const auto delta = hada_product(f, "hada_w1_a", "hada_w1_b", "hada_t1") *
                     hada_product(f, "hada_w2_a", "hada_w2_b", "hada_t2");
  return delta * scale_for(f.module, f.get("hada_w1_b").size(0));
}

torch::Tensor lokr_factor(const Factors& f, const std::string& n, std::optional<int64_t>& dim) {
  if (f.has("lokr_w" + n)) return f.get("lokr_w" + n);
  const auto a = f.get("lokr_w" + n + "_a"), b = f.get("lokr_w" + n + "_b");
  if (!dim) dim = b.size(0);
  if (f.has("lokr_t" + n)) return cp_weight(f.get("lokr_t" + n), a, b);
  if (a.size(1) != b.size(0)) f.mismatch("lokr_w" + n + "_a and lokr_w" + n + "_b do not multiply");
  return a.mm(b);
}

torch::Tensor lokr(const Factors& f) {
  std::optional<int64_t> dim;
  auto w1 = lokr_factor(f, "1", dim);
  const auto w2 = lokr_factor(f, "2", dim);
  if (w2.dim() == 4) w1 = w1.unsqueeze(2).unsqueeze(2);
  return torch::kron(w1, w2.contiguous()) * scale_for(f.module, dim);
}

}  // namespace

torch::Tensor lora_delta(const LoraModule& module, c10::IntArrayRef shape, const torch::Device& device,
                         const std::string& file) {
  torch::NoGradGuard no_grad;
  const Factors f{module, device, file};
  torch::Tensor delta;
  switch (module.kind) {
    case LoraKind::kLora: delta = lora(f); break;
    case LoraKind::kLoha: delta = loha(f); break;
    case LoraKind::kLokr: delta = lokr(f); break;
  }
  int64_t numel = 1;
  for (const auto d : shape) numel *= d;
  if (delta.numel() != numel)
    f.mismatch("makes an update of shape " + c10::str(delta.sizes()) + " for a weight of shape " + c10::str(shape) +
               " (a LoRA for another model?)");
  return delta.reshape(shape);
}

}  // namespace gesso::networks
