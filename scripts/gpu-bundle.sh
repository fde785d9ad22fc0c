#!/usr/bin/env bash
# Prepares .gpu/ (git-ignored) for the GPU machine, which has torch, cmake, ninja and g++ but no
# registry: the Debian libraries the engine builds against (unpacked into .gpu/sysroot) and the
# Python test oracle (diffusers wheel) plus the CLIP merges list. Carry `.gpu` in the device call
# and start its command with `source scripts/gpu-env.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=.gpu
DEBS=(libopencv-core-dev libopencv-core406 libopencv-imgproc-dev libopencv-imgproc406
      libtbb12 libblas3 liblapack3 libgfortran5 libquadmath0
      libsentencepiece-dev libsentencepiece0 libfmt-dev libfmt9 nlohmann-json3-dev libcli11-dev
      libpng-dev libpng16-16 zlib1g-dev
      libglx0 libglvnd0 libx11-6 libxcb1 libxau6 libxdmcp6 libbsd0 libmd0)  # opencv_core links GLX
mkdir -p "$DEST/debs" "$DEST/sysroot" "$DEST/whl"
(cd "$DEST/debs" && apt-get download -q "${DEBS[@]}" >/dev/null)
for d in "$DEST"/debs/*.deb; do dpkg -x "$d" "$DEST/sysroot"; done
# Debian reaches BLAS/LAPACK through update-alternatives links, which dpkg -x does not make.
lib="$DEST/sysroot/usr/lib/x86_64-linux-gnu"
ln -sf blas/libblas.so.3 "$lib/libblas.so.3"
ln -sf lapack/liblapack.so.3 "$lib/liblapack.so.3"
rm -rf "$DEST/debs" "$DEST/sysroot/usr/share/doc" "$DEST/sysroot/usr/share/man"
find "$DEST/sysroot" -name "*.a" -delete   # shared libraries only: the carry limit is 64 MiB
python3 -m pip download -q --no-deps --only-binary=:all: -d "$DEST/whl" diffusers==0.42.1
cp "${GESSO_CACHE:-$HOME/.cache/gesso}/bpe_simple_vocab_16e6.txt.gz" "$DEST/"
# The diffusers anchor script builds the full-size random SD 1.5 folder there (build15 stage).
cp ../shared/bench/diffusers_anchor.py ../shared/bench/unet_probe.py "$DEST/" 2>/dev/null || true
du -sh "$DEST"
