// The studio with the tiny DeepFloyd IF and x4 fixtures, offscreen, on the CPU: the "DeepFloyd IF"
// mode runs the cascade through the worker, the view captions each stage's previews and shows the
// final images with the earlier stages', the final image is saved with its PNG text and recorded in
// the history, the panel's settings are kept; "Upscale x4" on a history entry asks for its settings
// in the dialog (the prompt from the entry's text) and puts a 4x image with its text into the
// history, the upscaler and numbers remembered; without an x4 upscaler in the library, the action
// says what to download and where to put it.
#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "common/fixtures.h"
#include "common/widgets.h"
#include "ui/controlnet_panel.h"
#include "ui/deepfloyd_panel.h"
#include "ui/engine_worker.h"
#include "ui/generation_panel.h"
#include "ui/history_model.h"
#include "ui/history_panel.h"
#include "ui/history_store.h"
#include "ui/image_view.h"
#include "ui/main_window.h"
#include "ui/model_library.h"
#include "ui/optimization_panel.h"
#include "ui/output_naming.h"
#include "ui/settings_store.h"
#include "ui/upscale_dialog.h"

using gesso::ui::GenerationPanel;
using gesso::ui::MainWindow;
using gesso::ui::SettingsStore;
using gesso::ui::UpscaleDialog;

namespace {

using gesso::test::child;

constexpr int kRunMs = 180000;

QString fixtures() { return QString::fromStdString(gesso::test::fixture_dir("deepfloyd").string()); }
QString fixture(const char* name) { return QDir(fixtures()).filePath(QLatin1String(name)); }

UpscaleDialog* openDialog(const MainWindow& window) {
  for (UpscaleDialog* dialog : window.findChildren<UpscaleDialog*>())
    if (dialog->isVisible()) return dialog;
  return nullptr;
}

}  // namespace

class TestStudioDeepFloyd : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;

  // A window of its own: an empty models folder, and with `withFixtures` the fixture folder as an
  // extra library folder (its if1, if2 and x4 are then the library's).
  MainWindow::Paths paths(const QString& name, bool withFixtures) {
    const QString dir = m_dir.filePath(name);
    QDir().mkpath(dir);
    SettingsStore settings(dir + "/gesso.ini");
    settings.setOutputFolder(dir + "/outputs");
    settings.setModelsRoot(dir + "/models");
    settings.setExtraModelFolders(withFixtures ? QStringList{fixtures()} : QStringList{});
    [&] { QVERIFY(settings.save()); }();
    return {dir + "/gesso.ini", dir + "/history.sqlite", dir + "/hashes.json"};
  }

  static void useTheCpu(MainWindow& window) {
    auto options = window.optimizationPanel()->options();
    options.device = "cpu";
    options.dtype = torch::kFloat;
    window.optimizationPanel()->setOptions(options);
  }

  static void waitForTheLibrary(MainWindow& window) {
    QTRY_VERIFY_WITH_TIMEOUT(!window.modelLibrary()->isScanning(), 30000);
  }

  // An image in the history, as a finished run leaves it: a PNG with its text, and its row.
  static void addToHistory(const MainWindow::Paths& p, const QString& png, const QString& text) {
    const QImage image(fixture("upscale_input.png"));
    QVERIFY(!image.isNull());
    QVERIFY(gesso::ui::writeImageAtomically(image, png, text));
    gesso::ui::HistoryStore store(p.history);  // a second connection to the window's database
    gesso::ui::HistoryEntry e;
    e.imagePath = png;
    e.parameters = text;
    e.thumbnail = image;
    e.width = image.width();
    e.height = image.height();
    QVERIFY(store.add(e) > 0);
  }

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
  }

  void runsTheCascadeIntoTheHistory() {
    const auto p = paths("cascade", true);
    MainWindow window(p);
    window.show();
    waitForTheLibrary(window);
    useTheCpu(window);
    auto* panel = window.generationPanel();
    auto s = panel->settings();
    s.mode = GenerationPanel::kDeepFloydMode;
    s.prompt = "a red fox in the snow";
    s.negativePrompt = "blurry";
    s.seedMode = gesso::ui::SeedMode::Fixed;
    s.seed = 21;
    s.batchSize = 1;
    s.batchCount = 1;
    panel->setSettings(s);
    auto* ifPanel = window.deepFloydPanel();
    QVERIFY(ifPanel->isVisibleTo(&window));
    QVERIFY(!window.controlNetPanel()->isEnabled());  // nothing for a ControlNet to guide
    QCOMPARE(ifPanel->stageModel(1), fixture("if1"));
    QCOMPARE(ifPanel->stageModel(2), fixture("if2"));
    ifPanel->setStageModel(3, fixture("x4"));
    for (const char* name : {"stage1StepsSpin", "stage2StepsSpin", "stage3StepsSpin"})
      child<QSpinBox>(*ifPanel, name)->setValue(2);
    window.engineWorker()->setPreviewInterval(1);
    // Read after the window's own handler of each step (queued in connection order).
    QStringList captions;
    connect(window.engineWorker(), &gesso::ui::EngineWorker::stepped, this,
            [&] { captions << window.imageView()->caption(); });
    const int rows = window.historyPanel()->model()->rowCount();
    QSignalSpy done(&window, &MainWindow::runFinished);
    panel->generateButton()->click();
    QVERIFY(done.wait(kRunMs));
    QVERIFY2(done.first().first().toBool(), qPrintable(window.lastError()));
    QCOMPARE(captions, (QStringList{"Stage I", "Stage I", "Stage II", "Stage II", "Stage III", "Stage III"}));
    // The final image first, then stage II's and stage I's.
    auto* view = window.imageView();
    QCOMPARE(view->imageCount(), 3);
    QCOMPARE(view->currentImage().size(), QSize(256, 256));
    QCOMPARE(view->caption(), QStringLiteral("Stage III"));
    QVERIFY2(view->currentParameters().contains("Stage III model: x4"), qPrintable(view->currentParameters()));
    QCOMPARE(window.historyPanel()->model()->rowCount(), rows + 1);
    const auto* entry = window.historyPanel()->model()->entryAt(0);
    QCOMPARE(QImage(entry->imagePath).size(), QSize(256, 256));
    const QString text = gesso::ui::readParametersText(entry->imagePath);
    QVERIFY2(text.startsWith("a red fox in the snow\nNegative prompt: blurry\nSteps: 2, Sampler: DDPM, CFG scale: 7, "
                             "Seed: 21, Size: 256x256, Model: if1"),
             qPrintable(text));
    QVERIFY2(text.contains("Stage II model: if2") && text.contains("Stage II noise level: 250") &&
                 text.contains("Stage III noise level: 100"),
             qPrintable(text));
    // The panel's settings were saved with the run.
    const SettingsStore saved(p.settings);
    QCOMPARE(saved.group("DeepFloyd").value("stage3Model").toString(), fixture("x4"));
    QCOMPARE(saved.group("DeepFloyd").value("stage1Steps").toInt(), 2);
    QCOMPARE(saved.lastGeneration().mode, GenerationPanel::kDeepFloydMode);
  }

  void upscalesFromTheHistory() {
    const auto p = paths("upscale", true);
    const QString text = "a cat\nNegative prompt: ugly\nSteps: 20, Sampler: Euler, CFG scale: 7, Seed: 77, Size: 20x24";
    addToHistory(p, m_dir.filePath("upscale/source.png"), text);
    MainWindow window(p);
    window.show();
    waitForTheLibrary(window);
    useTheCpu(window);
    auto* history = window.historyPanel();
    QCOMPARE(history->model()->rowCount(), 1);
    history->upscale(0);
    UpscaleDialog* dialog = openDialog(window);
    QVERIFY(dialog != nullptr);
    QCOMPARE(child<QComboBox>(*dialog, "upscalerCombo")->currentData().toString(), fixture("x4"));
    QCOMPARE(child<QPlainTextEdit>(*dialog, "upscalePromptEdit")->toPlainText(), QStringLiteral("a cat"));
    QCOMPARE(child<QPlainTextEdit>(*dialog, "upscaleNegativeEdit")->toPlainText(), QStringLiteral("ugly"));
    child<QSpinBox>(*dialog, "upscaleStepsSpin")->setValue(2);
    QSignalSpy done(&window, &MainWindow::runFinished);
    dialog->accept();
    QVERIFY(window.isBusy());
    QVERIFY(done.wait(kRunMs));
    QVERIFY2(done.first().first().toBool(), qPrintable(window.lastError()));
    QCOMPARE(history->model()->rowCount(), 2);
    const auto* entry = history->model()->entryAt(0);  // newest first
    QCOMPARE(QSize(entry->width, entry->height), QSize(80, 96));
    QCOMPARE(QImage(entry->imagePath).size(), QSize(80, 96));
    QCOMPARE(entry->seed, qint64(77));
    const QString upscaled = gesso::ui::readParametersText(entry->imagePath);
    QVERIFY2(upscaled.startsWith("a cat\nNegative prompt: ugly\nSteps: 2, ") && upscaled.contains("Seed: 77, Size: 80x96, Model: x4") &&
                 upscaled.contains("Noise level: 20") && upscaled.contains("Upscaler: SD x4"),
             qPrintable(upscaled));
    QCOMPARE(window.imageView()->currentImage().size(), QSize(80, 96));
    // The upscaler and its numbers are remembered: the next dialog (the result view's) has them.
    const SettingsStore saved(p.settings);
    QCOMPARE(saved.group("Upscale").value("model").toString(), fixture("x4"));
    QCOMPARE(saved.group("Upscale").value("steps").toInt(), 2);
    emit window.imageView()->upscaleRequested(window.imageView()->currentImage(), window.imageView()->currentParameters());
    dialog = openDialog(window);
    QVERIFY(dialog != nullptr);
    QCOMPARE(child<QSpinBox>(*dialog, "upscaleStepsSpin")->value(), 2);
    QCOMPARE(child<QPlainTextEdit>(*dialog, "upscalePromptEdit")->toPlainText(), QStringLiteral("a cat"));
    dialog->reject();
    QVERIFY(!window.isBusy());
  }

  void missingUpscalerSaysHowToAddOne() {
    const auto p = paths("missing", false);
    addToHistory(p, m_dir.filePath("missing/source.png"), QString());
    MainWindow window(p);
    window.show();
    waitForTheLibrary(window);
    window.historyPanel()->upscale(0);
    const QString error = window.lastError();
    QVERIFY2(error.contains("No x4 upscaler") && error.contains("stabilityai/stable-diffusion-x4-upscaler") &&
                 error.contains(QDir::toNativeSeparators(m_dir.filePath("missing/models/Stable-diffusion"))) &&
                 error.contains("Settings > Model library"),
             qPrintable(error));
    QVERIFY(window.findChild<QMessageBox*>("errorBox") != nullptr);
    QVERIFY(openDialog(window) == nullptr);
    QVERIFY(!window.isBusy());
    // The DeepFloyd panel says the same of its stages.
    auto s = window.generationPanel()->settings();
    s.mode = GenerationPanel::kDeepFloydMode;
    window.generationPanel()->setSettings(s);
    window.generate();
    QVERIFY(!window.isBusy());
    QVERIFY2(window.lastError().contains("stage I and a stage II model"), qPrintable(window.lastError()));
  }
};

QTEST_MAIN(TestStudioDeepFloyd)
#include "test_studio_deepfloyd.moc"
