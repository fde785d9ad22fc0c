#!/usr/bin/env bash
# docs/screenshot.png and the studio tour, under Xvfb:
#   scripts/screenshot.sh [MODEL_DIR] [extra gesso options]
# The tour (gesso --walk): one generation with Hires. fix on (docs/screenshot-hires.png, the form),
# three Generates in a row (docs/screenshot-queue.png, two of them waiting), the gallery of what they
# made (docs/screenshot-gallery.png) and the whole window (docs/screenshot.png).
# Without MODEL_DIR it uses the tiny random test model the test suite writes (its image is noise:
# the point is the window). With a real SD 1.5 folder, add e.g. --size 512 --steps 25 --device cuda.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${GESSO_BUILD_DIR:-build}"
MODEL="${1:-$BUILD/fixtures/pipelines/sd1}"
shift || true
[[ -d "$MODEL" ]] || { echo "no model folder at $MODEL (run the tests once, or pass a folder)" >&2; exit 1; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
xvfb-run -a -s "-screen 0 1600x1000x24" "$BUILD/app/gesso" --walk docs -m "$MODEL" \
  --size 128 --steps 12 --device cpu --output "$TMP/out" --settings "$TMP/gesso.ini" --history "$TMP/history.sqlite" "$@"
