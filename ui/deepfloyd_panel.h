#pragma once
// The DeepFloyd IF panel, under the prompt in the generation panel's "DeepFloyd IF" mode (as
// sd-webui-if and ComfyUI's IF nodes lay the cascade out): the three stages chosen together from
// the model library — stage I an IFPipeline folder (its T5 reads the prompt), stage II an
// IFSuperResolutionPipeline folder, stage III optionally an SD x4 upscaler — each with its steps,
// guidance, noise level (II and III) and an optional seed of its own; the caption clean-up and T5
// on the CPU. The defaults are those of the engine's IFRequest, which are diffusers'. It knows
// nothing of a run: the window has it fill the IFRequest's stages.
#include <QList>
#include <QString>
#include <QVariantMap>
#include <QWidget>

#include <array>

#include "ui/model_library.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace gesso::pipelines {
struct IFRequest;
enum class ModelFamily;
}  // namespace gesso::pipelines

namespace gesso::ui {

class DeepFloydPanel : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kStages = 3;

  explicit DeepFloydPanel(QWidget* parent = nullptr);

  // The library's entries: each stage lists its family's model folders (stage III after "None").
  void setLibraryEntries(const QList<ModelEntry>& entries);
  // The folder stage 1, 2 or 3 runs; "" for none.
  QString stageModel(int stage) const;
  // Picks the folder when the stage lists it, else as soon as the library lists it.
  void setStageModel(int stage, const QString& path);

  // The stages into the request: models, steps, guidance, noise levels, seeds, clean_caption and
  // runtime.text_encoder_on_cpu (so call it after the runtime options are in). Returns "" when all
  // is well, else the message for the user: a stage I or II model is missing.
  QString fillRequest(pipelines::IFRequest& request) const;

  // Every setting by name, for the settings store; a value missing or unreadable keeps the default.
  QVariantMap toVariantMap() const;
  void fromVariantMap(const QVariantMap& values);

 signals:
  void changed();

 private:
  struct Stage {
    pipelines::ModelFamily family;
    bool optional = false;  // "None" first in its list
    QGroupBox* box = nullptr;
    QComboBox* model = nullptr;
    QSpinBox* steps = nullptr;
    QDoubleSpinBox* guidance = nullptr;
    QSpinBox* noise = nullptr;  // stages II and III
    QLineEdit* seed = nullptr;  // "": the run's generator, continued
    QString wanted;             // remembered before the library listed it
  };

  void buildStage(int index, const QString& title, int maxNoise);
  void fillModels(Stage& stage);
  void updateEnabled();
  void updateNote();
  static QString key(int index, const char* name);

  std::array<Stage, kStages> m_stages;
  QList<ModelEntry> m_entries;
  QLabel* m_note = nullptr;
  QCheckBox* m_cleanCaption = nullptr;
  QCheckBox* m_t5OnCpu = nullptr;
};

}  // namespace gesso::ui
