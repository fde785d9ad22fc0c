// The engine worker on its thread, against the tiny fixture model: a run reports stages, every step
// (with previews every N) and its images with their A1111 text; the GUI thread keeps running while
// it works; cancel stops within one step; errors arrive as `failed` and the next run works; jobs
// run in submission order; destroying the owner mid-run cancels and joins; the observer forwards the
// pipeline's notes (Observer::on_note) as `noted`. With the tiny DeepFloyd IF and x4 folders: an IF
// cascade reports its stages, previews of each stage, its earlier stages' images and then its final
// ones with their text; an "Upscale x4" makes a 4x image; jobs of every kind share the queue.
#include <QtTest>

#include <QElapsedTimer>
#include <QPointer>
#include <QSemaphore>
#include <QThread>
#include <QTimer>

#include <atomic>

#include "common/fixtures.h"
#include "ui/engine_worker.h"
#include "ui/qt_image.h"

using gesso::pipelines::GenerationRequest;
using gesso::pipelines::IFRequest;
using gesso::pipelines::UpscaleRequest;
using gesso::ui::EngineThread;
using gesso::ui::EngineWorker;
using gesso::ui::SignallingObserver;
using gesso::ui::StepInfo;

namespace {

constexpr int kTimeoutMs = 120000;
// The fixture VAE has two blocks: 2 image pixels per latent pixel, so a 32 px run previews at 16.
constexpr int kPreviewSize = 16;

GenerationRequest tinyRequest(int steps = 3) {
  GenerationRequest r;
  r.model_dir = (gesso::test::fixture_dir("pipelines") / "sd1").string();
  r.prompt = "a red cube";
  r.negative_prompt = "blurry";
  r.seed = 42;
  r.width = r.height = 32;
  r.steps = steps;
  r.sampler = "Euler";
  r.runtime.device = "cpu";
  return r;
}

std::string deepfloyd(const char* name) { return (gesso::test::fixture_dir("deepfloyd") / name).string(); }

// The tiny cascade: stage I makes 16 px, stage II 64 px, stage III (the x4 upscaler) 256 px.
IFRequest tinyCascade(bool withStage3 = true) {
  IFRequest r;
  r.prompt = "a red fox in the snow";
  r.negative_prompt = "blurry";
  r.seed = 7;
  r.stage1 = {.model_dir = deepfloyd("if1"), .steps = 2, .guidance_scale = 7.0};
  r.stage2 = {.model_dir = deepfloyd("if2"), .steps = 2, .guidance_scale = 4.0, .noise_level = 250};
  if (withStage3) r.stage3_dir = deepfloyd("x4");
  r.stage3.steps = 2;
  r.runtime.device = "cpu";
  return r;
}

UpscaleRequest tinyUpscale() {
  UpscaleRequest r;
  r.model_dir = deepfloyd("x4");
  r.image = gesso::ui::fromQImage(QImage(QString::fromStdString(deepfloyd("upscale_input.png"))), 3);  // 20x24
  r.prompt = "a cat";
  r.seed = 3;
  r.settings.steps = 2;
  r.runtime.device = "cpu";
  return r;
}

// Everything a worker reports, received in the test's (GUI) thread through queued connections.
class Recorder : public QObject {
 public:
  explicit Recorder(EngineWorker* worker) {
    connect(worker, &EngineWorker::stageChanged, this,
            [this](quint64 job, const QString& stage) { stages[job].append(stage); });
    connect(worker, &EngineWorker::stepped, this, [this](quint64 job, const StepInfo& s) { steps[job].append(s); });
    connect(worker, &EngineWorker::finished, this,
            [this](quint64 job, const QList<QImage>& images, const QStringList& text, double seconds) {
              ended.append(job);
              finished.append(job);
              this->images[job] = images;
              parameters[job] = text;
              this->seconds[job] = seconds;
            });
    connect(worker, &EngineWorker::failed, this, [this](quint64 job, const QString& message) {
      ended.append(job);
      failures[job] = message;
    });
    connect(worker, &EngineWorker::cancelled, this, [this](quint64 job) {
      ended.append(job);
      cancelled.append(job);
    });
    connect(worker, &EngineWorker::queueChanged, this, [this](int pending) { queue.append(pending); });
    connect(worker, &EngineWorker::stageImages, this, [this](quint64 job, const QString& stage, const QList<QImage>& images) {
      stageImages[job].append({stage, images});
      events[job].append("images of " + stage);
    });
    connect(worker, &EngineWorker::finished, this, [this](quint64 job) { events[job].append("finished"); });
  }

  bool hasEnded(quint64 job) const { return ended.contains(job); }

  QHash<quint64, QStringList> stages;
  QHash<quint64, QList<StepInfo>> steps;
  QHash<quint64, QList<QImage>> images;
  QHash<quint64, QStringList> parameters;
  QHash<quint64, double> seconds;
  QHash<quint64, QString> failures;
  QHash<quint64, QList<std::pair<QString, QList<QImage>>>> stageImages;
  QHash<quint64, QStringList> events;  // stageImages and finished, in the order they came
  QList<quint64> ended, finished, cancelled;
  QList<int> queue;
};

// Through the base class, as the pipeline calls it.
void pipelines_note(gesso::pipelines::Observer& observer, const std::string& text) { observer.on_note(text); }

}  // namespace

class TestEngineWorker : public QObject {
  Q_OBJECT

  EngineThread* m_engine = nullptr;
  quint64 m_nextJob = 100;

  EngineWorker* worker() const { return m_engine->worker(); }
  quint64 submit(const gesso::ui::EngineJob& job) {
    worker()->submit(++m_nextJob, job);
    return m_nextJob;
  }

 private slots:
  void initTestCase() { m_engine = new EngineThread(this); }
  void cleanupTestCase() { delete m_engine; }
  void init() { worker()->setPreviewInterval(0); }

  void runReportsStagesStepsPreviewsAndImages() {
    Recorder rec(worker());
    worker()->setPreviewInterval(2);
    auto r = tinyRequest(5);
    r.num_images = 2;
    const quint64 job = submit(r);
    QTRY_VERIFY_WITH_TIMEOUT(rec.hasEnded(job), kTimeoutMs);
    QVERIFY2(rec.failures.isEmpty(), qPrintable(rec.failures.value(job)));
    const QStringList& stages = rec.stages[job];
    QVERIFY2(stages.indexOf("encode prompt") >= 0 && stages.indexOf("encode prompt") < stages.indexOf("denoise") &&
                 stages.indexOf("denoise") < stages.indexOf("decode"),
             qPrintable(stages.join(", ")));
    const QList<StepInfo>& steps = rec.steps[job];
    QCOMPARE(steps.size(), 5);
    for (int i = 0; i < 5; ++i) {
      const StepInfo& s = steps[i];
      QCOMPARE(s.step, i + 1);
      QCOMPARE(s.total, 5);
      QVERIFY(s.itPerSecond > 0);
      QVERIFY(i == 0 || s.elapsedSeconds >= steps[i - 1].elapsedSeconds);
      QCOMPARE(s.vramTotal, qint64(0));  // a CPU run
      const bool wantPreview = s.step % 2 == 0 || s.step == 5;
      QCOMPARE(!s.preview.isNull(), wantPreview);
      if (wantPreview) QCOMPARE(s.preview.size(), QSize(kPreviewSize, kPreviewSize));
    }
    QVERIFY(steps[0].remainingSeconds > 0);
    QCOMPARE(steps[4].remainingSeconds, 0.0);
    const QList<QImage>& images = rec.images[job];
    QCOMPARE(images.size(), 2);
    for (const QImage& image : images) {
      QCOMPARE(image.size(), QSize(32, 32));
      QCOMPARE(image.format(), QImage::Format_RGB888);
    }
    QVERIFY(images[0] != images[1]);  // two images of one batch, different noise
    const QStringList& text = rec.parameters[job];
    QCOMPARE(text.size(), 2);
    for (int i = 0; i < text.size(); ++i) {
      const QString& t = text[i];
      QVERIFY2(t.startsWith("a red cube\nNegative prompt: blurry\n"), qPrintable(t));
      // Each image its own seed, as A1111 writes them.
      const QString seed = QStringLiteral("Seed: %1, Size: 32x32").arg(42 + i);
      QVERIFY2(t.contains("Steps: 5, Sampler: Euler, CFG scale: 7.5, " + seed), qPrintable(t));
    }
    QVERIFY(rec.seconds[job] > 0);
    QCOMPARE(worker()->pending(), 0);
  }

  // The worker blocks at step 1 until the GUI thread's timer has fired five times: were the GUI
  // thread waiting on the worker, neither would ever go on.
  void guiThreadRunsWhileTheWorkerWorks() {
    Recorder rec(worker());
    QSemaphore guiTicked;
    std::atomic<bool> workerWaited{false};
    const auto block = connect(worker(), &EngineWorker::stepped, worker(), [&](quint64, const StepInfo& s) {
      if (s.step == 1) workerWaited = guiTicked.tryAcquire(1, 30000);
    }, Qt::DirectConnection);
    int ticks = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&] {
      if (++ticks == 5) guiTicked.release();
    });
    timer.start(10);
    QElapsedTimer clock;
    clock.start();
    const quint64 job = submit(tinyRequest(4));
    // A blocking submit would deadlock against the wait above (workerWaited fails); this bound is
    // loose so that a machine busy with a parallel build does not fail it.
    QVERIFY2(clock.elapsed() < 5000, "submit returned only after the run");
    QTRY_VERIFY_WITH_TIMEOUT(rec.hasEnded(job), kTimeoutMs);
    disconnect(block);
    QVERIFY(workerWaited);
    QVERIFY(ticks >= 5);
    QVERIFY(rec.finished.contains(job));
  }

  // cancel() from inside step 1 (the worker's thread): step 2 never starts.
  void cancelStopsWithinOneStep() {
    Recorder rec(worker());
    const auto hook = connect(worker(), &EngineWorker::stepped, worker(), [this](quint64, const StepInfo& s) {
      if (s.step == 1) worker()->cancel();
    }, Qt::DirectConnection);
    const quint64 job = submit(tinyRequest(6));
    QTRY_VERIFY_WITH_TIMEOUT(rec.hasEnded(job), kTimeoutMs);
    disconnect(hook);
    QCOMPARE(rec.cancelled, QList<quint64>{job});
    QCOMPARE(rec.steps[job].size(), 1);
    QVERIFY(rec.finished.isEmpty() && rec.failures.isEmpty());
    const quint64 next = submit(tinyRequest(3));
    QTRY_VERIFY_WITH_TIMEOUT(rec.hasEnded(next), kTimeoutMs);
    QVERIFY(rec.finished.contains(next));
    QCOMPARE(rec.steps[next].size(), 3);
  }

  // cancel() from the GUI thread while the worker is inside step 2: it takes effect directly, not
  // through the worker's (busy) event queue.
  void cancelFromTheGuiThread() {
    Recorder rec(worker());
    QSemaphore cancelled;
    // Connected first: slots run in connection order, so this one's event is posted before the
    // worker blocks in the next.
    connect(worker(), &EngineWorker::stepped, &rec, [&](quint64, const StepInfo& s) {
      if (s.step == 2) {
        worker()->cancel();
        cancelled.release();
      }
    });
    const auto hold = connect(worker(), &EngineWorker::stepped, worker(), [&](quint64, const StepInfo& s) {
      if (s.step == 2) cancelled.tryAcquire(1, 30000);
    }, Qt::DirectConnection);
    const quint64 job = submit(tinyRequest(6));
    QTRY_VERIFY_WITH_TIMEOUT(rec.hasEnded(job), kTimeoutMs);
    disconnect(hold);
    QCOMPARE(rec.cancelled, QList<quint64>{job});
    QCOMPARE(rec.steps[job].size(), 2);
  }

  void cancelBetweenRunsDoesNotStopTheNext() {
    Recorder rec(worker());
    worker()->cancel();  // nothing running
    const quint64 job = submit(tinyRequest(3));
    QTRY_VERIFY_WITH_TIMEOUT(rec.hasEnded(job), kTimeoutMs);
    QVERIFY(rec.finished.contains(job));
  }

  void errorsArriveAsFailedAndTheNextRunWorks() {
    Recorder rec(worker());
    auto bad = tinyRequest();
    bad.model_dir = "/nonexistent/gesso-worker-model";
    const quint64 badModel = submit(bad);
    auto badSize = tinyRequest();
    badSize.width = 36;
    const quint64 badRequest = submit(badSize);
    const quint64 good = submit(tinyRequest());
    QTRY_VERIFY_WITH_TIMEOUT(rec.hasEnded(good), kTimeoutMs);
    QVERIFY2(rec.failures.value(badModel).contains("/nonexistent/gesso-worker-model"),
             qPrintable(rec.failures.value(badModel)));
    QVERIFY2(rec.failures.value(badRequest).contains("width: 36 is not a multiple of 8"),
             qPrintable(rec.failures.value(badRequest)));
    QCOMPARE(rec.finished, QList<quint64>{good});
    QCOMPARE(rec.images[good].size(), 1);
  }

  void jobsQueueAndFinishInOrder() {
    Recorder rec(worker());
    const quint64 a = submit(tinyRequest(3)), b = submit(tinyRequest(4)), c = submit(tinyRequest(3));
    QCOMPARE(worker()->pending(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(rec.hasEnded(c), kTimeoutMs);
    QCOMPARE(rec.finished, (QList<quint64>{a, b, c}));
    // Each submit counts up at once (called from this thread); each end counts down.
    QCOMPARE(rec.queue, (QList<int>{1, 2, 3, 2, 1, 0}));
    QCOMPARE(rec.steps[b].size(), 4);
    for (const StepInfo& s : rec.steps[b]) QVERIFY(s.preview.isNull());  // preview interval 0
  }

  void cancelAllDropsTheQueue() {
    Recorder rec(worker());
    QSemaphore go;
    const auto hold = connect(worker(), &EngineWorker::stepped, worker(), [&](quint64, const StepInfo& s) {
      if (s.step == 1) go.tryAcquire(1, 30000);
    }, Qt::DirectConnection);
    const quint64 a = submit(tinyRequest(4));
    const quint64 b = submit(tinyRequest(4)), c = submit(tinyRequest(4));
    QTRY_VERIFY_WITH_TIMEOUT(rec.steps.contains(a), kTimeoutMs);  // a is inside step 1
    worker()->cancelAll();
    go.release();
    QTRY_VERIFY_WITH_TIMEOUT(rec.ended.size() == 3, kTimeoutMs);
    disconnect(hold);
    QCOMPARE(rec.cancelled.size(), 3);
    QVERIFY(rec.cancelled.contains(a) && rec.cancelled.contains(b) && rec.cancelled.contains(c));
    QVERIFY(!rec.steps.contains(b) && !rec.steps.contains(c));  // never started
    QCOMPARE(rec.steps[a].size(), 1);
    QCOMPARE(worker()->pending(), 0);
    const quint64 next = submit(tinyRequest(3));
    QTRY_VERIFY_WITH_TIMEOUT(rec.hasEnded(next), kTimeoutMs);
    QVERIFY(rec.finished.contains(next));
  }

  // Each step is slowed to 30 ms, so the run is still going when the owner is deleted.
  void destroyingTheOwnerMidRunCancelsAndJoins() {
    auto* engine = new EngineThread;
    QPointer<EngineWorker> w = engine->worker();
    std::atomic<int> stepsRun{0};
    connect(w, &EngineWorker::stepped, w, [&](quint64, const StepInfo&) {
      ++stepsRun;
      QThread::msleep(30);
    }, Qt::DirectConnection);
    Recorder rec(w);
    const quint64 job = engine->submit(tinyRequest(40));
    engine->submit(tinyRequest(3));  // queued behind it: dropped
    QTRY_VERIFY_WITH_TIMEOUT(rec.steps.contains(job), kTimeoutMs);
    QElapsedTimer clock;
    clock.start();
    delete engine;
    QVERIFY2(clock.elapsed() < 15000, "the owner's destructor hung");
    QVERIFY(w.isNull());  // deleted in its thread as the thread finished
    QVERIFY2(stepsRun < 40, "the run was not cancelled");
  }

  void destroyingAnIdleOwner() {
    auto* engine = new EngineThread;
    QPointer<EngineWorker> w = engine->worker();
    delete engine;
    QVERIFY(w.isNull());
  }

  // What a run changed on its own (the NaN decode redone in fp32) reaches the GUI as its own signal,
  // for its job, and the observer's other channels stay as they were.
  void notesAreForwarded() {
    std::atomic<bool> cancel{false};
    QSignalSpy noted(worker(), &EngineWorker::noted);
    QSignalSpy stages(worker(), &EngineWorker::stageChanged);
    SignallingObserver observer(*worker(), 42, cancel);
    pipelines_note(observer, "The VAE's fp16 decode gave NaNs (a black image), so it was decoded again in fp32");
    QCOMPARE(noted.count(), 1);
    QCOMPARE(noted.at(0).at(0).toULongLong(), quint64(42));
    QCOMPARE(noted.at(0).at(1).toString(),
             QStringLiteral("The VAE's fp16 decode gave NaNs (a black image), so it was decoded again in fp32"));
    QCOMPARE(stages.count(), 0);
    observer.on_stage("decode");
    QCOMPARE(stages.count(), 1);
    QCOMPARE(noted.count(), 1);
    QVERIFY(!observer.should_cancel());
    cancel = true;
    QVERIFY(observer.should_cancel());
  }

  // Stage by stage: the stages named in order, every step of all three counted as one run, the
  // previews at each stage's size, the earlier stages' images before the final ones, one text each.
  void runsADeepFloydCascade() {
    Recorder rec(worker());
    worker()->setPreviewInterval(1);
    auto r = tinyCascade();
    r.num_images = 2;
    const quint64 job = submit(r);
    QTRY_VERIFY_WITH_TIMEOUT(rec.hasEnded(job), kTimeoutMs);
    QVERIFY2(rec.failures.isEmpty(), qPrintable(rec.failures.value(job)));
    const QStringList& stages = rec.stages[job];
    const auto at = [&stages](const char* name) { return stages.indexOf(QString::fromLatin1(name)); };
    QVERIFY2(at("stage I") >= 0 && at("stage I") < at("stage II") && at("stage II") < at("stage III"),
             qPrintable(stages.join(", ")));
    const QList<StepInfo>& steps = rec.steps[job];
    QCOMPARE(steps.size(), 2 + 2 + 2 * 2);  // stage III upscales each image alone
    for (int i = 0; i < steps.size(); ++i) {
      QCOMPARE(steps[i].step, i + 1);
      QCOMPARE(steps[i].total, steps.size());
      QVERIFY(!steps[i].preview.isNull());
    }
    QCOMPARE(steps[0].preview.size(), QSize(16, 16));  // stage I's image itself
    QCOMPARE(steps[2].preview.size(), QSize(64, 64));  // stage II's
    const auto& earlier = rec.stageImages[job];
    QCOMPARE(earlier.size(), 2);
    QCOMPARE(earlier[0].first, QStringLiteral("stage I"));
    QCOMPARE(earlier[0].second.size(), 2);
    QCOMPARE(earlier[0].second[0].size(), QSize(16, 16));
    QCOMPARE(earlier[1].first, QStringLiteral("stage II"));
    QCOMPARE(earlier[1].second[1].size(), QSize(64, 64));
    QCOMPARE(rec.events[job], (QStringList{"images of stage I", "images of stage II", "finished"}));
    const QList<QImage>& images = rec.images[job];
    QCOMPARE(images.size(), 2);
    QCOMPARE(images[0].size(), QSize(256, 256));
    const QStringList& text = rec.parameters[job];
    QCOMPARE(text.size(), 2);
    QVERIFY2(text[0].startsWith("a red fox in the snow\nNegative prompt: blurry\n"), qPrintable(text[0]));
    QVERIFY2(text[0].contains("Steps: 2, Sampler: DDPM, CFG scale: 7, Seed: 7, Size: 256x256, Model: if1"),
             qPrintable(text[0]));
    QVERIFY2(text[0].contains("Stage II model: if2") && text[0].contains("Stage III model: x4"), qPrintable(text[0]));
  }

  // Without stage III the last stage is II: its images are the final ones, stage I's come before.
  void aCascadeOfTwoStages() {
    Recorder rec(worker());
    const quint64 job = submit(tinyCascade(false));
    QTRY_VERIFY_WITH_TIMEOUT(rec.hasEnded(job), kTimeoutMs);
    QVERIFY2(rec.failures.isEmpty(), qPrintable(rec.failures.value(job)));
    QCOMPARE(rec.stageImages[job].size(), 1);
    QCOMPARE(rec.stageImages[job][0].first, QStringLiteral("stage I"));
    QCOMPARE(rec.images[job].size(), 1);
    QCOMPARE(rec.images[job][0].size(), QSize(64, 64));
    QVERIFY(!rec.stages[job].contains("stage III"));
  }

  void upscalesAnImage() {
    Recorder rec(worker());
    const quint64 job = submit(tinyUpscale());
    QTRY_VERIFY_WITH_TIMEOUT(rec.hasEnded(job), kTimeoutMs);
    QVERIFY2(rec.failures.isEmpty(), qPrintable(rec.failures.value(job)));
    QVERIFY2(rec.stages[job].contains("upscale"), qPrintable(rec.stages[job].join(", ")));
    QCOMPARE(rec.steps[job].size(), 2);
    QCOMPARE(rec.images[job].size(), 1);
    QCOMPARE(rec.images[job][0].size(), QSize(80, 96));
    QVERIFY(rec.stageImages.isEmpty());
    const QString text = rec.parameters[job].value(0);
    QVERIFY2(text.startsWith("a cat\n") && text.contains("Seed: 3, Size: 80x96, Model: x4") &&
                 text.contains("Noise level: 20"),
             qPrintable(text));
  }

  // One queue for every kind, in order; each pipeline keeps its models while the others run.
  void jobsOfEveryKindShareTheQueue() {
    Recorder rec(worker());
    const quint64 a = submit(tinyRequest(2)), b = submit(tinyCascade(false)), c = submit(tinyUpscale()),
                  d = submit(tinyRequest(2));
    auto bad = tinyUpscale();
    bad.model_dir = deepfloyd("if2");  // not an x4 upscaler
    const quint64 e = submit(bad);
    QTRY_VERIFY_WITH_TIMEOUT(rec.hasEnded(e), kTimeoutMs);
    QCOMPARE(rec.finished, (QList<quint64>{a, b, c, d}));
    QCOMPARE(rec.images[a][0].size(), QSize(32, 32));
    QCOMPARE(rec.images[b][0].size(), QSize(64, 64));
    QCOMPARE(rec.images[c][0].size(), QSize(80, 96));
    QVERIFY2(rec.failures.value(e).contains("if2"), qPrintable(rec.failures.value(e)));
    QCOMPARE(worker()->pending(), 0);
  }

  void cancelStopsACascade() {
    Recorder rec(worker());
    const auto hook = connect(worker(), &EngineWorker::stepped, worker(), [this](quint64, const StepInfo& s) {
      if (s.step == 3) worker()->cancel();  // in stage II
    }, Qt::DirectConnection);
    const quint64 job = submit(tinyCascade());
    QTRY_VERIFY_WITH_TIMEOUT(rec.hasEnded(job), kTimeoutMs);
    disconnect(hook);
    QCOMPARE(rec.cancelled, QList<quint64>{job});
    QCOMPARE(rec.steps[job].size(), 3);
    QVERIFY(!rec.stageImages.contains(job));
  }

  void imagesConvertBothWays() {
    // Width 3: QImage pads its rows to 4 bytes, the engine's rows are packed.
    gesso::Image rgb{3, 2, 3, {}};
    for (int i = 0; i < 18; ++i) rgb.pixels.push_back(static_cast<uint8_t>(i * 13));
    const QImage q = gesso::ui::toQImage(rgb);
    QCOMPARE(q.format(), QImage::Format_RGB888);
    QCOMPARE(q.pixel(2, 1), qRgb(15 * 13, 16 * 13, 17 * 13));
    QCOMPARE(gesso::ui::fromQImage(q, 3).pixels, rgb.pixels);
    gesso::Image gray{3, 1, 1, {0, 128, 255}};
    QCOMPARE(gesso::ui::toQImage(gray).format(), QImage::Format_Grayscale8);
    QCOMPARE(gesso::ui::fromQImage(gesso::ui::toQImage(gray), 1).pixels, gray.pixels);
    // Colour to gray goes through PIL's luma: (299 R + 587 G + 114 B) / 1000, rounded.
    QImage red(1, 1, QImage::Format_ARGB32);
    red.fill(qRgb(255, 0, 0));
    QCOMPARE(int(gesso::ui::fromQImage(red, 1).pixels.at(0)), 76);
    const auto rgba = gesso::ui::fromQImage(red, 4);
    QCOMPARE(rgba.channels, 4);
    QCOMPARE(rgba.pixels, (std::vector<uint8_t>{255, 0, 0, 255}));
    QVERIFY(gesso::ui::fromQImage(QImage(), 3).empty());
    QVERIFY(gesso::ui::toQImage(gesso::Image{}).isNull());
  }
};

QTEST_MAIN(TestEngineWorker)
#include "test_engine_worker.moc"
