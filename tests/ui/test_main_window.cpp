// The GUI starts on the offscreen platform and shows its main window.
#include <QtTest>

#include <QLabel>
#include <QMenuBar>

#include "ui/main_window.h"

class TestMainWindow : public QObject {
  Q_OBJECT

 private slots:
  void opensWithMenusAndCanvas() {
    gesso::ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isVisible());
    QCOMPARE(window.windowTitle(), QStringLiteral("Gesso"));
    QVERIFY(window.findChild<QLabel*>("canvas") != nullptr);
    QStringList menus;
    for (QAction* a : window.menuBar()->actions()) menus << a->text();
    QVERIFY(menus.contains("&File"));
    QVERIFY(menus.contains("&Help"));
  }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
