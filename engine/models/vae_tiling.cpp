#include "engine/models/vae_tiling.h"

#include <torch/torch.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "engine/error.h"

namespace gesso::models {
namespace {

using TileFn = std::function<torch::Tensor(const torch::Tensor&)>;

// blend_v (dim 2) / blend_h (dim 3): b's first `extent` rows (columns) fade from a's last ones to
// b's own. In place, like diffusers: the tiles kept in `rows` are the blended ones, and later
// blends read them. Same float ops in the same order: a * (1 - t) + b * t, t a double.
void blend(const torch::Tensor& a, const torch::Tensor& b, int64_t extent, int64_t dim) {
  extent = std::min({a.size(dim), b.size(dim), extent});
  for (int64_t y = 0; y < extent; ++y) {
    const double t = static_cast<double>(y) / static_cast<double>(extent);
    b.select(dim, y).copy_(a.select(dim, a.size(dim) - extent + y) * (1 - t) + b.select(dim, y) * t);
  }
}

// The loops diffusers' _tiled_encode and tiled_decode share: tiles of in_tile at a stride of
// int(in_tile * (1 - overlap)), run through f (giving out_tile-sized tiles), blended over
// int(out_tile * overlap) and cropped to out_tile - blend_extent.
torch::Tensor run_tiled(const torch::Tensor& x, int64_t in_tile, int64_t out_tile, double overlap,
                        const TileFn& f) {
  const auto overlap_size = static_cast<int64_t>(static_cast<double>(in_tile) * (1 - overlap));
  const auto blend_extent = static_cast<int64_t>(static_cast<double>(out_tile) * overlap);
  const auto row_limit = out_tile - blend_extent;
  if (overlap_size <= 0)  // diffusers' range() would raise; here it would never end
    throw Error("VAE tiling: tile of " + std::to_string(in_tile) + " pixels is too small (config sample_size)");

  std::vector<std::vector<torch::Tensor>> rows;
  for (int64_t i = 0; i < x.size(2); i += overlap_size) {
    auto& row = rows.emplace_back();
    for (int64_t j = 0; j < x.size(3); j += overlap_size)
      row.push_back(f(x.slice(2, i, i + in_tile).slice(3, j, j + in_tile)));  // views, as x[..., i:, j:]
  }
  std::vector<torch::Tensor> result_rows;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::vector<torch::Tensor> result_row;
    for (std::size_t j = 0; j < rows[i].size(); ++j) {
      const auto& tile = rows[i][j];
      if (i > 0) blend(rows[i - 1][j], tile, blend_extent, 2);
      if (j > 0) blend(rows[i][j - 1], tile, blend_extent, 3);
      result_row.push_back(tile.slice(2, 0, row_limit).slice(3, 0, row_limit));
    }
    result_rows.push_back(torch::cat(result_row, 3));
  }
  return torch::cat(result_rows, 2);
}

// diffusers' condition: either spatial size strictly larger than the tile. A malformed x goes on
// to the model, whose shape check reports it.
bool exceeds(const torch::Tensor& x, int64_t tile) { return x.dim() == 4 && (x.size(3) > tile || x.size(2) > tile); }

// encode / decode with use_slicing: one batch entry at a time, then torch.cat.
torch::Tensor maybe_sliced(const torch::Tensor& x, bool slicing, const TileFn& f) {
  if (!slicing || x.dim() == 0 || x.size(0) <= 1) return f(x);
  std::vector<torch::Tensor> slices;
  for (const auto& slice : x.split(1)) slices.push_back(f(slice));
  return torch::cat(slices);
}

}  // namespace

VaeTileSizes vae_tile_sizes(const AutoencoderKLConfig& config, int64_t max_tile) {
  // diffusers compares against sample_size itself, which only works when it is an int; for an
  // [h, w] list we take the first entry, as diffusers does for the latent tile.
  int64_t sample = config.sample_size.empty() ? 0 : config.sample_size.front();
  if (max_tile > 0) sample = std::min(sample, max_tile);
  // int(sample / 2 ** k) truncates; for the non-negative sizes here that is integer division.
  return VaeTileSizes{.sample = sample, .latent = sample / config.downscale_factor()};
}

DiagonalGaussian vae_encode(AutoencoderKLImpl& vae, const torch::Tensor& image, const VaeTiling& how) {
  const auto tile = vae_tile_sizes(vae.config(), how.max_tile);
  const TileFn encode_one = [&](const torch::Tensor& x) {  // diffusers' _encode
    if (how.tiling && exceeds(x, tile.sample))
      return run_tiled(x, tile.sample, tile.latent, tile.overlap_factor,
                       [&](const torch::Tensor& t) { return vae.encode_moments(t); });
    return vae.encode_moments(x);
  };
  return DiagonalGaussian::from_moments(maybe_sliced(image, how.slicing, encode_one));
}

torch::Tensor vae_decode(AutoencoderKLImpl& vae, const torch::Tensor& latent, const VaeTiling& how) {
  const auto tile = vae_tile_sizes(vae.config(), how.max_tile);
  const TileFn decode_one = [&](const torch::Tensor& z) {  // diffusers' _decode
    if (how.tiling && exceeds(z, tile.latent))
      return run_tiled(z, tile.latent, tile.sample, tile.overlap_factor,
                       [&](const torch::Tensor& t) { return vae.decode(t); });
    return vae.decode(z);
  };
  return maybe_sliced(latent, how.slicing, decode_one);
}

}  // namespace gesso::models
