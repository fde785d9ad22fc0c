#include "engine/pipelines/pipeline_common.h"

#include <chrono>
#include <map>
#include <mutex>

#include "engine/error.h"
#include "engine/kernels/latent_preview.h"
#include "engine/runtime/module_offload.h"
#include "engine/runtime/vram.h"

#if GESSO_CUDA
#include <ATen/cuda/CUDAEvent.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

namespace gesso::pipelines {

torch::Tensor randn_tensor(c10::IntArrayRef shape, const BatchGenerator& generator, const torch::Device& device,
                           torch::ScalarType dtype) {
  return generator.randn(shape, torch::TensorOptions().dtype(dtype)).to(device);
}

models::VaeTiling vae_mode(const runtime::RuntimeOptions& options, const ModelBundle& model) {
  return {.tiling = options.vae_tiling, .slicing = options.vae_slicing,
          .max_tile = is_sdxl(model.family) ? kSdxlVaeTile : 0};
}

torch::Tensor encode_image_latents(ModelBundle& model, const torch::Tensor& image, const BatchGenerator& gen,
                                   const models::VaeTiling& how, int64_t images) {
  const runtime::ComponentInUse in_use(model.offloads.find("vae"));
  auto dist = models::vae_encode(*model.vae, image.to(model.device(), model.vae_dtype), how);
  const bool one_draw = gen.size() <= 1;  // one generator: one sample, repeated (torch.cat)
  if (images > 1 && !one_draw) dist = dist.repeated(images);
  auto latents = (dist.sample(gen) * model.vae->config().scaling_factor).to(model.dtype());
  if (one_draw) latents = torch::cat(std::vector<torch::Tensor>(images, latents));
  return latents;
}

torch::Tensor latent_noise(RunContext& ctx) {
  const int f = ctx.model.vae_scale_factor();
  return randn_tensor({ctx.request.num_images, ctx.model.vae->config().latent_channels, ctx.height / f, ctx.width / f},
                      ctx.generator, ctx.model.device(), ctx.model.dtype());
}

int begin_index_for_strength(int steps, double strength, int order) {
  const int init_timestep = std::min(static_cast<int>(steps * strength), steps);
  const int t_start = std::max(steps - init_timestep, 0);
  return t_start * order;
}

torch::Tensor image_tensor_at(const Image& image, int width, int height) {
  if (image.width == width && image.height == height) return io::image_to_tensor(image);
  return io::image_to_tensor(io::resize(io::to_rgb(image), width, height, io::Interp::kLanczos));
}

namespace {

// Every ControlNet's residuals, summed (diffusers' MultiControlNetModel). `a` holds each control's
// embedding and scales from `k` on. A conditional-only control runs on the conditional half and
// leaves the unconditional half's residuals zero.
models::UNetResiduals control_residuals(const DenoiseInputs& in, const models::Conditioning& record,
                                        const torch::Tensor& x, const torch::Tensor& t,
                                        const std::vector<torch::Tensor>& a, std::size_t k);

#if GESSO_CUDA
// One side stream per device for every run: cuBLAS keeps a workspace for each stream it has run
// on, so a new pool stream per step (32 in turn) held about 1 GiB of workspaces (an H100, lease 2).
c10::cuda::CUDAStream control_stream(c10::DeviceIndex index) {
  static std::mutex mutex;
  static std::map<c10::DeviceIndex, c10::cuda::CUDAStream> streams;
  const std::lock_guard lock(mutex);
  auto it = streams.find(index);
  if (it == streams.end()) it = streams.emplace(index, c10::cuda::getStreamFromPool(false, index)).first;
  return it->second;
}
#endif

// The ControlNets on a second CUDA stream, beside the UNet's down path: the UNet adds their
// residuals only after it, so the two overlap (in a CUDA graph, as a fork and a join). The UNet
// waits for them through UNetResiduals::ready.
models::UNetResiduals overlapped_control_residuals(const DenoiseInputs& in, const models::Conditioning& record,
                                                   const torch::Tensor& x, const torch::Tensor& t,
                                                   const std::vector<torch::Tensor>& a, std::size_t k) {
#if GESSO_CUDA
  const auto index = x.device().index();
  const auto main = c10::cuda::getCurrentCUDAStream(index);
  const auto side = control_stream(index);
  at::cuda::CUDAEvent fork;
  fork.record(main);
  fork.block(side);
  models::UNetResiduals r;
  {
    const c10::cuda::CUDAStreamGuard guard(side);
    r = control_residuals(in, record, x, t, a, k);
  }
  auto join = std::make_shared<at::cuda::CUDAEvent>();
  join->record(side);
  // Made on the side stream, read on the main one: not reused before the main stream is done.
  for (auto& d : r.down) d.record_stream(main);
  r.mid.record_stream(main);
  r.ready = [join, main] { join->block(main); };
  return r;
#else
  return control_residuals(in, record, x, t, a, k);
#endif
}

// The UNet call (with its ControlNets) as a pure function of flat tensors: x, t, the record's
// tensors, the inpainting UNet's extra channels, then each control's embedding and scales; a CUDA
// graph captures and replays it whole. `layout` is the record the flat tensors refill.
torch::Tensor unet_call(ModelBundle& model, const DenoiseInputs& in, const models::Conditioning& layout,
                        std::size_t record_size, const std::vector<torch::Tensor>& a) {
  auto record = layout.with_tensors(a, 2);
  std::size_t k = 2 + record_size;
  auto x = a[0];
  const auto condition = in.unet_condition.defined() ? a[k++] : torch::Tensor();
  if (!in.controls.empty()) {
    const auto x_control = model.channels_last ? x.contiguous(at::MemoryFormat::ChannelsLast) : x;
    record.control = x.is_cuda() ? overlapped_control_residuals(in, record, x_control, a[1], a, k)
                                 : control_residuals(in, record, x_control, a[1], a, k);
  }
  if (condition.defined()) x = torch::cat({x, condition}, 1);
  if (model.channels_last) x = x.contiguous(at::MemoryFormat::ChannelsLast);
  return model.unet->forward(x, a[1], record);
}

// The record in force at step i (prompt editing), or the run's one record.
const models::Conditioning& conditioning_at(const DenoiseInputs& in, int i) {
  if (in.schedule.empty()) return in.conditioning;
  const int counter = in.steps_before + i - in.begin_index;
  for (const auto& [end, record] : in.schedule)
    if (counter <= end) return record;
  return in.schedule.back().second;
}

// The record's conditional half (guess mode's ControlNet input).
models::Conditioning conditional_half(const models::Conditioning& c) {
  auto flat = c.tensors();
  for (auto& t : flat) t = t.chunk(2)[1];
  return c.with_tensors(flat);
}

models::UNetResiduals control_residuals(const DenoiseInputs& in, const models::Conditioning& record,
                                        const torch::Tensor& x, const torch::Tensor& t,
                                        const std::vector<torch::Tensor>& a, std::size_t k) {
  models::UNetResiduals sum;
  const auto add = [](torch::Tensor& into, const torch::Tensor& r) { into = into.defined() ? into + r : r; };
  for (const auto& c : in.controls) {
    const auto& embedding = a[k++];
    const auto& scales = a[k++];
    const bool half = c.conditional_only && in.guidance;
    auto r = c.model->forward(half ? x.chunk(2)[1] : x, t, half ? conditional_half(record) : record, embedding, scales);
    if (half) {
      for (auto& d : r.down) d = torch::cat({torch::zeros_like(d), d});
      r.mid = torch::cat({torch::zeros_like(r.mid), r.mid});
    }
    sum.down.resize(r.down.size());
    for (std::size_t j = 0; j < r.down.size(); ++j) add(sum.down[j], r.down[j]);
    add(sum.mid, r.mid);
  }
  return sum;
}

torch::Tensor predict_noise(ModelBundle& model, schedulers::Scheduler& scheduler, const DenoiseInputs& in,
                            const torch::Tensor& latents, const torch::Tensor& t, int i) {
  auto x = in.guidance ? torch::cat({latents, latents}) : latents;
  x = scheduler.scale_model_input(x, i);
  const auto& layout = conditioning_at(in, i);
  std::vector<torch::Tensor> args{x, t};
  const auto flat = layout.tensors();
  args.insert(args.end(), flat.begin(), flat.end());
  if (in.unet_condition.defined()) args.push_back(in.unet_condition);
  std::string key = in.graph_key + "|" + layout.layout() + "|w" + std::to_string(model.weights_version);
  for (const auto& c : in.controls) {
    args.push_back(c.embedding);
    args.push_back(c.scales[i - in.begin_index]);
    key += "|" + c.key + (c.conditional_only ? "/cond" : "");
  }
  const auto unet = [&](const std::vector<torch::Tensor>& a) { return unet_call(model, in, layout, flat.size(), a); };
  auto noise = in.graph ? (*in.graph)(args, unet, key) : unet(args);
  for (const auto& fix : in.colour_fixes)
    if (fix.active.at(static_cast<std::size_t>(i - in.begin_index)))
      noise = apply_tile_colour_fix(fix, noise, x, scheduler.timesteps()[i].item<double>(), in.guidance);
  torch::Tensor variance;
  if (noise.size(1) > latents.size(1)) {
    const auto parts = noise.split(latents.size(1), 1);
    noise = parts[0], variance = parts[1];
  }
  if (in.guidance) {
    const auto chunks = noise.chunk(2);
    noise = chunks[0] + in.guidance_scale * (chunks[1] - chunks[0]);
    if (variance.defined()) variance = variance.chunk(2)[1];
  }
  return variance.defined() && in.learned_variance ? torch::cat({noise, variance}, 1) : noise;
}

torch::Tensor blend(const schedulers::Scheduler& scheduler, const DenoiseInputs& in, const torch::Tensor& latents,
                    int i, int last) {
  auto proper = in.blend_image_latents;
  if (i < last) proper = scheduler.add_noise(proper, in.blend_noise, i + 1);
  return (1 - in.blend_mask) * proper + in.blend_mask * latents;
}

StepEvent make_event(ModelBundle& model, const Observer& observer, const torch::Tensor& latents, int done,
                     int total, double elapsed, int before) {
  StepEvent e;
  e.step = before + done;
  e.total = total;
  e.elapsed_s = elapsed;
  e.it_per_s = elapsed > 0 ? done / elapsed : 0;
  e.vram = runtime::vram_stats(model.device());
  const int every = observer.preview_every();
  const bool pixels = latents.size(1) == 3;  // DeepFloyd IF denoises the image itself, in [-1, 1]
  if (every > 0 && (e.step % every == 0 || e.step == total) && (latents.size(1) == 4 || pixels)) {
    const auto factors = pixels ? torch::eye(3) : kernels::sd_latent_rgb_factors();
    const auto rgb = kernels::latent_to_rgb(latents.slice(0, 0, 1), factors, torch::zeros({3})).cpu();
    Image preview{static_cast<int>(rgb.size(2)), static_cast<int>(rgb.size(1)), 3, {}};
    preview.pixels.assign(rgb.data_ptr<uint8_t>(), rgb.data_ptr<uint8_t>() + rgb.numel());
    e.preview = std::move(preview);
  }
  return e;
}

}  // namespace

torch::Tensor denoise(ModelBundle& model, schedulers::Scheduler& scheduler, const DenoiseInputs& in,
                      const BatchGenerator& generator, Observer& observer) {
  const auto timesteps = scheduler.timesteps();
  // On the device once: a per-step host-to-device copy would synchronise with the GPU every step.
  const auto device_timesteps = timesteps.to(model.device());
  const runtime::ComponentInUse in_use(model.offloads.find("unet"));
  const int end = in.end_index < 0 ? static_cast<int>(timesteps.size(0)) : in.end_index;
  const int last = end - 1;
  const int steps = end - in.begin_index;
  const int total = std::max(in.steps_total, in.steps_before + steps);
  auto latents = in.latents;
  const auto start = std::chrono::steady_clock::now();
  for (int i = in.begin_index; i <= last; ++i) {
    if (observer.should_cancel()) throw CancelledError();
    const auto noise = predict_noise(model, scheduler, in, latents, device_timesteps[i], i);
    latents = scheduler.step(noise, i, latents, generator);
    if (in.blend_mask.defined()) latents = blend(scheduler, in, latents, i, last);
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    observer.on_step(make_event(model, observer, latents, i + 1 - in.begin_index, total, elapsed, in.steps_before));
  }
  return latents;
}

}  // namespace gesso::pipelines
