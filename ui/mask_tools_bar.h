#pragma once
#include <QWidget>

class QAction;
class QToolBar;
class QSlider;
class QSpinBox;

namespace gesso::ui {

class MaskCanvas;

// The mask tools for a MaskCanvas: brush/eraser, brush size and hardness, fill, clear, invert,
// undo, redo and fit. It follows the canvas too, so the canvas's own keys ([ ], B, E, X) show here.
//
// Two rows (painting; editing and view), so that every tool is on screen at the Generate dock's
// default width instead of behind a tool bar's overflow arrow. While the canvas hides its mask
// (img2img), only the view's tools stay.
class MaskToolsBar : public QWidget {
  Q_OBJECT

 public:
  explicit MaskToolsBar(MaskCanvas* canvas, QWidget* parent = nullptr);

 private:
  QToolBar* addRow(const QString& name);
  void addToolActions();
  void addBrushControls();
  void addEditActions();
  void showMaskTools(bool shown);
  void showBrushSize(int px);
  void showHardness(double hardness);

  MaskCanvas* m_canvas;
  QToolBar* m_paintRow = nullptr;
  QToolBar* m_editRow = nullptr;
  QList<QAction*> m_maskEdits;  // the edit row's actions that change the mask
  QAction* m_brush = nullptr;
  QAction* m_eraser = nullptr;
  QSlider* m_sizeSlider = nullptr;
  QSpinBox* m_sizeSpin = nullptr;
  QSlider* m_hardnessSlider = nullptr;
  QSpinBox* m_hardnessSpin = nullptr;
};

}  // namespace gesso::ui
