"""ControlNet on the GPU (issue 16), on the full-size random SD 1.5 folder and ControlNet
(diffusers_anchor.py build15 buildcn), with the anchor's control image (a 16 px grid):
- `gesso-bench run` without and with the ControlNet, default and Max speed (channels-last + CUDA
  graphs): it/s and peak VRAM, so the ControlNet's cost is a ratio of the same lease's plain run;
- PSNR of Gesso's ControlNet image against diffusers' StableDiffusionControlNetPipeline (fp16, the
  same seed, prompt, sampler and steps), and against Gesso's image without the ControlNet (low: the
  control changes the image).
diffusers + torch.compile's ControlNet it/s is the anchor's own stage (gpu_bench.sh cnanchor).
With GESSO_BENCH_ALT=<another gesso-bench>, that build's ControlNet rows too (an A/B in one lease).

Usage (on the GPU machine): python3 tests/bench/controlnet_gpu.py OUTDIR path/to/gesso-bench"""

import json, os, subprocess, sys
import numpy as np
import torch
from PIL import Image
from safetensors.torch import load_file, save_file
from gpu_report import Report, psnr

OUT, BENCH = sys.argv[1], sys.argv[2]
FOLDER, CONTROLNET = "/tmp/models/sd15-random", "/tmp/models/controlnet-sd15-random"
CONTROL = os.path.join(OUT, "control_grid.safetensors")  # gesso-bench reads images as tensors
PROMPT, SEED, CFG, STEPS = "a photo of an astronaut riding a horse on mars", 1234, 7.5, 50
os.makedirs(OUT, exist_ok=True)
report = Report(OUT, "controlnet_gpu.json", gpu=torch.cuda.get_device_name(0))


def control_image():
    """The anchor's cn15 image: white lines every 16 px on black, 512x512."""
    edges = np.zeros((512, 512, 3), np.uint8)
    edges[::16, :, :] = 255
    edges[:, ::16, :] = 255
    save_file({"image": torch.from_numpy(edges)}, CONTROL)
    return Image.fromarray(edges)


def gesso_rows(tag, extra, bench=BENCH):
    d = os.path.join(OUT, f"gesso_{tag}")
    os.makedirs(d, exist_ok=True)
    args = [bench, "run", "-m", FOLDER, "--dtype", "fp16", "--steps", str(STEPS), "--short-steps", "10",
            "--repeats", "2", "--sampler", "PNDM", "--prompt", PROMPT, "--toggles",
            "default,channels-last+cuda-graphs", "--save-images", d, "--json", os.path.join(OUT, "rows.jsonl")] + extra
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(" ".join(args) + "\n" + out.stderr[-3000:])
    report(f"gesso-bench run ({tag})", [l for l in out.stdout.splitlines() if l.startswith("| ")])
    return load_file(os.path.join(d, "row0.safetensors"))["image"].numpy()


def diffusers_image(control):
    from diffusers import ControlNetModel, StableDiffusionControlNetPipeline
    cn = ControlNetModel.from_pretrained(CONTROLNET, torch_dtype=torch.float16)
    pipe = StableDiffusionControlNetPipeline.from_pretrained(FOLDER, controlnet=cn, torch_dtype=torch.float16,
                                                             safety_checker=None, requires_safety_checker=False).to("cuda")
    pipe.set_progress_bar_config(disable=True)
    g = torch.Generator("cpu").manual_seed(SEED)
    img = np.array(pipe(PROMPT, image=control, num_inference_steps=STEPS, guidance_scale=CFG, generator=g).images[0])
    Image.fromarray(img).save(os.path.join(OUT, "diffusers_controlnet.png"))
    return img


def main():
    control = control_image()
    plain = gesso_rows("plain", [])
    with_cn = gesso_rows("controlnet", ["--controlnet", CONTROLNET, "--control-image", CONTROL])
    Image.fromarray(with_cn).save(os.path.join(OUT, "gesso_controlnet.png"))
    # GESSO_BENCH_ALT: another build of gesso-bench (an A/B of an engine change), ControlNet rows only.
    if os.environ.get("GESSO_BENCH_ALT"):
        alt = gesso_rows("controlnet_alt", ["--controlnet", CONTROLNET, "--control-image", CONTROL],
                         os.environ["GESSO_BENCH_ALT"])
        report("psnr alt build vs this one, ControlNet", round(psnr(alt, with_cn), 2))
    report("psnr ControlNet vs none (must be low: the control changes the image)", round(psnr(plain, with_cn), 2))
    report("psnr gesso vs diffusers, ControlNet", round(psnr(with_cn, diffusers_image(control)), 2))


main()
