#include "ui/hires_fix_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

#include "engine/error.h"
#include "engine/pipelines/hires_fix.h"
#include "engine/pipelines/model_family.h"

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
                            "decoded, resized and encoded again. SD x4: the image is upscaled by Stability's x4 "
                            "upscaler (slower, sharper), then resized and encoded again."));
  form->addRow(tr("Upscaler"), m_upscaler);
  m_upscalerModel = new QComboBox(m_details);
  m_upscalerModel->setObjectName("hiresUpscalerModelCombo");
  m_upscalerModel->setToolTip(tr("The x4 upscaler model SD x4 runs (from the model library)."));
  form->addRow(tr("x4 model"), m_upscalerModel);
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
  connect(m_upscaler, &QComboBox::currentIndexChanged, this, &HiresFixPanel::updateUpscalerModelRow);
  connect(m_upscaler, &QComboBox::currentIndexChanged, this, &HiresFixPanel::changed);
  connect(m_upscalerModel, &QComboBox::currentIndexChanged, this, &HiresFixPanel::changed);
  for (QDoubleSpinBox* spin : {m_scale, m_strength}) connect(spin, &QDoubleSpinBox::valueChanged, this, &HiresFixPanel::changed);
  for (QSpinBox* spin : {m_steps, m_resizeWidth, m_resizeHeight})
    connect(spin, &QSpinBox::valueChanged, this, &HiresFixPanel::changed);
  connect(this, &HiresFixPanel::changed, this, &HiresFixPanel::updateTarget);
}

void HiresFixPanel::load(const GenerationSettings& s) {
  {
    const QSignalBlocker b1(m_enabled), b2(m_upscaler), b3(m_scale), b4(m_steps), b5(m_strength), b6(m_resizeWidth),
        b7(m_resizeHeight), b8(m_upscalerModel);
    m_enabled->setChecked(s.hiresEnabled);
    m_details->setVisible(s.hiresEnabled);
    m_upscaler->setCurrentIndex(std::max(m_upscaler->findText(s.hiresUpscaler), 0));
    m_wantedModel = s.hiresUpscalerModel;
    fillUpscalerModels();
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
  const QString model = m_upscalerModel->currentData().toString();
  s.hiresUpscalerModel = model.isEmpty() ? m_wantedModel : model;
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
  if (h.upscaler == pipelines::kX4HiresUpscaler) h.upscaler_model = m_upscalerModel->currentData().toString().toStdString();
  h.scale = m_scale->value();
  h.steps = m_steps->value();
  h.strength = m_strength->value();
  h.resize_width = m_resizeWidth->value();
  h.resize_height = m_resizeHeight->value();
  return h;
}

void HiresFixPanel::setLibraryEntries(const QList<ModelEntry>& entries) {
  m_entries.clear();
  for (const ModelEntry& e : entries)
    if (e.family == pipelines::ModelFamily::kSDUpscale) m_entries << e;
  {
    const QSignalBlocker block(m_upscalerModel);
    fillUpscalerModels();
  }
  emit changed();
}

// The library's x4 upscalers; the wanted one (a folder, or a name restored from a PNG) selected
// once listed, else the one selected stays. Without any, SD x4 cannot be chosen, and says why.
void HiresFixPanel::fillUpscalerModels() {
  const QString current = m_wantedModel.isEmpty() ? m_upscalerModel->currentData().toString() : m_wantedModel;
  m_upscalerModel->clear();
  int found = -1;
  for (const ModelEntry& e : std::as_const(m_entries)) {
    m_upscalerModel->addItem(ModelLibrary::title(e), e.path);
    m_upscalerModel->setItemData(m_upscalerModel->count() - 1, ModelLibrary::toolTip(e), Qt::ToolTipRole);
    const bool named = e.name == current || QFileInfo(e.path).fileName() == current;
    if (found < 0 && (e.path == current || named)) found = m_upscalerModel->count() - 1;
  }
  if (found >= 0) {
    m_upscalerModel->setCurrentIndex(found);
    m_wantedModel.clear();
  }
  const int x4 = m_upscaler->findText(QString::fromLatin1(pipelines::kX4HiresUpscaler));
  if (auto* model = qobject_cast<QStandardItemModel*>(m_upscaler->model()); model && x4 >= 0) {
    model->item(x4)->setEnabled(!m_entries.isEmpty());
    model->item(x4)->setToolTip(m_entries.isEmpty()
                                    ? tr("Add Stability's x4 upscaler (stable-diffusion-x4-upscaler) to the model "
                                         "library to use it.")
                                    : QString());
  }
  updateUpscalerModelRow();
}

void HiresFixPanel::updateUpscalerModelRow() {
  auto* form = qobject_cast<QFormLayout*>(m_details->layout());
  form->setRowVisible(m_upscalerModel, m_upscaler->currentText() == QLatin1String(pipelines::kX4HiresUpscaler));
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
