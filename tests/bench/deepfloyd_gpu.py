"""DeepFloyd IF and the x4 upscaler on the GPU (issue 17), side by side with diffusers in one lease.

Random weights in the published shapes, written here with diffusers (the HF configs cannot be
fetched from the GPU machine or the workstation, so the IF UNets are the IF conversion script's
layouts sized to the published parameter counts: IF-I-M model_channels 192 x (1, 2, 3, 4), 3 res
blocks = 372 M parameters, published 400 M; IF-II-M 128 x (1, 2, 4, 6, 8), 2 res blocks = 468 M,
published 450 M; the x4 upscaler is its published config). T5 is a one-layer T5 v1.1 of XXL's width
(4096): the stages' speed does not depend on it (its embeddings are computed once), and the spiece
model is the tests' trained one (.gpu/t5_tokenizer), the prompt's ids precomputed (.gpu/t5_ids.json).

Stages (python3 tests/bench/deepfloyd_gpu.py OUT STAGE [gesso-bench]):
  build     the three folders under /tmp/models (fp16)
  gesso     gesso-bench if: default and Max speed (channels-last + CUDA graphs), images saved
  eager     diffusers per stage, eager: it/s as (T(50) - T(10)) / 40, and PSNR of Gesso's images
  compiled  diffusers per stage with torch.compile(unet, mode="reduce-overhead", fullgraph=True)
Stage II and III run on a fixed 64x64 input (gesso-bench's bench_input_image), as seed 003's
pipe_3(image=<stage I's 64x64 image>)."""
import json, os, subprocess, sys, time
import numpy as np
import torch
from PIL import Image
from gpu_report import Report, psnr

OUT, STAGE = sys.argv[1], sys.argv[2]
BENCH = sys.argv[3] if len(sys.argv) > 3 else ""
ROOT = "/tmp/models"
IF1, IF2, X4 = f"{ROOT}/if-i-m-random", f"{ROOT}/if-ii-m-random", f"{ROOT}/x4-upscaler-random"
GPU = os.path.join(os.path.dirname(__file__), "..", "..", ".gpu")
PROMPT, SEED = "the blue hulk", 1234
# A short lease can ask for fewer steps / repeats / toggle sets (IF_LONG, IF_SHORT, IF_REPEATS, IF_TOGGLES).
LONG, SHORT = int(os.environ.get("IF_LONG", 50)), int(os.environ.get("IF_SHORT", 10))
REPEATS = int(os.environ.get("IF_REPEATS", 2))
TOGGLES = os.environ.get("IF_TOGGLES", "default,channels-last+cuda-graphs")
os.makedirs(OUT, exist_ok=True)
report = Report(OUT, f"deepfloyd_{STAGE}.json", gpu=torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu")


def input_image():
    y, x, c = np.meshgrid(np.arange(64), np.arange(64), np.arange(3), indexing="ij")
    return Image.fromarray(((4 * x + 2 * y + 60 * c) % 256).astype(np.uint8))


def if_unet(stage):
    from diffusers import UNet2DConditionModel
    common = dict(act_fn="gelu", addition_embed_type="text", addition_embed_type_num_heads=64, attention_head_dim=64,
                  cross_attention_norm="group_norm", encoder_hid_dim=4096, mid_block_type="UNetMidBlock2DSimpleCrossAttn",
                  resnet_time_scale_shift="scale_shift")
    if stage == 1:
        return UNet2DConditionModel(sample_size=64, in_channels=3, out_channels=6, block_out_channels=(192, 384, 576, 768),
                                    layers_per_block=3, cross_attention_dim=768,
                                    down_block_types=("ResnetDownsampleBlock2D",) + ("SimpleCrossAttnDownBlock2D",) * 3,
                                    up_block_types=("SimpleCrossAttnUpBlock2D",) * 3 + ("ResnetUpsampleBlock2D",), **common)
    return UNet2DConditionModel(sample_size=256, in_channels=6, out_channels=6, block_out_channels=(128, 256, 512, 768, 1024),
                                layers_per_block=(2, 2, 2, 2, 2), cross_attention_dim=1024,
                                down_block_types=("ResnetDownsampleBlock2D",) * 3 + ("SimpleCrossAttnDownBlock2D",) * 2,
                                up_block_types=("SimpleCrossAttnUpBlock2D",) * 2 + ("ResnetUpsampleBlock2D",) * 3,
                                class_embed_type="timestep", time_embedding_dim=1024, time_embedding_act_fn="gelu",
                                resnet_skip_time_act=True, resnet_out_scale_factor=1 / 0.7071,
                                mid_block_scale_factor=1 / 0.7071, only_cross_attention=True, **common)


def write_if(folder, stage, t5):
    import shutil
    from diffusers import DDPMScheduler
    torch.manual_seed(stage)
    unet = if_unet(stage).half()
    unet.save_pretrained(f"{folder}/unet")
    DDPMScheduler(variance_type="learned_range", beta_schedule="squaredcos_cap_v2", prediction_type="epsilon",
                  thresholding=True, dynamic_thresholding_ratio=0.95,
                  sample_max_value=1.5 if stage == 1 else 1.0).save_pretrained(f"{folder}/scheduler")
    index = {"_class_name": "IFPipeline" if stage == 1 else "IFSuperResolutionPipeline", "_diffusers_version": "0.42.1",
             "unet": ["diffusers", "UNet2DConditionModel"], "scheduler": ["diffusers", "DDPMScheduler"],
             "tokenizer": ["transformers", "T5Tokenizer"], "text_encoder": ["transformers", "T5EncoderModel"],
             "safety_checker": [None, None], "feature_extractor": [None, None], "watermarker": [None, None],
             "requires_safety_checker": False}
    if stage == 2:
        DDPMScheduler(beta_schedule="squaredcos_cap_v2").save_pretrained(f"{folder}/image_noising_scheduler")
        index["image_noising_scheduler"] = ["diffusers", "DDPMScheduler"]
    t5.save_pretrained(f"{folder}/text_encoder")
    shutil.copytree(f"{GPU}/t5_tokenizer", f"{folder}/tokenizer", dirs_exist_ok=True)
    json.dump(index, open(f"{folder}/model_index.json", "w"), indent=1)
    report(f"params IF stage {'I' * stage}", sum(p.numel() for p in unet.parameters()))


def write_x4():
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "fixtures"))
    from clip_vocab import write_tokenizer
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer
    from diffusers import (AutoencoderKL, DDIMScheduler, DDPMScheduler, StableDiffusionUpscalePipeline,
                           UNet2DConditionModel)
    torch.manual_seed(3)
    unet = UNet2DConditionModel(sample_size=128, in_channels=7, out_channels=4, block_out_channels=(256, 512, 512, 1024),
                                layers_per_block=2, attention_head_dim=8, cross_attention_dim=1024, num_class_embeds=1000,
                                down_block_types=("DownBlock2D",) + ("CrossAttnDownBlock2D",) * 3,
                                up_block_types=("CrossAttnUpBlock2D",) * 3 + ("UpBlock2D",),
                                only_cross_attention=[True, True, True, False], use_linear_projection=True)
    vae = AutoencoderKL(block_out_channels=[128, 256, 512], down_block_types=["DownEncoderBlock2D"] * 3,
                        up_block_types=["UpDecoderBlock2D"] * 3, latent_channels=4, layers_per_block=2,
                        scaling_factor=0.08333)
    te = CLIPTextModel(CLIPTextConfig(vocab_size=49408, hidden_size=1024, intermediate_size=4096, num_hidden_layers=23,
                                      num_attention_heads=16, hidden_act="gelu", projection_dim=512, pad_token_id=1,
                                      bos_token_id=0, eos_token_id=2))
    write_tokenizer(f"{ROOT}/x4-tokenizer", "!")
    pipe = StableDiffusionUpscalePipeline(
        vae=vae, text_encoder=te, tokenizer=CLIPTokenizer.from_pretrained(f"{ROOT}/x4-tokenizer"), unet=unet,
        low_res_scheduler=DDPMScheduler(beta_schedule="scaled_linear", beta_start=0.0001, beta_end=0.02),
        scheduler=DDIMScheduler(beta_schedule="scaled_linear", beta_start=0.00085, beta_end=0.012, clip_sample=False,
                                set_alpha_to_one=False, steps_offset=1, prediction_type="v_prediction"),
        max_noise_level=350).to(torch.float16)
    pipe.save_pretrained(X4, safe_serialization=True)
    report("params x4 upscaler UNet", sum(p.numel() for p in unet.parameters()))


def build():
    from transformers import T5Config, T5EncoderModel
    vocab = json.load(open(f"{GPU}/t5_ids.json"))["vocab_size"]
    torch.manual_seed(0)
    t5 = T5EncoderModel(T5Config(vocab_size=vocab, d_model=4096, d_kv=64, num_heads=64, d_ff=10240, num_layers=1,
                                 feed_forward_proj="gated-gelu")).half()
    write_if(IF1, 1, t5)
    write_if(IF2, 2, t5)
    write_x4()


def embeds():
    """The prompt's and ""'s T5 embeddings, as IFPipeline.encode_prompt computes them from the ids."""
    from transformers import T5EncoderModel
    t5 = T5EncoderModel.from_pretrained(f"{IF1}/text_encoder", torch_dtype=torch.float16).cuda()
    ids = json.load(open(f"{GPU}/t5_ids.json"))["ids"]
    out = []
    for text in (PROMPT, ""):
        t = {k: torch.tensor([v]).cuda() for k, v in ids[text].items()}
        with torch.no_grad():
            out.append(t5(t["input_ids"], attention_mask=t["attention_mask"])[0])
    return out


def pipes(compiled):
    from diffusers import IFPipeline, IFSuperResolutionPipeline, StableDiffusionUpscalePipeline
    kw = dict(torch_dtype=torch.float16, text_encoder=None, tokenizer=None, safety_checker=None,
              feature_extractor=None, watermarker=None, requires_safety_checker=False)
    one = IFPipeline.from_pretrained(IF1, **kw).to("cuda")
    two = IFSuperResolutionPipeline.from_pretrained(IF2, **kw).to("cuda")
    three = StableDiffusionUpscalePipeline.from_pretrained(X4, torch_dtype=torch.float16).to("cuda")
    for p in (one, two, three):
        p.set_progress_bar_config(disable=True)
        if compiled:
            p.unet = torch.compile(p.unet, mode="reduce-overhead", fullgraph=True)
    return one, two, three


def timed(fn, steps):
    torch.cuda.synchronize()
    t = time.perf_counter()
    image = fn(steps)
    torch.cuda.synchronize()
    return time.perf_counter() - t, image


def measure(name, fn):
    t0 = time.perf_counter()
    timed(fn, SHORT)
    first = time.perf_counter() - t0
    torch.cuda.reset_peak_memory_stats()
    long_runs = [timed(fn, LONG) for _ in range(REPEATS)]
    peak = torch.cuda.max_memory_allocated() / 2**30
    short = min(timed(fn, SHORT)[0] for _ in range(REPEATS))
    best = min(r[0] for r in long_runs)
    report(name, {"it_s": round((LONG - SHORT) / (best - short), 2), "e2e_s": round(best, 3), "peak_gib": round(peak, 2),
                  "first_s": round(first, 1)})
    return long_runs[0][1]


def diffusers_rows(compiled):
    one, two, three = pipes(compiled)
    prompt, negative = embeds()
    image = input_image()
    gen = lambda: torch.Generator("cpu").manual_seed(SEED)
    tag = "compiled" if compiled else "eager"
    run1 = lambda s: one(prompt_embeds=prompt, negative_prompt_embeds=negative, num_inference_steps=s, guidance_scale=7.0,
                         generator=gen(), output_type="pil").images[0]
    run2 = lambda s: two(image=image, prompt_embeds=prompt, negative_prompt_embeds=negative, num_inference_steps=s,
                         guidance_scale=4.0, noise_level=250, generator=gen(), output_type="pil").images[0]
    run3 = lambda s: three(prompt=PROMPT, image=image, num_inference_steps=s, guidance_scale=9.0, noise_level=100,
                           generator=gen()).images[0]
    images = {}
    wanted = os.environ.get("IF_STAGES", "stage1 stage2 stage3").split()  # a lease too short for all three compiles
    for stage, fn in (("stage1", run1), ("stage2", run2), ("stage3", run3)):
        if stage not in wanted:
            continue
        t = time.perf_counter()
        images[stage] = np.array(measure(f"diffusers {tag} IF {stage}", fn))
        report(f"diffusers {tag} IF {stage} wall incl. compile (s)", round(time.perf_counter() - t, 1))
    from safetensors.torch import load_file
    for stage, img in images.items():
        Image.fromarray(img).save(os.path.join(OUT, f"diffusers_{tag}_{stage}.png"))
        for toggles in ("default", "channels_last_cuda_graphs"):
            path = os.path.join(OUT, f"{stage}_{toggles}.safetensors")
            if os.path.exists(path):
                report(f"psnr gesso ({toggles}) vs diffusers {tag}, {stage}",
                       round(psnr(load_file(path)["image"].numpy(), img), 2))


def gesso_rows():
    args = [BENCH, "if", "--stage1", IF1, "--stage2", IF2, "--stage3", X4, "--dtype", "fp16", "--steps", str(LONG),
            "--short-steps", str(SHORT), "--repeats", str(REPEATS), "--toggles", TOGGLES,
            "--save-images", OUT, "--json", os.path.join(OUT, "gesso_if.jsonl")]
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(" ".join(args) + "\n" + out.stderr[-3000:])
    report("gesso-bench if", [l for l in out.stdout.splitlines() if l.startswith("| ")])
    report("gesso-bench if stderr", out.stderr[-1500:])


{"build": build, "gesso": gesso_rows, "eager": lambda: diffusers_rows(False),
 "compiled": lambda: diffusers_rows(True)}[STAGE]()
