#include "app/kernel_bench.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>
#include <string>
#include <tuple>
#include <vector>

#include "engine/kernels/fusion.h"
#include "engine/kernels/geglu.h"
#include "engine/kernels/group_norm.h"
#include "engine/kernels/layer_norm_residual.h"
#include "engine/kernels/upsample_nearest.h"
#include "engine/models/attention_dispatch.h"
#include "engine/pipelines/model_bundle.h"
#include "engine/runtime/cuda_graph.h"
#include "engine/runtime/device.h"

#if GESSO_CUDA
#include <ATen/cuda/CUDAEvent.h>
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <cuda_profiler_api.h>
#endif

namespace gesso::app {
namespace {

using Fn = std::function<void()>;

#if GESSO_CUDA
double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Microseconds per call of fn: `inner` calls captured in one graph, replayed `reps` times, median.
double graph_us(const Fn& fn, int inner = 20, int reps = 15) {
  auto side = c10::cuda::getStreamFromPool();
  const c10::cuda::CUDAStreamGuard guard(side);
  for (int i = 0; i < 3; ++i) fn();
  side.synchronize();
  at::cuda::CUDAGraph graph;
  graph.capture_begin();
  for (int i = 0; i < inner; ++i) fn();
  graph.capture_end();
  graph.replay();
  std::vector<double> times;
  for (int r = 0; r < reps; ++r) {
    at::cuda::CUDAEvent start(cudaEventDefault), stop(cudaEventDefault);
    start.record(side);
    graph.replay();
    stop.record(side);
    stop.synchronize();
    times.push_back(start.elapsed_time(stop) * 1000.0 / inner);
  }
  return median(times);
}

struct OpRow {
  std::string op, shape;
  double aten_us, fused_us;
};

void print_ops(const std::vector<OpRow>& rows) {
  std::cout << "| fused op | shape (fp16) | ATen ops it replaces (us) | fused (us) | speed-up |\n"
            << "|---|---|---:|---:|---:|\n";
  for (const auto& r : rows)
    std::printf("| %s | %s | %.1f | %.1f | %.2fx |\n", r.op.c_str(), r.shape.c_str(), r.aten_us, r.fused_us,
                r.aten_us / r.fused_us);
  std::cout << "\n";
}

torch::Tensor rnd(std::vector<int64_t> shape) {
  return torch::randn(shape, torch::dtype(torch::kHalf).device(torch::kCUDA));
}

std::string dims(const std::vector<int64_t>& s) {
  std::string out;
  for (auto d : s) out += (out.empty() ? "" : "x") + std::to_string(d);
  return out;
}

void group_norm_rows(std::vector<OpRow>& rows) {
  struct Case { std::vector<int64_t> shape; bool channels_last, shift; };
  const std::vector<Case> cases = {{{2, 320, 64, 64}, true, false},  {{2, 320, 64, 64}, true, true},
                                   {{2, 640, 32, 32}, true, true},   {{2, 1280, 16, 16}, true, true},
                                   {{2, 1280, 8, 8}, true, true},    {{2, 960, 64, 64}, true, false},
                                   {{2, 320, 64, 64}, false, true},  {{1, 512, 128, 128}, true, false},
                                   {{1, 128, 512, 512}, true, false}};
  for (const auto& c : cases) {
    auto x = rnd(c.shape);
    if (c.channels_last) x = x.contiguous(at::MemoryFormat::ChannelsLast);
    const auto ch = c.shape[1];
    const auto w = rnd({ch}), b = rnd({ch});
    const auto shift = c.shift ? rnd({c.shape[0], ch}) : torch::Tensor();
    const auto aten = graph_us([&] { kernels::group_norm_silu_reference(x, 32, w, b, 1e-5, true, shift); });
    const auto fused = graph_us([&] { kernels::group_norm_silu(x, 32, w, b, 1e-5, true, shift); });
    rows.push_back({std::string(c.shift ? "GroupNorm(x + temb) + SiLU" : "GroupNorm + SiLU"),
                    dims(c.shape) + (c.channels_last ? " NHWC" : " NCHW"), aten, fused});
  }
}

// The one-pass GroupNorm kernel against the two-kernel one, and the one-pass extras (the skip
// concatenation read in place, the input kept) against the ATen ops they replace.
void group_norm_table() {
  std::cout << "| GroupNorm, fp16 NHWC | ATen ops (us) | two kernels (us) | one kernel (us) | one vs two |\n"
            << "|---|---:|---:|---:|---:|\n";
  const auto row = [](const std::string& name, double aten, double two, double one) {
    std::printf("| %s | %.1f | %.1f | %.1f | %.2fx |\n", name.c_str(), aten, two, one, two / one);
  };
  const auto cl = [](torch::Tensor t) { return t.contiguous(at::MemoryFormat::ChannelsLast); };
  for (const auto& shape : std::vector<std::vector<int64_t>>{{2, 320, 64, 64}, {2, 640, 32, 32}, {2, 1280, 16, 16},
                                                             {2, 1280, 8, 8}, {2, 960, 64, 64}, {1, 512, 64, 64}}) {
    const auto x = cl(rnd(shape));
    const auto w = rnd({shape[1]}), b = rnd({shape[1]}), shift = rnd({shape[0], shape[1]});
    row("(x + temb) + SiLU, " + dims(shape),
        graph_us([&] { kernels::group_norm_silu_reference(x, 32, w, b, 1e-5, true, shift); }),
        graph_us([&] { kernels::group_norm_silu_two_pass(x, 32, w, b, 1e-5, true, shift); }),
        graph_us([&] { kernels::group_norm_silu(x, 32, w, b, 1e-5, true, shift); }));
  }
  // Up blocks: cat(h, skip) normalised, the concatenation kept for the shortcut.
  for (const auto& [h, skip, size] : std::vector<std::tuple<int64_t, int64_t, int64_t>>{
           {1280, 1280, 8}, {1280, 640, 16}, {640, 320, 32}, {640, 320, 64}, {320, 320, 64}}) {
    const auto a = cl(rnd({2, h, size, size})), s = cl(rnd({2, skip, size, size}));
    const auto w = rnd({h + skip}), b = rnd({h + skip});
    const kernels::GroupNormSides sides{.x2 = s, .keep_input = true};
    row("cat(h, skip) + SiLU, kept, 2x" + std::to_string(h) + "+" + std::to_string(skip) + "x" +
            std::to_string(size) + "x" + std::to_string(size),
        graph_us([&] { kernels::group_norm_silu_joined_reference(a, sides, 32, w, b, 1e-5, true); }),
        graph_us([&] { kernels::group_norm_silu_two_pass(torch::cat({a, s}, 1), 32, w, b, 1e-5, true); }),
        graph_us([&] { kernels::group_norm_silu_joined(a, sides, 32, w, b, 1e-5, true); }));
  }
  // Transformer2D: norm, and x + proj_out's bias for the GEMM to accumulate into.
  for (const auto& shape : std::vector<std::vector<int64_t>>{{2, 320, 64, 64}, {2, 1280, 8, 8}}) {
    const auto x = cl(rnd(shape));
    const auto w = rnd({shape[1]}), b = rnd({shape[1]}), out_bias = rnd({shape[1]});
    const kernels::GroupNormSides sides{.keep_input = true, .input_bias = out_bias};
    row("norm + (x + bias), " + dims(shape),
        graph_us([&] { kernels::group_norm_silu_joined_reference(x, sides, 32, w, b, 1e-6, false); }),
        graph_us([&] {
          kernels::group_norm_silu_two_pass(x, 32, w, b, 1e-6, false);
          (void)(x + out_bias.view({1, -1, 1, 1}));
        }),
        graph_us([&] { kernels::group_norm_silu_joined(x, sides, 32, w, b, 1e-6, false); }));
  }
  std::cout << "\n";
}

void upsample_rows(std::vector<OpRow>& rows) {
  for (const auto& shape : std::vector<std::vector<int64_t>>{{2, 1280, 8, 8}, {2, 1280, 16, 16}, {2, 640, 32, 32}}) {
    const auto x = rnd(shape).contiguous(at::MemoryFormat::ChannelsLast);
    rows.push_back({"nearest 2x upsampling", dims(shape) + " NHWC",
                    graph_us([&] { kernels::upsample_nearest_2x_reference(x); }),
                    graph_us([&] { kernels::upsample_nearest_2x(x); })});
  }
}

void geglu_rows(std::vector<OpRow>& rows) {
  for (const auto& [tokens, dim] : std::vector<std::pair<int64_t, int64_t>>{{4096, 320}, {1024, 640}, {256, 1280}}) {
    const auto x = rnd({2, tokens, dim});
    const auto w = rnd({8 * dim, dim}) * 0.05, b = rnd({8 * dim});
    const auto aten = graph_us([&] {
      const auto h = at::linear(x, w, b).chunk(2, -1);
      (void)(h[0] * at::gelu(h[1]));
    });
    const auto fused = graph_us([&] { kernels::geglu(at::linear(x, w), b); });
    rows.push_back({"GEGLU projection + bias + gate", dims({2, tokens, dim}) + " -> " + std::to_string(4 * dim), aten,
                    fused});
  }
}

// The block's out-projection, residual add and next LayerNorm: linear + add + layer_norm against
// addmm_ into the residual stream + the LayerNorm that also writes the next residual.
void layer_norm_rows(std::vector<OpRow>& rows) {
  for (const auto& [tokens, dim] : std::vector<std::pair<int64_t, int64_t>>{{4096, 320}, {1024, 640}, {256, 1280}}) {
    const auto x = rnd({2, tokens, dim}), a = rnd({2, tokens, dim});
    const auto wo = rnd({dim, dim}) * 0.05, bo = rnd({dim}), g = rnd({dim}), beta = rnd({dim}), next = rnd({dim});
    const auto aten = graph_us([&] {
      const auto h = x + at::linear(a, wo, bo);
      (void)at::layer_norm(h, {dim}, g, beta, 1e-5);
    });
    auto r = (x + bo).contiguous();
    const auto fused = graph_us([&] {
      auto acc = r.clone();  // stands in for the residual the previous norm wrote
      acc.view({-1, dim}).addmm_(a.view({-1, dim}), wo.t());
      (void)kernels::layer_norm_residual(acc, g, beta, 1e-5, next);
    });
    const auto copy = graph_us([&] { (void)r.clone(); });
    rows.push_back({"out-proj + residual + LayerNorm (+ next bias)", dims({2, tokens, dim}), aten, fused - copy});
  }
}

void projection_rows(std::vector<OpRow>& rows) {
  for (const auto& [tokens, dim] : std::vector<std::pair<int64_t, int64_t>>{{4096, 320}, {1024, 640}, {256, 1280}}) {
    const auto x = rnd({2, tokens, dim});
    const auto wq = rnd({dim, dim}), wk = rnd({dim, dim}), wv = rnd({dim, dim});
    const auto wqkv = torch::cat({wq, wk, wv});
    const auto aten = graph_us([&] {
      (void)at::linear(x, wq);
      (void)at::linear(x, wk);
      (void)at::linear(x, wv);
    });
    const auto fused = graph_us([&] { (void)at::linear(x, wqkv); });
    rows.push_back({"self-attention Q, K, V projections", dims({2, tokens, dim}), aten, fused});
    const auto ctx = rnd({2, 77, 768});
    const auto ck = rnd({dim, 768}), cv = rnd({dim, 768});
    const auto ckv = torch::cat({ck, cv});
    const auto aten_kv = graph_us([&] {
      (void)at::linear(ctx, ck);
      (void)at::linear(ctx, cv);
    });
    const auto fused_kv = graph_us([&] { (void)at::linear(ctx, ckv); });
    rows.push_back({"cross-attention K, V projections", "2x77x768 -> " + std::to_string(dim), aten_kv, fused_kv});
  }
}

// Attention alone at the UNet's shapes: torch's own SDPA choice per call against each backend.
void attention_table() {
  std::cout << "| attention [B, heads, Nq, d] x Nk | SDPA, torch's choice (us) | cuDNN (us) | flash (us) | "
               "mem-efficient (us) |\n|---|---:|---:|---:|---:|\n";
  const std::vector<std::pair<std::vector<int64_t>, int64_t>> cases = {
      {{2, 8, 4096, 40}, 4096}, {{2, 8, 4096, 40}, 77}, {{2, 8, 1024, 80}, 1024},
      {{2, 8, 1024, 80}, 77},   {{2, 8, 256, 160}, 256}, {{2, 8, 256, 160}, 77}};
  for (const auto& [shape, nk] : cases) {
    const auto q = rnd(shape);
    const auto k = rnd({shape[0], shape[1], nk, shape[3]}), v = rnd({shape[0], shape[1], nk, shape[3]});
    const auto only = [&](runtime::AttentionBackend backend) {
      const models::ScopedAttentionConfig scope({.backend = backend});
      try {
        return graph_us([&] {
          // dispatch_attention takes [B, N, heads * d]
          const auto flat = [](const torch::Tensor& t) {
            return t.transpose(1, 2).reshape({t.size(0), t.size(2), -1});
          };
          (void)models::dispatch_attention(flat(q), flat(k), flat(v), {.heads = shape[1]});
        });
      } catch (const std::exception&) {
        return -1.0;
      }
    };
    const double torch_choice = [&] {
      const kernels::ScopedKernelFusion off(runtime::KernelFusion::kOff);
      return only(runtime::AttentionBackend::kAuto);
    }();
    std::printf("| %s x %ld | %.1f | %.1f | %.1f | %.1f |\n", dims(shape).c_str(), static_cast<long>(nk), torch_choice,
                only(runtime::AttentionBackend::kCudnn), only(runtime::AttentionBackend::kFlash),
                only(runtime::AttentionBackend::kMemoryEfficient));
  }
  std::cout << "\n(the attention tables include the [B, N, heads*d] transposes both ways, as the model pays them)\n\n";
}

std::unique_ptr<pipelines::ModelBundle> load_fp16(const KernelBenchOptions& o) {
  runtime::RuntimeOptions r;
  r.dtype = torch::kHalf;
  return pipelines::load_model_bundle(o.model, torch::Device(o.device), r);
}

// A CFG-batch-2 record of random inputs shaped as the UNet's config asks (context width, and
// SDXL's pooled embeddings and six time ids).
models::Conditioning random_conditioning(const models::UNet2DConditionConfig& c) {
  models::Conditioning record{.context = rnd({2, 77, c.context_width()})};
  if (c.addition_embed_type == models::AdditionEmbedType::TextTime) {
    const int64_t ids = 6, pooled = *c.projection_class_embeddings_input_dim - ids * *c.addition_time_embed_dim;
    record.pooled = rnd({2, pooled});
    record.time_ids = torch::tensor({1024., 1024., 0., 0., 1024., 1024.}).repeat({2, 1}).to(record.context.options());
  }
  return record;
}

// The latent edge the model's own size gives (64 for SD 1.5, 128 for SDXL).
int64_t latent_edge(const pipelines::ModelBundle& m) { return m.default_size() / m.vae_scale_factor(); }

// One eager channels-last UNet call for the profiler, after two unprofiled ones.
void profile_call(const KernelBenchOptions& o) {
  auto model = load_fp16(o);
  pipelines::set_channels_last(*model, true);
  const kernels::ScopedKernelFusion scope(o.profile == "aten" ? runtime::KernelFusion::kOff
                                                                : runtime::KernelFusion::kAuto);
  const torch::Device device(o.device);
  const auto edge = latent_edge(*model);
  const auto x = rnd({2, model->unet->config().in_channels, edge, edge}).contiguous(at::MemoryFormat::ChannelsLast);
  const auto t = torch::full({2}, 981, torch::dtype(torch::kLong).device(device));
  const auto record = random_conditioning(model->unet->config());
  for (int i = 0; i < 2; ++i) model->unet->forward(x, t, record);
  torch::cuda::synchronize();
  cudaProfilerStart();
  model->unet->forward(x, t, record);
  torch::cuda::synchronize();
  cudaProfilerStop();
  std::cout << "profiled one " << o.profile << " UNet call\n";
}

// The UNet call at CFG batch 2 on 64x64 latents, replayed from a graph as a graphed step runs it.
void unet_table(const KernelBenchOptions& o) {
  const torch::Device device(o.device);
  auto model = load_fp16(o);
  const auto edge = latent_edge(*model);
  std::cout << "| UNet call, batch 2, " << edge << "x" << edge << " latents, fp16 | ms per call | calls/s |\n|---|---:|---:|\n";
  const auto in_channels = model->unet->config().in_channels;
  const auto record = random_conditioning(model->unet->config());
  for (const bool channels_last : {false, true}) {
    pipelines::set_channels_last(*model, channels_last);
    for (const auto fusion : {runtime::KernelFusion::kOff, runtime::KernelFusion::kAuto}) {
      const kernels::ScopedKernelFusion scope(fusion);
      auto x = rnd({2, in_channels, edge, edge});
      if (channels_last) x = x.contiguous(at::MemoryFormat::ChannelsLast);
      const auto t = torch::full({2}, 981, torch::dtype(torch::kLong).device(device));
      std::vector<torch::Tensor> inputs{x, t};
      for (const auto& r : record.tensors()) inputs.push_back(r);
      runtime::GraphedFunction graph;
      const auto unet = [&](const std::vector<torch::Tensor>& a) {
        return model->unet->forward(a[0], a[1], record.with_tensors(a, 2));
      };
      for (int i = 0; i < 3; ++i) graph(inputs, unet, "bench");
      std::vector<double> ms;
      for (int i = 0; i < o.calls; ++i) {
        at::cuda::CUDAEvent start(cudaEventDefault), stop(cudaEventDefault);
        start.record();
        graph(inputs, unet, "bench");
        stop.record();
        stop.synchronize();
        ms.push_back(start.elapsed_time(stop));
      }
      const auto m = median(ms);
      std::printf("| %s, %s | %.2f | %.0f |\n", fusion == runtime::KernelFusion::kOff ? "ATen ops" : "fused kernels",
                  channels_last ? "channels-last" : "NCHW", m, 1000.0 / m);
    }
  }
  std::cout << "\n";
}
#endif

}  // namespace

int run_kernel_bench(const KernelBenchOptions& o) {
#if GESSO_CUDA
  if (!runtime::cuda_available()) {
    std::cerr << "gesso-bench kernels: no CUDA device\n";
    return 1;
  }
  c10::InferenceMode inference;
  torch::manual_seed(3);
  if (!o.profile.empty()) {
    profile_call(o);
    return 0;
  }
  std::cout << "Device: " << runtime::device_name(torch::Device(o.device)) << "\n\n";
  if (o.group_norm_only) {
    group_norm_table();
    return 0;
  }
  if (!o.unet_only) {
    std::vector<OpRow> rows;
    group_norm_rows(rows);
    upsample_rows(rows);
    geglu_rows(rows);
    layer_norm_rows(rows);
    projection_rows(rows);
    print_ops(rows);
    group_norm_table();
    attention_table();
  }
  if (!o.model.empty()) unet_table(o);
  return 0;
#else
  (void)o;
  std::cerr << "gesso-bench kernels: this build has no CUDA kernels\n";
  return 1;
#endif
}

}  // namespace gesso::app
