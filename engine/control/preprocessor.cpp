#include "engine/control/preprocessor.h"

#include <opencv2/core.hpp>

#include <charconv>

#include "engine/control/colour_preprocessors.h"
#include "engine/control/content_shuffle.h"
#include "engine/control/edge_maps.h"
#include "engine/control/inpaint_hint.h"
#include "engine/control/tile_preprocessors.h"
#include "engine/error.h"

namespace gesso::control {
namespace {

// What a preprocessor runs on: the RGB image and its validated settings.
struct Inputs {
  const cv::Mat& rgb;
  int resolution;
  double a, b;
  uint64_t seed;
};
using Runner = cv::Mat (*)(const Inputs&);

struct Entry {
  PreprocessorInfo info;
  Runner run;  // nullptr for "inpaint", which needs the mask (inpaint_hint)
};

// shuffle's resolution slider is hidden in sd-webui-controlnet's UI at this value.
constexpr int kShuffleResolution = 512;

PreprocessorSlider slider(std::string label, double min, double max, double step, double value) {
  return {std::move(label), min, max, step, value};
}

PreprocessorInfo info(std::string name, std::string label, bool uses_resolution,
                      std::optional<PreprocessorSlider> a = std::nullopt,
                      std::optional<PreprocessorSlider> b = std::nullopt) {
  return {std::move(name), std::move(label), uses_resolution, std::move(a), std::move(b), false};
}

// Names, labels, ranges and defaults are sd-webui-controlnet's (scripts/supported_preprocessor.py,
// model_free_preprocessors.py, legacy/preprocessor_compiled.py), steps included: a slider without
// a step there gets PreprocessorParameter's default 0.01.
std::vector<Entry> make_entries() {
  const auto variation = slider("Variation", 3, 32, 1, 8);
  const auto gamma = slider("Gamma Correction", 0.1, 2, 0.001, 1);
  std::vector<Entry> e = {
      {info("none", "none", false), [](const Inputs& in) { return in.rgb.clone(); }},
      {info("canny", "canny", true, slider("Low Threshold", 1, 255, 1, 100), slider("High Threshold", 1, 255, 1, 200)),
       [](const Inputs& in) { return canny_edges(in.rgb, in.resolution, in.a, in.b); }},
      {info("softedge_sobel", "softedge_sobel (Gesso's model-free stand-in for HED / PiDiNet)", true),
       [](const Inputs& in) { return sobel_soft_edges(in.rgb, in.resolution); }},
      {info("lineart_standard", "lineart_standard (from white bg & black line)", true),
       [](const Inputs& in) { return standard_lineart(in.rgb, in.resolution); }},
      {info("scribble_xdog", "scribble_xdog", true, slider("XDoG Threshold", 1, 64, 0.01, 32)),
       [](const Inputs& in) { return xdog_scribble(in.rgb, in.resolution, in.a); }},
      {info("shuffle", "shuffle", false),
       [](const Inputs& in) { return content_shuffle(in.rgb, kShuffleResolution, in.seed); }},
      {info("tile_resample", "tile_resample", false, slider("Down Sampling Rate", 1, 8, 0.01, 1)),
       [](const Inputs& in) { return tile_resample(in.rgb, in.a); }},
      {info("tile_colorfix", "tile_colorfix", false, variation),
       [](const Inputs& in) { return tile_colorfix(in.rgb); }},
      {info("tile_colorfix+sharp", "tile_colorfix+sharp", false, variation, slider("Sharpness", 0, 2, 0.01, 1)),
       [](const Inputs& in) { return tile_colorfix(in.rgb); }},
      {info("blur_gaussian", "blur_gaussian", true, slider("Sigma", 0.01, 64, 0.01, 9)),
       [](const Inputs& in) { return gaussian_blur(in.rgb, in.resolution, in.a); }},
      {info("threshold", "threshold", true, slider("Binarization Threshold", 0, 255, 0.01, 127)),
       [](const Inputs& in) { return binarize(in.rgb, in.resolution, in.a); }},
      {info("invert", "invert (from white bg & black line)", false), [](const Inputs& in) { return invert(in.rgb); }},
      {info("recolor_luminance", "recolor_luminance", false, gamma),
       [](const Inputs& in) { return recolor_luminance(in.rgb, in.a); }},
      {info("recolor_intensity", "recolor_intensity", false, gamma),
       [](const Inputs& in) { return recolor_intensity(in.rgb, in.a); }},
      {info("inpaint", "inpaint_global_harmonious", false), nullptr},
  };
  e.back().info.needs_mask = true;
  return e;
}

const std::vector<Entry>& entries() {
  static const std::vector<Entry> table = make_entries();
  return table;
}

const Entry* find_entry(const std::string& name) {
  for (const auto& e : entries()) {
    if (e.info.name == name) return &e;
  }
  return nullptr;
}

[[noreturn]] void fail(const std::string& what) { throw RequestError("preprocessor", what); }

// The shortest text that reads back as `v`: "0.01", "255", "1e+300".
std::string number(double v) {
  char buffer[64];
  return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, v).ptr);
}

std::string range(const PreprocessorSlider& s) { return number(s.min) + ".." + number(s.max); }

std::string names() {
  std::string s;
  for (const auto& p : preprocessors()) s += (s.empty() ? "" : ", ") + p.name;
  return s;
}

// The value a threshold stands for: a negative one is the slider's default (as the PNG text
// writes it), anything else must lie on the slider. A setting for a slider the preprocessor does
// not have is ignored, as sd-webui-controlnet ignores it.
double slider_value(const std::string& name, const std::optional<PreprocessorSlider>& s, double v) {
  if (!s) return v;
  if (v < 0) return s->value;
  if (!(v >= s->min && v <= s->max)) {
    fail(name + "'s " + s->label + " must be within " + range(*s) + " (got " + number(v) +
         "); use -1 for its default " + number(s->value));
  }
  return v;
}

void check_resolution(const PreprocessorInfo& p, int resolution) {
  const auto& r = resolution_slider();
  if (p.uses_resolution && !(resolution >= r.min && resolution <= r.max)) {
    fail(p.name + "'s Preprocessor Resolution must be within " + range(r) + " (got " + std::to_string(resolution) +
         ")");
  }
}

// A well-formed image, or a RequestError that says which one is wrong.
void check(const Image& image, const char* what) {
  if (image.empty()) fail(std::string("the ") + what + " is empty; choose an image");
  try {
    io::check_image(image, what);
  } catch (const Error& e) {
    fail(std::string(e.what()) + "; load the image again");
  }
}

}  // namespace

const std::vector<PreprocessorInfo>& preprocessors() {
  static const std::vector<PreprocessorInfo> list = [] {
    std::vector<PreprocessorInfo> v;
    for (const auto& e : entries()) v.push_back(e.info);
    return v;
  }();
  return list;
}

const PreprocessorInfo* find_preprocessor(const std::string& name) {
  for (const auto& p : preprocessors()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const PreprocessorSlider& resolution_slider() {
  static const PreprocessorSlider s = slider("Resolution", 64, 2048, 8, 512);
  return s;
}

Image preprocess(const Image& input, const PreprocessorSettings& settings, const Image* mask) {
  const Entry* entry = find_entry(settings.name);
  if (!entry) {
    fail("unknown preprocessor '" + settings.name + "'; choose one of " + names() +
         " (for a model-based one, process the image elsewhere and use \"none\")");
  }
  const PreprocessorInfo& p = entry->info;
  check_resolution(p, settings.resolution);
  const double a = slider_value(p.name, p.threshold_a, settings.threshold_a);
  const double b = slider_value(p.name, p.threshold_b, settings.threshold_b);
  check(input, "control image");
  const Image rgb = io::to_rgb(input);
  if (p.needs_mask) {
    if (!mask || mask->empty()) fail(p.name + " needs a mask: paint the area to repaint");
    check(*mask, "inpaint mask");
    return inpaint_hint(rgb, *mask);
  }
  const cv::Mat mat = io::to_mat(rgb);
  return io::from_mat(entry->run({mat, settings.resolution, a, b, settings.seed}));
}

}  // namespace gesso::control
