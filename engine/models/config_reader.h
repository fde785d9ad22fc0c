#pragma once
// Typed reads from a diffusers / transformers config.json. Every bad value becomes a
// gesso::ModelFileError that names the file and the key, so a user can fix the file.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gesso::models {

class ConfigReader {
 public:
  // Reads and parses the file; a missing file, malformed JSON or a non-object throws ModelFileError.
  static ConfigReader open(const std::string& path);
  ConfigReader(std::string path, nlohmann::json json);

  const std::string& path() const { return path_; }

  // A key that is absent or null takes the default, as diffusers' register_to_config does.
  bool has(const std::string& key) const;       // present and not null
  bool is_null(const std::string& key) const;   // present and explicitly null
  bool is_list(const std::string& key) const;   // present and an array
  int64_t integer(const std::string& key, int64_t fallback) const;
  double number(const std::string& key, double fallback) const;
  bool boolean(const std::string& key, bool fallback) const;
  std::string string(const std::string& key, const std::string& fallback) const;
  std::optional<int64_t> optional_integer(const std::string& key) const;
  std::optional<double> optional_number(const std::string& key) const;
  std::vector<int64_t> integer_list(const std::string& key, const std::vector<int64_t>& fallback) const;
  std::vector<double> number_list(const std::string& key) const;  // empty when absent
  std::vector<std::string> string_list(const std::string& key, const std::vector<std::string>& fallback) const;

  // diffusers' "int or one per block" arguments: an int is repeated `count` times; a list must have
  // exactly `count` entries.
  std::vector<int64_t> per_block_integer(const std::string& key, int64_t fallback, std::size_t count) const;
  std::vector<bool> per_block_boolean(const std::string& key, bool fallback, std::size_t count) const;

  // An int or an [a, b] pair; an int means (v, v).
  std::optional<std::vector<int64_t>> optional_size(const std::string& key) const;

  // For options Gesso does not implement: throws unless the key is absent, null or `allowed`.
  void require_null(const std::string& key, const std::string& why) const;
  void require_value(const std::string& key, const nlohmann::json& allowed, const std::string& why) const;

  [[noreturn]] void fail(const std::string& key, const std::string& what) const;

 private:
  const nlohmann::json* find(const std::string& key) const;  // nullptr when absent or null
  int64_t as_integer(const std::string& key, const nlohmann::json& v) const;

  std::string path_;
  nlohmann::json json_;
};

}  // namespace gesso::models
