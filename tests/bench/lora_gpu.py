"""LoRA on the GPU (issue 15), on the full-size random SD 1.5 folder (diffusers_anchor.py build15):
a kohya LoRA written for it (rank 32, alpha 16, fp16: every attention projection, proj_in/proj_out,
the feed-forward layers, the resnets' convolutions as LoCon, and every text-encoder layer), then
- `gesso-bench lora`: the first apply, a switch (originals back, the LoRA at another weight) and its
  removal, synchronised, with the originals on the GPU and in pinned host memory; then the LoRA
  switched between runs with CUDA graphs and with model offload, against eager runs;
- `gesso-bench run` with and without "<lora:...:0.8>" (default and Max speed): it/s merged and not,
  and Max speed's image against default's (the CUDA graph recaptured, the fused kernels' caches
  refreshed);
- PSNR of Gesso's image with the LoRA against diffusers' with the same LoRA merged into its weights by
  the formula test_lora proves equal to diffusers' own fuse_lora (peft is not on this machine).

Usage (on the GPU machine): python3 tests/bench/lora_gpu.py OUTDIR path/to/gesso-bench"""

import json, os, subprocess, sys
import numpy as np
import torch
from PIL import Image
from safetensors.torch import load_file, save_file
from gpu_report import Report, psnr

OUT, BENCH = sys.argv[1], sys.argv[2]
FOLDER, LORAS = "/tmp/models/sd15-random", "/tmp/loras"
NAME, RANK, ALPHA, WEIGHT = "sd15_random_locon", 32, 16.0, 0.8
PROMPT, SEED, CFG, STEPS = "a photo of an astronaut riding a horse on mars", 1234, 7.5, 20
UNET_LAYERS = ("to_q", "to_k", "to_v", "to_out.0", "proj_in", "proj_out", "ff.net.0.proj", "ff.net.2", "conv1",
               "conv2", "time_emb_proj")
TE_LAYERS = ("q_proj", "k_proj", "v_proj", "out_proj", "fc1", "fc2")
os.makedirs(OUT, exist_ok=True)
os.makedirs(LORAS, exist_ok=True)
report = Report(OUT, "lora_gpu.json", gpu=torch.cuda.get_device_name(0))


def targets():
    """(kohya name, component, weight key, shape) of every module the LoRA patches."""
    out = []
    for component, prefix, file, layers in (("unet", "lora_unet_", "unet/diffusion_pytorch_model.safetensors", UNET_LAYERS),
                                            ("text_encoder", "lora_te_", "text_encoder/model.safetensors", TE_LAYERS)):
        for key, t in load_file(os.path.join(FOLDER, file)).items():
            module = key[:-len(".weight")]
            if key.endswith(".weight") and any(module.endswith("." + l) for l in layers) and t.dim() in (2, 4):
                # kohya names the text encoder's modules with transformers 4's "text_model." level.
                named = module if component == "unet" else "text_model." + module.removeprefix("text_model.")
                out.append((prefix + named.replace(".", "_"), component, key, tuple(t.shape)))
    return out


def write_lora():
    g = torch.Generator().manual_seed(7)
    tensors = {}
    for name, _, _, shape in targets():
        down_shape = (RANK, shape[1]) + tuple(shape[2:])
        up_shape = (shape[0], RANK) + ((1, 1) if len(shape) == 4 else ())
        tensors[name + ".lora_down.weight"] = (torch.randn(down_shape, generator=g) * 0.1).half()
        tensors[name + ".lora_up.weight"] = (torch.randn(up_shape, generator=g) * 0.01).half()
        tensors[name + ".alpha"] = torch.tensor(ALPHA).half()
    path = os.path.join(LORAS, NAME + ".safetensors")
    save_file(tensors, path)
    report("lora file", {"modules": len(tensors) // 3, "bytes": os.path.getsize(path)})
    return path, tensors


def bench(args):
    out = subprocess.run([BENCH] + args, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(" ".join(args) + "\n" + out.stderr[-3000:])
    return [l for l in out.stdout.splitlines() if l.startswith("| ")]


def gesso_rows(prompt, tag):
    d = os.path.join(OUT, f"gesso_{tag}")
    os.makedirs(d, exist_ok=True)
    rows = bench(["run", "-m", FOLDER, "--dtype", "fp16", "--steps", str(STEPS), "--short-steps", "5", "--repeats", "2",
                  "--sampler", "PNDM", "--prompt", prompt, "--lora-dir", LORAS,
                  "--toggles", "default,channels-last+cuda-graphs", "--save-images", d])
    report(f"gesso-bench run ({tag})", rows)
    return load_file(os.path.join(d, "row0.safetensors"))["image"].numpy()


def diffusers_image(tensors):
    from diffusers import StableDiffusionPipeline
    pipe = StableDiffusionPipeline.from_pretrained(FOLDER, torch_dtype=torch.float16, safety_checker=None,
                                                   requires_safety_checker=False).to("cuda")
    params = {c: dict(m.named_parameters()) for c, m in (("unet", pipe.unet), ("text_encoder", pipe.text_encoder))}
    with torch.no_grad():
        for name, component, key, _ in targets():
            p = params[component]
            # transformers 5 names CLIPTextModel's parameters without their "text_model." level.
            w = p.get(key) if key in p else p[key.removeprefix("text_model.")]
            up = tensors[name + ".lora_up.weight"].to("cuda", torch.float32)
            down = tensors[name + ".lora_down.weight"].to("cuda", torch.float32)
            delta = (up.flatten(1) @ down.flatten(1)).reshape(w.shape) * (ALPHA / RANK) * WEIGHT
            w.copy_((w.float() + delta).to(w.dtype))
    pipe.set_progress_bar_config(disable=True)
    g = torch.Generator("cpu").manual_seed(SEED)
    img = np.array(pipe(PROMPT, num_inference_steps=STEPS, guidance_scale=CFG, generator=g).images[0])
    Image.fromarray(img).save(os.path.join(OUT, "diffusers_lora.png"))
    return img


def main():
    path, tensors = write_lora()
    report("gesso-bench lora", bench(["lora", "-m", FOLDER, "--lora", path, "--dtype", "fp16", "--repeats", "10",
                                      "--switch-check"]))
    report("gesso-bench lora --host-originals",
           bench(["lora", "-m", FOLDER, "--lora", path, "--dtype", "fp16", "--repeats", "10", "--host-originals"]))
    plain = gesso_rows(PROMPT, "plain")
    merged = gesso_rows(f"<lora:{NAME}:{WEIGHT}> {PROMPT}", "lora")
    Image.fromarray(merged).save(os.path.join(OUT, "gesso_lora.png"))
    report("psnr LoRA vs no LoRA (must be low: the LoRA changes the image)", round(psnr(plain, merged), 2))
    report("psnr gesso vs diffusers, LoRA merged", round(psnr(merged, diffusers_image(tensors)), 2))


main()
