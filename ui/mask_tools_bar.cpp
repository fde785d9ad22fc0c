#include "ui/mask_tools_bar.h"

#include <QActionGroup>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

#include "ui/mask_canvas.h"

namespace gesso::ui {

namespace {

// The size slider is logarithmic: 1..1024 px on a linear slider would leave the small sizes, the
// ones used for detail, crammed into its first few pixels.
constexpr int kSizeSliderSteps = 1000;

int sliderToSize(int position) {
  const double range = std::log(double(MaskCanvas::kMaxBrushSize) / MaskCanvas::kMinBrushSize);
  return static_cast<int>(
      std::lround(MaskCanvas::kMinBrushSize * std::exp(range * position / kSizeSliderSteps)));
}

int sizeToSlider(int px) {
  const double range = std::log(double(MaskCanvas::kMaxBrushSize) / MaskCanvas::kMinBrushSize);
  return static_cast<int>(
      std::lround(std::log(double(px) / MaskCanvas::kMinBrushSize) / range * kSizeSliderSteps));
}

}  // namespace

MaskToolsBar::MaskToolsBar(MaskCanvas* canvas, QWidget* parent) : QWidget(parent), m_canvas(canvas) {
  setObjectName("maskToolsBar");
  setWindowTitle(tr("Mask tools"));
  auto* rows = new QVBoxLayout(this);
  rows->setContentsMargins(0, 0, 0, 0);
  rows->setSpacing(0);
  m_paintRow = addRow(QStringLiteral("maskPaintRow"));
  m_editRow = addRow(QStringLiteral("maskEditRow"));
  addToolActions();
  m_paintRow->addSeparator();
  addBrushControls();
  addEditActions();
  showMaskTools(m_canvas->isMaskVisible());
  connect(m_canvas, &MaskCanvas::maskVisibleChanged, this, &MaskToolsBar::showMaskTools);
}

QToolBar* MaskToolsBar::addRow(const QString& name) {
  auto* row = new QToolBar(this);
  row->setObjectName(name);
  row->setToolButtonStyle(Qt::ToolButtonTextOnly);
  layout()->addWidget(row);
  return row;
}

void MaskToolsBar::showMaskTools(bool shown) {
  m_paintRow->setVisible(shown);
  for (QAction* action : m_maskEdits) action->setVisible(shown);
}

void MaskToolsBar::addToolActions() {
  auto* group = new QActionGroup(this);
  m_brush = m_paintRow->addAction(tr("Brush"));
  m_brush->setObjectName("brushAction");
  m_brush->setToolTip(tr("Paint the area to repaint (B; right drag paints with the eraser)"));
  m_eraser = m_paintRow->addAction(tr("Eraser"));
  m_eraser->setObjectName("eraserAction");
  m_eraser->setToolTip(tr("Erase the mask (E; X swaps brush and eraser)"));
  for (QAction* action : {m_brush, m_eraser}) {
    action->setCheckable(true);
    group->addAction(action);
  }
  m_brush->setChecked(m_canvas->tool() == MaskCanvas::Tool::Brush);
  m_eraser->setChecked(m_canvas->tool() == MaskCanvas::Tool::Eraser);
  connect(m_brush, &QAction::triggered, m_canvas,
          [this] { m_canvas->setTool(MaskCanvas::Tool::Brush); });
  connect(m_eraser, &QAction::triggered, m_canvas,
          [this] { m_canvas->setTool(MaskCanvas::Tool::Eraser); });
  connect(m_canvas, &MaskCanvas::toolChanged, this, [this](MaskCanvas::Tool tool) {
    (tool == MaskCanvas::Tool::Brush ? m_brush : m_eraser)->setChecked(true);
  });
}

void MaskToolsBar::addBrushControls() {
  QToolBar* row = m_paintRow;
  row->addWidget(new QLabel(tr("Size"), this));
  m_sizeSlider = new QSlider(Qt::Horizontal, this);
  m_sizeSlider->setObjectName("brushSizeSlider");
  m_sizeSlider->setRange(0, kSizeSliderSteps);
  m_sizeSlider->setMaximumWidth(140);
  m_sizeSlider->setToolTip(tr("Brush diameter in image pixels ([ and ], or Shift+wheel)"));
  row->addWidget(m_sizeSlider);
  m_sizeSpin = new QSpinBox(this);
  m_sizeSpin->setObjectName("brushSizeSpin");
  m_sizeSpin->setRange(MaskCanvas::kMinBrushSize, MaskCanvas::kMaxBrushSize);
  m_sizeSpin->setSuffix(tr(" px"));
  row->addWidget(m_sizeSpin);
  row->addSeparator();

  row->addWidget(new QLabel(tr("Hardness"), this));
  m_hardnessSlider = new QSlider(Qt::Horizontal, this);
  m_hardnessSlider->setObjectName("hardnessSlider");
  m_hardnessSlider->setRange(0, 100);
  m_hardnessSlider->setMaximumWidth(100);
  m_hardnessSlider->setToolTip(tr("100% paints a hard-edged disc; lower values fade towards the rim"));
  row->addWidget(m_hardnessSlider);
  m_hardnessSpin = new QSpinBox(this);
  m_hardnessSpin->setObjectName("hardnessSpin");
  m_hardnessSpin->setRange(0, 100);
  m_hardnessSpin->setSuffix(tr("%"));
  row->addWidget(m_hardnessSpin);

  showBrushSize(m_canvas->brushSize());
  showHardness(m_canvas->brushHardness());
  // The widgets only ask the canvas; what they show comes back through its signals, so the
  // canvas's clamping and its keys are reflected in one place.
  const auto setHardness = [this](int percent) { m_canvas->setBrushHardness(percent / 100.0); };
  connect(m_sizeSlider, &QSlider::valueChanged, m_canvas,
          [this](int v) { m_canvas->setBrushSize(sliderToSize(v)); });
  connect(m_sizeSpin, &QSpinBox::valueChanged, m_canvas, &MaskCanvas::setBrushSize);
  connect(m_hardnessSlider, &QSlider::valueChanged, m_canvas, setHardness);
  connect(m_hardnessSpin, &QSpinBox::valueChanged, m_canvas, setHardness);
  connect(m_canvas, &MaskCanvas::brushSizeChanged, this, &MaskToolsBar::showBrushSize);
  connect(m_canvas, &MaskCanvas::brushHardnessChanged, this, &MaskToolsBar::showHardness);
}

void MaskToolsBar::addEditActions() {
  QToolBar* row = m_editRow;
  QAction* fill = row->addAction(tr("Fill"), m_canvas, &MaskCanvas::fillMask);
  fill->setObjectName("fillAction");
  fill->setToolTip(tr("Mark the whole image for repainting"));
  QAction* clear = row->addAction(tr("Clear"), m_canvas, &MaskCanvas::clearMask);
  clear->setObjectName("clearAction");
  clear->setToolTip(tr("Keep the whole image"));
  QAction* invert = row->addAction(tr("Invert"), m_canvas, &MaskCanvas::invertMask);
  invert->setObjectName("invertAction");
  invert->setToolTip(tr("Swap the repainted and the kept areas"));
  m_maskEdits << fill << clear << invert << row->addSeparator();

  // Fixed texts keep the buttons from changing width; the tooltip names the edit.
  QUndoStack* stack = m_canvas->undoStack();
  QAction* undo = row->addAction(tr("Undo"), stack, &QUndoStack::undo);
  undo->setObjectName("undoAction");
  QAction* redo = row->addAction(tr("Redo"), stack, &QUndoStack::redo);
  redo->setObjectName("redoAction");
  undo->setEnabled(stack->canUndo());
  redo->setEnabled(stack->canRedo());
  connect(stack, &QUndoStack::canUndoChanged, undo, &QAction::setEnabled);
  connect(stack, &QUndoStack::canRedoChanged, redo, &QAction::setEnabled);
  connect(stack, &QUndoStack::undoTextChanged, undo,
          [undo](const QString& text) { undo->setToolTip(tr("Undo %1 (Ctrl+Z)").arg(text)); });
  connect(stack, &QUndoStack::redoTextChanged, redo,
          [redo](const QString& text) { redo->setToolTip(tr("Redo %1 (Ctrl+Y or Ctrl+Shift+Z)").arg(text)); });
  m_maskEdits << undo << redo << row->addSeparator();

  QAction* fit = row->addAction(tr("Fit"), m_canvas, &MaskCanvas::fitToView);
  fit->setObjectName("fitAction");
  fit->setToolTip(tr("Show the whole image (Home; the wheel zooms around the pointer)"));
}

void MaskToolsBar::showBrushSize(int px) {
  const QSignalBlocker sliderBlock(m_sizeSlider);
  const QSignalBlocker spinBlock(m_sizeSpin);
  // Several slider positions give one small size; leave a position that already means px alone,
  // or the handle would jump back under the user's drag.
  if (sliderToSize(m_sizeSlider->value()) != px) m_sizeSlider->setValue(sizeToSlider(px));
  m_sizeSpin->setValue(px);
}

void MaskToolsBar::showHardness(double hardness) {
  const QSignalBlocker sliderBlock(m_hardnessSlider);
  const QSignalBlocker spinBlock(m_hardnessSpin);
  const int percent = static_cast<int>(std::lround(hardness * 100));
  m_hardnessSlider->setValue(percent);
  m_hardnessSpin->setValue(percent);
}

}  // namespace gesso::ui
