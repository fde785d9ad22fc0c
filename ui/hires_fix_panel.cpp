#include "ui/hires_fix_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

#include "engine/error.h"
#include "engine/pipelines/hires_fix.h"

namespace gesso::ui {

HiresFixPanel::HiresFixPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  m_enabled = new QCheckBox(tr("Hires. fix"), this);
  m_enabled->setObjectName("hiresCheck");
  m_enabled->setToolTip(tr("Generate at the size above, upscale, then denoise again at the larger size: more "
                           "detail than generating large at once, without the repeated subjects a model gives "
                           "beyond the size it was trained at (as AUTOMATIC1111's Hires. fix)."));
  layout->addWidget(m_enabled);
  buildDetails();
  layout->addWidget(m_details);
  connect(m_enabled, &QCheckBox::toggled, m_details, &QWidget::setVisible);
  connect(m_enabled, &QCheckBox::toggled, this, &HiresFixPanel::changed);
  load(GenerationSettings{});
}

void HiresFixPanel::buildDetails() {
  m_details = new QWidget(this);
  auto* form = new QFormLayout(m_details);
  form->setContentsMargins(0, 0, 0, 0);
  m_upscaler = new QComboBox(m_details);
  m_upscaler->setObjectName("hiresUpscalerCombo");
  for (const auto& name : pipelines::hires_upscalers()) m_upscaler->addItem(QString::fromStdString(name));
  m_upscaler->setToolTip(tr("Latent: the first pass's latents are scaled (fast; the second pass needs a denoising "
                            "strength of about 0.5 or more to sharpen them). Lanczos and Nearest: the image is "
                            "decoded, resized and encoded again."));
  form->addRow(tr("Upscaler"), m_upscaler);
  m_scale = new QDoubleSpinBox(m_details);
  m_scale->setObjectName("hiresScaleSpin");
  m_scale->setRange(1.0, 4.0);
  m_scale->setSingleStep(0.05);
  m_scale->setDecimals(2);
  form->addRow(tr("Upscale by"), m_scale);
  m_steps = new QSpinBox(m_details);
  m_steps->setObjectName("hiresStepsSpin");
  m_steps->setRange(0, 150);
  m_steps->setSpecialValueText(tr("Same as Steps"));
  m_steps->setToolTip(tr("The second pass's steps; 0 uses the sampling steps above."));
  form->addRow(tr("Hires steps"), m_steps);
  m_strength = new QDoubleSpinBox(m_details);
  m_strength->setObjectName("hiresStrengthSpin");
  m_strength->setRange(0.01, 1.0);
  m_strength->setSingleStep(0.05);
  m_strength->setDecimals(2);
  m_strength->setToolTip(tr("How much the second pass repaints the upscaled image: low keeps it, high invents "
                            "new detail (and may change the picture)."));
  form->addRow(tr("Denoising strength"), m_strength);
  auto* resize = new QWidget(m_details);
  auto* row = new QHBoxLayout(resize);
  row->setContentsMargins(0, 0, 0, 0);
  m_resizeWidth = new QSpinBox(resize);
  m_resizeWidth->setObjectName("hiresResizeWidthSpin");
  m_resizeHeight = new QSpinBox(resize);
  m_resizeHeight->setObjectName("hiresResizeHeightSpin");
  for (QSpinBox* spin : {m_resizeWidth, m_resizeHeight}) {
    spin->setRange(0, 8192);
    spin->setSingleStep(8);
    spin->setSpecialValueText(tr("Auto"));
    row->addWidget(spin, 1);
  }
  row->insertWidget(1, new QLabel(QStringLiteral("×"), resize));
  resize->setToolTip(tr("A size instead of \"Upscale by\": one of them Auto keeps the picture's shape; both set, "
                        "the picture is scaled to cover that size and cropped."));
  form->addRow(tr("Resize to"), resize);
  m_target = new QLabel(m_details);
  m_target->setObjectName("hiresTargetLabel");
  form->addRow(tr("Result"), m_target);
  connect(m_upscaler, &QComboBox::currentIndexChanged, this, &HiresFixPanel::changed);
  for (QDoubleSpinBox* spin : {m_scale, m_strength}) connect(spin, &QDoubleSpinBox::valueChanged, this, &HiresFixPanel::changed);
  for (QSpinBox* spin : {m_steps, m_resizeWidth, m_resizeHeight})
    connect(spin, &QSpinBox::valueChanged, this, &HiresFixPanel::changed);
  connect(this, &HiresFixPanel::changed, this, &HiresFixPanel::updateTarget);
}

void HiresFixPanel::load(const GenerationSettings& s) {
  {
    const QSignalBlocker b1(m_enabled), b2(m_upscaler), b3(m_scale), b4(m_steps), b5(m_strength), b6(m_resizeWidth),
        b7(m_resizeHeight);
    m_enabled->setChecked(s.hiresEnabled);
    m_details->setVisible(s.hiresEnabled);
    m_upscaler->setCurrentIndex(std::max(m_upscaler->findText(s.hiresUpscaler), 0));
    m_scale->setValue(s.hiresScale);
    m_steps->setValue(s.hiresSteps);
    m_strength->setValue(s.hiresStrength);
    m_resizeWidth->setValue(s.hiresResizeWidth);
    m_resizeHeight->setValue(s.hiresResizeHeight);
  }
  emit changed();
}

void HiresFixPanel::store(GenerationSettings& s) const {
  s.hiresEnabled = m_enabled->isChecked();
  s.hiresUpscaler = m_upscaler->currentText();
  s.hiresScale = m_scale->value();
  s.hiresSteps = m_steps->value();
  s.hiresStrength = m_strength->value();
  s.hiresResizeWidth = m_resizeWidth->value();
  s.hiresResizeHeight = m_resizeHeight->value();
}

pipelines::HiresFix HiresFixPanel::hires() const {
  pipelines::HiresFix h;
  h.enabled = m_enabled->isChecked();
  h.upscaler = m_upscaler->currentText().toStdString();
  h.scale = m_scale->value();
  h.steps = m_steps->value();
  h.strength = m_strength->value();
  h.resize_width = m_resizeWidth->value();
  h.resize_height = m_resizeHeight->value();
  return h;
}

void HiresFixPanel::setBaseSize(int width, int height) {
  m_baseWidth = width;
  m_baseHeight = height;
  updateTarget();
}

void HiresFixPanel::updateTarget() {
  try {
    const auto size = pipelines::hires_size(m_baseWidth, m_baseHeight, hires());
    m_target->setText(tr("%1 × %2").arg(size.latent_width(8) * 8).arg(size.latent_height(8) * 8));
  } catch (const Error& e) {
    m_target->setText(QString::fromStdString(e.what()));
  }
}

}  // namespace gesso::ui
