#!/usr/bin/env bash
# The GPU side-by-side of issue 3, as run through the device tool (carry .gpu, made by
# scripts/gpu-bundle.sh): build gesso-cli, write the full-size random SD 1.5 folder with diffusers,
# then generate with both tools and compare. Results land in $OUT/parity/sd15_parity.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/gpu-env.sh
export PYTHONUNBUFFERED=1 GESSO_BUILD_DIR=build-gpu
bash scripts/build.sh > "$OUT/build.log" 2>&1
./build-gpu/app/gesso-bench --check-kernels
python3 .gpu/diffusers_anchor.py "$OUT" build15
python3 tests/bench/sd15_parity.py "$OUT/parity" ./build-gpu/app/gesso-cli
