#include "ui/upscale_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <exception>

#include "engine/io/a1111_parameters.h"
#include "engine/pipelines/model_family.h"
#include "engine/pipelines/upscale_pipeline.h"
#include "engine/pipelines/upscale_tiles.h"
#include "ui/qt_image.h"

namespace gesso::ui {
namespace {

QPlainTextEdit* promptEdit(const QString& name, const std::string& text, QWidget* parent) {
  auto* edit = new QPlainTextEdit(QString::fromStdString(text), parent);
  edit->setObjectName(name);
  edit->setTabChangesFocus(true);
  edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 12);
  return edit;
}

}  // namespace

QList<ModelEntry> UpscaleDialog::upscalers(const QList<ModelEntry>& library) {
  QList<ModelEntry> found;
  for (const ModelEntry& e : library)
    if (e.isModel() && e.family == pipelines::ModelFamily::kSDUpscale) found << e;
  return found;
}

UpscaleDialog::UpscaleDialog(const QList<ModelEntry>& upscalers, const QImage& image, const QString& parametersText,
                             QWidget* parent)
    : QDialog(parent), m_image(image) {
  setObjectName(QStringLiteral("upscaleDialog"));
  setWindowTitle(tr("Upscale x4"));
  io::GenerationParameters p;
  try {
    if (!parametersText.isEmpty()) p = io::parse_a1111(parametersText.toStdString());
  } catch (const std::exception&) {
    // A text that does not parse leaves the prompts empty: the upscaler works without one.
  }
  m_seed = p.seed;
  m_model = new QComboBox(this);
  m_model->setObjectName(QStringLiteral("upscalerCombo"));
  for (const ModelEntry& e : upscalers) {
    m_model->addItem(ModelLibrary::title(e), e.path);
    m_model->setItemData(m_model->count() - 1, ModelLibrary::toolTip(e), Qt::ToolTipRole);
  }
  m_prompt = promptEdit(QStringLiteral("upscalePromptEdit"), p.prompt, this);
  m_prompt->setToolTip(tr("What the image shows: the upscaler reads a prompt too (the image's own, when it has one)"));
  m_negative = promptEdit(QStringLiteral("upscaleNegativeEdit"), p.negative_prompt, this);
  m_noise = new QSpinBox(this);
  m_noise->setObjectName(QStringLiteral("upscaleNoiseSpin"));
  m_noise->setRange(0, 350);  // the upscaler's max_noise_level
  m_noise->setToolTip(tr("Noise added to the image before it is upscaled: more invents more detail, and strays "
                         "further from the image"));
  m_steps = new QSpinBox(this);
  m_steps->setObjectName(QStringLiteral("upscaleStepsSpin"));
  m_steps->setRange(1, 1000);
  m_guidance = new QDoubleSpinBox(this);
  m_guidance->setObjectName(QStringLiteral("upscaleGuidanceSpin"));
  m_guidance->setRange(0.0, 30.0);
  m_guidance->setSingleStep(0.5);
  m_guidance->setDecimals(2);
  m_tile = new QSpinBox(this);
  m_tile->setObjectName(QStringLiteral("upscaleTileSpin"));
  // Below 64 px a tile is mostly overlap; 0 is "Off": the whole image at once.
  m_tile->setRange(0, 1024);
  m_tile->setSingleStep(32);
  m_tile->setSpecialValueText(tr("Off"));
  m_tile->setSuffix(tr(" px"));
  m_tile->setToolTip(tr("Large images are upscaled in overlapping tiles of this many pixels (of the image as it "
                        "is now), blended, so that memory stays that of one tile. Off: the whole image at once."));
  m_size = new QLabel(this);
  m_size->setObjectName(QStringLiteral("upscaleSizeLabel"));
  auto* form = new QFormLayout;
  form->addRow(tr("Upscaler"), m_model);
  form->addRow(tr("Prompt"), m_prompt);
  form->addRow(tr("Negative prompt"), m_negative);
  form->addRow(tr("Noise level"), m_noise);
  form->addRow(tr("Steps"), m_steps);
  form->addRow(tr("Guidance scale"), m_guidance);
  form->addRow(tr("Tile size"), m_tile);
  form->addRow(QString(), m_size);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Upscale"));
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons);
  connect(m_tile, &QSpinBox::valueChanged, this, [this](int tile) {
    if (tile > 0 && tile < 64) m_tile->setValue(tile < 32 ? 0 : 64);  // comes back with a valid size
    updateSizeText();
  });
  setOptions({});
}

QVariantMap UpscaleDialog::options() const {
  return {{QStringLiteral("model"), m_model->currentData().toString()},
          {QStringLiteral("noiseLevel"), m_noise->value()},
          {QStringLiteral("steps"), m_steps->value()},
          {QStringLiteral("guidance"), m_guidance->value()},
          {QStringLiteral("tile"), m_tile->value()}};
}

void UpscaleDialog::setOptions(const QVariantMap& v) {
  const pipelines::UpscaleRequest d;
  const auto number = [&v](const char* name, double fallback) {
    bool ok = false;
    const double value = v.value(QLatin1String(name)).toDouble(&ok);
    return ok ? value : fallback;
  };
  if (const int i = m_model->findData(v.value(QStringLiteral("model")).toString()); i >= 0) m_model->setCurrentIndex(i);
  m_noise->setValue(int(number("noiseLevel", d.settings.noise_level)));
  m_steps->setValue(int(number("steps", d.settings.steps)));
  m_guidance->setValue(number("guidance", d.settings.guidance_scale));
  m_tile->setValue(int(number("tile", d.tile)));
  updateSizeText();
}

pipelines::UpscaleRequest UpscaleDialog::request() const {
  pipelines::UpscaleRequest r;
  r.model_dir = m_model->currentData().toString().toStdString();
  r.image = fromQImage(m_image, 3);
  r.prompt = m_prompt->toPlainText().toStdString();
  r.negative_prompt = m_negative->toPlainText().toStdString();
  r.seed = m_seed;
  r.settings.noise_level = m_noise->value();
  r.settings.steps = m_steps->value();
  r.settings.guidance_scale = m_guidance->value();
  r.tile = m_tile->value();
  return r;
}

void UpscaleDialog::updateSizeText() {
  const int w = m_image.width(), h = m_image.height();
  int tiles = 1;
  try {
    if (m_tile->value() > 0) tiles = int(pipelines::plan_tiles(h, w, m_tile->value(), pipelines::UpscaleRequest{}.tile_overlap).count());
  } catch (const std::exception&) {
    // No image, or a tile the engine refuses: the run says why.
  }
  const QString size = tr("%1 × %2 px → %3 × %4 px").arg(w).arg(h).arg(w * 4).arg(h * 4);
  m_size->setText(tiles > 1 ? tr("%1, in %n tile(s)", "", tiles).arg(size) : size);
}

}  // namespace gesso::ui
