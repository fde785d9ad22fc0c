// The inpainting options panel: every engine option round-trips, out-of-range values are clamped,
// the padding is only editable for "only masked", and every control says what it does.
#include <QtTest>

#include <QApplication>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QSignalSpy>
#include <QSpinBox>

#include "common/widgets.h"
#include "ui/generation_panel.h"
#include "ui/inpaint_panel.h"

using gesso::pipelines::InpaintArea;
using gesso::pipelines::InpaintOptions;
using gesso::pipelines::MaskedContent;
using gesso::ui::InpaintPanel;

namespace {

using gesso::test::child;

void compareOptions(const InpaintOptions& actual, const InpaintOptions& expected) {
  QCOMPARE(actual.mask_blur, expected.mask_blur);
  QCOMPARE(actual.area, expected.area);
  QCOMPARE(actual.only_masked_padding, expected.only_masked_padding);
  QCOMPARE(actual.masked_content, expected.masked_content);
  QCOMPARE(actual.composite, expected.composite);
}

}  // namespace

class TestInpaintPanel : public QObject {
  Q_OBJECT

 private slots:
  void startsWithTheEngineDefaults() {
    InpaintPanel panel;
    compareOptions(panel.options(), InpaintOptions{});
    QCOMPARE(panel.options().mask_blur, 4);
    QCOMPARE(panel.options().only_masked_padding, 32);
  }

  void optionsRoundTrip_data() {
    QTest::addColumn<int>("blur");
    QTest::addColumn<int>("area");
    QTest::addColumn<int>("padding");
    QTest::addColumn<int>("content");
    QTest::addColumn<bool>("composite");
    QTest::newRow("original") << 0 << int(InpaintArea::kWholePicture) << 0 << int(MaskedContent::kOriginal) << true;
    QTest::newRow("fill") << 12 << int(InpaintArea::kOnlyMasked) << 100 << int(MaskedContent::kFill) << false;
    QTest::newRow("noise") << 64 << int(InpaintArea::kOnlyMasked) << 256 << int(MaskedContent::kLatentNoise)
                           << true;
    QTest::newRow("nothing") << 33 << int(InpaintArea::kWholePicture) << 7 << int(MaskedContent::kLatentNothing)
                             << false;
  }

  void optionsRoundTrip() {
    QFETCH(int, blur);
    QFETCH(int, area);
    QFETCH(int, padding);
    QFETCH(int, content);
    QFETCH(bool, composite);
    InpaintOptions o;
    o.mask_blur = blur;
    o.area = InpaintArea(area);
    o.only_masked_padding = padding;
    o.masked_content = MaskedContent(content);
    o.composite = composite;
    InpaintPanel panel;
    QSignalSpy changed(&panel, &InpaintPanel::optionsChanged);
    panel.setOptions(o);
    QCOMPARE(changed.count(), 1);  // one signal for the lot
    compareOptions(panel.options(), o);
  }

  void outOfRangeIsClamped() {
    InpaintOptions o;
    o.mask_blur = 500;
    o.only_masked_padding = -3;
    InpaintPanel panel;
    panel.setOptions(o);
    QCOMPARE(panel.options().mask_blur, 64);
    QCOMPARE(panel.options().only_masked_padding, 0);
  }

  void paddingOnlyForOnlyMasked() {
    InpaintPanel panel;
    auto* area = child<QComboBox>(panel, "inpaintAreaCombo");
    auto* padding = child<QSpinBox>(panel, "paddingSpin");
    QVERIFY(!padding->isEnabled());  // whole picture by default
    QSignalSpy changed(&panel, &InpaintPanel::optionsChanged);
    area->setCurrentIndex(area->findData(int(InpaintArea::kOnlyMasked)));
    QVERIFY(padding->isEnabled());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(panel.options().area, InpaintArea::kOnlyMasked);
    padding->setValue(80);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(panel.options().only_masked_padding, 80);
    area->setCurrentIndex(area->findData(int(InpaintArea::kWholePicture)));
    QVERIFY(!padding->isEnabled());

    InpaintOptions o;
    o.area = InpaintArea::kOnlyMasked;
    panel.setOptions(o);
    QVERIFY(padding->isEnabled());
  }

  void userEditsSignal() {
    InpaintPanel panel;
    QSignalSpy changed(&panel, &InpaintPanel::optionsChanged);
    child<QSpinBox>(panel, "maskBlurSpin")->setValue(9);
    auto* content = child<QComboBox>(panel, "maskedContentCombo");
    content->setCurrentIndex(content->findData(int(MaskedContent::kLatentNothing)));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(panel.options().mask_blur, 9);
    QCOMPARE(panel.options().masked_content, MaskedContent::kLatentNothing);
  }

  void everyControlExplainsItself() {
    InpaintPanel panel;
    QVERIFY(child<QSpinBox>(panel, "maskBlurSpin")->toolTip().contains(QStringLiteral("seam")));
    QVERIFY(child<QSpinBox>(panel, "paddingSpin")->toolTip().contains(QStringLiteral("context")));
    for (const char* name : {"inpaintAreaCombo", "maskedContentCombo"}) {
      auto* combo = child<QComboBox>(panel, name);
      QVERIFY(!combo->toolTip().isEmpty());
      for (int i = 0; i < combo->count(); ++i)
        QVERIFY2(!combo->itemData(i, Qt::ToolTipRole).toString().isEmpty(), name);
    }
    QCOMPARE(child<QComboBox>(panel, "maskedContentCombo")->count(), 4);
  }

  // The Generate dock's order: the form, then these options. Disabling the focused Generate button
  // used to hand focus to the next field in the chain, the Mask blur box, where a key changed it.
  void generateKeepsFocusOutOfMaskBlur() {
    QWidget dock;
    auto* layout = new QVBoxLayout(&dock);
    auto* generation = new gesso::ui::GenerationPanel(&dock);
    auto* inpaint = new InpaintPanel(&dock);
    layout->addWidget(generation);
    layout->addWidget(inpaint);
    dock.show();
    dock.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dock));
    QPushButton* generate = generation->generateButton();
    auto* prompt = child<QPlainTextEdit>(*generation, "promptEdit");
    auto* maskBlur = child<QSpinBox>(*inpaint, "maskBlurSpin");
    generate->setFocus();
    QCOMPARE(QApplication::focusWidget(), generate);

    generation->setBusy(true);
    QVERIFY(!maskBlur->hasFocus());
    QCOMPARE(QApplication::focusWidget(), prompt);
    generation->setBusy(false);
    QCOMPARE(QApplication::focusWidget(), prompt);  // where the user goes on typing

    // Cancel focused when the run ends: focus goes back to Generate.
    generation->setBusy(true);
    auto* cancel = child<QPushButton>(*generation, "cancelButton");
    cancel->setFocus();
    QCOMPARE(QApplication::focusWidget(), cancel);
    generation->setBusy(false);
    QCOMPARE(QApplication::focusWidget(), generate);
    QVERIFY(!maskBlur->hasFocus());
  }
};

QTEST_MAIN(TestInpaintPanel)
#include "test_inpaint_panel.moc"
