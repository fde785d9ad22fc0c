// ParameterCache and TimestepFrequencies: a parameter-only tensor is computed once and handed out
// again (the same tensor, bit-identical to computing it), and recomputed after anything that can
// change it: a new storage (set_data: offload, upload), a dtype conversion, an in-place
// concatenation, an in-place edit. Inference tensors have no version counter: their in-place edits
// are the documented exception.
#include <QtTest>

#include <torch/torch.h>

#include "engine/models/concatenated_weights.h"
#include "engine/models/embeddings.h"
#include "engine/models/parameter_cache.h"

using gesso::models::concatenated_in_place;
using gesso::models::ParameterCache;

namespace {

// A cache of a + b that counts its computations.
struct SumCache {
  ParameterCache cache;
  int computes = 0;
  torch::Tensor get(const torch::Tensor& a, const torch::Tensor& b) {
    return cache.get({a, b}, [&] {
      ++computes;
      return a + b;
    });
  }
};

}  // namespace

class TestParameterCache : public QObject {
  Q_OBJECT

 private slots:
  void computedOnceAndReused() {
    torch::manual_seed(1);
    const auto a = torch::randn({5}), b = torch::randn({5});
    SumCache s;
    const auto first = s.get(a, b);
    const auto second = s.get(a, b);
    QCOMPARE(s.computes, 1);
    QCOMPARE(second.data_ptr(), first.data_ptr());  // the same tensor, not a copy
    QVERIFY(torch::equal(second, a + b));            // bit-identical to computing it now
  }

  void aNewStorageIsNoticed() {
    auto a = torch::randn({5}), b = torch::randn({5});
    SumCache s;
    s.get(a, b);
    b.set_data(b.clone());  // what an offload upload does: same values, new storage
    const auto again = s.get(a, b);
    QCOMPARE(s.computes, 2);
    QVERIFY(torch::equal(again, a + b));
    b.set_data(b * 2);  // new values on a new storage (a new weight)
    QVERIFY(torch::equal(s.get(a, b), a + b));
    QCOMPARE(s.computes, 3);
  }

  void anInPlaceEditIsNoticed() {
    auto a = torch::randn({5}), b = torch::randn({5});
    SumCache s;
    const auto before = s.get(a, b).clone();
    b.add_(1);
    const auto after = s.get(a, b);
    QCOMPARE(s.computes, 2);
    QVERIFY(torch::equal(after, a + b));
    QVERIFY(!torch::equal(after, before));
    {
      // The pipeline runs under InferenceMode: an edit there of a normal tensor still counts.
      c10::InferenceMode inference;
      a.mul_(3);
      QVERIFY(torch::equal(s.get(a, b), a + b));
      QCOMPARE(s.computes, 3);
      s.get(a, b);
      QCOMPARE(s.computes, 3);
    }
  }

  void aDtypeConversionIsNoticed() {
    auto a = torch::randn({5}), b = torch::randn({5});
    SumCache s;
    s.get(a, b);
    a.set_data(a.to(torch::kHalf));  // module->to(kHalf)
    b.set_data(b.to(torch::kHalf));
    const auto half = s.get(a, b);
    QCOMPARE(s.computes, 2);
    QCOMPARE(half.scalar_type(), torch::kHalf);
    QVERIFY(torch::equal(half, a + b));
  }

  void concatenationInsideTheComputationStillHits() {
    // The UNet's bias sum concatenates its parts in place while computing: the keys are taken
    // after, so the next call hits; a part concatenated by someone else is a change.
    auto a = torch::randn({3}), b = torch::randn({2}), c = torch::randn({3}), d = torch::randn({2});
    ParameterCache cache;
    int computes = 0;
    const auto sum = [&] {
      return cache.get({a, b, c, d}, [&] {
        ++computes;
        return concatenated_in_place({a, b}) + concatenated_in_place({c, d});
      });
    };
    const auto first = sum();
    QVERIFY(a.storage().is_alias_of(b.storage()));
    QVERIFY(torch::equal(sum(), first));
    QCOMPARE(computes, 1);
    QVERIFY(torch::equal(first, torch::cat({a, b}) + torch::cat({c, d})));
    concatenated_in_place({d, c});  // moves c and d onto a new storage, values unchanged
    QVERIFY(torch::equal(sum(), first));
    QCOMPARE(computes, 2);
  }

  void parametersConcatenatedUnderInferenceModeAreKeyedOnTheirStorage() {
    // The fused path concatenates the model's parameters under the pipeline's InferenceMode:
    // set_data from an inference tensor makes them inference tensors (no version counter), so from
    // then on they are keyed on their storage, which still catches every move (set_data).
    auto a = torch::randn({3}), b = torch::randn({2});
    ParameterCache cache;
    int computes = 0;
    c10::InferenceMode inference;
    const auto get = [&] {
      return cache.get({a, b}, [&] {
        ++computes;
        return concatenated_in_place({a, b}) * 2;
      });
    };
    get();
    QVERIFY(a.is_inference() && b.is_inference());  // LibTorch's behaviour, which the cache must survive
    get();
    QCOMPARE(computes, 1);
    b.set_data(b - 1);  // a re-upload or a new weight
    QVERIFY(torch::equal(get(), torch::cat({a, b}) * 2));
    QCOMPARE(computes, 2);
    get();
    QCOMPARE(computes, 2);
  }

  void inferenceTensorsAreKeyedOnTheirStorage() {
    c10::InferenceMode inference;
    auto a = torch::randn({4}), b = torch::randn({4});
    QVERIFY(a.is_inference());
    SumCache s;
    s.get(a, b);  // no _version() on inference tensors: must not throw
    s.get(a, b);
    QCOMPARE(s.computes, 1);
    b = b.clone();  // another storage
    QVERIFY(torch::equal(s.get(a, b), a + b));
    QCOMPARE(s.computes, 2);
    // The documented limit: an in-place edit of an inference tensor is not seen; clear() it.
    b.add_(1);
    s.get(a, b);
    QCOMPARE(s.computes, 2);
    s.cache.clear();
    QVERIFY(torch::equal(s.get(a, b), a + b));
    QCOMPARE(s.computes, 3);
  }

  void aFreedStorageIsNeverMatched() {
    // Even if a new storage lands at the old address, the old one is gone: recompute.
    SumCache s;
    auto a = torch::randn({64}), b = torch::randn({64});
    s.get(a, b);
    for (int i = 0; i < 4; ++i) {
      b = torch::randn({64});  // the previous b's storage is freed; its address may be reused
      QVERIFY(torch::equal(s.get(a, b), a + b));
      QCOMPARE(s.computes, i + 2);
    }
  }

  void undefinedInputsAreAllowed() {
    ParameterCache cache;
    int computes = 0;
    const auto a = torch::ones({2});
    const auto fn = [&] {
      ++computes;
      return a * 2;
    };
    cache.get({a, torch::Tensor()}, fn);
    cache.get({a, torch::Tensor()}, fn);
    QCOMPARE(computes, 1);
    cache.get({a, a}, fn);
    QCOMPARE(computes, 2);
  }

  void timestepFrequenciesAreBuiltOnce() {
    gesso::models::TimestepFrequencies cache;
    const auto first = cache.get(160, 1.0, 10000.0, torch::kCPU);
    const auto second = cache.get(160, 1.0, 10000.0, torch::kCPU);
    QCOMPARE(second.data_ptr(), first.data_ptr());
    QVERIFY(torch::equal(first, gesso::models::timestep_frequencies(160, 1.0, 10000.0, torch::kCPU)));
    const auto shifted = cache.get(160, 0.0, 10000.0, torch::kCPU);  // another config: another table
    QVERIFY(shifted.data_ptr() != first.data_ptr());
    QVERIFY(torch::equal(shifted, gesso::models::timestep_frequencies(160, 0.0, 10000.0, torch::kCPU)));
    QVERIFY(!torch::equal(shifted, first));
    QCOMPARE(cache.get(80, 0.0, 10000.0, torch::kCPU).size(0), 80);
  }

  void embeddingWithATableIsBitIdentical() {
    // The table taken out of timestep_embedding changes no bit of it (diffusers' references are
    // compared bit for bit elsewhere), for both halves' orders, odd widths and fractional steps.
    const auto steps = torch::tensor({0.0, 1.0, 261.0, 999.0, 500.5}, torch::kDouble);
    for (const int64_t dim : {320, 33, 8}) {
      for (const bool flip : {true, false}) {
        for (const double shift : {0.0, 1.0}) {
          const auto table = gesso::models::timestep_frequencies(dim / 2, shift, 10000.0, torch::kCPU);
          QVERIFY(torch::equal(gesso::models::timestep_embedding(steps, table, dim, flip),
                               gesso::models::timestep_embedding(steps, dim, flip, shift)));
        }
      }
    }
    // And against the expression the embedding was built from before the table was split off.
    const int64_t half = 160;
    auto exponent = -std::log(10000.0) * torch::arange(0, half, torch::kFloat);
    exponent = exponent / (static_cast<double>(half) - 1.0);
    const auto angles = steps.unsqueeze(1).to(torch::kFloat) * torch::exp(exponent).unsqueeze(0);
    QVERIFY(torch::equal(gesso::models::timestep_embedding(steps, 320, true, 1.0),
                         torch::cat({torch::cos(angles), torch::sin(angles)}, -1)));
  }
};

QTEST_GUILESS_MAIN(TestParameterCache)
#include "test_parameter_cache.moc"
