#include "engine/pipelines/control_unit_text.h"

#include <charconv>
#include <filesystem>
#include <map>

#include "engine/error.h"
#include "engine/io/a1111_parameters.h"

namespace gesso::pipelines {
namespace {

// Python's str(float), as sd-webui-controlnet writes its numbers: "1.0", "0.55".
std::string py_float(double v) {
  auto s = io::format_number(v);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return s;
}

std::string py_bool(bool b) { return b ? "True" : "False"; }

// "control_v11p_sd15_canny [d14c016b]" for a file or folder and its hash.
std::string model_text(const ControlUnit& u) {
  auto p = std::filesystem::path(u.model);
  if (!p.has_filename()) p = p.parent_path();
  auto name = std::filesystem::is_directory(p) ? p.filename().string() : p.stem().string();
  return u.model_hash.empty() ? name : name + " [" + u.model_hash + "]";
}

[[noreturn]] void fail(const std::string& what) { throw RequestError("parameters", "ControlNet unit: " + what); }

double number(const std::string& key, const std::string& value) {
  double v = 0;
  const auto* end = value.data() + value.size();
  const auto r = std::from_chars(value.data(), end, v);
  if (r.ec != std::errc() || r.ptr != end) fail(key + " '" + value + "' is not a number");
  return v;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

// "Key: value, Key: value" (sd-webui-controlnet's values hold neither ',' nor ':').
std::map<std::string, std::string> fields_of(const std::string& text) {
  std::map<std::string, std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto comma = text.find(',', pos);
    if (comma == std::string::npos) comma = text.size();
    const auto item = trim(text.substr(pos, comma - pos));
    pos = comma + 1;
    if (item.empty()) continue;
    const auto colon = item.find(": ");
    if (colon == std::string::npos) fail("'" + item + "' is not 'Key: value'");
    out[trim(item.substr(0, colon))] = trim(item.substr(colon + 2));
  }
  return out;
}

}  // namespace

std::string control_unit_text(const ControlUnit& u) {
  const auto* info = control::find_preprocessor(u.preprocessor.name);
  const auto threshold = [](double v, const std::optional<control::PreprocessorSlider>& slider) {
    return v >= 0 ? v : slider ? slider->value : -1.0;
  };
  const double a = threshold(u.preprocessor.threshold_a, info ? info->threshold_a : std::nullopt);
  const double b = threshold(u.preprocessor.threshold_b, info ? info->threshold_b : std::nullopt);
  const bool res = info && info->uses_resolution;
  std::string s = "Module: " + u.preprocessor.name + ", Model: " + model_text(u) + ", Weight: " + py_float(u.scale) +
                  ", Resize Mode: " + to_string(u.resize_mode) +
                  ", Processor Res: " + std::to_string(res ? u.preprocessor.resolution : -1) +
                  ", Threshold A: " + py_float(a) + ", Threshold B: " + py_float(b) +
                  ", Guidance Start: " + py_float(u.start) + ", Guidance End: " + py_float(u.end) +
                  ", Pixel Perfect: False, Control Mode: " + to_string(u.control_mode);
  if (u.guess_mode) s += ", Guess Mode: True";
  return s;
}

ControlUnit parse_control_unit_text(const std::string& text) {
  const auto f = fields_of(text);
  if (!f.count("Model")) fail("'" + text + "' names no Model");
  ControlUnit u;
  auto model = f.at("Model");
  if (model.ends_with("]")) {
    if (const auto open = model.rfind(" ["); open != std::string::npos) {
      u.model_hash = model.substr(open + 2, model.size() - open - 3);
      model = model.substr(0, open);
    }
  }
  u.model = model;
  const auto get = [&](const char* key) -> const std::string* {
    const auto it = f.find(key);
    return it == f.end() ? nullptr : &it->second;
  };
  if (const auto* v = get("Module")) u.preprocessor.name = *v;
  if (const auto* v = get("Weight")) u.scale = number("Weight", *v);
  if (const auto* v = get("Guidance Start")) u.start = number("Guidance Start", *v);
  if (const auto* v = get("Guidance End")) u.end = number("Guidance End", *v);
  if (const auto* v = get("Threshold A")) u.preprocessor.threshold_a = number("Threshold A", *v);
  if (const auto* v = get("Threshold B")) u.preprocessor.threshold_b = number("Threshold B", *v);
  if (const auto* v = get("Processor Res")) {
    const double r = number("Processor Res", *v);
    if (r > 0) u.preprocessor.resolution = static_cast<int>(r);
  }
  if (const auto* v = get("Resize Mode")) {
    const auto m = resize_mode_from(*v);
    if (!m) fail("Resize Mode '" + *v + "' is not Just Resize, Crop and Resize or Resize and Fill");
    u.resize_mode = *m;
  }
  if (const auto* v = get("Control Mode")) {
    const auto m = control_mode_from(*v);
    if (!m) fail("Control Mode '" + *v + "' is not one of sd-webui-controlnet's three");
    u.control_mode = *m;
  }
  if (const auto* v = get("Guess Mode")) u.guess_mode = *v == "True";
  if (!(u.scale >= 0 && u.scale <= 10)) fail("Weight must be within 0..10");
  if (!(u.start >= 0 && u.start < u.end && u.end <= 1)) fail("Guidance Start / End must satisfy 0 <= start < end <= 1");
  return u;
}

}  // namespace gesso::pipelines
