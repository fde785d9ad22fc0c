#pragma once
#include <QToolBar>

class QAction;
class QSlider;
class QSpinBox;

namespace gesso::ui {

class MaskCanvas;

// The mask tools for a MaskCanvas: brush/eraser, brush size and hardness, fill, clear, invert,
// undo, redo and fit. It follows the canvas too, so the canvas's own keys ([ ], B, E, X) show here.
class MaskToolsBar : public QToolBar {
  Q_OBJECT

 public:
  explicit MaskToolsBar(MaskCanvas* canvas, QWidget* parent = nullptr);

 private:
  void addToolActions();
  void addBrushControls();
  void addEditActions();
  void showBrushSize(int px);
  void showHardness(double hardness);

  MaskCanvas* m_canvas;
  QAction* m_brush = nullptr;
  QAction* m_eraser = nullptr;
  QSlider* m_sizeSlider = nullptr;
  QSpinBox* m_sizeSpin = nullptr;
  QSlider* m_hardnessSlider = nullptr;
  QSpinBox* m_hardnessSpin = nullptr;
};

}  // namespace gesso::ui
