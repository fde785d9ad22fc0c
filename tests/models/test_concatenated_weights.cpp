// concatenated_in_place: the parts become row blocks of one tensor without changing their values,
// a second call costs nothing, and moving a part (what a model-offload upload does) is noticed.
#include <QtTest>

#include <torch/torch.h>

#include "engine/models/concatenated_weights.h"

using gesso::models::concatenated_in_place;

class TestConcatenatedWeights : public QObject {
  Q_OBJECT

 private slots:
  void partsBecomeRowBlocksOfOneTensor() {
    torch::manual_seed(1);
    auto q = torch::randn({3, 4}), k = torch::randn({2, 4}), v = torch::randn({5, 4});
    const auto expected = torch::cat({q, k, v});
    const auto joined = concatenated_in_place({q, k, v});
    QVERIFY(torch::equal(joined, expected));
    QCOMPARE(joined.sizes().vec(), (std::vector<int64_t>{10, 4}));
    // The handles now alias the joined storage, back to back.
    QVERIFY(q.storage().is_alias_of(joined.storage()) && v.storage().is_alias_of(joined.storage()));
    QCOMPARE(k.data_ptr<float>(), joined.data_ptr<float>() + 3 * 4);
    k.fill_(7);  // a write through a part shows in the joined matrix
    QCOMPARE(joined[3][0].item<float>(), 7.0f);
  }

  void aSecondCallReusesTheStorage() {
    auto a = torch::randn({2, 3}), b = torch::randn({2, 3});
    const auto first = concatenated_in_place({a, b});
    const auto second = concatenated_in_place({a, b});
    QCOMPARE(second.data_ptr(), first.data_ptr());
  }

  void aMovedPartIsConcatenatedAgain() {
    auto a = torch::randn({2, 3}), b = torch::randn({1, 3});
    const auto first = concatenated_in_place({a, b});
    b.set_data(b.clone());  // as ModuleOffload::upload gives each parameter its own storage
    const auto again = concatenated_in_place({a, b});
    QVERIFY(again.data_ptr() != first.data_ptr());
    QVERIFY(torch::equal(again, first));
    QVERIFY(a.storage().is_alias_of(b.storage()));
  }

  void oneDimensionalPartsToo() {
    auto x = torch::arange(3, torch::kFloat), y = torch::arange(3, 5, torch::kFloat);
    const auto joined = concatenated_in_place({x, y});
    QVERIFY(torch::equal(joined, torch::arange(5, torch::kFloat)));
  }
};

QTEST_GUILESS_MAIN(TestConcatenatedWeights)
#include "test_concatenated_weights.moc"
