#pragma once
// The studio window: the generation form (with the DeepFloyd IF stages in that mode) and the
// optimization panel on the left, the result (or the source image and its mask) in the middle, the
// history on the right, the live readout below. It owns no tensor math: requests (generations, IF
// cascades, x4 upscales) go to the EngineWorker's thread, its signals come back here.
#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QVariantMap>

#include <memory>
#include <optional>
#include <utility>

#include "engine/runtime/vram_estimate.h"
#include "ui/engine_worker.h"
#include "ui/generation_queue.h"

class QAction;
class QMimeData;
class QTabWidget;

namespace gesso::ui {

class ControlNetPanel;
class DeepFloydPanel;
class EngineThread;
class GenerationPanel;
class HistoryPanel;
class HistoryStore;
class ImageView;
class InpaintPanel;
class MaskCanvas;
class OutpaintPanel;
class ModelLibrary;
class ModelLibraryDialog;
class OptimizationPanel;
class QueuePanel;
class ReadoutBar;
class ResultSaver;
class SettingsStore;
struct StepInfo;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  struct Paths {
    QString settings;  // the INI file
    QString history;   // the SQLite database
    QString modelHashes;  // the model library's hash cache; "" = ModelHashCache::defaultPath()
  };
  static Paths defaultPaths();

  explicit MainWindow(const Paths& paths = defaultPaths(), QWidget* parent = nullptr);
  ~MainWindow() override;

  GenerationPanel* generationPanel() const { return m_generation; }
  OptimizationPanel* optimizationPanel() const { return m_optimization; }
  InpaintPanel* inpaintPanel() const { return m_inpaint; }
  OutpaintPanel* outpaintPanel() const { return m_outpaint; }
  ControlNetPanel* controlNetPanel() const { return m_controlNet; }
  DeepFloydPanel* deepFloydPanel() const { return m_deepFloyd; }
  MaskCanvas* maskCanvas() const { return m_canvas; }
  ImageView* imageView() const { return m_view; }
  ReadoutBar* readout() const { return m_readout; }
  HistoryPanel* historyPanel() const { return m_history; }
  ModelLibrary* modelLibrary() const { return m_library.get(); }
  EngineWorker* engineWorker() const;
  GenerationQueue* queue() const { return m_queue; }
  QueuePanel* queuePanel() const { return m_queuePanel; }
  // Whether an item (a Generate press, an IF cascade, an upscale) is running; the ones waiting
  // after it are queue()'s.
  bool isBusy() const { return !m_pending.isEmpty(); }
  QString lastError() const { return m_lastError; }
  // What the runs of the running (or last) item changed on their own (EngineWorker::noted), in order.
  QStringList runNotes() const { return m_runNotes; }

 public slots:
  // Runs the form's request (in the DeepFloyd IF mode, the IF cascade) or, while a run is going,
  // adds it to the queue: the form as it is now, seed drawn now.
  void generate();
  void cancel();  // ends the running item only: the queue goes on
  // "Upscale x4" (the history's, the result's): asks for the upscaler and its settings in a dialog
  // (not modal), then runs like a generation, the result saved and in the history. Without an x4
  // upscaler in the library, an error says how to add one.
  void upscaleImage(const QImage& image, const QString& parametersText);
  // Opens an image as the img2img / inpainting source (switching the mode when in txt2img).
  // A PNG with a parameters text also offers them (a question box, objectName
  // "offerParametersBox"), as A1111's PNG Info's "Send to img2img" does.
  bool openSourceImage(const QString& path);
  void setSourceImage(const QImage& image, const QString& mode);
  // A PNG with a "parameters" text (Gesso's or AUTOMATIC1111's): its settings fill the form.
  bool restoreParameters(const QString& pngPath);
  // What a drop does: a PNG with parameters restores them, any other image becomes the source.
  void handleDrop(const QMimeData* mime);
  // Settings > Model library: the folders, every entry, Rescan (one dialog, not modal).
  void showModelLibrary();
  void rescanModels();
  // --screenshot: the folder and prompt, then one generation.
  void generateOnce(const QString& modelFolder, const QString& prompt);

 signals:
  // An item ended: all its jobs are done (ok), or it failed or was cancelled.
  void itemFinished(quint64 itemId, bool ok);
  // The queue ran dry: the last item ended (ok as itemFinished's) and nothing runs or waits.
  void runFinished(bool ok);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void buildCentral();
  void buildDocks();
  void buildMenus();
  void buildShortcuts();
  void connectWorker();
  void loadSettings();
  void saveSettings();
  void offerParameters(const QString& pngPath);
  void onModeChanged(const QString& mode);
  void onCanvasExtended(QSize before, QSize after, pipelines::MaskedContent content);
  void onModelChanged(const QString& folder);
  void connectLibrary();
  void setLibraryFolders(const QString& root, const QStringList& extraFolders);
  void updateEstimate();
  using RunKind = QueueItem::Kind;
  // The form's request as a queue item (its batch-count jobs); nullopt after showing why not.
  // newSeed: a random seed whatever the form says ("Generate forever").
  std::optional<QueueItem> generationItem(bool newSeed);
  std::optional<QueueItem> deepFloydItem(bool newSeed);
  std::optional<QueueItem> formItem(bool newSeed);  // the one of the form's mode
  void startUpscale(const pipelines::UpscaleRequest& request, const QVariantMap& options);
  void enqueue(QueueItem item);  // runs it now when nothing runs
  // The next item (or, with "Generate forever" and an empty queue, the form's again); idle if none.
  void startNext();
  void beginRun(const QueueItem& item);
  void finishItem();
  void submitJob(const EngineJob& job);
  void onStep(quint64 job, const StepInfo& info);
  void onStageImages(quint64 job, const QString& stage, const QList<QImage>& images);
  void showResults(const QList<QImage>& images, const QStringList& parameters);
  QString stageCaption(const QString& stage) const;  // "stage II" -> "Stage II", translated
  void onNote(quint64 job, const QString& text);
  void onFinished(quint64 job, const QList<QImage>& images, const QStringList& parameters, double seconds);
  void onFailed(quint64 job, const QString& message);
  void onCancelled(quint64 job);
  void jobDone(quint64 job, bool ok);
  void showError(const QString& message);
  // The ControlNet units a parameters text records, into the panel; what could not be restored
  // joins `notes`.
  void restoreControlUnits(const QString& text, QStringList* notes);
  void updateControlNetSource();
  void chooseOutputFolder();
  void setLanguage(const QString& language);
  void showAbout();
  static QString previewMenuText(int steps);

  std::unique_ptr<SettingsStore> m_settings;
  std::unique_ptr<HistoryStore> m_historyStore;
  std::unique_ptr<ResultSaver> m_saver;
  std::unique_ptr<EngineThread> m_engine;
  std::unique_ptr<ModelLibrary> m_library;
  QPointer<ModelLibraryDialog> m_libraryDialog;
  GenerationPanel* m_generation = nullptr;
  OptimizationPanel* m_optimization = nullptr;
  InpaintPanel* m_inpaint = nullptr;
  OutpaintPanel* m_outpaint = nullptr;
  ControlNetPanel* m_controlNet = nullptr;
  DeepFloydPanel* m_deepFloyd = nullptr;
  MaskCanvas* m_canvas = nullptr;
  ImageView* m_view = nullptr;
  ReadoutBar* m_readout = nullptr;
  HistoryPanel* m_history = nullptr;
  QTabWidget* m_tabs = nullptr;
  QAction* m_previewAction = nullptr;  // Settings > Previews: every N steps…
  GenerationQueue* m_queue = nullptr;
  QueuePanel* m_queuePanel = nullptr;
  QSet<quint64> m_pending;  // jobs of the running item still queued in the worker or running
  quint64 m_runItem = 0;    // the running item's id
  RunKind m_runKind = RunKind::Generation;
  quint64 m_runSeed = 0;    // its first job's seed (the Generate's), for "reuse last seed"
  bool m_runFailed = false;  // a job failed (else !m_runOk means cancelled)
  QElapsedTimer m_runClock;  // the item's wall time, all its jobs
  QString m_stage;          // the running job's stage, as the engine names it
  QList<std::pair<QString, QList<QImage>>> m_stageResults;  // the running IF job's earlier stages
  quint64 m_nextJob = 1;
  bool m_runOk = true;
  int m_imagesMade = 0;
  QString m_lastError;
  QStringList m_runNotes;
  QString m_footprintFolder;                       // the folder m_footprint was read from
  std::optional<runtime::ModelFootprint> m_footprint;  // its weights, in float32
  QString m_refinerFootprintFolder;                // the same for the refiner in use ("" = none)
  std::optional<runtime::ModelFootprint> m_refinerFootprint;
};

}  // namespace gesso::ui
