#pragma once
// One ControlNet unit of the ControlNet panel, as sd-webui-controlnet's unit offers it: Enable, the
// control image (opened, dropped, or none: the source image in image to image and inpaint), the
// preprocessor with the sliders it defines (control::preprocessors()), the preview of its result,
// the model (the library's ControlNets), weight, start / end, control mode, resize mode and guess
// mode. The preview is computed on the global thread pool, never on the GUI thread; what
// control::preprocess throws is shown in the unit.
#include <QImage>
#include <QList>
#include <QString>
#include <QWidget>

#include <functional>

#include "engine/pipelines/generation_request.h"
#include "ui/model_library.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QSpinBox;
class QTimer;
class QToolButton;

namespace gesso::ui {

class ControlNetUnitWidget : public QWidget {
  Q_OBJECT

 public:
  // Asks for an image file; "" when the user cancels. Replaceable so that tests need no dialog.
  using ImageChooser = std::function<QString(QWidget* parent)>;

  // sd-webui-controlnet's Control Weight range, 0..2 (Preprocessor Resolution: control::resolution_slider()).
  static constexpr double kMaxWeight = 2.0;
  // The preview waits this long after the last change (a slider being dragged starts one run).
  static constexpr int kPreviewDelayMs = 150;

  explicit ControlNetUnitWidget(int number, QWidget* parent = nullptr);
  ~ControlNetUnitWidget() override;

  // 1-based, as the title shows it ("Unit 1").
  int number() const { return m_number; }
  void setNumber(int number);

  bool isUnitEnabled() const;
  void setUnitEnabled(bool enabled);
  bool isExpanded() const;
  void setExpanded(bool expanded);

  // The unit's own control image; null when it has none (the source image then, outside text to image).
  QImage image() const { return m_image; }
  void setImage(const QImage& image);
  // Opens `path` as the control image and enables the unit (as sd-webui-controlnet does on upload);
  // false, with the reason shown in the unit, when it is not an image.
  bool openImage(const QString& path);
  void clearImage();
  void setImageChooser(ImageChooser chooser);

  // What a unit without an image previews and runs on: the source image (and its mask, for the
  // preprocessors that need one), and whether the mode uses it (image to image, inpaint).
  void setSourceImage(const QImage& image, const QImage& mask);
  void setUsesSourceImage(bool uses);

  // The ControlNets the model list offers (the panel's, ModelLibrary order).
  void setModels(const QList<ModelEntry>& entries);
  void setEntryHash(const QString& path, const QString& sha256);
  QString model() const;  // a library path, "" = none chosen
  // Selects the entry with this path; false when it is not listed (it is selected once it is: a
  // library still scanning). "" selects none.
  bool setModel(const QString& path);

  QString preprocessor() const;  // control::PreprocessorInfo::name
  // The unit as a request takes it: model and its short hash, the image (RGB; empty without one),
  // the preprocessor's settings (thresholds -1 where it has no such slider; seed 0), weight,
  // start / end, modes. Enabled or not.
  pipelines::ControlUnit unit() const;
  // Everything but the image and Enable: the preprocessor (an unknown one: "none") and its sliders
  // (-1: the slider's default; values clamped to the ranges), weight, start / end, modes, and the
  // model when `unit.model` is not "" (see setModel; "" keeps the model chosen).
  void setUnit(const pipelines::ControlUnit& unit);

  // The last preview: the preprocessor's result at the input's size; null with none.
  QImage preview() const { return m_preview; }
  // Why there is no preview ("" when there is one, or nothing to preview).
  QString previewError() const { return m_previewError; }
  // A preview is waiting for its delay, running or due to run again.
  bool isPreviewPending() const;

 signals:
  // Any setting changed, by the user or by a setter.
  void changed();
  void removeRequested();
  void previewUpdated();

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  QWidget* buildHeader();
  QWidget* buildImageRow();
  void buildPreprocessor(QFormLayout* form);
  void buildModel(QFormLayout* form);
  void buildGuidance(QFormLayout* form);
  void fillModels();
  void onPreprocessorChanged();
  void showSliders();
  void updateImageLabel();
  void updateSummary();
  void schedulePreview();
  void startPreview();
  void previewDone(quint64 run, const QImage& result, const QString& error);
  void showPreview();
  void setStatus(const QString& text);  // shown below the pictures; hidden when ""
  void onSettingChanged();

  int m_number = 1;
  QImage m_image;
  QImage m_source;
  QImage m_sourceMask;
  bool m_usesSource = false;
  ImageChooser m_chooseImage;
  QList<ModelEntry> m_models;
  QString m_wantedModel;

  QCheckBox* m_enable = nullptr;
  QToolButton* m_expand = nullptr;
  QLabel* m_title = nullptr;
  QLabel* m_summary = nullptr;
  QToolButton* m_remove = nullptr;
  QWidget* m_body = nullptr;

  QLabel* m_imageLabel = nullptr;
  QPushButton* m_open = nullptr;
  QPushButton* m_clear = nullptr;
  QLabel* m_previewLabel = nullptr;
  QLabel* m_status = nullptr;

  QComboBox* m_preprocessor = nullptr;
  QLabel* m_resolutionLabel = nullptr;
  QSpinBox* m_resolution = nullptr;
  QLabel* m_thresholdALabel = nullptr;
  QDoubleSpinBox* m_thresholdA = nullptr;
  QLabel* m_thresholdBLabel = nullptr;
  QDoubleSpinBox* m_thresholdB = nullptr;

  QComboBox* m_model = nullptr;
  QDoubleSpinBox* m_weight = nullptr;
  QDoubleSpinBox* m_start = nullptr;
  QDoubleSpinBox* m_end = nullptr;
  QComboBox* m_controlMode = nullptr;
  QComboBox* m_resizeMode = nullptr;
  QCheckBox* m_guessMode = nullptr;

  QTimer* m_previewTimer = nullptr;
  quint64 m_previewRun = 0;     // the latest run started
  bool m_previewRunning = false;
  bool m_previewAgain = false;  // a change came while a run was going
  QImage m_preview;
  QString m_previewError;
  bool m_updating = false;      // inside setUnit: one changed() for the lot
};

}  // namespace gesso::ui
