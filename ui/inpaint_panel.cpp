#include "ui/inpaint_panel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

#include <algorithm>

namespace gesso::ui {

namespace {

using pipelines::InpaintArea;
using pipelines::MaskedContent;

void selectData(QComboBox* combo, int value) {
  const int index = combo->findData(value);
  if (index >= 0) combo->setCurrentIndex(index);
}

}  // namespace

InpaintPanel::InpaintPanel(QWidget* parent) : QWidget(parent) {
  new QFormLayout(this);
  buildMaskBlur();
  buildArea();
  buildMaskedContent();
  setOptions(pipelines::InpaintOptions{});
}

void InpaintPanel::buildMaskBlur() {
  m_maskBlur = new QSpinBox(this);
  m_maskBlur->setObjectName("maskBlurSpin");
  m_maskBlur->setRange(0, kMaxMaskBlur);
  m_maskBlur->setSuffix(tr(" px"));
  m_maskBlur->setToolTip(tr("Softens the mask's edge by this many pixels, so that the seam where the "
                            "result is pasted back onto the original blends in. 0 gives a hard edge."));
  connect(m_maskBlur, &QSpinBox::valueChanged, this, &InpaintPanel::optionsChanged);
  static_cast<QFormLayout*>(layout())->addRow(tr("Mask blur"), m_maskBlur);
}

void InpaintPanel::buildArea() {
  auto* form = static_cast<QFormLayout*>(layout());
  m_area = new QComboBox(this);
  m_area->setObjectName("inpaintAreaCombo");
  m_area->addItem(tr("Whole picture"), int(InpaintArea::kWholePicture));
  m_area->setItemData(0, tr("The model repaints the masked area seeing the whole image, at the generation size"),
                      Qt::ToolTipRole);
  m_area->addItem(tr("Only masked"), int(InpaintArea::kOnlyMasked));
  m_area->setItemData(1, tr("The area around the mask is cut out, repainted at the full generation size and "
                            "scaled back: more detail for small areas, less context"),
                      Qt::ToolTipRole);
  m_area->setToolTip(tr("Repaint seeing the whole picture, or only a crop around the mask at full resolution"));
  form->addRow(tr("Inpaint area"), m_area);

  m_padding = new QSpinBox(this);
  m_padding->setObjectName("paddingSpin");
  m_padding->setRange(0, kMaxPadding);
  m_padding->setSuffix(tr(" px"));
  m_padding->setToolTip(tr("With \"Only masked\": the pixels of context kept around the mask's bounding "
                           "box, so that the repainted part matches its surroundings"));
  m_paddingLabel = new QLabel(tr("Only masked padding"), this);
  form->addRow(m_paddingLabel, m_padding);

  connect(m_area, &QComboBox::currentIndexChanged, this, [this] {
    showPaddingState();
    emit optionsChanged();
  });
  connect(m_padding, &QSpinBox::valueChanged, this, &InpaintPanel::optionsChanged);
}

void InpaintPanel::buildMaskedContent() {
  m_maskedContent = new QComboBox(this);
  m_maskedContent->setObjectName("maskedContentCombo");
  struct Entry {
    MaskedContent value;
    QString label;
    QString tip;
  };
  const Entry entries[] = {
      {MaskedContent::kOriginal, tr("Original"),
       tr("Start from the original pixels under the mask: keeps their colours and shapes")},
      {MaskedContent::kFill, tr("Fill"),
       tr("Start from the surrounding colours spread over the mask: to remove an object")},
      {MaskedContent::kLatentNoise, tr("Latent noise"),
       tr("Start from pure noise under the mask: anything can appear (use a strength near 1)")},
      {MaskedContent::kLatentNothing, tr("Latent nothing"),
       tr("Start from an empty latent under the mask: flat, for a strength near 1")},
  };
  for (const Entry& entry : entries) {
    m_maskedContent->addItem(entry.label, int(entry.value));
    m_maskedContent->setItemData(m_maskedContent->count() - 1, entry.tip, Qt::ToolTipRole);
  }
  m_maskedContent->setToolTip(tr("What the masked area starts from before it is repainted"));
  connect(m_maskedContent, &QComboBox::currentIndexChanged, this, &InpaintPanel::optionsChanged);
  static_cast<QFormLayout*>(layout())->addRow(tr("Masked content"), m_maskedContent);
}

pipelines::InpaintOptions InpaintPanel::options() const {
  pipelines::InpaintOptions o;
  o.mask_blur = m_maskBlur->value();
  o.area = static_cast<InpaintArea>(m_area->currentData().toInt());
  o.only_masked_padding = m_padding->value();
  o.masked_content = static_cast<MaskedContent>(m_maskedContent->currentData().toInt());
  o.composite = m_composite;
  return o;
}

void InpaintPanel::setOptions(const pipelines::InpaintOptions& o) {
  {
    // One optionsChanged for the lot, not one per field.
    const QSignalBlocker b1(m_maskBlur), b2(m_area), b3(m_padding), b4(m_maskedContent);
    m_maskBlur->setValue(std::clamp(o.mask_blur, 0, kMaxMaskBlur));
    selectData(m_area, int(o.area));
    m_padding->setValue(std::clamp(o.only_masked_padding, 0, kMaxPadding));
    selectData(m_maskedContent, int(o.masked_content));
    m_composite = o.composite;
  }
  showPaddingState();
  emit optionsChanged();
}

// The padding only means something when the mask's surroundings are cropped.
void InpaintPanel::showPaddingState() {
  const bool onlyMasked = m_area->currentData().toInt() == int(InpaintArea::kOnlyMasked);
  m_padding->setEnabled(onlyMasked);
  m_paddingLabel->setEnabled(onlyMasked);
}

}  // namespace gesso::ui
