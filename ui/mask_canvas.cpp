#include "ui/mask_canvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QUndoCommand>
#include <QUndoStack>
#include <QWheelEvent>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <utility>

namespace gesso::ui {

namespace {

const QPointF kHalfPixel{0.5, 0.5};
constexpr double kWheelZoomStep = 1.2;  // per wheel notch
constexpr double kBrushSizeStep = 1.15;
constexpr int kFitMargin = 12;  // room around a fitted image, to start strokes off its edges

// Long segments are rasterised in pieces, so that a fast diagonal stroke visits a band of pixels
// rather than its whole bounding box.
double segmentPieceLength(double radius) { return std::max(16.0, 4.0 * radius); }

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b) {
  const QPointF ab = b - a;
  const double length2 = QPointF::dotProduct(ab, ab);
  const double t =
      length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
  const QPointF d = p - (a + t * ab);
  return std::hypot(d.x(), d.y());
}

// Coverage 0..255 of a pixel whose centre lies d from the stroke's spine. The rim is antialiased
// over one pixel so that a hard disc looks round at every zoom; below hardness 1 a smoothstep
// falls from radius * hardness to the rim.
int coverageAt(double d, double radius, double hardness) {
  double c = std::clamp(radius + 0.5 - d, 0.0, 1.0);
  if (c <= 0) return 0;
  const double inner = radius * hardness;
  if (radius - inner >= 1.0 && d > inner) {
    const double t = std::min(1.0, (d - inner) / (radius - inner));
    c = std::min(c, 1.0 - t * t * (3.0 - 2.0 * t));
  }
  return static_cast<int>(std::lround(c * 255.0));
}

// The smallest rect within `within` where two same-sized Grayscale8 images differ; empty if none.
QRect differingRect(const QImage& a, const QImage& b, const QRect& within) {
  int left = INT_MAX, right = -1, top = INT_MAX, bottom = -1;
  for (int y = within.top(); y <= within.bottom(); ++y) {
    const uchar* rowA = a.constScanLine(y);
    const uchar* rowB = b.constScanLine(y);
    for (int x = within.left(); x <= within.right(); ++x) {
      if (rowA[x] == rowB[x]) continue;
      left = std::min(left, x);
      right = std::max(right, x);
      top = std::min(top, y);
      bottom = y;
    }
  }
  return right < 0 ? QRect() : QRect(QPoint(left, top), QPoint(right, bottom));
}

// Ctrl+Y and Ctrl+Shift+Z both redo on every platform: users bring either habit, and the
// platform's own binding (QKeySequence::Redo) is only one of them.
bool isRedoKey(const QKeyEvent* event) {
  if (event->matches(QKeySequence::Redo)) return true;
  const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
  return (event->key() == Qt::Key_Y && mods == Qt::ControlModifier) ||
         (event->key() == Qt::Key_Z && mods == (Qt::ControlModifier | Qt::ShiftModifier));
}

bool isUndoKey(const QKeyEvent* event) { return event->matches(QKeySequence::Undo) && !isRedoKey(event); }

QImage uniformMask(const QSize& size, int value) {
  QImage image(size, QImage::Format_Grayscale8);
  image.fill(value);
  return image;
}

}  // namespace

// One mask edit on the undo stack. Patch edits keep only the changed rect, before and after, so a
// small stroke on a large image stays small in memory; an inversion is its own inverse and keeps
// nothing. The stack's count limit (kUndoLimit) then bounds the worst case.
class MaskEditCommand : public QUndoCommand {
 public:
  MaskEditCommand(MaskCanvas* canvas, const QString& text, QPoint topLeft, QImage before,
                  QImage after)
      : QUndoCommand(text),
        m_canvas(canvas),
        m_topLeft(topLeft),
        m_before(std::move(before)),
        m_after(std::move(after)) {}
  MaskEditCommand(MaskCanvas* canvas, const QString& text)
      : QUndoCommand(text), m_canvas(canvas), m_invert(true) {}

  void undo() override { apply(m_before); }
  // Also runs on push; for a stroke it rewrites what is already there, which is cheap and keeps
  // one code path.
  void redo() override { apply(m_after); }

 private:
  void apply(const QImage& patch) {
    if (m_invert) {
      m_canvas->flipMask();
    } else {
      m_canvas->writePatch(m_topLeft, patch);
    }
  }

  MaskCanvas* m_canvas;
  QPoint m_topLeft;
  QImage m_before;
  QImage m_after;
  bool m_invert = false;
};

MaskCanvas::MaskCanvas(QWidget* parent) : QWidget(parent), m_undoStack(new QUndoStack(this)) {
  m_undoStack->setUndoLimit(kUndoLimit);
  setMouseTracking(true);  // the brush outline follows the pointer without a button held
  setFocusPolicy(Qt::StrongFocus);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setContextMenuPolicy(Qt::PreventContextMenu);  // the right button erases; no menu may pop up
  setMinimumSize(64, 64);
  rebuildOverlayLut();
  updateCursorShape();
}

MaskCanvas::~MaskCanvas() = default;

int MaskCanvas::defaultBrushSize(const QSize& imageSize) {
  if (imageSize.isEmpty()) return 48;
  const int shorter = std::min(imageSize.width(), imageSize.height());
  return std::clamp(static_cast<int>(std::lround(shorter / 16.0)), kMinBrushSize, kMaxBrushSize);
}

// ---- image and mask ----

void MaskCanvas::setImage(const QImage& image) {
  m_stroke = Stroke{};
  m_panning = false;
  m_image = image;
  m_display = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
  m_mask = image.isNull() ? QImage() : uniformMask(image.size(), 0);
  m_overlay = image.isNull() ? QImage() : QImage(image.size(), QImage::Format_ARGB32_Premultiplied);
  m_overlay.fill(Qt::transparent);
  m_hasLastStrokeEnd = false;
  m_undoStack->clear();  // the history belongs to the previous image
  if (!m_brushSizeChosen && !image.isNull()) applyBrushSize(defaultBrushSize(image.size()));
  fitToView();
  updateCursorShape();
  update();
  emit maskChanged();
}

void MaskCanvas::setMask(const QImage& mask) {
  if (m_image.isNull() || mask.isNull()) return;
  commitStroke();
  QImage gray = mask.convertToFormat(QImage::Format_Grayscale8);
  if (gray.size() != m_image.size()) {
    gray = gray.scaled(m_image.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
               .convertToFormat(QImage::Format_Grayscale8);
  }
  pushEdit(gray, tr("Load mask"));
}

bool MaskCanvas::hasMask() const {
  for (int y = 0; y < m_mask.height(); ++y) {
    const uchar* row = m_mask.constScanLine(y);
    if (std::any_of(row, row + m_mask.width(), [](uchar v) { return v != 0; })) return true;
  }
  return false;
}

void MaskCanvas::fillMask() {
  if (m_mask.isNull()) return;
  commitStroke();
  pushEdit(uniformMask(m_mask.size(), 255), tr("Fill mask"));
}

void MaskCanvas::clearMask() {
  if (m_mask.isNull()) return;
  commitStroke();
  pushEdit(uniformMask(m_mask.size(), 0), tr("Clear mask"));
}

void MaskCanvas::invertMask() {
  if (m_mask.isNull()) return;
  commitStroke();
  m_undoStack->push(new MaskEditCommand(this, tr("Invert mask")));
}

void MaskCanvas::pushEdit(const QImage& after, const QString& text) {
  const QRect changed = differingRect(m_mask, after, m_mask.rect());
  if (changed.isEmpty()) return;
  m_undoStack->push(new MaskEditCommand(this, text, changed.topLeft(), m_mask.copy(changed),
                                        after.copy(changed)));
}

void MaskCanvas::writePatch(const QPoint& topLeft, const QImage& patch, bool notify) {
  for (int y = 0; y < patch.height(); ++y) {
    std::memcpy(m_mask.scanLine(topLeft.y() + y) + topLeft.x(), patch.constScanLine(y),
                static_cast<size_t>(patch.width()));
  }
  maskRegionChanged(QRect(topLeft, patch.size()));
  if (notify) emit maskChanged();
}

void MaskCanvas::flipMask() {
  m_mask.invertPixels();
  maskRegionChanged(m_mask.rect());
  emit maskChanged();
}

void MaskCanvas::maskRegionChanged(const QRect& imageRect) {
  refreshOverlay(imageRect);
  update(widgetRect(imageRect));
}

void MaskCanvas::refreshOverlay(const QRect& imageRect) {
  const QRect rect = imageRect & m_mask.rect();
  for (int y = rect.top(); y <= rect.bottom(); ++y) {
    const uchar* in = m_mask.constScanLine(y);
    auto* out = reinterpret_cast<QRgb*>(m_overlay.scanLine(y));
    for (int x = rect.left(); x <= rect.right(); ++x) out[x] = m_overlayLut[in[x]];
  }
}

void MaskCanvas::rebuildOverlayLut() {
  const QColor c = m_overlayColor;
  for (int v = 0; v < 256; ++v) m_overlayLut[v] = qPremultiply(qRgba(c.red(), c.green(), c.blue(), v));
}

// ---- strokes ----

void MaskCanvas::beginStroke(const QPointF& imagePos, Tool tool, Qt::MouseButton button,
                             bool fromLastEnd) {
  m_stroke = Stroke{};
  m_stroke.active = true;
  m_stroke.tool = tool;
  m_stroke.button = button;
  m_stroke.before = m_mask;  // shared until the first write detaches m_mask
  m_stroke.coverage = uniformMask(m_mask.size(), 0);
  m_stroke.last = fromLastEnd && m_hasLastStrokeEnd ? m_lastStrokeEnd : imagePos;
  extendStroke(imagePos);
}

void MaskCanvas::extendStroke(const QPointF& imagePos) {
  paintSegment(m_stroke.last, imagePos);
  m_stroke.last = imagePos;
}

void MaskCanvas::commitStroke() {
  if (!m_stroke.active) return;
  const Stroke stroke = std::exchange(m_stroke, Stroke{});
  m_lastStrokeEnd = stroke.last;
  m_hasLastStrokeEnd = true;
  // A stroke that changed nothing (all off the image, or over already-masked pixels) leaves no
  // undo entry that would undo nothing.
  const QRect changed = differingRect(stroke.before, m_mask, stroke.dirty);
  if (changed.isEmpty()) return;
  const QString text = stroke.tool == Tool::Brush ? tr("Paint mask") : tr("Erase mask");
  m_undoStack->push(new MaskEditCommand(this, text, changed.topLeft(), stroke.before.copy(changed),
                                        m_mask.copy(changed)));
}

void MaskCanvas::cancelStroke() {
  if (!m_stroke.active) return;
  const Stroke stroke = std::exchange(m_stroke, Stroke{});
  if (!stroke.dirty.isEmpty()) {
    writePatch(stroke.dirty.topLeft(), stroke.before.copy(stroke.dirty), false);
  }
}

void MaskCanvas::paintSegment(const QPointF& a, const QPointF& b) {
  const QPointF ab = b - a;
  const double length = std::hypot(ab.x(), ab.y());
  const int pieces =
      std::max(1, static_cast<int>(std::ceil(length / segmentPieceLength(m_brushSize / 2.0))));
  QRect touched;
  for (int i = 0; i < pieces; ++i) {
    touched |= rasterizeSegment(a + ab * (double(i) / pieces), a + ab * (double(i + 1) / pieces));
  }
  if (touched.isEmpty()) return;
  m_stroke.dirty |= touched;
  maskRegionChanged(touched);
}

// Each pixel keeps the strongest coverage the stroke has given it, composited against the mask as
// it was at press: a stroke crossing itself does not build up, and a soft brush drawn slowly looks
// the same as one drawn fast.
QRect MaskCanvas::rasterizeSegment(const QPointF& a, const QPointF& b) {
  const double radius = m_brushSize / 2.0;
  const double reach = radius + 1.0;
  const QRect box = QRectF(QPointF(std::min(a.x(), b.x()) - reach, std::min(a.y(), b.y()) - reach),
                           QPointF(std::max(a.x(), b.x()) + reach, std::max(a.y(), b.y()) + reach))
                        .toAlignedRect() &
                    m_mask.rect();
  const bool erase = m_stroke.tool == Tool::Eraser;
  for (int y = box.top(); y <= box.bottom(); ++y) {
    const uchar* before = m_stroke.before.constScanLine(y);
    uchar* coverage = m_stroke.coverage.scanLine(y);
    uchar* out = m_mask.scanLine(y);
    for (int x = box.left(); x <= box.right(); ++x) {
      if (coverage[x] == 255) continue;  // consecutive segments overlap: most pixels are done
      const int c = coverageAt(distanceToSegment({x + 0.5, y + 0.5}, a, b), radius, m_brushHardness);
      if (c <= coverage[x]) continue;
      coverage[x] = static_cast<uchar>(c);
      out[x] = static_cast<uchar>(erase ? std::min<int>(before[x], 255 - c) : std::max<int>(before[x], c));
    }
  }
  return box;
}

// ---- settings ----

void MaskCanvas::setTool(Tool tool) {
  if (tool == m_tool) return;
  m_tool = tool;
  update(brushCursorRect().toAlignedRect());
  emit toolChanged(tool);
}

void MaskCanvas::setBrushSize(int px) {
  m_brushSizeChosen = true;
  applyBrushSize(px);
}

void MaskCanvas::applyBrushSize(int px) {
  px = std::clamp(px, kMinBrushSize, kMaxBrushSize);
  if (px == m_brushSize) return;
  update(brushCursorRect().toAlignedRect());
  m_brushSize = px;
  update(brushCursorRect().toAlignedRect());
  emit brushSizeChanged(px);
}

void MaskCanvas::setBrushHardness(double hardness) {
  hardness = std::clamp(hardness, 0.0, 1.0);
  if (hardness == m_brushHardness) return;
  m_brushHardness = hardness;
  update(brushCursorRect().toAlignedRect());
  emit brushHardnessChanged(hardness);
}

void MaskCanvas::setOverlayOpacity(double opacity) {
  m_overlayOpacity = std::clamp(opacity, 0.0, 1.0);
  update();
}

void MaskCanvas::setOverlayColor(const QColor& color) {
  m_overlayColor = color;
  rebuildOverlayLut();
  refreshOverlay(m_mask.rect());
  update();
}

// Sizes change by a ratio, so that the keys are as useful for a 4 px brush as for a 400 px one,
// and always by at least a pixel.
void MaskCanvas::scaleBrush(double factor) {
  const int scaled = static_cast<int>(std::lround(m_brushSize * factor));
  setBrushSize(factor > 1 ? std::max(scaled, m_brushSize + 1) : std::min(scaled, m_brushSize - 1));
}

// ---- view ----

QPointF MaskCanvas::mapToImage(const QPointF& widgetPos) const {
  return (widgetPos + kHalfPixel - m_offset) / m_zoom;
}

QPointF MaskCanvas::mapFromImage(const QPointF& imagePos) const {
  return imagePos * m_zoom + m_offset - kHalfPixel;
}

void MaskCanvas::setMaskVisible(bool visible) {
  if (visible == m_maskVisible) return;
  cancelStroke();
  m_maskVisible = visible;
  updateCursorShape();
  update();
  emit maskVisibleChanged(visible);
}

void MaskCanvas::setZoom(double zoom) { zoomAt(QPointF(width() / 2.0, height() / 2.0), zoom); }

void MaskCanvas::zoomAt(const QPointF& anchor, double zoom) {
  zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
  if (zoom == m_zoom) return;
  const QPointF imagePoint = (anchor - m_offset) / m_zoom;
  m_zoom = zoom;
  m_offset = anchor - imagePoint * m_zoom;
  m_autoFit = false;
  clampPan();
  update();
  emit zoomChanged(m_zoom);
}

void MaskCanvas::fitToView() {
  if (m_image.isNull()) return;
  const double roomW = std::max(1, width() - 2 * kFitMargin);
  const double roomH = std::max(1, height() - 2 * kFitMargin);
  const double zoom = std::clamp(std::min(roomW / m_image.width(), roomH / m_image.height()),
                                 kMinZoom, kMaxZoom);
  const bool changed = zoom != m_zoom;
  m_zoom = zoom;
  m_offset = QPointF((width() - m_image.width() * zoom) / 2, (height() - m_image.height() * zoom) / 2);
  clampPan();
  m_autoFit = true;
  update();
  if (changed) emit zoomChanged(m_zoom);
}

void MaskCanvas::panBy(const QPointF& delta) {
  m_offset += delta;
  m_autoFit = false;
  clampPan();
  update();
}

// Any image edge may be brought to the middle of the view but no further: the edges can be worked
// on with room around them, and the image can never be lost off-screen. Whole-pixel offsets keep
// zoom 1 free of resampling blur.
void MaskCanvas::clampPan() {
  const double w = m_image.width() * m_zoom;
  const double h = m_image.height() * m_zoom;
  const double cx = width() / 2.0;
  const double cy = height() / 2.0;
  m_offset.setX(std::round(std::clamp(m_offset.x(), cx - w, cx)));
  m_offset.setY(std::round(std::clamp(m_offset.y(), cy - h, cy)));
}

QRect MaskCanvas::widgetRect(const QRectF& imageRect) const {
  const QRectF r(m_offset + imageRect.topLeft() * m_zoom, imageRect.size() * m_zoom);
  return r.toAlignedRect().adjusted(-1, -1, 1, 1);
}

// ---- painting the widget ----

void MaskCanvas::paintEvent(QPaintEvent* event) {
  QPainter painter(this);
  painter.fillRect(event->rect(), QColor(48, 48, 48));
  if (m_image.isNull()) {
    painter.setPen(QColor(170, 170, 170));
    painter.drawText(rect(), Qt::AlignCenter, tr("No image"));
    return;
  }
  const QRectF exposed(event->rect());
  const QRect source =
      QRectF((exposed.topLeft() - m_offset) / m_zoom, exposed.size() / m_zoom).toAlignedRect() &
      m_display.rect();
  if (!source.isEmpty()) {
    const QRectF target(m_offset + QPointF(source.topLeft()) * m_zoom, QSizeF(source.size()) * m_zoom);
    // Zoomed in, pixels stay square: the mask is edited pixel by pixel and should look it.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom < 1.0);
    painter.drawImage(target, m_display, source);
    if (m_maskVisible) {
      painter.setOpacity(m_overlayOpacity);
      painter.drawImage(target, m_overlay, source);
      painter.setOpacity(1.0);
    }
  }
  // The outline shows where the image ends when a stroke runs past it.
  painter.setPen(QPen(QColor(255, 255, 255, 90), 0));
  painter.drawRect(QRectF(m_offset, QSizeF(m_image.size()) * m_zoom).adjusted(-0.5, -0.5, 0.5, 0.5));
  drawBrushCursor(painter);
}

QRectF MaskCanvas::brushCursorRect() const {
  if (!m_pointerShown) return {};
  const double reach = std::max(m_brushSize / 2.0 * m_zoom, 6.0) + 3.0;
  return {m_pointer - QPointF(reach, reach), QSizeF(2 * reach, 2 * reach)};
}

void MaskCanvas::drawBrushCursor(QPainter& painter) const {
  if (!m_pointerShown || m_panning || m_spaceHeld || !m_maskVisible) return;
  const double radius = m_brushSize / 2.0 * m_zoom;
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setBrush(Qt::NoBrush);
  // A dark halo under a light line keeps the outline visible on any image; the eraser's is dashed.
  painter.setPen(QPen(QColor(0, 0, 0, 160), 3));
  painter.drawEllipse(m_pointer, radius, radius);
  painter.setPen(QPen(Qt::white, 1, m_tool == Tool::Eraser ? Qt::DashLine : Qt::SolidLine));
  painter.drawEllipse(m_pointer, radius, radius);
  const double inner = radius * m_brushHardness;
  if (m_brushHardness < 1.0 && inner >= 3.0) {  // where the soft falloff starts
    painter.setPen(QPen(QColor(255, 255, 255, 140), 1, Qt::DotLine));
    painter.drawEllipse(m_pointer, inner, inner);
  }
  // The centre mark shows where the stroke goes even when the circle is too small to see.
  painter.setPen(QPen(Qt::white, 1));
  painter.drawLine(m_pointer - QPointF(4, 0), m_pointer + QPointF(4, 0));
  painter.drawLine(m_pointer - QPointF(0, 4), m_pointer + QPointF(0, 4));
}

void MaskCanvas::setPointer(const QPointF& widgetPos) {
  update(brushCursorRect().toAlignedRect());
  m_pointer = widgetPos + kHalfPixel;
  m_pointerShown = true;
  update(brushCursorRect().toAlignedRect());
}

void MaskCanvas::updateCursorShape() {
  if (m_panning) {
    setCursor(Qt::ClosedHandCursor);
  } else if (m_spaceHeld) {
    setCursor(Qt::OpenHandCursor);
  } else if (m_image.isNull() || !m_maskVisible) {
    unsetCursor();
  } else {
    setCursor(Qt::BlankCursor);  // the brush outline is the cursor
  }
  update(brushCursorRect().toAlignedRect());
}

// ---- input ----

void MaskCanvas::mousePressEvent(QMouseEvent* event) {
  setPointer(event->position());
  // One gesture at a time: a second button pressed mid-stroke or mid-pan is ignored.
  if (m_image.isNull() || m_panning || m_stroke.active) return;
  const Qt::MouseButton button = event->button();
  if (button == Qt::MiddleButton || (button == Qt::LeftButton && m_spaceHeld)) {
    m_panning = true;
    m_panButton = button;
    m_panLast = event->position();
    updateCursorShape();
    return;
  }
  if (!m_maskVisible || (button != Qt::LeftButton && button != Qt::RightButton)) return;
  const Tool other = m_tool == Tool::Brush ? Tool::Eraser : Tool::Brush;
  beginStroke(mapToImage(event->position()), button == Qt::LeftButton ? m_tool : other, button,
              event->modifiers().testFlag(Qt::ShiftModifier));
}

void MaskCanvas::mouseMoveEvent(QMouseEvent* event) {
  setPointer(event->position());
  if (m_panning) {
    panBy(event->position() - m_panLast);
    m_panLast = event->position();
  } else if (m_stroke.active) {
    extendStroke(mapToImage(event->position()));
    // A release lost to a popup or a grab must not leave the brush painting on hover.
    if (!(event->buttons() & m_stroke.button)) commitStroke();
  }
}

void MaskCanvas::mouseReleaseEvent(QMouseEvent* event) {
  setPointer(event->position());
  if (m_panning && event->button() == m_panButton) {
    m_panning = false;
    updateCursorShape();
  } else if (m_stroke.active && event->button() == m_stroke.button) {
    extendStroke(mapToImage(event->position()));
    commitStroke();
  }
}

void MaskCanvas::wheelEvent(QWheelEvent* event) {
  // Some platforms turn Shift+wheel into a horizontal wheel.
  const QPoint angle = event->angleDelta();
  const int delta = angle.y() != 0 ? angle.y() : angle.x();
  if (delta == 0 || m_image.isNull()) {
    event->ignore();
    return;
  }
  const double notches = delta / 120.0;
  if (event->modifiers().testFlag(Qt::ShiftModifier) && m_maskVisible) {
    scaleBrush(std::pow(kBrushSizeStep, notches));
  } else {
    zoomAt(event->position() + kHalfPixel, m_zoom * std::pow(kWheelZoomStep, notches));
  }
  setPointer(event->position());
  event->accept();
}

bool MaskCanvas::event(QEvent* event) {
  // With the canvas focused, the undo keys mean the mask: claim them before a window-wide shortcut.
  if (event->type() == QEvent::ShortcutOverride) {
    auto* key = static_cast<QKeyEvent*>(event);
    if (m_maskVisible && (isUndoKey(key) || isRedoKey(key))) {
      event->accept();
      return true;
    }
  }
  return QWidget::event(event);
}

void MaskCanvas::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Space) {
    if (!event->isAutoRepeat()) {
      m_spaceHeld = true;
      updateCursorShape();
    }
    return;
  }
  if (!handleShortcutKey(event)) QWidget::keyPressEvent(event);
}

bool MaskCanvas::handleShortcutKey(QKeyEvent* event) {
  const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
  if ((event->key() == Qt::Key_0 && mods == Qt::ControlModifier) ||
      (event->key() == Qt::Key_Home && mods == Qt::NoModifier)) {
    fitToView();
    return true;
  }
  return m_maskVisible && handleMaskKey(event);
}

// The keys that edit the mask or the brush: a hidden mask takes none of them.
bool MaskCanvas::handleMaskKey(QKeyEvent* event) {
  if (isUndoKey(event) || isRedoKey(event)) {
    cancelStroke();  // undo mid-stroke means "not this stroke", then the edit before it
    if (isRedoKey(event)) {
      m_undoStack->redo();
    } else {
      m_undoStack->undo();
    }
    return true;
  }
  // Brackets need AltGr on some layouts, so their modifiers are not checked.
  if (event->key() == Qt::Key_BracketLeft || event->key() == Qt::Key_BracketRight) {
    scaleBrush(event->key() == Qt::Key_BracketRight ? kBrushSizeStep : 1.0 / kBrushSizeStep);
    return true;
  }
  if ((event->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier) return false;
  switch (event->key()) {
    case Qt::Key_B: setTool(Tool::Brush); return true;
    case Qt::Key_E: setTool(Tool::Eraser); return true;
    case Qt::Key_X: setTool(m_tool == Tool::Brush ? Tool::Eraser : Tool::Brush); return true;
    case Qt::Key_Escape:
      if (!m_stroke.active) return false;  // a dialog holding the canvas may want Esc
      cancelStroke();
      return true;
    default: return false;
  }
}

void MaskCanvas::keyReleaseEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
    m_spaceHeld = false;
    updateCursorShape();
    return;
  }
  QWidget::keyReleaseEvent(event);
}

void MaskCanvas::focusOutEvent(QFocusEvent* event) {
  // The Space release goes to whoever has focus then; don't stay stuck in pan mode.
  m_spaceHeld = false;
  updateCursorShape();
  QWidget::focusOutEvent(event);
}

void MaskCanvas::resizeEvent(QResizeEvent* event) {
  if (m_autoFit) {
    fitToView();
  } else {
    clampPan();
  }
  QWidget::resizeEvent(event);
}

void MaskCanvas::leaveEvent(QEvent* event) {
  update(brushCursorRect().toAlignedRect());
  m_pointerShown = false;
  QWidget::leaveEvent(event);
}

}  // namespace gesso::ui
