#pragma once
// AUTOMATIC1111's Hires. fix in the generation form (text to image only): the "Hires. fix" check
// box, and under it while checked the upscaler, "Upscale by", "Hires steps", "Denoising strength"
// and "Resize width/height to", with the size the second pass will make.
#include <QWidget>

#include "engine/pipelines/generation_request.h"
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

 signals:
  // Any control changed, by the user or by load.
  void changed();

 private:
  void buildDetails();
  void updateTarget();

  QCheckBox* m_enabled = nullptr;
  QWidget* m_details = nullptr;
  QComboBox* m_upscaler = nullptr;
  QDoubleSpinBox* m_scale = nullptr;
  QSpinBox* m_steps = nullptr;
  QDoubleSpinBox* m_strength = nullptr;
  QSpinBox* m_resizeWidth = nullptr;
  QSpinBox* m_resizeHeight = nullptr;
  QLabel* m_target = nullptr;
  int m_baseWidth = 512, m_baseHeight = 512;
};

}  // namespace gesso::ui
