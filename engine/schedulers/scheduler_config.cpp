#include "engine/error.h"
#include "engine/schedulers/scheduler.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

namespace gesso::schedulers {
namespace {

using nlohmann::json;

// Python's json writes float('-inf') as the bare token -Infinity (diffusers saves
// lambda_min_clipped so); strict JSON has no such token. Quote them, outside strings.
std::string quote_non_finite(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) out += text[++i];
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    bool replaced = false;
    for (const char* token : {"-Infinity", "Infinity", "NaN"}) {
      const std::string t(token);
      if (text.compare(i, t.size(), t) == 0) {
        out += '"' + t + '"';
        i += t.size() - 1;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += c;
  }
  return out;
}

class Reader {
 public:
  Reader(const json& root, const std::string& path) : root_(root), path_(path) {}

  // A key that is absent or null leaves the field as it is.
  void read(const char* key, int& field) const {
    if (const json* v = find(key)) {
      if (v->is_number_integer()) {
        field = v->get<int>();
      } else if (v->is_number_float() && std::floor(v->get<double>()) == v->get<double>()) {
        field = static_cast<int>(v->get<double>());
      } else {
        fail(key, "an integer", *v);
      }
    }
  }
  void read(const char* key, double& field) const {
    if (const json* v = find(key)) field = number(key, *v);
  }
  void read(const char* key, bool& field) const {
    if (const json* v = find(key)) {
      if (!v->is_boolean()) fail(key, "true or false", *v);
      field = v->get<bool>();
    }
  }
  void read(const char* key, std::string& field) const {
    if (const json* v = find(key)) {
      if (!v->is_string()) fail(key, "a string", *v);
      field = v->get<std::string>();
    }
  }
  // A key that is absent or null stays nullopt: the class that reads it supplies its default.
  template <typename T>
  void read(const char* key, std::optional<T>& field) const {
    if (!find(key)) return;
    T value{};
    read(key, value);
    field = value;
  }
  void read(const char* key, std::vector<double>& field) const {
    if (const json* v = find(key)) {
      if (!v->is_array()) fail(key, "a list of numbers", *v);
      field.clear();
      for (const auto& item : *v) field.push_back(number(key, item));
    }
  }
  void read(const char* key, std::vector<int>& field) const {
    if (const json* v = find(key)) {
      if (!v->is_array()) fail(key, "a list of integers", *v);
      field.clear();
      for (const auto& item : *v) {
        if (!item.is_number_integer()) fail(key, "a list of integers", *v);
        field.push_back(item.get<int>());
      }
    }
  }

  // Rejects a value no scheduler implements.
  void check_one_of(const char* key, const std::string& value, const std::vector<std::string>& allowed) const {
    for (const auto& a : allowed) {
      if (value == a) return;
    }
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    throw ModelFileError(path_, std::string("\"") + key + "\" is '" + value + "'; expected one of " + list);
  }

 private:
  const json* find(const char* key) const {
    auto it = root_.find(key);
    if (it == root_.end() || it->is_null()) return nullptr;
    return &*it;
  }
  double number(const char* key, const json& v) const {
    if (v.is_number()) return v.get<double>();
    if (v.is_string()) {
      const auto s = v.get<std::string>();
      if (s == "-Infinity") return -std::numeric_limits<double>::infinity();
      if (s == "Infinity") return std::numeric_limits<double>::infinity();
      if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
    }
    fail(key, "a number", v);
  }
  [[noreturn]] void fail(const char* key, const char* expected, const json& v) const {
    throw ModelFileError(path_, std::string("\"") + key + "\" must be " + expected + ", not " + v.dump());
  }

  const json& root_;
  std::string path_;
};

json parse_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ModelFileError(path, "cannot open the scheduler config (missing or unreadable)");
  std::stringstream buffer;
  buffer << in.rdbuf();
  json root;
  try {
    root = json::parse(quote_non_finite(buffer.str()));
  } catch (const json::exception& e) {
    throw ModelFileError(path, std::string("is not valid JSON: ") + e.what());
  }
  if (!root.is_object()) throw ModelFileError(path, "must hold a JSON object of scheduler settings");
  return root;
}

void read_schedule_keys(const Reader& r, SchedulerConfig& c) {
  r.read("_class_name", c.class_name);
  r.read("num_train_timesteps", c.num_train_timesteps);
  r.read("beta_start", c.beta_start);
  r.read("beta_end", c.beta_end);
  r.read("beta_schedule", c.beta_schedule);
  r.read("trained_betas", c.trained_betas);
  r.read("rescale_betas_zero_snr", c.rescale_betas_zero_snr);
  r.read("prediction_type", c.prediction_type);
  r.read("timestep_spacing", c.timestep_spacing);
  r.read("steps_offset", c.steps_offset);
  r.read("set_alpha_to_one", c.set_alpha_to_one);
  r.read("skip_prk_steps", c.skip_prk_steps);
  r.read("clip_sample", c.clip_sample);
  r.read("clip_sample_range", c.clip_sample_range);
  r.read("thresholding", c.thresholding);
  r.read("dynamic_thresholding_ratio", c.dynamic_thresholding_ratio);
  r.read("sample_max_value", c.sample_max_value);
  r.read("variance_type", c.variance_type);
}

void read_solver_keys(const Reader& r, SchedulerConfig& c) {
  r.read("use_karras_sigmas", c.use_karras_sigmas);
  r.read("use_exponential_sigmas", c.use_exponential_sigmas);
  r.read("use_beta_sigmas", c.use_beta_sigmas);
  r.read("sigma_min", c.sigma_min);
  r.read("sigma_max", c.sigma_max);
  r.read("interpolation_type", c.interpolation_type);
  r.read("timestep_type", c.timestep_type);
  r.read("final_sigmas_type", c.final_sigmas_type);
  r.read("solver_order", c.solver_order);
  r.read("algorithm_type", c.algorithm_type);
  r.read("solver_type", c.solver_type);
  r.read("lower_order_final", c.lower_order_final);
  r.read("euler_at_final", c.euler_at_final);
  r.read("lambda_min_clipped", c.lambda_min_clipped);
  r.read("predict_x0", c.predict_x0);
  r.read("disable_corrector", c.disable_corrector);
}

void validate(const Reader& r, const SchedulerConfig& c, const std::string& path) {
  if (c.num_train_timesteps < 2) throw ModelFileError(path, "\"num_train_timesteps\" must be at least 2");
  if (c.steps_offset.value_or(0) < 0) throw ModelFileError(path, "\"steps_offset\" must not be negative");
  if (!c.trained_betas.empty() && static_cast<int>(c.trained_betas.size()) != c.num_train_timesteps) {
    throw ModelFileError(path, "\"trained_betas\" has " + std::to_string(c.trained_betas.size()) +
                                   " values for " + std::to_string(c.num_train_timesteps) + " training timesteps");
  }
  if (c.trained_betas.empty() && c.beta_schedule)
    r.check_one_of("beta_schedule", *c.beta_schedule,
                   {"linear", "scaled_linear", "squaredcos_cap_v2", "sigmoid", "laplace"});
  if (c.prediction_type) r.check_one_of("prediction_type", *c.prediction_type, {"epsilon", "v_prediction", "sample"});
  if (c.timestep_spacing) r.check_one_of("timestep_spacing", *c.timestep_spacing, {"leading", "trailing", "linspace"});
  if (c.variance_type) {
    r.check_one_of("variance_type", *c.variance_type,
                   {"fixed_small", "fixed_small_log", "fixed_large", "fixed_large_log", "learned", "learned_range"});
  }
}

}  // namespace

SchedulerConfig load_scheduler_config(const std::string& path) { return scheduler_config_from(parse_file(path), path); }

SchedulerConfig scheduler_config_from(const json& root, const std::string& path) {
  if (!root.is_object()) throw ModelFileError(path, "expected a JSON object at the top level");
  const Reader reader(root, path);
  SchedulerConfig config;
  read_schedule_keys(reader, config);
  read_solver_keys(reader, config);
  validate(reader, config, path);
  return config;
}

}  // namespace gesso::schedulers
