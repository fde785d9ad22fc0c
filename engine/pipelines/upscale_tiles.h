#pragma once
// Tile-by-tile upscaling (the x4 upscaler's "Upscale x4" on any image): the upscaler's UNet runs on
// the low-resolution image itself and its memory grows with the square of the size, so an image
// larger than the model's comfortable size is cut into overlapping tiles, each upscaled alone, and
// the results composed with feathered weights so that no seam shows. No model here: the caller's
// callback upscales one tile.
//
// Why feathering: each tile is upscaled without seeing its neighbours, so two tiles disagree
// (slightly or, for a diffusion model, visibly) about the pixels they share. A hard cut shows that
// disagreement as a seam; weights that fall off linearly across the overlap turn it into a gradual
// blend, each output pixel moving by at most (difference / overlap width) from the next, so the
// eye sees a slow drift instead of an edge. Sides with no neighbour (the image's borders) keep
// weight 1: there is nothing to blend with.
#include <torch/types.h>

#include <cstdint>
#include <functional>
#include <vector>

namespace gesso::pipelines {

// One tile, in input (low-resolution) pixels.
struct TileRect {
  int64_t y = 0;
  int64_t x = 0;
  int64_t height = 0;
  int64_t width = 0;
};

// Tiles covering a height x width image: every row origin in `ys` with every column origin in
// `xs`, all tiles of one size (tile_height x tile_width), numbered row by row.
struct TileGrid {
  int64_t height = 0;  // the image's
  int64_t width = 0;
  int64_t tile_height = 0;  // min(tile, height)
  int64_t tile_width = 0;
  std::vector<int64_t> ys;  // ascending; the first 0, the last height - tile_height
  std::vector<int64_t> xs;

  int64_t count() const { return static_cast<int64_t>(ys.size() * xs.size()); }
  TileRect tile(int64_t index) const;  // 0 <= index < count(), row-major
};

// Tiles of at most `tile` pixels a side, neighbours overlapping by at least `overlap`, spread
// evenly so that the overlaps differ by at most a pixel. An axis no longer than `tile` is one tile
// of the image's own size. The last tile ends flush with the image's edge instead of running past
// it: a tile past the edge would need padding, which the model would upscale as if it were content
// (and which costs memory for nothing), and a short last tile would give the model a shape it has
// not seen before (another CUDA graph, less context). Flush, every tile has the same size.
// Throws RequestError naming the field: height or width < 1, tile < 1, overlap < 0, overlap >= tile
// (also when the image fits one tile: the setting is wrong whatever the image).
TileGrid plan_tiles(int64_t height, int64_t width, int64_t tile, int64_t overlap);

// Upscales one tile: `tile` is [B, C, h, w], a view of the input (do not write to it), `rect` where
// it lies. Returns [B, C', h * scale, w * scale], C' and dtype the same for every tile.
using TileUpscaler = std::function<torch::Tensor(const torch::Tensor& tile, const TileRect& rect)>;
// After each tile is composed: tiles done (1-based) and the grid's count.
using TileProgress = std::function<void(int64_t done, int64_t total)>;

// image: [B, C, H, W] floating point, any device, H x W the grid's size. Each tile is cut from it,
// upscaled by the callback and composed into [B, C', H * scale, W * scale]: the weighted mean of
// the tiles covering each pixel, weights feathered across the overlaps (above: linear ramps of the
// smallest overlap's width, centred in each overlap; they sum to 1 everywhere). Accumulated in
// float32 on the callback's device, returned in the callback's dtype. A pixel every tile covering
// it agrees on comes out exactly that value (a pure function of position tiles exactly).
// `cancelled` is asked before each tile (CancelledError). Throws RequestError for scale < 1 ("scale"),
// an empty grid ("tiles") or an image that is not a floating-point [B, C, H, W] of the grid's size
// ("image"); gesso::Error for a callback result of the wrong shape, or channels / dtype that change.
torch::Tensor upscale_tiled(const torch::Tensor& image, int64_t scale, const TileGrid& grid,
                            const TileUpscaler& upscale_tile, const std::function<bool()>& cancelled = {},
                            const TileProgress& progress = {});

}  // namespace gesso::pipelines
