#pragma once
// AUTOMATIC1111's Hires. fix in the generation form (text to image only): the "Hires. fix" check
// box, and under it while checked the upscaler, "Upscale by", "Hires steps", "Denoising strength"
// and "Resize width/height to", with the size the second pass will make. "SD x4" (the x4 upscaler)
// is offered when the library has one, with the x4 model to use.
#include <QList>
#include <QWidget>

#include "engine/pipelines/generation_request.h"
#include "ui/model_library.h"
#include "ui/settings_store.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace gesso::ui {

class HiresFixPanel : public QWidget {
  Q_OBJECT

 public:
  explicit HiresFixPanel(QWidget* parent = nullptr);

  // The settings' hires fields into the controls; an upscaler the list lacks is "Latent", values
  // outside the controls' ranges are clamped to them.
  void load(const GenerationSettings& settings);
  // The controls into the settings' hires fields.
  void store(GenerationSettings& settings) const;
  // What a request gets (enabled as the check box is).
  pipelines::HiresFix hires() const;
  // The first pass's size, for the target size shown.
  void setBaseSize(int width, int height);
  // The library's x4 upscalers, for SD x4 (disabled, saying why, while there is none).
  void setLibraryEntries(const QList<ModelEntry>& entries);

 signals:
  // Any control changed, by the user or by load.
  void changed();

 private:
  void buildDetails();
  void updateTarget();
  void fillUpscalerModels();
  void updateUpscalerModelRow();

  QCheckBox* m_enabled = nullptr;
  QWidget* m_details = nullptr;
  QComboBox* m_upscaler = nullptr;
  QComboBox* m_upscalerModel = nullptr;
  QList<ModelEntry> m_entries;
  QString m_wantedModel;  // a folder or a name to select once the library lists it
  QDoubleSpinBox* m_scale = nullptr;
  QSpinBox* m_steps = nullptr;
  QDoubleSpinBox* m_strength = nullptr;
  QSpinBox* m_resizeWidth = nullptr;
  QSpinBox* m_resizeHeight = nullptr;
  QLabel* m_target = nullptr;
  int m_baseWidth = 512, m_baseHeight = 512;
};

}  // namespace gesso::ui
