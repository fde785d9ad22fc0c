#include "engine/pipelines/upscale_tiles.h"

#include <torch/torch.h>

#include <algorithm>
#include <limits>
#include <string>

#include "engine/error.h"

namespace gesso::pipelines {
namespace {

std::string shape_text(const torch::Tensor& t) {
  std::string s = "[";
  for (int64_t d = 0; d < t.dim(); ++d) s += (d ? ", " : "") + std::to_string(t.size(d));
  return s + "]";
}

// Origins along one axis of `length` pixels. The tiles are spread evenly between 0 and the flush
// last origin (length - size) rather than stepped at tile - overlap with a remainder at the end:
// every overlap is then within a pixel of the others, none much larger than asked. With gaps =
// ceil(span / stride), consecutive floor(i * span / gaps) differ by at most ceil(span / gaps) <=
// stride (so the overlap is at least `overlap`) and at least 1 (no tile twice).
std::vector<int64_t> axis_origins(int64_t length, int64_t tile, int64_t overlap) {
  if (length <= tile) return {0};
  const int64_t span = length - tile;
  const int64_t stride = tile - overlap;
  const int64_t gaps = (span + stride - 1) / stride;
  std::vector<int64_t> origins;
  for (int64_t i = 0; i <= gaps; ++i) origins.push_back(i * span / gaps);
  return origins;
}

void check_plan(int64_t height, int64_t width, int64_t tile, int64_t overlap) {
  if (height < 1) throw RequestError("height", "must be at least 1 pixel, not " + std::to_string(height));
  if (width < 1) throw RequestError("width", "must be at least 1 pixel, not " + std::to_string(width));
  if (tile < 1) throw RequestError("tile", "must be at least 1 pixel, not " + std::to_string(tile));
  if (overlap < 0) throw RequestError("overlap", "must not be negative (" + std::to_string(overlap) + ")");
  if (overlap >= tile)
    throw RequestError("overlap", std::to_string(overlap) + " must be smaller than the tile (" +
                                      std::to_string(tile) + ")");
}

// One axis of the grid in output pixels, for the feathering weights. Each tile hands over to the
// next with a linear ramp centred in their overlap, all ramps of one width: the smallest overlap
// (the even spread makes the others at most one input pixel wider). Tile k's weight is the ramp
// into it minus the ramp out of it, so along an axis the weights sum to exactly 1 everywhere, also
// where three tiles overlap (overlaps above half a tile), and a pixel moves from the next by at most
// (largest tile difference) / width: the ramps start in order at least a pixel apart, so the
// change is a difference of two values interpolated between tiles. At the image's borders there is
// no ramp: weight 1.
struct Axis {
  const std::vector<int64_t>& origins;  // input pixels
  int64_t size = 0;                     // tile size, input pixels
  int64_t scale = 1;
  double width = 0;  // the ramps', output pixels; 0: a hard cut at the overlap's middle (overlap 0)

  Axis(const std::vector<int64_t>& o, int64_t tile_size, int64_t s) : origins(o), size(tile_size), scale(s) {
    auto smallest = size;
    for (std::size_t k = 1; k < origins.size(); ++k) smallest = std::min(smallest, origins[k - 1] + size - origins[k]);
    width = static_cast<double>(smallest * scale);
  }

  // How much of the pixels of the tile at `origin` goes to tile k and the tiles after it: 0 before
  // the ramp from tile k - 1 into tile k, 1 after it.
  torch::Tensor ramp_into(std::size_t k, int64_t origin) const {
    const int64_t n = size * scale;
    if (k == 0) return torch::ones({n}, torch::kFloat64);
    if (k == origins.size()) return torch::zeros({n}, torch::kFloat64);
    const double middle = static_cast<double>(origins[k] + origins[k - 1] + size - 2 * origin) * scale / 2;
    const auto centres = torch::arange(n, torch::kFloat64) + 0.5;
    if (width == 0) return (centres >= middle).to(torch::kFloat64);
    return ((centres - middle) / width + 0.5).clamp(0, 1);
  }

  // Tile `index`'s weights, [size * scale]: >= 0, 0 outside its part of the overlaps' ramps.
  torch::Tensor weights(std::size_t index) const {
    return ramp_into(index, origins[index]) - ramp_into(index + 1, origins[index]);
  }
};

// A tile's weights, [tile_height * scale, tile_width * scale]: the product of its row's and its
// column's, so a corner shared by four tiles blends all four and the weights still sum to 1.
torch::Tensor tile_weights(const TileGrid& grid, int64_t index, int64_t scale) {
  const auto columns = static_cast<int64_t>(grid.xs.size());
  const auto row = static_cast<std::size_t>(index / columns), column = static_cast<std::size_t>(index % columns);
  return Axis(grid.ys, grid.tile_height, scale).weights(row).unsqueeze(1) *
         Axis(grid.xs, grid.tile_width, scale).weights(column).unsqueeze(0);
}

// The output so far: the weighted mean of the tiles composed, and the weight behind each pixel.
struct Canvas {
  torch::Tensor mean;     // [B, C', H * scale, W * scale], float32
  torch::Tensor weights;  // [H * scale, W * scale], float32
  torch::ScalarType dtype = torch::kFloat;
};

void check_image(const torch::Tensor& image, const TileGrid& grid, int64_t scale) {
  if (scale < 1) throw RequestError("scale", "must be at least 1, not " + std::to_string(scale));
  if (grid.count() < 1) throw RequestError("tiles", "no tiles planned (plan_tiles gives the grid)");
  if (image.dim() != 4 || !image.is_floating_point())
    throw RequestError("image", "expected a floating-point [B, C, H, W] tensor, got " + shape_text(image));
  if (image.size(2) != grid.height || image.size(3) != grid.width)
    throw RequestError("image", "is " + std::to_string(image.size(3)) + "x" + std::to_string(image.size(2)) +
                                    " but the tiles were planned for " + std::to_string(grid.width) + "x" +
                                    std::to_string(grid.height));
}

void check_tile(const torch::Tensor& out, const torch::Tensor& in, int64_t scale, const Canvas& canvas) {
  const bool fits = out.dim() == 4 && out.size(0) == in.size(0) && out.size(2) == in.size(2) * scale &&
                    out.size(3) == in.size(3) * scale && out.is_floating_point();
  const bool same = !canvas.mean.defined() ||
                    (out.size(1) == canvas.mean.size(1) && out.scalar_type() == canvas.dtype);
  if (!fits || !same)
    throw Error("tiled upscale: a tile of " + shape_text(in) + " upscaled x" + std::to_string(scale) + " came back " +
                shape_text(out) + (fits ? ", unlike the tiles before it" : ""));
}

Canvas start_canvas(const torch::Tensor& first, const TileGrid& grid, int64_t scale) {
  const auto opts = torch::TensorOptions().dtype(torch::kFloat).device(first.device());
  const int64_t h = grid.height * scale, w = grid.width * scale;
  return {torch::zeros({first.size(0), first.size(1), h, w}, opts), torch::zeros({h, w}, opts), first.scalar_type()};
}

// Adds a tile to the running weighted mean: mean += (tile - mean) * w / (weights + w). Equal to
// sum(w * tile) / sum(w), but where the tile equals the mean so far nothing moves, and a pixel's
// first tile of weight > 0 is taken as is (w / w is exactly 1): overlapping tiles that agree
// compose exactly. A weight of 0 (the edge of a ramp narrower than its overlap) adds nothing; a
// later tile covers that pixel with weight > 0 (the weights sum to 1).
void compose(Canvas& canvas, const torch::Tensor& tile, const torch::Tensor& weight, const TileRect& r, int64_t s) {
  const auto region = [&](const torch::Tensor& t) {
    return t.slice(-2, r.y * s, (r.y + r.height) * s).slice(-1, r.x * s, (r.x + r.width) * s);
  };
  auto total = region(canvas.weights);
  total.add_(weight);
  auto mean = region(canvas.mean);
  mean.add_((tile.to(mean.options()) - mean) * (weight / total.clamp_min(std::numeric_limits<float>::min())));
}

}  // namespace

TileRect TileGrid::tile(int64_t index) const {
  const auto columns = static_cast<int64_t>(xs.size());
  return {ys.at(static_cast<std::size_t>(index / columns)), xs.at(static_cast<std::size_t>(index % columns)),
          tile_height, tile_width};
}

TileGrid plan_tiles(int64_t height, int64_t width, int64_t tile, int64_t overlap) {
  check_plan(height, width, tile, overlap);
  return {height,
          width,
          std::min(tile, height),
          std::min(tile, width),
          axis_origins(height, tile, overlap),
          axis_origins(width, tile, overlap)};
}

torch::Tensor upscale_tiled(const torch::Tensor& image, int64_t scale, const TileGrid& grid,
                            const TileUpscaler& upscale_tile, const std::function<bool()>& cancelled,
                            const TileProgress& progress) {
  check_image(image, grid, scale);
  Canvas canvas;
  for (int64_t i = 0; i < grid.count(); ++i) {
    if (cancelled && cancelled()) throw CancelledError();
    const auto rect = grid.tile(i);
    const auto in = image.slice(2, rect.y, rect.y + rect.height).slice(3, rect.x, rect.x + rect.width);
    const auto out = upscale_tile(in, rect);
    check_tile(out, in, scale, canvas);
    if (!canvas.mean.defined()) canvas = start_canvas(out, grid, scale);
    compose(canvas, out, tile_weights(grid, i, scale).to(canvas.mean.options()), rect, scale);
    if (progress) progress(i + 1, grid.count());
  }
  return canvas.mean.to(canvas.dtype);
}

}  // namespace gesso::pipelines
