#pragma once
// The ControlNet panel: sd-webui-controlnet's units (ControlNetUnitWidget), added and removed, with
// the library's ControlNets as their models. It knows nothing of a run: the window reads the
// enabled units into the request (fillRequest) and restores them from a PNG's parameters.
#include <QImage>
#include <QList>
#include <QString>
#include <QWidget>

#include "ui/controlnet_unit_widget.h"
#include "ui/model_library.h"

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace gesso::pipelines {
struct GenerationRequest;
}

namespace gesso::ui {

struct RestoredControlUnit;

class ControlNetPanel : public QWidget {
  Q_OBJECT

 public:
  // As sd-webui-controlnet's "Multi-ControlNet: max models amount" allows at most.
  static constexpr int kMaxUnits = 10;

  explicit ControlNetPanel(QWidget* parent = nullptr);

  int unitCount() const { return int(m_units.size()); }
  ControlNetUnitWidget* unit(int index) const { return m_units.value(index); }
  // A new unit at the end, expanded, with the library's ControlNets; nullptr at kMaxUnits.
  ControlNetUnitWidget* addUnit();
  // The units after it move up (and are renumbered).
  void removeUnit(int index);
  int enabledCount() const;

  // Whether the model list offers an entry: a ControlNet (file or diffusers folder) anywhere in the
  // library, or an unreadable file of the models folder's ControlNet folder (listed as such).
  static bool isControlNetEntry(const ModelEntry& entry);
  // The library's entries (ModelLibrary::entries()); the units list its ControlNets.
  void setLibraryEntries(const QList<ModelEntry>& entries);
  void setEntryHash(const QString& path, const QString& sha256);
  QList<ModelEntry> controlNetEntries() const { return m_entries; }

  // "txt2img" | "img2img" | "inpaint": outside text to image a unit without an image uses the source.
  void setMode(const QString& mode);
  // The source image and its mask, for the previews of units without an image of their own.
  void setSourceImage(const QImage& image, const QImage& mask);
  void setImageChooser(ControlNetUnitWidget::ImageChooser chooser);

  // The enabled units into request.controlnets, in order, for request.pipeline, each preprocessor
  // seeded with request.seed (call it after the generation panel filled those). A unit without an
  // image in image to image or inpaint leaves its image empty (the engine uses the init image).
  // Returns "" when all is well; else the message for the user, and request.controlnets is left
  // empty: an enabled unit without a model, or in text to image without an image.
  QString fillRequest(pipelines::GenerationRequest& request) const;

  // What a PNG's parameters recorded (controlUnitsFromParameters): unit N takes the N-th settings
  // (units are added up to kMaxUnits), is enabled and keeps its image; a unit whose model was not
  // found keeps its model. The units the text does not name are disabled: the run they describe had
  // none.
  void restoreUnits(const QList<RestoredControlUnit>& units);

 signals:
  // A unit was added, removed, or changed a setting.
  void unitsChanged();

 private:
  void renumber();
  void updateAddButton();

  QList<ControlNetUnitWidget*> m_units;
  QList<ModelEntry> m_entries;
  QString m_mode = QStringLiteral("txt2img");
  QImage m_source;
  QImage m_sourceMask;
  ControlNetUnitWidget::ImageChooser m_chooseImage;
  QLabel* m_note = nullptr;
  QVBoxLayout* m_unitLayout = nullptr;
  QPushButton* m_add = nullptr;
};

}  // namespace gesso::ui
