#pragma once
// "Upscale x4" of one image (a history entry or the result shown): the x4 upscaler from the model
// library's SD x4 upscaler folders, the prompt and negative prompt (filled from the image's own
// parameters: the upscaler reads a prompt too), noise level, steps, guidance and the tile size,
// with the size it will make. The upscaler and the numbers are remembered between uses (the
// window keeps options() in the settings store); the prompts are the image's.
#include <QDialog>
#include <QImage>
#include <QList>
#include <QVariantMap>

#include "ui/model_library.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

namespace gesso::pipelines {
struct UpscaleRequest;
}

namespace gesso::ui {

class UpscaleDialog : public QDialog {
  Q_OBJECT

 public:
  // The library's x4 upscalers (kSDUpscale model folders), in its order.
  static QList<ModelEntry> upscalers(const QList<ModelEntry>& library);

  // `parametersText`: the image's A1111 text ("" when it has none): its prompts and seed are used.
  UpscaleDialog(const QList<ModelEntry>& upscalers, const QImage& image, const QString& parametersText,
                QWidget* parent = nullptr);

  // model, noiseLevel, steps, guidance, tile; a value missing or unreadable keeps the default
  // (UpscaleRequest's, diffusers' for the upscaler alone: noise level 20, 75 steps, guidance 9).
  QVariantMap options() const;
  void setOptions(const QVariantMap& options);

  // Everything but the runtime options, which are the window's.
  pipelines::UpscaleRequest request() const;

 private:
  void updateSizeText();

  QImage m_image;
  quint64 m_seed = 0;  // the image's own, so that the same image upscales the same way
  QComboBox* m_model = nullptr;
  QPlainTextEdit* m_prompt = nullptr;
  QPlainTextEdit* m_negative = nullptr;
  QSpinBox* m_noise = nullptr;
  QSpinBox* m_steps = nullptr;
  QDoubleSpinBox* m_guidance = nullptr;
  QSpinBox* m_tile = nullptr;
  QLabel* m_size = nullptr;
};

}  // namespace gesso::ui
