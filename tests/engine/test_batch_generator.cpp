// A run's generators (runtime/batch_generator): one per image, seeded seed + i, each row of a batch
// drawn from its own, as diffusers' randn_tensor draws with a list of generators; and every noise
// a run draws (latents, the encoder's sample, a scheduler's step noise) goes through it.
#include <QtTest>

#include <torch/torch.h>

#include "engine/error.h"
#include "engine/models/diagonal_gaussian.h"
#include "engine/runtime/batch_generator.h"
#include "engine/schedulers/step_common.h"

using gesso::runtime::BatchGenerator;
using gesso::runtime::make_generator;

namespace {

torch::Tensor alone(uint64_t seed, c10::IntArrayRef shape) {
  return torch::randn(shape, make_generator(seed, "cpu"), torch::kFloat32);
}

}  // namespace

class TestBatchGenerator : public QObject {
  Q_OBJECT

 private slots:
  void eachRowIsItsOwnSeedsDraw() {
    const auto gens = BatchGenerator::per_image(42, 3, "cpu");
    QCOMPARE(gens.size(), std::size_t{3});
    const auto x = gens.randn({3, 4, 5, 6}, torch::kFloat32);
    for (int i = 0; i < 3; ++i) QVERIFY(torch::equal(x[i], alone(42 + i, {1, 4, 5, 6})[0]));
    // Each generator goes on from where it was: the second draw is each seed's second draw.
    const auto y = gens.randn({3, 2}, torch::kFloat32);
    auto g = make_generator(43, "cpu");
    torch::randn({1, 4, 5, 6}, g, torch::kFloat32);
    QVERIFY(torch::equal(y[1], torch::randn({1, 2}, g, torch::kFloat32)[0]));
  }

  void oneImageIsTheSingleGenerator() {
    const auto one = BatchGenerator::per_image(7, 1, "cpu");
    QVERIFY(torch::equal(one.randn({1, 4, 8, 8}, torch::kFloat32), alone(7, {1, 4, 8, 8})));
    // A single generator draws a whole batch in one go (diffusers with one generator).
    const BatchGenerator single(make_generator(7, "cpu"));
    QVERIFY(torch::equal(single.randn({2, 3}, torch::kFloat32), alone(7, {2, 3})));
    QCOMPARE(single.row(1).size(), std::size_t{1});
  }

  void fewerRowsUseTheFirstGenerators() {
    // A one-image draw (an inpainting encode of the one source image) takes generator 0 only.
    const auto gens = BatchGenerator::per_image(10, 2, "cpu");
    QVERIFY(torch::equal(gens.randn({1, 5}, torch::kFloat32), alone(10, {1, 5})));
    QVERIFY(torch::equal(gens.row(1).randn({1, 5}, torch::kFloat32), alone(11, {1, 5})));
  }

  void moreRowsThanGeneratorsIsAnError() {
    const auto gens = BatchGenerator::per_image(10, 2, "cpu");
    QVERIFY_THROWS_EXCEPTION(gesso::Error, gens.randn({3, 5}, torch::kFloat32));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, gens.row(2));
    QVERIFY_THROWS_EXCEPTION(gesso::RequestError, BatchGenerator::per_image(1, 2, "tpu"));
  }

  void noGeneratorDrawsFromTorchsDefault() {
    const BatchGenerator none(std::nullopt);
    QVERIFY(none.empty());
    torch::manual_seed(5);
    const auto a = none.randn({2, 3}, torch::kFloat32);
    torch::manual_seed(5);
    QVERIFY(torch::equal(a, torch::randn({2, 3})));
  }

  void stepNoiseAndEncoderSampleDrawPerImage() {
    const auto like = torch::zeros({2, 4, 3, 3}, torch::kFloat64);
    const auto noise = gesso::schedulers::randn_like_diffusers(like, torch::kFloat32, BatchGenerator::per_image(3, 2, "cpu"));
    QCOMPARE(noise.scalar_type(), torch::kFloat32);
    QVERIFY(torch::equal(noise[1], alone(4, {1, 4, 3, 3})[0]));

    // One image's posterior repeated for two: each copy's sample is what its seed gives alone.
    const auto moments = torch::randn({1, 8, 3, 3}, make_generator(99, "cpu"), torch::kFloat32);
    const auto dist = gesso::models::DiagonalGaussian::from_moments(moments);
    const auto batch = dist.repeated(2).sample(BatchGenerator::per_image(20, 2, "cpu"));
    QCOMPARE(batch.size(0), int64_t{2});
    for (int i = 0; i < 2; ++i)
      QVERIFY(torch::equal(batch[i], dist.sample(BatchGenerator::per_image(20 + i, 1, "cpu"))[0]));
  }
};

QTEST_GUILESS_MAIN(TestBatchGenerator)
#include "test_batch_generator.moc"
