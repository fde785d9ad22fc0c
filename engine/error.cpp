#include "engine/error.h"

namespace gesso {

ModelFileError::ModelFileError(const std::string& path, const std::string& what)
    : Error(path + ": " + what), path_(path) {}

RequestError::RequestError(const std::string& field, const std::string& what)
    : Error(field + ": " + what), field_(field) {}

}  // namespace gesso
