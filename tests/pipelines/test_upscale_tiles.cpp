// Tiled upscaling (engine/pipelines/upscale_tiles.h) with stand-in upscalers, no model: the plan
// covers every pixel with tiles of the asked size and overlap; a callback that is a pure function
// of position (nearest-neighbour x4) tiles exactly; per-tile constants blend without a seam and stay
// themselves where one tile alone covers a pixel; channels and dtype come from the callback;
// cancellation, progress and bad arguments.
#include <QtTest>

#include <torch/torch.h>

#include <string>
#include <tuple>
#include <vector>

#include "engine/error.h"
#include "engine/pipelines/upscale_tiles.h"

using gesso::pipelines::plan_tiles;
using gesso::pipelines::TileGrid;
using gesso::pipelines::TileRect;
using gesso::pipelines::upscale_tiled;

namespace {

std::string describe(int64_t h, int64_t w, int64_t tile, int64_t overlap) {
  return std::to_string(h) + "x" + std::to_string(w) + " tile " + std::to_string(tile) + " overlap " +
         std::to_string(overlap);
}

// What is wrong with one axis of a plan ("" when nothing): origins from 0 to flush, ascending,
// tiles of min(tile, length), neighbours overlapping by at least `overlap` and by within a pixel of
// each other, no more tiles than stepping at tile - overlap needs, every pixel covered.
std::string axis_problem(const std::vector<int64_t>& o, int64_t size, int64_t length, int64_t tile, int64_t overlap) {
  if (size != std::min(tile, length)) return "tile size " + std::to_string(size);
  if (o.empty() || o.front() != 0 || o.back() != length - size) return "not flush at both ends";
  if (length <= tile && o.size() != 1) return "more than one tile on an axis that fits one";
  const auto needed = length <= tile ? 1 : (length - tile + (tile - overlap) - 1) / (tile - overlap) + 1;
  if (static_cast<int64_t>(o.size()) != needed)
    return std::to_string(o.size()) + " tiles, not " + std::to_string(needed);
  int64_t least = size, most = 0;
  for (std::size_t i = 1; i < o.size(); ++i) {
    const auto shared = o[i - 1] + size - o[i];
    if (o[i] <= o[i - 1]) return "origins not ascending";
    least = std::min(least, shared);
    most = std::max(most, shared);
  }
  if (o.size() > 1 && (least < overlap || most - least > 1))
    return "overlaps from " + std::to_string(least) + " to " + std::to_string(most);
  return "";
}

// How many tiles cover each output pixel.
torch::Tensor coverage(const TileGrid& grid, int64_t scale) {
  auto count = torch::zeros({grid.height * scale, grid.width * scale}, torch::kInt64);
  for (int64_t i = 0; i < grid.count(); ++i) {
    const auto r = grid.tile(i);
    count.slice(0, r.y * scale, (r.y + r.height) * scale).slice(1, r.x * scale, (r.x + r.width) * scale).add_(1);
  }
  return count;
}

torch::Tensor nearest(const torch::Tensor& x, int64_t scale) {
  return x.repeat_interleave(scale, 2).repeat_interleave(scale, 3);
}

// The largest step between neighbouring pixels, down and across.
double largest_step(const torch::Tensor& x) {
  double step = 0;
  if (x.size(2) > 1) step = x.diff(1, 2).abs().max().item<double>();
  if (x.size(3) > 1) step = std::max(step, x.diff(1, 3).abs().max().item<double>());
  return step;
}

// Upscales with a callback that gives each tile a constant of its own and says what is wrong
// ("" when nothing): a step between neighbouring pixels larger than the constants' spread over the
// overlap's width in output pixels (overlap x scale; spread / overlap, in input pixels, would be
// scale times looser), a value outside the constants' range, or a pixel one tile alone covers that
// is not that tile's constant exactly.
std::string blend_problem(int64_t h, int64_t w, int64_t tile, int64_t overlap, int64_t scale) {
  const auto grid = plan_tiles(h, w, tile, overlap);
  const auto at = describe(h, w, tile, overlap) + " scale " + std::to_string(scale) + ": ";
  std::vector<float> constants;
  const auto out = upscale_tiled(torch::zeros({1, 3, h, w}), scale, grid, [&](const torch::Tensor& t, const TileRect&) {
    constants.push_back(static_cast<float>((constants.size() * 37) % 11) - 5.f);
    return torch::full({1, 3, t.size(2) * scale, t.size(3) * scale}, constants.back());
  });
  const auto c = torch::tensor(constants);
  const double spread = (c.max() - c.min()).item<double>();
  const double bound = spread / static_cast<double>(overlap * scale) + 1e-5;
  if (largest_step(out) > bound)
    return at + "step " + std::to_string(largest_step(out)) + " > " + std::to_string(bound);
  if (out.min().item<float>() < c.min().item<float>() || out.max().item<float>() > c.max().item<float>())
    return at + "outside the constants' range";
  const auto alone = coverage(grid, scale) == 1;
  if (!alone.any().item<bool>()) return at + "no pixel covered by one tile alone";
  for (int64_t i = 0; i < grid.count(); ++i) {
    const auto r = grid.tile(i);
    const auto region = [&](const torch::Tensor& t) {
      return t.slice(-2, r.y * scale, (r.y + r.height) * scale).slice(-1, r.x * scale, (r.x + r.width) * scale);
    };
    const auto mine = region(out).masked_select(region(alone).expand_as(region(out)));
    if (!torch::equal(mine, torch::full_like(mine, constants[static_cast<std::size_t>(i)])))
      return at + "tile " + std::to_string(i) + " is not its constant where it is alone";
  }
  return "";
}

template <typename F>
QString request_error_field(F&& f) {
  try {
    f();
  } catch (const gesso::RequestError& e) {
    return QString::fromStdString(e.field());
  }
  return QStringLiteral("(no RequestError)");
}

using Case = std::tuple<int64_t, int64_t, int64_t, int64_t>;  // height, width, tile, overlap

const std::vector<Case> kImages = {{1, 1, 4, 1},   {1, 17, 4, 1},  {17, 1, 4, 2},   {5, 5, 8, 2},    {8, 8, 8, 2},
                                   {9, 8, 8, 2},   {23, 31, 8, 2}, {31, 23, 8, 3},  {33, 47, 16, 4}, {40, 40, 12, 6},
                                   {29, 13, 7, 1}, {21, 19, 5, 0}, {26, 26, 10, 7}, {64, 48, 32, 8}};

}  // namespace

class TestUpscaleTiles : public QObject {
  Q_OBJECT

 private slots:
  void planCoversEveryPixel() {
    for (int64_t h : {1, 2, 3, 7, 8, 9, 16, 17, 31, 64, 100, 129})
      for (int64_t w : {1, 5, 12, 33, 128, 257})
        for (int64_t tile = 1; tile <= 20; ++tile)
          for (int64_t overlap = 0; overlap < tile; ++overlap) {
            const auto grid = plan_tiles(h, w, tile, overlap);
            const auto at = describe(h, w, tile, overlap);
            QCOMPARE(grid.height, h);
            QCOMPARE(grid.width, w);
            const auto rows = axis_problem(grid.ys, grid.tile_height, h, tile, overlap);
            QVERIFY2(rows.empty(), (at + ": rows: " + rows).c_str());
            const auto columns = axis_problem(grid.xs, grid.tile_width, w, tile, overlap);
            QVERIFY2(columns.empty(), (at + ": columns: " + columns).c_str());
            QCOMPARE(grid.count(), static_cast<int64_t>(grid.ys.size() * grid.xs.size()));
          }
  }

  void planTilesAreRowMajorAndInside() {
    for (const auto& [h, w, tile, overlap] : kImages) {
      const auto grid = plan_tiles(h, w, tile, overlap);
      const auto at = describe(h, w, tile, overlap);
      for (int64_t i = 0; i < grid.count(); ++i) {
        const auto r = grid.tile(i);
        QVERIFY2(r.y == grid.ys[i / grid.xs.size()] && r.x == grid.xs[i % grid.xs.size()], at.c_str());
        QVERIFY2(r.y >= 0 && r.x >= 0 && r.y + r.height <= h && r.x + r.width <= w, at.c_str());
        QVERIFY2(r.height == std::min(tile, h) && r.width == std::min(tile, w), at.c_str());
      }
      QVERIFY2(coverage(grid, 1).min().item<int64_t>() >= 1, at.c_str());
    }
  }

  void smallImageIsOneTileOfItsOwnSize() {
    for (const auto& [h, w] : {std::pair<int64_t, int64_t>{1, 1}, {128, 128}, {3, 100}, {100, 128}}) {
      const auto grid = plan_tiles(h, w, 128, 16);
      QCOMPARE(grid.count(), int64_t{1});
      const auto r = grid.tile(0);
      QCOMPARE(r.y, int64_t{0});
      QCOMPARE(r.x, int64_t{0});
      QCOMPARE(r.height, h);
      QCOMPARE(r.width, w);
    }
  }

  void positionalCallbackTilesExactly() {
    torch::manual_seed(0);
    for (const auto& [h, w, tile, overlap] : kImages) {
      const auto image = torch::randn({2, 3, h, w});
      const auto grid = plan_tiles(h, w, tile, overlap);
      const auto tiled = upscale_tiled(image, 4, grid, [](const torch::Tensor& t, const TileRect&) {
        return nearest(t, 4);
      });
      QVERIFY2(torch::equal(tiled, nearest(image, 4)), describe(h, w, tile, overlap).c_str());
    }
  }

  void callbackSeesItsTile() {
    const auto image = torch::arange(23 * 31, torch::kFloat).reshape({1, 1, 23, 31});
    const auto grid = plan_tiles(23, 31, 8, 2);
    upscale_tiled(image, 2, grid, [&](const torch::Tensor& t, const TileRect& r) {
      const auto expected = image.slice(2, r.y, r.y + r.height).slice(3, r.x, r.x + r.width);
      if (!torch::equal(t, expected)) throw std::runtime_error("the callback got another tile than its rect");
      return nearest(t, 2);
    });
  }

  void constantsBlendWithoutSeams() {
    for (const auto& [h, w, tile, overlap] : kImages) {
      const auto problem = blend_problem(h, w, tile, overlap, 4);
      QVERIFY2(problem.empty(), problem.c_str());
    }
    // Every overlap up to tile - 1 (three tiles on one pixel above half a tile), several scales.
    for (int64_t h : {1, 7, 13, 30})
      for (int64_t w : {9, 22})
        for (int64_t tile = 2; tile <= 10; ++tile)
          for (int64_t overlap = 1; overlap < tile; ++overlap)
            for (int64_t scale : {1, 2, 3}) {
              const auto problem = blend_problem(h, w, tile, overlap, scale);
              QVERIFY2(problem.empty(), problem.c_str());
            }
    for (int64_t length = 1; length < 48; ++length)
      for (int64_t tile = 2; tile <= 12; ++tile)
        for (int64_t overlap = 1; overlap < tile; ++overlap) {
          const auto problem = blend_problem(1, length, tile, overlap, 1);
          QVERIFY2(problem.empty(), problem.c_str());
        }
    // The full-size model's tile.
    for (int64_t length : {129, 200, 255, 384, 507, 700})
      for (int64_t overlap : {8, 16, 32, 64, 96, 127}) {
        const auto problem = blend_problem(1, length, 128, overlap, 4);
        QVERIFY2(problem.empty(), problem.c_str());
      }
  }

  void overlapZeroCutsBetweenTiles() {
    // No overlap asked, sizes that tile exactly: the tiles meet and each output pixel is one tile's
    // constant, no blend. (Where the sizes do not divide, the even spread makes tiles overlap and
    // they blend across that.)
    using Exact = std::tuple<int64_t, int64_t, int64_t>;  // height, width, tile
    for (const auto& [h, w, tile] : std::vector<Exact>{{16, 24, 8}, {12, 4, 4}, {5, 3, 1}}) {
      const auto grid = plan_tiles(h, w, tile, 0);
      float next = 0;
      const auto out = upscale_tiled(torch::zeros({1, 1, h, w}), 3, grid, [&](const torch::Tensor& t, const TileRect&) {
        return torch::full({1, 1, t.size(2) * 3, t.size(3) * 3}, next++);
      });
      QVERIFY2(torch::equal(out, out.round()), describe(h, w, tile, 0).c_str());
      QCOMPARE(std::get<0>(torch::_unique(out)).numel(), grid.count());
    }
  }

  void channelsAndDtypeComeFromTheCallback() {
    torch::manual_seed(1);
    const auto image = torch::rand({1, 3, 23, 31});
    const auto grid = plan_tiles(23, 31, 8, 3);
    // RGB in, RGBA out, in half precision: a 4th channel that is itself a function of position.
    const auto rgba = [](const torch::Tensor& t) {
      const auto up = nearest(t, 4);
      return torch::cat({up, up.mean(1, true)}, 1).to(torch::kHalf);
    };
    const auto out = upscale_tiled(image, 4, grid, [&](const torch::Tensor& t, const TileRect&) { return rgba(t); });
    QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{1, 4, 92, 124}));
    QCOMPARE(out.scalar_type(), torch::kHalf);
    QVERIFY(torch::equal(out, rgba(image)));
  }

  void onePixelImage() {
    const auto image = torch::full({1, 3, 1, 1}, 0.25f);
    const auto grid = plan_tiles(1, 1, 128, 16);
    const auto up = [](const torch::Tensor& t, const TileRect&) { return nearest(t, 4); };
    const auto out = upscale_tiled(image, 4, grid, up);
    QVERIFY(torch::equal(out, torch::full({1, 3, 4, 4}, 0.25f)));
  }

  void cancelledBetweenTiles() {
    const auto grid = plan_tiles(40, 40, 16, 4);
    QVERIFY(grid.count() > 3);
    int asked = 0, upscaled = 0;
    const auto run = [&](int cancel_at) {
      asked = upscaled = 0;
      upscale_tiled(
          torch::zeros({1, 3, 40, 40}), 2, grid,
          [&](const torch::Tensor& t, const TileRect&) {
            ++upscaled;
            return nearest(t, 2);
          },
          [&] { return ++asked > cancel_at; });
    };
    QVERIFY_THROWS_EXCEPTION(gesso::CancelledError, run(2));
    QCOMPARE(upscaled, 2);
    QVERIFY_THROWS_EXCEPTION(gesso::CancelledError, run(0));
    QCOMPARE(upscaled, 0);
    run(1000);
    QCOMPARE(upscaled, static_cast<int>(grid.count()));
    QCOMPARE(asked, static_cast<int>(grid.count()));
  }

  void progressCountsTiles() {
    const auto grid = plan_tiles(23, 31, 8, 2);
    std::vector<std::pair<int64_t, int64_t>> seen;
    upscale_tiled(
        torch::zeros({1, 1, 23, 31}), 2, grid, [](const torch::Tensor& t, const TileRect&) { return nearest(t, 2); },
        {}, [&](int64_t done, int64_t total) { seen.emplace_back(done, total); });
    QCOMPARE(static_cast<int64_t>(seen.size()), grid.count());
    for (std::size_t i = 0; i < seen.size(); ++i) {
      QCOMPARE(seen[i].first, static_cast<int64_t>(i + 1));
      QCOMPARE(seen[i].second, grid.count());
    }
  }

  void badPlansNameTheField() {
    QCOMPARE(request_error_field([] { plan_tiles(0, 10, 8, 2); }), QStringLiteral("height"));
    QCOMPARE(request_error_field([] { plan_tiles(10, -1, 8, 2); }), QStringLiteral("width"));
    QCOMPARE(request_error_field([] { plan_tiles(10, 10, 0, 0); }), QStringLiteral("tile"));
    QCOMPARE(request_error_field([] { plan_tiles(10, 10, 8, -1); }), QStringLiteral("overlap"));
    QCOMPARE(request_error_field([] { plan_tiles(10, 10, 8, 8); }), QStringLiteral("overlap"));
    QCOMPARE(request_error_field([] { plan_tiles(10, 10, 8, 9); }), QStringLiteral("overlap"));
    // tile <= overlap is refused even when the image fits one tile.
    QCOMPARE(request_error_field([] { plan_tiles(4, 4, 8, 8); }), QStringLiteral("overlap"));
  }

  void badUpscalesNameTheField() {
    const auto grid = plan_tiles(12, 12, 8, 2);
    const auto ok = [](const torch::Tensor& t, const TileRect&) { return nearest(t, 2); };
    const auto image = torch::zeros({1, 3, 12, 12});
    QCOMPARE(request_error_field([&] { upscale_tiled(image, 0, grid, ok); }), QStringLiteral("scale"));
    QCOMPARE(request_error_field([&] { upscale_tiled(torch::zeros({1, 3, 12, 13}), 2, grid, ok); }),
             QStringLiteral("image"));
    QCOMPARE(request_error_field([&] { upscale_tiled(torch::zeros({3, 12, 12}), 2, grid, ok); }),
             QStringLiteral("image"));
    QCOMPARE(request_error_field([&] { upscale_tiled(torch::zeros({1, 3, 12, 12}, torch::kInt64), 2, grid, ok); }),
             QStringLiteral("image"));
    QCOMPARE(request_error_field([&] { upscale_tiled(image, 2, TileGrid{}, ok); }), QStringLiteral("tiles"));
  }

  void wrongTileShapesAreErrors() {
    const auto grid = plan_tiles(12, 12, 8, 2);
    const auto image = torch::zeros({1, 3, 12, 12});
    // Wrong scale.
    QVERIFY_THROWS_EXCEPTION(gesso::Error, upscale_tiled(image, 4, grid, [](const torch::Tensor& t, const TileRect&) {
                               return nearest(t, 2);
                             }));
    // Channels that change from one tile to the next.
    int n = 0;
    QVERIFY_THROWS_EXCEPTION(gesso::Error, upscale_tiled(image, 2, grid, [&](const torch::Tensor& t, const TileRect&) {
                               return nearest(t, 2).slice(1, 0, ++n == 1 ? 3 : 2);
                             }));
  }
};

QTEST_APPLESS_MAIN(TestUpscaleTiles)
#include "test_upscale_tiles.moc"
