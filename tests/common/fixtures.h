#pragma once
// Where a test finds what its Python fixture (tests/fixtures/*.py) wrote at test time.
#include <cstdlib>
#include <filesystem>
#include <string>

namespace gesso::test {

// $GESSO_FIXTURES/<name>, set by ctest (tests/CMakeLists.txt, gesso_add_qtest ... FIXTURES name).
inline std::filesystem::path fixture_dir(const std::string& name) {
  const char* root = std::getenv("GESSO_FIXTURES");
  return std::filesystem::path(root ? root : "fixtures") / name;
}

}  // namespace gesso::test
