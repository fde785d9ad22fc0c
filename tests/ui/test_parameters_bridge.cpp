// The parameters bridge: an AUTOMATIC1111 "parameters" text restores the panel's settings (its
// sampler names, old and 1.9+ split, mapped to the engine's; its SDXL refiner, matched to a listed
// folder by name), Gesso's own text round-trips exactly (the model's own sampler and the refiner
// too), bad text is an error and never a crash, and a dropped PNG restores what it was made with.
#include <QtTest>

#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <string>

#include "engine/pipelines/control_unit_text.h"
#include "engine/pipelines/model_file.h"
#include "engine/schedulers/scheduler.h"
#include "ui/output_naming.h"
#include "ui/parameters_bridge.h"

using gesso::ui::GenerationSettings;
using gesso::ui::parametersFromSettings;
using gesso::ui::SeedMode;
using gesso::ui::settingsFromParameters;
using gesso::ui::settingsFromPng;

namespace {

// As AUTOMATIC1111 1.9.4 writes it: a prompt over two lines, a two-line negative prompt, and the
// sampler and its schedule split over two keys.
const QString kA1111Text = QStringLiteral(
    "masterpiece, a lighthouse on a cliff\n"
    "at dusk, (dramatic lighting:1.2), <lora:film:0.6>\n"
    "Negative prompt: blurry, lowres,\n"
    "watermark\n"
    "Steps: 20, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 7, Seed: 1234, Size: 512x768, "
    "Model hash: 6ce0161689, Model: v1-5-pruned-emaonly, Version: v1.9.4");

// A base whose every field differs from what the texts below say, so that a field the bridge
// forgot to restore shows.
GenerationSettings unusualBase() {
  GenerationSettings b;
  b.prompt = QStringLiteral("old prompt");
  b.negativePrompt = QStringLiteral("old negative");
  b.seed = 99;
  b.seedMode = SeedMode::Random;
  b.width = 1024;
  b.height = 1024;
  b.steps = 77;
  b.guidance = 12.5;
  b.sampler = QStringLiteral("UniPC");
  b.batchCount = 3;
  b.batchSize = 4;
  b.mode = QStringLiteral("inpaint");
  b.strength = 0.4;
  return b;
}

gesso::ui::ModelEntry controlNet(const QString& name, const QString& sha256 = {}) {
  gesso::ui::ModelEntry e;
  e.name = name;
  e.path = QStringLiteral("/models/ControlNet/") + name;
  e.subfolder = QStringLiteral("ControlNet");
  e.kind = gesso::pipelines::ModelFileKind::kControlNet;
  e.sha256 = sha256;
  return e;
}

// As sd-webui-controlnet 1.1.4 writes its units (a key it has and Gesso lacks included).
QString controlNetText(const QString& units) {
  return QStringLiteral("a house\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512, %1, "
                        "Version: v1.9.4").arg(units);
}

const QString kCannyUnit = QStringLiteral(
    "ControlNet 0: \"Module: canny, Model: control_v11p_sd15_canny [d14c016b], Weight: 0.8, Resize Mode: Just Resize, "
    "Processor Res: 640, Threshold A: 90.0, Threshold B: 210.0, Guidance Start: 0.1, Guidance End: 0.9, Pixel "
    "Perfect: False, Control Mode: My prompt is more important, Hr Option: Both\"");

QString a1111Line(const QString& samplerPart) {
  return QStringLiteral("a cat\nSteps: 30, Sampler: %1, CFG scale: 6.5, Seed: 5, Size: 512x512").arg(samplerPart);
}

}  // namespace

class TestParametersBridge : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;

 private slots:
  // sd-webui-controlnet's "ControlNet N": each unit's settings, its model found in the library by
  // name (A1111's 8-digit hash is of another kind than the library's) or by hash.
  void controlNetUnitsRestore() {
    using gesso::pipelines::ControlMode;
    using gesso::pipelines::ResizeMode;
    const auto canny = controlNet(QStringLiteral("control_v11p_sd15_canny.safetensors"),
                                  QStringLiteral("ffff") + QString(60, QLatin1Char('0')));
    const auto renamed = controlNet(QStringLiteral("my_lineart.safetensors"),
                                    QStringLiteral("5c1b0e9a77") + QString(54, QLatin1Char('1')));
    const QString text = controlNetText(
        kCannyUnit +
        QStringLiteral(", ControlNet 2: \"Module: lineart_standard, Model: control_v11p_sd15_lineart [5c1b0e9a77], "
                       "Weight: 1.5, Resize Mode: Resize and Fill, Processor Res: 512, Threshold A: -1, Threshold B: "
                       "-1, Guidance Start: 0.0, Guidance End: 1.0, Pixel Perfect: False, Control Mode: ControlNet is "
                       "more important, Guess Mode: True\""));
    QStringList notes;
    QString error;
    const auto units = gesso::ui::controlUnitsFromParameters(text, {renamed, canny}, &notes, &error);
    QVERIFY2(units, qPrintable(error));
    QVERIFY2(notes.isEmpty(), qPrintable(notes.join('\n')));
    QCOMPARE(units->size(), 2);
    const auto& a = (*units)[0];
    QCOMPARE(a.index, 0);
    QCOMPARE(a.modelName, QStringLiteral("control_v11p_sd15_canny [d14c016b]"));
    QCOMPARE(a.unit.model, canny.path.toStdString());  // by its name
    QCOMPARE(a.unit.model_hash, std::string("ffff000000"));  // the library's hash, not A1111's old one
    QVERIFY(a.unit.image.empty());
    QCOMPARE(a.unit.preprocessor.name, std::string("canny"));
    QCOMPARE(a.unit.preprocessor.resolution, 640);
    QCOMPARE(a.unit.preprocessor.threshold_a, 90.0);
    QCOMPARE(a.unit.preprocessor.threshold_b, 210.0);
    QCOMPARE(a.unit.scale, 0.8);
    QCOMPARE(a.unit.start, 0.1);
    QCOMPARE(a.unit.end, 0.9);
    QCOMPARE(a.unit.control_mode, ControlMode::kPrompt);
    QCOMPARE(a.unit.resize_mode, ResizeMode::kJustResize);
    QVERIFY(!a.unit.guess_mode);
    const auto& b = (*units)[1];
    QCOMPARE(b.index, 2);
    QCOMPARE(b.unit.model, renamed.path.toStdString());  // by its hash, under another name
    QCOMPARE(b.unit.preprocessor.name, std::string("lineart_standard"));
    QCOMPARE(b.unit.scale, 1.5);
    QCOMPARE(b.unit.control_mode, ControlMode::kControl);
    QCOMPARE(b.unit.resize_mode, ResizeMode::kResizeAndFill);
    QVERIFY(b.unit.guess_mode);

    // No ControlNet: no units. No parameters: an error, as for the settings.
    QCOMPARE(gesso::ui::controlUnitsFromParameters(a1111Line("Euler"), {canny})->size(), 0);
    QVERIFY(!gesso::ui::controlUnitsFromParameters(QStringLiteral("just a prompt"), {canny}, &notes, &error));
    QVERIFY(error.contains(QStringLiteral("no generation parameters")));
  }

  // What cannot be restored is said: a model the library lacks (the unit is kept, its model ""), a
  // preprocessor that needs a model (depth: "none" instead), a unit whose text is broken (left out).
  void controlNetProblemsAreNoted() {
    const QString text = controlNetText(
        kCannyUnit +
        QStringLiteral(", ControlNet 1: \"Module: depth_midas, Model: control_v11f1p_sd15_depth [cfd03158], Weight: "
                       "1.0, Resize Mode: Crop and Resize, Processor Res: 512, Threshold A: -1, Threshold B: -1, "
                       "Guidance Start: 0.0, Guidance End: 1.0, Pixel Perfect: False, Control Mode: Balanced\", "
                       "ControlNet 2: \"Module: canny, Model: x, Weight: 1.0, Control Mode: Sideways\", "
                       "ControlNet 3: \"Module: none, Model: None, Weight: 1.0\""));
    QStringList notes;
    const auto units = gesso::ui::controlUnitsFromParameters(text, {controlNet("other.safetensors")}, &notes);
    QVERIFY(units);
    QCOMPARE(units->size(), 3);
    QCOMPARE((*units)[0].unit.model, std::string());
    QCOMPARE((*units)[1].index, 1);
    QCOMPARE((*units)[1].unit.preprocessor.name, std::string("none"));
    QCOMPARE((*units)[2].index, 3);
    QCOMPARE((*units)[2].unit.model, std::string());
    const QString all = notes.join('\n');
    QCOMPARE(notes.size(), 4);  // two missing models, depth, the broken unit; "None" is no model to miss
    QVERIFY2(all.contains(QStringLiteral("\"control_v11p_sd15_canny [d14c016b]\" (unit 1) is not in the library")),
             qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("control_v11f1p_sd15_depth [cfd03158]")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("\"depth_midas\" (unit 2)")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("ControlNet 2 cannot be read")) && all.contains(QStringLiteral("Sideways")),
             qPrintable(all));
  }

  // "Lora hashes" as A1111 writes it: a tag whose LoRA the library has under another name (the same
  // short hash) is renamed; one it lacks stays and is named in the notes; "TI hashes" the same.
  void loraHashesRestore() {
    using gesso::ui::ModelEntry;
    ModelEntry renamed;
    renamed.path = QStringLiteral("/models/Lora/film_v2.safetensors");
    renamed.kind = gesso::pipelines::ModelFileKind::kLora;
    renamed.sha256 = QStringLiteral("abcdef123456") + QString(52, QLatin1Char('0'));
    ModelEntry same = renamed;
    same.path = QStringLiteral("/models/Lora/grain.safetensors");
    same.sha256 = QString(64, QLatin1Char('1'));
    ModelEntry embedding;
    embedding.path = QStringLiteral("/models/embeddings/easynegative.safetensors");
    embedding.kind = gesso::pipelines::ModelFileKind::kEmbedding;
    const gesso::ui::ModelChoices choices{{}, std::nullopt, std::nullopt, QList<ModelEntry>{renamed, same, embedding}};
    const QString text = QStringLiteral(
        "a lighthouse <lora:film:0.6>, <lora:grain:1:0.5> <lora:gone:1>\n"
        "Negative prompt: easynegative, badhandv4\n"
        "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512, "
        "Lora hashes: \"film: abcdef123456, grain: 111111111111, gone: 999999999999\", "
        "TI hashes: \"easynegative: 222222222222, badhandv4: 333333333333\", Version: v1.9.4");
    QString error;
    QStringList notes;
    const auto s = settingsFromParameters(text, &error, {}, &notes, choices);
    QVERIFY2(s, qPrintable(error));
    QCOMPARE(s->prompt, QStringLiteral("a lighthouse <lora:film_v2:0.6>, <lora:grain:1:0.5> <lora:gone:1>"));
    QCOMPARE(notes.size(), 2);
    QVERIFY2(notes[0].contains(QStringLiteral("gone")) && !notes[0].contains(QStringLiteral("grain")), qPrintable(notes[0]));
    QVERIFY2(notes[1].contains(QStringLiteral("badhandv4")) && !notes[1].contains(QStringLiteral("easynegative")),
             qPrintable(notes[1]));
  }

  void a1111TextRestores() {
    QString error;
    QStringList notes;
    const auto s = settingsFromParameters(kA1111Text, &error, unusualBase(), &notes);
    QVERIFY2(s.has_value(), qPrintable(error));
    QCOMPARE(s->prompt, QStringLiteral("masterpiece, a lighthouse on a cliff\nat dusk, (dramatic lighting:1.2), "
                                       "<lora:film:0.6>"));
    QCOMPARE(s->negativePrompt, QStringLiteral("blurry, lowres,\nwatermark"));
    QCOMPARE(s->steps, 20);
    QCOMPARE(s->sampler, QStringLiteral("DPM++ 2M Karras"));
    QCOMPARE(s->guidance, 7.0);
    QCOMPARE(s->seed, qint64(1234));
    QCOMPARE(s->seedMode, SeedMode::Fixed);
    QCOMPARE(s->width, 512);
    QCOMPARE(s->height, 768);
    // What the text does not say stays as it was: the mode above all.
    QCOMPARE(s->mode, QStringLiteral("inpaint"));
    QCOMPARE(s->strength, 0.4);
    QCOMPARE(s->batchCount, 3);
    QCOMPARE(s->batchSize, 4);
    QVERIFY2(notes.isEmpty(), qPrintable(notes.join('\n')));
  }

  void samplerNames_data() {
    QTest::addColumn<QString>("samplerPart");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("noted");
    QTest::newRow("Euler a") << "Euler a" << "Euler a" << false;
    QTest::newRow("old Karras") << "DPM++ 2M Karras" << "DPM++ 2M Karras" << false;
    QTest::newRow("1.9 Karras") << "DPM++ 2M, Schedule type: Karras" << "DPM++ 2M Karras" << false;
    QTest::newRow("1.9 automatic") << "DPM++ 2M, Schedule type: Automatic" << "DPM++ 2M" << false;
    QTest::newRow("1.9 Euler a automatic") << "Euler a, Schedule type: Automatic" << "Euler a" << false;
    QTest::newRow("PLMS is PNDM") << "PLMS" << "PNDM" << false;
    QTest::newRow("case") << "euler A" << "Euler a" << false;
    QTest::newRow("DDIM") << "DDIM" << "DDIM" << false;
    QTest::newRow("UniPC") << "UniPC" << "UniPC" << false;
    QTest::newRow("LMS Karras") << "LMS Karras" << "LMS" << true;
    QTest::newRow("Euler + Karras") << "Euler, Schedule type: Karras" << "Euler" << true;
    QTest::newRow("Euler + exponential") << "Euler, Schedule type: Exponential" << "Euler" << true;
    QTest::newRow("unknown") << "DPM++ SDE Karras" << "UniPC" << true;  // the base's
  }

  void samplerNames() {
    QFETCH(QString, samplerPart);
    QFETCH(QString, expected);
    QFETCH(bool, noted);
    QString error;
    QStringList notes;
    const auto s = settingsFromParameters(a1111Line(samplerPart), &error, unusualBase(), &notes);
    QVERIFY2(s.has_value(), qPrintable(error));
    QCOMPARE(s->sampler, expected);
    QCOMPARE(!notes.isEmpty(), noted);
    if (noted) QVERIFY2(notes.first().contains(expected), qPrintable(notes.first()));
    QCOMPARE(s->guidance, 6.5);
    QCOMPARE(s->steps, 30);
  }

  void denoisingStrengthKeepsTheMode() {
    const QString text = a1111Line(QStringLiteral("Euler a")) + QStringLiteral(", Denoising strength: 0.55");
    GenerationSettings base = unusualBase();
    base.mode = QStringLiteral("txt2img");
    const auto s = settingsFromParameters(text, nullptr, base);
    QVERIFY(s.has_value());
    QCOMPARE(s->strength, 0.55);
    QCOMPARE(s->mode, QStringLiteral("txt2img"));
  }

  void gessoTextRoundTrips() {
    GenerationSettings s;
    s.prompt = QStringLiteral("猫, café au lait\n(masterpiece:1.2), \"quoted\", a: colon");
    s.negativePrompt = QStringLiteral("blurry,\nlowres");
    s.seed = 4'294'967'295'123LL;
    s.seedMode = SeedMode::Fixed;
    s.width = 832;
    s.height = 1216;
    s.steps = 35;
    s.guidance = 6.25;
    s.batchCount = 1;
    s.batchSize = 2;
    s.mode = QStringLiteral("img2img");
    s.strength = 0.6;
    for (const std::string& sampler : gesso::schedulers::scheduler_names()) {
      s.sampler = QString::fromStdString(sampler);
      const QString text = parametersFromSettings(s, QStringLiteral("sd15-pruned"));
      QVERIFY(text.contains(QStringLiteral("Model: sd15-pruned")));
      QVERIFY(text.contains(QStringLiteral("Denoising strength: 0.6")));
      QVERIFY(text.contains(QStringLiteral("Sampler: ") + s.sampler));
      GenerationSettings base;  // only what the text does not carry comes from here
      base.mode = s.mode;
      QString error;
      QStringList notes;
      const auto back = settingsFromParameters(text, &error, base, &notes);
      QVERIFY2(back.has_value(), qPrintable(error));
      QCOMPARE(back->prompt, s.prompt);
      QCOMPARE(back->negativePrompt, s.negativePrompt);
      QCOMPARE(back->seed, s.seed);
      QCOMPARE(back->sampler, s.sampler);
      QCOMPARE(back->batchSize, 2);
      QCOMPARE(back->strength, 0.6);
      QVERIFY(*back == s);
      QVERIFY(notes.isEmpty());
    }
  }

  void txt2imgTextLeavesStrengthOut() {
    GenerationSettings s;
    s.prompt = QStringLiteral("a cat");
    s.sampler = QStringLiteral("Euler a");
    const QString text = parametersFromSettings(s, QString());
    QCOMPARE(text, QStringLiteral("a cat\nSteps: 20, Sampler: Euler a, CFG scale: 7.5, Seed: 0, Size: 512x512, "
                                  "Version: Gesso"));
  }

  // "" is the model's own sampler: written empty, read back as "", whatever the base says.
  void modelDefaultSamplerRoundTrips() {
    GenerationSettings s;
    s.prompt = QStringLiteral("a cat");
    const QString text = parametersFromSettings(s, QString());
    QVERIFY2(text.contains(QStringLiteral("Sampler: \"\",")), qPrintable(text));
    GenerationSettings base = s;
    base.sampler = QStringLiteral("UniPC");
    QStringList notes;
    const auto back = settingsFromParameters(text, nullptr, base, &notes);
    QVERIFY(back.has_value());
    QCOMPARE(back->sampler, QString());
    QVERIFY(notes.isEmpty());
    // An unknown sampler over a base on the model's own says so in words, not with an empty name.
    const auto unknown = settingsFromParameters(a1111Line(QStringLiteral("DPM++ SDE Karras")), nullptr, s, &notes);
    QVERIFY(unknown.has_value());
    QCOMPARE(unknown->sampler, QString());
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes.first().contains(QStringLiteral("the model's own sampler")), qPrintable(notes.first()));
  }

  void a1111RefinerRestores_data() {
    QTest::addColumn<QString>("refinerPart");
    QTest::addColumn<QString>("refiner");
    QTest::addColumn<double>("switchAt");
    QTest::addColumn<QString>("note");
    const QString folder = QStringLiteral("/models/xl/SD_XL_Refiner_1.0");
    QTest::newRow("A1111, hash") << ", Refiner: sd_xl_refiner_1.0 [7440042bbd], Refiner switch at: 0.7" << folder
                                 << 0.7 << "";
    QTest::newRow("subfolder") << ", Refiner: XL\\sd_xl_refiner_1.0 [7440042bbd], Refiner switch at: 0.75" << folder
                               << 0.75 << "";
    QTest::newRow("Gesso") << ", Refiner: SD_XL_Refiner_1.0, Refiner switch at: 0.8" << folder << 0.8 << "";
    QTest::newRow("no switch") << ", Refiner: sd_xl_refiner_1.0" << folder << 0.33 << "";  // the base's
    QTest::newRow("absent") << "" << "" << 0.33 << "";
    QTest::newRow("unknown") << ", Refiner: dreamshaper_refiner [0123456789], Refiner switch at: 0.6" << ""
                             << 0.6 << "dreamshaper_refiner";
    QTest::newRow("bad switch") << ", Refiner: sd_xl_refiner_1.0, Refiner switch at: 1.5" << folder << 0.33
                                << "1.5";
  }

  void a1111RefinerRestores() {
    QFETCH(QString, refinerPart);
    QFETCH(QString, refiner);
    QFETCH(double, switchAt);
    QFETCH(QString, note);
    GenerationSettings base = unusualBase();
    base.refiner = QStringLiteral("/models/xl/sd_xl_base_1.0");  // cleared unless the text names one
    base.refinerSwitch = 0.33;
    const QStringList folders = {QStringLiteral("/models/xl/sd_xl_base_1.0"), QStringLiteral("/models/xl/SD_XL_Refiner_1.0")};
    QString error;
    QStringList notes;
    const auto s = settingsFromParameters(
        QStringLiteral("a castle\nSteps: 30, Sampler: Euler a, CFG scale: 6, Seed: 5, Size: 1024x1024, Model: "
                       "sd_xl_base_1.0") + refinerPart + QStringLiteral(", Version: v1.9.4"),
        &error, base, &notes, folders);
    QVERIFY2(s.has_value(), qPrintable(error));
    QCOMPARE(s->refiner, refiner);
    QCOMPARE(s->refinerSwitch, switchAt);
    QCOMPARE(s->width, 1024);
    if (note.isEmpty()) {
      QVERIFY2(notes.isEmpty(), qPrintable(notes.join('\n')));
    } else {
      QCOMPARE(notes.size(), 1);
      QVERIFY2(notes.first().contains(note), qPrintable(notes.first()));
    }
  }

  void refinerRoundTrips() {
    GenerationSettings s;
    s.prompt = QStringLiteral("a lighthouse");
    s.seed = 77;
    s.seedMode = SeedMode::Fixed;
    s.sampler = QStringLiteral("DPM++ 2M Karras");
    s.width = s.height = 1024;
    s.refiner = QStringLiteral("/models/sdxl-refiner");
    s.refinerSwitch = 0.65;
    const QStringList folders = {QStringLiteral("/models/sdxl"), s.refiner};
    for (const QString& mode : {QStringLiteral("txt2img"), QStringLiteral("img2img")}) {
      s.mode = mode;
      const QString text = parametersFromSettings(s, QStringLiteral("sdxl"));
      // As the engine and A1111 write them.
      QVERIFY2(text.contains(QStringLiteral("Refiner: sdxl-refiner, Refiner switch at: 0.65")), qPrintable(text));
      GenerationSettings base;
      base.mode = mode;
      QStringList notes;
      const auto back = settingsFromParameters(text, nullptr, base, &notes, folders);
      QVERIFY(back.has_value());
      QCOMPARE(back->refiner, s.refiner);
      QCOMPARE(back->refinerSwitch, 0.65);
      QVERIFY(*back == s);
      QVERIFY(notes.isEmpty());
      // Without the folder listed: none, and a note.
      const auto elsewhere = settingsFromParameters(text, nullptr, base, &notes, {QStringLiteral("/models/sdxl")});
      QCOMPARE(elsewhere->refiner, QString());
      QCOMPARE(notes.size(), 1);
      QVERIFY2(notes.first().contains(QStringLiteral("\"sdxl-refiner\"")), qPrintable(notes.first()));
    }
    // No refiner with inpainting (the engine has none there), and none when there is none.
    s.mode = QStringLiteral("inpaint");
    QVERIFY(!parametersFromSettings(s, QString()).contains(QStringLiteral("Refiner")));
    s.mode = QStringLiteral("txt2img");
    s.refiner.clear();
    QVERIFY(!parametersFromSettings(s, QString()).contains(QStringLiteral("Refiner")));
  }

  void garbageIsAnErrorNotACrash_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QString() << "no generation parameters";
    QTest::newRow("a prompt alone") << QStringLiteral("hello world\nsecond line") << "no generation parameters";
    QTest::newRow("bad steps") << QStringLiteral("a cat\nSteps: many, Sampler: Euler a, CFG scale: 7, Seed: 1")
                               << "Steps: many";
    QTest::newRow("bad size") << QStringLiteral("Steps: 20, Sampler: Euler a, Size: bigxsmall") << "Size";
    QTest::newRow("bad seed") << QStringLiteral("Steps: 20, Sampler: Euler a, Seed: -5") << "Seed";
    QTest::newRow("zero steps") << QStringLiteral("Steps: 0, Sampler: Euler a, Seed: 1") << "no generation";
    QTest::newRow("binary") << QString::fromLatin1(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR:,\"\\", 20))
                            << "no generation parameters";
  }

  void garbageIsAnErrorNotACrash() {
    QFETCH(QString, text);
    QFETCH(QString, reason);
    QString error;
    const auto s = settingsFromParameters(text, &error);
    QVERIFY(!s.has_value());
    QVERIFY2(error.contains(reason), qPrintable(error));
  }

  // Fragments of the syntax in random order: whatever comes out, it is a value or an error.
  void randomTextNeverCrashes() {
    const QStringList pieces = {"Steps:", " 20", ",", "Sampler:", "\"", "\\", "\n", "Negative prompt:", "Size:",
                                "512x", "x", "Seed:", "18446744073709551615", "CFG scale:", "nan", " ", ":"};
    QRandomGenerator random(1234);
    for (int i = 0; i < 2000; ++i) {
      QString text;
      const int n = random.bounded(1, 30);
      for (int k = 0; k < n; ++k) text += pieces[random.bounded(int(pieces.size()))];
      QString error;
      const auto s = settingsFromParameters(text, &error);
      QVERIFY2(s.has_value() != !error.isEmpty(), qPrintable(text));
      if (s) QVERIFY(s->steps > 0);
    }
  }

  void pngRestores() {
    const QString path = m_dir.filePath(QStringLiteral("a1111.png"));
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QString error;
    QVERIFY2(gesso::ui::writeImageAtomically(image, path, kA1111Text, &error), qPrintable(error));
    const auto s = settingsFromPng(path, &error, unusualBase());
    QVERIFY2(s.has_value(), qPrintable(error));
    QCOMPARE(s->prompt, QStringLiteral("masterpiece, a lighthouse on a cliff\nat dusk, (dramatic lighting:1.2), "
                                       "<lora:film:0.6>"));
    QCOMPARE(s->negativePrompt, QStringLiteral("blurry, lowres,\nwatermark"));
    QCOMPARE(s->sampler, QStringLiteral("DPM++ 2M Karras"));
    QCOMPARE(s->seed, qint64(1234));
    QCOMPARE(s->width, 512);
    QCOMPARE(s->height, 768);
    QCOMPARE(s->mode, QStringLiteral("inpaint"));
  }

  void gessoPngRoundTrips() {
    GenerationSettings s;
    s.prompt = QStringLiteral("猫 in the rain");
    s.seed = 42;
    s.seedMode = SeedMode::Fixed;
    s.sampler = QStringLiteral("UniPC");
    const QString path = m_dir.filePath(QStringLiteral("gesso.png"));
    QImage image(16, 16, QImage::Format_RGB32);
    image.fill(Qt::white);
    QVERIFY(gesso::ui::writeImageAtomically(image, path, parametersFromSettings(s, QStringLiteral("m"))));
    const auto back = settingsFromPng(path);
    QVERIFY(back.has_value());
    QVERIFY(*back == s);
    // With a refiner, given the folders to pick it from.
    s.refiner = QStringLiteral("/m/refiner");
    s.refinerSwitch = 0.9;
    QVERIFY(gesso::ui::writeImageAtomically(image, path, parametersFromSettings(s, QStringLiteral("m"))));
    const auto refined = settingsFromPng(path, nullptr, {}, nullptr, {s.refiner});
    QVERIFY(refined.has_value());
    QVERIFY(*refined == s);
  }

  // A1111's Hires. fix keys switch it on with their values; its "Denoising strength" is the second
  // pass's, and the img2img strength stays the base's.
  void a1111HiresRestores() {
    const QString text = a1111Line(QStringLiteral("Euler a")) +
                         QStringLiteral(", Denoising strength: 0.45, Hires upscale: 1.5, Hires steps: 12, "
                                        "Hires upscaler: Latent (nearest)");
    QStringList notes;
    const auto s = settingsFromParameters(text, nullptr, unusualBase(), &notes);
    QVERIFY(s.has_value());
    QVERIFY(s->hiresEnabled);
    QCOMPARE(s->hiresScale, 1.5);
    QCOMPARE(s->hiresSteps, 12);
    QCOMPARE(s->hiresStrength, 0.45);
    QCOMPARE(s->hiresUpscaler, QStringLiteral("Latent (nearest)"));
    QCOMPARE(s->hiresResizeWidth, 0);
    QCOMPARE(s->strength, unusualBase().strength);
    QVERIFY2(notes.isEmpty(), qPrintable(notes.join('\n')));
    // "Hires resize" instead of a scale; an upscaler Gesso lacks is Latent, and said.
    const auto resized = settingsFromParameters(
        a1111Line(QStringLiteral("Euler a")) + QStringLiteral(", Hires resize: 1024x0, Hires upscaler: 4x-UltraSharp"),
        nullptr, unusualBase(), &notes);
    QVERIFY(resized->hiresEnabled);
    QCOMPARE(resized->hiresResizeWidth, 1024);
    QCOMPARE(resized->hiresResizeHeight, 0);
    QCOMPARE(resized->hiresUpscaler, QStringLiteral("Latent"));
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes.first().contains(QStringLiteral("4x-UltraSharp")), qPrintable(notes.first()));
    // SD x4 and its model's name (the Hires. fix panel finds the library's folder of that name).
    const auto x4 = settingsFromParameters(
        a1111Line(QStringLiteral("Euler a")) + QStringLiteral(", Hires upscaler: SD x4, Hires upscaler model: x4-up"),
        nullptr, unusualBase());
    QCOMPARE(x4->hiresUpscaler, QStringLiteral("SD x4"));
    QCOMPARE(x4->hiresUpscalerModel, QStringLiteral("x4-up"));
    // A text without them: off, as the image was made, whatever the base had.
    GenerationSettings on = unusualBase();
    on.hiresEnabled = true;
    QVERIFY(!settingsFromParameters(a1111Line(QStringLiteral("Euler a")), nullptr, on)->hiresEnabled);
  }

  void hiresRoundTrips() {
    GenerationSettings s;
    s.prompt = QStringLiteral("a cat");
    s.sampler = QStringLiteral("Euler a");
    s.seedMode = SeedMode::Fixed;
    s.hiresEnabled = true;
    s.hiresScale = 2;
    s.hiresSteps = 10;
    s.hiresStrength = 0.5;
    const QString text = parametersFromSettings(s, QString());
    QVERIFY2(text.contains(QStringLiteral("Denoising strength: 0.5")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Hires upscale: 2, Hires steps: 10, Hires upscaler: Latent")), qPrintable(text));
    QCOMPARE(gesso::ui::modeFromParameters(text), QStringLiteral("txt2img"));
    auto back = settingsFromParameters(text, nullptr, GenerationSettings{});
    QVERIFY(back.has_value());
    QVERIFY(*back == s);
    s.hiresResizeWidth = 640, s.hiresResizeHeight = 480, s.hiresSteps = 0;
    const QString resized = parametersFromSettings(s, QString());
    QVERIFY2(resized.contains(QStringLiteral("Hires resize: 640x480")) && !resized.contains(QStringLiteral("Hires steps")),
             qPrintable(resized));
    back = settingsFromParameters(resized, nullptr, GenerationSettings{});
    QVERIFY(*back == s);
    // Outside txt2img nothing of it is written (the engine runs it in txt2img only).
    s.mode = QStringLiteral("img2img");
    QVERIFY(!parametersFromSettings(s, QString()).contains(QStringLiteral("Hires")));
  }

  void modeFromText_data() {
    QTest::addColumn<QString>("keys");
    QTest::addColumn<QString>("mode");
    QTest::newRow("plain") << "" << "txt2img";
    QTest::newRow("hires") << ", Denoising strength: 0.7, Hires upscale: 2" << "txt2img";
    QTest::newRow("strength") << ", Denoising strength: 0.6" << "img2img";
    QTest::newRow("mask blur") << ", Denoising strength: 0.6, Mask blur: 4" << "inpaint";
    QTest::newRow("only masked") << ", Denoising strength: 1, Inpaint area: Only masked, Masked area padding: 32"
                                 << "inpaint";
    QTest::newRow("bad masked content") << ", Masked content: paint" << "inpaint";
  }

  void modeFromText() {
    QFETCH(QString, keys);
    QFETCH(QString, mode);
    QCOMPARE(gesso::ui::modeFromParameters(a1111Line(QStringLiteral("Euler a")) + keys), mode);
    QCOMPARE(gesso::ui::modeFromParameters(QStringLiteral("just a prompt")), QString());
  }

  void inpaintOptionsRestore() {
    QStringList notes;
    const auto o = gesso::ui::inpaintOptionsFromParameters(
        a1111Line(QStringLiteral("Euler a")) +
            QStringLiteral(", Denoising strength: 0.8, Mask blur: 7, Inpaint area: Only masked, Masked area padding: 48, "
                           "Masked content: fill"),
        &notes);
    QVERIFY(o.has_value());
    QCOMPARE(o->mask_blur, 7);
    QCOMPARE(o->area, gesso::pipelines::InpaintArea::kOnlyMasked);
    QCOMPARE(o->only_masked_padding, 48);
    QCOMPARE(o->masked_content, gesso::pipelines::MaskedContent::kFill);
    QVERIFY(!gesso::ui::inpaintOptionsFromParameters(a1111Line(QStringLiteral("Euler a")), &notes));
    QVERIFY(notes.isEmpty());
    QVERIFY(!gesso::ui::inpaintOptionsFromParameters(a1111Line(QStringLiteral("Euler a")) +
                                                         QStringLiteral(", Masked content: paint"), &notes));
    QCOMPARE(notes.size(), 1);  // said, not dropped
  }

  // "Reuse parameters": the model by hash (else name) when the library has it; one it lacks is
  // said in the notes, the selection left as it was.
  void modelRestoresOrIsNoted() {
    gesso::ui::ModelEntry known;
    known.name = QStringLiteral("renamed.safetensors");
    known.path = QStringLiteral("/models/Stable-diffusion/renamed.safetensors");
    known.kind = gesso::pipelines::ModelFileKind::kCheckpoint;
    known.sha256 = QStringLiteral("6ce0161689b3853acaa03779ec93eafe75a02f4ced659bee03f50797806fa2fa");
    gesso::ui::ModelChoices choices{{}, QList<gesso::ui::ModelEntry>{known}, QList<gesso::ui::ModelEntry>{}, std::nullopt};
    GenerationSettings base = unusualBase();
    base.model = QStringLiteral("/models/other");
    QStringList notes;
    auto s = settingsFromParameters(kA1111Text, nullptr, base, &notes, choices);
    QCOMPARE(s->model, known.path);
    QVERIFY2(notes.isEmpty(), qPrintable(notes.join('\n')));
    choices.models = QList<gesso::ui::ModelEntry>{};
    s = settingsFromParameters(kA1111Text, nullptr, base, &notes, choices);
    QCOMPARE(s->model, base.model);
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes.first().contains(QStringLiteral("v1-5-pruned-emaonly")), qPrintable(notes.first()));
  }

  void pngWithoutParametersSaysSo() {
    const QString path = m_dir.filePath(QStringLiteral("plain.png"));
    QImage image(16, 16, QImage::Format_RGB32);
    image.fill(Qt::red);
    QVERIFY(image.save(path));
    QString error;
    QVERIFY(!settingsFromPng(path, &error).has_value());
    QVERIFY2(error.contains(QStringLiteral("plain.png")) && error.contains(QStringLiteral("no generation parameters")),
             qPrintable(error));

    const QString prompt = m_dir.filePath(QStringLiteral("prompt-only.png"));
    QVERIFY(gesso::ui::writeImageAtomically(image, prompt, QStringLiteral("just a prompt")));
    QVERIFY(!settingsFromPng(prompt, &error).has_value());
    QVERIFY2(error.startsWith(QStringLiteral("prompt-only.png: ")), qPrintable(error));
  }

  void unreadableFileSaysSo() {
    QString error;
    QVERIFY(!settingsFromPng(m_dir.filePath(QStringLiteral("missing.png")), &error).has_value());
    QVERIFY2(error.contains(QStringLiteral("missing.png cannot be read")), qPrintable(error));
    const QString text = m_dir.filePath(QStringLiteral("text.png"));
    QFile f(text);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Steps: 20, Sampler: Euler a, Seed: 1\n");
    f.close();
    QVERIFY(!settingsFromPng(text, &error).has_value());
    QVERIFY2(error.contains(QStringLiteral("text.png cannot be read")), qPrintable(error));
  }
};

QTEST_GUILESS_MAIN(TestParametersBridge)
#include "test_parameters_bridge.moc"
