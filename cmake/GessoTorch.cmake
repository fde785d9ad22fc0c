# LibTorch. One variable points the build at it:
#   -DGESSO_LIBTORCH=<dir>   a libtorch archive (has share/cmake/Torch), a torch Python package
#                            (site-packages/torch), or any prefix holding TorchConfig.cmake.
# Without it we ask python (GESSO_PYTHON, default: the setup venv, then python3) for
# torch.utils.cmake_prefix_path.
set(GESSO_LIBTORCH "" CACHE PATH "LibTorch location (archive root or torch package dir)")
set(GESSO_PYTHON "" CACHE FILEPATH "Python whose torch package provides LibTorch")

function(_gesso_torch_prefix out)
  if(GESSO_LIBTORCH)
    set(${out} "${GESSO_LIBTORCH};${GESSO_LIBTORCH}/share/cmake" PARENT_SCOPE)
    return()
  endif()
  set(_py "${GESSO_PYTHON}")
  if(NOT _py AND EXISTS "$ENV{HOME}/.cache/gesso/venv/bin/python")
    set(_py "$ENV{HOME}/.cache/gesso/venv/bin/python")
  endif()
  if(NOT _py)
    find_program(GESSO_PYTHON_EXE NAMES python3 python)
    set(_py "${GESSO_PYTHON_EXE}")
  endif()
  execute_process(COMMAND "${_py}" -c "import torch.utils; print(torch.utils.cmake_prefix_path)"
                  OUTPUT_VARIABLE _p OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE _rc ERROR_QUIET)
  if(_rc EQUAL 0)
    set(${out} "${_p}" PARENT_SCOPE)
  endif()
endfunction()

_gesso_torch_prefix(_gesso_torch_prefix_path)
list(PREPEND CMAKE_PREFIX_PATH ${_gesso_torch_prefix_path})
# Name the archs so that LibTorch does not try to run a GPU-detection program at configure time.
if(NOT DEFINED TORCH_CUDA_ARCH_LIST)
  set(TORCH_CUDA_ARCH_LIST "8.0;8.6;8.9;9.0")
endif()
find_package(Torch REQUIRED)
message(STATUS "LibTorch: ${Torch_DIR} (${Torch_VERSION})")
