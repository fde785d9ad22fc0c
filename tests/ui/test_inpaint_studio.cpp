// img2img and inpainting in the window (issue 18, item 10): the mask is hidden (and kept) outside
// Inpaint; an inpainting model outside Inpaint is refused before anything loads, in words that say
// what to do; every mask tool is on screen at the default window size; Generate leaves focus out
// of the Mask blur box.
#include <QtTest>

#include <QAction>
#include <QApplication>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>

#include "common/fixtures.h"
#include "common/widgets.h"
#include "engine/pipelines/model_file.h"
#include "engine/runtime/runtime_options.h"
#include "ui/engine_worker.h"
#include "ui/generation_panel.h"
#include "ui/main_window.h"
#include "ui/mask_canvas.h"
#include "ui/mode_check.h"
#include "ui/optimization_panel.h"
#include "ui/settings_store.h"

using gesso::test::child;
using gesso::ui::MainWindow;
using gesso::ui::ModeCheck;

namespace {

QString fixture(const char* name) {
  return QString::fromStdString((gesso::test::fixture_dir("pipelines") / name).string());
}

QImage flatImage(int w, int h) {
  QImage image(w, h, QImage::Format_RGB888);
  image.fill(QColor(200, 120, 40));
  return image;
}

}  // namespace

class TestInpaintStudio : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;

  MainWindow::Paths paths() const { return {m_dir.filePath("gesso.ini"), m_dir.filePath("history.sqlite")}; }

  void prepare(MainWindow& w, const QString& model) {
    auto* panel = w.generationPanel();
    panel->setModelFolders({model});
    panel->setCurrentModelFolder(model);
    auto s = panel->settings();
    s.prompt = "a red cube";
    s.width = s.height = 64;
    s.steps = 2;
    s.sampler = "Euler";
    panel->setSettings(s);
    auto options = w.optimizationPanel()->options();
    options.device = "cpu";
    options.dtype = torch::kFloat;
    w.optimizationPanel()->setOptions(options);
  }

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    gesso::ui::SettingsStore settings(paths().settings);
    settings.setOutputFolder(m_dir.filePath("outputs"));
    QVERIFY(settings.save());
  }

  void modeCheckSaysWhatToDo() {
    const QString img2img = ModeCheck::problem("img2img", true, "sd-inpainting");
    QVERIFY2(img2img.contains("This is an inpainting model") && img2img.contains("switch to Inpaint") &&
                 img2img.contains("sd-inpainting"),
             qPrintable(img2img));
    QVERIFY(ModeCheck::problem("txt2img", true, "m").contains("switch to Inpaint"));
    QVERIFY(ModeCheck::problem("inpaint", true, "m").isEmpty());
    // A regular model inpaints (the engine's 4-channel inpainting), and runs the other modes.
    QVERIFY(ModeCheck::problem("inpaint", false, "m").isEmpty());
    QVERIFY(ModeCheck::problem("img2img", false, "m").isEmpty());
    QVERIFY(ModeCheck::problem("txt2img", false, "m").isEmpty());
  }

  // From the library's entry when there is one, from the configs otherwise (no weights read).
  void modeCheckReadsTheModel() {
    QVERIFY(ModeCheck::isInpaintingModel(fixture("sd1-inpaint"), {}));
    QVERIFY(!ModeCheck::isInpaintingModel(fixture("sd1"), {}));
    QVERIFY(!ModeCheck::isInpaintingModel(m_dir.filePath("no-such-model"), {}));  // the load will say why
    gesso::ui::ModelEntry entry;
    entry.path = fixture("sd1");
    entry.kind = gesso::pipelines::ModelFileKind::kDiffusersFolder;
    entry.inpainting = true;
    QVERIFY(ModeCheck::isInpaintingModel(fixture("sd1"), {entry}));
    QVERIFY(ModeCheck::problem("img2img", fixture("sd1-inpaint"), {}).contains("sd1-inpaint"));
    QVERIFY(ModeCheck::problem("img2img", QString(), {}).isEmpty());
  }

  // Refused at Generate, before any job reaches the worker (nothing loads).
  void inpaintingModelInImg2ImgIsRefusedBeforeLoading() {
    MainWindow window(paths());
    window.show();
    prepare(window, fixture("sd1-inpaint"));
    window.setSourceImage(flatImage(64, 64), "img2img");
    QSignalSpy stages(window.engineWorker(), &gesso::ui::EngineWorker::stageChanged);
    QSignalSpy finished(&window, &MainWindow::runFinished);
    window.generationPanel()->generateButton()->click();
    QVERIFY2(window.lastError().contains("This is an inpainting model"),
             qPrintable(window.lastError() + " / mode " + window.generationPanel()->mode()));
    QVERIFY(window.lastError().contains("switch to Inpaint"));
    QVERIFY(!window.isBusy());
    QTest::qWait(200);
    QCOMPARE(stages.count(), 0);
    QCOMPARE(finished.count(), 0);
  }

  // The mask is hidden (not drawn, not edited) in img2img and comes back, as it was, in Inpaint.
  void maskHiddenOutsideInpaint() {
    MainWindow window(paths());
    window.show();
    prepare(window, fixture("sd1"));
    window.setSourceImage(flatImage(64, 64), "inpaint");
    auto* canvas = window.maskCanvas();
    QVERIFY(canvas->isMaskVisible());
    canvas->fillMask();
    const QImage painted = canvas->mask();
    auto s = window.generationPanel()->settings();
    s.mode = "img2img";
    window.generationPanel()->setSettings(s);
    QVERIFY(!canvas->isMaskVisible());
    s.mode = "txt2img";
    window.generationPanel()->setSettings(s);
    QVERIFY(!canvas->isMaskVisible());
    s.mode = "inpaint";
    window.generationPanel()->setSettings(s);
    QVERIFY(canvas->isMaskVisible());
    QCOMPARE(canvas->mask(), painted);
  }

  // At the default window size every mask tool has its own visible button: none behind a tool
  // bar's overflow arrow.
  void everyMaskToolIsVisibleAtTheDefaultSize() {
    MainWindow window(paths());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1440, 900));
    window.setSourceImage(flatImage(512, 512), "inpaint");
    QCOMPARE(window.findChild<QTabWidget*>("centralTabs")->currentIndex(), 1);
    QApplication::processEvents();
    for (const char* name : {"brushAction", "eraserAction", "fillAction", "clearAction", "invertAction",
                             "undoAction", "redoAction", "fitAction"}) {
      auto* action = window.findChild<QAction*>(name);
      QVERIFY2(action, name);
      auto* bar = qobject_cast<QToolBar*>(action->parent());
      QVERIFY2(bar, name);
      QWidget* button = bar->widgetForAction(action);
      QVERIFY2(button && button->isVisible(), name);
      QVERIFY2(bar->rect().contains(button->geometry()), name);
    }
    for (const char* name : {"brushSizeSpin", "hardnessSpin", "brushSizeSlider"}) {
      auto* widget = window.findChild<QWidget*>(name);
      QVERIFY2(widget && widget->isVisible(), name);
    }
    // (Measured offscreen: the tools bar gets about 630 px, one row of them would need about 810.)
    for (QToolBar* bar : window.findChild<QWidget*>("maskToolsBar")->findChildren<QToolBar*>()) {
      auto* overflow = bar->findChild<QToolButton*>("qt_toolbar_ext_button");
      QVERIFY2(!overflow || !overflow->isVisible(), qPrintable(bar->objectName()));
    }
  }

  // Clicking Generate disables it; focus must not fall into the next field (Mask blur).
  void generateLeavesFocusOutOfMaskBlur() {
    MainWindow window(paths());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    prepare(window, fixture("sd1"));
    window.setSourceImage(flatImage(64, 64), "inpaint");
    window.maskCanvas()->fillMask();
    QPushButton* generate = window.generationPanel()->generateButton();
    generate->setFocus();
    QSignalSpy done(&window, &MainWindow::runFinished);
    QTest::mouseClick(generate, Qt::LeftButton);
    QVERIFY2(window.isBusy(), qPrintable(window.lastError()));
    auto* maskBlur = window.findChild<QSpinBox*>("maskBlurSpin");
    QVERIFY(maskBlur);
    QVERIFY(!maskBlur->hasFocus());
    QCOMPARE(QApplication::focusWidget(), window.findChild<QPlainTextEdit*>("promptEdit"));
    QVERIFY(done.wait(120000));
    QVERIFY(!maskBlur->hasFocus());
  }
};

QTEST_MAIN(TestInpaintStudio)
#include "test_inpaint_studio.moc"
