#pragma once
// AUTOMATIC1111's inpainting options, as the engine offers them (pipelines::InpaintOptions): mask
// blur, inpaint area, "only masked" padding and masked content.
#include <QWidget>

#include "engine/pipelines/generation_request.h"

class QComboBox;
class QLabel;
class QSpinBox;

namespace gesso::ui {

class InpaintPanel : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kMaxMaskBlur = 64;
  static constexpr int kMaxPadding = 256;

  explicit InpaintPanel(QWidget* parent = nullptr);

  // Values outside the panel's ranges are clamped to them. `composite`, which the panel does not
  // show, is kept as given.
  pipelines::InpaintOptions options() const;
  void setOptions(const pipelines::InpaintOptions& options);

 signals:
  // Any option changed, by the user or by setOptions.
  void optionsChanged();

 private:
  void buildMaskBlur();
  void buildArea();
  void buildMaskedContent();
  void showPaddingState();

  QSpinBox* m_maskBlur = nullptr;
  QComboBox* m_area = nullptr;
  QLabel* m_paddingLabel = nullptr;
  QSpinBox* m_padding = nullptr;
  QComboBox* m_maskedContent = nullptr;
  bool m_composite = true;
};

}  // namespace gesso::ui
