// The DeepFloyd IF controls: each stage lists its family's folders of the library (the tiny IF /
// x4 fixtures, classified as the library does), the defaults are diffusers' (stage I 100 steps at
// CFG 7, stage II 50 at 4 with noise 250, stage III 75 at 9 with noise 100), every widget reaches
// its IFRequest field, a missing stage I or II is a message, the settings round-trip (a remembered
// model waits for the library); and the generation panel's "DeepFloyd IF" mode: what does not apply
// is disabled, the prompts, seed and batch fill the IFRequest, the library's IF and x4 folders are
// not offered as SD models.
#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QToolButton>

#include "common/fixtures.h"
#include "common/widgets.h"
#include "engine/pipelines/deepfloyd_if_pipeline.h"
#include "engine/pipelines/model_family.h"
#include "engine/pipelines/model_file.h"
#include "ui/deepfloyd_panel.h"
#include "ui/generation_panel.h"
#include "ui/model_library.h"

using gesso::pipelines::IFRequest;
using gesso::pipelines::ModelFamily;
using gesso::ui::DeepFloydPanel;
using gesso::ui::GenerationPanel;
using gesso::ui::ModelEntry;
using gesso::ui::ModelLibrary;

namespace {

using gesso::test::child;

QString fixture(const char* name) { return QString::fromStdString((gesso::test::fixture_dir("deepfloyd") / name).string()); }

// The fixture's folders as the library lists them, with an SD 1.x entry that no stage takes.
QList<ModelEntry> library() {
  QList<ModelEntry> entries;
  for (const char* name : {"if1", "if2", "x4"}) entries << ModelLibrary::classify(fixture(name));
  ModelEntry sd;
  sd.name = "sd15";
  sd.path = "/models/sd15";
  sd.kind = gesso::pipelines::ModelFileKind::kDiffusersFolder;
  sd.family = ModelFamily::kSD1;
  entries << sd;
  return entries;
}

QStringList listed(QComboBox* combo) {
  QStringList paths;
  for (int i = 0; i < combo->count(); ++i) paths << combo->itemData(i).toString();
  return paths;
}

}  // namespace

class TestDeepFloydPanel : public QObject {
  Q_OBJECT

 private slots:
  void fixturesAreTheirFamilies() {
    const auto entries = library();
    QCOMPARE(entries[0].family, std::optional(ModelFamily::kIF));
    QCOMPARE(entries[1].family, std::optional(ModelFamily::kIFSuperResolution));
    QCOMPARE(entries[2].family, std::optional(ModelFamily::kSDUpscale));
    for (int i = 0; i < 3; ++i) QVERIFY2(entries[i].isModel(), qPrintable(entries[i].error));
  }

  void eachStageListsItsFamily() {
    DeepFloydPanel panel;
    panel.setLibraryEntries(library());
    QCOMPARE(listed(child<QComboBox>(panel, "stage1ModelCombo")), QStringList{fixture("if1")});
    QCOMPARE(listed(child<QComboBox>(panel, "stage2ModelCombo")), QStringList{fixture("if2")});
    QCOMPARE(listed(child<QComboBox>(panel, "stage3ModelCombo")), (QStringList{QString(), fixture("x4")}));
    QCOMPARE(child<QComboBox>(panel, "stage3ModelCombo")->itemText(0), QStringLiteral("None"));
    QCOMPARE(child<QComboBox>(panel, "stage1ModelCombo")->itemText(0), QStringLiteral("if1 — DeepFloyd IF I"));
    // Stages I and II take the first they list; stage III is optional: none until picked.
    QCOMPARE(panel.stageModel(1), fixture("if1"));
    QCOMPARE(panel.stageModel(2), fixture("if2"));
    QCOMPARE(panel.stageModel(3), QString());
    QVERIFY(!child<QLabel>(panel, "ifModelNote")->isVisibleTo(&panel));
  }

  void defaultsAreDiffusers() {
    DeepFloydPanel panel;
    panel.setLibraryEntries(library());
    IFRequest r;
    r.stage1.steps = r.stage2.steps = r.stage3.steps = 1;  // the panel's own values must replace these
    r.runtime.text_encoder_on_cpu = true;
    QCOMPARE(panel.fillRequest(r), QString());
    QCOMPARE(r.stage1.model_dir, fixture("if1").toStdString());
    QCOMPARE(r.stage1.steps, 100);
    QCOMPARE(r.stage1.guidance_scale, 7.0);
    QVERIFY(!r.stage1.seed);
    QCOMPARE(r.stage2.model_dir, fixture("if2").toStdString());
    QCOMPARE(r.stage2.steps, 50);
    QCOMPARE(r.stage2.guidance_scale, 4.0);
    QCOMPARE(r.stage2.noise_level, 250);
    QVERIFY(!r.stage2.seed);
    QCOMPARE(r.stage3_dir, std::string());
    QCOMPARE(r.stage3.steps, 75);
    QCOMPARE(r.stage3.guidance_scale, 9.0);
    QCOMPARE(r.stage3.noise_level, 100);
    QVERIFY(!r.stage3_seed);
    QCOMPARE(r.clean_caption, IFRequest{}.clean_caption);
    QVERIFY(!r.runtime.text_encoder_on_cpu);
    // Stage III's controls wait for a stage III model.
    QVERIFY(!child<QSpinBox>(panel, "stage3StepsSpin")->isEnabled());
    QVERIFY(child<QSpinBox>(panel, "stage2NoiseSpin")->isEnabled());
  }

  void everyControlReachesTheRequest() {
    DeepFloydPanel panel;
    panel.setLibraryEntries(library());
    auto* three = child<QComboBox>(panel, "stage3ModelCombo");
    three->setCurrentIndex(three->findData(fixture("x4")));
    emit three->activated(three->currentIndex());
    QVERIFY(child<QSpinBox>(panel, "stage3StepsSpin")->isEnabled());
    child<QSpinBox>(panel, "stage1StepsSpin")->setValue(30);
    child<QDoubleSpinBox>(panel, "stage1GuidanceSpin")->setValue(8.5);
    child<QLineEdit>(panel, "stage1SeedEdit")->setText("11");
    child<QSpinBox>(panel, "stage2StepsSpin")->setValue(20);
    child<QDoubleSpinBox>(panel, "stage2GuidanceSpin")->setValue(5.0);
    child<QSpinBox>(panel, "stage2NoiseSpin")->setValue(180);
    child<QLineEdit>(panel, "stage2SeedEdit")->setText("9999999999999999999");  // the most digits it takes: past int64
    child<QSpinBox>(panel, "stage3StepsSpin")->setValue(40);
    child<QDoubleSpinBox>(panel, "stage3GuidanceSpin")->setValue(6.0);
    child<QSpinBox>(panel, "stage3NoiseSpin")->setValue(60);
    child<QLineEdit>(panel, "stage3SeedEdit")->setText("33");
    child<QCheckBox>(panel, "cleanCaptionCheck")->setChecked(true);
    child<QCheckBox>(panel, "t5OnCpuCheck")->setChecked(true);
    IFRequest r;
    QCOMPARE(panel.fillRequest(r), QString());
    QCOMPARE(r.stage1.steps, 30);
    QCOMPARE(r.stage1.guidance_scale, 8.5);
    QCOMPARE(r.stage1.seed, std::optional<uint64_t>(11));
    QCOMPARE(r.stage2.steps, 20);
    QCOMPARE(r.stage2.guidance_scale, 5.0);
    QCOMPARE(r.stage2.noise_level, 180);
    QCOMPARE(r.stage2.seed, std::optional<uint64_t>(9999999999999999999ULL));
    QCOMPARE(r.stage3_dir, fixture("x4").toStdString());
    QCOMPARE(r.stage3.steps, 40);
    QCOMPARE(r.stage3.guidance_scale, 6.0);
    QCOMPARE(r.stage3.noise_level, 60);
    QCOMPARE(r.stage3_seed, std::optional<uint64_t>(33));
    QVERIFY(r.clean_caption);
    QVERIFY(r.runtime.text_encoder_on_cpu);
    // The stage III noise level stops at the upscaler's max_noise_level.
    child<QSpinBox>(panel, "stage3NoiseSpin")->setValue(400);
    QCOMPARE(child<QSpinBox>(panel, "stage3NoiseSpin")->value(), 350);
  }

  void missingStagesAreAMessage() {
    DeepFloydPanel panel;
    panel.setLibraryEntries({});
    auto* note = child<QLabel>(panel, "ifModelNote");
    QVERIFY(note->isVisibleTo(&panel));
    QVERIFY2(note->text().contains("stage I") && note->text().contains("stage II") &&
                 note->text().contains("Settings > Model library"),
             qPrintable(note->text()));
    IFRequest r;
    const QString problem = panel.fillRequest(r);
    QVERIFY2(problem.contains("stage I") && problem.contains("stage II"), qPrintable(problem));
    // Stage I alone: still refused (the studio always runs stage II).
    panel.setLibraryEntries({ModelLibrary::classify(fixture("if1"))});
    QVERIFY(!panel.fillRequest(r).isEmpty());
    QVERIFY2(note->text().contains("stage II") && !note->text().contains("stage I ("), qPrintable(note->text()));
  }

  // A remembered model the library has not listed yet is picked once it does.
  void settingsRoundTrip() {
    DeepFloydPanel panel;
    panel.setLibraryEntries(library());
    panel.setStageModel(3, fixture("x4"));
    child<QSpinBox>(panel, "stage2NoiseSpin")->setValue(123);
    child<QLineEdit>(panel, "stage1SeedEdit")->setText("5");
    child<QCheckBox>(panel, "t5OnCpuCheck")->setChecked(true);
    QVariantMap saved = panel.toVariantMap();
    // As the INI file gives them back: text.
    for (auto it = saved.begin(); it != saved.end(); ++it) *it = it->toString();

    DeepFloydPanel again;
    QSignalSpy changed(&again, &DeepFloydPanel::changed);
    again.fromVariantMap(saved);
    QCOMPARE(again.stageModel(3), QString());  // not listed yet
    QCOMPARE(again.toVariantMap().value("stage3Model").toString(), fixture("x4"));  // but not forgotten
    again.setLibraryEntries(library());
    QCOMPARE(again.stageModel(3), fixture("x4"));
    QCOMPARE(child<QSpinBox>(again, "stage2NoiseSpin")->value(), 123);
    QCOMPARE(child<QLineEdit>(again, "stage1SeedEdit")->text(), QStringLiteral("5"));
    QVERIFY(child<QCheckBox>(again, "t5OnCpuCheck")->isChecked());
    QVERIFY(changed.count() > 0);
    // Nothing stored: the defaults.
    again.fromVariantMap({});
    QCOMPARE(child<QSpinBox>(again, "stage1StepsSpin")->value(), 100);
    QCOMPARE(child<QSpinBox>(again, "stage2NoiseSpin")->value(), 250);
    QCOMPARE(child<QLineEdit>(again, "stage1SeedEdit")->text(), QString());
  }

  void generationPanelsDeepFloydMode() {
    GenerationPanel panel;
    panel.setLibraryEntries(library());
    // The SD list has the SD model only: the IF stages and the upscaler are the IF panel's.
    QCOMPARE(panel.currentModelFolder(), QStringLiteral("/models/sd15"));
    for (const ModelEntry& e : panel.modelEntries()) QCOMPARE(e.path, QStringLiteral("/models/sd15"));
    auto* mode = child<QComboBox>(panel, "modeCombo");
    const int index = mode->findData(GenerationPanel::kDeepFloydMode);
    QVERIFY(index >= 0);
    QCOMPARE(mode->itemText(index), QStringLiteral("DeepFloyd IF"));
    QSignalSpy changed(&panel, &GenerationPanel::modeChanged);
    mode->setCurrentIndex(index);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(panel.mode(), GenerationPanel::kDeepFloydMode);
    for (const char* name : {"modelCombo", "vaeCombo", "samplerCombo", "sizePresetCombo"})
      QVERIFY2(!child<QWidget>(panel, name)->isEnabled(), name);
    for (const char* name : {"stepsSpin", "widthSpin", "heightSpin"}) QVERIFY2(!child<QWidget>(panel, name)->isEnabled(), name);
    QVERIFY(!child<QDoubleSpinBox>(panel, "guidanceSpin")->isEnabled());
    QVERIFY(!child<QToolButton>(panel, "loraButton")->isEnabled());
    QVERIFY(!child<QCheckBox>(panel, "plainPromptsCheck")->isEnabled());
    QVERIFY(!child<QLabel>(panel, "promptTokenCount")->isVisibleTo(&panel));
    QVERIFY(!child<QDoubleSpinBox>(panel, "strengthSpin")->isVisibleTo(&panel));
    QVERIFY(!child<QComboBox>(panel, "refinerCombo")->isEnabled());
    // What still applies: prompts, seed, batch.
    QVERIFY(child<QPlainTextEdit>(panel, "promptEdit")->isEnabled());
    QVERIFY(child<QLineEdit>(panel, "seedEdit")->isEnabled());
    QVERIFY(child<QSpinBox>(panel, "batchSizeSpin")->isEnabled());
    auto s = panel.settings();
    s.prompt = "a fox";
    s.negativePrompt = "blurry";
    s.seed = 99;
    s.seedMode = gesso::ui::SeedMode::Fixed;
    s.batchSize = 3;
    panel.setSettings(s);
    IFRequest r;
    panel.fillRequest(r);
    QCOMPARE(r.prompt, std::string("a fox"));
    QCOMPARE(r.negative_prompt, std::string("blurry"));
    QCOMPARE(r.seed, uint64_t(99));
    QCOMPARE(r.num_images, 3);
    QCOMPARE(panel.lastSeedUsed(), quint64(99));
    QCOMPARE(panel.settings().mode, GenerationPanel::kDeepFloydMode);  // remembered like any mode
    // Back to text to image: all enabled again.
    mode->setCurrentIndex(mode->findData(QStringLiteral("txt2img")));
    for (const char* name : {"modelCombo", "samplerCombo", "stepsSpin", "widthSpin"})
      QVERIFY2(child<QWidget>(panel, name)->isEnabled(), name);
    QVERIFY(child<QLabel>(panel, "promptTokenCount")->isVisibleTo(&panel));
  }
};

QTEST_MAIN(TestDeepFloydPanel)
#include "test_deepfloyd_panel.moc"
