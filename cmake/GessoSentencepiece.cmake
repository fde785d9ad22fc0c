# sentencepiece (T5 tokenizer). Found by header and library rather than pkg-config, so that a
# prefix given in CMAKE_PREFIX_PATH (e.g. an unpacked bundle on the GPU machine) is enough.
find_path(GESSO_SENTENCEPIECE_INCLUDE_DIR sentencepiece_processor.h REQUIRED)
find_library(GESSO_SENTENCEPIECE_LIBRARY NAMES sentencepiece REQUIRED)
add_library(gesso_sentencepiece UNKNOWN IMPORTED)
set_target_properties(gesso_sentencepiece PROPERTIES
  IMPORTED_LOCATION "${GESSO_SENTENCEPIECE_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${GESSO_SENTENCEPIECE_INCLUDE_DIR}")
