// Outpainting in the window: the Extend canvas panel grows the source image (io::extend_canvas),
// masks the new area with its overlap, keeps the mask painted so far, rounds sides to the latent's
// grid, and hands the window the fill's masked content; the window switches to Inpaint at the grown
// size, and one run on the tiny model paints the new area and keeps the old one.
#include <QtTest>

#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>

#include "common/fixtures.h"
#include "common/widgets.h"
#include "engine/runtime/runtime_options.h"
#include "ui/generation_panel.h"
#include "ui/image_view.h"
#include "ui/inpaint_panel.h"
#include "ui/main_window.h"
#include "ui/mask_canvas.h"
#include "ui/optimization_panel.h"
#include "ui/outpaint_panel.h"
#include "ui/settings_store.h"

using gesso::pipelines::MaskedContent;
using gesso::test::child;
using gesso::ui::MainWindow;
using gesso::ui::MaskCanvas;
using gesso::ui::OutpaintPanel;

namespace {

// r = x, g = y, b = 90: every pixel says where it was.
QImage gradient(int w, int h) {
  QImage image(w, h, QImage::Format_RGB888);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) image.setPixelColor(x, y, QColor(x % 256, y % 256, 90));
  return image;
}

int maskAt(const QImage& mask, int x, int y) { return mask.constScanLine(y)[x]; }

QString tinyModel() { return QString::fromStdString((gesso::test::fixture_dir("pipelines") / "sd1").string()); }

}  // namespace

class TestOutpaint : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
  }

  void defaults() {
    MaskCanvas canvas;
    OutpaintPanel panel(&canvas);
    const auto e = panel.extension();
    QCOMPARE(e.left + e.right + e.top + e.bottom, 0);
    QCOMPARE(e.overlap, 8);
    QCOMPARE(panel.fill(), OutpaintPanel::Fill::kFill);
    QCOMPARE(child<QComboBox>(panel, "outpaintFillCombo")->count(), 5);
  }

  // The brief's case: 64 columns on the left of a 128x128 image.
  void extendLeftBy64() {
    MaskCanvas canvas;
    const QImage old = gradient(128, 128);
    canvas.setImage(old);
    OutpaintPanel panel(&canvas);
    panel.setSides(64, 0, 0, 0);
    panel.setFill(OutpaintPanel::Fill::kOriginal);
    QSignalSpy extended(&panel, &OutpaintPanel::extended);
    QVERIFY(panel.extend());
    QCOMPARE(extended.count(), 1);
    QCOMPARE(extended.first().at(0).toSize(), QSize(128, 128));
    QCOMPARE(extended.first().at(1).toSize(), QSize(192, 128));
    QCOMPARE(extended.first().at(2).value<MaskedContent>(), MaskedContent::kOriginal);

    const QImage image = canvas.image().convertToFormat(QImage::Format_RGB888);
    const QImage mask = canvas.mask();
    QCOMPARE(image.size(), QSize(192, 128));
    QCOMPARE(mask.size(), QSize(192, 128));
    for (int y = 0; y < 128; ++y)
      for (int x = 0; x < 192; ++x) {
        if (maskAt(mask, x, y) != (x < 64 + 8 ? 255 : 0)) QFAIL(qPrintable(QString("mask at %1,%2").arg(x).arg(y)));
        if (x >= 64 && image.pixelColor(x, y) != old.pixelColor(x - 64, y))
          QFAIL(qPrintable(QString("old pixel %1,%2 changed").arg(x - 64).arg(y)));
      }
    // "Original": the edge column stretched outwards.
    QCOMPARE(image.pixelColor(0, 50), old.pixelColor(0, 50));
    QCOMPARE(image.pixelColor(63, 99), old.pixelColor(0, 99));
    // One undo entry for the new mask; the canvas's history starts with the new image.
    QCOMPARE(canvas.undoStack()->count(), 1);
  }

  void fillModesDoWhatTheySay_data() {
    QTest::addColumn<int>("fill");
    QTest::addColumn<int>("content");
    QTest::newRow("fill") << int(OutpaintPanel::Fill::kFill) << int(MaskedContent::kFill);
    QTest::newRow("original") << int(OutpaintPanel::Fill::kOriginal) << int(MaskedContent::kOriginal);
    QTest::newRow("mirror") << int(OutpaintPanel::Fill::kMirror) << int(MaskedContent::kOriginal);
    QTest::newRow("latent noise") << int(OutpaintPanel::Fill::kLatentNoise) << int(MaskedContent::kLatentNoise);
    QTest::newRow("latent nothing") << int(OutpaintPanel::Fill::kLatentNothing) << int(MaskedContent::kLatentNothing);
  }

  void fillModesDoWhatTheySay() {
    QFETCH(int, fill);
    QFETCH(int, content);
    MaskCanvas canvas;
    // Horizontal stripes two rows high: a stretched edge streaks them, a blurred one does not.
    QImage old(32, 32, QImage::Format_RGB888);
    for (int y = 0; y < 32; ++y)
      for (int x = 0; x < 32; ++x) old.setPixelColor(x, y, (y / 2) % 2 ? QColor(255, 255, 255) : QColor(0, 0, 0));
    old.setPixelColor(30, 5, QColor(10, 200, 30));  // a mark a mirror shows at 32
    canvas.setImage(old);
    OutpaintPanel panel(&canvas);
    panel.setSides(0, 32, 0, 0);
    panel.setFill(static_cast<OutpaintPanel::Fill>(fill));
    QSignalSpy extended(&panel, &OutpaintPanel::extended);
    QVERIFY(panel.extend());
    QCOMPARE(int(extended.first().at(2).value<MaskedContent>()), content);
    const QImage image = canvas.image().convertToFormat(QImage::Format_RGB888);
    switch (static_cast<OutpaintPanel::Fill>(fill)) {
      case OutpaintPanel::Fill::kFill:
        for (int y = 12; y <= 20; ++y) QVERIFY(qAbs(image.pixelColor(60, y).red() - 128) < 60);
        break;
      case OutpaintPanel::Fill::kMirror:
        QCOMPARE(image.pixelColor(32, 5), QColor(10, 200, 30));  // the edge column itself is not repeated
        QCOMPARE(image.pixelColor(40, 2), QColor(255, 255, 255));
        break;
      default:  // the edge column stretched
        QCOMPARE(image.pixelColor(60, 2), QColor(255, 255, 255));
        QCOMPARE(image.pixelColor(60, 0), QColor(0, 0, 0));
        break;
    }
  }

  void sidesAreRoundedToTheGrid() {
    QCOMPARE(OutpaintPanel::roundToGrid(0), 0);
    QCOMPARE(OutpaintPanel::roundToGrid(1), 8);
    QCOMPARE(OutpaintPanel::roundToGrid(60), 64);
    QCOMPARE(OutpaintPanel::roundToGrid(64), 64);
    QCOMPARE(OutpaintPanel::roundToGrid(-5), 0);
    MaskCanvas canvas;
    canvas.setImage(gradient(40, 40));
    OutpaintPanel panel(&canvas);
    // A typed value is snapped when the field is left; one set but not yet snapped is rounded anyway.
    auto* top = child<QSpinBox>(panel, "outpaintTopSpin");
    top->setValue(13);
    QCOMPARE(panel.extension().top, 16);
    emit top->editingFinished();
    QCOMPARE(top->value(), 16);
    QVERIFY(panel.extend());
    QCOMPARE(canvas.image().size(), QSize(40, 56));
  }

  void keepsTheMaskPaintedSoFar() {
    MaskCanvas canvas;
    canvas.setImage(gradient(64, 64));
    QImage painted(64, 64, QImage::Format_Grayscale8);
    painted.fill(0);
    for (int y = 30; y < 34; ++y)
      for (int x = 30; x < 34; ++x) painted.scanLine(y)[x] = 255;
    canvas.setMask(painted);
    OutpaintPanel panel(&canvas);
    panel.setSides(0, 0, 16, 0);
    QVERIFY(panel.extend());
    QCOMPARE(maskAt(canvas.mask(), 31, 31 + 16), 255);  // moved with the image
    QCOMPARE(maskAt(canvas.mask(), 10, 40), 0);
    QCOMPARE(maskAt(canvas.mask(), 10, 16 + 7), 255);  // the overlap
    QCOMPARE(maskAt(canvas.mask(), 10, 16 + 8), 0);
  }

  void refusesWithoutAnImageOrASide() {
    MaskCanvas canvas;
    OutpaintPanel panel(&canvas);
    QSignalSpy failed(&panel, &OutpaintPanel::failed);
    panel.setSides(8, 0, 0, 0);
    QVERIFY(!panel.extend());
    QVERIFY(failed.last().first().toString().contains("source image"));
    canvas.setImage(gradient(16, 16));
    panel.setSides(0, 0, 0, 0);
    QVERIFY(!panel.extend());
    QVERIFY(failed.last().first().toString().contains("at least one side"));
    QCOMPARE(canvas.image().size(), QSize(16, 16));
  }

  void generationSizeFollowsTheCanvas() {
    QCOMPARE(OutpaintPanel::grownGenerationSize({512, 512}, {512, 512}, {576, 512}), QSize(576, 512));
    QCOMPARE(OutpaintPanel::grownGenerationSize({512, 384}, {1024, 768}, {1280, 768}), QSize(640, 384));
    QCOMPARE(OutpaintPanel::grownGenerationSize({64, 64}, {64, 64}, {64, 80}), QSize(64, 80));
    QCOMPARE(OutpaintPanel::grownGenerationSize({512, 512}, {}, {576, 512}), QSize(512, 512));
  }

  // The window: Extend canvas switches to Inpaint at the grown size with the fill's masked content,
  // and a run on the tiny model paints the new area while the old one comes back unchanged.
  void outpaintsEndToEnd() {
    MainWindow::Paths paths{m_dir.filePath("gesso.ini"), m_dir.filePath("history.sqlite")};
    {
      gesso::ui::SettingsStore settings(paths.settings);
      settings.setOutputFolder(m_dir.filePath("outputs"));
      QVERIFY(settings.save());
    }
    MainWindow window(paths);
    window.show();
    auto* panel = window.generationPanel();
    panel->setModelFolders({tinyModel()});
    panel->setCurrentModelFolder(tinyModel());
    auto s = panel->settings();
    s.prompt = "a red cube";
    s.width = s.height = 64;
    s.steps = 3;
    s.sampler = "Euler";
    s.seedMode = gesso::ui::SeedMode::Fixed;
    s.seed = 7;
    panel->setSettings(s);
    auto options = window.optimizationPanel()->options();
    options.device = "cpu";
    options.dtype = torch::kFloat;
    window.optimizationPanel()->setOptions(options);

    QImage source(64, 64, QImage::Format_RGB888);
    source.fill(QColor(200, 120, 40));
    window.setSourceImage(source, "img2img");
    QVERIFY(!window.maskCanvas()->isMaskVisible());
    OutpaintPanel* outpaint = window.outpaintPanel();
    QVERIFY(outpaint->isVisible());
    outpaint->setSides(0, 16, 0, 0);
    outpaint->setFill(OutpaintPanel::Fill::kLatentNoise);
    child<QPushButton>(*outpaint, "extendCanvasButton")->click();
    QCOMPARE(panel->mode(), QString("inpaint"));
    QVERIFY(window.maskCanvas()->isMaskVisible());
    QCOMPARE(window.inpaintPanel()->options().masked_content, MaskedContent::kLatentNoise);
    QCOMPARE(panel->settings().width, 80);
    QCOMPARE(panel->settings().height, 64);
    QCOMPARE(window.maskCanvas()->image().size(), QSize(80, 64));

    QSignalSpy done(&window, &MainWindow::runFinished);
    panel->generateButton()->click();
    QVERIFY(done.wait(120000));
    QVERIFY2(done.first().first().toBool(), qPrintable(window.lastError()));
    const QImage result = window.imageView()->currentImage().convertToFormat(QImage::Format_RGB888);
    QCOMPARE(result.size(), QSize(80, 64));
    QCOMPARE(result.pixelColor(2, 30), QColor(200, 120, 40));   // the old image, composited back
    QVERIFY(result.pixelColor(76, 30) != QColor(200, 120, 40));  // the new area, painted
  }
};

QTEST_MAIN(TestOutpaint)
#include "test_outpaint.moc"
