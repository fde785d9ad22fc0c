#include "ui/controlnet_unit_widget.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <exception>
#include <optional>
#include <tuple>
#include <utility>

#include "engine/control/preprocessor.h"
#include "ui/qt_image.h"

namespace gesso::ui {

namespace {

using pipelines::ControlMode;
using pipelines::ResizeMode;

constexpr int kThumbnail = 144;

// The fewest decimals that show every number of a slider exactly (0 for 1..255, 2 for 0.01 steps).
int decimalsFor(const control::PreprocessorSlider& s) {
  const double values[] = {s.min, s.max, s.step, s.value};
  for (int d = 0; d < 4; ++d) {
    const double scale = std::pow(10.0, d);
    const bool exact = std::all_of(std::begin(values), std::end(values),
                                   [&](double v) { return std::abs(v * scale - std::round(v * scale)) < 1e-6; });
    if (exact) return d;
  }
  return 4;
}

void selectData(QComboBox* combo, const QVariant& value) {
  const int index = combo->findData(value);
  if (index >= 0) combo->setCurrentIndex(index);
}

QDoubleSpinBox* fractionSpin(QWidget* parent, const char* name, double value) {
  auto* spin = new QDoubleSpinBox(parent);
  spin->setObjectName(name);
  spin->setRange(0.0, 1.0);
  spin->setSingleStep(0.01);
  spin->setDecimals(2);
  spin->setValue(value);
  return spin;
}

// A thumbnail label: a fixed square frame that shows a picture scaled into it, or a text.
QLabel* thumbnail(QWidget* parent, const char* name) {
  auto* label = new QLabel(parent);
  label->setObjectName(name);
  label->setFixedSize(kThumbnail, kThumbnail);
  label->setAlignment(Qt::AlignCenter);
  label->setWordWrap(true);
  label->setFrameShape(QFrame::StyledPanel);
  return label;
}

void showPicture(QLabel* label, const QImage& image) {
  label->setPixmap(QPixmap::fromImage(
      image.scaled(label->size() - QSize(4, 4), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

}  // namespace

ControlNetUnitWidget::ControlNetUnitWidget(int number, QWidget* parent) : QWidget(parent), m_number(number) {
  setObjectName(QStringLiteral("controlNetUnit"));
  setAcceptDrops(true);
  m_chooseImage = [](QWidget* p) {
    return QFileDialog::getOpenFileName(p, tr("Open control image"), QString(),
                                        tr("Images (*.png *.jpg *.jpeg *.webp *.bmp)"));
  };
  m_previewTimer = new QTimer(this);
  m_previewTimer->setSingleShot(true);
  m_previewTimer->setInterval(kPreviewDelayMs);
  connect(m_previewTimer, &QTimer::timeout, this, &ControlNetUnitWidget::startPreview);

  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  auto* frame = new QFrame(this);
  frame->setFrameShape(QFrame::StyledPanel);
  outer->addWidget(frame);
  auto* layout = new QVBoxLayout(frame);
  layout->addWidget(buildHeader());
  m_body = new QWidget(frame);
  m_body->setObjectName(QStringLiteral("unitBody"));
  auto* bodyLayout = new QVBoxLayout(m_body);
  bodyLayout->setContentsMargins(0, 0, 0, 0);
  bodyLayout->addWidget(buildImageRow());
  auto* form = new QFormLayout;
  bodyLayout->addLayout(form);
  buildPreprocessor(form);
  buildModel(form);
  buildGuidance(form);
  layout->addWidget(m_body);

  setNumber(number);
  onPreprocessorChanged();
  updateImageLabel();
  updateSummary();
}

ControlNetUnitWidget::~ControlNetUnitWidget() = default;  // a preview in flight finds no one to report to

QWidget* ControlNetUnitWidget::buildHeader() {
  auto* header = new QWidget(this);
  auto* row = new QHBoxLayout(header);
  row->setContentsMargins(0, 0, 0, 0);
  m_expand = new QToolButton(header);
  m_expand->setObjectName(QStringLiteral("expandButton"));
  m_expand->setCheckable(true);
  m_expand->setChecked(true);
  m_expand->setAutoRaise(true);
  m_expand->setArrowType(Qt::DownArrow);
  m_expand->setToolTip(tr("Show or hide this unit's settings"));
  connect(m_expand, &QToolButton::toggled, this, &ControlNetUnitWidget::setExpanded);
  m_title = new QLabel(header);
  m_title->setObjectName(QStringLiteral("unitTitle"));
  m_enable = new QCheckBox(tr("Enable"), header);
  m_enable->setObjectName(QStringLiteral("enableCheck"));
  m_enable->setToolTip(tr("Only enabled units take part in a generation"));
  connect(m_enable, &QCheckBox::toggled, this, [this] {
    updateSummary();
    if (m_previewError.isEmpty() && !isPreviewPending()) showPreview();
    emit changed();  // the preview does not depend on it
  });
  m_summary = new QLabel(header);
  m_summary->setObjectName(QStringLiteral("summaryLabel"));
  m_summary->setEnabled(false);  // greyed: a reminder, not a control
  m_remove = new QToolButton(header);
  m_remove->setObjectName(QStringLiteral("removeButton"));
  m_remove->setText(tr("Remove"));
  m_remove->setAutoRaise(true);
  m_remove->setToolTip(tr("Remove this unit"));
  connect(m_remove, &QToolButton::clicked, this, &ControlNetUnitWidget::removeRequested);
  row->addWidget(m_expand);
  row->addWidget(m_title);
  row->addWidget(m_enable);
  row->addWidget(m_summary);
  row->addStretch(1);
  row->addWidget(m_remove);
  return header;
}

QWidget* ControlNetUnitWidget::buildImageRow() {
  auto* box = new QWidget(this);
  auto* grid = new QVBoxLayout(box);
  grid->setContentsMargins(0, 0, 0, 0);
  auto* pictures = new QHBoxLayout;
  auto* imageColumn = new QVBoxLayout;
  m_imageLabel = thumbnail(box, "imageLabel");
  m_imageLabel->setToolTip(tr("The control image: open one or drop one here. Without one, image to image and "
                              "inpaint use the source image."));
  imageColumn->addWidget(m_imageLabel);
  auto* buttons = new QHBoxLayout;
  m_open = new QPushButton(tr("Open…"), box);
  m_open->setObjectName(QStringLiteral("openImageButton"));
  m_open->setToolTip(tr("Open a control image (a picture to preprocess, or a map made already)"));
  connect(m_open, &QPushButton::clicked, this, [this] {
    const QString path = m_chooseImage ? m_chooseImage(this) : QString();
    if (!path.isEmpty()) openImage(path);
  });
  m_clear = new QPushButton(tr("Clear"), box);
  m_clear->setObjectName(QStringLiteral("clearImageButton"));
  m_clear->setToolTip(tr("Remove the control image: the source image is used instead (image to image, inpaint)"));
  connect(m_clear, &QPushButton::clicked, this, &ControlNetUnitWidget::clearImage);
  buttons->addWidget(m_open);
  buttons->addWidget(m_clear);
  imageColumn->addLayout(buttons);
  pictures->addLayout(imageColumn);
  auto* previewColumn = new QVBoxLayout;
  m_previewLabel = thumbnail(box, "previewLabel");
  m_previewLabel->setToolTip(tr("What the preprocessor makes of the image: the control the model sees"));
  previewColumn->addWidget(m_previewLabel);
  previewColumn->addStretch(1);
  pictures->addLayout(previewColumn);
  pictures->addStretch(1);
  grid->addLayout(pictures);
  m_status = new QLabel(box);
  m_status->setObjectName(QStringLiteral("statusLabel"));
  m_status->setWordWrap(true);
  m_status->setVisible(false);
  grid->addWidget(m_status);
  return box;
}

void ControlNetUnitWidget::buildPreprocessor(QFormLayout* form) {
  m_preprocessor = new QComboBox(this);
  m_preprocessor->setObjectName(QStringLiteral("preprocessorCombo"));
  for (const control::PreprocessorInfo& p : control::preprocessors())
    m_preprocessor->addItem(QString::fromStdString(p.label), QString::fromStdString(p.name));
  m_preprocessor->setToolTip(tr("What turns the image into the control image; \"none\" takes the image as the "
                                "control image already"));
  connect(m_preprocessor, &QComboBox::currentIndexChanged, this, &ControlNetUnitWidget::onPreprocessorChanged);
  form->addRow(tr("Preprocessor"), m_preprocessor);

  m_resolution = new QSpinBox(this);
  m_resolution->setObjectName(QStringLiteral("resolutionSpin"));
  const control::PreprocessorSlider& r = control::resolution_slider();
  m_resolution->setRange(int(r.min), int(r.max));
  m_resolution->setSingleStep(int(r.step));
  m_resolution->setValue(int(r.value));
  m_resolution->setToolTip(tr("The size of the image's short side the preprocessor works at; its result is "
                              "scaled back to the image's size"));
  connect(m_resolution, &QSpinBox::valueChanged, this, &ControlNetUnitWidget::onSettingChanged);
  m_resolutionLabel = new QLabel(tr("Preprocessor resolution"), this);
  m_resolutionLabel->setObjectName(QStringLiteral("resolutionLabel"));
  form->addRow(m_resolutionLabel, m_resolution);

  for (auto [spin, label, name, labelName] :
       {std::tuple{&m_thresholdA, &m_thresholdALabel, "thresholdASpin", "thresholdALabel"},
        std::tuple{&m_thresholdB, &m_thresholdBLabel, "thresholdBSpin", "thresholdBLabel"}}) {
    *spin = new QDoubleSpinBox(this);
    (*spin)->setObjectName(QString::fromLatin1(name));
    connect(*spin, &QDoubleSpinBox::valueChanged, this, &ControlNetUnitWidget::onSettingChanged);
    *label = new QLabel(this);
    (*label)->setObjectName(QString::fromLatin1(labelName));
    form->addRow(*label, *spin);
  }
}

void ControlNetUnitWidget::buildModel(QFormLayout* form) {
  m_model = new QComboBox(this);
  m_model->setObjectName(QStringLiteral("controlNetModelCombo"));
  m_model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_model->setMinimumContentsLength(16);
  m_model->setToolTip(tr("The ControlNet model: the models folder's ControlNet folder (files and diffusers "
                         "folders), of the same family as the checkpoint"));
  connect(m_model, &QComboBox::currentIndexChanged, this, [this] {
    m_wantedModel.clear();
    updateSummary();
    if (!m_updating) emit changed();  // the preview does not depend on it
  });
  form->addRow(tr("Model"), m_model);
  fillModels();
}

void ControlNetUnitWidget::buildGuidance(QFormLayout* form) {
  m_weight = new QDoubleSpinBox(this);
  m_weight->setObjectName(QStringLiteral("weightSpin"));
  m_weight->setRange(0.0, kMaxWeight);
  m_weight->setSingleStep(0.05);
  m_weight->setDecimals(2);
  m_weight->setValue(1.0);
  m_weight->setToolTip(tr("How strongly the control steers the image (sd-webui-controlnet's Control Weight)"));
  connect(m_weight, &QDoubleSpinBox::valueChanged, this, &ControlNetUnitWidget::onSettingChanged);
  form->addRow(tr("Control weight"), m_weight);

  m_start = fractionSpin(this, "startSpin", 0.0);
  m_start->setToolTip(tr("The fraction of the steps after which the control starts to apply"));
  m_end = fractionSpin(this, "endSpin", 1.0);
  m_end->setToolTip(tr("The fraction of the steps after which the control stops applying"));
  for (QDoubleSpinBox* spin : {m_start, m_end})
    connect(spin, &QDoubleSpinBox::valueChanged, this, &ControlNetUnitWidget::onSettingChanged);
  form->addRow(tr("Starting control step"), m_start);
  form->addRow(tr("Ending control step"), m_end);

  m_controlMode = new QComboBox(this);
  m_controlMode->setObjectName(QStringLiteral("controlModeCombo"));
  const std::pair<ControlMode, QString> controlModes[] = {
      {ControlMode::kBalanced, tr("The control and the prompt weigh as usual")},
      {ControlMode::kPrompt, tr("The control fades through the model's depth: the prompt matters more")},
      {ControlMode::kControl,
       tr("The control fades through the model's depth and applies to the prompt's half of the guidance only: "
          "the control matters more")},
  };
  for (const auto& [mode, tip] : controlModes) {
    // sd-webui-controlnet's names, translated for the menu.
    const QString name = mode == ControlMode::kBalanced ? tr("Balanced")
                         : mode == ControlMode::kPrompt ? tr("My prompt is more important")
                                                        : tr("ControlNet is more important");
    m_controlMode->addItem(name, int(mode));
    m_controlMode->setItemData(m_controlMode->count() - 1, tip, Qt::ToolTipRole);
  }
  m_controlMode->setToolTip(tr("How the control weighs against the prompt"));
  connect(m_controlMode, &QComboBox::currentIndexChanged, this, &ControlNetUnitWidget::onSettingChanged);
  form->addRow(tr("Control mode"), m_controlMode);

  m_resizeMode = new QComboBox(this);
  m_resizeMode->setObjectName(QStringLiteral("resizeModeCombo"));
  const std::tuple<ResizeMode, QString, QString> resizeModes[] = {
      {ResizeMode::kJustResize, tr("Just Resize"), tr("The control image is stretched to the output's size")},
      {ResizeMode::kCropAndResize, tr("Crop and Resize"),
       tr("The control image is scaled to cover the output and centre-cropped")},
      {ResizeMode::kResizeAndFill, tr("Resize and Fill"),
       tr("The control image is scaled to fit inside the output and its border filled")},
  };
  for (const auto& [mode, name, tip] : resizeModes) {
    m_resizeMode->addItem(name, int(mode));
    m_resizeMode->setItemData(m_resizeMode->count() - 1, tip, Qt::ToolTipRole);
  }
  m_resizeMode->setCurrentIndex(m_resizeMode->findData(int(ResizeMode::kCropAndResize)));
  m_resizeMode->setToolTip(tr("How a control image of another shape reaches the output's size"));
  connect(m_resizeMode, &QComboBox::currentIndexChanged, this, &ControlNetUnitWidget::onSettingChanged);
  form->addRow(tr("Resize mode"), m_resizeMode);

  m_guessMode = new QCheckBox(tr("Guess mode"), this);
  m_guessMode->setObjectName(QStringLiteral("guessModeCheck"));
  m_guessMode->setToolTip(tr("The control works without the prompt's help (on the prompt's half of the "
                             "guidance only, growing with depth): for an empty or vague prompt"));
  connect(m_guessMode, &QCheckBox::toggled, this, &ControlNetUnitWidget::onSettingChanged);
  form->addRow(QString(), m_guessMode);
}

void ControlNetUnitWidget::setNumber(int number) {
  m_number = number;
  m_title->setText(tr("Unit %1").arg(number));
}

bool ControlNetUnitWidget::isUnitEnabled() const { return m_enable->isChecked(); }
void ControlNetUnitWidget::setUnitEnabled(bool enabled) { m_enable->setChecked(enabled); }
bool ControlNetUnitWidget::isExpanded() const { return m_expand->isChecked(); }

void ControlNetUnitWidget::setExpanded(bool expanded) {
  {
    const QSignalBlocker block(m_expand);
    m_expand->setChecked(expanded);
  }
  m_expand->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
  m_body->setVisible(expanded);
  updateSummary();
}

void ControlNetUnitWidget::setImage(const QImage& image) {
  m_image = image;
  if (!m_image.isNull()) setStatus(QString());
  updateImageLabel();
  onSettingChanged();
}

bool ControlNetUnitWidget::openImage(const QString& path) {
  const QImage image(path);
  if (image.isNull()) {
    setStatus(tr("%1 is not an image Gesso can read.").arg(QFileInfo(path).fileName()));
    return false;
  }
  setImage(image);
  setUnitEnabled(true);
  return true;
}

void ControlNetUnitWidget::clearImage() { setImage(QImage()); }

void ControlNetUnitWidget::setImageChooser(ImageChooser chooser) { m_chooseImage = std::move(chooser); }

void ControlNetUnitWidget::setSourceImage(const QImage& image, const QImage& mask) {
  const bool maskMatters = [&] {
    const auto* info = control::find_preprocessor(preprocessor().toStdString());
    return info && info->needs_mask;
  }();
  const bool sourceChanged = image.cacheKey() != m_source.cacheKey();
  const bool maskChanged = mask.cacheKey() != m_sourceMask.cacheKey();
  m_source = image;
  m_sourceMask = mask;
  if (m_image.isNull() && m_usesSource && sourceChanged) updateImageLabel();
  // A unit's own image does not change with the source; the mask matters to the inpaint preprocessor.
  if ((m_image.isNull() && m_usesSource && sourceChanged) || (maskMatters && maskChanged)) schedulePreview();
}

void ControlNetUnitWidget::setUsesSourceImage(bool uses) {
  if (uses == m_usesSource) return;
  m_usesSource = uses;
  updateImageLabel();
  if (m_image.isNull()) schedulePreview();
}

void ControlNetUnitWidget::updateImageLabel() {
  m_clear->setEnabled(!m_image.isNull());
  if (!m_image.isNull()) {
    showPicture(m_imageLabel, m_image);
    return;
  }
  m_imageLabel->setPixmap(QPixmap());
  m_imageLabel->setText(m_usesSource ? tr("No image: the source image is used")
                                     : tr("Drop an image here or open one"));
}

void ControlNetUnitWidget::fillModels() {
  const QString current = m_wantedModel.isEmpty() ? model() : m_wantedModel;
  {
    const QSignalBlocker block(m_model);
    m_model->clear();
    m_model->addItem(tr("None"), QString());
    m_model->setItemData(0, tr("No model chosen: put ControlNet models into the models folder's ControlNet folder"),
                         Qt::ToolTipRole);
    for (const ModelEntry& e : std::as_const(m_models)) {
      m_model->addItem(ModelLibrary::title(e), e.path);
      m_model->setItemData(m_model->count() - 1, ModelLibrary::toolTip(e), Qt::ToolTipRole);
    }
    const int kept = current.isEmpty() ? 0 : m_model->findData(current);
    m_model->setCurrentIndex(std::max(kept, 0));
    if (kept > 0 || current.isEmpty()) m_wantedModel.clear();
    else m_wantedModel = current;
  }
  updateSummary();
}

void ControlNetUnitWidget::setModels(const QList<ModelEntry>& entries) {
  const QString before = model();
  m_models = entries;
  fillModels();
  if (model() != before) emit changed();
}

void ControlNetUnitWidget::setEntryHash(const QString& path, const QString& sha256) {
  for (ModelEntry& e : m_models) {
    if (e.path != path) continue;
    e.sha256 = sha256;
    if (const int i = m_model->findData(path); i >= 0) {
      m_model->setItemText(i, ModelLibrary::title(e));
      m_model->setItemData(i, ModelLibrary::toolTip(e), Qt::ToolTipRole);
    }
  }
}

QString ControlNetUnitWidget::model() const { return m_model->currentData().toString(); }

bool ControlNetUnitWidget::setModel(const QString& path) {
  const int index = path.isEmpty() ? 0 : m_model->findData(path);
  if (index < 0) {
    m_wantedModel = path;  // selected when the library lists it
    return false;
  }
  m_wantedModel.clear();
  m_model->setCurrentIndex(index);
  return true;
}

QString ControlNetUnitWidget::preprocessor() const { return m_preprocessor->currentData().toString(); }

void ControlNetUnitWidget::onPreprocessorChanged() {
  // A preprocessor's sliders start at its own defaults, as in sd-webui-controlnet.
  const auto* info = control::find_preprocessor(preprocessor().toStdString());
  {
    const QSignalBlocker b1(m_thresholdA), b2(m_thresholdB);
    for (auto [spin, slider] : {std::pair{m_thresholdA, info ? info->threshold_a : std::nullopt},
                                std::pair{m_thresholdB, info ? info->threshold_b : std::nullopt}}) {
      if (!slider) continue;
      spin->setDecimals(decimalsFor(*slider));
      spin->setRange(slider->min, slider->max);
      spin->setSingleStep(slider->step);
      spin->setValue(slider->value);
    }
  }
  showSliders();
  updateSummary();
  onSettingChanged();
}

void ControlNetUnitWidget::showSliders() {
  const auto* info = control::find_preprocessor(preprocessor().toStdString());
  const bool resolution = info && info->uses_resolution;
  m_resolutionLabel->setVisible(resolution);
  m_resolution->setVisible(resolution);
  const auto show = [](QLabel* label, QDoubleSpinBox* spin, const std::optional<control::PreprocessorSlider>& s) {
    label->setVisible(s.has_value());
    spin->setVisible(s.has_value());
    if (!s) return;
    label->setText(QString::fromStdString(s->label));
    spin->setToolTip(ControlNetUnitWidget::tr("%1 to %2").arg(s->min).arg(s->max));
  };
  show(m_thresholdALabel, m_thresholdA, info ? info->threshold_a : std::nullopt);
  show(m_thresholdBLabel, m_thresholdB, info ? info->threshold_b : std::nullopt);
}

pipelines::ControlUnit ControlNetUnitWidget::unit() const {
  pipelines::ControlUnit u;
  u.model = model().toStdString();
  const auto entry = std::find_if(m_models.begin(), m_models.end(), [&](const ModelEntry& e) { return e.path == model(); });
  u.model_hash = entry == m_models.end() ? std::string() : entry->shortHash().toStdString();
  if (!m_image.isNull()) u.image = fromQImage(m_image, 3);
  const auto* info = control::find_preprocessor(preprocessor().toStdString());
  u.preprocessor.name = preprocessor().toStdString();
  u.preprocessor.resolution = m_resolution->value();
  u.preprocessor.threshold_a = info && info->threshold_a ? m_thresholdA->value() : -1.0;
  u.preprocessor.threshold_b = info && info->threshold_b ? m_thresholdB->value() : -1.0;
  u.scale = m_weight->value();
  u.start = m_start->value();
  u.end = m_end->value();
  u.control_mode = static_cast<ControlMode>(m_controlMode->currentData().toInt());
  u.resize_mode = static_cast<ResizeMode>(m_resizeMode->currentData().toInt());
  u.guess_mode = m_guessMode->isChecked();
  return u;
}

void ControlNetUnitWidget::setUnit(const pipelines::ControlUnit& u) {
  m_updating = true;
  const QString name = QString::fromStdString(u.preprocessor.name);
  const int index = m_preprocessor->findData(name);
  m_preprocessor->setCurrentIndex(index >= 0 ? index : m_preprocessor->findData(QStringLiteral("none")));
  onPreprocessorChanged();  // the new preprocessor's defaults, then the unit's values over them
  m_resolution->setValue(u.preprocessor.resolution);  // clamped to the slider's range
  if (u.preprocessor.threshold_a >= 0) m_thresholdA->setValue(u.preprocessor.threshold_a);
  if (u.preprocessor.threshold_b >= 0) m_thresholdB->setValue(u.preprocessor.threshold_b);
  if (!u.model.empty()) setModel(QString::fromStdString(u.model));
  m_weight->setValue(u.scale);
  m_start->setValue(u.start);
  m_end->setValue(u.end);
  selectData(m_controlMode, int(u.control_mode));
  selectData(m_resizeMode, int(u.resize_mode));
  m_guessMode->setChecked(u.guess_mode);
  m_updating = false;
  onSettingChanged();
}

void ControlNetUnitWidget::updateSummary() {
  // Collapsed, the header says what the unit does.
  const int index = m_model->currentIndex();
  const QString modelName = index > 0 ? QFileInfo(model()).completeBaseName() : tr("no model");
  m_summary->setText(QStringLiteral("%1 · %2").arg(m_preprocessor->currentText(), modelName));
  m_summary->setVisible(!isExpanded());
}

void ControlNetUnitWidget::onSettingChanged() {
  if (m_updating) return;
  schedulePreview();
  emit changed();
}

bool ControlNetUnitWidget::isPreviewPending() const {
  return m_previewTimer->isActive() || m_previewRunning || m_previewAgain;
}

void ControlNetUnitWidget::schedulePreview() { m_previewTimer->start(); }

void ControlNetUnitWidget::startPreview() {
  if (m_previewRunning) {
    m_previewAgain = true;
    return;
  }
  const QImage input = !m_image.isNull() ? m_image : m_usesSource ? m_source : QImage();
  if (input.isNull()) {
    m_preview = QImage();
    m_previewError.clear();
    showPreview();
    emit previewUpdated();
    return;
  }
  const auto* info = control::find_preprocessor(preprocessor().toStdString());
  QImage mask;
  if (info && info->needs_mask && !m_sourceMask.isNull())
    mask = m_sourceMask.size() == input.size()
               ? m_sourceMask
               : m_sourceMask.scaled(input.size(), Qt::IgnoreAspectRatio, Qt::FastTransformation);
  control::PreprocessorSettings settings;
  settings.name = preprocessor().toStdString();
  settings.resolution = m_resolution->value();
  settings.threshold_a = info && info->threshold_a ? m_thresholdA->value() : -1.0;
  settings.threshold_b = info && info->threshold_b ? m_thresholdB->value() : -1.0;
  m_previewRunning = true;
  const quint64 run = ++m_previewRun;
  const QPointer<ControlNetUnitWidget> self(this);
  // QImage shares its pixels read-only across threads; the conversions happen on the pool.
  QThreadPool::globalInstance()->start([self, run, input, mask, settings] {
    QImage result;
    QString error;
    try {
      const gesso::Image in = fromQImage(input, 3);
      std::optional<gesso::Image> m;
      if (!mask.isNull()) m = fromQImage(mask, 1);
      result = toQImage(control::preprocess(in, settings, m ? &*m : nullptr));
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    } catch (...) {
      error = ControlNetUnitWidget::tr("The preprocessor failed.");
    }
    // Back on the GUI thread. The application waits for the pool when it quits, after it stopped
    // being the instance: then there is no one to report to.
    if (QCoreApplication* app = QCoreApplication::instance())
      QMetaObject::invokeMethod(
          app, [self, run, result, error] {
            if (self) self->previewDone(run, result, error);
          },
          Qt::QueuedConnection);
  });
}

void ControlNetUnitWidget::previewDone(quint64 run, const QImage& result, const QString& error) {
  m_previewRunning = false;
  if (m_previewAgain) {  // the settings changed meanwhile: this result is stale
    m_previewAgain = false;
    startPreview();
    return;
  }
  if (run != m_previewRun) return;
  m_preview = result;
  m_previewError = error;
  showPreview();
  emit previewUpdated();
}

void ControlNetUnitWidget::showPreview() {
  if (!m_preview.isNull()) {
    showPicture(m_previewLabel, m_preview);
  } else {
    m_previewLabel->setPixmap(QPixmap());
    m_previewLabel->setText(tr("Preview"));
  }
  if (!m_previewError.isEmpty()) {
    setStatus(tr("The preprocessor failed: %1").arg(m_previewError));
    return;
  }
  // What a unit lacks is said once it is enabled: an untouched unit stays quiet.
  const bool input = !m_image.isNull() || (m_usesSource && !m_source.isNull());
  if (input || !isUnitEnabled()) setStatus(QString());
  else if (m_usesSource) setStatus(tr("Open a source image, or give this unit an image of its own."));
  else setStatus(tr("Text to image needs a control image: open one or drop one here."));
}

void ControlNetUnitWidget::setStatus(const QString& text) {
  m_status->setText(text);
  m_status->setVisible(!text.isEmpty());
}

void ControlNetUnitWidget::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls() || event->mimeData()->hasImage()) event->acceptProposedAction();
}

void ControlNetUnitWidget::dropEvent(QDropEvent* event) {
  const QMimeData* mime = event->mimeData();
  if (mime->hasUrls() && !mime->urls().isEmpty()) {
    openImage(mime->urls().first().toLocalFile());
  } else if (mime->hasImage()) {
    setImage(qvariant_cast<QImage>(mime->imageData()));
    setUnitEnabled(true);
  }
  event->acceptProposedAction();
}

}  // namespace gesso::ui
