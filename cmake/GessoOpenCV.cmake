# OpenCV core + imgproc (required) and imgcodecs (optional). Uses OpenCVConfig.cmake when the full
# libopencv-dev is installed; otherwise finds the per-module Debian packages (libopencv-core-dev,
# libopencv-imgproc-dev, libopencv-imgcodecs-dev), which ship headers and libraries but no config.
# Sets OpenCV_LIBS and GESSO_HAVE_IMGCODECS.
find_package(OpenCV QUIET CONFIG COMPONENTS core imgproc OPTIONAL_COMPONENTS imgcodecs)
if(OpenCV_FOUND)
  set(GESSO_HAVE_IMGCODECS OFF)
  if(TARGET opencv_imgcodecs)
    set(GESSO_HAVE_IMGCODECS ON)
  endif()
  message(STATUS "OpenCV ${OpenCV_VERSION} (config): imgcodecs=${GESSO_HAVE_IMGCODECS}")
  return()
endif()

find_path(GESSO_OPENCV_INCLUDE_DIR opencv2/core.hpp PATH_SUFFIXES opencv4 REQUIRED)
set(OpenCV_LIBS "")
foreach(_module core imgproc imgcodecs)
  find_library(GESSO_OPENCV_${_module}_LIBRARY NAMES opencv_${_module})
  if(GESSO_OPENCV_${_module}_LIBRARY)
    add_library(gesso_opencv_${_module} UNKNOWN IMPORTED)
    set_target_properties(gesso_opencv_${_module} PROPERTIES
      IMPORTED_LOCATION "${GESSO_OPENCV_${_module}_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${GESSO_OPENCV_INCLUDE_DIR}")
    list(APPEND OpenCV_LIBS gesso_opencv_${_module})
  elseif(NOT _module STREQUAL "imgcodecs")
    message(FATAL_ERROR "OpenCV ${_module} not found: install libopencv-${_module}-dev")
  endif()
endforeach()
set(GESSO_HAVE_IMGCODECS OFF)
if(TARGET gesso_opencv_imgcodecs)
  set(GESSO_HAVE_IMGCODECS ON)
endif()
message(STATUS "OpenCV (modules): ${GESSO_OPENCV_INCLUDE_DIR} imgcodecs=${GESSO_HAVE_IMGCODECS}")
