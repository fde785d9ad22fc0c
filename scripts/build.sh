#!/usr/bin/env bash
# Configures (once) and builds Gesso into ${GESSO_BUILD_DIR:-build}. Extra arguments go to cmake
# at configure time, e.g. scripts/build.sh -DGESSO_LIBTORCH=/opt/libtorch
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${GESSO_BUILD_DIR:-build}"
JOBS="${GESSO_JOBS:-$(nproc)}"
if [[ ! -f "$BUILD/build.ninja" || $# -gt 0 ]]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE="${GESSO_BUILD_TYPE:-Release}" "$@"
fi
cmake --build "$BUILD" -j "$JOBS"
