#!/usr/bin/env bash
# One command from a fresh machine to a green test suite: set-up, build, ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh "$@"
cd "${GESSO_BUILD_DIR:-build}"
ctest --output-on-failure -j "${GESSO_TEST_JOBS:-2}"
