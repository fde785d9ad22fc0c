// Issue 18, item 1: a wheel over a field of a scrolling panel scrolls the panel; the field changes
// only once it has focus. Over the real optimization panel in a QScrollArea, as the window docks it,
// and for a field added after the guard (a ControlNet unit added at run time).
#include <QtTest>
#include <QtTest/qtestspontaneevent.h>

#include <QComboBox>
#include <QLineEdit>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWheelEvent>

#include "ui/main_window.h"
#include "ui/optimization_panel.h"
#include "ui/wheel_guard.h"

using gesso::ui::OptimizationPanel;
using gesso::ui::WheelGuard;

namespace {

// A wheel notch (down, or up with `up`) over the middle of `w`, as a real one comes: spontaneous
// (Qt passes only those on to the parents when the widget ignores them) and through the
// application's notify().
void wheelDown(QWidget* w, bool up = false) {
  const QPointF pos(w->width() / 2.0, w->height() / 2.0);
  QWheelEvent event(pos, w->mapToGlobal(pos), QPoint(), QPoint(0, up ? 120 : -120), Qt::NoButton, Qt::NoModifier,
                    Qt::NoScrollPhase, false);
  QSpontaneKeyEvent::setSpontaneous(&event);
  qApp->notify(w, &event);
}

}  // namespace

class TestWheelGuard : public QObject {
  Q_OBJECT

 private slots:
  void unfocusedComboKeepsItsValue() {
    QScrollArea scroll;
    auto* panel = new OptimizationPanel;
    scroll.setWidget(panel);
    scroll.setWidgetResizable(true);
    WheelGuard::install(panel);
    scroll.resize(400, 200);  // shorter than the panel: it scrolls
    scroll.show();
    QVERIFY(QTest::qWaitForWindowExposed(&scroll));
    auto* attention = panel->findChild<QComboBox*>("attentionCombo");
    QVERIFY(attention);
    QCOMPARE(attention->focusPolicy(), Qt::StrongFocus);  // a wheel gives it no focus
    scroll.ensureWidgetVisible(attention);
    const int index = attention->currentIndex();
    const int scrolled = scroll.verticalScrollBar()->value();
    QVERIFY(scroll.verticalScrollBar()->maximum() > 0);
    QVERIFY(!attention->hasFocus());
    wheelDown(attention, scrolled == scroll.verticalScrollBar()->maximum());  // a way it can scroll
    QCOMPARE(attention->currentIndex(), index);
    QVERIFY(!attention->hasFocus());
    QVERIFY2(scroll.verticalScrollBar()->value() != scrolled, "the wheel scrolls the panel instead");
    // Focused (clicked or tabbed into), the wheel is the field's.
    scroll.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&scroll));
    attention->setFocus();
    QVERIFY(attention->hasFocus());
    wheelDown(attention);
    QVERIFY(attention->currentIndex() != index);
  }

  // The window guards its docks' panels (MainWindow's dock()): the Speed and memory panel's fields
  // and the Generate form's get Qt::StrongFocus.
  void windowGuardsItsDocks() {
    QTemporaryDir dir;
    QStandardPaths::setTestModeEnabled(true);
    gesso::ui::MainWindow window({dir.filePath("gesso.ini"), dir.filePath("history.sqlite"), dir.filePath("hashes.json")});
    for (const char* name : {"attentionCombo", "offloadCombo", "attentionSliceHeadsSpin", "modelCombo", "samplerCombo"}) {
      auto* w = window.findChild<QWidget*>(name);
      QVERIFY2(w, name);
      QVERIFY2(WheelGuard::guards(w), name);
      QCOMPARE(w->focusPolicy(), Qt::StrongFocus);
    }
  }

  void spinBoxAddedLaterIsGuarded() {
    QScrollArea scroll;
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    scroll.setWidget(content);
    scroll.setWidgetResizable(true);
    auto* first = new QLineEdit(content);  // takes the focus when the window shows
    layout->addWidget(first);
    WheelGuard::install(content);
    auto* unit = new QWidget;  // as a ControlNet unit: built, then added to the panel
    auto* spin = new QSpinBox(unit);
    new QVBoxLayout(unit);
    unit->layout()->addWidget(spin);
    spin->setValue(5);
    layout->addWidget(unit);
    auto* combo = new QComboBox(content);  // and one created straight in the panel
    combo->addItems({"a", "b", "c"});
    layout->addWidget(combo);
    scroll.show();
    QVERIFY(QTest::qWaitForWindowExposed(&scroll));
    first->setFocus();
    QCOMPARE(spin->focusPolicy(), Qt::StrongFocus);
    QCOMPARE(combo->focusPolicy(), Qt::StrongFocus);
    wheelDown(spin);
    wheelDown(combo);
    QCOMPARE(spin->value(), 5);
    QCOMPARE(combo->currentIndex(), 0);
    // Outside any guarded panel a spin box keeps Qt's behaviour (the guard touches only its own).
    QSpinBox free;
    QCOMPARE(free.focusPolicy(), Qt::WheelFocus);
    QVERIFY(WheelGuard::guards(&free) && !WheelGuard::guards(content));
  }
};

QTEST_MAIN(TestWheelGuard)
#include "test_wheel_guard.moc"
