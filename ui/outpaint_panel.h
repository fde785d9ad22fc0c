#pragma once
// Outpainting: the source image grows on any side (io::extend_canvas), the new area (and a band of
// the old image along it, so that the seam is repainted) becomes the mask, and the run inpaints it.
// The fill choices are AUTOMATIC1111's "masked content" names: each decides how the new pixels
// start on the canvas and what the model starts from (pipelines::MaskedContent).
#include <QSize>
#include <QWidget>

#include "engine/io/canvas_extend.h"
#include "engine/pipelines/generation_request.h"

class QComboBox;
class QPushButton;
class QSpinBox;

namespace gesso::ui {

class MaskCanvas;

class OutpaintPanel : public QWidget {
  Q_OBJECT

 public:
  enum class Fill { kFill, kOriginal, kMirror, kLatentNoise, kLatentNothing };
  Q_ENUM(Fill)

  static constexpr int kGrid = 8;  // the latent's grid: sides are multiples of it
  static constexpr int kDefaultSide = 64;
  static constexpr int kMaxOverlap = 128;

  explicit OutpaintPanel(MaskCanvas* canvas, QWidget* parent = nullptr);

  // The next multiple of kGrid at or above px (0 stays 0; negatives count as 0).
  static int roundToGrid(int px);
  // How the new pixels start, and what the model starts from, for a fill choice.
  static io::CanvasFill canvasFill(Fill fill);
  static pipelines::MaskedContent maskedContent(Fill fill);
  // The generation size after the canvas grew from `before` to `after`: the form's size scaled as
  // the canvas was (a 512 generation of a 512 canvas grown by 64 is 576), in multiples of 8 within
  // 64..4096.
  static QSize grownGenerationSize(const QSize& generation, const QSize& before, const QSize& after);

  // The panel's sides (rounded up to the grid), overlap and fill.
  io::CanvasExtension extension() const;
  Fill fill() const;
  void setSides(int left, int right, int top, int bottom);
  void setFill(Fill fill);

 public slots:
  // Grows the canvas's image and marks the new area in its mask (the mask painted so far is kept,
  // moved with the image). False, with failed(), when there is no image or nothing to add.
  bool extend();

 signals:
  void extended(QSize before, QSize after, gesso::pipelines::MaskedContent content);
  void failed(const QString& message);

 private:
  QSpinBox* addSide(const QString& name, const QString& tip);
  void buildFill();
  void snapToGrid(QSpinBox* spin);

  MaskCanvas* m_canvas;
  QSpinBox* m_left = nullptr;
  QSpinBox* m_right = nullptr;
  QSpinBox* m_top = nullptr;
  QSpinBox* m_bottom = nullptr;
  QSpinBox* m_overlap = nullptr;
  QComboBox* m_fill = nullptr;
  QPushButton* m_extend = nullptr;
};

}  // namespace gesso::ui
