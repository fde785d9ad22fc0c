#!/usr/bin/env bash
# One command from a fresh machine to the running app: set-up, build, launch. Arguments go to gesso.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec "${GESSO_BUILD_DIR:-build}/app/gesso" "$@"
