// Help > Benchmark (issue 18): the dialog turns gesso-bench's JSON lines into seed 003's table
// (a row per pipeline, a column per batch and setting, it/s in the cells, IF's three stages in
// one), says which pipelines are skipped and why, copies it as Markdown; runs a fake gesso-bench
// (shell scripts: its output, its failure, one that never ends) without hanging, shows errors in
// words; and once the real gesso-bench on the tiny CPU model.
#include <QtTest>

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>

#include "common/fixtures.h"
#include "common/widgets.h"
#include "engine/pipelines/model_family.h"
#include "engine/pipelines/model_file.h"
#include "ui/benchmark_dialog.h"
#include "ui/generation_panel.h"
#include "ui/main_window.h"

using gesso::pipelines::ModelFamily;
using gesso::pipelines::ModelFileKind;
using gesso::test::child;
using gesso::ui::BenchmarkDialog;
using gesso::ui::BenchmarkModels;
using gesso::ui::BenchmarkSettings;
using gesso::ui::ModelEntry;

namespace {

ModelEntry entry(const QString& path, ModelFileKind kind, std::optional<ModelFamily> family, bool inpainting = false) {
  ModelEntry e;
  e.path = path;
  e.name = path;
  e.kind = kind;
  e.family = family;
  e.inpainting = inpainting;
  return e;
}

BenchmarkModels sdOnly() {
  BenchmarkModels m;
  m.sd = QStringLiteral("/models/sd15");
  return m;
}

const QByteArray kLines =
    "{\"pipeline\":\"SD - txt2img\",\"batch\":1,\"config\":\"default\",\"it_s\":21.664,\"device\":\"FakeGPU\"}\n"
    "{\"pipeline\":\"SD - txt2img\",\"batch\":1,\"config\":\"max-speed\",\"it_s\":44.03,\"device\":\"FakeGPU\"}\n"
    "{\"pipeline\":\"SD - txt2img\",\"batch\":4,\"config\":\"default\",\"it_s\":5.5,\"device\":\"FakeGPU\"}\n"
    "{\"pipeline\":\"SD - txt2img\",\"batch\":4,\"config\":\"max-speed\",\"failure\":\"out of memory\"}\n"
    "{\"pipeline\":\"IF\",\"batch\":1,\"config\":\"default\",\"stages_it_s\":[20.21,13.84,24],\"device\":\"FakeGPU\"}\n"
    "{\"pipeline\":\"SD - controlnet\",\"skipped\":\"no ControlNet given (--controlnet)\"}\n"
    "{\"done\":true,\"device\":\"FakeGPU\"}\n";

}  // namespace

class TestBenchmarkDialog : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;

  // An executable shell script standing in for gesso-bench.
  QString script(const QString& name, const QByteArray& body) {
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write("#!/bin/sh\n" + body);
    f.close();
    f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
    return path;
  }

  static bool waitDone(BenchmarkDialog& dialog, int ms = 10000) {
    return QTest::qWaitFor([&] { return !dialog.isRunning(); }, ms);
  }

 private slots:
  void initTestCase() { QVERIFY(m_dir.isValid()); }

  // The library's first model of each kind; inpainting, refiner and LoRA entries are not SD's.
  void modelsComeFromTheLibrary() {
    const QList<ModelEntry> entries = {
        entry("/m/lora", ModelFileKind::kLora, ModelFamily::kSD1),
        entry("/m/sd-inpaint", ModelFileKind::kCheckpoint, ModelFamily::kSD1, true),
        entry("/m/sd2", ModelFileKind::kCheckpoint, ModelFamily::kSD2),
        entry("/m/sd15", ModelFileKind::kDiffusersFolder, ModelFamily::kSD1),
        entry("/m/cn-xl", ModelFileKind::kControlNet, ModelFamily::kSDXL),
        entry("/m/cn", ModelFileKind::kControlNet, std::nullopt),
        entry("/m/xl", ModelFileKind::kCheckpoint, ModelFamily::kSDXL),
        entry("/m/if1", ModelFileKind::kDiffusersFolder, ModelFamily::kIF),
        entry("/m/x4", ModelFileKind::kDiffusersFolder, ModelFamily::kSDUpscale)};
    const BenchmarkModels m = BenchmarkModels::fromEntries(entries);
    QCOMPARE(m.sd, QStringLiteral("/m/sd15"));  // SD 1.x before 2.x
    QCOMPARE(m.inpaint, QStringLiteral("/m/sd-inpaint"));
    QCOMPARE(m.controlnet, QStringLiteral("/m/cn"));
    QCOMPARE(m.sdxl, QStringLiteral("/m/xl"));
    QCOMPARE(m.ifStage1, QStringLiteral("/m/if1"));
    QCOMPARE(m.ifStage2, QString());
    QCOMPARE(m.ifStage3, QStringLiteral("/m/x4"));
    const BenchmarkModels none = BenchmarkModels::fromEntries({});
    QVERIFY(none.sd.isEmpty() && none.sdxl.isEmpty() && none.ifStage1.isEmpty());
  }

  // Defaults: gesso-bench next to the program, batch 1 and 4, default and Max speed, the models given.
  void argumentsNameTheModels() {
    BenchmarkDialog dialog(sdOnly());
    QCOMPARE(dialog.program(), QCoreApplication::applicationDirPath() + QStringLiteral("/gesso-bench"));
    const QStringList args = dialog.arguments();
    QCOMPARE(args.front(), QStringLiteral("pipelines"));
    QCOMPARE(args.at(args.indexOf("--sd") + 1), QStringLiteral("/models/sd15"));
    QCOMPARE(args.at(args.indexOf("--batches") + 1), QStringLiteral("1,4"));
    QCOMPARE(args.at(args.indexOf("--configs") + 1), QStringLiteral("default,max-speed"));
    QVERIFY(!args.contains("--sdxl") && !args.contains("--controlnet") && !args.contains("--if-stage1"));
  }

  // Seed 003's layout from parsed lines; what is not a line of gesso-bench changes nothing.
  void linesFillSeed003sTable() {
    BenchmarkModels models = sdOnly();
    models.ifStage1 = QStringLiteral("/models/IF-I-XL");
    BenchmarkDialog dialog(models);
    // Known before the run: what the library lacks.
    QCOMPARE(dialog.cellText("SDXL - txt2img", 1, "default"), QStringLiteral("skipped"));
    auto* notes = child<QLabel>(dialog, "benchmarkNotes");
    QVERIFY2(notes->text().contains("no SDXL base model in the library"), qPrintable(notes->text()));
    QVERIFY(notes->text().contains("no ControlNet in the library"));
    QVERIFY(!notes->text().contains("IF"));
    QCOMPARE(dialog.cellText("SD - txt2img", 1, "default"), QString());
    for (const QByteArray& line : kLines.split('\n'))
      if (!line.isEmpty()) QVERIFY2(dialog.applyLine(line), line.constData());
    QVERIFY(!dialog.applyLine("gesso-bench: SD - txt2img, batch 1, default"));
    QVERIFY(!dialog.applyLine("{\"pipeline\":\"Nonsense\",\"batch\":1,\"config\":\"default\",\"it_s\":1}"));
    QVERIFY(!dialog.applyLine("{\"pipeline\":\"SD - txt2img\",\"batch\":1,\"config\":\"default\"}"));
    QCOMPARE(dialog.cellText("SD - txt2img", 1, "default"), QStringLiteral("21.66"));
    QCOMPARE(dialog.cellText("SD - txt2img", 1, "max-speed"), QStringLiteral("44.03"));
    QCOMPARE(dialog.cellText("SD - txt2img", 4, "default"), QStringLiteral("5.50"));
    QCOMPARE(dialog.cellText("SD - txt2img", 4, "max-speed"), QStringLiteral("out of memory"));
    QCOMPARE(dialog.cellText("IF", 1, "default"), QStringLiteral("20.21 / 13.84 / 24.00"));
    // The dialog's words win over gesso-bench's flag names.
    QCOMPARE(dialog.cellText("SD - controlnet", 4, "max-speed"), QStringLiteral("skipped"));
    QVERIFY(!notes->text().contains("--controlnet"));
    const QString md = dialog.markdown();
    QVERIFY2(md.startsWith("Gesso benchmark on FakeGPU"), qPrintable(md));
    QVERIFY(md.contains("| Pipeline | Batch 1, default | Batch 1, Max speed | Batch 4, default | Batch 4, Max speed |\n"
                        "|---|---:|---:|---:|---:|\n"));
    QVERIFY2(md.contains("| SD - txt2img | 21.66 | 44.03 | 5.50 | out of memory |\n"), qPrintable(md));
    QVERIFY(md.contains("| IF | 20.21 / 13.84 / 24.00 | – | – | – |\n"));
    QVERIFY(md.contains("| SDXL - txt2img | skipped | skipped | skipped | skipped |\n"));
    QVERIFY(md.contains("Skipped — SD - controlnet: no ControlNet in the library; SDXL - txt2img: no SDXL base model"));
    // The button copies exactly that.
    child<QPushButton>(dialog, "copyMarkdownButton")->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), md);
  }

  // A fake gesso-bench run end to end: its arguments, its lines as they come, its progress, done.
  void runsTheProgram() {
    const QString args = m_dir.filePath("args.txt");
    QFile lines(m_dir.filePath("lines.jsonl"));
    QVERIFY(lines.open(QIODevice::WriteOnly));
    lines.write(kLines);
    lines.close();
    BenchmarkDialog dialog(sdOnly());
    dialog.setProgram(script("fake-bench", "echo \"$@\" > '" + args.toUtf8() + "'\n"
                                           "echo 'gesso-bench: SD - txt2img, batch 1, default' >&2\n"
                                           "cat '" + lines.fileName().toUtf8() + "'\n"));
    QSignalSpy finished(&dialog, &BenchmarkDialog::finished);
    child<QPushButton>(dialog, "runBenchmarkButton")->click();
    QVERIFY(dialog.isRunning());
    QVERIFY(!child<QPushButton>(dialog, "runBenchmarkButton")->isEnabled());
    QVERIFY(finished.wait(10000));
    QCOMPARE(dialog.statusText(), QStringLiteral("Done, on FakeGPU."));
    QCOMPARE(dialog.cellText("SD - txt2img", 1, "max-speed"), QStringLiteral("44.03"));
    QCOMPARE(dialog.cellText("SD - img2img", 1, "default"), QStringLiteral("–"));  // no line came for it
    QFile written(args);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll().startsWith("pipelines --sd /models/sd15 --batches 1,4"));
    QVERIFY(child<QPushButton>(dialog, "runBenchmarkButton")->isEnabled());
  }

  // Its errors in words: a failed run, a program that is not there; neither hangs.
  void errorsAreShown() {
    BenchmarkDialog dialog(sdOnly());
    dialog.setProgram(script("failing-bench", "echo 'gesso-bench: /models/sd15: no model_index.json and no weights' >&2\n"
                                              "exit 1\n"));
    QSignalSpy finished(&dialog, &BenchmarkDialog::finished);
    dialog.start();
    QVERIFY(finished.wait(10000));
    QVERIFY2(dialog.statusText() == "gesso-bench failed: /models/sd15: no model_index.json and no weights",
             qPrintable(dialog.statusText()));
    QVERIFY(!child<QLabel>(dialog, "benchmarkStatus")->styleSheet().isEmpty());  // red
    dialog.setProgram(m_dir.filePath("not-there/gesso-bench"));
    dialog.start();
    QCOMPARE(finished.count(), 2);
    QVERIFY(!dialog.isRunning());
    QVERIFY2(dialog.statusText().contains("gesso-bench was not found at") &&
                 dialog.statusText().contains("next to the gesso program"), qPrintable(dialog.statusText()));
  }

  // Cancel ends a run that would take long, keeping what it timed; closing the dialog mid-run too.
  void cancelEndsTheRun() {
    const QString body = "echo '{\"pipeline\":\"SD - txt2img\",\"batch\":1,\"config\":\"default\",\"it_s\":3}'\n"
                         "exec sleep 60\n";
    {
      BenchmarkDialog dialog(sdOnly());
      dialog.setProgram(script("slow-bench", body.toUtf8()));
      dialog.start();
      QTRY_COMPARE_WITH_TIMEOUT(dialog.cellText("SD - txt2img", 1, "default"), QStringLiteral("3.00"), 10000);
      QElapsedTimer timer;
      timer.start();
      child<QPushButton>(dialog, "cancelBenchmarkButton")->click();
      QVERIFY(waitDone(dialog, 5000));
      QVERIFY(timer.elapsed() < 5000);
      QTRY_VERIFY(dialog.statusText().startsWith("Cancelled"));
      QCOMPARE(dialog.cellText("SD - txt2img", 1, "default"), QStringLiteral("3.00"));
    }
    QElapsedTimer timer;
    timer.start();
    {
      BenchmarkDialog dialog(sdOnly());
      dialog.setProgram(script("slow-bench", body.toUtf8()));
      dialog.start();
      QVERIFY(dialog.isRunning());
    }  // destroyed while running: the process is ended, not waited for
    QVERIFY(timer.elapsed() < 5000);
  }

  // Help > Benchmark… opens it with the models the window knows (here a folder added by hand).
  void helpMenuOpensIt() {
    QStandardPaths::setTestModeEnabled(true);
    gesso::ui::MainWindow window({m_dir.filePath("gesso.ini"), m_dir.filePath("history.sqlite"),
                                  m_dir.filePath("hashes.json")});
    const QString tiny = QString::fromStdString((gesso::test::fixture_dir("pipelines") / "sd1").string());
    window.generationPanel()->setModelFolders({tiny});
    QAction* action = nullptr;
    for (QAction* menu : window.menuBar()->actions())
      if (menu->menu())
        for (QAction* a : menu->menu()->actions())
          if (a->text() == QStringLiteral("&Benchmark…")) action = a;
    QVERIFY(action);
    action->trigger();
    auto* dialog = window.findChild<BenchmarkDialog*>();
    QVERIFY(dialog && dialog->isVisible());
    const QStringList args = dialog->arguments();
    QCOMPARE(args.at(args.indexOf("--sd") + 1), QDir::cleanPath(tiny));
    dialog->close();
  }

  // The real gesso-bench on the tiny CPU model: one pipeline, one cell, a few steps.
  void realGessoBenchOnTheTinyModel() {
    const QString bench = QCoreApplication::applicationDirPath() + QStringLiteral("/../app/gesso-bench");
    if (!QFileInfo(bench).isExecutable()) QSKIP("gesso-bench is not built next to the tests");
    BenchmarkModels models;
    models.sd = QString::fromStdString((gesso::test::fixture_dir("pipelines") / "sd1").string());
    BenchmarkDialog dialog(models);
    dialog.setProgram(bench);
    BenchmarkSettings settings;
    settings.batches = {1};
    settings.configs = {QStringLiteral("default"), QStringLiteral("max-speed")};
    // Seven steps apart and the best of two: with 2 against 1 step a busy machine's noise could
    // make the longer call no slower, and the it/s 0.
    settings.steps = 8;
    settings.shortSteps = 1;
    settings.repeats = 2;
    settings.size = 64;
    settings.device = QStringLiteral("cpu");
    settings.only = {QStringLiteral("SD - txt2img")};
    dialog.setSettings(settings);
    QSignalSpy finished(&dialog, &BenchmarkDialog::finished);
    dialog.start();
    QVERIFY(finished.wait(60000));
    QVERIFY2(dialog.statusText() == "Done, on CPU.", qPrintable(dialog.statusText()));
    bool ok = false;
    const double itPerS = dialog.cellText("SD - txt2img", 1, "default").toDouble(&ok);
    QVERIFY2(ok && itPerS > 0, qPrintable(dialog.cellText("SD - txt2img", 1, "default")));
    QCOMPARE(dialog.cellText("SD - txt2img", 1, "max-speed"), QStringLiteral("needs a CUDA GPU"));
    QVERIFY(dialog.markdown().contains("| SD - txt2img | " + dialog.cellText("SD - txt2img", 1, "default")));
  }
};

QTEST_MAIN(TestBenchmarkDialog)
#include "test_benchmark_dialog.moc"
