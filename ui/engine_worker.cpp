#include "ui/engine_worker.h"

#include "engine/runtime/vram.h"

#include <QMutexLocker>
#include <QThread>

#include <c10/util/Exception.h>

#include <algorithm>
#include <iterator>
#include <new>

#include "engine/error.h"
#include "engine/io/a1111_parameters.h"
#include "engine/pipelines/stable_diffusion_pipeline.h"
#include "engine/runtime/vram.h"
#include "ui/qt_image.h"

namespace gesso::ui {

SignallingObserver::SignallingObserver(EngineWorker& worker, quint64 jobId, const std::atomic<bool>& cancel)
    : m_worker(worker), m_jobId(jobId), m_cancel(cancel), m_previewEvery(worker.previewInterval()) {}

void SignallingObserver::on_stage(const std::string& name) {
  emit m_worker.stageChanged(m_jobId, QString::fromStdString(name));
}

void SignallingObserver::on_note(const std::string& text) {
  emit m_worker.noted(m_jobId, QString::fromStdString(text));
}

void SignallingObserver::on_step(const pipelines::StepEvent& e) {
  StepInfo info;
  info.step = e.step;
  info.total = e.total;
  info.itPerSecond = e.it_per_s;
  info.elapsedSeconds = e.elapsed_s;
  info.remainingSeconds = e.step > 0 ? e.elapsed_s / e.step * (e.total - e.step) : 0;
  info.vramAllocated = e.vram.allocated;
  info.vramReserved = e.vram.reserved;
  info.vramPeak = e.vram.peak;
  info.vramTotal = e.vram.total;
  if (e.preview) info.preview = toQImage(*e.preview);
  emit m_worker.stepped(m_jobId, info);
}

EngineWorker::EngineWorker()
    : m_pipeline(std::make_unique<pipelines::StableDiffusionPipeline>()),
      m_ifPipeline(std::make_unique<pipelines::DeepFloydIFPipeline>()),
      m_upscalePipeline(std::make_unique<pipelines::UpscalePipeline>()) {
  qRegisterMetaType<gesso::pipelines::GenerationRequest>();
  qRegisterMetaType<gesso::ui::EngineJob>();
  qRegisterMetaType<gesso::ui::StepInfo>();
}

EngineWorker::~EngineWorker() = default;

void EngineWorker::cancel() {
  const QMutexLocker lock(&m_mutex);
  // Only the running job: a cancel that arrives between jobs must not stop the next one.
  if (m_running) m_cancel.store(true);
}

void EngineWorker::cancelAll() {
  std::deque<Job> dropped;
  int left = 0;
  {
    const QMutexLocker lock(&m_mutex);
    dropped.swap(m_queue);
    if (m_running) m_cancel.store(true);
    left = m_running ? 1 : 0;
  }
  for (const auto& job : dropped) emit cancelled(job.first);
  if (!dropped.empty()) emit queueChanged(left);
}

void EngineWorker::setPreviewInterval(int steps) { m_previewInterval.store(std::max(0, steps)); }

int EngineWorker::pending() const {
  const QMutexLocker lock(&m_mutex);
  return static_cast<int>(m_queue.size()) + (m_running ? 1 : 0);
}

void EngineWorker::submit(quint64 jobId, const gesso::ui::EngineJob& job) {
  int count = 0;
  {
    const QMutexLocker lock(&m_mutex);
    m_queue.emplace_back(jobId, job);
    count = static_cast<int>(m_queue.size()) + (m_running ? 1 : 0);
  }
  emit queueChanged(count);
  // One call per job, run by this object's thread in order; cancelAll may leave it nothing to do.
  QMetaObject::invokeMethod(this, &EngineWorker::runNext, Qt::QueuedConnection);
}

void EngineWorker::runNext() {
  Job job;
  {
    const QMutexLocker lock(&m_mutex);
    if (m_queue.empty()) return;
    job = std::move(m_queue.front());
    m_queue.pop_front();
    m_running = true;
    m_cancel.store(false);
  }
  const auto report = runJob(job);
  endJob();
  // Last, so that whoever hears a job end sees the queue without it (pending() and queueChanged).
  report();
}

namespace {

QList<QImage> toQImages(const std::vector<Image>& images) {
  QList<QImage> out;
  for (const auto& image : images) out.append(toQImage(image));
  return out;
}

QString parametersText(const io::GenerationParameters& parameters) {
  return QString::fromStdString(io::format_a1111(parameters));
}

// IFResult::stages holds stage I's images first (the input image when one replaced it), then II, III.
QString ifStageName(size_t index) {
  static const char* const kNames[] = {"stage I", "stage II", "stage III"};
  return QString::fromLatin1(index < std::size(kNames) ? kNames[index] : "stage");
}

}  // namespace

EngineWorker::Report EngineWorker::runJob(const Job& job) {
  const quint64 id = job.first;
  try {
    SignallingObserver observer(*this, id, m_cancel);
    freeOtherPipelines(job.second.index());
    return std::visit([&](const auto& request) { return run(id, request, observer); }, job.second);
  } catch (const CancelledError&) {
    return [this, id] { emit cancelled(id); };
  } catch (const c10::Error& e) {
    return failure(id, QString::fromStdString(e.what_without_backtrace()));
  } catch (const std::bad_alloc&) {
    return failure(id, tr("Out of main memory: lower the size or the batch, or close other programs"));
  } catch (const std::exception& e) {
    return failure(id, QString::fromStdString(e.what()));
  } catch (...) {
    return failure(id, tr("Generation failed with an unknown error"));
  }
}

EngineWorker::Report EngineWorker::run(quint64 id, const pipelines::GenerationRequest& request,
                                       pipelines::Observer& observer) {
  const auto result = m_pipeline->run(request, observer);
  const QList<QImage> images = toQImages(result.images);
  QStringList parameters;
  for (const auto& p : result.parameters) parameters.append(parametersText(p));
  const double seconds = result.seconds;
  return [this, id, images, parameters, seconds] { emit finished(id, images, parameters, seconds); };
}

EngineWorker::Report EngineWorker::run(quint64 id, const pipelines::IFRequest& request, pipelines::Observer& observer) {
  const auto result = m_ifPipeline->run(request, observer);
  QList<std::pair<QString, QList<QImage>>> earlier;
  for (size_t i = 0; i + 1 < result.stages.size(); ++i) earlier.append({ifStageName(i), toQImages(result.stages[i])});
  const QList<QImage> images = result.stages.empty() ? QList<QImage>() : toQImages(result.stages.back());
  QStringList parameters;
  for (const auto& p : result.parameters) parameters.append(parametersText(p));
  const double seconds = result.seconds;
  return [this, id, earlier, images, parameters, seconds] {
    for (const auto& [stage, stageList] : earlier) emit stageImages(id, stage, stageList);
    emit finished(id, images, parameters, seconds);
  };
}

EngineWorker::Report EngineWorker::run(quint64 id, const pipelines::UpscaleRequest& request,
                                       pipelines::Observer& observer) {
  const auto result = m_upscalePipeline->run(request, observer);
  const QList<QImage> images{toQImage(result.image)};
  const QStringList parameters{parametersText(result.parameters)};
  const double seconds = result.seconds;
  return [this, id, images, parameters, seconds] { emit finished(id, images, parameters, seconds); };
}

void EngineWorker::freeOtherPipelines(std::size_t kind) {
  if (kind == m_lastKind) return;
  m_lastKind = kind;
  if (kind != 0) m_pipeline = std::make_unique<pipelines::StableDiffusionPipeline>();
  if (kind != 1) m_ifPipeline = std::make_unique<pipelines::DeepFloydIFPipeline>();
  if (kind != 2) m_upscalePipeline = std::make_unique<pipelines::UpscalePipeline>();
  runtime::release_cached_memory();
}

std::function<void()> EngineWorker::failure(quint64 jobId, const QString& message) {
  return [this, jobId, message] { emit failed(jobId, message); };
}

void EngineWorker::endJob() {
  int count = 0;
  {
    const QMutexLocker lock(&m_mutex);
    m_running = false;
    m_cancel.store(false);
    count = static_cast<int>(m_queue.size());
  }
  emit queueChanged(count);
}

EngineThread::EngineThread(QObject* parent)
    : QObject(parent), m_thread(new QThread(this)), m_worker(new EngineWorker) {
  m_thread->setObjectName(QStringLiteral("Gesso engine"));
  m_worker->moveToThread(m_thread);
  connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
  m_thread->start();
}

EngineThread::~EngineThread() {
  // Receivers may be half destroyed by now (the window owning this object): nothing more reaches them.
  m_worker->disconnect();
  m_worker->cancelAll();
  m_thread->quit();
  m_thread->wait();  // the running job stops within a step; the worker is deleted as the thread ends
}

quint64 EngineThread::submit(const EngineJob& job) {
  m_worker->submit(++m_lastJob, job);
  return m_lastJob;
}

}  // namespace gesso::ui
