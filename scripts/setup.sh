#!/usr/bin/env bash
# Installs everything Gesso needs to build and test, idempotently:
#   Debian/Ubuntu packages (Qt 6, OpenCV, sentencepiece, ccache, ...) and, in a cache outside
#   the repo, a Python venv with torch==2.11.0 (whose LibTorch we build against) plus the test
#   oracle (diffusers, transformers, safetensors; peft for diffusers' LoRA loading;
#   opencv-python-headless for the ControlNet preprocessors' references) and the CLIP BPE
#   merges list.
# Re-running it costs seconds once the cache is warm.
set -euo pipefail

CACHE="${GESSO_CACHE:-$HOME/.cache/gesso}"
VENV="$CACHE/venv"
STAMP="$CACHE/setup.stamp"
PY="${PYTHON:-python3}"
TORCH_VERSION=2.11.0
DIFFUSERS_VERSION=0.42.1
PY_PKGS=("torch==$TORCH_VERSION" "diffusers==$DIFFUSERS_VERSION" "transformers==5.17.0"
         "safetensors" "numpy" "pillow" "accelerate" "scipy" "peft==0.21.2"
         "opencv-python-headless==4.12.0.88" "beautifulsoup4==4.15.0" "ftfy==6.3.1" "sentencepiece==0.2.3" "protobuf==7.36.2")
DEB_PKGS=(build-essential cmake ninja-build ccache pkg-config git
          qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
          libqt6sql6-sqlite libqt6svg6 qt6-translations-l10n
          libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev
          libsentencepiece-dev nlohmann-json3-dev libcli11-dev libfmt-dev libpng-dev
          xvfb xauth python3-venv)

mkdir -p "$CACHE"
want="$(printf '%s\n' "${PY_PKGS[@]}" "${DEB_PKGS[@]}" | sha1sum | cut -c1-12)"
if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$want" && -x "$VENV/bin/python" ]]; then
  echo "setup: cache warm ($CACHE)"; exit 0
fi

install_debs() {
  local missing=()
  for p in "${DEB_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  local sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "setup: apt-get install ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_python() {
  [[ -x "$VENV/bin/python" ]] || "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q "${PY_PKGS[@]}"
}

# The CLIP BPE merges list (the real vocabulary) ships inside open-clip-torch's wheel.
fetch_bpe() {
  local gz="$CACHE/bpe_simple_vocab_16e6.txt.gz"
  [[ -s "$gz" ]] && return 0
  local tmp; tmp="$(mktemp -d)"
  "$VENV/bin/python" -m pip download -q --no-deps --only-binary=:all: -d "$tmp" open-clip-torch==3.2.0
  unzip -p "$tmp"/open_clip_torch-*.whl open_clip/bpe_simple_vocab_16e6.txt.gz > "$gz.part"
  mv "$gz.part" "$gz"; rm -rf "$tmp"
}

install_debs
install_python
fetch_bpe
echo "$want" > "$STAMP"
echo "setup: done ($CACHE)"
