#pragma once
#include <stdexcept>
#include <string>

namespace gesso {

// Every failure the engine reports is a gesso::Error whose message a user can act on.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A model file is missing, corrupt or does not match its config.
class ModelFileError : public Error {
 public:
  ModelFileError(const std::string& path, const std::string& what);
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A request field is out of range or inconsistent ("height 500 is not a multiple of 8").
class RequestError : public Error {
 public:
  RequestError(const std::string& field, const std::string& what);
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

// The device ran out of memory; the message says what to switch on.
class OutOfMemoryError : public Error {
 public:
  using Error::Error;
};

// The observer asked to stop. Not a failure the user needs to fix.
class CancelledError : public Error {
 public:
  CancelledError() : Error("cancelled") {}
};

}  // namespace gesso
