// The generation panel: settings round-trip, size presets (per model family), snapping and swap,
// the seed controls (typed, -1, dice, random draws, reuse), every request field, the token counters
// (with a small real CLIP tokenizer and without one), mode and strength, the model picker with each
// folder's family, the model's own sampler, the SDXL refiner controls, and the buttons.
#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QAction>
#include <QTextCursor>
#include <QMenu>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolButton>

#include <limits>
#include <memory>
#include <set>

#include "engine/pipelines/generation_request.h"
#include "engine/pipelines/model_family.h"
#include "engine/pipelines/model_file.h"
#include "engine/schedulers/scheduler.h"
#include "engine/text/clip_tokenizer.h"
#include "common/widgets.h"
#include "ui/generation_panel.h"
#include "ui/model_library.h"

using gesso::pipelines::GenerationRequest;
using gesso::pipelines::ModelFamily;
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

QJsonObject json(std::initializer_list<QPair<QString, QJsonValue>> fields) {
  QJsonObject o;
  for (const auto& [key, value] : fields) o.insert(key, value);
  return o;
}

void writeJson(const QString& path, const QJsonObject& object) {
  QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
  writeFile(path, QJsonDocument(object).toJson());
}

QJsonArray component(const char* library, const char* cls) { return {QLatin1String(library), QLatin1String(cls)}; }

// A model folder as far as the list reads one: model_index.json, the SD text encoder's config (its
// activation tells SD 1.x from 2.x), the scheduler's and the UNet's configs; no weights at all.
// kind: sd1, sd2, sdxl, refiner, sdxl-inpaint (a 9-channel UNet); any other writes no model_index.json.
QString fakeModel(const QString& root, const QString& name, const QString& kind,
                  const QJsonObject& scheduler = json({{"_class_name", "EulerDiscreteScheduler"}})) {
  const QString dir = root + QLatin1Char('/') + name;
  QDir().mkpath(dir);
  const bool xl = kind == "sdxl" || kind == "refiner" || kind == "sdxl-inpaint";
  QJsonObject index = json({{"_class_name", kind == "refiner"        ? "StableDiffusionXLImg2ImgPipeline"
                                            : kind == "sdxl-inpaint" ? "StableDiffusionXLInpaintPipeline"
                                            : xl                     ? "StableDiffusionXLPipeline"
                                                                     : "StableDiffusionPipeline"},
                            {"scheduler", component("diffusers", "EulerDiscreteScheduler")},
                            {"unet", component("diffusers", "UNet2DConditionModel")},
                            {"vae", component("diffusers", "AutoencoderKL")}});
  if (kind != "refiner") index.insert("text_encoder", component("transformers", "CLIPTextModel"));
  if (xl) index.insert("text_encoder_2", component("transformers", "CLIPTextModelWithProjection"));
  if (kind == "sd1" || kind == "sd2")
    writeJson(dir + "/text_encoder/config.json", json({{"hidden_act", kind == "sd2" ? "gelu" : "quick_gelu"}}));
  writeJson(dir + "/scheduler/scheduler_config.json", scheduler);
  writeJson(dir + "/unet/config.json", json({{"in_channels", kind == "sdxl-inpaint" ? 9 : 4}}));
  if (kind == "sd1" || kind == "sd2" || xl) writeJson(dir + "/model_index.json", index);
  return QDir::cleanPath(dir);
}

QStringList itemTexts(const QComboBox* combo) {
  QStringList texts;
  for (int i = 0; i < combo->count(); ++i) texts << combo->itemText(i);
  return texts;
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
    auto* sampler = child<QComboBox>(panel, "samplerCombo");
    // The model's own, then every sampler the engine has (DDPM came with DeepFloyd IF).
    QCOMPARE(sampler->count(), int(gesso::schedulers::scheduler_names().size()) + 1);
    QCOMPARE(sampler->count(), 10);
    QCOMPARE(sampler->itemText(0), QStringLiteral("Model default"));
    QCOMPARE(sampler->currentIndex(), 0);
    QCOMPARE(sampler->itemText(4), QStringLiteral("DPM++ 2M Karras"));
    QCOMPARE(panel.settings().sampler, QString());
    GenerationRequest r;
    r.sampler = "Euler";
    panel.fillRequest(r);
    QCOMPARE(r.sampler, std::string());  // the engine then runs the folder's scheduler
    QCOMPARE(panel.settings().refinerSwitch, 0.8);
    QCOMPARE(r.refiner_switch, 0.8);
    QCOMPARE(r.refiner_dir, std::string());
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
    // Without a model: SD 1.x's sizes, and "Custom".
    QCOMPARE(itemTexts(presets), (QStringList{"512 × 512", "768 × 512", "512 × 768", "640 × 512", "512 × 640",
                                              "912 × 512", "512 × 912", "Custom"}));
    QSignalSpy shape(&panel, &GenerationPanel::shapeChanged);
    presets->setCurrentIndex(presets->findData(QSize(512, 912)));
    QCOMPARE(width->value(), 512);
    QCOMPARE(height->value(), 912);
    QCOMPARE(shape.count(), 1);  // the estimate follows a preset too
    presets->setCurrentIndex(presets->findData(QSize(768, 512)));
    QCOMPARE(panel.settings().width, 768);
    QCOMPARE(panel.settings().height, 512);
    // The preset shown follows a size typed in.
    width->setValue(640);
    QCOMPARE(presets->currentData().toSize(), QSize(640, 512));
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
    presets->setCurrentIndex(presets->findData(QSize(512, 912)));
    child<QToolButton>(panel, "swapSizeButton")->click();
    QCOMPARE(panel.settings().width, 912);
    QCOMPARE(panel.settings().height, 512);
    QCOMPARE(presets->currentData().toSize(), QSize(912, 512));
    child<QSpinBox>(panel, "widthSpin")->setValue(640);
    child<QToolButton>(panel, "swapSizeButton")->click();
    QCOMPARE(panel.settings().width, 512);
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

  // Without the model's tokenizer the counters use CLIP's own vocabulary, and count as A1111's:
  // tokens / the chunks of 75 they take, tags out, emphasis read, BREAK ending a chunk.
  void tokenCounter() {
    GenerationPanel panel;
    auto* prompt = child<QPlainTextEdit>(panel, "promptEdit");
    auto* count = child<QLabel>(panel, "promptTokenCount");
    QCOMPARE(count->text(), QStringLiteral("0/75"));
    prompt->setPlainText(QStringLiteral("a photo of an astronaut, riding a horse on mars"));
    QCOMPARE(count->text(), QStringLiteral("11/75"));
    prompt->setPlainText(repeated(QStringLiteral("cat"), 75));
    QCOMPARE(count->text(), QStringLiteral("75/75"));
    prompt->setPlainText(repeated(QStringLiteral("cat"), 76));
    QCOMPARE(count->text(), QStringLiteral("76/150"));
    QVERIFY(!count->font().bold());
    prompt->setPlainText(repeated(QStringLiteral("cat"), 151));
    QCOMPARE(count->text(), QStringLiteral("151/225"));
    prompt->setPlainText(QStringLiteral("(cat:1.3) <lora:style:0.8> [[dog]]"));
    QCOMPARE(count->text(), QStringLiteral("2/75"));
    prompt->setPlainText(QStringLiteral("a cat BREAK a dog"));
    QCOMPARE(count->text(), QStringLiteral("77/150"));
    // Prompt editing counts its longest text.
    prompt->setPlainText(QStringLiteral("a [cat:big fluffy dog:5]"));
    QCOMPARE(count->text(), QStringLiteral("4/75"));
    child<QPlainTextEdit>(panel, "negativePromptEdit")->setPlainText(QStringLiteral("blurry, lowres"));
    QCOMPARE(child<QLabel>(panel, "negativePromptTokenCount")->text(), QStringLiteral("4/75"));  // low, res
    // Plain prompts: the text's tokens against the one window, and a warning past it.
    auto* plain = child<QCheckBox>(panel, "plainPromptsCheck");
    plain->setChecked(true);
    prompt->setPlainText(repeated(QStringLiteral("cat"), 76) + QStringLiteral(" (x)"));
    QCOMPARE(count->text(), QStringLiteral("79/75 (4 ignored)"));
    QVERIFY(count->font().bold());
    QVERIFY(count->styleSheet().contains(QStringLiteral("color")));
    QVERIFY2(count->toolTip().contains(QStringLiteral("4 tokens past 75 are ignored")), qPrintable(count->toolTip()));
    GenerationSettings s = panel.settings();
    QVERIFY(s.plainPrompts);
    GenerationRequest r;
    panel.fillRequest(r);
    QVERIFY(r.plain_prompts);
  }

  // Issue 18, item 8: the counter tells the truth in both modes. A1111's syntax reads every chunk:
  // past 75 is not cut (no red, the tooltip says nothing is cut); plain prompts are one window:
  // past 75 is cut, in red, and the tooltip says how many tokens are ignored; at 75 nothing is.
  void tokenCounterTellsWhatIsCut() {
    GenerationPanel panel;
    auto* prompt = child<QPlainTextEdit>(panel, "promptEdit");
    auto* count = child<QLabel>(panel, "promptTokenCount");
    auto* plain = child<QCheckBox>(panel, "plainPromptsCheck");
    QVERIFY(!plain->isChecked());  // A1111's syntax by default
    prompt->setPlainText(repeated(QStringLiteral("cat"), 80));
    QCOMPARE(count->text(), QStringLiteral("80/150"));
    QVERIFY(count->styleSheet().isEmpty() && !count->font().bold());
    QVERIFY2(count->toolTip().contains(QStringLiteral("nothing is cut")), qPrintable(count->toolTip()));
    QVERIFY(!count->toolTip().contains(QStringLiteral("ignored")));
    plain->setChecked(true);  // the same prompt, now one window
    QCOMPARE(count->text(), QStringLiteral("80/75 (5 ignored)"));
    QVERIFY(!count->styleSheet().isEmpty() && count->font().bold());
    QVERIFY(count->toolTip().contains(QStringLiteral("5 tokens past 75 are ignored")));
    prompt->setPlainText(repeated(QStringLiteral("cat"), 75));  // exactly the window: nothing lost
    QCOMPARE(count->text(), QStringLiteral("75/75"));
    QVERIFY(count->styleSheet().isEmpty() && !count->font().bold());
    QVERIFY(!count->toolTip().contains(QStringLiteral("are ignored")));
    // Plain prompts count brackets and BREAK as text (diffusers reads them so), tags out.
    prompt->setPlainText(QStringLiteral("a cat BREAK a dog <lora:style:1>"));
    QCOMPARE(count->text(), QStringLiteral("5/75"));
    // Back to A1111's syntax: BREAK starts a chunk; red gone.
    plain->setChecked(false);
    QCOMPARE(count->text(), QStringLiteral("77/150"));
    QVERIFY(count->styleSheet().isEmpty());
    // The negative prompt is counted and cut the same way.
    plain->setChecked(true);
    child<QPlainTextEdit>(panel, "negativePromptEdit")->setPlainText(repeated(QStringLiteral("blurry"), 76));
    QCOMPARE(child<QLabel>(panel, "negativePromptTokenCount")->text(), QStringLiteral("76/75 (1 ignored)"));
  }

  // The LoRA picker lists the library's LoRAs and inserts A1111's tag at the cursor; their hashes
  // go into the request for "Lora hashes".
  void loraPicker() {
    GenerationPanel panel;
    gesso::ui::ModelEntry lora;
    lora.name = QStringLiteral("style.safetensors");
    lora.path = QStringLiteral("/models/Lora/style.safetensors");
    lora.kind = gesso::pipelines::ModelFileKind::kLora;
    lora.family = ModelFamily::kSD1;
    lora.sha256 = QStringLiteral("0123456789abcdef") + QString(48, QLatin1Char('0'));
    panel.setLibraryEntries({lora});
    QCOMPARE(panel.loraNames(), QStringList{QStringLiteral("style")});
    auto* button = child<QToolButton>(panel, "loraButton");
    QCOMPARE(button->menu()->actions().size(), 1);
    auto* prompt = child<QPlainTextEdit>(panel, "promptEdit");
    prompt->setPlainText(QStringLiteral("a cat"));
    prompt->moveCursor(QTextCursor::End);
    button->menu()->actions().front()->trigger();
    QCOMPARE(prompt->toPlainText(), QStringLiteral("a cat <lora:style:1>"));
    GenerationRequest r;
    panel.fillRequest(r);
    QCOMPARE(QString::fromStdString(r.network_hashes.at("/models/Lora/style.safetensors")), QStringLiteral("0123456789ab"));
    // A tag the library cannot serve is named before any run.
    auto* missing = child<QLabel>(panel, "missingLorasLabel");
    QVERIFY(missing->isHidden());
    prompt->setPlainText(QStringLiteral("a cat <lora:style:1> <lora:gone:0.5>"));
    QVERIFY(!missing->isHidden());
    QVERIFY(missing->text().contains(QStringLiteral("gone")) && !missing->text().contains(QStringLiteral("style")));
    prompt->setPlainText(QStringLiteral("a cat <lora:style:lots>"));
    QVERIFY(!missing->isHidden() && missing->text().contains(QStringLiteral("lots")));
    panel.setLibraryEntries({});
    QVERIFY(!button->menu()->actions().front()->isEnabled());  // "no LoRA" says so
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
    QCOMPARE(count->text(), QStringLiteral("2/75"));
    panel.setTokenizer(tokenizer);
    QCOMPARE(count->text(), QStringLiteral("3/75"));  // updated at once, without an edit
    prompt->setPlainText(repeated(QStringLiteral("astronaut"), 40));
    QCOMPARE(count->text(), QStringLiteral("80/150"));
    prompt->setPlainText(QStringLiteral("Astronaut,astronaut"));
    QCOMPARE(count->text(), QStringLiteral("5/75"));
    child<QPlainTextEdit>(panel, "negativePromptEdit")->setPlainText(QStringLiteral("a, a"));
    QCOMPARE(child<QLabel>(panel, "negativePromptTokenCount")->text(), QStringLiteral("3/75"));
    panel.setTokenizer(nullptr);
    QCOMPARE(count->text(), QStringLiteral("3/75"));
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
    // Folders that are not there are still listed, marked.
    QCOMPARE(combo->itemText(1), QStringLiteral("sdxl — unreadable"));
    QVERIFY(!panel.currentModelFamily().has_value());

    const QString added = fakeModel(m_dir.filePath(QStringLiteral("picker")), "new", "sd1");
    QString answer = added;
    panel.setFolderChooser([&answer](QWidget*) { return answer; });
    QSignalSpy folders(&panel, &GenerationPanel::modelFoldersChanged);
    QSignalSpy current(&panel, &GenerationPanel::currentModelFolderChanged);
    const auto pickAddFolder = [combo] {
      combo->setCurrentIndex(combo->count() - 1);
      emit combo->activated(combo->count() - 1);
    };
    pickAddFolder();
    QCOMPARE(folders.count(), 1);
    QCOMPARE(folders.at(0).at(0).toStringList(), (QStringList{"/models/sd15", "/models/sdxl", added}));
    QCOMPARE(panel.currentModelFolder(), added);
    QCOMPARE(current.count(), 1);

    answer.clear();  // the dialog cancelled: back to the folder that was selected
    pickAddFolder();
    QCOMPARE(panel.currentModelFolder(), added);
    QCOMPARE(folders.count(), 1);
    QCOMPARE(current.count(), 1);

    combo->setCurrentIndex(0);
    emit combo->activated(0);
    QCOMPARE(panel.currentModelFolder(), QStringLiteral("/models/sd15"));
    QCOMPARE(current.count(), 2);

    answer = added;  // one already listed is selected, not added again
    pickAddFolder();
    QCOMPARE(panel.currentModelFolder(), added);
    QCOMPARE(panel.modelFolders().size(), 3);
    QCOMPARE(folders.count(), 1);
    QCOMPARE(current.count(), 3);
  }

  // Issue 18, item 7: "Add folder…" checks the folder as it is added (a diffusers model folder or a
  // readable checkpoint of a family the form runs) and refuses anything else in words; a folder
  // added by hand can be removed again (library entries cannot: they go with their files).
  void addedModelsAreCheckedAndRemovable() {
    const QString root = m_dir.filePath(QStringLiteral("checked"));
    const QString good = fakeModel(root, "good", "sd1");
    const QString notModel = root + QStringLiteral("/notes.safetensors");
    QDir().mkpath(root);
    QFile notes(notModel);
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("not a safetensors file");
    notes.close();
    const QString empty = root + QStringLiteral("/empty");
    QDir().mkpath(empty);
    GenerationPanel panel;
    auto* combo = child<QComboBox>(panel, "modelCombo");
    auto* error = child<QLabel>(panel, "modelFolderError");
    auto* remove = child<QToolButton>(panel, "removeModelFolderButton");
    QVERIFY(error->isHidden());
    QVERIFY(!remove->isEnabled());  // nothing added yet
    QString answer;
    panel.setFolderChooser([&answer](QWidget*) { return answer; });
    QSignalSpy folders(&panel, &GenerationPanel::modelFoldersChanged);
    const auto add = [&](const QString& path) {
      answer = path;
      combo->setCurrentIndex(combo->count() - 1);
      emit combo->activated(combo->count() - 1);
    };
    for (const QString& bad : {empty, root + QStringLiteral("/missing"), notModel}) {
      add(bad);
      QVERIFY2(panel.modelFolders().isEmpty(), qPrintable(bad));
      QVERIFY2(!error->isHidden() && !error->text().isEmpty(), qPrintable(bad));
      QCOMPARE(folders.count(), 0);
      QCOMPARE(panel.currentModelFolder(), QString());
    }
    add(empty);
    QVERIFY(error->text().contains(QStringLiteral("model_index.json")));
    add(root + QStringLiteral("/missing"));
    QVERIFY(error->text().contains(QStringLiteral("does not exist")));
    add(notModel);
    QVERIFY(error->text().contains(QStringLiteral("not a model Gesso can read")));
    add(good);
    QVERIFY(error->isHidden());
    QCOMPARE(panel.modelFolders(), QStringList{good});
    QCOMPARE(panel.currentModelFolder(), good);
    QCOMPARE(folders.count(), 1);
    QVERIFY(remove->isEnabled());
    remove->click();
    QVERIFY(panel.modelFolders().isEmpty());
    QCOMPARE(folders.count(), 2);
    QVERIFY(folders.at(1).at(0).toStringList().isEmpty());
    QCOMPARE(panel.currentModelFolder(), QString());
    QVERIFY(!remove->isEnabled());
    // A library entry is not removable here.
    gesso::ui::ModelEntry lib = gesso::ui::ModelLibrary::classify(good);
    lib.subfolder = gesso::ui::ModelLibrary::kCheckpoints;
    panel.setLibraryEntries({lib});
    QCOMPARE(panel.currentModelFolder(), good);
    QVERIFY(!remove->isEnabled());
    panel.removeModelFolder(good);
    QCOMPARE(panel.currentModelFolder(), good);
    QCOMPARE(folders.count(), 2);
  }

  // Each folder's family from its model_index.json alone (the fake folders hold no weights).
  void modelListShowsEachFamily() {
    const QString root = m_dir.filePath(QStringLiteral("families"));
    const QStringList folders = {fakeModel(root, "sd15", "sd1"), fakeModel(root, "sd21", "sd2"),
                                 fakeModel(root, "sd_xl_base_1.0", "sdxl"),
                                 fakeModel(root, "sd_xl_refiner_1.0", "refiner"), fakeModel(root, "broken", "none")};
    GenerationPanel panel;
    panel.setModelFolders(folders);
    auto* combo = child<QComboBox>(panel, "modelCombo");
    QCOMPARE(itemTexts(combo), (QStringList{"sd15 — SD 1.x", "sd21 — SD 2.x", "sd_xl_base_1.0 — SDXL",
                                            "sd_xl_refiner_1.0 — SDXL refiner", "broken — unreadable",
                                            "Add folder…"}));
    QCOMPARE(panel.modelFolders(), folders);
    // The reason is in the tooltip, after the path.
    const QString tip = combo->itemData(4, Qt::ToolTipRole).toString();
    QVERIFY2(tip.startsWith(QDir::toNativeSeparators(folders[4])) && tip.contains("model_index.json"), qPrintable(tip));
    QCOMPARE(combo->itemData(0, Qt::ToolTipRole).toString(), QDir::toNativeSeparators(folders[0]));
    QCOMPARE(panel.currentModelFamily(), std::optional(ModelFamily::kSD1));
    panel.setCurrentModelFolder(folders[1]);
    QCOMPARE(panel.currentModelFamily(), std::optional(ModelFamily::kSD2));
    panel.setCurrentModelFolder(folders[3]);
    QCOMPARE(panel.currentModelFamily(), std::optional(ModelFamily::kSDXLRefiner));
    panel.setCurrentModelFolder(folders[4]);
    QVERIFY(!panel.currentModelFamily().has_value());
    // A folder fixed since: read again when the list is set again.
    fakeModel(root, "broken", "sdxl");
    panel.setModelFolders(folders);
    QCOMPARE(combo->itemText(4), QStringLiteral("broken — SDXL"));
    QCOMPARE(panel.currentModelFamily(), std::optional(ModelFamily::kSDXL));
  }

  // "Model default" runs the folder's own scheduler (request.sampler ""), and names it once known.
  void modelDefaultSampler() {
    const QString root = m_dir.filePath(QStringLiteral("samplers"));
    const QString karras = fakeModel(root, "karras", "sd1",
                                     json({{"_class_name", "DPMSolverMultistepScheduler"}, {"use_karras_sigmas", true}}));
    const QString xl = fakeModel(root, "xl", "sdxl");
    GenerationPanel panel;
    auto* sampler = child<QComboBox>(panel, "samplerCombo");
    panel.setModelFolders({karras, xl});
    QCOMPARE(sampler->itemText(0), QStringLiteral("Model default (DPM++ 2M Karras)"));
    panel.setCurrentModelFolder(xl);
    QCOMPARE(sampler->itemText(0), QStringLiteral("Model default (Euler)"));
    // A sampler saved before stays; the model's own comes back from "".
    GenerationSettings s;
    s.sampler = QStringLiteral("UniPC");
    panel.setSettings(s);
    QCOMPARE(panel.settings().sampler, QStringLiteral("UniPC"));
    GenerationRequest r;
    panel.fillRequest(r);
    QCOMPARE(r.sampler, std::string("UniPC"));
    s.sampler.clear();
    panel.setSettings(s);
    QCOMPARE(sampler->currentIndex(), 0);
    panel.fillRequest(r);
    QCOMPARE(r.sampler, std::string());
  }

  // The presets are the current family's; the size follows a family change only while it is the
  // previous family's default.
  void presetsFollowTheModelFamily() {
    const QString root = m_dir.filePath(QStringLiteral("presets"));
    const QString sd15 = fakeModel(root, "sd15", "sd1"), sd21 = fakeModel(root, "sd21", "sd2");
    const QString xl = fakeModel(root, "xl", "sdxl"), refiner = fakeModel(root, "refiner", "refiner");
    const QString missing = root + "/missing";
    GenerationPanel panel;
    auto* presets = child<QComboBox>(panel, "sizePresetCombo");
    auto* width = child<QSpinBox>(panel, "widthSpin");
    auto* height = child<QSpinBox>(panel, "heightSpin");
    panel.setModelFolders({sd15, sd21, xl, refiner, missing});
    QCOMPARE(presets->itemText(0), QStringLiteral("512 × 512"));
    QCOMPARE(presets->count(), 8);
    QSignalSpy shape(&panel, &GenerationPanel::shapeChanged);
    panel.setCurrentModelFolder(xl);
    const QStringList sdxl = {"1024 × 1024", "1152 × 896", "896 × 1152", "1216 × 832", "832 × 1216",
                              "1344 × 768", "768 × 1344", "1536 × 640", "640 × 1536", "Custom"};
    QCOMPARE(itemTexts(presets), sdxl);
    QVERIFY2(presets->toolTip().contains("SDXL"), qPrintable(presets->toolTip()));
    // 512 × 512 was SD 1.x's default: SDXL's replaces it.
    QCOMPARE(width->value(), 1024);
    QCOMPARE(height->value(), 1024);
    QCOMPARE(presets->currentIndex(), 0);
    QCOMPARE(shape.count(), 1);
    presets->setCurrentIndex(presets->findData(QSize(1216, 832)));
    QCOMPARE(panel.settings().width, 1216);
    QCOMPARE(panel.settings().height, 832);
    // The refiner has SDXL's sizes: nothing changes.
    panel.setCurrentModelFolder(refiner);
    QCOMPARE(itemTexts(presets), sdxl);
    QCOMPARE(presets->currentData().toSize(), QSize(1216, 832));
    // A size the user chose stays across families; it is "Custom" among SD 1.x's.
    panel.setCurrentModelFolder(sd15);
    QCOMPARE(presets->itemText(1), QStringLiteral("768 × 512"));
    QCOMPARE(presets->count(), 8);
    QCOMPARE(panel.settings().width, 1216);
    QCOMPARE(panel.settings().height, 832);
    QCOMPARE(presets->currentIndex(), presets->count() - 1);
    // An unreadable folder keeps the list and the size.
    presets->setCurrentIndex(0);
    panel.setCurrentModelFolder(missing);
    QCOMPARE(presets->itemText(1), QStringLiteral("768 × 512"));
    QCOMPARE(width->value(), 512);
    panel.setCurrentModelFolder(sd21);
    QCOMPARE(presets->itemText(0), QStringLiteral("768 × 768"));
    QCOMPARE(presets->itemText(1), QStringLiteral("896 × 640"));
    QCOMPARE(width->value(), 768);
    QCOMPARE(height->value(), 768);
    // Picked in the list, as a user does.
    auto* combo = child<QComboBox>(panel, "modelCombo");
    combo->setCurrentIndex(combo->findData(xl));
    emit combo->activated(combo->currentIndex());
    QCOMPARE(presets->itemText(0), QStringLiteral("1024 × 1024"));
    QCOMPARE(width->value(), 1024);
  }

  void refinerControls() {
    const QString root = m_dir.filePath(QStringLiteral("refiner"));
    const QString sd15 = fakeModel(root, "sd15", "sd1"), xl = fakeModel(root, "sd_xl_base_1.0", "sdxl");
    const QString refiner = fakeModel(root, "sd_xl_refiner_1.0", "refiner");
    const QString inpaint = fakeModel(root, "sdxl-inpaint", "sdxl-inpaint");
    GenerationPanel panel;
    auto* combo = child<QComboBox>(panel, "refinerCombo");
    auto* at = child<QDoubleSpinBox>(panel, "refinerSwitchSpin");
    auto* mode = child<QComboBox>(panel, "modeCombo");
    QCOMPARE(itemTexts(combo), QStringList{"None"});
    QVERIFY(!combo->isEnabled());
    QCOMPARE(at->minimum(), 0.01);
    QCOMPARE(at->maximum(), 0.99);
    QCOMPARE(at->decimals(), 2);
    QCOMPARE(at->value(), 0.8);

    panel.setModelFolders({sd15, xl, refiner, inpaint, root + "/missing"});
    // SDXL bases and refiners; not SD 1.x, an inpainting UNet or an unreadable folder.
    QCOMPARE(itemTexts(combo), (QStringList{"None", "sd_xl_base_1.0 — SDXL", "sd_xl_refiner_1.0 — SDXL refiner"}));
    QCOMPARE(panel.refinerFolders(), (QStringList{xl, refiner}));
    QCOMPARE(panel.currentModelFolder(), sd15);
    QVERIFY(!panel.refinerAvailable());
    QVERIFY(!combo->isEnabled());  // SD 1.x

    panel.setCurrentModelFolder(xl);
    QVERIFY(panel.refinerAvailable());
    QVERIFY(combo->isEnabled());
    QVERIFY(!at->isEnabled());  // no refiner picked yet
    QSignalSpy shape(&panel, &GenerationPanel::shapeChanged);
    combo->setCurrentIndex(combo->findData(refiner));
    QCOMPARE(shape.count(), 1);  // its weights count in the estimate
    QVERIFY(at->isEnabled());
    at->setValue(0.654);
    QCOMPARE(at->value(), 0.65);
    QCOMPARE(panel.currentRefinerFolder(), refiner);
    GenerationRequest r;
    panel.fillRequest(r);
    QCOMPARE(r.model_dir, xl.toStdString());
    QCOMPARE(r.refiner_dir, refiner.toStdString());
    QCOMPARE(r.refiner_switch, 0.65);
    QCOMPARE(panel.settings().refiner, refiner);
    QCOMPARE(panel.settings().refinerSwitch, 0.65);

    mode->setCurrentIndex(mode->findData(QStringLiteral("img2img")));
    QVERIFY(combo->isEnabled());
    panel.fillRequest(r);
    QCOMPARE(r.refiner_dir, refiner.toStdString());
    // Inpaint: the engine has no refiner there. The choice is kept for the other modes.
    mode->setCurrentIndex(mode->findData(QStringLiteral("inpaint")));
    QVERIFY(!combo->isEnabled());
    QVERIFY(!at->isEnabled());
    QCOMPARE(panel.currentRefinerFolder(), QString());
    panel.fillRequest(r);
    QCOMPARE(r.refiner_dir, std::string());
    QCOMPARE(panel.settings().refiner, refiner);
    mode->setCurrentIndex(mode->findData(QStringLiteral("txt2img")));
    QCOMPARE(panel.currentRefinerFolder(), refiner);

    // A refiner as the model, and SD 1.x: disabled, and nothing in the request.
    for (const QString& model : {refiner, sd15}) {
      panel.setCurrentModelFolder(model);
      QVERIFY(!combo->isEnabled());
      QVERIFY(!at->isEnabled());
      panel.fillRequest(r);
      QCOMPARE(r.refiner_dir, std::string());
    }

    // Settings: the pick and the switch round-trip; a refiner no longer listed is none.
    panel.setCurrentModelFolder(xl);
    GenerationSettings s = panel.settings();
    s.refiner = xl;
    s.refinerSwitch = 0.7;
    panel.setSettings(s);
    QVERIFY(panel.settings() == s);
    QCOMPARE(combo->currentData().toString(), xl);
    QCOMPARE(at->value(), 0.7);
    s.refiner = root + "/elsewhere/refiner";
    panel.setSettings(s);
    QCOMPARE(panel.settings().refiner, QString());
    QCOMPARE(combo->currentIndex(), 0);
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
