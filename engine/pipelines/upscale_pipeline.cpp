#include "engine/pipelines/upscale_pipeline.h"

#include <c10/core/InferenceMode.h>
#include <torch/torch.h>

#include <chrono>

#include "engine/error.h"
#include "engine/pipelines/run_scope.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/pipelines/upscale_tiles.h"
#include "engine/runtime/vram.h"

namespace gesso::pipelines {
namespace {

void validate(const UpscaleRequest& r) {
  if (r.model_dir.empty()) throw RequestError("model", "no x4 upscaler given");
  if (r.image.width < 1 || r.image.height < 1 || r.image.pixels.empty())
    throw RequestError("image", "there is no image to upscale");
  if (r.tile < 0 || (r.tile > 0 && r.tile <= r.tile_overlap))
    throw RequestError("tile", "must be larger than the overlap (" + std::to_string(r.tile_overlap) + "), or 0");
  if (r.tile_overlap < 0) throw RequestError("tile_overlap", "must not be negative");
}

models::Conditioning prompt_record(ModelBundle& model, const UpscaleRequest& r) {
  const PromptInput input{.prompt = r.prompt,
                          .negative = r.negative_prompt,
                          .guidance = r.settings.guidance_scale > 1.0,
                          .plain = r.plain_prompts};
  return model.conditioner->encode(input, model.dtype(), model.offloads).to(model.dtype());
}

// Cancel and progress across tiles: each tile's steps count toward the whole run's.
class TileObserver : public Observer {
 public:
  explicit TileObserver(Observer& outer) : outer_(outer) {}
  void on_stage(const std::string& name) override { outer_.on_stage(name); }
  void on_note(const std::string& text) override { outer_.on_note(text); }
  void on_step(const StepEvent& e) override { outer_.on_step(e); }
  bool should_cancel() const override { return outer_.should_cancel(); }
  int preview_every() const override { return 0; }  // latents of one tile mean little

 private:
  Observer& outer_;
};

}  // namespace

int x4_tile_count(int64_t height, int64_t width, int tile, int overlap) {
  const auto side = tile > 0 ? tile : std::max(height, width);
  return static_cast<int>(plan_tiles(height, width, side, tile > 0 ? overlap : 0).count());
}

torch::Tensor x4_upscale_tiled(ModelBundle& model, const models::Conditioning& record, const torch::Tensor& low,
                               const X4Settings& settings, int tile, int overlap, const BatchGenerator& generator,
                               DenoiseInputs loop, Observer& observer) {
  const auto side = tile > 0 ? tile : std::max(low.size(2), low.size(3));
  const auto grid = plan_tiles(low.size(2), low.size(3), side, tile > 0 ? overlap : 0);
  TileObserver tiles(observer);
  observer.on_stage(grid.count() > 1 ? "upscale " + std::to_string(grid.count()) + " tiles" : "upscale");
  const auto each = [&](const torch::Tensor& part, const TileRect&) {
    auto out = x4_upscale(model, record, part, settings, generator, tiles, loop);
    loop.steps_before += settings.steps;
    return out;
  };
  return upscale_tiled(low, 4, grid, each, [&] { return observer.should_cancel(); });
}

io::GenerationParameters upscale_parameters(const UpscaleRequest& r, const ModelBundle& model, const Image& output,
                                            int tiles) {
  io::GenerationParameters p;
  p.prompt = r.prompt;
  p.negative_prompt = r.negative_prompt;
  p.steps = r.settings.steps;
  p.sampler = schedulers::sampler_display_name(
      r.settings.sampler.empty() ? schedulers::default_sampler(model.scheduler_config) : r.settings.sampler,
      model.scheduler_config);
  p.cfg_scale = r.settings.guidance_scale;
  p.seed = r.seed;
  p.width = output.width;
  p.height = output.height;
  p.model = model.name();
  p.extra["Noise level"] = std::to_string(r.settings.noise_level);
  p.extra["Upscaler"] = "SD x4";
  if (tiles > 1) p.extra["Upscale tiles"] = std::to_string(tiles);
  return p;
}

UpscaleResult UpscalePipeline::upscale(const UpscaleRequest& r, ModelBundle& model, bool graphs,
                                       const std::string& graph_key, Observer& observer) {
  check_x4_settings(model, r.settings, "");
  observer.on_stage("encode prompt");
  const auto record = prompt_record(model, r);
  const BatchGenerator generator(make_generator(r.seed, r.runtime.generator_device));
  const auto low = io::image_to_tensor(io::to_rgb(r.image));  // [1, 3, h, w] in [-1, 1]
  const int tiles = x4_tile_count(low.size(2), low.size(3), r.tile, r.tile_overlap);
  DenoiseInputs loop;
  loop.graph = graphs ? &slot_.graph : nullptr;
  loop.graph_key = graph_key;
  loop.steps_total = tiles * r.settings.steps;
  const auto image = x4_upscale_tiled(model, record, low, r.settings, r.tile, r.tile_overlap, generator, loop, observer);
  UpscaleResult result;
  result.image = io::tensor_to_image(image.cpu());
  result.tiles = tiles;
  result.parameters = upscale_parameters(r, model, result.image, result.tiles);
  return result;
}

UpscaleResult UpscalePipeline::run(const UpscaleRequest& r, Observer& observer) {
  validate(r);
  const auto start = std::chrono::steady_clock::now();
  const auto device = resolve_device(r.runtime.device);
  const RunScope scope(r.runtime, device);
  try {
    std::vector<std::string> notes;
    auto& model = slot_.ensure(ModelSpec{.path = r.model_dir}, device, r.runtime, "upscaler", observer, notes);
    require_family(model, ModelFamily::kSDUpscale, "model");
    c10::InferenceMode inference;
    auto result = upscale(r, model, scope.cuda_graphs(), scope.graph_key(), observer);
    result.notes.insert(result.notes.begin(), notes.begin(), notes.end());
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (r.runtime.release_memory) {
      slot_.graph.reset();
      runtime::release_cached_memory();
    }
    return result;
  } catch (const c10::OutOfMemoryError&) {
    slot_.graph.reset();
    runtime::release_cached_memory();
    throw OutOfMemoryError("the x4 upscale ran out of device memory at tiles of " + std::to_string(r.tile) +
                           " px: use smaller tiles (--tile 64), fp16, or model CPU offload");
  } catch (const c10::Error& e) {
    throw Error(std::string("upscale failed: ") + e.what_without_backtrace());
  }
}

}  // namespace gesso::pipelines
