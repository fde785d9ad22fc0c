#include "ui/controlnet_panel.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "engine/pipelines/generation_request.h"
#include "engine/pipelines/model_file.h"
#include "ui/parameters_bridge.h"

namespace gesso::ui {

ControlNetPanel::ControlNetPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  m_note = new QLabel(tr("Gesso's preprocessors need no model of their own. For depth, pose or segmentation, "
                         "bring a map made elsewhere and choose the preprocessor \"none\"."),
                      this);
  m_note->setObjectName(QStringLiteral("modelNote"));
  m_note->setWordWrap(true);
  layout->addWidget(m_note);
  m_unitLayout = new QVBoxLayout;
  m_unitLayout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(m_unitLayout);
  m_add = new QPushButton(tr("Add unit"), this);
  m_add->setObjectName(QStringLiteral("addUnitButton"));
  m_add->setToolTip(tr("Another ControlNet: the controls of all enabled units add up"));
  connect(m_add, &QPushButton::clicked, this, [this] { addUnit(); });
  layout->addWidget(m_add);
  layout->addStretch(1);
  addUnit();
}

ControlNetUnitWidget* ControlNetPanel::addUnit() {
  if (unitCount() >= kMaxUnits) return nullptr;
  auto* unit = new ControlNetUnitWidget(unitCount() + 1, this);
  unit->setModels(m_entries);
  unit->setUsesSourceImage(m_mode != QLatin1String("txt2img"));
  unit->setSourceImage(m_source, m_sourceMask);
  if (m_chooseImage) unit->setImageChooser(m_chooseImage);
  connect(unit, &ControlNetUnitWidget::changed, this, &ControlNetPanel::unitsChanged);
  connect(unit, &ControlNetUnitWidget::removeRequested, this, [this, unit] { removeUnit(int(m_units.indexOf(unit))); });
  m_units << unit;
  m_unitLayout->addWidget(unit);
  updateAddButton();
  emit unitsChanged();
  return unit;
}

void ControlNetPanel::removeUnit(int index) {
  if (index < 0 || index >= unitCount()) return;
  ControlNetUnitWidget* unit = m_units.takeAt(index);
  m_unitLayout->removeWidget(unit);
  unit->deleteLater();  // it may be the sender of the click that removes it
  unit->hide();
  renumber();
  updateAddButton();
  emit unitsChanged();
}

int ControlNetPanel::enabledCount() const {
  int n = 0;
  for (const ControlNetUnitWidget* unit : m_units) n += unit->isUnitEnabled() ? 1 : 0;
  return n;
}

void ControlNetPanel::renumber() {
  for (int i = 0; i < unitCount(); ++i) m_units[i]->setNumber(i + 1);
}

void ControlNetPanel::updateAddButton() { m_add->setEnabled(unitCount() < kMaxUnits); }

bool ControlNetPanel::isControlNetEntry(const ModelEntry& e) {
  if (e.kind == pipelines::ModelFileKind::kControlNet) return true;
  return !e.readable() && e.subfolder == QLatin1String("ControlNet");
}

void ControlNetPanel::setLibraryEntries(const QList<ModelEntry>& entries) {
  m_entries.clear();
  for (const ModelEntry& e : entries)
    if (isControlNetEntry(e)) m_entries << e;
  for (ControlNetUnitWidget* unit : m_units) unit->setModels(m_entries);
}

void ControlNetPanel::setEntryHash(const QString& path, const QString& sha256) {
  for (ModelEntry& e : m_entries)
    if (e.path == path) e.sha256 = sha256;
  for (ControlNetUnitWidget* unit : m_units) unit->setEntryHash(path, sha256);
}

void ControlNetPanel::setMode(const QString& mode) {
  m_mode = mode;
  for (ControlNetUnitWidget* unit : m_units) unit->setUsesSourceImage(mode != QLatin1String("txt2img"));
}

void ControlNetPanel::setSourceImage(const QImage& image, const QImage& mask) {
  m_source = image;
  m_sourceMask = mask;
  for (ControlNetUnitWidget* unit : m_units) unit->setSourceImage(image, mask);
}

void ControlNetPanel::setImageChooser(ControlNetUnitWidget::ImageChooser chooser) {
  m_chooseImage = chooser;
  for (ControlNetUnitWidget* unit : m_units) unit->setImageChooser(chooser);
}

QString ControlNetPanel::fillRequest(pipelines::GenerationRequest& request) const {
  request.controlnets.clear();
  std::vector<pipelines::ControlUnit> units;
  for (const ControlNetUnitWidget* widget : m_units) {
    if (!widget->isUnitEnabled()) continue;
    if (widget->model().isEmpty())
      return tr("ControlNet unit %1 is enabled but has no model: choose one (the models folder's ControlNet "
                "folder) or disable the unit.")
          .arg(widget->number());
    if (request.pipeline == pipelines::PipelineKind::kTxt2Img && widget->image().isNull())
      return tr("ControlNet unit %1 has no image: open or drop one (in text to image there is no source image "
                "to use).")
          .arg(widget->number());
    pipelines::ControlUnit unit = widget->unit();
    unit.preprocessor.seed = request.seed;
    units.push_back(std::move(unit));
  }
  request.controlnets = std::move(units);
  return {};
}

void ControlNetPanel::restoreUnits(const QList<RestoredControlUnit>& restored) {
  QList<bool> named(kMaxUnits, false);
  for (const RestoredControlUnit& r : restored) {
    if (r.index < 0 || r.index >= kMaxUnits) continue;
    while (unitCount() <= r.index) addUnit();
    ControlNetUnitWidget* unit = m_units[r.index];
    unit->setUnit(r.unit);
    unit->setUnitEnabled(true);
    named[r.index] = true;
  }
  for (int i = 0; i < unitCount(); ++i)
    if (!named.value(i)) m_units[i]->setUnitEnabled(false);
}

}  // namespace gesso::ui
