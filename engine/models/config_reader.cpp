#include "engine/models/config_reader.h"

#include <cmath>
#include <fstream>
#include <sstream>

#include "engine/error.h"

namespace gesso::models {
namespace {

// A short rendering of the offending value for error messages.
std::string shown(const nlohmann::json& v) {
  auto s = v.dump();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

}  // namespace

ConfigReader ConfigReader::open(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ModelFileError(path, "cannot open config file");
  std::stringstream text;
  text << in.rdbuf();
  auto json = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) throw ModelFileError(path, "not valid JSON");
  if (!json.is_object()) throw ModelFileError(path, "expected a JSON object at the top level");
  return ConfigReader(path, std::move(json));
}

ConfigReader::ConfigReader(std::string path, nlohmann::json json) : path_(std::move(path)), json_(std::move(json)) {}

void ConfigReader::fail(const std::string& key, const std::string& what) const {
  throw ModelFileError(path_, "\"" + key + "\": " + what);
}

const nlohmann::json* ConfigReader::find(const std::string& key) const {
  const auto it = json_.find(key);
  if (it == json_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool ConfigReader::has(const std::string& key) const { return find(key) != nullptr; }

bool ConfigReader::is_list(const std::string& key) const {
  const auto* v = find(key);
  return v && v->is_array();
}

bool ConfigReader::is_null(const std::string& key) const {
  const auto it = json_.find(key);
  return it != json_.end() && it->is_null();
}

int64_t ConfigReader::as_integer(const std::string& key, const nlohmann::json& v) const {
  if (v.is_number_integer()) return v.get<int64_t>();
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) return static_cast<int64_t>(d);
  }
  fail(key, "expected an integer, got " + shown(v));
}

int64_t ConfigReader::integer(const std::string& key, int64_t fallback) const {
  const auto* v = find(key);
  return v ? as_integer(key, *v) : fallback;
}

std::optional<int64_t> ConfigReader::optional_integer(const std::string& key) const {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  return as_integer(key, *v);
}

double ConfigReader::number(const std::string& key, double fallback) const {
  const auto v = optional_number(key);
  return v ? *v : fallback;
}

std::optional<double> ConfigReader::optional_number(const std::string& key) const {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_number()) fail(key, "expected a number, got " + shown(*v));
  return v->get<double>();
}

bool ConfigReader::boolean(const std::string& key, bool fallback) const {
  const auto* v = find(key);
  if (!v) return fallback;
  if (!v->is_boolean()) fail(key, "expected true or false, got " + shown(*v));
  return v->get<bool>();
}

std::string ConfigReader::string(const std::string& key, const std::string& fallback) const {
  const auto* v = find(key);
  if (!v) return fallback;
  if (!v->is_string()) fail(key, "expected a string, got " + shown(*v));
  return v->get<std::string>();
}

std::vector<int64_t> ConfigReader::integer_list(const std::string& key, const std::vector<int64_t>& fallback) const {
  const auto* v = find(key);
  if (!v) return fallback;
  if (!v->is_array()) fail(key, "expected a list of integers, got " + shown(*v));
  std::vector<int64_t> out;
  for (const auto& e : *v) out.push_back(as_integer(key, e));
  return out;
}

std::vector<double> ConfigReader::number_list(const std::string& key) const {
  const auto* v = find(key);
  if (!v) return {};
  if (!v->is_array()) fail(key, "expected a list of numbers, got " + shown(*v));
  std::vector<double> out;
  for (const auto& e : *v) {
    if (!e.is_number()) fail(key, "expected a list of numbers, got " + shown(*v));
    out.push_back(e.get<double>());
  }
  return out;
}

std::vector<std::string> ConfigReader::string_list(const std::string& key,
                                                   const std::vector<std::string>& fallback) const {
  const auto* v = find(key);
  if (!v) return fallback;
  if (!v->is_array()) fail(key, "expected a list of strings, got " + shown(*v));
  std::vector<std::string> out;
  for (const auto& e : *v) {
    if (!e.is_string()) fail(key, "expected a list of strings, got " + shown(*v));
    out.push_back(e.get<std::string>());
  }
  return out;
}

std::vector<int64_t> ConfigReader::per_block_integer(const std::string& key, int64_t fallback,
                                                     std::size_t count) const {
  const auto* v = find(key);
  if (v && v->is_array()) {
    auto out = integer_list(key, {});
    if (out.size() != count)
      fail(key, "has " + std::to_string(out.size()) + " entries but there are " + std::to_string(count) + " blocks");
    return out;
  }
  return std::vector<int64_t>(count, v ? as_integer(key, *v) : fallback);
}

std::vector<bool> ConfigReader::per_block_boolean(const std::string& key, bool fallback, std::size_t count) const {
  const auto* v = find(key);
  if (!v || v->is_boolean()) return std::vector<bool>(count, v ? v->get<bool>() : fallback);
  if (!v->is_array() || v->size() != count)
    fail(key, "expected true/false or one per block (" + std::to_string(count) + "), got " + shown(*v));
  std::vector<bool> out;
  for (const auto& e : *v) {
    if (!e.is_boolean()) fail(key, "expected true/false per block, got " + shown(*v));
    out.push_back(e.get<bool>());
  }
  return out;
}

std::optional<std::vector<int64_t>> ConfigReader::optional_size(const std::string& key) const {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  if (v->is_array()) {
    auto hw = integer_list(key, {});
    if (hw.size() != 2) fail(key, "expected an integer or [height, width], got " + shown(*v));
    return hw;
  }
  const auto s = as_integer(key, *v);
  return std::vector<int64_t>{s, s};
}

void ConfigReader::require_null(const std::string& key, const std::string& why) const {
  if (const auto* v = find(key)) fail(key, shown(*v) + " is not supported: " + why);
}

void ConfigReader::require_value(const std::string& key, const nlohmann::json& allowed, const std::string& why) const {
  const auto* v = find(key);
  if (v && *v != allowed) fail(key, shown(*v) + " is not supported: " + why);
}

}  // namespace gesso::models
