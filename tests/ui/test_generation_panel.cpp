// The generation panel: settings round-trip, size presets, snapping and swap, the seed controls
// (typed, -1, dice, random draws, reuse), every request field, the token counters (with a small
// real CLIP tokenizer and without one), mode and strength, the model picker, and the buttons.
#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolButton>

#include <limits>
#include <memory>
#include <set>

#include "engine/pipelines/generation_request.h"
#include "engine/text/clip_tokenizer.h"
#include "common/widgets.h"
#include "ui/generation_panel.h"

using gesso::pipelines::GenerationRequest;
using gesso::pipelines::PipelineKind;
using gesso::ui::GenerationPanel;
using gesso::ui::GenerationSettings;
using gesso::ui::SeedMode;

namespace {

using gesso::test::child;

GenerationSettings unusualSettings() {
  GenerationSettings s;
  s.prompt = QStringLiteral("猫, café\n(masterpiece:1.2), \"quoted\"");
  s.negativePrompt = QStringLiteral("blurry, lowres");
  s.seed = 4'294'967'295'123LL;
  s.seedMode = SeedMode::Fixed;
  s.width = 832;
  s.height = 1216;
  s.steps = 35;
  s.guidance = 6.25;
  s.sampler = QStringLiteral("DPM++ 2M Karras");
  s.batchCount = 3;
  s.batchSize = 2;
  s.mode = QStringLiteral("img2img");
  s.strength = 0.35;
  return s;
}

void writeFile(const QString& path, const QByteArray& data) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(data);
}

// A real CLIPTokenizer on a tiny vocabulary: the letters, and merges that split "astronaut" into
// "astro" + "naut</w>", so that it counts 2 tokens where the word-based estimate counts 1.
std::shared_ptr<const gesso::text::CLIPTokenizer> tinyTokenizer(const QString& dir) {
  QJsonObject vocab;
  int id = 0;
  for (char c = 'a'; c <= 'z'; ++c) {
    vocab.insert(QString(QLatin1Char(c)), id++);
    vocab.insert(QString(QLatin1Char(c)) + QStringLiteral("</w>"), id++);
  }
  vocab.insert(QStringLiteral(","), id++);
  vocab.insert(QStringLiteral(",</w>"), id++);
  const QList<QPair<QString, QString>> merges = {{"a", "s"}, {"as", "t"}, {"ast", "r"}, {"astr", "o"},
                                                {"n", "a"}, {"na", "u"}, {"nau", "t</w>"}};
  QByteArray mergesText = "#version: 0.2\n";
  for (const auto& [a, b] : merges) {
    vocab.insert(a + b, id++);
    mergesText += (a + QLatin1Char(' ') + b + QLatin1Char('\n')).toUtf8();
  }
  vocab.insert(QStringLiteral("<|startoftext|>"), id++);
  vocab.insert(QStringLiteral("<|endoftext|>"), id++);
  writeFile(dir + QStringLiteral("/vocab.json"), QJsonDocument(vocab).toJson());
  writeFile(dir + QStringLiteral("/merges.txt"), mergesText);
  return std::make_shared<const gesso::text::CLIPTokenizer>(
      gesso::text::CLIPTokenizer::from_dir(dir.toStdString()));
}

QString repeated(const QString& word, int n) {
  QStringList words;
  for (int i = 0; i < n; ++i) words << word;
  return words.join(QLatin1Char(' '));
}

}  // namespace

class TestGenerationPanel : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;

 private slots:
  void startsWithTheDefaults() {
    GenerationPanel panel;
    QVERIFY(panel.settings() == GenerationSettings{});
    QCOMPARE(panel.batchCount(), 1);
    QCOMPARE(child<QComboBox>(panel, "samplerCombo")->count(), 8);
    QCOMPARE(child<QComboBox>(panel, "samplerCombo")->itemText(3), QStringLiteral("DPM++ 2M Karras"));
  }

  void settingsRoundTrip() {
    GenerationPanel panel;
    const GenerationSettings s = unusualSettings();
    panel.setSettings(s);
    const GenerationSettings back = panel.settings();
    QCOMPARE(back.prompt, s.prompt);
    QCOMPARE(back.seed, s.seed);
    QCOMPARE(back.width, 832);
    QCOMPARE(back.guidance, 6.25);
    QCOMPARE(back.sampler, s.sampler);
    QCOMPARE(back.mode, s.mode);
    QCOMPARE(back.strength, 0.35);
    QVERIFY(back == s);
    QCOMPARE(panel.batchCount(), 3);

    GenerationSettings random = s;
    random.seedMode = SeedMode::Random;
    random.mode = QStringLiteral("inpaint");
    panel.setSettings(random);
    QVERIFY(panel.settings() == random);
  }

  void unknownSamplerKeepsTheCurrentOne() {
    GenerationPanel panel;
    GenerationSettings s;
    s.sampler = QStringLiteral("DDIM");
    panel.setSettings(s);
    s.sampler = QStringLiteral("DPM++ SDE");
    panel.setSettings(s);
    QCOMPARE(panel.settings().sampler, QStringLiteral("DDIM"));
  }

  void presetsSetTheSize() {
    GenerationPanel panel;
    auto* presets = child<QComboBox>(panel, "sizePresetCombo");
    auto* width = child<QSpinBox>(panel, "widthSpin");
    auto* height = child<QSpinBox>(panel, "heightSpin");
    QCOMPARE(presets->count(), 8);  // seven sizes and "Custom"
    presets->setCurrentIndex(presets->findData(QSize(832, 1216)));
    QCOMPARE(width->value(), 832);
    QCOMPARE(height->value(), 1216);
    presets->setCurrentIndex(presets->findData(QSize(768, 512)));
    QCOMPARE(panel.settings().width, 768);
    QCOMPARE(panel.settings().height, 512);
    // The preset shown follows a size typed in.
    width->setValue(1024);
    height->setValue(1024);
    QCOMPARE(presets->currentData().toSize(), QSize(1024, 1024));
    width->setValue(800);
    QCOMPARE(presets->currentIndex(), presets->count() - 1);
    // Choosing "Custom" leaves the size alone.
    presets->setCurrentIndex(0);
    presets->setCurrentIndex(presets->count() - 1);
    QCOMPARE(width->value(), 512);
    QCOMPARE(height->value(), 512);
  }

  void customSizeSnapsToMultiplesOf8() {
    GenerationPanel panel;
    auto* width = child<QSpinBox>(panel, "widthSpin");
    auto* height = child<QSpinBox>(panel, "heightSpin");
    width->setValue(515);
    QCOMPARE(width->value(), 512);
    width->setValue(517);
    QCOMPARE(width->value(), 520);
    height->setValue(4095);
    QCOMPARE(height->value(), 4096);
    height->setValue(10);
    QCOMPARE(height->value(), 64);
    // Typed: nothing snaps until the edit is committed.
    width->selectAll();
    QTest::keyClicks(width, QStringLiteral("1001"));
    QCOMPARE(width->value(), 520);
    QTest::keyClick(width, Qt::Key_Return);
    QCOMPARE(width->value(), 1000);
    GenerationSettings odd;
    odd.width = 700;
    odd.height = 333;
    panel.setSettings(odd);
    QCOMPARE(panel.settings().width, 704);
    QCOMPARE(panel.settings().height, 336);
  }

  void swapExchangesWidthAndHeight() {
    GenerationPanel panel;
    auto* presets = child<QComboBox>(panel, "sizePresetCombo");
    presets->setCurrentIndex(presets->findData(QSize(832, 1216)));
    child<QToolButton>(panel, "swapSizeButton")->click();
    QCOMPARE(panel.settings().width, 1216);
    QCOMPARE(panel.settings().height, 832);
    QCOMPARE(presets->currentData().toSize(), QSize(1216, 832));
    child<QSpinBox>(panel, "widthSpin")->setValue(640);
    child<QToolButton>(panel, "swapSizeButton")->click();
    QCOMPARE(panel.settings().width, 832);
    QCOMPARE(panel.settings().height, 640);
  }

  void diceFixesANewSeed() {
    GenerationPanel panel;
    GenerationSettings s;
    s.seed = 42;
    s.seedMode = SeedMode::Random;
    panel.setSettings(s);
    auto* dice = child<QToolButton>(panel, "diceButton");
    std::set<qint64> seen{42};
    for (int i = 0; i < 5; ++i) {
      const qint64 before = panel.settings().seed;
      dice->click();
      const GenerationSettings after = panel.settings();
      QVERIFY(after.seed != before);
      QCOMPARE(after.seedMode, SeedMode::Fixed);
      QVERIFY(after.seed >= 0 && after.seed <= GenerationPanel::kMaxRandomSeed);
      QCOMPARE(child<QLineEdit>(panel, "seedEdit")->text(), QString::number(after.seed));
      seen.insert(after.seed);
    }
    QVERIFY(seen.size() >= 5);
  }

  void randomModeDrawsASeedPerRequest() {
    GenerationPanel panel;
    GenerationSettings s;
    s.seed = 7;
    s.seedMode = SeedMode::Random;
    panel.setSettings(s);
    std::set<quint64> drawn;
    for (int i = 0; i < 5; ++i) {
      GenerationRequest request;
      request.seed = 7;
      panel.fillRequest(request);
      QCOMPARE(request.seed, panel.lastSeedUsed());
      QVERIFY(request.seed <= quint64(GenerationPanel::kMaxRandomSeed));
      drawn.insert(request.seed);
    }
    QVERIFY(drawn.size() >= 4);  // five 32-bit draws: a repeat is a one-in-a-billion event
    QCOMPARE(panel.settings().seed, qint64(7));  // random mode leaves the typed seed alone

    s.seedMode = SeedMode::Fixed;
    panel.setSettings(s);
    GenerationRequest request;
    panel.fillRequest(request);
    QCOMPARE(request.seed, quint64(7));
    QCOMPARE(panel.lastSeedUsed(), quint64(7));
  }

  void typedSeeds() {
    GenerationPanel panel;
    auto* edit = child<QLineEdit>(panel, "seedEdit");
    auto* random = child<QCheckBox>(panel, "randomSeedCheck");
    QVERIFY(random->isChecked());
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("123456"));
    QCOMPARE(panel.settings().seed, qint64(123456));
    QVERIFY(!random->isChecked());  // typing a seed means wanting it
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("-1"));
    QVERIFY(random->isChecked());
    QCOMPARE(edit->text(), QStringLiteral("123456"));
    QCOMPARE(panel.settings().seedMode, SeedMode::Random);
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("abc") + QString(19, QLatin1Char('9')));  // letters refused; clamped
    QCOMPARE(panel.settings().seed, std::numeric_limits<qint64>::max());
    QCOMPARE(edit->text(), QString::number(std::numeric_limits<qint64>::max()));
    GenerationRequest request;
    panel.fillRequest(request);
    QCOMPARE(request.seed, quint64(std::numeric_limits<qint64>::max()));
  }

  void reuseLastSeed() {
    GenerationPanel panel;
    auto* reuse = child<QToolButton>(panel, "reuseSeedButton");
    QVERIFY(!reuse->isEnabled());  // no image yet
    panel.setLastSeed(777);
    QVERIFY(reuse->isEnabled());
    QCOMPARE(panel.settings().seedMode, SeedMode::Random);
    reuse->click();
    QCOMPARE(panel.settings().seed, qint64(777));
    QCOMPARE(panel.settings().seedMode, SeedMode::Fixed);
    GenerationRequest request;
    panel.fillRequest(request);
    QCOMPARE(request.seed, quint64(777));
  }

  void fillRequestFillsEveryField() {
    GenerationPanel panel;
    panel.setModelFolders({QStringLiteral("/models/sd15"), QStringLiteral("/models/sd21")});
    panel.setCurrentModelFolder(QStringLiteral("/models/sd21"));
    const GenerationSettings s = unusualSettings();
    panel.setSettings(s);
    GenerationRequest r;
    panel.fillRequest(r);
    QCOMPARE(r.pipeline, PipelineKind::kImg2Img);
    QCOMPARE(r.model_dir, std::string("/models/sd21"));
    QCOMPARE(QString::fromStdString(r.prompt), s.prompt);
    QCOMPARE(r.negative_prompt, std::string("blurry, lowres"));
    QCOMPARE(r.seed, quint64(4'294'967'295'123ULL));
    QCOMPARE(panel.lastSeedUsed(), quint64(4'294'967'295'123ULL));
    QCOMPARE(r.width, 832);
    QCOMPARE(r.height, 1216);
    QCOMPARE(r.steps, 35);
    QCOMPARE(r.guidance_scale, 6.25);
    QCOMPARE(r.sampler, std::string("DPM++ 2M Karras"));
    QCOMPARE(r.num_images, 2);
    QCOMPARE(r.strength, 0.35);
    QCOMPARE(panel.batchCount(), 3);

    GenerationSettings inpaint = s;
    inpaint.mode = QStringLiteral("inpaint");
    panel.setSettings(inpaint);
    panel.fillRequest(r);
    QCOMPARE(r.pipeline, PipelineKind::kInpaint);
    inpaint.mode = QStringLiteral("txt2img");
    panel.setSettings(inpaint);
    panel.fillRequest(r);
    QCOMPARE(r.pipeline, PipelineKind::kTxt2Img);
  }

  void approximateTokenCounter() {
    GenerationPanel panel;
    auto* prompt = child<QPlainTextEdit>(panel, "promptEdit");
    auto* count = child<QLabel>(panel, "promptTokenCount");
    QCOMPARE(count->text(), QStringLiteral("~0/75"));
    prompt->setPlainText(QStringLiteral("a photo of an astronaut, riding a horse on mars"));
    QCOMPARE(count->text(), QStringLiteral("~11/75"));
    prompt->setPlainText(repeated(QStringLiteral("cat"), 75));
    QCOMPARE(count->text(), QStringLiteral("~75/75"));
    prompt->setPlainText(repeated(QStringLiteral("cat"), 76));
    QCOMPARE(count->text(), QStringLiteral("~2 × 75: 76 tokens"));
    prompt->setPlainText(repeated(QStringLiteral("cat"), 98));
    QCOMPARE(count->text(), QStringLiteral("~2 × 75: 98 tokens"));
    prompt->setPlainText(repeated(QStringLiteral("cat"), 151));
    QCOMPARE(count->text(), QStringLiteral("~3 × 75: 151 tokens"));
    QVERIFY(count->toolTip().contains(QStringLiteral("cuts")));
    // Digits count one each, as CLIP splits them; punctuation runs count once.
    prompt->setPlainText(QStringLiteral("1024px!!, 猫"));
    QCOMPARE(count->text(), QStringLiteral("~7/75"));
    child<QPlainTextEdit>(panel, "negativePromptEdit")->setPlainText(QStringLiteral("blurry, lowres"));
    QCOMPARE(child<QLabel>(panel, "negativePromptTokenCount")->text(), QStringLiteral("~3/75"));
    QCOMPARE(count->text(), QStringLiteral("~7/75"));
  }

  void tokenizerCounter() {
    const QString dir = m_dir.filePath(QStringLiteral("tokenizer"));
    QVERIFY(QDir().mkpath(dir));
    const auto tokenizer = tinyTokenizer(dir);
    QCOMPARE(tokenizer->tokenize("a astronaut").size(), size_t(3));
    GenerationPanel panel;
    auto* prompt = child<QPlainTextEdit>(panel, "promptEdit");
    auto* count = child<QLabel>(panel, "promptTokenCount");
    prompt->setPlainText(QStringLiteral("a astronaut"));
    QCOMPARE(count->text(), QStringLiteral("~2/75"));
    panel.setTokenizer(tokenizer);
    QCOMPARE(count->text(), QStringLiteral("3/75"));  // updated at once, without an edit
    prompt->setPlainText(repeated(QStringLiteral("astronaut"), 40));
    QCOMPARE(count->text(), QStringLiteral("2 × 75: 80 tokens"));
    prompt->setPlainText(QStringLiteral("Astronaut,astronaut"));
    QCOMPARE(count->text(), QStringLiteral("5/75"));
    child<QPlainTextEdit>(panel, "negativePromptEdit")->setPlainText(QStringLiteral("a, a"));
    QCOMPARE(child<QLabel>(panel, "negativePromptTokenCount")->text(), QStringLiteral("3/75"));
    panel.setTokenizer(nullptr);
    QCOMPARE(count->text(), QStringLiteral("~3/75"));
  }

  void modeShowsStrength() {
    GenerationPanel panel;
    auto* mode = child<QComboBox>(panel, "modeCombo");
    auto* strength = child<QDoubleSpinBox>(panel, "strengthSpin");
    QSignalSpy changed(&panel, &GenerationPanel::modeChanged);
    QVERIFY(!strength->isVisibleTo(&panel));
    mode->setCurrentIndex(mode->findData(QStringLiteral("inpaint")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("inpaint"));
    QVERIFY(strength->isVisibleTo(&panel));
    QCOMPARE(panel.mode(), QStringLiteral("inpaint"));
    GenerationSettings s;
    s.mode = QStringLiteral("img2img");
    panel.setSettings(s);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(1).at(0).toString(), QStringLiteral("img2img"));
    QVERIFY(strength->isVisibleTo(&panel));
    mode->setCurrentIndex(mode->findData(QStringLiteral("txt2img")));
    QVERIFY(!strength->isVisibleTo(&panel));
  }

  void modelPicker() {
    GenerationPanel panel;
    auto* combo = child<QComboBox>(panel, "modelCombo");
    QCOMPARE(panel.currentModelFolder(), QString());
    QCOMPARE(combo->count(), 1);  // "Add folder…" alone
    panel.setModelFolders({QStringLiteral("/models/sd15"), QStringLiteral("/models/sdxl/"),
                           QStringLiteral("/models/sd15")});
    QCOMPARE(panel.modelFolders(), (QStringList{"/models/sd15", "/models/sdxl"}));
    QCOMPARE(panel.currentModelFolder(), QStringLiteral("/models/sd15"));
    QCOMPARE(combo->itemText(1), QStringLiteral("sdxl"));

    QString answer = QStringLiteral("/models/new");
    panel.setFolderChooser([&answer](QWidget*) { return answer; });
    QSignalSpy folders(&panel, &GenerationPanel::modelFoldersChanged);
    QSignalSpy current(&panel, &GenerationPanel::currentModelFolderChanged);
    const auto pickAddFolder = [combo] {
      combo->setCurrentIndex(combo->count() - 1);
      emit combo->activated(combo->count() - 1);
    };
    pickAddFolder();
    QCOMPARE(folders.count(), 1);
    QCOMPARE(folders.at(0).at(0).toStringList(), (QStringList{"/models/sd15", "/models/sdxl", "/models/new"}));
    QCOMPARE(panel.currentModelFolder(), QStringLiteral("/models/new"));
    QCOMPARE(current.count(), 1);

    answer.clear();  // the dialog cancelled: back to the folder that was selected
    pickAddFolder();
    QCOMPARE(panel.currentModelFolder(), QStringLiteral("/models/new"));
    QCOMPARE(folders.count(), 1);
    QCOMPARE(current.count(), 1);

    answer = QStringLiteral("/models/sdxl");  // one already listed is selected, not added again
    pickAddFolder();
    QCOMPARE(panel.currentModelFolder(), QStringLiteral("/models/sdxl"));
    QCOMPARE(panel.modelFolders().size(), 3);
    QCOMPARE(folders.count(), 1);

    combo->setCurrentIndex(0);
    emit combo->activated(0);
    QCOMPARE(panel.currentModelFolder(), QStringLiteral("/models/sd15"));
    QCOMPARE(current.count(), 3);
  }

  void buttonsSignal() {
    GenerationPanel panel;
    QSignalSpy generate(&panel, &GenerationPanel::generateRequested);
    QSignalSpy cancel(&panel, &GenerationPanel::cancelRequested);
    QVERIFY(!panel.cancelButton()->isEnabled());
    QTest::mouseClick(panel.generateButton(), Qt::LeftButton);
    QCOMPARE(generate.count(), 1);
    QCOMPARE(cancel.count(), 0);
    panel.setBusy(true);
    QVERIFY(!panel.generateButton()->isEnabled());
    QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
    QCOMPARE(cancel.count(), 1);
    panel.setBusy(false);
    QVERIFY(panel.generateButton()->isEnabled());
    QVERIFY(!panel.cancelButton()->isEnabled());
  }
};

QTEST_MAIN(TestGenerationPanel)
#include "test_generation_panel.moc"
