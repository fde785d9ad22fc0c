#include "ui/outpaint_panel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "engine/error.h"
#include "ui/mask_canvas.h"
#include "ui/qt_image.h"

namespace gesso::ui {

namespace {

using pipelines::MaskedContent;

void selectData(QComboBox* combo, int value) {
  const int index = combo->findData(value);
  if (index >= 0) combo->setCurrentIndex(index);
}

// The mask painted before the growth, moved with the image, joined to the new area's.
QImage joinMasks(const QImage& grown, const QImage& old, const QPoint& offset) {
  QImage joined = grown.convertToFormat(QImage::Format_Grayscale8);
  if (old.isNull()) return joined;
  const QImage before = old.convertToFormat(QImage::Format_Grayscale8);
  for (int y = 0; y < before.height(); ++y) {
    const uchar* in = before.constScanLine(y);
    uchar* out = joined.scanLine(y + offset.y()) + offset.x();
    for (int x = 0; x < before.width(); ++x) out[x] = std::max(out[x], in[x]);
  }
  return joined;
}

}  // namespace

OutpaintPanel::OutpaintPanel(MaskCanvas* canvas, QWidget* parent) : QWidget(parent), m_canvas(canvas) {
  setObjectName("outpaintPanel");
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  auto* box = new QGroupBox(tr("Extend canvas (outpainting)"), this);
  box->setToolTip(tr("Adds pixels on the chosen sides of the source image and marks them for repainting: "
                     "the run then paints what lies beyond the picture's edges"));
  outer->addWidget(box);
  auto* grid = new QGridLayout(box);
  m_left = addSide(QStringLiteral("outpaintLeftSpin"), tr("Pixels added on the left"));
  m_right = addSide(QStringLiteral("outpaintRightSpin"), tr("Pixels added on the right"));
  m_top = addSide(QStringLiteral("outpaintTopSpin"), tr("Pixels added at the top"));
  m_bottom = addSide(QStringLiteral("outpaintBottomSpin"), tr("Pixels added at the bottom"));
  grid->addWidget(new QLabel(tr("Left"), box), 0, 0);
  grid->addWidget(m_left, 0, 1);
  grid->addWidget(new QLabel(tr("Right"), box), 0, 2);
  grid->addWidget(m_right, 0, 3);
  grid->addWidget(new QLabel(tr("Top"), box), 1, 0);
  grid->addWidget(m_top, 1, 1);
  grid->addWidget(new QLabel(tr("Bottom"), box), 1, 2);
  grid->addWidget(m_bottom, 1, 3);

  m_overlap = new QSpinBox(box);
  m_overlap->setObjectName("outpaintOverlapSpin");
  m_overlap->setRange(0, kMaxOverlap);
  m_overlap->setValue(io::CanvasExtension{}.overlap);
  m_overlap->setSuffix(tr(" px"));
  m_overlap->setToolTip(tr("Pixels of the old image along each extended side that are repainted too, so that "
                           "the seam between old and new disappears"));
  grid->addWidget(new QLabel(tr("Overlap"), box), 2, 0);
  grid->addWidget(m_overlap, 2, 1);
  buildFill();
  grid->addWidget(new QLabel(tr("Fill"), box), 3, 0);
  grid->addWidget(m_fill, 3, 1, 1, 3);

  m_extend = new QPushButton(tr("Extend canvas"), box);
  m_extend->setObjectName("extendCanvasButton");
  m_extend->setToolTip(tr("Grow the source image, mask the new area and switch to Inpaint"));
  grid->addWidget(m_extend, 4, 0, 1, 4);
  connect(m_extend, &QPushButton::clicked, this, &OutpaintPanel::extend);
}

QSpinBox* OutpaintPanel::addSide(const QString& name, const QString& tip) {
  auto* spin = new QSpinBox(this);
  spin->setObjectName(name);
  spin->setRange(0, io::kMaxCanvasExtension);
  spin->setSingleStep(kGrid);
  spin->setSuffix(tr(" px"));
  spin->setToolTip(tip + tr(" (a multiple of 8: other values are rounded up)"));
  connect(spin, &QSpinBox::editingFinished, this, [this, spin] { snapToGrid(spin); });
  return spin;
}

void OutpaintPanel::buildFill() {
  m_fill = new QComboBox(this);
  m_fill->setObjectName("outpaintFillCombo");
  struct Entry {
    Fill value;
    QString label;
    QString tip;
  };
  const Entry entries[] = {
      {Fill::kFill, tr("Fill"),
       tr("The edge's colours, blurred outwards, and the model starts from them smoothed over: the usual choice")},
      {Fill::kOriginal, tr("Original"),
       tr("The edge's pixels stretched outwards, and the model starts from them (a strength near 1 repaints the "
          "streaks)")},
      {Fill::kMirror, tr("Mirror"), tr("The picture mirrored at its edge, and the model starts from it")},
      {Fill::kLatentNoise, tr("Latent noise"),
       tr("The model starts from pure noise in the new area: anything can appear (use a strength near 1)")},
      {Fill::kLatentNothing, tr("Latent nothing"),
       tr("The model starts from an empty latent in the new area: flat, for a strength near 1")},
  };
  for (const Entry& entry : entries) {
    m_fill->addItem(entry.label, int(entry.value));
    m_fill->setItemData(m_fill->count() - 1, entry.tip, Qt::ToolTipRole);
  }
  m_fill->setToolTip(tr("What the new area starts from (AUTOMATIC1111's masked content)"));
}

int OutpaintPanel::roundToGrid(int px) { return px <= 0 ? 0 : (px + kGrid - 1) / kGrid * kGrid; }

void OutpaintPanel::snapToGrid(QSpinBox* spin) { spin->setValue(roundToGrid(spin->value())); }

io::CanvasFill OutpaintPanel::canvasFill(Fill fill) {
  switch (fill) {
    case Fill::kFill: return io::CanvasFill::kBlurredEdge;
    case Fill::kMirror: return io::CanvasFill::kReflect;
    default: return io::CanvasFill::kReplicate;
  }
}

MaskedContent OutpaintPanel::maskedContent(Fill fill) {
  switch (fill) {
    case Fill::kFill: return MaskedContent::kFill;
    case Fill::kLatentNoise: return MaskedContent::kLatentNoise;
    case Fill::kLatentNothing: return MaskedContent::kLatentNothing;
    default: return MaskedContent::kOriginal;
  }
}

QSize OutpaintPanel::grownGenerationSize(const QSize& generation, const QSize& before, const QSize& after) {
  if (before.isEmpty()) return generation;
  const auto scaled = [](int size, int from, int to) {
    return std::clamp(static_cast<int>(std::lround(double(size) * to / from / 8.0)) * 8, 64, 4096);
  };
  return {scaled(generation.width(), before.width(), after.width()),
          scaled(generation.height(), before.height(), after.height())};
}

io::CanvasExtension OutpaintPanel::extension() const {
  io::CanvasExtension e;
  e.left = roundToGrid(m_left->value());
  e.right = roundToGrid(m_right->value());
  e.top = roundToGrid(m_top->value());
  e.bottom = roundToGrid(m_bottom->value());
  e.overlap = m_overlap->value();
  e.fill = canvasFill(fill());
  return e;
}

OutpaintPanel::Fill OutpaintPanel::fill() const { return static_cast<Fill>(m_fill->currentData().toInt()); }

void OutpaintPanel::setSides(int left, int right, int top, int bottom) {
  m_left->setValue(roundToGrid(left));
  m_right->setValue(roundToGrid(right));
  m_top->setValue(roundToGrid(top));
  m_bottom->setValue(roundToGrid(bottom));
}

void OutpaintPanel::setFill(Fill fill) { selectData(m_fill, int(fill)); }

bool OutpaintPanel::extend() {
  const QImage image = m_canvas->image();
  if (image.isNull()) {
    emit failed(tr("Open a source image first (File > Open source image, or drop one), then extend it."));
    return false;
  }
  const io::CanvasExtension e = extension();
  if (e.left + e.right + e.top + e.bottom == 0) {
    emit failed(tr("Choose how many pixels to add on at least one side."));
    return false;
  }
  io::ExtendedCanvas grown;
  try {
    grown = io::extend_canvas(fromQImage(image, 3), e);
  } catch (const Error& error) {
    emit failed(QString::fromStdString(error.what()));
    return false;
  }
  const QImage oldMask = m_canvas->hasMask() ? m_canvas->mask() : QImage();
  m_canvas->setImage(toQImage(grown.image));
  m_canvas->setMask(joinMasks(toQImage(grown.mask), oldMask, QPoint(e.left, e.top)));
  emit extended(image.size(), m_canvas->image().size(), maskedContent(fill()));
  return true;
}

}  // namespace gesso::ui
