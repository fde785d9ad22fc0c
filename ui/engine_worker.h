#pragma once
// The GUI's one link to the engine: a worker object on its own QThread (the qBittorrent pattern,
// STYLE.md) that runs jobs one at a time, in order, and reports each run through queued signals.
// Nothing in the GUI thread ever waits on it, except the owner's destructor.
#include <QImage>
#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <utility>
#include <variant>

#include "engine/pipelines/deepfloyd_if_pipeline.h"
#include "engine/pipelines/generation_request.h"
#include "engine/pipelines/observer.h"
#include "engine/pipelines/upscale_pipeline.h"

class QThread;

namespace gesso::pipelines {
class StableDiffusionPipeline;
}

namespace gesso::ui {

// What the worker runs: a Stable Diffusion generation (txt2img, img2img, inpaint), a DeepFloyd IF
// cascade, or an "Upscale x4" of one image. Each kind has its own pipeline object, kept between
// jobs, so that switching kinds does not unload the others' models.
using EngineJob = std::variant<gesso::pipelines::GenerationRequest, gesso::pipelines::IFRequest,
                               gesso::pipelines::UpscaleRequest>;

// One denoising step, as the readout shows it.
struct StepInfo {
  int step = 0;  // 1-based, steps done so far
  int total = 0;
  double itPerSecond = 0;
  double elapsedSeconds = 0;
  double remainingSeconds = 0;  // estimated from the pace so far
  qint64 vramAllocated = 0, vramReserved = 0, vramPeak = 0, vramTotal = 0;  // bytes; 0 on the CPU
  QImage preview;  // null on steps without one
};

// Lives in the thread EngineThread gives it. Every submitted job ends with exactly one of finished,
// failed or cancelled; no exception ever leaves the worker.
class EngineWorker : public QObject {
  Q_OBJECT

 public:
  EngineWorker();
  ~EngineWorker() override;

  // Thread-safe, callable from any thread: they take effect at once, not after the running job.
  void cancel();     // stops the running job before its next step
  void cancelAll();  // also drops the queued ones (each gets `cancelled`)
  void setPreviewInterval(int steps);  // a preview every N steps; 0 = none
  int previewInterval() const { return m_previewInterval.load(); }
  int pending() const;                 // jobs submitted and not yet ended, the running one included

 public slots:
  // Thread-safe: call it directly from the GUI thread (the queue and queueChanged are then up to
  // date at once) or through a queued connection. The request is copied.
  void submit(quint64 jobId, const gesso::ui::EngineJob& job);

 signals:
  void stageChanged(quint64 jobId, const QString& stage);
  // Something the run changed on its own that the user should know (Observer::on_note: an fp16
  // VAE decode that gave NaNs, done again in fp32). The run goes on; it may still finish.
  void noted(quint64 jobId, const QString& text);
  void stepped(quint64 jobId, const gesso::ui::StepInfo& info);
  // A DeepFloyd IF cascade's earlier stages ("stage I", then "stage II" when stage III ran), one
  // signal per stage, in order, just before the job's `finished`, which carries the last stage's
  // images. Only the final images have parameters texts: the earlier ones are steps on the way.
  void stageImages(quint64 jobId, const QString& stage, const QList<QImage>& images);
  // One A1111 "parameters" text per image.
  void finished(quint64 jobId, const QList<QImage>& images, const QStringList& parametersText, double seconds);
  void failed(quint64 jobId, const QString& message);
  void cancelled(quint64 jobId);
  void queueChanged(int pending);

 private:
  using Job = std::pair<quint64, EngineJob>;
  using Report = std::function<void()>;
  void runNext();  // in the worker thread, once per submit
  // Runs the job and returns the signal that reports how it ended, to be emitted after endJob().
  Report runJob(const Job& job);
  // One per kind of job; each returns the report of a run that finished (they throw otherwise).
  Report run(quint64 jobId, const gesso::pipelines::GenerationRequest& request, gesso::pipelines::Observer& observer);
  Report run(quint64 jobId, const gesso::pipelines::IFRequest& request, gesso::pipelines::Observer& observer);
  Report run(quint64 jobId, const gesso::pipelines::UpscaleRequest& request, gesso::pipelines::Observer& observer);
  // A job of another kind than the last frees the other pipelines' models first: SD, IF and the
  // upscaler resident together would not fit a small card (A1111 keeps one model loaded too).
  void freeOtherPipelines(std::size_t kind);
  std::function<void()> failure(quint64 jobId, const QString& message);
  void endJob();

  std::unique_ptr<gesso::pipelines::StableDiffusionPipeline> m_pipeline;
  std::unique_ptr<gesso::pipelines::DeepFloydIFPipeline> m_ifPipeline;
  std::unique_ptr<gesso::pipelines::UpscalePipeline> m_upscalePipeline;
  std::size_t m_lastKind = 0;  // EngineJob's index of the last job run
  mutable QMutex m_mutex;  // guards m_queue and m_running; never held during a run
  std::deque<Job> m_queue;
  bool m_running = false;
  std::atomic<bool> m_cancel{false};
  std::atomic<int> m_previewInterval{0};
};

// Turns the pipeline's callbacks into the worker's signals. It runs in the worker thread, so each
// signal reaches GUI receivers queued, carrying copies.
class SignallingObserver : public gesso::pipelines::Observer {
 public:
  SignallingObserver(EngineWorker& worker, quint64 jobId, const std::atomic<bool>& cancel);

  void on_stage(const std::string& name) override;
  void on_note(const std::string& text) override;
  void on_step(const gesso::pipelines::StepEvent& event) override;
  bool should_cancel() const override { return m_cancel.load(); }
  // Read once a run: the pipeline asks on every step and a run should not change its mind midway.
  int preview_every() const override { return m_previewEvery; }

 private:
  EngineWorker& m_worker;
  quint64 m_jobId;
  const std::atomic<bool>& m_cancel;
  int m_previewEvery;
};

// Owns the worker's thread: starts it on construction; on destruction cancels every job, quits the
// thread and joins it (the worker is deleted in its own thread as the thread finishes).
class EngineThread : public QObject {
  Q_OBJECT

 public:
  explicit EngineThread(QObject* parent = nullptr);
  ~EngineThread() override;

  EngineWorker* worker() const { return m_worker; }
  // Submits with the next job id (1, 2, ...) and returns it.
  quint64 submit(const EngineJob& job);

 private:
  QThread* m_thread;
  EngineWorker* m_worker;
  quint64 m_lastJob = 0;
};

}  // namespace gesso::ui

Q_DECLARE_METATYPE(gesso::pipelines::GenerationRequest)
Q_DECLARE_METATYPE(gesso::ui::EngineJob)
Q_DECLARE_METATYPE(gesso::ui::StepInfo)
