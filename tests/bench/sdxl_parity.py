"""GPU side-by-side for SDXL: Gesso (gesso-cli) and diffusers on the same full-size random SDXL
base and refiner folders (diffusers_anchor.py buildxl), same prompt, seed, sampler (the folders'
Euler), guidance 5, 1024², 30 steps, fp16, CPU generator: the base alone and base + refiner
(switch 0.8). Prints the PSNR of each Gesso image against diffusers'.

Usage (on the GPU machine): python3 tests/bench/sdxl_parity.py OUTDIR path/to/gesso-cli"""
import json, os, subprocess, sys
import numpy as np
import torch
from PIL import Image

OUT, CLI = sys.argv[1], sys.argv[2]
BASE, REFINER = "/tmp/models/sdxl-random", "/tmp/models/sdxl-refiner-random"
PROMPT, NEG, SEED, STEPS, CFG, SWITCH = "a photo of an astronaut riding a horse on mars", "blurry, low quality", 1234, 30, 5.0, 0.8
os.makedirs(OUT, exist_ok=True)


def psnr(a, b):
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return float("inf") if mse == 0 else 10 * np.log10(255.0 ** 2 / mse)


def diffusers_images():
    from diffusers import StableDiffusionXLImg2ImgPipeline, StableDiffusionXLPipeline
    base = StableDiffusionXLPipeline.from_pretrained(BASE, torch_dtype=torch.float16).to("cuda")
    refiner = StableDiffusionXLImg2ImgPipeline.from_pretrained(
        REFINER, text_encoder_2=base.text_encoder_2, vae=base.vae, torch_dtype=torch.float16).to("cuda")
    for p in (base, refiner):
        p.set_progress_bar_config(disable=True)
    kw = dict(prompt=PROMPT, negative_prompt=NEG, num_inference_steps=STEPS, guidance_scale=CFG, height=1024, width=1024)
    g = torch.Generator("cpu").manual_seed(SEED)
    base(generator=g, **kw).images[0].save(os.path.join(OUT, "diffusers_base.png"))
    g = torch.Generator("cpu").manual_seed(SEED)
    latents = base(generator=g, denoising_end=SWITCH, output_type="latent", **kw).images
    kw.pop("height"), kw.pop("width")
    refiner(generator=g, image=latents, denoising_start=SWITCH, **kw).images[0].save(os.path.join(OUT, "diffusers_refined.png"))
    del base, refiner
    torch.cuda.empty_cache()


def gesso(name, *extra):
    path = os.path.join(OUT, f"gesso_{name}.png")
    cmd = [CLI, "generate", "-m", BASE, "-p", PROMPT, "-n", NEG, "-s", str(SEED), "--steps", str(STEPS), "--cfg", str(CFG),
           "-W", "1024", "-H", "1024", "--dtype", "fp16", "--device", "cuda", "-q", "-o", path, "--overwrite", *extra]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(" ".join(cmd) + "\n" + out.stderr)
    return np.array(Image.open(path).convert("RGB"))


def main():
    diffusers_images()
    ref = {k: np.array(Image.open(os.path.join(OUT, f"diffusers_{k}.png")).convert("RGB")) for k in ("base", "refined")}
    refine = ["--refiner", REFINER, "--refiner-switch", str(SWITCH)]
    fast = ["--channels-last", "--cuda-graphs"]
    results = {"gpu": torch.cuda.get_device_name(0)}
    for name, extra, against in (("base", [], "base"), ("base_fast", fast, "base"), ("refined", refine, "refined"),
                                 ("refined_fast", refine + fast, "refined"), ("base_unfused", ["--kernels", "off"], "base")):
        results[name] = round(psnr(gesso(name, *extra), ref[against]), 2)
        print(json.dumps({name: results[name]}), flush=True)
    json.dump(results, open(os.path.join(OUT, "sdxl_parity.json"), "w"), indent=1)


main()
