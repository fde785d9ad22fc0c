// sd-webui-controlnet's model-free preprocessors against the fixture's cv2 + numpy renditions of
// their definitions (tests/fixtures/preprocessor_fixture.py), numpy's RandomState stream, the
// registry's sliders, every preprocessor on gray and RGBA input, the errors, and the PNG text's
// defaults.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>

#include "common/fixtures.h"
#include "engine/control/numpy_random_state.h"
#include "engine/control/preprocessor.h"
#include "engine/error.h"
#include "engine/io/image.h"
#include "engine/io/image_io.h"
#include "engine/pipelines/control_unit_text.h"

using gesso::Image;
using gesso::control::PreprocessorSettings;
using gesso::control::preprocess;

namespace {

std::string fixture(const std::string& name) { return (gesso::test::fixture_dir("preprocessors") / name).string(); }

nlohmann::json read_json(const std::string& name) {
  std::ifstream in(fixture(name));
  if (!in) throw std::runtime_error("missing fixture " + fixture(name));
  return nlohmann::json::parse(in);
}

PreprocessorSettings settings(const std::string& name, int resolution = 512, double a = -1, double b = -1,
                              uint64_t seed = 0) {
  PreprocessorSettings s;
  s.name = name;
  s.resolution = resolution;
  s.threshold_a = a;
  s.threshold_b = b;
  s.seed = seed;
  return s;
}

// The input with an alpha channel that varies (0..255), so that compositing it would show.
Image with_alpha(const Image& rgb) {
  Image rgba = gesso::io::make_image(rgb.width, rgb.height, 4);
  for (int y = 0; y < rgb.height; ++y) {
    for (int x = 0; x < rgb.width; ++x) {
      std::copy_n(rgb.at(x, y), 3, rgba.at(x, y));
      rgba.at(x, y)[3] = static_cast<uint8_t>((x * 7 + y * 3) % 256);
    }
  }
  return rgba;
}

// The RequestError's message, or "" (and a failure) when `call` does not throw one.
template <typename F>
std::string request_error(F&& call) {
  try {
    call();
  } catch (const gesso::RequestError& e) {
    if (e.field() != "preprocessor") return "wrong field " + e.field();
    return e.what();
  } catch (const std::exception& e) {
    return std::string("not a RequestError: ") + e.what();
  }
  return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

class TestPreprocessors : public QObject {
  Q_OBJECT

 private slots:
  void matchesReference_data() {
    QTest::addColumn<int>("index");
    const auto cases = read_json("cases.json");
    for (size_t i = 0; i < cases.size(); ++i) {
      const auto& c = cases[i];
      std::string input = c["input"].get<std::string>();
      if (!c["mask"].is_null()) input += "+" + c["mask"].get<std::string>();
      QTest::addRow("%02zu %s %s res %d a %g b %g seed %llu", i, c["preprocessor"].get<std::string>().c_str(),
                    input.c_str(), c["resolution"].get<int>(), c["threshold_a"].get<double>(),
                    c["threshold_b"].get<double>(), static_cast<unsigned long long>(c["seed"].get<uint64_t>()))
          << static_cast<int>(i);
    }
  }

  // Same size, same channels, same values: exactly, except where the fixture states a tolerance.
  void matchesReference() {
    QFETCH(int, index);
    const auto c = read_json("cases.json")[index];
    Image input = gesso::io::read_image(fixture(c["input"].get<std::string>()));
    if (c["gray"].get<bool>()) input = gesso::io::to_gray(input);  // a 1-channel input, as the PNG is
    std::optional<Image> mask;
    if (!c["mask"].is_null()) mask = gesso::io::read_image(fixture(c["mask"].get<std::string>()));
    const Image out = preprocess(input, settings(c["preprocessor"].get<std::string>(), c["resolution"].get<int>(),
                                                 c["threshold_a"].get<double>(), c["threshold_b"].get<double>(),
                                                 c["seed"].get<uint64_t>()),
                                 mask ? &*mask : nullptr);
    const Image want = gesso::io::read_image(fixture(c["expected"].get<std::string>()));
    QCOMPARE(out.width, want.width);
    QCOMPARE(out.height, want.height);
    QCOMPARE(out.channels, want.channels);
    int worst = 0;
    size_t differing = 0;
    for (size_t i = 0; i < out.pixels.size(); ++i) {
      const int d = std::abs(out.pixels[i] - want.pixels[i]);
      worst = std::max(worst, d);
      differing += d != 0;
    }
    const double fraction = static_cast<double>(differing) / out.pixels.size();
    qInfo("%dx%dx%d max diff %d, %zu of %zu values differ", out.width, out.height, out.channels, worst, differing,
          out.pixels.size());
    const int max_abs = c["tolerance"]["max_abs"].get<int>();
    const double max_fraction = c["tolerance"]["max_fraction"].get<double>();
    QVERIFY2(worst <= max_abs && fraction <= max_fraction,
             qPrintable(QString("max diff %1 (allowed %2), %3 of values differ (allowed %4)")
                            .arg(worst).arg(max_abs).arg(fraction).arg(max_fraction)));
  }

  // shuffle's flow is drawn as np.random.RandomState(seed).uniform draws it, bit for bit.
  void numpyRandomStateStream() {
    for (const auto& row : read_json("numpy_uniform.json")) {
      gesso::control::NumpyRandomState random(row["seed"].get<uint32_t>());
      for (const auto& v : row["values"]) QCOMPARE(random.uniform(), v.get<double>());
    }
  }

  void registryListsSlidersAsTheUi() {
    const auto& list = gesso::control::preprocessors();
    QCOMPARE(QString::fromStdString(list.front().name), QString("none"));
    std::set<std::string> names;
    for (const auto& p : list) {
      QVERIFY2(names.insert(p.name).second, p.name.c_str());
      QVERIFY(!p.label.empty());
      QCOMPARE(gesso::control::find_preprocessor(p.name), &p);
      for (const auto& s : {p.threshold_a, p.threshold_b}) {
        if (s) QVERIFY2(s->min <= s->value && s->value <= s->max && s->step > 0 && !s->label.empty(), p.name.c_str());
      }
      QCOMPARE(p.needs_mask, p.name == "inpaint");
    }
    for (const char* n : {"none", "canny", "softedge_sobel", "lineart_standard", "scribble_xdog", "shuffle",
                          "tile_resample", "tile_colorfix", "tile_colorfix+sharp", "blur_gaussian", "threshold",
                          "invert", "recolor_luminance", "recolor_intensity", "inpaint"}) {
      QVERIFY2(names.count(n), n);
    }
    QCOMPARE(names.size(), size_t{15});
    QVERIFY(gesso::control::find_preprocessor("depth_midas") == nullptr);

    // sd-webui-controlnet's labels, ranges, steps and defaults.
    struct Expect {
      const char* name;
      bool a;
      const char* label;
      double min, max, step, value;
    };
    for (const auto& e : std::vector<Expect>{{"canny", true, "Low Threshold", 1, 255, 1, 100},
                                             {"canny", false, "High Threshold", 1, 255, 1, 200},
                                             {"scribble_xdog", true, "XDoG Threshold", 1, 64, 0.01, 32},
                                             {"blur_gaussian", true, "Sigma", 0.01, 64, 0.01, 9},
                                             {"tile_resample", true, "Down Sampling Rate", 1, 8, 0.01, 1},
                                             {"tile_colorfix", true, "Variation", 3, 32, 1, 8},
                                             {"tile_colorfix+sharp", false, "Sharpness", 0, 2, 0.01, 1},
                                             {"threshold", true, "Binarization Threshold", 0, 255, 0.01, 127},
                                             {"recolor_luminance", true, "Gamma Correction", 0.1, 2, 0.001, 1},
                                             {"recolor_intensity", true, "Gamma Correction", 0.1, 2, 0.001, 1}}) {
      const auto* p = gesso::control::find_preprocessor(e.name);
      const auto& s = e.a ? p->threshold_a : p->threshold_b;
      QVERIFY2(s.has_value(), e.name);
      QCOMPARE(QString::fromStdString(s->label), QString(e.label));
      QCOMPARE(s->min, e.min);
      QCOMPARE(s->max, e.max);
      QCOMPARE(s->step, e.step);
      QCOMPARE(s->value, e.value);
    }
    for (const char* n : {"none", "softedge_sobel", "lineart_standard", "shuffle", "invert", "inpaint"}) {
      QVERIFY2(!gesso::control::find_preprocessor(n)->threshold_a, n);
    }
    QCOMPARE(QString::fromStdString(gesso::control::find_preprocessor("invert")->label),
             QString("invert (from white bg & black line)"));
    for (const char* n :
         {"canny", "softedge_sobel", "lineart_standard", "scribble_xdog", "blur_gaussian", "threshold"}) {
      QVERIFY2(gesso::control::find_preprocessor(n)->uses_resolution, n);
    }
    for (const char* n : {"none", "shuffle", "tile_resample", "invert", "recolor_luminance", "inpaint"}) {
      QVERIFY2(!gesso::control::find_preprocessor(n)->uses_resolution, n);
    }
    const auto& r = gesso::control::resolution_slider();
    QVERIFY(r.min == 64 && r.max == 2048 && r.step == 8 && r.value == 512);
  }

  // Gray is replicated and alpha dropped before the preprocessor runs: the same map as from the RGB.
  void everyPreprocessorRunsOnGrayAndRgba() {
    const Image photo = gesso::io::read_image(fixture("small.png"));
    const Image gray = gesso::io::to_gray(photo);
    const Image gray_rgb = gesso::io::to_rgb(gray);
    const Image rgba = with_alpha(photo);
    const Image mask = gesso::io::read_image(fixture("mask_half.png"));
    for (const auto& p : gesso::control::preprocessors()) {
      const auto s = settings(p.name, 128, -1, -1, 99);
      const Image* m = p.needs_mask ? &mask : nullptr;
      const Image from_rgb = preprocess(photo, s, m), from_rgba = preprocess(rgba, s, m);
      const Image from_gray = preprocess(gray, s, m), from_gray_rgb = preprocess(gray_rgb, s, m);
      QCOMPARE(from_rgb.channels, p.needs_mask ? 4 : 3);
      QCOMPARE(from_gray.channels, from_rgb.channels);
      QVERIFY2(from_rgba.pixels == from_rgb.pixels, p.name.c_str());
      QVERIFY2(from_gray.pixels == from_gray_rgb.pixels, p.name.c_str());
      QVERIFY2(from_gray.width == from_rgb.width && from_gray.height == from_rgb.height, p.name.c_str());
    }
  }

  void workingSizesAndSeeds() {
    const Image photo = gesso::io::read_image(fixture("photo.png"));  // 200x136
    const Image canny = preprocess(photo, settings("canny", 256));
    QVERIFY(canny.width == 376 && canny.height == 256);  // 200 * 256 / 136 = 376.47
    const Image invert = preprocess(photo, settings("invert", 256));
    QVERIFY(invert.width == 200 && invert.height == 136);
    const Image shuffled = preprocess(photo, settings("shuffle", 64, -1, -1, 5));  // resolution: always 512
    QVERIFY(shuffled.width == 753 && shuffled.height == 512);
    QVERIFY(preprocess(photo, settings("shuffle", 512, -1, -1, 5)).pixels == shuffled.pixels);
    QVERIFY(preprocess(photo, settings("shuffle", 512, -1, -1, 6)).pixels != shuffled.pixels);
    QVERIFY(preprocess(photo, settings("shuffle", 512, -1, -1, 5 + (uint64_t{3} << 32))).pixels == shuffled.pixels);
    // A tiny image at a large rate keeps a pixel instead of failing.
    const Image tiny = gesso::io::make_image(3, 2, 3);
    const Image resampled = preprocess(tiny, settings("tile_resample", 512, 8));
    QVERIFY(resampled.width == 1 && resampled.height == 1);
  }

  void negativeThresholdsAreDefaultsAndUnusedOnesIgnored() {
    const Image photo = gesso::io::read_image(fixture("small.png"));
    const auto defaults = preprocess(photo, settings("canny", 128)).pixels;
    QVERIFY(preprocess(photo, settings("canny", 128, 100, 200)).pixels == defaults);
    QVERIFY(preprocess(photo, settings("canny", 128, -5, -0.5)).pixels == defaults);
    QVERIFY(preprocess(photo, settings("canny", 128, 10, 20)).pixels != defaults);
    QVERIFY(preprocess(photo, settings("invert", 5, 999, 999)).pixels == preprocess(photo, settings("invert")).pixels);
  }

  void badInputIsRequestError() {
    const Image photo = gesso::io::read_image(fixture("small.png"));
    auto e = request_error([&] { preprocess(photo, settings("depth_midas")); });
    QVERIFY2(contains(e, "depth_midas") && contains(e, "canny") && contains(e, "none"), e.c_str());
    e = request_error([&] { preprocess(photo, settings("canny", 512, 300)); });
    QVERIFY2(contains(e, "Low Threshold") && contains(e, "1..255") && contains(e, "300"), e.c_str());
    e = request_error([&] { preprocess(photo, settings("canny", 512, 100, 0)); });
    QVERIFY2(contains(e, "High Threshold") && contains(e, "1..255"), e.c_str());
    e = request_error([&] { preprocess(photo, settings("scribble_xdog", 512, 0.5)); });
    QVERIFY2(contains(e, "XDoG Threshold") && contains(e, "1..64"), e.c_str());
    e = request_error([&] { preprocess(photo, settings("recolor_luminance", 512, std::nan(""))); });
    QVERIFY2(contains(e, "Gamma Correction") && contains(e, "0.1..2"), e.c_str());
    e = request_error([&] { preprocess(photo, settings("tile_colorfix+sharp", 512, 8, 2.5)); });
    QVERIFY2(contains(e, "Sharpness") && contains(e, "0..2"), e.c_str());
    e = request_error([&] { preprocess(photo, settings("canny", 32)); });
    QVERIFY2(contains(e, "Resolution") && contains(e, "64..2048"), e.c_str());
    e = request_error([&] { preprocess(photo, settings("inpaint")); });
    QVERIFY2(contains(e, "mask"), e.c_str());
    const Image no_mask;
    e = request_error([&] { preprocess(photo, settings("inpaint"), &no_mask); });
    QVERIFY2(contains(e, "mask"), e.c_str());
    Image corrupt_mask = photo;
    corrupt_mask.pixels.resize(10);
    e = request_error([&] { preprocess(photo, settings("inpaint"), &corrupt_mask); });
    QVERIFY2(contains(e, "mask") && contains(e, "malformed"), e.c_str());
    for (const auto& p : gesso::control::preprocessors()) {
      const Image empty;
      e = request_error([&] { preprocess(empty, settings(p.name), &photo); });
      QVERIFY2(contains(e, "empty"), (p.name + ": " + e).c_str());
      Image corrupt = photo;
      corrupt.pixels.pop_back();
      e = request_error([&] { preprocess(corrupt, settings(p.name), &photo); });
      QVERIFY2(contains(e, "malformed"), (p.name + ": " + e).c_str());
      corrupt = photo;
      corrupt.channels = 2;
      corrupt.pixels.resize(static_cast<size_t>(photo.width) * photo.height * 2);
      e = request_error([&] { preprocess(corrupt, settings(p.name), &photo); });
      QVERIFY2(contains(e, "malformed"), (p.name + ": " + e).c_str());
    }
    // A very elongated image at a high resolution would need a gigantic working image.
    const Image strip = gesso::io::make_image(400, 2, 3);
    e = request_error([&] { preprocess(strip, settings("canny", 2048)); });
    QVERIFY2(contains(e, "lower the resolution"), e.c_str());
  }

  // The PNG text writer turns -1 into the registry's defaults, and reading the text back gives the
  // same control image as the defaults.
  void pngTextWritesRegistryDefaults() {
    const Image photo = gesso::io::read_image(fixture("small.png"));
    const Image mask = gesso::io::read_image(fixture("mask_half.png"));
    struct Expect {
      const char* name;
      const char* thresholds;
    };
    for (const auto& e : std::vector<Expect>{{"canny", "Threshold A: 100.0, Threshold B: 200.0"},
                                             {"scribble_xdog", "Threshold A: 32.0, Threshold B: -1.0"},
                                             {"tile_colorfix+sharp", "Threshold A: 8.0, Threshold B: 1.0"},
                                             {"threshold", "Threshold A: 127.0, Threshold B: -1.0"},
                                             {"recolor_intensity", "Threshold A: 1.0, Threshold B: -1.0"},
                                             {"lineart_standard", "Threshold A: -1.0, Threshold B: -1.0"}}) {
      gesso::pipelines::ControlUnit unit;
      unit.model = "control_v11p_sd15_canny";
      unit.preprocessor = settings(e.name, 384);
      const auto text = gesso::pipelines::control_unit_text(unit);
      QVERIFY2(contains(text, e.thresholds), text.c_str());
      const bool res = gesso::control::find_preprocessor(e.name)->uses_resolution;
      QVERIFY2(contains(text, res ? "Processor Res: 384" : "Processor Res: -1"), text.c_str());
      const auto back = gesso::pipelines::parse_control_unit_text(text).preprocessor;
      QVERIFY2(preprocess(photo, back, &mask).pixels == preprocess(photo, unit.preprocessor, &mask).pixels, e.name);
    }
    for (const auto& p : gesso::control::preprocessors()) {
      gesso::pipelines::ControlUnit unit;
      unit.model = "m";
      unit.preprocessor = settings(p.name);
      const auto text = gesso::pipelines::control_unit_text(unit);
      const auto back = gesso::pipelines::parse_control_unit_text(text).preprocessor;
      QCOMPARE(back.threshold_a, p.threshold_a ? p.threshold_a->value : -1.0);
      QCOMPARE(back.threshold_b, p.threshold_b ? p.threshold_b->value : -1.0);
    }
  }
};

QTEST_APPLESS_MAIN(TestPreprocessors)
#include "test_preprocessors.moc"
