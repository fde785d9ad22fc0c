#include "ui/generation_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QSize>
#include <QSpinBox>
#include <QStyle>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <limits>
#include <string>
#include <utility>

#include "engine/pipelines/deepfloyd_if_pipeline.h"
#include "engine/pipelines/generation_request.h"
#include "engine/pipelines/model_family.h"
#include "engine/pipelines/size_presets.h"
#include "engine/schedulers/scheduler.h"
#include "engine/networks/extra_networks.h"
#include "engine/pipelines/prompt_token_count.h"
#include "engine/text/clip_tokenizer.h"
#include "engine/text/prompt_chunks.h"
#include "ui/hires_fix_panel.h"

namespace gesso::ui {

namespace {

using pipelines::ModelFamily;
using pipelines::PipelineKind;

struct ModeEntry {
  const char* key;  // GenerationSettings::mode
  const char* label;
  PipelineKind kind;
};

constexpr ModeEntry kModes[] = {
    {"txt2img", QT_TRANSLATE_NOOP("gesso::ui::GenerationPanel", "Text to image"), PipelineKind::kTxt2Img},
    {"img2img", QT_TRANSLATE_NOOP("gesso::ui::GenerationPanel", "Image to image"), PipelineKind::kImg2Img},
    {"inpaint", QT_TRANSLATE_NOOP("gesso::ui::GenerationPanel", "Inpaint"), PipelineKind::kInpaint},
    // Its own pipeline (the window builds an IFRequest); the kind is never used.
    {"deepfloyd", QT_TRANSLATE_NOOP("gesso::ui::GenerationPanel", "DeepFloyd IF"), PipelineKind::kTxt2Img},
};

PipelineKind pipelineKind(const QString& mode) {
  for (const ModeEntry& entry : kModes)
    if (mode == QLatin1String(entry.key)) return entry.kind;
  return PipelineKind::kTxt2Img;
}

// CLIP's own vocabulary: every SD text encoder's tokenizer is it, so counts without the model's
// are the same (built once, on first use).
const text::CLIPTokenizer& builtinTokenizer() {
  static const text::CLIPTokenizer tokenizer = text::CLIPTokenizer::builtin("<|endoftext|>");
  return tokenizer;
}

QString defaultFolderChooser(QWidget* parent) {
  return QFileDialog::getExistingDirectory(
      parent, GenerationPanel::tr("Choose a model folder (with model_index.json)"));
}

}  // namespace

GenerationPanel::GenerationPanel(QWidget* parent)
    : QWidget(parent), m_presetFamily(ModelFamily::kSD1), m_chooseFolder(defaultFolderChooser) {
  auto* layout = new QVBoxLayout(this);
  m_prompt = addPromptBox(layout, tr("Prompt"), QStringLiteral("prompt"));
  m_missingLoras = new QLabel(this);
  m_missingLoras->setObjectName(QStringLiteral("missingLorasLabel"));
  m_missingLoras->setWordWrap(true);
  m_missingLoras->setStyleSheet(QStringLiteral("color: #c0392b;"));
  m_missingLoras->hide();
  layout->addWidget(m_missingLoras);
  connect(m_prompt.edit, &QPlainTextEdit::textChanged, this, &GenerationPanel::updateMissingLoras);
  m_negative = addPromptBox(layout, tr("Negative prompt"), QStringLiteral("negativePrompt"));
  m_plainPrompts = new QCheckBox(tr("Plain prompts"), this);
  m_plainPrompts->setObjectName(QStringLiteral("plainPromptsCheck"));
  m_plainPrompts->setToolTip(tr("Read the prompts as diffusers does: brackets are text, and only the first 75 tokens "
                                "count. Off: AUTOMATIC1111's syntax — (word:1.2) emphasis, [from:to:when] edits, "
                                "[a|b] alternation, BREAK, <lora:name:weight>, embeddings by name, prompts of any "
                                "length in chunks of 75 tokens."));
  connect(m_plainPrompts, &QCheckBox::toggled, this, &GenerationPanel::updateTokenCounts);
  layout->addWidget(m_plainPrompts);
  auto* form = new QFormLayout;
  // A row too wide for the dock (German's "Entrauschungsstärke" beside the size row) puts its field
  // under its label rather than widening the form past the dock (issue 18, item 3).
  form->setRowWrapPolicy(QFormLayout::WrapLongRows);
  m_form = form;
  buildModelAndMode(form);
  form->addRow(tr("Seed"), buildSeedRow());
  m_sizeRow = buildSizeRow();
  form->addRow(tr("Size"), m_sizeRow);
  buildSampling(form);
  buildRefiner(form);
  layout->addLayout(form);
  m_hires = new HiresFixPanel(this);  // text to image only (showStrengthRow)
  m_hires->setObjectName(QStringLiteral("hiresFixPanel"));
  layout->addWidget(m_hires);
  for (QSpinBox* spin : {m_width, m_height})
    connect(spin, &QSpinBox::valueChanged, this, [this] { m_hires->setBaseSize(m_width->value(), m_height->value()); });
  layout->addWidget(buildButtons());
  layout->addStretch(1);
  setModelFolders({});
  setSettings(GenerationSettings{});
  // What the VRAM estimate depends on.
  for (QSpinBox* spin : {m_width, m_height, m_batchSize})
    connect(spin, &QSpinBox::valueChanged, this, &GenerationPanel::shapeChanged);
  connect(m_guidance, &QDoubleSpinBox::valueChanged, this, &GenerationPanel::shapeChanged);
  connect(m_hires, &HiresFixPanel::changed, this, &GenerationPanel::shapeChanged);  // its second pass is larger
  // Prompt edits ([from:to:when]) count at their longest for this many steps.
  connect(m_steps, &QSpinBox::valueChanged, this, &GenerationPanel::updateTokenCounts);
  updateTokenCounts();
}

GenerationPanel::~GenerationPanel() = default;

GenerationPanel::PromptBox GenerationPanel::addPromptBox(QVBoxLayout* layout, const QString& title,
                                                         const QString& name) {
  PromptBox box;
  auto* header = new QHBoxLayout;
  auto* titleLabel = new QLabel(title, this);
  box.count = new QLabel(this);
  box.count->setObjectName(name + QStringLiteral("TokenCount"));
  header->addWidget(titleLabel);
  header->addStretch(1);
  if (name == QLatin1String("prompt")) {
    m_loraButton = new QToolButton(this);
    m_loraButton->setObjectName(QStringLiteral("loraButton"));
    m_loraButton->setText(tr("LoRA"));
    m_loraButton->setToolTip(tr("Add a LoRA from the library's Lora folder to the prompt"));
    m_loraButton->setPopupMode(QToolButton::InstantPopup);
    m_loraButton->setMenu(new QMenu(m_loraButton));
    header->addWidget(m_loraButton);
  }
  header->addWidget(box.count);
  box.edit = new QPlainTextEdit(this);
  box.edit->setObjectName(name + QStringLiteral("Edit"));
  box.edit->setTabChangesFocus(true);  // Tab moves on, as in every other field of the form
  // Lines wrap at the widget's width; a horizontal bar would only ever flash on before the layout.
  box.edit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  titleLabel->setBuddy(box.edit);
  layout->addLayout(header);
  layout->addWidget(box.edit);
  connect(box.edit, &QPlainTextEdit::textChanged, this, [this, box] { updateTokenCount(box); });
  updateTokenCount(box);
  return box;
}

QWidget* GenerationPanel::buildSeedRow() {
  auto* row = new QWidget(this);
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  m_seedEdit = new QLineEdit(row);
  m_seedEdit->setObjectName("seedEdit");
  // "-1" is A1111's way to ask for a random seed; a lone "-" is accepted so that it can be typed.
  m_seedEdit->setValidator(
      new QRegularExpressionValidator(QRegularExpression(QStringLiteral(R"(-1?|\d{0,19})")), m_seedEdit));
  m_seedEdit->setToolTip(tr("The seed of the noise the image starts from: the same seed and settings "
                            "give the same image. Type -1 for a new random seed each time."));
  m_randomSeed = new QCheckBox(tr("Random"), row);
  m_randomSeed->setObjectName("randomSeedCheck");
  m_randomSeed->setToolTip(tr("Draw a new seed for every generation"));
  m_dice = new QToolButton(row);
  m_dice->setObjectName("diceButton");
  m_dice->setText(QStringLiteral("⚄"));  // a die face: in common fonts, unlike the emoji
  m_dice->setToolTip(tr("Pick a new random seed and keep it"));
  m_dice->setAccessibleName(tr("New random seed"));
  m_reuseSeed = new QToolButton(row);
  m_reuseSeed->setObjectName("reuseSeedButton");
  m_reuseSeed->setText(QStringLiteral("♻"));
  m_reuseSeed->setToolTip(tr("Reuse the seed of the last image"));
  m_reuseSeed->setAccessibleName(tr("Reuse last seed"));
  m_reuseSeed->setEnabled(false);  // until an image has been made
  layout->addWidget(m_seedEdit, 1);
  layout->addWidget(m_randomSeed);
  layout->addWidget(m_dice);
  layout->addWidget(m_reuseSeed);
  connect(m_seedEdit, &QLineEdit::textEdited, this, &GenerationPanel::onSeedEdited);
  connect(m_seedEdit, &QLineEdit::editingFinished, this, [this] { setSeed(m_seed); });
  connect(m_dice, &QToolButton::clicked, this, &GenerationPanel::rollDice);
  connect(m_reuseSeed, &QToolButton::clicked, this, [this] {
    setSeed(m_lastSeed);
    m_randomSeed->setChecked(false);
  });
  return row;
}

QWidget* GenerationPanel::buildSizeRow() {
  auto* row = new QWidget(this);
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  m_sizePreset = new QComboBox(row);
  m_sizePreset->setObjectName("sizePresetCombo");
  m_width = new QSpinBox(row);
  m_width->setObjectName("widthSpin");
  m_height = new QSpinBox(row);
  m_height->setObjectName("heightSpin");
  for (QSpinBox* spin : {m_width, m_height}) {
    spin->setRange(kMinSize, kMaxSize);
    spin->setSingleStep(8);
    spin->setSuffix(tr(" px"));
    // Snapping while the user types "5", "51", "512" would fight every keystroke.
    spin->setKeyboardTracking(false);
    spin->setToolTip(tr("The models work in blocks of 8 pixels: other values are rounded to a multiple of 8"));
    connect(spin, &QSpinBox::valueChanged, this, [this, spin](int value) { snapSize(spin, value); });
  }
  m_swap = new QToolButton(row);
  m_swap->setObjectName("swapSizeButton");
  m_swap->setText(QStringLiteral("⇄"));
  m_swap->setToolTip(tr("Swap width and height"));
  layout->addWidget(m_sizePreset);
  layout->addWidget(m_width);
  layout->addWidget(new QLabel(QStringLiteral("×"), row));
  layout->addWidget(m_height);
  layout->addWidget(m_swap);
  fillPresets();
  connect(m_sizePreset, &QComboBox::currentIndexChanged, this, &GenerationPanel::applyPreset);
  connect(m_swap, &QToolButton::clicked, this, [this] {
    const int width = m_width->value();
    {
      const QSignalBlocker blockWidth(m_width), blockHeight(m_height);
      m_width->setValue(m_height->value());
      m_height->setValue(width);
    }
    syncPreset();
    emit shapeChanged();
  });
  return row;
}

// The search field with the rescan button, above the model list.
QWidget* GenerationPanel::buildModelRow() {
  auto* box = new QWidget(this);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* searchRow = new QHBoxLayout;
  m_modelSearch = new QLineEdit(box);
  m_modelSearch->setObjectName("modelSearchEdit");
  m_modelSearch->setPlaceholderText(tr("Search models"));
  m_modelSearch->setToolTip(tr("Show the models whose name or kind holds every word typed (\"xl inpainting\"); "
                               "Return opens the list"));
  m_modelSearch->setClearButtonEnabled(true);
  m_rescan = new QToolButton(box);
  m_rescan->setObjectName("rescanModelsButton");
  m_rescan->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
  m_rescan->setToolTip(tr("Scan the models folder again"));
  m_rescan->setAccessibleName(tr("Rescan models"));
  m_removeModel = new QToolButton(box);
  m_removeModel->setObjectName("removeModelFolderButton");
  m_removeModel->setIcon(style()->standardIcon(QStyle::SP_TrashIcon));
  m_removeModel->setToolTip(tr("Remove the selected model from the list (only models added with \"Add folder…\"; "
                               "nothing is deleted from the disk)"));
  m_removeModel->setAccessibleName(tr("Remove model"));
  m_removeModel->setEnabled(false);
  searchRow->addWidget(m_modelSearch, 1);
  searchRow->addWidget(m_rescan);
  searchRow->addWidget(m_removeModel);
  m_model = new QComboBox(box);
  m_model->setObjectName("modelCombo");
  m_model->setToolTip(tr("The model to generate with: a checkpoint or a diffusers folder of the library, or a "
                         "folder added by hand"));
  layout->addLayout(searchRow);
  layout->addWidget(m_model);
  m_modelError = new QLabel(box);
  m_modelError->setObjectName("modelFolderError");
  m_modelError->setWordWrap(true);
  m_modelError->setStyleSheet(QStringLiteral("color: #c0392b;"));
  m_modelError->hide();
  layout->addWidget(m_modelError);
  connect(m_removeModel, &QToolButton::clicked, this, [this] { removeModelFolder(currentModelFolder()); });
  connect(m_model, &QComboBox::activated, this, &GenerationPanel::onModelActivated);
  connect(m_modelSearch, &QLineEdit::textChanged, this, [this] {
    if (fillModels()) modelChanged();  // only with no model at all
  });
  connect(m_modelSearch, &QLineEdit::returnPressed, m_model, &QComboBox::showPopup);
  connect(m_rescan, &QToolButton::clicked, this, &GenerationPanel::rescanRequested);
  return box;
}

void GenerationPanel::buildModelAndMode(QFormLayout* form) {
  m_modelRow = buildModelRow();
  auto* modelLabel = new QLabel(tr("Model"), this);
  modelLabel->setBuddy(m_model);
  form->addRow(modelLabel, m_modelRow);
  m_vae = new QComboBox(this);
  m_vae->setObjectName("vaeCombo");
  // Library names and hashes can be long: the form keeps its width, the tooltips have the paths.
  for (QComboBox* combo : {m_model, m_vae}) {
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(24);
  }
  m_vae->setToolTip(tr("A VAE of the library's VAE folder to decode with instead of the model's own "
                       "(AUTOMATIC1111's \"SD VAE\")"));
  connect(m_vae, &QComboBox::activated, this, [this] { m_wantedVae.clear(); });
  form->addRow(tr("VAE"), m_vae);
  fillVaes();
  m_mode = new QComboBox(this);
  m_mode->setObjectName("modeCombo");
  for (const ModeEntry& entry : kModes) m_mode->addItem(tr(entry.label), QString::fromLatin1(entry.key));
  connect(m_mode, &QComboBox::currentIndexChanged, this, &GenerationPanel::onModeIndexChanged);
  form->addRow(tr("Mode"), m_mode);
}

void GenerationPanel::buildSampling(QFormLayout* form) {
  m_steps = new QSpinBox(this);
  m_steps->setObjectName("stepsSpin");
  m_steps->setRange(1, 150);
  m_steps->setToolTip(tr("Denoising steps: more take longer and add detail, up to a point"));
  form->addRow(tr("Steps"), m_steps);
  m_guidance = new QDoubleSpinBox(this);
  m_guidance->setObjectName("guidanceSpin");
  m_guidance->setRange(1.0, 30.0);
  m_guidance->setSingleStep(0.5);
  m_guidance->setDecimals(2);
  m_guidance->setToolTip(tr("How closely the image follows the prompt (CFG scale); 5 to 9 is usual"));
  form->addRow(tr("Guidance scale"), m_guidance);
  m_sampler = new QComboBox(this);
  m_sampler->setObjectName("samplerCombo");
  // First, as the default: what diffusers runs when no scheduler is asked for.
  m_sampler->addItem(tr("Model default"), QString());
  m_sampler->setItemData(0, tr("The sampler the model folder names (its scheduler_config.json), with its settings"),
                         Qt::ToolTipRole);
  for (const std::string& name : schedulers::scheduler_names())
    m_sampler->addItem(QString::fromStdString(name), QString::fromStdString(name));
  form->addRow(tr("Sampler"), m_sampler);
  m_batchCount = new QSpinBox(this);
  m_batchCount->setObjectName("batchCountSpin");
  m_batchCount->setRange(1, 100);
  m_batchCount->setToolTip(tr("How many runs, one after the other"));
  form->addRow(tr("Batch count"), m_batchCount);
  m_batchSize = new QSpinBox(this);
  m_batchSize->setObjectName("batchSizeSpin");
  m_batchSize->setRange(1, 8);
  m_batchSize->setToolTip(tr("Images made together in one run: faster per image, more memory"));
  form->addRow(tr("Batch size"), m_batchSize);
  m_strength = new QDoubleSpinBox(this);
  m_strength->setObjectName("strengthSpin");
  // 0 would leave the image untouched, and the engine rejects it.
  m_strength->setRange(0.01, 1.0);
  m_strength->setSingleStep(0.05);
  m_strength->setDecimals(2);
  m_strength->setToolTip(tr("How much of the image is repainted: low keeps it close to the original, "
                            "1 starts from pure noise"));
  m_strengthLabel = new QLabel(tr("Denoising strength"), this);
  form->addRow(m_strengthLabel, m_strength);
}

void GenerationPanel::buildRefiner(QFormLayout* form) {
  m_refiner = new QComboBox(this);
  m_refiner->setObjectName("refinerCombo");
  m_refiner->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_refiner->setMinimumContentsLength(24);
  m_refinerLabel = new QLabel(tr("Refiner"), this);
  m_refinerLabel->setBuddy(m_refiner);
  form->addRow(m_refinerLabel, m_refiner);
  m_refinerSwitch = new QDoubleSpinBox(this);
  m_refinerSwitch->setObjectName("refinerSwitchSpin");
  // The engine takes a fraction strictly between 0 and 1 (both models must run).
  m_refinerSwitch->setRange(0.01, 0.99);
  m_refinerSwitch->setSingleStep(0.05);
  m_refinerSwitch->setDecimals(2);
  m_refinerSwitch->setToolTip(tr("Where the refiner takes over, as a fraction of the denoising: 0.8 leaves it the "
                                 "last fifth (AUTOMATIC1111's \"Refiner switch at\")"));
  m_refinerSwitchLabel = new QLabel(tr("Switch at"), this);
  m_refinerSwitchLabel->setBuddy(m_refinerSwitch);
  form->addRow(m_refinerSwitchLabel, m_refinerSwitch);
  fillRefiners();
  connect(m_refiner, &QComboBox::activated, this, [this] { m_wantedRefiner.clear(); });
  connect(m_refiner, &QComboBox::currentIndexChanged, this, [this] {
    updateRefinerControls();
    emit shapeChanged();  // a refiner's weights count in the run's memory
  });
}

QWidget* GenerationPanel::buildButtons() {
  auto* row = new QWidget(this);
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  m_generate = new QPushButton(tr("Generate"), row);
  m_generate->setObjectName("generateButton");
  m_generate->setToolTip(tr("Generate (Ctrl+Return)"));
  m_cancel = new QPushButton(tr("Cancel"), row);
  m_cancel->setObjectName("cancelButton");
  m_cancel->setToolTip(tr("Stop the run after the current step (Esc)"));
  m_cancel->setEnabled(false);
  layout->addWidget(m_generate, 1);
  layout->addWidget(m_cancel);
  connect(m_generate, &QPushButton::clicked, this, &GenerationPanel::generateRequested);
  connect(m_cancel, &QPushButton::clicked, this, &GenerationPanel::cancelRequested);
  return row;
}

GenerationSettings GenerationPanel::settings() const {
  GenerationSettings s;
  s.prompt = m_prompt.edit->toPlainText();
  s.negativePrompt = m_negative.edit->toPlainText();
  s.seed = m_seed;
  s.seedMode = m_randomSeed->isChecked() ? SeedMode::Random : SeedMode::Fixed;
  s.width = m_width->value();
  s.height = m_height->value();
  s.steps = m_steps->value();
  s.guidance = m_guidance->value();
  s.sampler = m_sampler->currentData().toString();
  s.batchCount = m_batchCount->value();
  s.batchSize = m_batchSize->value();
  s.mode = mode();
  s.strength = m_strength->value();
  s.refiner = m_refiner->currentData().toString();
  if (s.refiner.isEmpty() && m_libraryLoading) s.refiner = m_wantedRefiner;
  s.refinerSwitch = m_refinerSwitch->value();
  s.vae = currentVae();
  if (s.vae.isEmpty() && m_libraryLoading) s.vae = m_wantedVae;
  s.model = m_wantedModel.isEmpty() ? currentModelFolder() : m_wantedModel;
  s.plainPrompts = m_plainPrompts->isChecked();
  m_hires->store(s);
  return s;
}

void GenerationPanel::setSettings(const GenerationSettings& s) {
  // The model first: a family change moves a default size, and the size below is the one wanted.
  if (const QString model = QDir::cleanPath(s.model); !s.model.isEmpty()) {
    if (modelPaths().contains(model)) {
      m_wantedModel.clear();
      selectModel(model);
    } else if (m_libraryLoading) {
      m_wantedModel = model;
    }
  }
  m_prompt.edit->setPlainText(s.prompt);
  m_negative.edit->setPlainText(s.negativePrompt);
  setSeed(std::max<qint64>(s.seed, 0));
  m_randomSeed->setChecked(s.seedMode == SeedMode::Random);
  m_width->setValue(s.width);
  m_height->setValue(s.height);
  m_steps->setValue(s.steps);
  m_guidance->setValue(s.guidance);
  // A sampler this engine does not know keeps the current one (the parameters bridge maps names).
  if (const int sampler = s.sampler.isEmpty() ? 0 : m_sampler->findData(s.sampler); sampler >= 0)
    m_sampler->setCurrentIndex(sampler);
  m_batchCount->setValue(s.batchCount);
  m_batchSize->setValue(s.batchSize);
  m_strength->setValue(s.strength);
  // A refiner or VAE that is not listed (any more) is none; one the library lists later is taken then.
  const int refiner = s.refiner.isEmpty() ? 0 : m_refiner->findData(QDir::cleanPath(s.refiner));
  m_refiner->setCurrentIndex(std::max(refiner, 0));
  m_wantedRefiner = refiner < 0 ? QDir::cleanPath(s.refiner) : QString();
  const int vae = s.vae.isEmpty() ? 0 : m_vae->findData(QDir::cleanPath(s.vae));
  m_vae->setCurrentIndex(std::max(vae, 0));
  m_wantedVae = vae < 0 ? QDir::cleanPath(s.vae) : QString();
  m_refinerSwitch->setValue(s.refinerSwitch);
  m_plainPrompts->setChecked(s.plainPrompts);
  m_hires->load(s);
  m_hires->setBaseSize(s.width, s.height);
  if (const int mode = m_mode->findData(s.mode); mode >= 0) m_mode->setCurrentIndex(mode);
  showStrengthRow();
  updateModeControls();
  updateRefinerControls();
}

void GenerationPanel::fillRequest(pipelines::GenerationRequest& request) const {
  const GenerationSettings s = settings();
  request.pipeline = pipelineKind(s.mode);
  request.model_dir = currentModelFolder().toStdString();
  // The hash as far as the library knows it now: a request never waits for a hash.
  const ModelEntry* model = entryFor(currentModelFolder());
  request.model_hash = model ? model->shortHash().toStdString() : std::string();
  const ModelEntry* vae = entryFor(currentVae());
  request.vae = currentVae().toStdString();
  request.vae_hash = vae ? vae->shortHash().toStdString() : std::string();
  request.prompt = s.prompt.toStdString();
  request.negative_prompt = s.negativePrompt.toStdString();
  request.plain_prompts = s.plainPrompts;
  // A1111's "Lora hashes" / "TI hashes": whichever of these the prompt uses.
  for (const ModelEntry& e : m_library)
    if ((e.isLora() || e.isEmbedding()) && !e.sha256.isEmpty())
      request.network_hashes[e.path.toStdString()] = networkShortHash(e.sha256).toStdString();
  request.seed = drawSeed(s);
  request.width = s.width;
  request.height = s.height;
  request.steps = s.steps;
  request.guidance_scale = s.guidance;
  request.sampler = s.sampler.toStdString();
  request.num_images = s.batchSize;
  request.strength = s.strength;
  request.refiner_dir = currentRefinerFolder().toStdString();
  request.refiner_switch = s.refinerSwitch;
  if (request.pipeline == pipelines::PipelineKind::kTxt2Img) request.hires = m_hires->hires();
}

void GenerationPanel::fillRequest(pipelines::IFRequest& request) const {
  const GenerationSettings s = settings();
  request.prompt = s.prompt.toStdString();
  request.negative_prompt = s.negativePrompt.toStdString();
  request.seed = drawSeed(s);
  request.num_images = s.batchSize;
}

quint64 GenerationPanel::drawSeed(const GenerationSettings& s) const {
  m_lastSeedUsed = s.seedMode == SeedMode::Random ? QRandomGenerator::global()->generate() : quint64(s.seed);
  return m_lastSeedUsed;
}

int GenerationPanel::batchCount() const { return m_batchCount->value(); }

QString GenerationPanel::mode() const { return m_mode->currentData().toString(); }

void GenerationPanel::setTokenizer(std::shared_ptr<const text::CLIPTokenizer> tokenizer) {
  m_tokenizer = std::move(tokenizer);
  updateTokenCounts();
}

void GenerationPanel::updateTokenCounts() {
  if (!m_prompt.count || !m_negative.count) return;  // still being built
  updateTokenCount(m_prompt);
  updateTokenCount(m_negative);
}

void GenerationPanel::updateTokenCount(const PromptBox& box) {
  const QString text = box.edit->toPlainText();
  const bool plain = m_plainPrompts && m_plainPrompts->isChecked();
  const auto& tokenizer = m_tokenizer ? *m_tokenizer : builtinTokenizer();
  int tokens = 0;
  try {
    tokens = pipelines::prompt_token_count(text.toStdString(), tokenizer, m_steps ? m_steps->value() : 20, plain);
  } catch (const std::exception&) {
    // A counter is no reason to fail.
  }
  const int window = text::kChunkTokens;
  // Plain prompts are one 77-token window (diffusers): what is past 75 tokens is cut, and said so in
  // red. A1111's syntax reads every chunk of 75: nothing is cut, however long.
  const bool over = plain && tokens > window;
  box.count->setText(plain ? (over ? tr("%1/%2 (%3 ignored)").arg(tokens).arg(window).arg(tokens - window)
                                   : tr("%1/%2").arg(tokens).arg(window))
                           : QString::fromStdString(text::token_counter_text(tokens)));
  QFont font = box.count->font();
  font.setBold(over);
  box.count->setFont(font);
  box.count->setStyleSheet(over ? QStringLiteral("color: #c0392b;") : QString());
  box.count->setToolTip(
      plain ? (over ? tr("Plain prompts: the model reads only the first %1 tokens; the %2 tokens past %1 are ignored. "
                         "Shorten the prompt, or turn Plain prompts off to read it all in chunks of %1.")
                          .arg(window)
                          .arg(tokens - window)
                    : tr("Tokens in this prompt; with plain prompts the model reads the first %1 and ignores the "
                         "rest.").arg(window))
            : tr("Tokens in this prompt, and the chunks of %1 the text encoder reads it in (AUTOMATIC1111's count: "
                 "a chunk ends early at a comma or BREAK). Every chunk is read: nothing is cut.").arg(window));
}

QList<ModelEntry> GenerationPanel::networkEntries() const {
  QList<ModelEntry> out;
  for (const ModelEntry& e : m_library)
    if (e.isLora() || e.isEmbedding()) out << e;
  return out;
}

QStringList GenerationPanel::loraNames() const {
  QStringList names;
  for (const ModelEntry& e : m_loras) names << QFileInfo(e.path).completeBaseName();
  return names;
}

void GenerationPanel::insertLora(const QString& name) {
  QTextCursor cursor = m_prompt.edit->textCursor();
  const QString before = m_prompt.edit->toPlainText().left(cursor.position());
  const bool space = !before.isEmpty() && !before.back().isSpace();
  cursor.insertText((space ? QStringLiteral(" ") : QString()) + QStringLiteral("<lora:%1:1>").arg(name));
  m_prompt.edit->setTextCursor(cursor);
  m_prompt.edit->setFocus();
}

// Before any run: the LoRAs the prompt names that the library's Lora folder does not have (the run
// would stop on them).
void GenerationPanel::updateMissingLoras() {
  QStringList missing;
  if (!m_libraryLoading) {
    const QStringList have = loraNames();
    try {
      for (const auto& tag : networks::parse_extra_networks(m_prompt.edit->toPlainText().toStdString()).loras) {
        const QString name = QString::fromStdString(tag.name);
        if (!have.contains(name) && !missing.contains(name)) missing << name;
      }
    } catch (const std::exception& e) {
      missing.clear();
      m_missingLoras->setText(QString::fromUtf8(e.what()));
      m_missingLoras->show();
      return;
    }
  }
  m_missingLoras->setText(tr("Not in the library's Lora folder: %1").arg(missing.join(QStringLiteral(", "))));
  m_missingLoras->setVisible(!missing.isEmpty());
}

void GenerationPanel::fillLoraMenu() {
  QMenu* menu = m_loraButton->menu();
  menu->clear();
  for (const ModelEntry& e : std::as_const(m_loras)) {
    const QString name = QFileInfo(e.path).completeBaseName();
    QAction* action = menu->addAction(e.family ? tr("%1 — %2").arg(name, ModelLibrary::familyName(*e.family)) : name);
    action->setToolTip(e.path);
    connect(action, &QAction::triggered, this, [this, name] { insertLora(name); });
  }
  if (m_loras.isEmpty()) menu->addAction(tr("No LoRA in the library's Lora folder"))->setEnabled(false);
  updateMissingLoras();
}

void GenerationPanel::setSeed(qint64 seed) {
  m_seed = seed;
  m_seedEdit->setText(QString::number(seed));
}

void GenerationPanel::onSeedEdited(const QString& text) {
  if (text == QLatin1String("-1")) {
    m_randomSeed->setChecked(true);
    setSeed(m_seed);
    return;
  }
  if (text.isEmpty() || text == QLatin1String("-")) return;  // still typing
  bool ok = false;
  qint64 seed = text.toLongLong(&ok);
  if (!ok) {  // 19 digits past the 63-bit range
    seed = std::numeric_limits<qint64>::max();
    m_seedEdit->setText(QString::number(seed));
  }
  m_seed = seed;
  m_randomSeed->setChecked(false);  // typing a seed means wanting that seed
}

void GenerationPanel::rollDice() {
  qint64 seed = m_seed;
  while (seed == m_seed) seed = QRandomGenerator::global()->generate();
  setSeed(seed);
  m_randomSeed->setChecked(false);
}

void GenerationPanel::setLastSeed(quint64 seed) {
  m_lastSeed = static_cast<qint64>(std::min<quint64>(seed, std::numeric_limits<qint64>::max()));
  m_reuseSeed->setEnabled(true);
  m_reuseSeed->setToolTip(tr("Reuse the seed of the last image (%1)").arg(m_lastSeed));
  // A drawn seed is shown in the field, where it can be read and copied (A1111 shows it in the
  // info): Random stays ticked, so the next run draws another; unticking it keeps this one.
  if (m_randomSeed->isChecked()) setSeed(m_lastSeed);
}

void GenerationPanel::snapSize(QSpinBox* spin, int value) {
  const int snapped = std::clamp((value + 4) / 8 * 8, int(kMinSize), int(kMaxSize));
  if (snapped != value) {
    spin->setValue(snapped);  // comes back here with the snapped value
    return;
  }
  syncPreset();
}

void GenerationPanel::applyPreset(int index) {
  const QSize size = m_sizePreset->itemData(index).toSize();
  if (!size.isValid()) return;  // "Custom" leaves the size as it is
  {
    const QSignalBlocker blockWidth(m_width), blockHeight(m_height);
    m_width->setValue(size.width());
    m_height->setValue(size.height());
  }
  emit shapeChanged();
}

// The sizes the listed family was trained at (pipelines::size_presets), then "Custom".
void GenerationPanel::fillPresets() {
  {
    const QSignalBlocker block(m_sizePreset);
    m_sizePreset->clear();
    for (const auto& [width, height] : pipelines::size_presets(m_presetFamily))
      m_sizePreset->addItem(tr("%1 × %2").arg(width).arg(height), QSize(width, height));
    m_sizePreset->addItem(tr("Custom"), QSize());
  }
  m_sizePreset->setToolTip(tr("The sizes %1 models were trained at: the square first, then each wider shape and "
                              "its taller twin")
                               .arg(ModelLibrary::familyName(m_presetFamily)));
  syncPreset();
}

// The preset shown follows the size, so that typing 768 × 768 selects that preset.
void GenerationPanel::syncPreset() {
  int index = m_sizePreset->findData(QSize(m_width->value(), m_height->value()));
  if (index < 0) index = m_sizePreset->count() - 1;
  const QSignalBlocker block(m_sizePreset);
  m_sizePreset->setCurrentIndex(index);
}

void GenerationPanel::onModeIndexChanged() {
  showStrengthRow();
  updateModeControls();
  updateRefinerControls();
  emit modeChanged(mode());
}

void GenerationPanel::showStrengthRow() {
  const bool fromImage = mode() == QLatin1String("img2img") || mode() == QLatin1String("inpaint");
  m_strengthLabel->setVisible(fromImage);
  m_strength->setVisible(fromImage);
  m_hires->setVisible(mode() == QLatin1String("txt2img"));  // A1111's Hires. fix is txt2img's
}

void GenerationPanel::updateModeControls() {
  const bool sd = mode() != kDeepFloydMode;
  for (QWidget* field : {m_modelRow, static_cast<QWidget*>(m_vae), m_sizeRow, static_cast<QWidget*>(m_steps),
                         static_cast<QWidget*>(m_guidance), static_cast<QWidget*>(m_sampler)}) {
    field->setEnabled(sd);
    if (QWidget* label = m_form->labelForField(field)) label->setEnabled(sd);
  }
  m_loraButton->setEnabled(sd);
  m_plainPrompts->setEnabled(sd);
  // T5 reads the prompt, not CLIP: CLIP's counts would mislead.
  m_prompt.count->setVisible(sd);
  m_negative.count->setVisible(sd);
}

const ModelEntry* GenerationPanel::entryFor(const QString& path) const {
  if (const auto it = m_added.constFind(path); it != m_added.constEnd()) return &*it;
  if (const auto it = m_libraryIndex.constFind(path); it != m_libraryIndex.constEnd()) return &m_library[*it];
  return nullptr;
}

QStringList GenerationPanel::modelPaths() const {
  QStringList paths = m_addedOrder;
  for (const ModelEntry& e : m_library) {
    // Unreadable files where checkpoints live are listed (marked), not dropped.
    const bool modelFolder = e.subfolder.isEmpty() || e.subfolder == ModelLibrary::kCheckpoints;
    const bool runsHere = e.isModel() && (!e.family || pipelines::is_latent_text_to_image(*e.family));
    if ((runsHere || (!e.readable() && modelFolder)) && !m_added.contains(e.path)) paths << e.path;
  }
  return paths;
}

QList<ModelEntry> GenerationPanel::modelEntries() const {
  QList<ModelEntry> entries;
  for (const QString& path : modelPaths()) entries << *entryFor(path);
  return entries;
}

QList<ModelEntry> GenerationPanel::vaeEntries() const {
  QList<ModelEntry> entries;
  for (const ModelEntry& e : m_library)
    if (e.isVae()) entries << e;
  return entries;
}

namespace {

// Every word of the search in the entry's name or kind ("xl lora", "inpainting"), case aside.
bool matchesSearch(const ModelEntry& e, const QString& search) {
  const QString text = e.name + QLatin1Char(' ') + ModelLibrary::kindLabel(e) + QLatin1Char(' ') + e.shortHash();
  const QStringList words = search.split(QLatin1Char(' '), Qt::SkipEmptyParts);
  return std::all_of(words.begin(), words.end(), [&](const QString& w) { return text.contains(w, Qt::CaseInsensitive); });
}

}  // namespace

bool GenerationPanel::fillModels() {
  const QString current = currentModelFolder();
  const QString search = m_modelSearch->text().trimmed();
  {
    const QSignalBlocker block(m_model);
    m_model->clear();
    for (const QString& path : modelPaths()) {
      const ModelEntry& e = *entryFor(path);
      if (path != current && !matchesSearch(e, search)) continue;
      m_model->addItem(ModelLibrary::title(e), path);
      m_model->setItemData(m_model->count() - 1, ModelLibrary::toolTip(e), Qt::ToolTipRole);
    }
    // No data: the entry that adds a folder rather than naming one.
    m_model->addItem(tr("Add folder…"));
    const int kept = m_model->findData(current);
    m_model->setCurrentIndex(kept >= 0 ? kept : 0);
    m_modelIndex = m_model->currentIndex();
  }
  m_removeModel->setEnabled(m_added.contains(currentModelFolder()));
  return currentModelFolder() != current;
}

void GenerationPanel::setModelFolders(const QStringList& folders) {
  const QString current = currentModelFolder();
  m_addedOrder.clear();
  m_added.clear();
  for (const QString& folder : folders) {
    const QString path = QDir::cleanPath(folder);
    if (path.isEmpty() || m_added.contains(path)) continue;
    ModelEntry e = ModelLibrary::classify(path);  // read again: a folder may have been fixed since
    if (const auto it = m_libraryIndex.constFind(path); it != m_libraryIndex.constEnd()) {
      const ModelEntry& known = m_library[*it];
      if (known.size == e.size && known.mtimeMs == e.mtimeMs) e.sha256 = known.sha256;
    }
    m_addedOrder << path;
    m_added.insert(path, e);
  }
  fillModels();
  fillRefiners();
  modelChanged();
  if (currentModelFolder() != current) emit currentModelFolderChanged(currentModelFolder());
}

QStringList GenerationPanel::modelFolders() const { return m_addedOrder; }

void GenerationPanel::setLibraryEntries(const QList<ModelEntry>& entries) {
  const QString current = currentModelFolder();
  m_library = entries;
  m_loras.clear();
  for (const ModelEntry& e : entries)
    if (e.isLora()) m_loras << e;
  m_libraryIndex.clear();
  for (qsizetype i = 0; i < m_library.size(); ++i) m_libraryIndex.insert(m_library[i].path, i);
  m_libraryLoading = false;
  fillLoraMenu();
  fillModels();
  fillRefiners();
  fillVaes();
  m_hires->setLibraryEntries(entries);
  modelChanged();
  if (currentModelFolder() != current) emit currentModelFolderChanged(currentModelFolder());
  if (!m_wantedModel.isEmpty()) setCurrentModelFolder(std::exchange(m_wantedModel, QString()));
}

void GenerationPanel::setLibraryLoading(bool loading) { m_libraryLoading = loading; }

void GenerationPanel::setEntryHash(const QString& path, const QString& sha256) {
  ModelEntry* e = nullptr;
  if (auto it = m_libraryIndex.constFind(path); it != m_libraryIndex.constEnd()) {
    m_library[*it].sha256 = sha256;
    e = &m_library[*it];
  }
  if (auto it = m_added.find(path); it != m_added.end()) {
    it->sha256 = sha256;
    e = &*it;
  }
  if (!e) return;
  for (QComboBox* combo : {m_model, m_refiner, m_vae}) {
    if (const int i = combo->findData(path); i >= 0) {
      combo->setItemText(i, ModelLibrary::title(*e));
      combo->setItemData(i, ModelLibrary::toolTip(*e), Qt::ToolTipRole);
    }
  }
}

QString GenerationPanel::currentModelFolder() const { return m_model->currentData().toString(); }

void GenerationPanel::selectModel(const QString& path) {
  if (path == currentModelFolder()) return;
  if (m_model->findData(path) < 0) fillModels();  // hidden by the search: listed again as the current one
  {
    const QSignalBlocker block(m_model);
    m_model->setCurrentIndex(m_model->findData(path));
    m_modelIndex = m_model->currentIndex();
  }
  fillModels();  // the search hides the previous one now
  modelChanged();
  emit currentModelFolderChanged(path);
}

// A folder that is not in the list yet (a current model the settings remember) is added to it;
// while the library's first scan runs, it waits for the scan.
void GenerationPanel::setCurrentModelFolder(const QString& folder) {
  const QString path = QDir::cleanPath(folder);
  if (path.isEmpty()) return;
  if (!modelPaths().contains(path)) {
    if (m_libraryLoading) {
      m_wantedModel = path;
      return;
    }
    setModelFolders(modelFolders() << path);
    emit modelFoldersChanged(modelFolders());
  }
  m_wantedModel.clear();
  if (m_model->findData(path) < 0) fillModels();
  if (path == currentModelFolder()) return;
  selectModel(path);
}

void GenerationPanel::setFolderChooser(FolderChooser chooser) { m_chooseFolder = std::move(chooser); }

int GenerationPanel::modelCount() const { return m_model->count() - 1; }

void GenerationPanel::onModelActivated(int index) {
  if (index >= modelCount()) {
    addModelFolder();
    return;
  }
  if (index == m_modelIndex) return;
  m_modelIndex = index;
  m_wantedModel.clear();
  const QString path = currentModelFolder();
  fillModels();  // the search may hide the previous one now
  modelChanged();
  emit currentModelFolderChanged(path);
}

std::optional<ModelFamily> GenerationPanel::currentModelFamily() const {
  const ModelEntry* e = entryFor(currentModelFolder());
  return e ? e->family : std::nullopt;
}

void GenerationPanel::modelChanged() {
  const auto family = currentModelFamily();
  // An unreadable model (or none) keeps the presets listed.
  if (family && pipelines::size_presets(*family) != pipelines::size_presets(m_presetFamily)) {
    // The size follows the family only while it is the previous family's default: a size the user
    // chose stays.
    const auto [oldWidth, oldHeight] = pipelines::size_presets(m_presetFamily).front();
    const bool atDefault = m_width->value() == oldWidth && m_height->value() == oldHeight;
    m_presetFamily = *family;
    fillPresets();
    if (atDefault) {
      const auto [width, height] = pipelines::size_presets(*family).front();
      {
        const QSignalBlocker blockWidth(m_width), blockHeight(m_height);
        m_width->setValue(width);
        m_height->setValue(height);
      }
      syncPreset();
      emit shapeChanged();
    }
  } else if (family && *family != m_presetFamily) {
    m_presetFamily = *family;  // the same sizes (SDXL and its refiner): only the tooltip's name
    fillPresets();
  }
  updateRefinerControls();
  updateDefaultSamplerText();
}

void GenerationPanel::updateDefaultSamplerText() {
  const ModelEntry* e = entryFor(currentModelFolder());
  const QString sampler = e ? e->sampler : QString();
  m_sampler->setItemText(0, sampler.isEmpty() ? tr("Model default") : tr("Model default (%1)").arg(sampler));
}

QStringList GenerationPanel::refinerFolders() const {
  QStringList folders;
  for (int i = 1; i < m_refiner->count(); ++i) folders << m_refiner->itemData(i).toString();
  return folders;
}

void GenerationPanel::fillRefiners() {
  QString current = m_refiner->currentData().toString();
  if (current.isEmpty()) current = m_wantedRefiner;
  {
    const QSignalBlocker block(m_refiner);
    m_refiner->clear();
    m_refiner->addItem(tr("None"), QString());
    for (const QString& path : modelPaths()) {
      const ModelEntry& e = *entryFor(path);
      if (!e.isModel() || !e.family || !pipelines::is_sdxl(*e.family) || e.inpainting) continue;
      m_refiner->addItem(ModelLibrary::title(e), path);
      m_refiner->setItemData(m_refiner->count() - 1, ModelLibrary::toolTip(e), Qt::ToolTipRole);
    }
    const int kept = current.isEmpty() ? 0 : m_refiner->findData(current);
    m_refiner->setCurrentIndex(std::max(kept, 0));
    if (kept > 0) m_wantedRefiner.clear();
  }
  updateRefinerControls();
}

void GenerationPanel::fillVaes() {
  QString current = m_vae->currentData().toString();
  if (current.isEmpty()) current = m_wantedVae;
  {
    const QSignalBlocker block(m_vae);
    m_vae->clear();
    m_vae->addItem(tr("Automatic"), QString());
    m_vae->setItemData(0, tr("The model's own VAE"), Qt::ToolTipRole);
    for (const ModelEntry& e : vaeEntries()) {
      m_vae->addItem(ModelLibrary::title(e), e.path);
      m_vae->setItemData(m_vae->count() - 1, ModelLibrary::toolTip(e), Qt::ToolTipRole);
    }
    const int kept = current.isEmpty() ? 0 : m_vae->findData(current);
    m_vae->setCurrentIndex(std::max(kept, 0));
    if (kept > 0) m_wantedVae.clear();
  }
}

QString GenerationPanel::currentVae() const { return m_vae->currentData().toString(); }

bool GenerationPanel::refinerAvailable() const {
  const auto family = currentModelFamily();
  return family == ModelFamily::kSDXL && (mode() == QLatin1String("txt2img") || mode() == QLatin1String("img2img"));
}

QString GenerationPanel::currentRefinerFolder() const {
  return refinerAvailable() ? m_refiner->currentData().toString() : QString();
}

void GenerationPanel::updateRefinerControls() {
  if (!m_refiner) return;  // still being built
  const bool available = refinerAvailable();
  m_refinerLabel->setEnabled(available);
  m_refiner->setEnabled(available);
  const bool picked = !currentRefinerFolder().isEmpty();
  m_refinerSwitchLabel->setEnabled(picked);
  m_refinerSwitch->setEnabled(picked);
  m_refiner->setToolTip(available ? tr("An SDXL refiner finishes the image: the base model denoises up to the switch "
                                       "point, the refiner does the rest")
                                  : tr("A refiner follows an SDXL base model, in text to image or image to image"));
}

void GenerationPanel::addModelFolder() {
  const QString chosen = m_chooseFolder ? m_chooseFolder(this) : QString();
  {
    // Off "Add folder…" first: back to the folder that was selected, or on to the new one below.
    const QSignalBlocker block(m_model);
    m_model->setCurrentIndex(m_modelIndex);
  }
  if (chosen.isEmpty()) return;
  // Checked now (a header read, no weights), not first at Generate: what is no model is not listed.
  const QString problem = ModelLibrary::modelProblem(ModelLibrary::classify(chosen));
  m_modelError->setText(problem);
  m_modelError->setVisible(!problem.isEmpty());
  if (problem.isEmpty()) setCurrentModelFolder(chosen);
}

void GenerationPanel::removeModelFolder(const QString& folder) {
  const QString path = QDir::cleanPath(folder);
  if (!m_added.contains(path)) return;
  QStringList folders = modelFolders();
  folders.removeAll(path);
  m_modelError->hide();
  setModelFolders(folders);
  emit modelFoldersChanged(modelFolders());
}

void GenerationPanel::setBusy(bool busy) {
  // Disabling the focused button hands focus to the next field in the chain (the Mask blur box,
  // where a key would change it): the prompt takes it while busy, Generate gets it back after.
  QPushButton* enabled = busy ? m_cancel : m_generate;
  QPushButton* disabled = busy ? m_generate : m_cancel;
  enabled->setEnabled(true);
  if (disabled->hasFocus()) (busy ? static_cast<QWidget*>(m_prompt.edit) : m_generate)->setFocus(Qt::OtherFocusReason);
  disabled->setEnabled(false);
}

}  // namespace gesso::ui
