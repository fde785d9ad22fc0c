"""Single-file checkpoints on the GPU (issue 14). The full-size random SD 1.5 and SDXL folders
(diffusers_anchor.py build15 / buildxl) are written as fp16 single files in the LDM layout
(tests/fixtures/ldm_layout.py, the writer the CPU fixture proves against diffusers' from_single_file),
then, on the same files:
- load speed: Python's safetensors load_file + .to("cuda") (and load_file(device="cuda")) against
  `gesso-bench load`, GB/s, page cache warm for both, best of 3;
- load + first image of each file (`gesso-bench run`, default and Max speed: the second row is what a
  running app waits for, the first includes CUDA's start-up);
- PSNR: Gesso from the single file, with the configs it builds from the family's published defaults,
  against diffusers from the folder with the scheduler from_single_file would give (the published
  scheduler_config.json; the random SDXL folder's own Euler spaces its timesteps differently).

Gesso's images come from `gesso-bench run --save-images` (its prompt, seed 1234 on the CPU generator,
no negative prompt, guidance 7.5, the model's own sampler), diffusers' with the same settings.

Usage (on the GPU machine): python3 tests/bench/single_file_gpu.py OUTDIR path/to/gesso-bench"""

import json, os, subprocess, sys, time
import numpy as np
import torch
from PIL import Image
from safetensors.torch import load_file, save_file

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "fixtures"))
from ldm_layout import to_ldm  # noqa: E402
from gpu_report import Report, psnr

OUT, BENCH = sys.argv[1], sys.argv[2]
PROMPT, SEED, CFG = "a photo of an astronaut riding a horse on mars", 1234, 7.5
SD_PNDM = {"beta_end": 0.012, "beta_schedule": "scaled_linear", "beta_start": 0.00085, "clip_sample": False,
           "num_train_timesteps": 1000, "prediction_type": "epsilon", "set_alpha_to_one": False,
           "skip_prk_steps": True, "steps_offset": 1, "trained_betas": None}
SDXL_SCHED = {"beta_end": 0.012, "beta_schedule": "scaled_linear", "beta_start": 0.00085, "clip_sample": False,
              "interpolation_type": "linear", "num_train_timesteps": 1000, "prediction_type": "epsilon",
              "sample_max_value": 1.0, "set_alpha_to_one": False, "skip_prk_steps": True, "steps_offset": 1,
              "timestep_spacing": "leading", "trained_betas": None, "use_karras_sigmas": False}
MODELS = {"sd15": dict(folder="/tmp/models/sd15-random", file="/tmp/models/sd15-random.safetensors", layout="sd1",
                       size=512, steps=30, scheduler=("PNDMScheduler", SD_PNDM)),
          "sdxl": dict(folder="/tmp/models/sdxl-random", file="/tmp/models/sdxl-random.safetensors", layout="sdxl",
                       size=1024, steps=30, scheduler=("EulerDiscreteScheduler", SDXL_SCHED))}
os.makedirs(OUT, exist_ok=True)
report = Report(OUT, "single_file_gpu.json", gpu=torch.cuda.get_device_name(0))


def load_pipeline(name, m):
    from diffusers import StableDiffusionPipeline, StableDiffusionXLPipeline
    if name == "sdxl":
        return StableDiffusionXLPipeline.from_pretrained(m["folder"], torch_dtype=torch.float16)
    return StableDiffusionPipeline.from_pretrained(m["folder"], torch_dtype=torch.float16, safety_checker=None,
                                                   requires_safety_checker=False)


def write_single_file(name, m):
    if os.path.exists(m["file"]):
        return
    t = time.perf_counter()
    pipe = load_pipeline(name, m)
    save_file(to_ldm(pipe, m["layout"]), m["file"])
    del pipe
    report(f"{name} file", {"bytes": os.path.getsize(m["file"]), "write_s": round(time.perf_counter() - t, 1)})


def warm(path):
    with open(path, "rb") as f:
        while f.read(1 << 26):
            pass


def python_load_s(path, direct):
    torch.cuda.synchronize()
    t = time.perf_counter()
    if direct:
        sd = load_file(path, device="cuda")
    else:
        sd = {k: v.to("cuda") for k, v in load_file(path).items()}
    torch.cuda.synchronize()
    s = time.perf_counter() - t
    del sd
    torch.cuda.empty_cache()
    return s


def load_speed(name, m):
    warm(m["file"])
    gb = os.path.getsize(m["file"]) / 1e9
    python_load_s(m["file"], False)  # CUDA context and allocator warm, as gesso-bench's first load
    cpu_then_cuda = min(python_load_s(m["file"], False) for _ in range(3))
    direct = min(python_load_s(m["file"], True) for _ in range(3))
    out = subprocess.run([BENCH, "load", "-m", m["file"], "--dtype", "fp16", "--repeats", "3"], capture_output=True,
                         text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    cells = [c.strip() for c in out.stdout.strip().splitlines()[-1].strip("|").split("|")]
    report(f"{name} load", {"file_gb": round(gb, 2),
                            "python_load_file_to_cuda_s": round(cpu_then_cuda, 3),
                            "python_load_file_to_cuda_gb_s": round(gb / cpu_then_cuda, 2),
                            "python_load_file_device_cuda_s": round(direct, 3),
                            "python_load_file_device_cuda_gb_s": round(gb / direct, 2),
                            "gesso_gb": float(cells[2]), "gesso_s": float(cells[3]), "gesso_gb_s": float(cells[4])})


def diffusers_image(name, m):
    import diffusers
    pipe = load_pipeline(name, m).to("cuda")
    cls, config = m["scheduler"]
    pipe.scheduler = getattr(diffusers, cls).from_config(config)
    pipe.set_progress_bar_config(disable=True)
    g = torch.Generator("cpu").manual_seed(SEED)
    img = pipe(PROMPT, num_inference_steps=m["steps"], guidance_scale=CFG, height=m["size"], width=m["size"],
               generator=g).images[0]
    del pipe
    torch.cuda.empty_cache()
    img = np.array(img)
    Image.fromarray(img).save(os.path.join(OUT, f"diffusers_{name}.png"))
    return img


def gesso_image(name, m):
    """The image of `gesso-bench run` on the single file and its table row (it/s, e2e, peak,
    load + first image)."""
    d = os.path.join(OUT, f"gesso_{name}")
    os.makedirs(d, exist_ok=True)
    cmd = [BENCH, "run", "-m", m["file"], "--size", str(m["size"]), "--steps", str(m["steps"]), "--short-steps", "10",
           "--repeats", "1", "--sampler", "", "--toggles", "default,channels-last+cuda-graphs", "--save-images", d]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(" ".join(cmd) + "\n" + out.stderr[-2000:])
    # The first row's load + first image includes CUDA's start-up; the second is a running app's.
    report(f"{name} gesso-bench run", [l for l in out.stdout.splitlines() if l.startswith("| ")][-2:])
    img = load_file(os.path.join(d, "row0.safetensors"))["image"].numpy()
    Image.fromarray(img).save(d + ".png")
    return img


def main():
    for name, m in MODELS.items():
        write_single_file(name, m)
        load_speed(name, m)
        report(f"{name} psnr_db", round(psnr(gesso_image(name, m), diffusers_image(name, m)), 2))


main()
