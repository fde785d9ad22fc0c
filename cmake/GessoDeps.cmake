# Libraries from the distribution (scripts/setup.sh installs them on Debian/Ubuntu).
include(GessoOpenCV)
include(GessoSentencepiece)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(PNG REQUIRED)
find_package(Threads REQUIRED)

# imgcodecs (JPEG, WebP, TIFF input) is optional: PNG, the format Gesso writes, goes through libpng.
# (GessoOpenCV sets GESSO_HAVE_IMGCODECS.)

# Qt is needed for the GUI and the tests; the engine, gesso-cli and gesso-bench build without it.
find_package(Qt6 6.4 QUIET COMPONENTS Core Gui Widgets Sql Test LinguistTools)
set(GESSO_HAVE_QT ${Qt6_FOUND})
if(NOT GESSO_HAVE_QT)
  message(STATUS "Qt 6 not found: building engine, gesso-cli and gesso-bench only (no GUI, no tests)")
  set(GESSO_BUILD_TESTS OFF CACHE BOOL "" FORCE)
endif()
