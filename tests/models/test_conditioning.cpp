// The Conditioning record: flattened for a CUDA graph and refilled in the same layout, batched for
// classifier-free guidance, repeated per image, converted to the model's dtype.
#include <QtTest>

#include <torch/torch.h>

#include "engine/error.h"
#include "engine/models/conditioning.h"

using gesso::models::Conditioning;

class TestConditioning : public QObject {
  Q_OBJECT

 private slots:
  void flattensAndRefillsInTheSameLayout() {
    Conditioning c{.context = torch::randn({2, 3, 4}), .time_ids = torch::randn({2, 6}),
                   .class_labels = torch::tensor({1, 2})};
    c.control.down = {torch::randn({2, 1}), torch::randn({2, 2})};
    c.control.mid = torch::randn({2, 3});
    const auto flat = c.tensors();
    QCOMPARE(static_cast<int>(flat.size()), 6);
    QCOMPARE(QString::fromStdString(c.layout()), QStringLiteral("ctkd2m"));
    std::vector<torch::Tensor> shifted{torch::zeros({1}), torch::zeros({1})};
    for (const auto& t : flat) shifted.push_back(t + 1);
    const auto back = c.with_tensors(shifted, 2);
    QVERIFY(!back.pooled.defined() && !back.attention_mask.defined());
    QVERIFY(torch::equal(back.time_ids, c.time_ids + 1));
    QVERIFY(torch::equal(back.control.down[1], c.control.down[1] + 1));
    QVERIFY(torch::equal(back.control.mid, c.control.mid + 1));
    QCOMPARE(back.layout(), c.layout());
    QVERIFY_THROWS_EXCEPTION(c10::Error, c.with_tensors({flat.front()}));  // too few for the layout
  }

  void batchesRepeatsAndConverts() {
    const Conditioning neg{.context = torch::zeros({1, 2, 3}), .pooled = torch::zeros({1, 4})};
    const Conditioning pos{.context = torch::ones({1, 2, 3}), .pooled = torch::ones({1, 4})};
    const auto both = Conditioning::concat(neg.repeat_rows(2), pos.repeat_rows(2));
    QCOMPARE(both.context.sizes().vec(), (std::vector<int64_t>{4, 2, 3}));
    QVERIFY(torch::equal(both.pooled.select(1, 0), torch::tensor({0.f, 0.f, 1.f, 1.f})));
    QCOMPARE(both.batch(), int64_t{4});
    const auto half = both.to(torch::kHalf);
    QCOMPARE(half.pooled.scalar_type(), torch::kHalf);
    const Conditioning labels{.class_labels = torch::tensor({3})};
    QCOMPARE(labels.to(torch::kHalf).class_labels.scalar_type(), torch::kLong);  // integer labels stay
    QVERIFY_THROWS_EXCEPTION(gesso::Error, Conditioning::concat(neg, {.context = torch::ones({1, 2, 3})}));
  }
};

QTEST_GUILESS_MAIN(TestConditioning)
#include "test_conditioning.moc"
