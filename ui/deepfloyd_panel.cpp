#include "ui/deepfloyd_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <optional>

#include "engine/pipelines/deepfloyd_if_pipeline.h"
#include "engine/pipelines/model_family.h"

namespace gesso::ui {
namespace {

using pipelines::ModelFamily;

// Each stage's defaults: the engine's IFRequest, which has diffusers' (stage III: the x4 upscaler
// as the cascade runs it, noise level 100 rather than the upscaler's own 20).
struct StageDefaults {
  int steps;
  double guidance;
  int noise;
};

std::array<StageDefaults, DeepFloydPanel::kStages> stageDefaults() {
  const pipelines::IFRequest r;
  return {{{r.stage1.steps, r.stage1.guidance_scale, 0},
           {r.stage2.steps, r.stage2.guidance_scale, r.stage2.noise_level},
           {r.stage3.steps, r.stage3.guidance_scale, r.stage3.noise_level}}};
}

std::optional<uint64_t> seedOf(const QLineEdit* edit) {
  bool ok = false;
  const qulonglong seed = edit->text().toULongLong(&ok);
  return ok ? std::optional<uint64_t>(seed) : std::nullopt;
}

}  // namespace

DeepFloydPanel::DeepFloydPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("deepFloydPanel"));
  m_stages[0].family = ModelFamily::kIF;
  m_stages[1].family = ModelFamily::kIFSuperResolution;
  m_stages[2].family = ModelFamily::kSDUpscale;
  m_stages[2].optional = true;
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  m_note = new QLabel(this);
  m_note->setObjectName(QStringLiteral("ifModelNote"));
  m_note->setWordWrap(true);
  layout->addWidget(m_note);
  buildStage(0, tr("Stage I: the image from the prompt"), 0);
  buildStage(1, tr("Stage II: upscaled ×4"), 1000);
  // The x4 upscaler's model_index.json allows noise levels up to its max_noise_level, 350.
  buildStage(2, tr("Stage III: upscaled ×4 again (optional)"), 350);
  for (const Stage& stage : m_stages) layout->addWidget(stage.box);
  m_cleanCaption = new QCheckBox(tr("Clean up the caption"), this);
  m_cleanCaption->setObjectName(QStringLiteral("cleanCaptionCheck"));
  m_cleanCaption->setToolTip(tr("DeepFloyd's caption clean-up before T5 reads the prompt (diffusers' clean_caption): "
                                "links, HTML, @names and stray symbols go. Off: the prompt is only lowercased."));
  m_t5OnCpu = new QCheckBox(tr("T5 on the CPU"), this);
  m_t5OnCpu->setObjectName(QStringLiteral("t5OnCpuCheck"));
  m_t5OnCpu->setToolTip(tr("Keep IF's T5-XXL text encoder (about 9.5 GB in fp16) in main memory and run it on the "
                           "CPU: the GPU holds only the UNets. Each new prompt takes longer to encode."));
  layout->addWidget(m_cleanCaption);
  layout->addWidget(m_t5OnCpu);
  for (QCheckBox* box : {m_cleanCaption, m_t5OnCpu}) connect(box, &QCheckBox::toggled, this, &DeepFloydPanel::changed);
  fromVariantMap({});
  setLibraryEntries({});
}

void DeepFloydPanel::buildStage(int index, const QString& title, int maxNoise) {
  Stage& s = m_stages[index];
  const QString name = QStringLiteral("stage%1").arg(index + 1);
  s.box = new QGroupBox(title, this);
  auto* form = new QFormLayout(s.box);
  s.model = new QComboBox(s.box);
  s.model->setObjectName(name + QStringLiteral("ModelCombo"));
  s.model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  s.model->setMinimumContentsLength(20);
  form->addRow(tr("Model"), s.model);
  s.steps = new QSpinBox(s.box);
  s.steps->setObjectName(name + QStringLiteral("StepsSpin"));
  s.steps->setRange(1, 1000);
  form->addRow(tr("Steps"), s.steps);
  s.guidance = new QDoubleSpinBox(s.box);
  s.guidance->setObjectName(name + QStringLiteral("GuidanceSpin"));
  s.guidance->setRange(0.0, 30.0);
  s.guidance->setSingleStep(0.5);
  s.guidance->setDecimals(2);
  s.guidance->setToolTip(tr("How closely this stage follows the prompt (CFG scale); 1 or less runs without guidance"));
  form->addRow(tr("Guidance scale"), s.guidance);
  if (maxNoise > 0) {
    s.noise = new QSpinBox(s.box);
    s.noise->setObjectName(name + QStringLiteral("NoiseSpin"));
    s.noise->setRange(0, maxNoise);
    s.noise->setToolTip(tr("How much noise is added to the previous stage's image before this stage upscales it: "
                           "more lets it invent more detail, and stray further from that image"));
    form->addRow(tr("Noise level"), s.noise);
    connect(s.noise, &QSpinBox::valueChanged, this, &DeepFloydPanel::changed);
  }
  s.seed = new QLineEdit(s.box);
  s.seed->setObjectName(name + QStringLiteral("SeedEdit"));
  s.seed->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral(R"(\d{0,19})")), s.seed));
  s.seed->setPlaceholderText(tr("The run's"));
  s.seed->setToolTip(tr("A seed of this stage's own, to vary it alone. Empty: the run's seed, its noise going on "
                        "from the stage before"));
  form->addRow(tr("Seed"), s.seed);
  connect(s.model, &QComboBox::activated, this, [this, index] {
    m_stages[index].wanted.clear();
    updateEnabled();
    emit changed();
  });
  connect(s.steps, &QSpinBox::valueChanged, this, &DeepFloydPanel::changed);
  connect(s.guidance, &QDoubleSpinBox::valueChanged, this, &DeepFloydPanel::changed);
  connect(s.seed, &QLineEdit::textChanged, this, &DeepFloydPanel::changed);
}

void DeepFloydPanel::setLibraryEntries(const QList<ModelEntry>& entries) {
  m_entries = entries;
  for (Stage& stage : m_stages) fillModels(stage);
  updateEnabled();
  updateNote();
}

// The stage's family's model folders; the wanted one selected once listed, else the one selected
// stays, else the first (stage III: "None").
void DeepFloydPanel::fillModels(Stage& s) {
  const QString current = s.wanted.isEmpty() ? s.model->currentData().toString() : s.wanted;
  const QSignalBlocker block(s.model);
  s.model->clear();
  if (s.optional) s.model->addItem(tr("None"), QString());
  for (const ModelEntry& e : std::as_const(m_entries)) {
    if (!e.isModel() || e.family != s.family) continue;
    s.model->addItem(ModelLibrary::title(e), e.path);
    s.model->setItemData(s.model->count() - 1, ModelLibrary::toolTip(e), Qt::ToolTipRole);
  }
  const int found = current.isEmpty() ? -1 : s.model->findData(current);
  s.model->setCurrentIndex(found >= 0 ? found : 0);
  if (found >= 0) s.wanted.clear();
}

QString DeepFloydPanel::stageModel(int stage) const {
  if (stage < 1 || stage > kStages) return {};
  return m_stages[stage - 1].model->currentData().toString();
}

void DeepFloydPanel::setStageModel(int stage, const QString& path) {
  if (stage < 1 || stage > kStages) return;
  Stage& s = m_stages[stage - 1];
  s.wanted = path;
  if (path.isEmpty() && s.optional) s.model->setCurrentIndex(0);
  fillModels(s);
  updateEnabled();
}

void DeepFloydPanel::updateEnabled() {
  const bool three = !stageModel(3).isEmpty();
  for (QWidget* w : {static_cast<QWidget*>(m_stages[2].steps), static_cast<QWidget*>(m_stages[2].guidance),
                     static_cast<QWidget*>(m_stages[2].noise), static_cast<QWidget*>(m_stages[2].seed)})
    w->setEnabled(three);
}

void DeepFloydPanel::updateNote() {
  QStringList missing;
  if (m_stages[0].model->count() == 0) missing << tr("stage I (IF-I, e.g. DeepFloyd/IF-I-XL-v1.0)");
  if (m_stages[1].model->count() == 0) missing << tr("stage II (IF-II, e.g. DeepFloyd/IF-II-L-v1.0)");
  m_note->setText(tr("The model library has no DeepFloyd IF %1. Put its diffusers folder (with model_index.json) "
                     "into the models folder's Stable-diffusion folder, or add the folder under Settings > Model "
                     "library, then rescan.")
                      .arg(missing.join(tr(" and "))));
  m_note->setVisible(!missing.isEmpty());
}

QString DeepFloydPanel::fillRequest(pipelines::IFRequest& r) const {
  const QString one = stageModel(1), two = stageModel(2);
  if (one.isEmpty() || two.isEmpty())
    return tr("DeepFloyd IF needs a stage I and a stage II model: choose them in the DeepFloyd IF panel (the model "
              "library lists the IF-I and IF-II folders it found).");
  const Stage &s1 = m_stages[0], &s2 = m_stages[1], &s3 = m_stages[2];
  r.stage1 = {.model_dir = one.toStdString(), .steps = s1.steps->value(), .guidance_scale = s1.guidance->value(),
              .seed = seedOf(s1.seed)};
  r.stage2 = {.model_dir = two.toStdString(), .steps = s2.steps->value(), .guidance_scale = s2.guidance->value(),
              .seed = seedOf(s2.seed), .noise_level = s2.noise->value()};
  r.stage3_dir = stageModel(3).toStdString();
  r.stage3.steps = s3.steps->value();
  r.stage3.guidance_scale = s3.guidance->value();
  r.stage3.noise_level = s3.noise->value();
  r.stage3_seed = seedOf(s3.seed);
  r.clean_caption = m_cleanCaption->isChecked();
  r.runtime.text_encoder_on_cpu = m_t5OnCpu->isChecked();
  return {};
}

QString DeepFloydPanel::key(int index, const char* name) {
  return QStringLiteral("stage%1%2").arg(index + 1).arg(QLatin1String(name));
}

QVariantMap DeepFloydPanel::toVariantMap() const {
  QVariantMap v;
  for (int i = 0; i < kStages; ++i) {
    const Stage& s = m_stages[i];
    v.insert(key(i, "Model"), s.wanted.isEmpty() ? s.model->currentData().toString() : s.wanted);
    v.insert(key(i, "Steps"), s.steps->value());
    v.insert(key(i, "Guidance"), s.guidance->value());
    if (s.noise) v.insert(key(i, "Noise"), s.noise->value());
    v.insert(key(i, "Seed"), s.seed->text());
  }
  v.insert(QStringLiteral("cleanCaption"), m_cleanCaption->isChecked());
  v.insert(QStringLiteral("t5OnCpu"), m_t5OnCpu->isChecked());
  return v;
}

void DeepFloydPanel::fromVariantMap(const QVariantMap& v) {
  const auto defaults = stageDefaults();
  const auto number = [&v](const QString& name, double fallback) {
    bool ok = false;
    const double value = v.value(name).toDouble(&ok);
    return ok ? value : fallback;
  };
  for (int i = 0; i < kStages; ++i) {
    Stage& s = m_stages[i];
    s.steps->setValue(int(number(key(i, "Steps"), defaults[i].steps)));
    s.guidance->setValue(number(key(i, "Guidance"), defaults[i].guidance));
    if (s.noise) s.noise->setValue(int(number(key(i, "Noise"), defaults[i].noise)));
    s.seed->setText(v.value(key(i, "Seed")).toString());
    if (v.contains(key(i, "Model"))) setStageModel(i + 1, v.value(key(i, "Model")).toString());
  }
  // INI gives "true" / "false" back as text: QVariant reads both.
  m_cleanCaption->setChecked(v.value(QStringLiteral("cleanCaption"), pipelines::IFRequest{}.clean_caption).toBool());
  m_t5OnCpu->setChecked(v.value(QStringLiteral("t5OnCpu"), false).toBool());
}

}  // namespace gesso::ui
