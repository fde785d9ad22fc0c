// gesso-bench: the seeds' benchmark tables on the user's GPU.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "app/bench_runner.h"
#include "app/if_bench.h"
#include "app/kernel_bench.h"
#include "app/load_bench.h"
#include "app/lora_bench.h"
#include "app/oom_check.h"
#include "app/pipeline_bench.h"
#include "app/runtime_flags.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/runtime/device.h"

#include "engine/error.h"
#include "engine/io/safetensors.h"
#include "engine/kernels/self_check.h"
#include "engine/models/fused_model_check.h"
#include "engine/version.h"

namespace {

// Prints a markdown table of kernel-vs-reference checks; returns the process exit code.
int check_kernels() {
  auto checks = gesso::kernels::run_kernel_self_check();
  const auto models = gesso::models::run_fused_model_check();
  checks.insert(checks.end(), models.begin(), models.end());
  if (checks.empty()) {
    std::cout << "No CUDA device: nothing to check (the CPU runs the reference paths).\n";
    return 0;
  }
  bool all = true;
  std::cout << "| kernel | dtype | max abs diff vs reference | tolerance | result |\n"
            << "|---|---|---:|---:|---|\n";
  for (const auto& c : checks) {
    std::printf("| %s | %s | %g | %g | %s |\n", c.kernel.c_str(), c.dtype.c_str(), c.max_abs_diff,
                c.tolerance, c.passed ? "pass" : "FAIL");
    all = all && c.passed;
  }
  return all ? 0 : 1;
}

struct BenchOptions {
  std::string model, refiner, vae, prediction_type, device = "auto", json, save_images, lora_dir;
  std::string controlnet, control_image;  // one ControlNet unit (weight 1, all steps)
  std::string prompt = "a photo of an astronaut riding a horse on mars";
  double refiner_switch = 0.8;
  int steps = 50, short_steps = 10, size = 0, batch = 1, repeats = 2;
  std::vector<std::string> dtypes{"fp16"};
  std::vector<std::string> toggles{"default"};
  std::string sampler = "PNDM";
};

void add_run_options(CLI::App& run, BenchOptions& o) {
  run.add_option("-m,--model", o.model, "Model: a single-file checkpoint or a diffusers folder")->required();
  run.add_option("--vae", o.vae, "A VAE file or folder in place of the model's own");
  run.add_option("--prompt", o.prompt, "The prompt (A1111's syntax: <lora:name:w> takes a LoRA from --lora-dir)");
  run.add_option("--lora-dir", o.lora_dir, "The folder <lora:name:w> names its files in");
  run.add_option("--controlnet", o.controlnet, "A ControlNet (folder or file) on every row, with --control-image");
  run.add_option("--control-image", o.control_image,
                 "The ControlNet's control image: a .safetensors file whose 'image' is uint8 [H, W, 3] (gesso-bench "
                 "links no image codecs, so that it runs where OpenCV's are not installed)");
  run.add_option("--prediction-type", o.prediction_type, "Single files: epsilon | v_prediction");
  run.add_option("--refiner", o.refiner, "SDXL refiner (file or folder), run after the base");
  run.add_option("--refiner-switch", o.refiner_switch, "Fraction of the schedule the base runs (default 0.8)");
  run.add_option("--device", o.device, "auto | cpu | cuda | cuda:N");
  run.add_option("--steps", o.steps, "Steps of the long run (it/s is taken between this and --short-steps)");
  run.add_option("--short-steps", o.short_steps, "Steps of the short run");
  run.add_option("--size", o.size, "Width and height (0: the model's size)");
  run.add_option("--batch", o.batch, "Images per prompt");
  run.add_option("--repeats", o.repeats, "Timed runs per configuration (the best counts)");
  run.add_option("--dtype", o.dtypes, "fp32 | fp16 | bf16, one row each")->delimiter(',');
  run.add_option("--json", o.json, "Also write one JSON line per row to this file");
  run.add_option("--save-images", o.save_images,
                 "Write each row's image to DIR/row<N>.safetensors (\"image\": uint8 [H, W, 3]) for PSNR checks");
  run.add_option("--toggles", o.toggles,
                 "Toggle sets, one row each per dtype: default, tf32, cudnn-benchmark, channels-last, attention=X, "
                 "slicing=X, vae-tiling, vae-slicing, vae-fp32, offload=model|sequential, cuda-graphs; join with +")
      ->delimiter(',');
  run.add_option("--sampler", o.sampler,
                 "Sampler (PNDM: diffusers' SD 1.5 default, as in the anchors; \"\": the model's own, Euler for SDXL)");
}

// An RGB image stored as a safetensors tensor.
gesso::Image control_image_from(const std::string& path) {
  const auto file = gesso::io::SafetensorsFile::open(path);
  const auto t = file.view("image");
  if (t.scalar_type() != torch::kUInt8 || t.dim() != 3 || t.size(2) != 3)
    throw gesso::RequestError("control-image", path + ": 'image' must be uint8 [H, W, 3]");
  gesso::Image image{static_cast<int>(t.size(1)), static_cast<int>(t.size(0)), 3, {}};
  const auto c = t.contiguous();
  image.pixels.assign(c.data_ptr<uint8_t>(), c.data_ptr<uint8_t>() + c.numel());
  return image;
}

int run_bench(const BenchOptions& o) {
  if (o.short_steps < 1 || o.steps <= o.short_steps)
    throw gesso::RequestError("steps", "--steps must be larger than --short-steps (>= 1)");
  std::vector<gesso::app::BenchRow> rows;
  for (const auto& dtype : o.dtypes) {
    const std::size_t reference = rows.size();
    for (const auto& toggles : o.toggles) {
      gesso::pipelines::GenerationRequest r;
      r.model_dir = o.model;
      r.vae = o.vae;
      r.prediction_type = o.prediction_type;
      r.refiner_dir = o.refiner;
      r.refiner_switch = o.refiner_switch;
      r.prompt = o.prompt;
      r.lora_dir = o.lora_dir;
      if (!o.controlnet.empty()) {
        if (o.control_image.empty()) throw gesso::RequestError("control-image", "--controlnet needs --control-image");
        gesso::pipelines::ControlUnit unit;
        unit.model = o.controlnet;
        unit.image = control_image_from(o.control_image);
        r.controlnets.push_back(std::move(unit));
      }
      r.width = r.height = o.size;
      r.num_images = o.batch;
      r.sampler = o.sampler;
      r.seed = 1234;
      r.runtime.device = o.device;
      r.runtime.dtype = gesso::runtime::parse_dtype(dtype);
      gesso::app::apply_toggle_set(r.runtime, toggles);
      const std::string label = gesso::runtime::describe(r.runtime) + (o.refiner.empty() ? "" : ", refiner") +
                                (o.controlnet.empty() ? "" : ", ControlNet") +
                                ", batch " + std::to_string(o.batch) +
                                (o.size ? ", " + std::to_string(o.size) + "px" : "");
      auto row = gesso::app::measure(r, label, o.steps, o.short_steps, o.repeats);
      if (rows.size() > reference) row.psnr_db = gesso::app::psnr(row.image, rows[reference].image);
      std::cerr << "gesso-bench: " << label << ": " << row.it_per_s << " it/s\n";
      rows.push_back(std::move(row));
    }
  }
  const auto device = gesso::runtime::device_name(gesso::pipelines::resolve_device(o.device));
  std::cout << gesso::app::markdown_table(device, rows);
  for (std::size_t i = 0; i < rows.size() && !o.save_images.empty(); ++i) {
    const auto& img = rows[i].image;
    if (img.pixels.empty()) continue;
    const auto pixels = torch::from_blob(const_cast<uint8_t*>(img.pixels.data()), {img.height, img.width, img.channels},
                                         torch::kUInt8);
    gesso::io::save_safetensors(o.save_images + "/row" + std::to_string(i) + ".safetensors", {{"image", pixels.clone()}});
  }
  if (!o.json.empty()) std::ofstream(o.json, std::ios::app) << gesso::app::json_lines(device, rows);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Gesso benchmark: it/s, latency and peak VRAM per optimization toggle", "gesso-bench"};
  bool version = false;
  bool kernels = false;
  app.add_flag("--version", version, "Print Gesso, LibTorch and device versions, then exit");
  app.add_flag("--check-kernels", kernels, "Compare every CUDA kernel with its reference on this GPU");
  BenchOptions bench;
  CLI::App* run = app.add_subcommand("run", "Time generation per configuration: it/s, end-to-end seconds, peak VRAM");
  add_run_options(*run, bench);
  gesso::app::OomCheckOptions oom;
  CLI::App* oom_cmd = app.add_subcommand("oom", "Out of memory on this GPU: reported with advice, and the next run works");
  oom_cmd->add_option("-m,--model", oom.model, "Model: a single-file checkpoint or a diffusers folder")->required();
  oom_cmd->add_option("--device", oom.device, "auto | cuda | cuda:N");
  oom_cmd->add_option("--huge-size", oom.huge_size, "A size that cannot fit");
  oom_cmd->add_option("--budget", oom.budget_gib, "Pretend card size in GiB that the default run does not fit");
  oom_cmd->add_option("--fix", oom.fix, "Toggle set that should fit the pretend card");
  gesso::app::KernelBenchOptions kernel_bench;
  CLI::App* kernels_cmd = app.add_subcommand(
      "kernels", "Time each fused CUDA kernel against the ATen ops it replaces, and the UNet call fused and unfused");
  kernels_cmd->add_option("-m,--model", kernel_bench.model, "Model (file or folder) for the UNet-call rows");
  kernels_cmd->add_option("--device", kernel_bench.device, "cuda | cuda:N");
  kernels_cmd->add_option("--calls", kernel_bench.calls, "Timed UNet calls per configuration");
  kernels_cmd->add_flag("--unet-only", kernel_bench.unet_only, "Only the UNet-call table");
  kernels_cmd->add_flag("--group-norm-only", kernel_bench.group_norm_only,
                        "Only the GroupNorm table (one kernel against two)");
  kernels_cmd->add_option("--profile", kernel_bench.profile,
                          "fused | aten: one eager UNet call between cudaProfilerStart/Stop (for ncu), no tables");
  gesso::app::LoadBenchOptions load_bench;
  CLI::App* load_cmd = app.add_subcommand("load", "Time loading a model to the device (GB/s of its weights as stored)");
  load_cmd->add_option("-m,--model", load_bench.model, "Model: a single-file checkpoint or a diffusers folder")->required();
  load_cmd->add_option("--device", load_bench.device, "auto | cpu | cuda | cuda:N");
  load_cmd->add_option("--dtype", load_bench.dtype, "fp16 | bf16 | fp32");
  load_cmd->add_option("--repeats", load_bench.repeats, "Timed loads after a warm one (the best is printed)");
  gesso::app::LoraBenchOptions lora_bench;
  gesso::app::IFBenchOptions if_bench;
  CLI::App* if_cmd = app.add_subcommand("if", "DeepFloyd IF's stages and the x4 upscaler, each timed on its own");
  if_cmd->add_option("--stage1", if_bench.stage1, "IF stage I folder (also reads the prompt for stage II)");
  if_cmd->add_option("--stage2", if_bench.stage2, "IF stage II folder (timed on a 64x64 input)");
  if_cmd->add_option("--stage3", if_bench.stage3, "x4 upscaler folder (timed on the same 64x64 input)");
  if_cmd->add_option("--device", if_bench.device, "auto | cpu | cuda | cuda:N");
  if_cmd->add_option("--dtype", if_bench.dtype, "fp16 | bf16 | fp32");
  if_cmd->add_option("--prompt", if_bench.prompt, "The prompt (seed 003's: the blue hulk)");
  if_cmd->add_option("--steps", if_bench.steps, "Steps of the long run");
  if_cmd->add_option("--short-steps", if_bench.short_steps, "Steps of the short run");
  if_cmd->add_option("--repeats", if_bench.repeats, "Timed runs per configuration (the best counts)");
  if_cmd->add_option("--toggles", if_bench.toggles, "Toggle sets, as for run")->delimiter(',');
  if_cmd->add_option("--json", if_bench.json, "Also write one JSON line per row to this file");
  if_cmd->add_option("--save-images", if_bench.save_images, "Write each row's image (<stage>_<toggles>.safetensors)");
  CLI::App* lora_cmd = app.add_subcommand("lora", "Time merging a LoRA into a loaded model, switching it and taking it out");
  lora_cmd->add_option("-m,--model", lora_bench.model, "Model: a single-file checkpoint or a diffusers folder")->required();
  lora_cmd->add_option("--lora", lora_bench.lora, "The LoRA file")->required();
  lora_cmd->add_option("--device", lora_bench.device, "auto | cpu | cuda | cuda:N");
  lora_cmd->add_option("--dtype", lora_bench.dtype, "fp16 | bf16 | fp32");
  lora_cmd->add_option("--repeats", lora_bench.repeats, "Switches timed (the median is printed)");
  lora_cmd->add_flag("--host-originals", lora_bench.host_originals,
                     "Keep the weights' originals in pinned host memory (as on a card without room for them)");
  lora_cmd->add_flag("--switch-check", lora_bench.switch_check,
                     "Then switch the LoRA between runs with CUDA graphs and with model offload: PSNR against eager");
  gesso::app::PipelineBenchOptions pipeline_bench;
  CLI::App* pipelines_cmd = app.add_subcommand(
      "pipelines", "Seed 003's pipeline table (SD txt2img, img2img, inpaint, ControlNet, IF, SDXL) at each batch size, "
                   "default and Max speed: one JSON line per cell on stdout (the studio's Help > Benchmark reads it)");
  pipelines_cmd->add_option("--sd", pipeline_bench.sd, "SD 1.x/2.x model (file or folder) for txt2img, img2img, inpaint, ControlNet");
  pipelines_cmd->add_option("--inpaint-model", pipeline_bench.inpaint_model, "An inpainting model for the inpaint row (else --sd)");
  pipelines_cmd->add_option("--controlnet", pipeline_bench.controlnet, "A ControlNet for --sd (its row is skipped without)");
  pipelines_cmd->add_option("--sdxl", pipeline_bench.sdxl, "SDXL base model (file or folder)");
  pipelines_cmd->add_option("--if-stage1", pipeline_bench.if_stage1, "DeepFloyd IF stage I folder");
  pipelines_cmd->add_option("--if-stage2", pipeline_bench.if_stage2, "DeepFloyd IF stage II folder");
  pipelines_cmd->add_option("--if-stage3", pipeline_bench.if_stage3, "x4 upscaler folder (IF's stage III)");
  pipelines_cmd->add_option("--device", pipeline_bench.device, "auto | cpu | cuda | cuda:N");
  pipelines_cmd->add_option("--dtype", pipeline_bench.dtype, "fp16 | bf16 | fp32 (default: fp16 on a GPU, fp32 on the CPU)");
  pipelines_cmd->add_option("--batches", pipeline_bench.batches, "Batch sizes, one column each (default 1,4)")->delimiter(',');
  pipelines_cmd->add_option("--configs", pipeline_bench.configs, "default | max-speed, one column each per batch")
      ->delimiter(',');
  pipelines_cmd->add_option("--steps", pipeline_bench.steps, "Steps of the long run");
  pipelines_cmd->add_option("--short-steps", pipeline_bench.short_steps, "Steps of the short run");
  pipelines_cmd->add_option("--repeats", pipeline_bench.repeats, "Timed runs per cell (the best counts)");
  pipelines_cmd->add_option("--size", pipeline_bench.size, "Width and height (0: each model's own)");
  pipelines_cmd->add_option("--only", pipeline_bench.only, "Only these pipelines, by name (\"SD - txt2img\", \"IF\", ...)")
      ->delimiter(',');
  CLI11_PARSE(app, argc, argv);

  try {
    if (version) {
      std::cout << gesso::version_text("gesso-bench");
      return 0;
    }
    if (kernels) return check_kernels();
    if (run->parsed()) return run_bench(bench);
    if (oom_cmd->parsed()) return gesso::app::run_oom_check(oom);
    if (kernels_cmd->parsed()) return gesso::app::run_kernel_bench(kernel_bench);
    if (load_cmd->parsed()) return gesso::app::run_load_bench(load_bench);
    if (lora_cmd->parsed()) return gesso::app::run_lora_bench(lora_bench);
    if (if_cmd->parsed()) return gesso::app::run_if_bench(if_bench);
    if (pipelines_cmd->parsed()) return gesso::app::run_pipeline_bench(pipeline_bench);
    std::cout << app.help();
    return 0;
  } catch (const gesso::Error& e) {
    std::cerr << "gesso-bench: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {  // LibTorch's own, outside a pipeline run: still no crash
    std::cerr << "gesso-bench: " << e.what() << "\n";
    return 1;
  }
}
