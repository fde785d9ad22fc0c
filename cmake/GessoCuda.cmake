# CUDA is used when a toolkit is found: .cu kernels compile for the GPUs Gesso supports
# (Ampere sm_80/sm_86, Ada sm_89, Hopper sm_90). Without one the same tree builds CPU-only.
include(CheckLanguage)
option(GESSO_WITH_CUDA "Build CUDA kernels when a CUDA toolkit is found" ON)
set(GESSO_CUDA OFF)
if(GESSO_WITH_CUDA)
  if(NOT DEFINED CMAKE_CUDA_ARCHITECTURES)
    set(CMAKE_CUDA_ARCHITECTURES 80 86 89 90)
  endif()
  check_language(CUDA)
  if(CMAKE_CUDA_COMPILER)
    enable_language(CUDA)
    set(CMAKE_CUDA_STANDARD 17)  # CMake 3.25 knows no CUDA 20 dialect for nvcc 13
    set(CMAKE_CUDA_STANDARD_REQUIRED ON)
    find_package(CUDAToolkit REQUIRED)
    set(GESSO_CUDA ON)
  endif()
endif()
message(STATUS "CUDA kernels: ${GESSO_CUDA} (archs ${CMAKE_CUDA_ARCHITECTURES})")
