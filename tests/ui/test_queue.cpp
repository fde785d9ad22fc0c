// The queue: the model (captions, order, moves by button and by drag, remove, the "Generate
// forever" flag), its panel's buttons, and the window with the tiny model on the CPU: Generate
// while a run is going queues; items run in queue order; Cancel ends the running item only and the
// rest go on; a removed item never runs; "Generate forever" submits the form again with new seeds
// until turned off; the readout is clean after a cancel and its summary is the item's wall time;
// the previews' default (every 5 steps) is the worker's and the Settings menu's.
#include <QtTest>

#include <QAction>
#include <QDirIterator>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "common/fixtures.h"
#include "engine/pipelines/generation_request.h"
#include "ui/engine_worker.h"
#include "ui/generation_panel.h"
#include "ui/generation_queue.h"
#include "ui/history_model.h"
#include "ui/history_panel.h"
#include "ui/image_view.h"
#include "ui/main_window.h"
#include "ui/optimization_panel.h"
#include "ui/output_naming.h"
#include "ui/queue_panel.h"
#include "ui/readout_bar.h"
#include "ui/settings_store.h"

using gesso::pipelines::GenerationRequest;
using gesso::ui::EngineJob;
using gesso::ui::GenerationQueue;
using gesso::ui::MainWindow;
using gesso::ui::QueueItem;
using gesso::ui::QueuePanel;

namespace {

QString tinyModel() { return QString::fromStdString((gesso::test::fixture_dir("pipelines") / "sd1").string()); }

QueueItem item(const std::string& prompt, int jobs = 1, int batchSize = 1) {
  GenerationRequest r;
  r.prompt = prompt;
  r.width = 512;
  r.height = 768;
  r.steps = 20;
  r.num_images = batchSize;
  QueueItem out;
  for (int i = 0; i < jobs; ++i) out.jobs << EngineJob(r);
  return out;
}

QStringList captions(const GenerationQueue& queue) {
  QStringList out;
  for (int i = 0; i < queue.size(); ++i) out << queue.at(i).caption.section(QStringLiteral(" · "), 0, 0);
  return out;
}

QStringList pngsUnder(const QString& folder) {
  QStringList files;
  QDirIterator it(folder, {"*.png"}, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) files << it.next();
  return files;
}

qint64 seedIn(const QString& parameters) {
  const auto match = QRegularExpression(QStringLiteral("Seed: (\\d+)")).match(parameters);
  return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

}  // namespace

class TestQueue : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  int m_run = 0;

  // Each window its own settings and output folder.
  MainWindow::Paths freshPaths() {
    const QString root = m_dir.filePath(QString::number(++m_run));
    QDir().mkpath(root);
    gesso::ui::SettingsStore settings(root + "/gesso.ini");
    settings.setOutputFolder(root + "/outputs");
    settings.setPreviewInterval(0);
    settings.save();
    return {root + "/gesso.ini", root + "/history.sqlite"};
  }
  QString outputs() const { return m_dir.filePath(QString::number(m_run) + "/outputs"); }

  void prepare(MainWindow& w, const QString& prompt, int steps) {
    auto* panel = w.generationPanel();
    panel->setModelFolders({tinyModel()});
    panel->setCurrentModelFolder(tinyModel());
    auto s = panel->settings();
    s.prompt = prompt;
    s.negativePrompt.clear();
    s.width = s.height = 64;
    s.steps = steps;
    s.sampler = "Euler";
    s.seedMode = gesso::ui::SeedMode::Fixed;
    s.seed = 1234;
    s.mode = "txt2img";
    s.batchCount = 1;
    s.batchSize = 1;
    panel->setSettings(s);
    auto options = w.optimizationPanel()->options();
    options.device = "cpu";
    options.dtype = torch::kFloat;
    w.optimizationPanel()->setOptions(options);
  }

  void setPrompt(MainWindow& w, const QString& prompt, int steps) {
    auto s = w.generationPanel()->settings();
    s.prompt = prompt;
    s.steps = steps;
    w.generationPanel()->setSettings(s);
  }

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
  }

  void captionsSayPromptSizeStepsModeAndBatch() {
    QCOMPARE(gesso::ui::captionFor(QueueItem::Kind::Generation, item("a red cube", 2, 4).jobs),
             QStringLiteral("a red cube · 512×768 · 20 steps · txt2img · 2 × 4"));
    QCOMPARE(gesso::ui::captionFor(QueueItem::Kind::Generation, item("a red cube").jobs),
             QStringLiteral("a red cube · 512×768 · 20 steps · txt2img"));
    const QString longOne =
        gesso::ui::captionFor(QueueItem::Kind::Generation, item(std::string(200, 'x')).jobs).section(" · ", 0, 0);
    QCOMPARE(longOne.size(), 40);
    QVERIFY(longOne.endsWith(QStringLiteral("…")));
    QCOMPARE(gesso::ui::captionFor(QueueItem::Kind::Generation, item("").jobs).section(" · ", 0, 0),
             QStringLiteral("(no prompt)"));
    gesso::pipelines::UpscaleRequest up;
    up.prompt = "a cat";
    up.image.width = 20;
    up.image.height = 24;
    up.settings.steps = 1;
    QCOMPARE(gesso::ui::captionFor(QueueItem::Kind::Upscale, {EngineJob(up)}),
             QStringLiteral("a cat · 20×24 · 1 step · Upscale x4"));
  }

  void enqueuesInOrderAndTakesTheFirst() {
    GenerationQueue queue;
    QVERIFY(queue.isEmpty());
    QVERIFY(!queue.takeFirst());
    QCOMPARE(queue.enqueue(item("a")), quint64(1));
    QCOMPARE(queue.enqueue(item("b")), quint64(2));
    QCOMPARE(queue.enqueue(item("c")), quint64(3));
    QCOMPARE(queue.rowCount(), 3);
    QCOMPARE(queue.data(queue.index(1)).toString(), QStringLiteral("2. b · 512×768 · 20 steps · txt2img"));
    const auto first = queue.takeFirst();
    QVERIFY(first);
    QCOMPARE(first->id, quint64(1));
    QCOMPARE(queue.ids(), (QList<quint64>{2, 3}));
    QCOMPARE(queue.data(queue.index(0)).toString().left(3), QStringLiteral("1. "));  // numbered as they will run
  }

  void movesAndRemoves() {
    GenerationQueue queue;
    for (const char* p : {"a", "b", "c", "d"}) queue.enqueue(item(p));
    QVERIFY(queue.moveUp(2));  // c before b
    QCOMPARE(captions(queue), (QStringList{"a", "c", "b", "d"}));
    QVERIFY(queue.moveDown(0));  // a after c
    QCOMPARE(captions(queue), (QStringList{"c", "a", "b", "d"}));
    QVERIFY(!queue.moveUp(0));
    QVERIFY(!queue.moveDown(3));
    QVERIFY(!queue.moveUp(9));
    QVERIFY(!queue.remove(4));
    QVERIFY(!queue.remove(-1));
    QVERIFY(queue.remove(1));
    QCOMPARE(captions(queue), (QStringList{"c", "b", "d"}));
    queue.clear();
    QVERIFY(queue.isEmpty());
  }

  // What a drag in the list does: the view asks for the row's mime data and drops it elsewhere.
  void dragMovesARow() {
    GenerationQueue queue;
    for (const char* p : {"a", "b", "c", "d"}) queue.enqueue(item(p));
    std::unique_ptr<QMimeData> mime(queue.mimeData({queue.index(3)}));
    QVERIFY(mime->hasFormat(GenerationQueue::kMimeType));
    // Dropped between rows 0 and 1; false: the view must not remove the source row as well.
    QVERIFY(!queue.dropMimeData(mime.get(), Qt::MoveAction, 1, 0, {}));
    QCOMPARE(captions(queue), (QStringList{"a", "d", "b", "c"}));
    mime.reset(queue.mimeData({queue.index(0)}));
    queue.dropMimeData(mime.get(), Qt::MoveAction, -1, -1, {});  // on the list's empty end: last
    QCOMPARE(captions(queue), (QStringList{"d", "b", "c", "a"}));
    QVERIFY(!queue.dropMimeData(mime.get(), Qt::CopyAction, 0, 0, {}));
    QCOMPARE(captions(queue), (QStringList{"d", "b", "c", "a"}));  // a copy is not a move
    QVERIFY(queue.flags(queue.index(0)) & Qt::ItemIsDragEnabled);
    QVERIFY(!(queue.flags(queue.index(0)) & Qt::ItemIsDropEnabled));  // between rows, never onto one
  }

  void repeatFlag() {
    GenerationQueue queue;
    QVERIFY(!queue.repeats());  // off by default
    QSignalSpy changed(&queue, &GenerationQueue::repeatChanged);
    queue.setRepeat(true);
    queue.setRepeat(true);
    QCOMPARE(changed.count(), 1);
    QVERIFY(queue.repeats());
  }

  void panelButtonsFollowTheSelection() {
    GenerationQueue queue;
    QueuePanel panel(queue);
    QVERIFY(!panel.upButton()->isEnabled());
    QVERIFY(!panel.removeButton()->isEnabled());
    QVERIFY(!panel.clearButton()->isEnabled());
    QVERIFY(!panel.foreverButton()->isChecked());
    QVERIFY(panel.runningText().startsWith(QStringLiteral("Nothing is running")));
    for (const char* p : {"a", "b", "c"}) queue.enqueue(item(p));
    QVERIFY(panel.clearButton()->isEnabled());
    QCOMPARE(panel.list()->dragDropMode(), QAbstractItemView::InternalMove);
    panel.setCurrentRow(2);
    QVERIFY(panel.upButton()->isEnabled());
    QVERIFY(!panel.downButton()->isEnabled());
    panel.upButton()->click();
    QCOMPARE(captions(queue), (QStringList{"a", "c", "b"}));
    QCOMPARE(panel.currentRow(), 1);  // the selection follows the item
    panel.downButton()->click();
    QCOMPARE(captions(queue), (QStringList{"a", "b", "c"}));
    panel.setCurrentRow(0);
    panel.removeButton()->click();
    QCOMPARE(captions(queue), (QStringList{"b", "c"}));
    panel.foreverButton()->click();
    QVERIFY(queue.repeats());
    queue.setRepeat(false);
    QVERIFY(!panel.foreverButton()->isChecked());
    panel.clearButton()->click();
    QVERIFY(queue.isEmpty());
    panel.setRunning(QStringLiteral("a red cube · 64×64"));
    QCOMPARE(panel.runningText(), QStringLiteral("Running: a red cube · 64×64"));
  }

  // Issue 18's queue test: order, cancel one, the rest go on (and a removed one never runs).
  void windowQueuesRunsInOrderAndCancelEndsOnlyTheRunningItem() {
    MainWindow window(freshPaths());
    window.show();
    prepare(window, "first", 400);
    QSignalSpy items(&window, &MainWindow::itemFinished);
    QSignalSpy done(&window, &MainWindow::runFinished);
    QStringList ranPrompts;  // the items that made images, in the order they ended (direct: no queued call left)
    connect(&window, &MainWindow::itemFinished, &window, [&](quint64, bool ok) {
      if (ok) ranPrompts << window.imageView()->currentParameters().section('\n', 0, 0);
    });
    window.generationPanel()->generateButton()->click();
    QVERIFY(window.isBusy());
    QVERIFY(window.generationPanel()->generateButton()->isEnabled());  // it queues now
    QTRY_VERIFY_WITH_TIMEOUT(window.readout()->progress() >= 1, 60000);
    for (const char* p : {"second", "third", "fourth"}) {
      setPrompt(window, p, 2);
      window.generationPanel()->generateButton()->click();
    }
    auto* queue = window.queue();
    QCOMPARE(queue->size(), 3);
    QVERIFY2(window.queuePanel()->runningText().contains("first"), qPrintable(window.queuePanel()->runningText()));
    QVERIFY(queue->moveUp(1));  // third before second
    QVERIFY(queue->remove(2));  // fourth out
    QCOMPARE(captions(*queue), (QStringList{"third", "second"}));
    // The readout as the cancelled item ends (before the next one starts).
    QString progressAtCancel = "unset", timeAtCancel = "unset", stageAtCancel;
    connect(&window, &MainWindow::itemFinished, &window, [&](quint64, bool ok) {
      if (ok || progressAtCancel != "unset") return;
      progressAtCancel = window.readout()->progressText();
      timeAtCancel = window.readout()->timeText();
      stageAtCancel = window.readout()->stageText();
    });
    window.cancel();
    QVERIFY(done.wait(120000));
    QCOMPARE(done.count(), 1);  // once, when the queue ran dry
    QVERIFY(done.first().first().toBool());
    QCOMPARE(items.count(), 3);
    QCOMPARE(items.at(0).at(1).toBool(), false);  // first: cancelled
    QCOMPARE(items.at(1).at(1).toBool(), true);
    QCOMPARE(items.at(2).at(1).toBool(), true);
    QCOMPARE(progressAtCancel, QString());
    QCOMPARE(timeAtCancel, QString());
    QCOMPARE(stageAtCancel, QStringLiteral("Cancelled"));
    QCOMPARE(ranPrompts, (QStringList{"third", "second"}));
    QCOMPARE(pngsUnder(outputs()).size(), 2);  // the cancelled one saved nothing
    QVERIFY(!window.isBusy());
    QVERIFY(queue->isEmpty());
    QVERIFY(window.queuePanel()->runningText().startsWith("Nothing is running"));
    QVERIFY(!window.generationPanel()->cancelButton()->isEnabled());
  }

  // Issue 18, item 4: "4 image(s) in 5.4 s" is the whole Generate's time, not its last job's.
  void batchSummaryIsTheWallTimeOfAllItsJobs() {
    MainWindow window(freshPaths());
    window.show();
    prepare(window, "a batch", 2);
    auto s = window.generationPanel()->settings();
    s.batchCount = 3;
    window.generationPanel()->setSettings(s);
    double jobSeconds = 0, lastJob = 0;
    int jobs = 0;
    // The window as the context: the worker's signal is queued, and a call left pending past this
    // function would write into its dead locals.
    connect(window.engineWorker(), &gesso::ui::EngineWorker::finished, &window,
            [&](quint64, const QList<QImage>&, const QStringList&, double seconds) {
              jobSeconds += seconds;
              lastJob = seconds;
              ++jobs;
            });
    QSignalSpy done(&window, &MainWindow::runFinished);
    QElapsedTimer clock;
    clock.start();
    window.generationPanel()->generateButton()->click();
    QVERIFY(done.wait(120000));
    const double wall = clock.elapsed() / 1000.0;
    QTRY_COMPARE(jobs, 3);  // the last job's call is queued after the window's
    const QString summary = window.readout()->stageText();
    const auto match = QRegularExpression(QStringLiteral("^3 image\\(s\\) in ([0-9.]+) s$")).match(summary);
    QVERIFY2(match.hasMatch(), qPrintable(summary));
    const double shown = match.captured(1).toDouble();
    qInfo("summary %s; jobs %.2f s in all, the last %.2f s; wall %.2f s", qPrintable(summary), jobSeconds, lastJob, wall);
    QVERIFY(shown >= jobSeconds - 0.05);  // every job's time, not the last one's
    QVERIFY(shown <= wall + 0.05);
  }

  // A1111's seeds: batch count 2 x batch size 2 from seed 1234 is four images with the seeds
  // 1234..1237, each in its own PNG text and history row.
  void batchImagesSaveTheirOwnSeeds() {
    MainWindow window(freshPaths());
    window.show();
    prepare(window, "seeds", 1);
    auto s = window.generationPanel()->settings();
    s.width = s.height = 32;
    s.batchCount = 2;
    s.batchSize = 2;
    window.generationPanel()->setSettings(s);
    QSignalSpy done(&window, &MainWindow::runFinished);
    window.generationPanel()->generateButton()->click();
    QVERIFY(done.wait(120000));
    QTRY_COMPARE(pngsUnder(outputs()).size(), 4);
    QSet<qint64> seeds;
    for (const QString& f : pngsUnder(outputs())) seeds.insert(seedIn(gesso::ui::readParametersText(f)));
    QCOMPARE(seeds, (QSet<qint64>{1234, 1235, 1236, 1237}));
    auto* history = window.historyPanel()->model();
    QTRY_COMPARE(history->rowCount(), 4);
    QSet<qint64> rows;
    for (int i = 0; i < 4; ++i) rows.insert(history->index(i, 0).data(gesso::ui::HistoryModel::SeedRole).toLongLong());
    QCOMPARE(rows, seeds);
  }

  // A1111's "Generate forever": the form again, each time with a new seed, until turned off.
  void generateForeverRepeatsWithNewSeedsUntilTurnedOff() {
    MainWindow window(freshPaths());
    window.show();
    prepare(window, "forever", 1);
    QSignalSpy items(&window, &MainWindow::itemFinished);
    QSignalSpy done(&window, &MainWindow::runFinished);
    window.queuePanel()->foreverButton()->click();
    QVERIFY(window.queue()->repeats());
    window.generationPanel()->generateButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(items.count() >= 3, 120000);
    QCOMPARE(done.count(), 0);  // the queue never ran dry
    window.queuePanel()->foreverButton()->click();
    QVERIFY(!window.queue()->repeats());
    QVERIFY(done.wait(60000));
    const QStringList files = pngsUnder(outputs());
    QVERIFY(files.size() >= 3);
    QSet<qint64> seeds;
    for (const QString& f : files) seeds.insert(seedIn(gesso::ui::readParametersText(f)));
    QVERIFY2(seeds.size() == files.size(), "each repeat has its own seed");
    QVERIFY(seeds.contains(1234));  // the first is the form's own
  }

  // Issue 18, item 11: the worker, the settings and the Settings menu agree on the previews'
  // default (every 5 steps, as the README says); a changed interval shows in the menu.
  void previewDefaultAgreesWithTheMenu() {
    const QString root = m_dir.filePath("previews");
    QDir().mkpath(root);
    MainWindow window({root + "/gesso.ini", root + "/history.sqlite"});
    QCOMPARE(gesso::ui::SettingsStore::kDefaultPreviewInterval, 5);
    QCOMPARE(window.engineWorker()->previewInterval(), 5);
    auto* action = window.findChild<QAction*>("previewIntervalAction");
    QVERIFY(action != nullptr);
    QCOMPARE(action->text(), QStringLiteral("&Previews: every 5 steps…"));
    gesso::ui::SettingsStore settings(root + "/every.ini");
    settings.setPreviewInterval(1);
    QVERIFY(settings.save());
    MainWindow every({root + "/every.ini", root + "/every.sqlite"});
    QCOMPARE(every.engineWorker()->previewInterval(), 1);
    QCOMPARE(every.findChild<QAction*>("previewIntervalAction")->text(), QStringLiteral("&Previews: every step…"));
  }

  // A request the form cannot make is refused at the press, not queued to fail later.
  void anItemThatCannotStartIsRefusedAtOnce() {
    MainWindow window(freshPaths());
    prepare(window, "no source image", 1);
    auto s = window.generationPanel()->settings();
    s.mode = "img2img";  // without a source image
    window.generationPanel()->setSettings(s);
    window.generate();
    QVERIFY(!window.isBusy());
    QVERIFY(window.queue()->isEmpty());
    QVERIFY(!window.lastError().isEmpty());
  }
};

QTEST_MAIN(TestQueue)
#include "test_queue.moc"
