#!/usr/bin/env bash
# Issue 4's side-by-side, run through the device tool (carry .gpu, made by scripts/gpu-bundle.sh):
#   tests/bench/gpu_bench.sh gesso      build, write the random SD 1.5 folder, gesso-bench rows
#   tests/bench/gpu_bench.sh diffusers  diffusers_anchor.py eager15 + mem15 on the same folder
#   tests/bench/gpu_bench.sh oom        gesso-bench oom: a huge size and a pretend 2.5 GiB card
#   tests/bench/gpu_bench.sh ratio      the ratio table from both JSON files
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
