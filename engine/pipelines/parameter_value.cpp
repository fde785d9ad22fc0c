#include "engine/pipelines/parameter_value.h"

#include <cstdlib>

#include "engine/error.h"

namespace gesso::pipelines {

void malformed_parameter(const std::string& key, const std::string& value) {
  throw RequestError("parameters", "\"" + key + ": " + value + "\" is not a valid value");
}

int parameter_int(const std::string& key, const std::string& value) {
  char* end = nullptr;
  const long v = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0' || v < 0 || v > 100000) malformed_parameter(key, value);
  return static_cast<int>(v);
}

double parameter_scale(const std::string& key, const std::string& value) {
  char* end = nullptr;
  const double v = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0' || !(v > 0) || v > 100) malformed_parameter(key, value);
  return v;
}

}  // namespace gesso::pipelines
