#include "ui/main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QShortcut>
#include <QStyle>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include "engine/error.h"
#include "engine/pipelines/generation_request.h"
#include "engine/pipelines/hires_fix.h"
#include "engine/pipelines/model_footprint.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/runtime/device.h"
#include "engine/text/clip_tokenizer.h"
#include "engine/version.h"
#include "ui/benchmark_dialog.h"
#include "ui/controlnet_panel.h"
#include "ui/deepfloyd_panel.h"
#include "ui/engine_worker.h"
#include "ui/generation_panel.h"
#include "ui/history_panel.h"
#include "ui/history_store.h"
#include "ui/image_view.h"
#include "ui/inpaint_panel.h"
#include "ui/mask_canvas.h"
#include "ui/mask_tools_bar.h"
#include "ui/wheel_guard.h"
#include "ui/model_library.h"
#include "ui/model_library_dialog.h"
#include "ui/mode_check.h"
#include "ui/outpaint_panel.h"
#include "ui/optimization_panel.h"
#include "ui/output_naming.h"
#include "ui/parameters_bridge.h"
#include "ui/qt_image.h"
#include "ui/queue_panel.h"
#include "ui/readout_bar.h"
#include "ui/result_saver.h"
#include "ui/settings_store.h"
#include "ui/upscale_dialog.h"

// The icons live in gesso_ui, a static library: its resources must be registered by hand.
static void initResources() { Q_INIT_RESOURCE(gesso); }

namespace gesso::ui {
namespace {

// The settings store's groups of the DeepFloyd panel and of the upscale dialog.
const QString kDeepFloydGroup = QStringLiteral("DeepFloyd");
const QString kUpscaleGroup = QStringLiteral("Upscale");

}  // namespace

MainWindow::Paths MainWindow::defaultPaths() {
  return {SettingsStore::defaultPath(), HistoryStore::defaultPath(), ModelHashCache::defaultPath()};
}

MainWindow::MainWindow(const Paths& paths, QWidget* parent)
    : QMainWindow(parent),
      m_settings(std::make_unique<SettingsStore>(paths.settings)),
      m_historyStore(std::make_unique<HistoryStore>(paths.history)),
      m_saver(std::make_unique<ResultSaver>(*m_historyStore)),
      m_engine(std::make_unique<EngineThread>()),
      m_library(std::make_unique<ModelLibrary>(paths.modelHashes.isEmpty() ? ModelHashCache::defaultPath()
                                                                           : paths.modelHashes)) {
  initResources();
  setObjectName("MainWindow");
  setWindowTitle(tr("Gesso"));
  setWindowIcon(QIcon(":/gesso/icons/gesso.svg"));
  setAcceptDrops(true);
  resize(1440, 900);
  buildCentral();
  buildDocks();
  buildMenus();
  buildShortcuts();
  connectWorker();
  connectLibrary();
  loadSettings();
  const BuildInfo info = build_info();
  statusBar()->showMessage(
      tr("LibTorch %1 · %2").arg(QString::fromStdString(info.torch_version), QString::fromStdString(info.device_name)));
  if (!m_historyStore->isOpen()) showError(tr("The history is unavailable: %1").arg(m_historyStore->lastError()));
}

MainWindow::~MainWindow() = default;  // the engine thread is cancelled and joined by its owner

EngineWorker* MainWindow::engineWorker() const { return m_engine->worker(); }

void MainWindow::buildCentral() {
  m_view = new ImageView(this);
  m_canvas = new MaskCanvas(this);
  m_canvas->setObjectName("maskCanvas");
  auto* source = new QWidget(this);
  auto* sourceLayout = new QVBoxLayout(source);
  sourceLayout->setContentsMargins(0, 0, 0, 0);
  sourceLayout->addWidget(new MaskToolsBar(m_canvas, source));
  sourceLayout->addWidget(m_canvas, 1);
  m_tabs = new QTabWidget(this);
  m_tabs->setObjectName("centralTabs");
  m_tabs->addTab(m_view, tr("Result"));
  m_tabs->addTab(source, tr("Source image and mask"));
  m_readout = new ReadoutBar(this);
  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_tabs, 1);
  layout->addWidget(m_readout);
  setCentralWidget(central);
}

namespace {

// The most a left dock may ask for, and the least the right ones keep: with the centre's own
// minimum, a 1024 px wide window still fits.
constexpr int kMaxDockMinimum = 470;
constexpr int kRightDockMinimum = 200;

QDockWidget* dock(QMainWindow* window, const QString& title, const QString& name, QWidget* content) {
  auto* d = new QDockWidget(title, window);
  d->setObjectName(name);  // saveState() needs it
  auto* scroll = new QScrollArea(d);
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  // As wide as the form asks, up to kMaxDockMinimum: a wider minimum (the ControlNet unit's, 591 px)
  // held the window at more than 1024 px and squeezed the history (issue 18, item 2). A form
  // wider than its dock scrolls sideways rather than being cut off.
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  const int wanted = content->sizeHint().width() + scroll->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 4;
  scroll->setMinimumWidth(std::min(wanted, kMaxDockMinimum));
  WheelGuard::install(content);  // the wheel scrolls the panel, not the field under the pointer
  d->setWidget(scroll);
  return d;
}

}  // namespace

void MainWindow::buildDocks() {
  m_generation = new GenerationPanel(this);
  m_inpaint = new InpaintPanel(this);
  m_controlNet = new ControlNetPanel(this);
  m_controlNet->setObjectName("controlNetPanel");
  m_deepFloyd = new DeepFloydPanel(this);
  m_deepFloyd->hide();
  m_optimization = new OptimizationPanel(this);
  m_history = new HistoryPanel(*m_historyStore, this);
  auto* form = new QWidget(this);
  auto* formLayout = new QVBoxLayout(form);
  formLayout->addWidget(m_generation);
  formLayout->addWidget(m_inpaint);
  m_outpaint = new OutpaintPanel(m_canvas, this);
  formLayout->addWidget(m_outpaint);
  formLayout->addWidget(m_deepFloyd);
  formLayout->addStretch(1);
  auto* generateDock = dock(this, tr("Generate"), "generateDock", form);
  auto* controlNetDock = dock(this, tr("ControlNet"), "controlNetDock", m_controlNet);
  auto* optimizeDock = dock(this, tr("Speed and memory"), "optimizationDock", m_optimization);
  addDockWidget(Qt::LeftDockWidgetArea, generateDock);
  addDockWidget(Qt::LeftDockWidgetArea, controlNetDock);
  addDockWidget(Qt::LeftDockWidgetArea, optimizeDock);
  tabifyDockWidget(generateDock, controlNetDock);
  tabifyDockWidget(controlNetDock, optimizeDock);
  generateDock->raise();
  auto* historyDock = new QDockWidget(tr("History"), this);
  historyDock->setObjectName("historyDock");
  historyDock->setWidget(m_history);
  historyDock->setMinimumWidth(kRightDockMinimum);  // it shrank to 50 px at 1024 px
  addDockWidget(Qt::RightDockWidgetArea, historyDock);
  m_queue = new GenerationQueue(this);
  m_queuePanel = new QueuePanel(*m_queue, this);
  auto* queueDock = new QDockWidget(tr("Queue"), this);
  queueDock->setObjectName("queueDock");
  queueDock->setWidget(m_queuePanel);
  queueDock->setMinimumWidth(kRightDockMinimum);
  addDockWidget(Qt::RightDockWidgetArea, queueDock);
  splitDockWidget(historyDock, queueDock, Qt::Vertical);
  resizeDocks({historyDock, queueDock}, {600, 200}, Qt::Vertical);
  resizeDocks({generateDock, historyDock}, {380, 320}, Qt::Horizontal);

  connect(m_generation, &GenerationPanel::generateRequested, this, &MainWindow::generate);
  connect(m_generation, &GenerationPanel::cancelRequested, this, &MainWindow::cancel);
  connect(m_generation, &GenerationPanel::modeChanged, this, &MainWindow::onModeChanged);
  connect(m_outpaint, &OutpaintPanel::failed, this, &MainWindow::showError);
  connect(m_outpaint, &OutpaintPanel::extended, this, &MainWindow::onCanvasExtended);
  connect(m_generation, &GenerationPanel::shapeChanged, this, &MainWindow::updateEstimate);
  connect(m_generation, &GenerationPanel::currentModelFolderChanged, this, &MainWindow::onModelChanged);
  connect(m_generation, &GenerationPanel::modelFoldersChanged, this, [this](const QStringList& folders) {
    m_settings->setModelFolders(folders);
  });
  connect(m_optimization, &OptimizationPanel::optionsChanged, this, &MainWindow::updateEstimate);
  connect(m_history, &HistoryPanel::failed, this, &MainWindow::showError);
  connect(m_history, &HistoryPanel::parametersReused, this, [this](const QString& text) {
    QString error;
    QStringList notes;
    const ModelChoices choices{m_generation->refinerFolders(), m_generation->modelEntries(), m_generation->vaeEntries(),
                              m_generation->networkEntries()};
    if (auto s = settingsFromParameters(text, &error, m_generation->settings(), &notes, choices)) {
      // "Reuse parameters": the image's mode too (Hires. fix is in the settings).
      if (const QString mode = modeFromParameters(text); !mode.isEmpty()) s->mode = mode;
      m_generation->setSettings(*s);
      if (const auto options = inpaintOptionsFromParameters(text, &notes)) m_inpaint->setOptions(*options);
      restoreControlUnits(text, &notes);
      if (!notes.isEmpty()) statusBar()->showMessage(notes.join(' '));
    } else {
      showError(error);
    }
  });
  connect(m_history, &HistoryPanel::imageSentToImg2Img, this, [this](const QImage& image) { setSourceImage(image, "img2img"); });
  connect(m_history, &HistoryPanel::imageSentToInpaint, this, [this](const QImage& image) { setSourceImage(image, "inpaint"); });
  connect(m_history, &HistoryPanel::upscaleRequested, this, &MainWindow::upscaleImage);
  connect(m_view, &ImageView::upscaleRequested, this, &MainWindow::upscaleImage);
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open source image…"), this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open image"), QString(),
                                                      tr("Images (*.png *.jpg *.jpeg *.webp *.bmp)"));
    if (!path.isEmpty()) openSourceImage(path);
  }, QKeySequence::Open);
  file->addAction(tr("&Restore parameters from PNG…"), this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Restore parameters"), QString(), tr("PNG images (*.png)"));
    if (!path.isEmpty()) restoreParameters(path);
  });
  file->addAction(tr("Send result to &image to image"), this, [this] { setSourceImage(m_view->currentImage(), "img2img"); });
  file->addAction(tr("Send result to i&npaint"), this, [this] { setSourceImage(m_view->currentImage(), "inpaint"); });
  file->addAction(tr("&Upscale result x4…"), this, [this] { upscaleImage(m_view->currentImage(), m_view->currentParameters()); });
  file->addSeparator();
  file->addAction(tr("&Output folder…"), this, &MainWindow::chooseOutputFolder);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* settings = menuBar()->addMenu(tr("&Settings"));
  settings->addAction(tr("&Model library…"), this, &MainWindow::showModelLibrary);
  settings->addAction(tr("&Rescan models"), this, &MainWindow::rescanModels);
  settings->addSeparator();
  QMenu* language = settings->addMenu(tr("&Language"));
  auto* group = new QActionGroup(language);
  const QList<QPair<QString, QString>> languages = {
      {tr("System language"), ""}, {QStringLiteral("English"), "en"}, {QStringLiteral("Deutsch"), "de"},
      {QStringLiteral("简体中文"), "zh_CN"}};
  for (const auto& [name, code] : languages) {
    QAction* a = language->addAction(name, this, [this, code] { setLanguage(code); });
    a->setCheckable(true);
    a->setChecked(m_settings->language() == code);
    group->addAction(a);
  }

  m_previewAction = settings->addAction(previewMenuText(m_settings->previewInterval()), this, [this] {
    bool ok = false;
    const int n = QInputDialog::getInt(this, tr("Step previews"),
                                       tr("Show a preview every N steps (%1 by default; 1: every step; 0: none). "
                                          "Each preview waits for the GPU, which costs a little speed:")
                                           .arg(SettingsStore::kDefaultPreviewInterval),
                                       m_settings->previewInterval(), 0, 1000, 1, &ok);
    if (!ok) return;
    m_settings->setPreviewInterval(n);
    m_engine->worker()->setPreviewInterval(n);
    m_previewAction->setText(previewMenuText(n));
    saveSettings();
  });
  m_previewAction->setObjectName("previewIntervalAction");

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&Benchmark…"), this, [this] {
    // The models the form lists (hand-added ones too) and the library's ControlNets and IF stages.
    auto* dialog = new BenchmarkDialog(BenchmarkModels::fromEntries(m_generation->modelEntries() + m_library->entries()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);  // its destructor ends a run still going
    dialog->show();
  });
  help->addAction(tr("&About Gesso"), this, &MainWindow::showAbout);
}

// "Previews every 5 steps…": the menu says what is set (the README's default), not only "N".
QString MainWindow::previewMenuText(int steps) {
  if (steps == 0) return tr("&Previews: none…");
  return steps == 1 ? tr("&Previews: every step…") : tr("&Previews: every %1 steps…").arg(steps);
}

void MainWindow::buildShortcuts() {
  auto* go = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this, this, &MainWindow::generate);
  go->setContext(Qt::WindowShortcut);
  auto* goEnter = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), this, this, &MainWindow::generate);
  goEnter->setContext(Qt::WindowShortcut);
  // Esc belongs to the mask canvas while it has focus (it abandons the stroke in progress).
  auto* stop = new QShortcut(QKeySequence(Qt::Key_Escape), this, this, &MainWindow::cancel);
  stop->setContext(Qt::WindowShortcut);
}

void MainWindow::connectWorker() {
  EngineWorker* w = m_engine->worker();
  connect(w, &EngineWorker::stageChanged, this, [this](quint64 job, const QString& stage) {
    if (!m_pending.contains(job)) return;  // a cancelled item's, still stopping
    m_stage = stage;
    m_readout->setStage(stage);
  });
  connect(w, &EngineWorker::stepped, this, &MainWindow::onStep);
  connect(w, &EngineWorker::stageImages, this, &MainWindow::onStageImages);
  connect(w, &EngineWorker::noted, this, &MainWindow::onNote);
  connect(w, &EngineWorker::finished, this, &MainWindow::onFinished);
  connect(w, &EngineWorker::failed, this, &MainWindow::onFailed);
  connect(w, &EngineWorker::cancelled, this, &MainWindow::onCancelled);
}

void MainWindow::connectLibrary() {
  connect(m_library.get(), &ModelLibrary::entriesChanged, this, [this] {
    m_generation->setLibraryEntries(m_library->entries());
    m_controlNet->setLibraryEntries(m_library->entries());
    m_deepFloyd->setLibraryEntries(m_library->entries());
  });
  connect(m_library.get(), &ModelLibrary::hashComputed, m_generation, &GenerationPanel::setEntryHash);
  connect(m_library.get(), &ModelLibrary::hashComputed, m_controlNet, &ControlNetPanel::setEntryHash);
  // Units without an image of their own preview the source image (and the inpaint preprocessor its mask).
  connect(m_canvas, &MaskCanvas::maskChanged, this, &MainWindow::updateControlNetSource);
  connect(m_library.get(), &ModelLibrary::problem, this, [this](const QString& message) {
    statusBar()->showMessage(message);
  });
  connect(m_generation, &GenerationPanel::rescanRequested, this, &MainWindow::rescanModels);
}

void MainWindow::loadSettings() {
  restoreGeometry(m_settings->windowGeometry());
  restoreState(m_settings->windowState());
  // The scan reports through the event loop: what the settings remember waits for it.
  m_library->setFolders(m_settings->modelsRoot(), m_settings->extraModelFolders());
  m_generation->setLibraryLoading(true);
  m_library->rescan();
  m_generation->setModelFolders(m_settings->modelFolders());
  if (!m_settings->currentModel().isEmpty()) m_generation->setCurrentModelFolder(m_settings->currentModel());
  m_generation->setSettings(m_settings->lastGeneration());
  m_deepFloyd->fromVariantMap(m_settings->group(kDeepFloydGroup));
  const QVariantMap toggles = m_settings->runtimeToggles();
  if (toggles.isEmpty() && runtime::cuda_available())  // a first start on a GPU: fp16, not fp32
    m_optimization->setOptions(OptimizationPanel::preset(OptimizationPanel::Preset::Balanced));
  else
    m_optimization->fromVariantMap(toggles);
  m_engine->worker()->setPreviewInterval(m_settings->previewInterval());
  onModeChanged(m_generation->mode());
  onModelChanged(m_generation->currentModelFolder());
}

void MainWindow::saveSettings() {
  m_settings->setWindowGeometry(saveGeometry());
  m_settings->setWindowState(saveState());
  m_settings->setLastGeneration(m_generation->settings());
  m_settings->setModelFolders(m_generation->modelFolders());
  m_settings->setCurrentModel(m_generation->settings().model);
  m_settings->setRuntimeToggles(m_optimization->toVariantMap());
  m_settings->setGroup(kDeepFloydGroup, m_deepFloyd->toVariantMap());
  QString error;
  if (!m_settings->save(&error)) statusBar()->showMessage(tr("Settings not saved: %1").arg(error));
}

// Outpainting: the new area is inpainted, from the fill chosen, at the grown canvas's size.
void MainWindow::onCanvasExtended(QSize before, QSize after, pipelines::MaskedContent content) {
  auto options = m_inpaint->options();
  options.masked_content = content;
  m_inpaint->setOptions(options);
  auto s = m_generation->settings();
  s.mode = "inpaint";
  const QSize size = OutpaintPanel::grownGenerationSize({s.width, s.height}, before, after);
  s.width = size.width();
  s.height = size.height();
  m_generation->setSettings(s);
  updateControlNetSource();
  m_tabs->setCurrentIndex(1);
}

void MainWindow::onModeChanged(const QString& mode) {
  const bool deepFloyd = mode == GenerationPanel::kDeepFloydMode;
  m_inpaint->setVisible(mode == "inpaint");
  m_outpaint->setVisible(mode == "img2img" || mode == "inpaint");
  m_canvas->setMaskVisible(mode == "inpaint");  // kept, not cleared: it comes back in Inpaint
  m_deepFloyd->setVisible(deepFloyd);
  // ControlNets guide an SD UNet: there is none in the IF cascade.
  m_controlNet->setEnabled(!deepFloyd);
  if (!deepFloyd) m_controlNet->setMode(mode);
  if (mode == "img2img" || mode == "inpaint") m_tabs->setCurrentIndex(1);
  if (deepFloyd && m_view->imageCount() == 0)
    m_view->showMessage(tr("Choose the DeepFloyd IF stages under the prompt, type a prompt and press Generate "
                           "(Ctrl+Enter)."));
  updateEstimate();
}

void MainWindow::showModelLibrary() {
  if (!m_libraryDialog) {
    m_libraryDialog = new ModelLibraryDialog(*m_library, this);
    m_libraryDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_libraryDialog, &ModelLibraryDialog::foldersChanged, this, &MainWindow::setLibraryFolders);
    connect(m_libraryDialog, &ModelLibraryDialog::rescanRequested, this, &MainWindow::rescanModels);
  }
  m_libraryDialog->show();
  m_libraryDialog->raise();
}

void MainWindow::rescanModels() {
  m_library->rescan();
  statusBar()->showMessage(tr("Scanning the models folder…"));
}

void MainWindow::setLibraryFolders(const QString& root, const QStringList& extraFolders) {
  m_settings->setModelsRoot(root);
  m_settings->setExtraModelFolders(extraFolders);
  saveSettings();
  m_library->setFolders(m_settings->modelsRoot(), extraFolders);
  rescanModels();
}

namespace {

// The engine's stage names (Observer::on_stage) of an IF cascade, in order.
const QStringList kIfStages = {QStringLiteral("stage I"), QStringLiteral("stage II"), QStringLiteral("stage III")};

// The stage that ran after these earlier ones: the one whose images `finished` carries.
QString ifStageAfter(const QList<std::pair<QString, QList<QImage>>>& earlier) {
  return kIfStages.value(earlier.size());
}

// CLIP's own vocabulary, for the counters of single-file checkpoints (they carry no tokenizer):
// built once, on the first checkpoint picked.
std::shared_ptr<const text::CLIPTokenizer> builtinTokenizer() {
  static const auto tokenizer = [] {
    try {
      return std::make_shared<const text::CLIPTokenizer>(text::CLIPTokenizer::builtin("<|endoftext|>"));
    } catch (const std::exception&) {
      return std::shared_ptr<const text::CLIPTokenizer>();
    }
  }();
  return tokenizer;
}

}  // namespace

void MainWindow::onModelChanged(const QString& folder) {
  std::shared_ptr<const text::CLIPTokenizer> tokenizer;
  if (QFileInfo(folder).isFile()) tokenizer = builtinTokenizer();
  // Exact token counts; a folder without a readable tokenizer keeps the approximation. An SDXL
  // refiner has only the second one (the same BPE and 77-token window as the first).
  for (const char* sub : {"/tokenizer", "/tokenizer_2"}) {
    if (folder.isEmpty() || tokenizer) break;
    try {
      tokenizer = std::make_shared<const text::CLIPTokenizer>(text::CLIPTokenizer::from_dir((folder + sub).toStdString()));
    } catch (const Error&) {
    }
  }
  m_generation->setTokenizer(tokenizer);
  m_view->showMessage(folder.isEmpty() ? tr("Put a checkpoint into the models folder's Stable-diffusion folder (Settings > "
                                           "Model library), or add a diffusers model folder, to start.")
                                       : tr("Type a prompt and press Generate (Ctrl+Enter)."));
  updateEstimate();
}

void MainWindow::updateEstimate() {
  // The estimate knows the SD families' activations only: none beats a wrong one.
  if (m_generation->mode() == GenerationPanel::kDeepFloydMode) return m_optimization->clearEstimateInputs();
  const QString folder = m_generation->currentModelFolder();
  if (folder.isEmpty()) return;
  const auto options = m_optimization->options();
  try {  // the card the estimate is compared with (0 on the CPU: never red)
    const auto device = pipelines::resolve_device(options.device);
    m_optimization->setDeviceMemory(options.vram_budget > 0 ? options.vram_budget : runtime::device_total_memory(device));
  } catch (const Error&) {
    m_optimization->setDeviceMemory(0);
  }
  // The headers are read once per model; the panel rescales the footprint to its own precision.
  if (folder != m_footprintFolder) {
    m_footprintFolder = folder;
    m_footprint.reset();
    try {
      m_footprint = pipelines::footprint_on_disk(folder.toStdString(), torch::kFloat, false);
    } catch (const Error& e) {
      statusBar()->showMessage(QString::fromStdString(e.what()));
    }
  }
  const QString refiner = m_generation->currentRefinerFolder();
  if (refiner != m_refinerFootprintFolder) {
    m_refinerFootprintFolder = refiner;
    m_refinerFootprint.reset();
    try {
      if (!refiner.isEmpty()) m_refinerFootprint = pipelines::footprint_on_disk(refiner.toStdString(), torch::kFloat, false);
    } catch (const Error& e) {
      statusBar()->showMessage(QString::fromStdString(e.what()));
    }
  }
  if (!m_footprint) return;
  const auto s = m_generation->settings();
  // With a refiner both models stay resident and its UNet runs the last steps.
  const auto footprint = m_refinerFootprint ? pipelines::with_refiner(*m_footprint, *m_refinerFootprint) : *m_footprint;
  // With Hires. fix the second pass is the larger one (the engine's run_shape).
  int width = s.width, height = s.height;
  if (s.mode == QLatin1String("txt2img") && s.hiresEnabled) {
    try {
      const auto size = pipelines::hires_size(s.width, s.height, hiresOf(s));
      width = size.latent_width(8) * 8;
      height = size.latent_height(8) * 8;
    } catch (const Error&) {
      // The form shows why that size cannot be; the first pass's meanwhile.
    }
  }
  m_optimization->setEstimateInputs(footprint, runtime::RunShape{width, height, s.batchSize, s.guidance > 1.0});
}

void MainWindow::generate() {
  if (auto item = formItem(false)) enqueue(std::move(*item));
}

std::optional<QueueItem> MainWindow::formItem(bool newSeed) {
  return m_generation->mode() == GenerationPanel::kDeepFloydMode ? deepFloydItem(newSeed) : generationItem(newSeed);
}

namespace {

// A seed as the form's Random draws it (32-bit, as A1111's).
quint64 randomSeed() { return QRandomGenerator::global()->generate(); }

}  // namespace

std::optional<QueueItem> MainWindow::generationItem(bool newSeed) {
  pipelines::GenerationRequest r;
  m_generation->fillRequest(r);
  if (newSeed) r.seed = randomSeed();
  if (r.model_dir.empty()) {
    showError(tr("Choose a model folder first (the model list, \"Add folder…\")."));
    return std::nullopt;
  }
  // Before any loading: an inpainting model outside Inpaint would fail after it, in the engine's words.
  if (const QString problem = ModeCheck::problem(m_generation->mode(), QString::fromStdString(r.model_dir),
                                                 m_generation->modelEntries());
      !problem.isEmpty()) {
    showError(problem);
    return std::nullopt;
  }
  // <lora:name:w> and embeddings by name: the library's folders, as A1111's models/Lora and embeddings.
  if (!m_settings->modelsRoot().isEmpty()) {
    const QDir root(m_settings->modelsRoot());
    r.lora_dir = root.filePath(QStringLiteral("Lora")).toStdString();
    r.embeddings_dir = root.filePath(QStringLiteral("embeddings")).toStdString();
  }
  r.runtime = m_optimization->options();
  r.inpaint = m_inpaint->options();
  if (r.pipeline != pipelines::PipelineKind::kTxt2Img) {
    if (m_canvas->image().isNull()) {
      showError(tr("Open a source image first (File > Open source image, or drop one)."));
      return std::nullopt;
    }
    r.init_image = fromQImage(m_canvas->image(), 3);
    if (r.pipeline == pipelines::PipelineKind::kInpaint) {
      if (!m_canvas->hasMask()) {
        showError(tr("Paint the area to repaint on the source image first."));
        return std::nullopt;
      }
      r.mask = fromQImage(m_canvas->mask(), 1);
    }
  }
  // After the form's seed and mode: the enabled ControlNet units (the mask, in inpaint, is the request's).
  if (const QString problem = m_controlNet->fillRequest(r); !problem.isEmpty()) {
    showError(problem);
    return std::nullopt;
  }
  saveSettings();  // the parameters of the last Generate survive a crash of the run
  QueueItem item;
  item.kind = RunKind::Generation;
  // A1111's batch count: runs one after another, each seed the previous one plus the batch size.
  for (int i = 0; i < m_generation->batchCount(); ++i) {
    auto job = r;
    job.seed = r.seed + static_cast<uint64_t>(i) * static_cast<uint64_t>(r.num_images);
    for (auto& unit : job.controlnets) unit.preprocessor.seed = job.seed;
    item.jobs << job;
  }
  return item;
}

std::optional<QueueItem> MainWindow::deepFloydItem(bool newSeed) {
  pipelines::IFRequest r;
  m_generation->fillRequest(r);
  if (newSeed) r.seed = randomSeed();
  r.runtime = m_optimization->options();
  if (const QString problem = m_deepFloyd->fillRequest(r); !problem.isEmpty()) {
    showError(problem);
    return std::nullopt;
  }
  saveSettings();
  QueueItem item;
  item.kind = RunKind::DeepFloyd;
  for (int i = 0; i < m_generation->batchCount(); ++i) {  // as A1111's batch count, above
    auto job = r;
    job.seed = r.seed + static_cast<uint64_t>(i) * static_cast<uint64_t>(r.num_images);
    item.jobs << job;
  }
  return item;
}

void MainWindow::upscaleImage(const QImage& image, const QString& parametersText) {
  if (image.isNull()) return showError(tr("There is no image to upscale: generate one, or pick one in the history."));
  const QList<ModelEntry> upscalers = UpscaleDialog::upscalers(m_library->entries());
  if (upscalers.isEmpty()) {
    if (m_library->isScanning()) return showError(tr("The model library is still being scanned: try again in a moment."));
    const QString folder = QDir(m_settings->modelsRoot()).filePath(ModelLibrary::kCheckpoints);
    return showError(tr("No x4 upscaler in the model library. Download stabilityai/stable-diffusion-x4-upscaler "
                        "(its diffusers folder, with model_index.json) into %1, or add its folder under Settings > "
                        "Model library, then rescan.")
                         .arg(QDir::toNativeSeparators(folder)));
  }
  auto* dialog = new UpscaleDialog(upscalers, image, parametersText, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setOptions(m_settings->group(kUpscaleGroup));
  connect(dialog, &QDialog::accepted, this, [this, dialog] { startUpscale(dialog->request(), dialog->options()); });
  dialog->open();
}

// Queued as a Generate is, when a run is going.
void MainWindow::startUpscale(const pipelines::UpscaleRequest& request, const QVariantMap& options) {
  m_settings->setGroup(kUpscaleGroup, options);  // the upscaler and its numbers, for the next time
  saveSettings();
  auto r = request;
  r.runtime = m_optimization->options();
  QueueItem item;
  item.kind = RunKind::Upscale;
  item.jobs << r;
  enqueue(std::move(item));
}

void MainWindow::enqueue(QueueItem item) {
  m_queue->enqueue(std::move(item));
  if (!isBusy()) return startNext();
  const QString caption = m_queue->at(m_queue->size() - 1).caption;
  statusBar()->showMessage(tr("Queued: %1 (%n waiting)", "", m_queue->size()).arg(caption));
}

void MainWindow::startNext() {
  if (isBusy()) return;
  std::optional<QueueItem> item = m_queue->takeFirst();
  if (!item && m_queue->repeats()) {
    item = formItem(true);
    if (!item) m_queue->setRepeat(false);  // the form cannot run: asking again would fail forever
  }
  if (!item || item->jobs.isEmpty()) {
    m_queuePanel->setRunning({});
    m_generation->setBusy(false);
    m_generation->generateButton()->setToolTip(tr("Generate (Ctrl+Return)"));
    return;
  }
  if (item->caption.isEmpty()) item->caption = captionFor(item->kind, item->jobs);
  beginRun(*item);
  for (const auto& job : item->jobs) submitJob(job);
}

namespace {

quint64 seedOf(const EngineJob& job) {
  return std::visit([](const auto& request) -> quint64 { return request.seed; }, job);
}

}  // namespace

void MainWindow::beginRun(const QueueItem& item) {
  m_runItem = item.id;
  m_runKind = item.kind;
  m_runSeed = seedOf(item.jobs.first());
  m_runOk = true;
  m_runFailed = false;
  m_imagesMade = 0;
  m_lastError.clear();
  m_runNotes.clear();
  m_stage.clear();
  m_stageResults.clear();
  m_runClock.start();
  m_readout->startRun();
  m_queuePanel->setRunning(item.caption);
  // Cancel ends this item; Generate stays enabled: a press while it runs joins the queue.
  m_generation->setBusy(true);
  m_generation->generateButton()->setEnabled(true);
  m_generation->generateButton()->setToolTip(tr("Add to the queue (Ctrl+Return): it runs after the running one"));
  m_tabs->setCurrentIndex(0);
}

void MainWindow::submitJob(const EngineJob& job) {
  const quint64 id = m_nextJob++;
  m_pending.insert(id);
  m_engine->worker()->submit(id, job);
}

// The worker drops the item's waiting jobs (each reports cancelled) and stops the running one
// within a step; the item ends when that one reports, and the queue goes on.
void MainWindow::cancel() {
  if (!isBusy()) return;
  m_engine->worker()->cancelAll();
  m_readout->setStage(tr("Cancelling…"));
}

void MainWindow::onStep(quint64 job, const StepInfo& info) {
  if (!m_pending.contains(job)) return;
  m_readout->setStep(info.step, info.total, info.itPerSecond, info.elapsedSeconds, info.remainingSeconds,
                     info.vramAllocated, info.vramReserved, info.vramTotal);
  // A cascade's previews change size from stage to stage: the caption says which one is running.
  if (!info.preview.isNull())
    m_view->showPreview(info.preview, m_runKind == RunKind::DeepFloyd ? stageCaption(m_stage) : QString());
}

QString MainWindow::stageCaption(const QString& stage) const {
  if (stage == kIfStages.value(0)) return tr("Stage I");
  if (stage == kIfStages.value(1)) return tr("Stage II");
  if (stage == kIfStages.value(2)) return tr("Stage III");
  return stage;  // loading, encoding the prompt: the engine's words, as the readout shows them
}

void MainWindow::onStageImages(quint64 job, const QString& stage, const QList<QImage>& images) {
  if (m_pending.contains(job)) m_stageResults.append({stage, images});
}

// Shown at once, and again with the run's result (which would otherwise replace it in the status bar).
void MainWindow::onNote(quint64 job, const QString& text) {
  if (!m_pending.contains(job) || text.isEmpty()) return;
  if (!m_runNotes.contains(text)) m_runNotes << text;
  statusBar()->showMessage(text);
}

void MainWindow::onFinished(quint64 job, const QList<QImage>& images, const QStringList& parameters, double seconds) {
  if (!m_pending.contains(job)) return;
  Q_UNUSED(seconds);  // the item's summary is its wall time (m_runClock), all its jobs and their loading
  showResults(images, parameters);
  m_imagesMade += images.size();
  QString error;
  const QStringList paths = m_saver->save(images, parameters, m_settings->outputFolder(), QDateTime::currentDateTime(), &error);
  if (!error.isEmpty()) showError(error);
  m_history->refresh();
  if (!images.isEmpty() && m_runKind != RunKind::Upscale) m_generation->setLastSeed(m_runSeed);
  QStringList status;
  if (!paths.isEmpty()) status << tr("Saved %1").arg(paths.join(", "));
  status << m_runNotes;
  if (!status.isEmpty()) statusBar()->showMessage(status.join(" — "));
  jobDone(job, true);
}

// An IF job's final images first, then its earlier stages' (latest first), each captioned with its
// stage; only the final ones have parameters (and are saved).
void MainWindow::showResults(const QList<QImage>& images, const QStringList& parameters) {
  if (m_runKind != RunKind::DeepFloyd) return m_view->showImages(images, parameters);
  QList<QImage> shown = images;
  QStringList captions(images.size(), stageCaption(ifStageAfter(m_stageResults)));
  for (auto it = m_stageResults.crbegin(); it != m_stageResults.crend(); ++it) {
    shown << it->second;
    for (qsizetype i = 0; i < it->second.size(); ++i) captions << stageCaption(it->first);
  }
  m_stageResults.clear();  // the next job of the batch brings its own
  m_view->showImages(shown, parameters, captions);
}

void MainWindow::onFailed(quint64 job, const QString& message) {
  if (!m_pending.contains(job)) return;
  showError(message);
  m_runFailed = true;
  m_engine->worker()->cancelAll();  // the rest of the item would fail the same way (each reports cancelled)
  jobDone(job, false);
}

void MainWindow::onCancelled(quint64 job) {
  if (m_pending.contains(job)) jobDone(job, false);
}

void MainWindow::jobDone(quint64 job, bool ok) {
  m_pending.remove(job);
  m_runOk = m_runOk && ok;
  if (!isBusy()) finishItem();
}

void MainWindow::finishItem() {
  const bool ok = m_runOk;
  const double seconds = m_runClock.elapsed() / 1000.0;
  if (ok)
    m_readout->finishRun(tr("%n image(s) in %1 s", "", m_imagesMade).arg(seconds, 0, 'f', 1));
  else if (m_runFailed)
    m_readout->stopRun(tr("Failed"));
  else
    m_readout->stopRun(m_imagesMade > 0 ? tr("Cancelled after %n image(s)", "", m_imagesMade) : tr("Cancelled"));
  // A failing form would fail again and again.
  if (m_runFailed && m_queue->repeats()) m_queue->setRepeat(false);
  emit itemFinished(m_runItem, ok);
  startNext();
  if (!isBusy()) emit runFinished(ok);
}

void MainWindow::showError(const QString& message) {
  m_lastError = message;
  statusBar()->showMessage(message);
  if (m_view->imageCount() == 0) m_view->showMessage(message);
  // Not modal: the window keeps working while the message is up.
  auto* box = new QMessageBox(QMessageBox::Warning, tr("Gesso"), message, QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setObjectName("errorBox");
  box->open();
}

void MainWindow::restoreControlUnits(const QString& text, QStringList* notes) {
  if (const auto units = controlUnitsFromParameters(text, m_controlNet->controlNetEntries(), notes))
    m_controlNet->restoreUnits(*units);
}

void MainWindow::updateControlNetSource() { m_controlNet->setSourceImage(m_canvas->image(), m_canvas->mask()); }

bool MainWindow::openSourceImage(const QString& path) {
  const QImage image(path);
  if (image.isNull()) {
    showError(tr("%1 is not an image Gesso can read.").arg(path));
    return false;
  }
  setSourceImage(image, m_generation->mode() == "txt2img" ? "img2img" : m_generation->mode());
  if (!readParametersText(path).isEmpty()) offerParameters(path);
  return true;
}

// A1111's PNG Info: a source image that says how it was made offers its settings; they are not
// taken unasked (the user may want only the picture).
void MainWindow::offerParameters(const QString& pngPath) {
  auto* box = new QMessageBox(QMessageBox::Question, tr("Gesso"),
                              tr("%1 records how it was made (prompt, seed, steps, …). Use its parameters in the "
                                 "form too?")
                                  .arg(QFileInfo(pngPath).fileName()),
                              QMessageBox::Yes | QMessageBox::No, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setObjectName("offerParametersBox");
  QAbstractButton* use = box->button(QMessageBox::Yes);
  use->setText(tr("Use its parameters"));
  box->button(QMessageBox::No)->setText(tr("Keep mine"));
  connect(use, &QAbstractButton::clicked, this, [this, pngPath] {
    const QString mode = m_generation->mode();  // the source stays the source: its mode is kept
    if (!restoreParameters(pngPath)) return;
    auto s = m_generation->settings();
    s.mode = mode;
    m_generation->setSettings(s);
  });
  box->open();
}

void MainWindow::setSourceImage(const QImage& image, const QString& mode) {
  if (image.isNull()) return;
  m_canvas->setImage(image.convertToFormat(QImage::Format_RGB888));
  updateControlNetSource();
  auto s = m_generation->settings();
  s.mode = mode;
  // The source's shape at the size the form asks for (its longer side), in multiples of 8: a
  // 4000px photo is generated at the model's size, not at 4000px. The engine resizes image and mask.
  const double side = qMax(s.width, s.height);
  const double scale = side / qMax(image.width(), image.height());
  s.width = qBound(64, int(image.width() * scale) / 8 * 8, 4096);
  s.height = qBound(64, int(image.height() * scale) / 8 * 8, 4096);
  m_generation->setSettings(s);
  m_tabs->setCurrentIndex(1);
}

bool MainWindow::restoreParameters(const QString& pngPath) {
  QString error;
  QStringList notes;
  // The panel's own settings are the base: what the text does not carry (mode, batch count) stays.
  const ModelChoices choices{m_generation->refinerFolders(), m_generation->modelEntries(), m_generation->vaeEntries(),
                              m_generation->networkEntries()};
  const auto restored = settingsFromPng(pngPath, &error, m_generation->settings(), &notes, choices);
  if (!restored) {
    showError(error);
    return false;
  }
  m_generation->setSettings(*restored);
  if (const auto options = inpaintOptionsFromParameters(readParametersText(pngPath), &notes))
    m_inpaint->setOptions(*options);
  restoreControlUnits(readParametersText(pngPath), &notes);
  statusBar()->showMessage(tr("Parameters restored from %1").arg(pngPath) + (notes.isEmpty() ? "" : " — " + notes.join(" ")));
  return true;
}

void MainWindow::generateOnce(const QString& modelFolder, const QString& prompt) {
  // The form as it was set (the size above all: a model of another family would offer its own).
  auto s = m_generation->settings();
  QStringList folders = m_generation->modelFolders();
  if (!folders.contains(modelFolder)) folders << modelFolder;
  m_generation->setModelFolders(folders);
  m_generation->setCurrentModelFolder(modelFolder);
  s.prompt = prompt;
  m_generation->setSettings(s);
  generate();
  if (!isBusy()) emit runFinished(false);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  m_queue->setRepeat(false);
  m_queue->clear();
  if (isBusy()) m_engine->worker()->cancelAll();
  saveSettings();
  event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls() || event->mimeData()->hasImage()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  handleDrop(event->mimeData());
  event->acceptProposedAction();
}

void MainWindow::handleDrop(const QMimeData* mime) {
  const QString sourceMode = m_generation->mode() == "txt2img" ? "img2img" : m_generation->mode();
  if (mime->hasUrls() && !mime->urls().isEmpty()) {
    const QString path = mime->urls().first().toLocalFile();
    if (!readParametersText(path).isEmpty()) restoreParameters(path);
    else openSourceImage(path);
  } else if (mime->hasImage()) {
    setSourceImage(qvariant_cast<QImage>(mime->imageData()), sourceMode);
  }
}

void MainWindow::chooseOutputFolder() {
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Output folder"), m_settings->outputFolder());
  if (folder.isEmpty()) return;
  m_settings->setOutputFolder(folder);
  saveSettings();
}

void MainWindow::setLanguage(const QString& language) {
  m_settings->setLanguage(language);
  saveSettings();
  statusBar()->showMessage(tr("The language changes the next time Gesso starts."));
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About Gesso"),
                     QString::fromStdString(version_text("Gesso")).toHtmlEscaped().replace("\n", "<br>"));
}

}  // namespace gesso::ui
