#!/usr/bin/env bash
# Issue 4's side-by-side, run through the device tool (carry .gpu, made by scripts/gpu-bundle.sh):
#   tests/bench/gpu_bench.sh gesso      build, write the random SD 1.5 folder, gesso-bench rows
#   tests/bench/gpu_bench.sh diffusers  diffusers_anchor.py eager15 + mem15 on the same folder
#   tests/bench/gpu_bench.sh oom        gesso-bench oom: a huge size and a pretend 2.5 GiB card
#   tests/bench/gpu_bench.sh ratio      the ratio table from both JSON files
# Issue 6 (fused kernels):
#   tests/bench/gpu_bench.sh kernels    build, --check-kernels, gesso-bench kernels (ops + UNet call),
#                                       the SD 1.5 rows fused and unfused (PSNR against unfused)
#   tests/bench/gpu_bench.sh ncu        ncu's kernel list of one eager UNet call, fused and ATen
#   tests/bench/gpu_bench.sh final      the short-lease side-by-side: op and UNet tables, fused vs
#                                       unfused rows, diffusers compiled, in one command
#   tests/bench/gpu_bench.sh iter       checks, op + UNet tables, the graphed pipeline row, ncu list
#   tests/bench/gpu_bench.sh compiled   diffusers + torch.compile(mode="reduce-overhead"): the
#                                       pipeline (compile15) and the UNet call (unet_probe)
# Issue 13 (SDXL), on the random SDXL base + refiner folders (diffusers_anchor.py buildxl):
#   tests/bench/gpu_bench.sh xl         checks, the folders, gesso-bench SDXL rows (default, Max speed,
#                                       refiner, offload, the 8/6/4 GB budgets), the SDXL UNet-call
#                                       table, SD 1.5 Max speed (unchanged?)
#   tests/bench/gpu_bench.sh xldiff     diffusers eager SDXL (anchor stage xl) and the PSNR images
#   tests/bench/gpu_bench.sh xlmem      checks, the PSNR images, offload and the 8/6/4 GB budget rows
#   tests/bench/gpu_bench.sh xlside     the side-by-side in one lease: diffusers eager and compiled,
#                                       Gesso default and Max speed (base, base + refiner)
#   tests/bench/gpu_bench.sh xlcompiled diffusers + torch.compile(mode="reduce-overhead"), SDXL
# Issue 14 (single files), on the same random folders written as LDM single files:
#   tests/bench/gpu_bench.sh single     load speed against Python's safetensors, load + first image,
#                                       PSNR of the single files against diffusers (single_file_gpu.py)
# Issue 15 (LoRA), on the random SD 1.5 folder:
#   tests/bench/gpu_bench.sh lora       a kohya LoCon written for it: apply / switch / remove times,
#                                       it/s with and without it, PSNR against diffusers (lora_gpu.py)
# Issue 16 (ControlNet), on the random SD 1.5 folder and ControlNet (diffusers_anchor.py buildcn):
#   tests/bench/gpu_bench.sh controlnet Gesso's it/s without and with the ControlNet (default and Max
#                                       speed), PSNR against diffusers (controlnet_gpu.py)
#   tests/bench/gpu_bench.sh cnanchor   diffusers' ControlNet pipeline eager and compiled (anchor cn15)
# Issue 17 (DeepFloyd IF, x4 upscaler), on random IF-I-M / IF-II-M / x4 folders (deepfloyd_gpu.py build):
#   tests/bench/gpu_bench.sh deepfloyd  the folders, gesso-bench if (default, Max speed), diffusers
#                                       compiled then eager per stage, the PSNR of Gesso's images
#   tests/bench/gpu_bench.sh ifcompiled diffusers + torch.compile per stage
# Each stage appends to $OUT (and .bench-results/ on the machine, so later stages find them while
# the machine stays warm).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/gpu-env.sh
export PYTHONUNBUFFERED=1 GESSO_BUILD_DIR=build-gpu
RES=.bench-results
mkdir -p "$RES"
M=/tmp/models/sd15-random
B=./build-gpu/app/gesso-bench
# GESSO_PREBUILT=path: a gesso-bench built on the workstation from the same tree (the default
# build has sm_90 code) and carried along, instead of building here (about 100 s of the lease).
build() {
  if [[ -n ${GESSO_PREBUILT:-} ]]; then
    B=$GESSO_PREBUILT
    local torch_lib
    torch_lib=$(python3 -c 'import os, torch; print(os.path.dirname(torch.__file__))')/lib
    export LD_LIBRARY_PATH="$torch_lib:$torch_lib/../../nvidia/cu13/lib:$LD_LIBRARY_PATH"
    $B --help > /dev/null || { ldd "$B" | grep "not found"; exit 1; }
    return
  fi
  GESSO_BUILD_DIR=build-gpu bash scripts/build.sh -DCMAKE_CUDA_ARCHITECTURES=90 > "$OUT/build.log" 2>&1 \
    || { tail -30 "$OUT/build.log"; exit 1; }
}
case "${1:-gesso}" in
  gesso)
    bash scripts/build.sh > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
    [[ -d $M ]] || python3 .gpu/diffusers_anchor.py "$RES" build15 > /dev/null
    J="$RES/gesso.jsonl"
    $B run -m $M --dtype fp16 --json "$J" \
      --toggles "${GESSO_TOGGLES:-default,channels-last,cuda-graphs,channels-last+cuda-graphs,cudnn-benchmark,attention=flash,attention=mem-efficient,attention=cudnn,attention=math,attention=plain,slicing=auto}"
    $B run -m $M --dtype fp16 --batch 4 --toggles default,channels-last+cuda-graphs --json "$J"
    $B run -m $M --dtype fp16 --steps 20 --toggles offload=model,offload=model+channels-last --json "$J"
    $B run -m $M --dtype fp16 --steps 12 --repeats 1 --toggles offload=sequential --json "$J"
    $B run -m $M --dtype fp16 --steps 20 --size 1024 --toggles default,vae-tiling --json "$J"
    $B run -m $M --dtype fp32 --steps 30 --toggles default,tf32 --json "$J"
    cp "$J" "$OUT/" ;;
  kernels)
    build
    [[ -d $M ]] || python3 .gpu/diffusers_anchor.py "$RES" build15 > /dev/null
    J="$RES/gesso.jsonl"
    $B --check-kernels | tee "$OUT/check.md" || true
    $B kernels -m $M | tee "$OUT/kernels.md"
    $B run -m $M --dtype fp16 --json "$J" \
      --toggles "${GESSO_TOGGLES:-kernels=off,default,channels-last+cuda-graphs+kernels=off,channels-last+cuda-graphs}"
    cp "$J" "$OUT/" ;;
  final)  # the lean side-by-side for a short lease: fused vs unfused, then diffusers compiled
    build
    [[ -d $M ]] || python3 .gpu/diffusers_anchor.py "$RES" build15 > /dev/null
    J="$RES/gesso.jsonl"
    $B --check-kernels > "$OUT/check.md" || true
    grep -cE "\| pass \|" "$OUT/check.md"; grep -E "FAIL|strided" "$OUT/check.md" || true
    $B kernels -m $M > "$OUT/kernels.md"; grep -A6 "UNet call" "$OUT/kernels.md"
    $B run -m $M --dtype fp16 --json "$J" --toggles channels-last+cuda-graphs+kernels=off,channels-last+cuda-graphs
    cp "$J" "$OUT/"
    python3 .gpu/diffusers_anchor.py "$RES" compile15 2>&1 | grep -E "^\{|took"
    cp "$RES/anchor.jsonl" "$OUT/" ;;
  iter)  # one round of kernel work: checks, the op and UNet tables, the graphed pipeline, ncu
    build
    [[ -d $M ]] || python3 .gpu/diffusers_anchor.py "$RES" build15 > /dev/null
    $B --check-kernels > "$OUT/check.md" || true
    grep -cE "\| pass \|" "$OUT/check.md"; grep -E "FAIL|fail" "$OUT/check.md" || true
    $B kernels -m $M | tee "$OUT/kernels.md"
    $B run -m $M --dtype fp16 --json "$OUT/gesso.jsonl" --toggles channels-last+cuda-graphs
    ncu --clock-control none --profile-from-start off --csv --page raw --metrics gpu__time_duration.sum \
      $B kernels -m $M --profile fused > "$OUT/ncu_fused.csv" 2>&1 || true
    python3 tests/bench/ncu_summary.py "$OUT/ncu_fused.csv" 40 > "$OUT/ncu_fused.md" ;;
  ncu)
    for k in ${GESSO_NCU:-fused aten}; do
      ncu --clock-control none --profile-from-start off --csv --page raw --metrics gpu__time_duration.sum \
        $B kernels -m $M --profile $k > "$OUT/ncu_$k.csv" 2>&1 || true
      python3 tests/bench/ncu_summary.py "$OUT/ncu_$k.csv" 30 | tee "$OUT/ncu_$k.md"
    done ;;
  xl)
    build
    $B --check-kernels > "$OUT/check.md" || true
    grep -cE "\| pass \|" "$OUT/check.md"; grep -E "FAIL|SDXL" "$OUT/check.md" || true
    [[ -d /tmp/models/sdxl-random ]] || python3 .gpu/diffusers_anchor.py "$RES" buildxl > /dev/null
    X=/tmp/models/sdxl-random R=/tmp/models/sdxl-refiner-random J="$RES/gesso.jsonl"
    $B run -m $X --size 1024 --steps 30 --sampler "" --json "$J" --toggles default,channels-last+cuda-graphs || echo "row failed: $?"
    $B run -m $X --refiner $R --size 1024 --steps 30 --sampler "" --json "$J" --toggles channels-last+cuda-graphs || echo "row failed: $?"
    $B run -m $X --size 1024 --steps 20 --sampler "" --repeats 1 --json "$J" \
      --toggles offload=model,vram-budget=8+offload=model,vram-budget=8+offload=model+vae-tiling,vram-budget=6+offload=model+vae-tiling,vram-budget=4+offload=model+vae-tiling || echo "row failed: $?"
    $B kernels -m $X --unet-only --calls 20 > "$OUT/kernels_xl.md" || true; cat "$OUT/kernels_xl.md"
    [[ -d $M ]] || python3 .gpu/diffusers_anchor.py "$RES" build15 > /dev/null
    $B run -m $M --dtype fp16 --json "$J" --toggles channels-last+cuda-graphs || echo "row failed: $?"
    cp "$J" "$OUT/"
    $B run -m $X --size 1024 --steps 4 --short-steps 2 --sampler "" --repeats 1 --json "$J" \
      --toggles vram-budget=4+offload=sequential+vae-tiling || echo "row failed: $?"
    cp "$J" "$OUT/" ;;
  xldiff)
    build
    [[ -d /tmp/models/sdxl-random ]] || python3 .gpu/diffusers_anchor.py "$RES" buildxl > /dev/null
    python3 .gpu/diffusers_anchor.py "$RES" xl 2>&1 | grep -E "^\{"
    cp "$RES/anchor.jsonl" "$OUT/"
    python3 tests/bench/sdxl_parity.py "$OUT/parity" "$B" ;;
  xlmem)
    build
    $B --check-kernels > "$OUT/check.md" || true
    grep -cE "\| pass \|" "$OUT/check.md"; grep -E "FAIL" "$OUT/check.md" || true
    [[ -d /tmp/models/sdxl-random ]] || python3 .gpu/diffusers_anchor.py "$RES" buildxl > /dev/null 2>&1
    python3 tests/bench/sdxl_parity.py "$OUT/parity" "$B" 2>&1 | grep -E "^\{|Error|error" || true
    X=/tmp/models/sdxl-random J="$OUT/gesso_mem.jsonl"
    $B run -m $X --size 1024 --steps 20 --sampler "" --repeats 1 --json "$J" \
      --toggles offload=model,vram-budget=8+offload=model,vram-budget=6+offload=model,vram-budget=6+offload=model+vae-tiling,vram-budget=4+offload=model+vae-tiling || echo "row failed: $?"
    $B run -m $X --size 1024 --steps 4 --short-steps 2 --sampler "" --repeats 1 --json "$J" \
      --toggles vram-budget=4+offload=sequential,vram-budget=4+offload=sequential+vae-tiling || echo "row failed: $?" ;;
  xlside)
    build
    [[ -d /tmp/models/sdxl-random ]] || python3 .gpu/diffusers_anchor.py "$RES" buildxl > /dev/null 2>&1
    X=/tmp/models/sdxl-random R=/tmp/models/sdxl-refiner-random J="$OUT/gesso_side.jsonl"
    $B run -m $X --size 1024 --steps 30 --sampler "" --json "$J" --toggles default,channels-last+cuda-graphs || echo "row failed: $?"
    $B run -m $X --refiner $R --size 1024 --steps 30 --sampler "" --json "$J" --toggles channels-last+cuda-graphs || echo "row failed: $?"
    $B run -m $X --size 1024 --steps 20 --sampler "" --json "$J" --toggles offload=model || echo "row failed: $?"
    python3 .gpu/diffusers_anchor.py "$RES" xl compilexl 2>&1 | grep -E "^\{"
    cp "$RES/anchor.jsonl" "$OUT/" ;;
  single)
    build
    [[ -d $M ]] || python3 .gpu/diffusers_anchor.py "$RES" build15 > /dev/null
    [[ -d /tmp/models/sdxl-random ]] || python3 .gpu/diffusers_anchor.py "$RES" buildxl > /dev/null
    python3 tests/bench/single_file_gpu.py "$OUT/single" "$B" ;;
  lora)
    build
    [[ -d $M ]] || python3 .gpu/diffusers_anchor.py "$RES" build15 > /dev/null
    python3 tests/bench/lora_gpu.py "$OUT/lora" "$B" ;;
  controlnet)
    build
    [[ -d $M ]] || python3 .gpu/diffusers_anchor.py "$RES" build15 > /dev/null
    [[ -d /tmp/models/controlnet-sd15-random ]] || python3 .gpu/diffusers_anchor.py "$RES" buildcn > /dev/null
    python3 tests/bench/controlnet_gpu.py "$OUT/controlnet" "$B" ;;
  deepfloyd)
    build
    [[ -d /tmp/models/x4-upscaler-random ]] || python3 tests/bench/deepfloyd_gpu.py "$OUT" build
    for stage in ${IF_ORDER:-gesso compiled eager}; do
      python3 tests/bench/deepfloyd_gpu.py "$OUT" "$stage" "$B"
    done ;;
  ifcompiled)
    [[ -d /tmp/models/x4-upscaler-random ]] || python3 tests/bench/deepfloyd_gpu.py "$OUT" build
    python3 tests/bench/deepfloyd_gpu.py "$OUT" compiled ;;
  cnanchor)
    [[ -d $M ]] || python3 .gpu/diffusers_anchor.py "$RES" build15 > /dev/null
    [[ -d /tmp/models/controlnet-sd15-random ]] || python3 .gpu/diffusers_anchor.py "$RES" buildcn > /dev/null
    python3 .gpu/diffusers_anchor.py "$RES" cn15 2>&1 | grep -E "^\{|took"
    cp "$RES/anchor.jsonl" "$OUT/" ;;
  xlcompiled)
    [[ -d /tmp/models/sdxl-random ]] || python3 .gpu/diffusers_anchor.py "$RES" buildxl > /dev/null
    python3 .gpu/diffusers_anchor.py "$RES" compilexl 2>&1 | grep -E "^\{"
    cp "$RES/anchor.jsonl" "$OUT/" ;;
  compiled)
    [[ -d $M ]] || python3 .gpu/diffusers_anchor.py "$RES" build15 > /dev/null
    python3 .gpu/diffusers_anchor.py "$RES" compile15
    python3 .gpu/unet_probe.py "$RES" graph_cl reduce-overhead
    cp "$RES/anchor.jsonl" "$RES/unet.jsonl" "$OUT/" ;;
  oom)
    [[ -d $M ]] || python3 .gpu/diffusers_anchor.py "$RES" build15 > /dev/null
    $B oom -m $M ;;
  diffusers)
    [[ -d $M ]] || python3 .gpu/diffusers_anchor.py "$RES" build15 > /dev/null
    python3 .gpu/diffusers_anchor.py "$RES" eager15 mem15
    cp "$RES/anchor.jsonl" "$OUT/" ;;
  ratio)
    python3 tests/bench/ratio_table.py "$RES/gesso.jsonl" "$RES/anchor.jsonl" tests/bench/sd15_pairs.json ;;
esac
