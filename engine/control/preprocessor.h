#pragma once
// sd-webui-controlnet's model-free preprocessors, with OpenCV: what turns a picture into a control
// image (edges, lines, a tile, a colour-less copy, ...). Preprocessors that need a model (depth,
// pose, segmentation, HED / PiDiNet soft edges) are not here: the user brings an already-processed
// control image ("none"). "softedge_sobel" is Gesso's own model-free stand-in for the soft edges.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/io/image.h"

namespace gesso::control {

// A numeric setting as sd-webui-controlnet's UI offers it: a slider with its range and default.
struct PreprocessorSlider {
  std::string label;  // "Low Threshold", "XDoG Threshold", ... (sd-webui-controlnet's labels)
  double min = 0, max = 0, step = 1, value = 0;
};

struct PreprocessorInfo {
  std::string name;   // sd-webui-controlnet's module name ("canny", "scribble_xdog", ...): the PNG text's
  std::string label;  // for menus (sd-webui-controlnet's label where it has one)
  bool uses_resolution = false;  // "Preprocessor Resolution" (resolution_slider()) applies
  std::optional<PreprocessorSlider> threshold_a, threshold_b;
  bool needs_mask = false;  // "inpaint": the run's mask marks the pixels the hint sets to -1
};

// Every preprocessor, "none" first.
const std::vector<PreprocessorInfo>& preprocessors();
// nullptr for an unknown name.
const PreprocessorInfo* find_preprocessor(const std::string& name);
// "Resolution" 64..2048, step 8, default 512: PreprocessorSettings::resolution where uses_resolution.
const PreprocessorSlider& resolution_slider();

struct PreprocessorSettings {
  std::string name = "none";
  int resolution = 512;                       // processor_res: the short side the detector sees
  double threshold_a = -1, threshold_b = -1;  // negative (-1): the preprocessor's default (its slider's value)
  uint64_t seed = 0;                          // shuffle's random flow (its low 32 bits, as numpy's seed)
};

// The control image for `input` (gray and RGBA are converted to RGB first; alpha is dropped). Its
// size is what sd-webui-controlnet returns, and the pipeline fits it to the output afterwards:
//  * the detector's working size, the input scaled so that its short side is `resolution` (its
//    long side rounded half to even): canny, softedge_sobel, scribble_xdog, lineart_standard,
//    blur_gaussian, threshold, and shuffle (whose resolution slider is hidden: always 512);
//  * the input shrunk by the Down Sampling Rate: tile_resample (rates below 1.1 keep the size);
//  * the input's size: none, invert, recolor_*, tile_colorfix(+sharp), and inpaint, which is RGBA
//    whose alpha is the mask (255 = repaint) and which the pipeline turns into the inpainting
//    ControlNet's hint.
// Every other result is RGB. Throws RequestError("preprocessor", ...) for an unknown name, a
// resolution or threshold outside its slider's range, an empty or malformed image, or inpaint
// without a mask. Thresholds of sliders a preprocessor does not have are ignored.
Image preprocess(const Image& input, const PreprocessorSettings& settings, const Image* mask = nullptr);

}  // namespace gesso::control
