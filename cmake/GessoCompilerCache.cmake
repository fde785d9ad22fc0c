# ccache for C++ and CUDA. Precompiled headers need ccache's "sloppiness" settings, which we pass
# through the launcher so that no user config is required.
option(GESSO_CCACHE "Use ccache when found" ON)
find_program(GESSO_CCACHE_PROGRAM ccache)
if(GESSO_CCACHE AND GESSO_CCACHE_PROGRAM)
  if(DEFINED ENV{CCACHE_DIR})
    set(_gesso_ccache_dir "$ENV{CCACHE_DIR}")
  else()
    set(_gesso_ccache_dir "$ENV{HOME}/.cache/gesso/ccache")
  endif()
  # BASEDIR makes paths inside the tree relative in the cache key, so every clone (CI's fresh ones
  # included) shares the cache.
  set(_launcher env
      CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
      CCACHE_BASEDIR=${PROJECT_SOURCE_DIR}
      CCACHE_DIR=${_gesso_ccache_dir} CCACHE_MAXSIZE=5G ${GESSO_CCACHE_PROGRAM})
  set(CMAKE_C_COMPILER_LAUNCHER ${_launcher})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${_launcher})
  set(CMAKE_CUDA_COMPILER_LAUNCHER ${_launcher})
  message(STATUS "ccache: ${GESSO_CCACHE_PROGRAM} (${_gesso_ccache_dir})")
endif()
