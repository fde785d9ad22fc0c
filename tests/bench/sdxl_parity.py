"""GPU side-by-side for SDXL: Gesso (gesso-bench run --save-images) and diffusers on the same
full-size random SDXL base and refiner folders (diffusers_anchor.py buildxl), same prompt, seed
1234 (CPU generator), no negative prompt (force_zeros_for_empty_prompt), guidance 7.5, the folders'
Euler, 1024², 30 steps, fp16: the base alone and base + refiner (switch 0.8). Prints the PSNR of
each Gesso configuration's image against diffusers'.

Usage (on the GPU machine): python3 tests/bench/sdxl_parity.py OUTDIR path/to/gesso-bench"""
import json, os, subprocess, sys
import numpy as np
import torch
from PIL import Image
from safetensors.torch import load_file
from gpu_report import psnr

OUT, BENCH = sys.argv[1], sys.argv[2]
BASE, REFINER = "/tmp/models/sdxl-random", "/tmp/models/sdxl-refiner-random"
PROMPT, SEED, STEPS, CFG, SWITCH = "a photo of an astronaut riding a horse on mars", 1234, 30, 7.5, 0.8
os.makedirs(OUT, exist_ok=True)


def diffusers_images():
    from diffusers import StableDiffusionXLImg2ImgPipeline, StableDiffusionXLPipeline
    base = StableDiffusionXLPipeline.from_pretrained(BASE, torch_dtype=torch.float16).to("cuda")
    refiner = StableDiffusionXLImg2ImgPipeline.from_pretrained(
        REFINER, text_encoder_2=base.text_encoder_2, vae=base.vae, torch_dtype=torch.float16).to("cuda")
    for p in (base, refiner):
        p.set_progress_bar_config(disable=True)
    kw = dict(prompt=PROMPT, num_inference_steps=STEPS, guidance_scale=CFG)
    g = torch.Generator("cpu").manual_seed(SEED)
    out = {"base": np.array(base(generator=g, height=1024, width=1024, **kw).images[0])}
    g = torch.Generator("cpu").manual_seed(SEED)
    latents = base(generator=g, height=1024, width=1024, denoising_end=SWITCH, output_type="latent", **kw).images
    out["refined"] = np.array(refiner(generator=g, image=latents, denoising_start=SWITCH, **kw).images[0])
    for k, v in out.items():
        Image.fromarray(v).save(os.path.join(OUT, f"diffusers_{k}.png"))
    del base, refiner
    torch.cuda.empty_cache()
    return out


def gesso(toggles, *extra):
    d = os.path.join(OUT, "gesso_" + toggles.replace("+", "_").replace("=", "-"))
    os.makedirs(d, exist_ok=True)
    cmd = [BENCH, "run", "-m", BASE, "--size", "1024", "--steps", str(STEPS), "--short-steps", "10", "--repeats", "1",
           "--sampler", "", "--toggles", toggles, "--save-images", d, *extra]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(" ".join(cmd) + "\n" + out.stderr)
    img = load_file(os.path.join(d, "row0.safetensors"))["image"].numpy()
    Image.fromarray(img).save(d + ".png")
    return img


def main():
    ref = diffusers_images()
    refine = ["--refiner", REFINER, "--refiner-switch", str(SWITCH)]
    results = {"gpu": torch.cuda.get_device_name(0)}
    for name, toggles, extra, against in (("base", "default", [], "base"),
                                          ("base, Max speed", "channels-last+cuda-graphs", [], "base"),
                                          ("base, unfused", "kernels=off", [], "base"),
                                          ("base + refiner", "default", refine, "refined"),
                                          ("base + refiner, Max speed", "channels-last+cuda-graphs", refine, "refined")):
        results[name] = round(psnr(gesso(toggles, *extra), ref[against]), 2)
        print(json.dumps({name: results[name]}), flush=True)
    json.dump(results, open(os.path.join(OUT, "sdxl_parity.json"), "w"), indent=1)


main()
