# Sourced on the GPU machine (see scripts/gpu-bundle.sh): points CMake, the loader and Python at
# what .gpu/ carries.
GESSO_GPU_ROOT="$(pwd)/.gpu"
export CMAKE_PREFIX_PATH="$GESSO_GPU_ROOT/sysroot/usr${CMAKE_PREFIX_PATH:+:$CMAKE_PREFIX_PATH}"
export LD_LIBRARY_PATH="$GESSO_GPU_ROOT/sysroot/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export BPE_GZ="$GESSO_GPU_ROOT/bpe_simple_vocab_16e6.txt.gz"
if ls "$GESSO_GPU_ROOT"/whl/*.whl >/dev/null 2>&1; then
  python3 -m pip install -q --no-index --no-deps --no-compile --target /tmp/site "$GESSO_GPU_ROOT"/whl/*.whl \
    && export PYTHONPATH=/tmp/site${PYTHONPATH:+:$PYTHONPATH}
fi
