#pragma once
// Numbers read from an A1111 parameters text's "Key: value" pairs, refused with a RequestError that
// quotes the pair when they are not numbers in range.
#include <string>

namespace gesso::pipelines {

[[noreturn]] void malformed_parameter(const std::string& key, const std::string& value);
// A whole number in 0 .. 100000 (sizes, steps, pixels).
int parameter_int(const std::string& key, const std::string& value);
// A number above 0 and at most 100 (scales).
double parameter_scale(const std::string& key, const std::string& value);

}  // namespace gesso::pipelines
