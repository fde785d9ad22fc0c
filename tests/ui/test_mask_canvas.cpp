// The inpainting mask canvas: strokes from simulated mouse events land on the expected mask pixels,
// at any zoom and pan, up to and past the image edges; edits undo and redo exactly.
#include <QtTest>

#include <QAction>
#include <QApplication>
#include <QMouseEvent>
#include <QSlider>
#include <QSpinBox>
#include <QUndoStack>
#include <QWheelEvent>

#include <cmath>
#include <memory>
#include <numbers>

#include "ui/mask_canvas.h"
#include "ui/mask_tools_bar.h"

using gesso::ui::MaskCanvas;
using gesso::ui::MaskToolsBar;

namespace {

constexpr int kImageW = 200;
constexpr int kImageH = 150;

QImage grayImage(int w = kImageW, int h = kImageH) {
  QImage image(w, h, QImage::Format_RGB32);
  image.fill(QColor(128, 128, 128));
  return image;
}

int maskAt(const QImage& mask, int x, int y) { return mask.constScanLine(y)[x]; }

int countAtLeast(const QImage& mask, int threshold) {
  int n = 0;
  for (int y = 0; y < mask.height(); ++y)
    for (int x = 0; x < mask.width(); ++x) n += maskAt(mask, x, y) >= threshold;
  return n;
}

// Sent straight to the widget with the buttons really held: QTest::mouseMove would not carry them.
void sendMouse(QWidget* widget, QEvent::Type type, QPoint pos, Qt::MouseButton button,
               Qt::MouseButtons buttons, Qt::KeyboardModifiers mods = Qt::NoModifier) {
  QMouseEvent event(type, QPointF(pos), widget->mapToGlobal(QPointF(pos)), button, buttons, mods);
  QApplication::sendEvent(widget, &event);
}

void dragWidget(QWidget* widget, const QList<QPoint>& points, Qt::MouseButton button = Qt::LeftButton,
                Qt::KeyboardModifiers mods = Qt::NoModifier) {
  sendMouse(widget, QEvent::MouseButtonPress, points.first(), button, button, mods);
  for (qsizetype i = 1; i < points.size(); ++i)
    sendMouse(widget, QEvent::MouseMove, points[i], Qt::NoButton, button, mods);
  sendMouse(widget, QEvent::MouseButtonRelease, points.last(), button, Qt::NoButton, mods);
}

QPoint widgetPoint(const MaskCanvas& canvas, const QPointF& imagePos) {
  return canvas.mapFromImage(imagePos).toPoint();
}

// A stroke through image positions (chosen so that they fall on whole widget pixels at zoom 1).
void stroke(MaskCanvas& canvas, const QList<QPointF>& imagePoints,
            Qt::MouseButton button = Qt::LeftButton, Qt::KeyboardModifiers mods = Qt::NoModifier) {
  QList<QPoint> points;
  for (const QPointF& p : imagePoints) points << widgetPoint(canvas, p);
  dragWidget(&canvas, points, button, mods);
}

void sendWheel(QWidget* widget, QPoint pos, int angle, Qt::KeyboardModifiers mods = Qt::NoModifier) {
  QWheelEvent event(QPointF(pos), widget->mapToGlobal(QPointF(pos)), QPoint(), QPoint(0, angle),
                    Qt::NoButton, mods, Qt::NoScrollPhase, false);
  QApplication::sendEvent(widget, &event);
}

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
  const QPointF ab = b - a;
  const double t = std::clamp(QPointF::dotProduct(p - a, ab) / QPointF::dotProduct(ab, ab), 0.0, 1.0);
  const QPointF d = p - (a + t * ab);
  return std::hypot(d.x(), d.y());
}

}  // namespace

class TestMaskCanvas : public QObject {
  Q_OBJECT

  std::unique_ptr<MaskCanvas> m_canvas;

 private slots:
  // A shown 400x300 canvas with a 200x150 image at zoom 1, centred: image pixel centres fall on
  // whole widget pixels, so expected pixels can be computed exactly.
  void init() {
    m_canvas = std::make_unique<MaskCanvas>();
    m_canvas->resize(400, 300);
    m_canvas->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_canvas.get()));
    m_canvas->setImage(grayImage());
    m_canvas->setZoom(1.0);
    m_canvas->setBrushHardness(1.0);
    QCOMPARE(m_canvas->zoom(), 1.0);
    const QPointF p = m_canvas->mapFromImage({10.5, 20.5});
    QCOMPARE(p, QPointF(std::round(p.x()), std::round(p.y())));
  }

  void cleanup() { m_canvas.reset(); }

  void maskFormatAndSize() {
    MaskCanvas empty;
    QVERIFY(empty.mask().isNull());
    QVERIFY(!empty.hasMask());

    const QImage mask = m_canvas->mask();
    QCOMPARE(mask.format(), QImage::Format_Grayscale8);
    QCOMPARE(mask.size(), QSize(kImageW, kImageH));
    QCOMPARE(countAtLeast(mask, 1), 0);
    QVERIFY(!m_canvas->hasMask());
    QCOMPARE(m_canvas->image(), grayImage());
    QCOMPARE(m_canvas->undoStack()->count(), 0);
  }

  void mapToImageInvertsMapFromImage() {
    for (double zoom : {1.0, 4.0, 0.37}) {
      m_canvas->setZoom(zoom);
      for (QPointF p : {QPointF(0, 0), QPointF(17.25, 33.5), QPointF(-4, 160)}) {
        const QPointF back = m_canvas->mapToImage(m_canvas->mapFromImage(p));
        QVERIFY2(std::abs(back.x() - p.x()) < 1e-9 && std::abs(back.y() - p.y()) < 1e-9,
                 qPrintable(QString("zoom %1").arg(zoom)));
      }
    }
  }

  // Size 10 along y = 50.5: rows within 4 px of the spine are full, the rows at 5 px are the
  // antialiased rim (half coverage), rows 6 px off are untouched; the ends are round caps.
  void horizontalStrokeMarksTheLine() {
    QSignalSpy changed(m_canvas.get(), &MaskCanvas::maskChanged);
    m_canvas->setBrushSize(10);
    stroke(*m_canvas, {{30.5, 50.5}, {60.5, 50.5}, {90.5, 50.5}, {120.5, 50.5}});
    const QImage mask = m_canvas->mask();
    for (int x = 30; x <= 120; ++x) {
      for (int y = 46; y <= 54; ++y) QCOMPARE(maskAt(mask, x, y), 255);
      QCOMPARE(maskAt(mask, x, 45), 128);
      QCOMPARE(maskAt(mask, x, 55), 128);
      for (int y = 0; y <= 44; ++y) QCOMPARE(maskAt(mask, x, y), 0);
      for (int y = 56; y < kImageH; ++y) QCOMPARE(maskAt(mask, x, y), 0);
    }
    QCOMPARE(maskAt(mask, 124, 50), 255);
    QCOMPARE(maskAt(mask, 126, 50), 0);
    QCOMPARE(maskAt(mask, 20, 50), 0);
    QCOMPARE(maskAt(mask, 150, 50), 0);
    QVERIFY(m_canvas->hasMask());
    QCOMPARE(m_canvas->undoStack()->count(), 1);
    QCOMPARE(changed.count(), 1);  // once per stroke, not per move
  }

  void hardBrushPaintsADiscOfHalfTheSize() {
    m_canvas->setBrushSize(21);  // radius 10.5
    const QPointF centre(100.5, 75.5);
    stroke(*m_canvas, {centre});
    const QImage mask = m_canvas->mask();
    for (int y = 0; y < kImageH; ++y) {
      for (int x = 0; x < kImageW; ++x) {
        const double d = std::hypot(x + 0.5 - centre.x(), y + 0.5 - centre.y());
        if (d <= 10.0) QCOMPARE(maskAt(mask, x, y), 255);
        if (d >= 11.0) QCOMPARE(maskAt(mask, x, y), 0);
      }
    }
    const double area = std::numbers::pi * 10.5 * 10.5;
    QVERIFY(std::abs(countAtLeast(mask, 128) - area) < 0.05 * area);
  }

  void onePixelBrushPaintsOnePixel() {
    m_canvas->setBrushSize(1);
    stroke(*m_canvas, {{40.5, 30.5}});
    QCOMPARE(maskAt(m_canvas->mask(), 40, 30), 255);
    QCOMPARE(countAtLeast(m_canvas->mask(), 1), 1);
  }

  void softBrushFallsOffRadially() {
    m_canvas->setBrushSize(40);  // radius 20
    m_canvas->setBrushHardness(0.0);
    stroke(*m_canvas, {{100.5, 75.5}});
    const QImage mask = m_canvas->mask();
    QCOMPARE(maskAt(mask, 100, 75), 255);
    QVERIFY(std::abs(maskAt(mask, 110, 75) - 128) <= 2);  // halfway out: smoothstep(0.5) = 0.5
    QCOMPARE(maskAt(mask, 100, 65), maskAt(mask, 110, 75));  // radial: the same in every direction
    QCOMPARE(maskAt(mask, 121, 75), 0);
    for (int x = 101; x <= 121; ++x) QVERIFY(maskAt(mask, x, 75) <= maskAt(mask, x - 1, 75));
    QVERIFY(maskAt(mask, 105, 75) > 200 && maskAt(mask, 115, 75) < 60);

    m_canvas->clearMask();
    m_canvas->setBrushHardness(0.5);  // full out to radius 10, then the falloff
    stroke(*m_canvas, {{100.5, 75.5}});
    QCOMPARE(maskAt(m_canvas->mask(), 110, 75), 255);
    QVERIFY(maskAt(m_canvas->mask(), 115, 75) > 0 && maskAt(m_canvas->mask(), 115, 75) < 255);
  }

  // A slow soft stroke over the same pixels does not build up past the brush's own profile.
  void softStrokeDoesNotAccumulate() {
    m_canvas->setBrushSize(40);
    m_canvas->setBrushHardness(0.0);
    stroke(*m_canvas, {{100.5, 75.5}});
    const int once = maskAt(m_canvas->mask(), 110, 75);
    m_canvas->clearMask();
    stroke(*m_canvas, {{100.5, 75.5}, {101.5, 75.5}, {100.5, 75.5}, {101.5, 75.5}, {100.5, 75.5}});
    QVERIFY(maskAt(m_canvas->mask(), 110, 75) <= once + 25);  // the spine moved by 1 px, not more
    QVERIFY(maskAt(m_canvas->mask(), 110, 75) < 200);
  }

  void eraserRemovesTheMask() {
    m_canvas->fillMask();
    m_canvas->setTool(MaskCanvas::Tool::Eraser);
    m_canvas->setBrushSize(10);
    stroke(*m_canvas, {{30.5, 50.5}, {120.5, 50.5}});
    const QImage mask = m_canvas->mask();
    for (int x = 30; x <= 120; ++x) {
      for (int y = 46; y <= 54; ++y) QCOMPARE(maskAt(mask, x, y), 0);
      QCOMPARE(maskAt(mask, x, 45), 127);
      QCOMPARE(maskAt(mask, x, 40), 255);
    }
    QCOMPARE(maskAt(mask, 10, 50), 255);
    QCOMPARE(m_canvas->undoStack()->count(), 2);
    QCOMPARE(m_canvas->undoStack()->text(1), QStringLiteral("Erase mask"));
  }

  void rightDragPaintsWithTheOtherTool() {
    m_canvas->fillMask();
    m_canvas->setBrushSize(6);
    stroke(*m_canvas, {{20.5, 100.5}, {80.5, 100.5}}, Qt::RightButton);
    QCOMPARE(maskAt(m_canvas->mask(), 50, 100), 0);
    QCOMPARE(maskAt(m_canvas->mask(), 50, 90), 255);
    QCOMPARE(m_canvas->tool(), MaskCanvas::Tool::Brush);
  }

  // The pointer starts 20 px left of the image: the stroke still paints from column 0.
  void strokeStartingOutsidePaintsTheEdge() {
    m_canvas->setBrushSize(10);
    stroke(*m_canvas, {{-20.5, 30.5}, {10.5, 30.5}});
    const QImage mask = m_canvas->mask();
    for (int x = 0; x <= 10; ++x)
      for (int y = 26; y <= 34; ++y) QCOMPARE(maskAt(mask, x, y), 255);
    QCOMPARE(maskAt(mask, 0, 40), 0);
  }

  // A click whose centre is off the image paints the part of the disc that is on it.
  void brushCentredOffTheImagePaintsItsInsidePart() {
    m_canvas->setBrushSize(10);
    stroke(*m_canvas, {{-2.5, 80.5}});
    QImage mask = m_canvas->mask();
    QCOMPARE(maskAt(mask, 0, 80), 255);   // 3 px from the centre
    QCOMPARE(maskAt(mask, 1, 80), 255);   // 4 px
    QCOMPARE(maskAt(mask, 2, 80), 128);   // 5 px: the rim
    QCOMPARE(maskAt(mask, 3, 80), 0);
    QCOMPARE(maskAt(mask, 0, 84), 128);   // 3-4-5 from the centre
    QCOMPARE(maskAt(mask, 0, 86), 0);

    stroke(*m_canvas, {{202.5, 152.5}});  // past the bottom-right corner
    mask = m_canvas->mask();
    QCOMPARE(maskAt(mask, kImageW - 1, kImageH - 1), 255);
    QCOMPARE(maskAt(mask, kImageW - 4, kImageH - 4), 0);
    QCOMPARE(m_canvas->undoStack()->count(), 2);

    stroke(*m_canvas, {{-30.5, 10.5}, {-30.5, 100.5}});  // wholly off the image: no change, no entry
    QCOMPARE(m_canvas->mask(), mask);
    QCOMPARE(m_canvas->undoStack()->count(), 2);
  }

  void zoomedInAndPannedStrokeHitsTheRightPixels() {
    QSignalSpy zoomSpy(m_canvas.get(), &MaskCanvas::zoomChanged);
    m_canvas->setZoom(4.0);
    QCOMPARE(m_canvas->zoom(), 4.0);
    QCOMPARE(zoomSpy.count(), 1);
    QCOMPARE(zoomSpy.first().first().toDouble(), 4.0);

    // Middle drag pans by the drag; Space + left drag too; neither paints.
    const QPointF before = m_canvas->mapToImage({200, 150});
    dragWidget(m_canvas.get(), {{200, 150}, {180, 140}, {163, 127}}, Qt::MiddleButton);
    QPointF moved = m_canvas->mapToImage({200, 150}) - before;
    QCOMPARE(moved, QPointF(37 / 4.0, 23 / 4.0));
    QTest::keyPress(m_canvas.get(), Qt::Key_Space);
    dragWidget(m_canvas.get(), {{100, 100}, {110, 106}});
    QTest::keyRelease(m_canvas.get(), Qt::Key_Space);
    moved = m_canvas->mapToImage({200, 150}) - before;
    QCOMPARE(moved, QPointF(27 / 4.0, 17 / 4.0));
    QVERIFY(!m_canvas->hasMask());
    QCOMPARE(m_canvas->undoStack()->count(), 0);

    m_canvas->setBrushSize(4);
    const QPoint w1(150, 120), w2(250, 180);
    dragWidget(m_canvas.get(), {w1, QPoint(200, 150), w2});
    const QPointF p1 = m_canvas->mapToImage(w1), p2 = m_canvas->mapToImage(w2);
    const QImage mask = m_canvas->mask();
    for (double t = 0; t <= 1.0; t += 0.01) {
      const QPointF p = p1 + t * (p2 - p1);
      QCOMPARE(maskAt(mask, int(p.x()), int(p.y())), 255);
    }
    // Nothing lands away from the segment (a mapping off by the pan or the zoom would).
    for (int y = 0; y < kImageH; ++y)
      for (int x = 0; x < kImageW; ++x)
        if (maskAt(mask, x, y) > 0) QVERIFY(distanceToSegment({x + 0.5, y + 0.5}, p1, p2) <= 3.0);
    QCOMPARE(m_canvas->undoStack()->count(), 1);
  }

  // Zoomed in on the left edge, the drag leaves the widget (the mouse grab keeps delivering moves
  // with negative positions): the image's first column is painted.
  void zoomedStrokeRunningOffTheWidget() {
    m_canvas->setZoom(8.0);
    // Pan (middle drag) so that the image's left edge sits 8 widget px from the widget's left side.
    const int edge = int(m_canvas->mapFromImage({0, 0}).x() + 0.5);
    dragWidget(m_canvas.get(), {{200, 150}, {200 + 8 - edge, 150}}, Qt::MiddleButton);
    QCOMPARE(m_canvas->mapFromImage({0, 0}).x() + 0.5, 8.0);
    QVERIFY(!m_canvas->hasMask());

    m_canvas->setBrushSize(2);
    const int y = int(m_canvas->mapFromImage({0, 60.5}).y());
    dragWidget(m_canvas.get(), {{60, y}, {20, y}, {-40, y}});
    const QImage mask = m_canvas->mask();
    for (int x = 0; x <= 6; ++x) QCOMPARE(maskAt(mask, x, 60), 255);
    QCOMPARE(maskAt(mask, 0, 57), 0);
    QCOMPARE(maskAt(mask, 8, 60), 0);
  }

  // Two far-apart pointer positions with nothing between them still give an unbroken line.
  void fastStrokeLeavesNoGaps() {
    m_canvas->setBrushSize(3);
    const QPointF a(5.5, 5.5), b(190.5, 140.5);
    stroke(*m_canvas, {a, b});
    const QImage mask = m_canvas->mask();
    for (double t = 0; t <= 1.0; t += 0.001) {
      const QPointF p = a + t * (b - a);
      QCOMPARE(maskAt(mask, int(p.x()), int(p.y())), 255);
    }
    const double length = std::hypot(b.x() - a.x(), b.y() - a.y());
    QVERIFY(countAtLeast(mask, 1) < length * 5);  // a band, not the bounding box
    QCOMPARE(m_canvas->undoStack()->count(), 1);
  }

  void shiftClickDrawsALineFromTheLastStroke() {
    m_canvas->setBrushSize(3);
    stroke(*m_canvas, {{20.5, 20.5}});
    stroke(*m_canvas, {{120.5, 20.5}}, Qt::LeftButton, Qt::ShiftModifier);
    for (int x = 20; x <= 120; ++x) QCOMPARE(maskAt(m_canvas->mask(), x, 20), 255);
    QCOMPARE(m_canvas->undoStack()->count(), 2);
  }

  void fillClearInvert() {
    m_canvas->setBrushSize(12);
    m_canvas->setBrushHardness(0.3);
    stroke(*m_canvas, {{40.5, 40.5}, {140.5, 90.5}});
    const QImage painted = m_canvas->mask();

    m_canvas->invertMask();
    QImage mask = m_canvas->mask();
    for (int y = 0; y < kImageH; ++y)
      for (int x = 0; x < kImageW; ++x) QCOMPARE(maskAt(mask, x, y), 255 - maskAt(painted, x, y));
    QCOMPARE(mask.format(), QImage::Format_Grayscale8);

    m_canvas->fillMask();
    QCOMPARE(countAtLeast(m_canvas->mask(), 255), kImageW * kImageH);
    QVERIFY(m_canvas->hasMask());
    m_canvas->invertMask();
    QCOMPARE(countAtLeast(m_canvas->mask(), 1), 0);
    QVERIFY(!m_canvas->hasMask());
    m_canvas->fillMask();
    m_canvas->clearMask();
    QCOMPARE(countAtLeast(m_canvas->mask(), 1), 0);
    QCOMPARE(m_canvas->undoStack()->count(), 6);
    m_canvas->clearMask();  // changes nothing: no entry
    QCOMPARE(m_canvas->undoStack()->count(), 6);
  }

  void undoRedoRestoreExactly() {
    QList<QImage> states{m_canvas->mask()};
    m_canvas->setBrushSize(15);
    stroke(*m_canvas, {{20.5, 20.5}, {150.5, 120.5}});
    states << m_canvas->mask();
    m_canvas->setBrushHardness(0.2);
    stroke(*m_canvas, {{150.5, 20.5}, {30.5, 130.5}, {190.5, 75.5}});
    states << m_canvas->mask();
    m_canvas->setTool(MaskCanvas::Tool::Eraser);
    stroke(*m_canvas, {{0.5, 75.5}, {199.5, 75.5}});
    states << m_canvas->mask();
    m_canvas->invertMask();
    states << m_canvas->mask();
    m_canvas->fillMask();
    states << m_canvas->mask();
    m_canvas->clearMask();
    states << m_canvas->mask();
    QImage loaded(50, 40, QImage::Format_RGB32);
    loaded.fill(Qt::white);
    m_canvas->setMask(loaded);
    states << m_canvas->mask();
    for (qsizetype i = 1; i < states.size(); ++i) QVERIFY(states[i] != states[i - 1]);

    QUndoStack* stack = m_canvas->undoStack();
    QCOMPARE(stack->count(), states.size() - 1);
    QSignalSpy changed(m_canvas.get(), &MaskCanvas::maskChanged);
    for (qsizetype i = states.size() - 2; i >= 0; --i) {
      stack->undo();
      QCOMPARE(m_canvas->mask(), states[i]);
    }
    QVERIFY(!stack->canUndo());
    for (qsizetype i = 1; i < states.size(); ++i) {
      stack->redo();
      QCOMPARE(m_canvas->mask(), states[i]);
    }
    QCOMPARE(changed.count(), 2 * (states.size() - 1));
  }

  void keysUndoAndEscapeAbandonsAStroke() {
    m_canvas->setBrushSize(8);
    stroke(*m_canvas, {{50.5, 50.5}, {90.5, 50.5}});
    const QImage afterFirst = m_canvas->mask();
    const QPoint a = widgetPoint(*m_canvas, {50.5, 100.5}), b = widgetPoint(*m_canvas, {90.5, 100.5});
    sendMouse(m_canvas.get(), QEvent::MouseButtonPress, a, Qt::LeftButton, Qt::LeftButton);
    sendMouse(m_canvas.get(), QEvent::MouseMove, b, Qt::NoButton, Qt::LeftButton);
    QCOMPARE(maskAt(m_canvas->mask(), 70, 100), 255);  // painted live, before the release
    QTest::keyClick(m_canvas.get(), Qt::Key_Escape);
    sendMouse(m_canvas.get(), QEvent::MouseButtonRelease, b, Qt::LeftButton, Qt::NoButton);
    QCOMPARE(m_canvas->mask(), afterFirst);
    QCOMPARE(m_canvas->undoStack()->count(), 1);

    QTest::keySequence(m_canvas.get(), QKeySequence::Undo);
    QVERIFY(!m_canvas->hasMask());
    QTest::keySequence(m_canvas.get(), QKeySequence::Redo);
    QCOMPARE(m_canvas->mask(), afterFirst);
  }

  void setImageResetsMaskAndHistory() {
    m_canvas->setBrushSize(20);
    stroke(*m_canvas, {{50.5, 50.5}, {100.5, 60.5}});
    QVERIFY(m_canvas->hasMask());
    QSignalSpy changed(m_canvas.get(), &MaskCanvas::maskChanged);
    m_canvas->setImage(grayImage(64, 48));
    QCOMPARE(m_canvas->mask().size(), QSize(64, 48));
    QCOMPARE(m_canvas->mask().format(), QImage::Format_Grayscale8);
    QCOMPARE(countAtLeast(m_canvas->mask(), 1), 0);
    QVERIFY(!m_canvas->hasMask());
    QCOMPARE(m_canvas->undoStack()->count(), 0);
    QCOMPARE(changed.count(), 1);
  }

  void setMaskConvertsAndScales() {
    QImage small(50, 40, QImage::Format_RGB32);
    small.fill(Qt::black);
    for (int y = 0; y < 40; ++y)
      for (int x = 0; x < 25; ++x) small.setPixel(x, y, qRgb(255, 255, 255));
    m_canvas->setMask(small);
    const QImage mask = m_canvas->mask();
    QCOMPARE(mask.format(), QImage::Format_Grayscale8);
    QCOMPARE(mask.size(), QSize(kImageW, kImageH));
    QCOMPARE(maskAt(mask, 10, 75), 255);
    QCOMPARE(maskAt(mask, 90, 10), 255);
    QCOMPARE(maskAt(mask, 110, 140), 0);
    QCOMPARE(maskAt(mask, 190, 75), 0);
    QCOMPARE(m_canvas->undoStack()->count(), 1);
    m_canvas->undoStack()->undo();
    QVERIFY(!m_canvas->hasMask());
  }

  void wheelZoomsAroundThePointer() {
    QSignalSpy zoomSpy(m_canvas.get(), &MaskCanvas::zoomChanged);
    const QPoint pointer(130, 100);
    // The image point under the pointer stays there, up to the whole-pixel pan rounding.
    auto zoomKeepsPointer = [&](int angle) {
      const QPointF under = m_canvas->mapToImage(pointer);
      sendWheel(m_canvas.get(), pointer, angle);
      const QPointF now = m_canvas->mapToImage(pointer);
      const double slack = 0.5 / m_canvas->zoom() + 1e-9;
      return std::abs(now.x() - under.x()) <= slack && std::abs(now.y() - under.y()) <= slack;
    };
    QVERIFY(zoomKeepsPointer(120));
    QVERIFY(std::abs(m_canvas->zoom() - 1.2) < 1e-9);
    QVERIFY(zoomKeepsPointer(240));
    QVERIFY(std::abs(m_canvas->zoom() - 1.2 * 1.44) < 1e-9);
    QCOMPARE(zoomSpy.count(), 2);
    sendWheel(m_canvas.get(), pointer, -360);
    QVERIFY(std::abs(m_canvas->zoom() - 1.0) < 1e-9);
    for (int i = 0; i < 100; ++i) sendWheel(m_canvas.get(), pointer, 120);
    QCOMPARE(m_canvas->zoom(), MaskCanvas::kMaxZoom);

    const double zoom = m_canvas->zoom();
    const int size = m_canvas->brushSize();
    sendWheel(m_canvas.get(), pointer, 120, Qt::ShiftModifier);
    QCOMPARE(m_canvas->zoom(), zoom);
    QVERIFY(m_canvas->brushSize() > size);
  }

  void fitToViewShowsTheWholeImage() {
    m_canvas->setZoom(5.0);
    QSignalSpy zoomSpy(m_canvas.get(), &MaskCanvas::zoomChanged);
    m_canvas->fitToView();
    QCOMPARE(zoomSpy.count(), 1);
    const QPointF topLeft = m_canvas->mapFromImage({0, 0});
    const QPointF bottomRight = m_canvas->mapFromImage({kImageW, kImageH});
    QVERIFY(topLeft.x() >= 0 && topLeft.y() >= 0);
    QVERIFY(bottomRight.x() <= 400 && bottomRight.y() <= 300);
    QVERIFY(m_canvas->zoom() > 1.5);  // and uses the room: 400x300 less margins
  }

  void brushSizeAndToolKeys() {
    QSignalSpy sizeSpy(m_canvas.get(), &MaskCanvas::brushSizeChanged);
    m_canvas->setBrushSize(20);
    QTest::keyClick(m_canvas.get(), Qt::Key_BracketRight);
    QCOMPARE(m_canvas->brushSize(), 23);
    QTest::keyClick(m_canvas.get(), Qt::Key_BracketLeft);
    QCOMPARE(m_canvas->brushSize(), 20);
    m_canvas->setBrushSize(1);
    QTest::keyClick(m_canvas.get(), Qt::Key_BracketLeft);
    QCOMPARE(m_canvas->brushSize(), 1);
    QTest::keyClick(m_canvas.get(), Qt::Key_BracketRight);
    QCOMPARE(m_canvas->brushSize(), 2);  // small sizes still grow
    QCOMPARE(sizeSpy.count(), 5);
    m_canvas->setBrushSize(100000);
    QCOMPARE(m_canvas->brushSize(), MaskCanvas::kMaxBrushSize);

    QTest::keyClick(m_canvas.get(), Qt::Key_E);
    QCOMPARE(m_canvas->tool(), MaskCanvas::Tool::Eraser);
    QTest::keyClick(m_canvas.get(), Qt::Key_X);
    QCOMPARE(m_canvas->tool(), MaskCanvas::Tool::Brush);
    m_canvas->setBrushHardness(7.0);
    QCOMPARE(m_canvas->brushHardness(), 1.0);
  }

  // The overlay tints masked pixels and leaves the rest of the image as it is.
  void overlayTintsTheMaskedArea() {
    QCOMPARE(m_canvas->overlayOpacity(), 0.5);
    m_canvas->setBrushSize(30);
    stroke(*m_canvas, {{50.5, 75.5}});
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(m_canvas.get(), &leave);  // hides the brush outline
    const QPoint masked = widgetPoint(*m_canvas, {50.5, 75.5});
    const QPoint kept = widgetPoint(*m_canvas, {150.5, 75.5});
    QImage shot = m_canvas->grab().toImage();
    const QColor tinted = shot.pixelColor(masked);
    QCOMPARE(shot.pixelColor(kept), QColor(128, 128, 128));
    QVERIFY(tinted.red() > 170 && tinted.green() < 100);
    m_canvas->setOverlayOpacity(0.0);
    shot = m_canvas->grab().toImage();
    QCOMPARE(shot.pixelColor(masked), QColor(128, 128, 128));
  }

  void toolsBarDrivesAndFollowsTheCanvas() {
    MaskToolsBar bar(m_canvas.get());
    auto* brush = bar.findChild<QAction*>("brushAction");
    auto* eraser = bar.findChild<QAction*>("eraserAction");
    auto* spin = bar.findChild<QSpinBox*>("brushSizeSpin");
    auto* slider = bar.findChild<QSlider*>("brushSizeSlider");
    auto* hardness = bar.findChild<QSpinBox*>("hardnessSpin");
    auto* fill = bar.findChild<QAction*>("fillAction");
    auto* undo = bar.findChild<QAction*>("undoAction");
    QVERIFY(brush && eraser && spin && slider && hardness && fill && undo);

    eraser->trigger();
    QCOMPARE(m_canvas->tool(), MaskCanvas::Tool::Eraser);
    m_canvas->setTool(MaskCanvas::Tool::Brush);
    QVERIFY(brush->isChecked() && !eraser->isChecked());

    spin->setValue(77);
    QCOMPARE(m_canvas->brushSize(), 77);
    slider->setValue(slider->maximum());
    QCOMPARE(m_canvas->brushSize(), MaskCanvas::kMaxBrushSize);
    QCOMPARE(spin->value(), MaskCanvas::kMaxBrushSize);
    m_canvas->setBrushSize(5);
    QCOMPARE(spin->value(), 5);
    hardness->setValue(30);
    QCOMPARE(m_canvas->brushHardness(), 0.3);

    QVERIFY(!undo->isEnabled());
    fill->trigger();
    QVERIFY(m_canvas->hasMask());
    QVERIFY(undo->isEnabled());
    undo->trigger();
    QVERIFY(!m_canvas->hasMask());
  }

  // img2img has no mask: hidden, it is neither drawn nor edited, and comes back as it was.
  void hiddenMaskIsNotDrawnNorEdited() {
    QVERIFY(m_canvas->isMaskVisible());  // the default
    QSignalSpy visibleSpy(m_canvas.get(), &MaskCanvas::maskVisibleChanged);
    m_canvas->setBrushSize(30);
    stroke(*m_canvas, {{50.5, 75.5}});
    const QImage painted = m_canvas->mask();
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(m_canvas.get(), &leave);
    const QPoint masked = widgetPoint(*m_canvas, {50.5, 75.5});
    QVERIFY(m_canvas->grab().toImage().pixelColor(masked) != QColor(128, 128, 128));

    m_canvas->setMaskVisible(false);
    QCOMPARE(visibleSpy.count(), 1);
    QVERIFY(!m_canvas->isMaskVisible());
    QCOMPARE(m_canvas->grab().toImage().pixelColor(masked), QColor(128, 128, 128));
    stroke(*m_canvas, {{150.5, 75.5}, {170.5, 75.5}});
    stroke(*m_canvas, {{50.5, 75.5}}, Qt::RightButton);  // the eraser neither
    QTest::keyClick(m_canvas.get(), Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(m_canvas.get(), Qt::Key_BracketRight);
    QTest::keyClick(m_canvas.get(), Qt::Key_E);
    QCOMPARE(m_canvas->mask(), painted);
    QCOMPARE(m_canvas->undoStack()->count(), 1);
    QCOMPARE(m_canvas->brushSize(), 30);
    QCOMPARE(m_canvas->tool(), MaskCanvas::Tool::Brush);

    m_canvas->setMaskVisible(true);
    QCOMPARE(visibleSpy.count(), 2);
    QCOMPARE(m_canvas->mask(), painted);
    QVERIFY(m_canvas->grab().toImage().pixelColor(masked) != QColor(128, 128, 128));
    stroke(*m_canvas, {{150.5, 75.5}});
    QCOMPARE(maskAt(m_canvas->mask(), 150, 75), 255);
  }

  // Ctrl+Y and Ctrl+Shift+Z both redo, whatever the platform's own redo key is.
  void ctrlYAndCtrlShiftZRedo() {
    m_canvas->setBrushSize(8);
    stroke(*m_canvas, {{50.5, 50.5}, {90.5, 50.5}});
    const QImage painted = m_canvas->mask();
    QTest::keyClick(m_canvas.get(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!m_canvas->hasMask());
    QTest::keyClick(m_canvas.get(), Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(m_canvas->mask(), painted);
    QTest::keyClick(m_canvas.get(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!m_canvas->hasMask());
    QTest::keyClick(m_canvas.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_canvas->mask(), painted);
    // The canvas claims them before a window-wide shortcut could.
    QKeyEvent overrideY(QEvent::ShortcutOverride, Qt::Key_Y, Qt::ControlModifier);
    QApplication::sendEvent(m_canvas.get(), &overrideY);
    QVERIFY(overrideY.isAccepted());
    QKeyEvent overrideShiftZ(QEvent::ShortcutOverride, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QApplication::sendEvent(m_canvas.get(), &overrideShiftZ);
    QVERIFY(overrideShiftZ.isAccepted());
  }

  // The default brush is 1/16 of the image's shorter side, until the user picks a size.
  void defaultBrushFollowsTheImageSize() {
    QCOMPARE(MaskCanvas::defaultBrushSize({512, 512}), 32);
    QCOMPARE(MaskCanvas::defaultBrushSize({1024, 768}), 48);
    QCOMPARE(MaskCanvas::defaultBrushSize({128, 128}), 8);
    QCOMPARE(MaskCanvas::defaultBrushSize({8, 8}), 1);
    QCOMPARE(MaskCanvas::defaultBrushSize({100000, 100000}), MaskCanvas::kMaxBrushSize);

    MaskCanvas canvas;
    QCOMPARE(canvas.brushSize(), 48);  // before any image
    QSignalSpy sizeSpy(&canvas, &MaskCanvas::brushSizeChanged);
    canvas.setImage(grayImage(128, 128));
    QCOMPARE(canvas.brushSize(), 8);
    QCOMPARE(sizeSpy.count(), 1);  // the tools bar follows
    canvas.setImage(grayImage(2048, 1536));
    QCOMPARE(canvas.brushSize(), 96);
    canvas.setImage(QImage());
    QCOMPARE(canvas.brushSize(), 96);  // no image: nothing to scale to

    canvas.setBrushSize(100);  // the user's choice stays from image to image
    canvas.setImage(grayImage(128, 128));
    QCOMPARE(canvas.brushSize(), 100);
  }

  void keysChoosingASizeKeepItToo() {
    MaskCanvas canvas;
    canvas.setImage(grayImage(512, 512));
    QCOMPARE(canvas.brushSize(), 32);
    QTest::keyClick(&canvas, Qt::Key_BracketRight);
    const int chosen = canvas.brushSize();
    QVERIFY(chosen > 32);
    canvas.setImage(grayImage(128, 128));
    QCOMPARE(canvas.brushSize(), chosen);
  }

  // The bar's two rows: painting tools hide with the mask, Fit stays.
  void toolsBarHidesTheMaskToolsWithTheMask() {
    MaskToolsBar bar(m_canvas.get());
    bar.resize(800, bar.sizeHint().height());
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    auto* spin = bar.findChild<QSpinBox*>("brushSizeSpin");
    auto* fill = bar.findChild<QAction*>("fillAction");
    auto* redo = bar.findChild<QAction*>("redoAction");
    auto* fit = bar.findChild<QAction*>("fitAction");
    QVERIFY(spin && fill && redo && fit);
    QVERIFY(spin->isVisible() && fill->isVisible() && redo->isVisible() && fit->isVisible());
    m_canvas->setMaskVisible(false);
    QVERIFY(!spin->isVisible());
    QVERIFY(!fill->isVisible() && !redo->isVisible());
    QVERIFY(fit->isVisible());
    m_canvas->setMaskVisible(true);
    QVERIFY(spin->isVisible() && fill->isVisible() && redo->isVisible());
  }
};

QTEST_MAIN(TestMaskCanvas)
#include "test_mask_canvas.moc"
