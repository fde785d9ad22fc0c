#pragma once
#include <QColor>
#include <QImage>
#include <QPointF>
#include <QWidget>

#include <array>

class QUndoStack;

namespace gesso::ui {

class MaskEditCommand;

// The inpainting mask editor: an image with a paintable mask over it (255 = repaint, 0 = keep).
//
// Mouse and keys (the main window's tooltips and docs can quote these):
//   left drag            paint with the current tool; Shift+click draws a straight line from the
//                        end of the previous stroke
//   right drag           paint with the other tool (erase while the brush is selected), so a
//                        correction needs no trip to the tool bar
//   wheel / Ctrl+wheel   zoom around the pointer (the canvas has no scroll bars, so the wheel has
//                        nothing better to do, and both habits work)
//   Shift+wheel, [ ]     brush size
//   middle drag, Space+left drag   pan
//   B / E / X            brush / eraser / swap;  Home or Ctrl+0: fit to view
//   Ctrl+Z / Ctrl+Y or Ctrl+Shift+Z (and the platform's undo/redo keys) while the canvas has
//                        focus: mask undo / redo
//   Esc                  abandon the stroke in progress
//
// Strokes are rasterised as capsules between consecutive pointer positions, not as dabs, so a fast
// stroke can leave no gaps. A brush centred off the image paints the part of it that is on the
// image, and the pan limits let every image edge reach the middle of the view.
//
// The mask can be hidden (img2img has none): it is then neither drawn nor edited, and comes back
// as it was when shown again.
class MaskCanvas : public QWidget {
  Q_OBJECT

 public:
  enum class Tool { Brush, Eraser };
  Q_ENUM(Tool)

  static constexpr int kMinBrushSize = 1;
  static constexpr int kMaxBrushSize = 1024;
  static constexpr double kMinZoom = 1.0 / 32;
  static constexpr double kMaxZoom = 32.0;
  // An entry keeps only the changed rect, before and after (an inversion keeps nothing), so the
  // worst case is kUndoLimit x 2 image-sized 8-bit buffers: 128 MiB at 1024x1024.
  static constexpr int kUndoLimit = 64;
  // The brush an image starts with, until the user picks a size: 1/16 of its shorter side (32 px
  // at 512), as AUTOMATIC1111's, so that a photo and a thumbnail start with the same-looking brush.
  static int defaultBrushSize(const QSize& imageSize);

  explicit MaskCanvas(QWidget* parent = nullptr);
  ~MaskCanvas() override;

  // Resets the mask (image-sized, all 0) and the undo history, and fits the view. The brush takes
  // the image's defaultBrushSize unless the user has set a size (setBrushSize, the keys, the wheel).
  void setImage(const QImage& image);
  QImage image() const { return m_image; }
  // Format_Grayscale8 at the image's size; null while there is no image.
  QImage mask() const { return m_mask; }
  // Converted to grayscale and scaled to the image size; one undo entry. Ignored without an image.
  void setMask(const QImage& mask);
  // Whether any pixel is marked for repainting.
  bool hasMask() const;

  Tool tool() const { return m_tool; }
  int brushSize() const { return m_brushSize; }
  double brushHardness() const { return m_brushHardness; }
  double overlayOpacity() const { return m_overlayOpacity; }
  QColor overlayColor() const { return m_overlayColor; }
  double zoom() const { return m_zoom; }
  bool isMaskVisible() const { return m_maskVisible; }
  QUndoStack* undoStack() const { return m_undoStack; }

  // Widget positions are taken as QMouseEvent reports them: the pixel under the pointer's hot
  // spot, whose centre (+0.5) is what gets mapped. The two functions are exact inverses.
  QPointF mapToImage(const QPointF& widgetPos) const;
  QPointF mapFromImage(const QPointF& imagePos) const;

  QSize sizeHint() const override { return {640, 480}; }

 public slots:
  void setTool(gesso::ui::MaskCanvas::Tool tool);
  // In image pixels (the diameter), so a size means the same area at every zoom.
  void setBrushSize(int px);
  // 1 = a hard disc (antialiased over one pixel), 0 = a falloff from the centre to the rim.
  void setBrushHardness(double hardness);
  void setOverlayOpacity(double opacity);
  void setOverlayColor(const QColor& color);
  // Zooms around the middle of the view.
  void setZoom(double zoom);
  // Hidden: no overlay, no brush, strokes and mask keys ignored; the mask and its history are kept.
  void setMaskVisible(bool visible);
  void fitToView();
  // Each is one undo entry; an edit that would change nothing adds none.
  void fillMask();
  void clearMask();
  void invertMask();

 signals:
  // Once per finished edit (stroke release, fill, clear, invert, undo, redo, setMask, setImage),
  // not per mouse move: listeners may do expensive work (thumbnails, saving).
  void maskChanged();
  void zoomChanged(double zoom);
  void toolChanged(gesso::ui::MaskCanvas::Tool tool);
  void brushSizeChanged(int px);
  void brushHardnessChanged(double hardness);
  void maskVisibleChanged(bool visible);

 protected:
  bool event(QEvent* event) override;
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void keyReleaseEvent(QKeyEvent* event) override;
  void focusOutEvent(QFocusEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  friend class MaskEditCommand;

  // The state of one press..release; the buffers exist only while it lasts.
  struct Stroke {
    bool active = false;
    Tool tool = Tool::Brush;
    Qt::MouseButton button = Qt::NoButton;
    QPointF last;      // image coordinates of the previous pointer position
    QImage before;     // the mask at press: strokes composite against it, never against themselves
    QImage coverage;   // the strongest brush coverage each pixel has had in this stroke
    QRect dirty;       // image pixels touched so far
  };

  bool handleShortcutKey(QKeyEvent* event);
  bool handleMaskKey(QKeyEvent* event);
  void applyBrushSize(int px);
  void beginStroke(const QPointF& imagePos, Tool tool, Qt::MouseButton button, bool fromLastEnd);
  void extendStroke(const QPointF& imagePos);
  void commitStroke();
  void cancelStroke();
  void paintSegment(const QPointF& a, const QPointF& b);
  QRect rasterizeSegment(const QPointF& a, const QPointF& b);
  void pushEdit(const QImage& after, const QString& text);
  void writePatch(const QPoint& topLeft, const QImage& patch, bool notify = true);
  void flipMask();
  void maskRegionChanged(const QRect& imageRect);
  void refreshOverlay(const QRect& imageRect);
  void rebuildOverlayLut();

  void zoomAt(const QPointF& widgetPos, double zoom);
  void panBy(const QPointF& delta);
  void clampPan();
  void scaleBrush(double factor);
  QRect widgetRect(const QRectF& imageRect) const;
  QRectF brushCursorRect() const;
  void drawBrushCursor(QPainter& painter) const;
  void updateCursorShape();
  void setPointer(const QPointF& widgetPos);

  QImage m_image;    // as given: image() hands it back untouched
  QImage m_display;  // premultiplied copy, the format drawImage blits fastest
  QImage m_mask;     // Format_Grayscale8, image-sized
  QImage m_overlay;  // the mask tinted, kept in step with m_mask rect by rect, never rebuilt per frame
  std::array<QRgb, 256> m_overlayLut{};
  QUndoStack* m_undoStack;

  Tool m_tool = Tool::Brush;
  int m_brushSize = 48;
  bool m_brushSizeChosen = false;  // by the user: a new image keeps it
  bool m_maskVisible = true;
  double m_brushHardness = 1.0;
  double m_overlayOpacity = 0.5;
  QColor m_overlayColor{255, 32, 96};

  double m_zoom = 1.0;
  QPointF m_offset;       // widget position of the image's top-left corner, whole pixels
  bool m_autoFit = true;  // until the user zooms or pans, resizes keep the image fitted

  QPointF m_pointer;  // widget position of the pointer pixel's centre
  bool m_pointerShown = false;
  bool m_spaceHeld = false;
  bool m_panning = false;
  Qt::MouseButton m_panButton = Qt::NoButton;
  QPointF m_panLast;

  Stroke m_stroke;
  QPointF m_lastStrokeEnd;
  bool m_hasLastStrokeEnd = false;
};

}  // namespace gesso::ui
