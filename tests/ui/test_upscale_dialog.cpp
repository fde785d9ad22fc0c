// The "Upscale x4" dialog: it lists the library's x4 upscalers only, its defaults are diffusers'
// for the upscaler alone (noise level 20, 75 steps, guidance 9) and the engine's tile of 128 px, the
// prompts and seed come from the image's parameters, every control reaches the UpscaleRequest, the
// size it will make is shown (with the tiles), and its options round-trip as the settings keep them.
#include <QtTest>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>

#include "common/fixtures.h"
#include "common/widgets.h"
#include "engine/pipelines/model_family.h"
#include "engine/pipelines/upscale_pipeline.h"
#include "engine/pipelines/upscale_tiles.h"
#include "ui/model_library.h"
#include "ui/upscale_dialog.h"

using gesso::ui::ModelEntry;
using gesso::ui::ModelLibrary;
using gesso::ui::UpscaleDialog;

namespace {

using gesso::test::child;

QString fixture(const char* name) { return QString::fromStdString((gesso::test::fixture_dir("deepfloyd") / name).string()); }

QList<ModelEntry> library() {
  QList<ModelEntry> entries;
  for (const char* name : {"if1", "if2", "x4"}) entries << ModelLibrary::classify(fixture(name));
  return entries;
}

QImage picture(int width, int height) {
  QImage image(width, height, QImage::Format_RGB888);
  image.fill(QColor(10, 120, 200));
  return image;
}

const QString kText =
    "a lighthouse at dusk, (dramatic sky:1.2)\nNegative prompt: blurry, lowres\n"
    "Steps: 20, Sampler: Euler, CFG scale: 7, Seed: 4242, Size: 64x64, Model: sd15";

}  // namespace

class TestUpscaleDialog : public QObject {
  Q_OBJECT

 private slots:
  void listsTheLibrarysUpscalers() {
    const auto upscalers = UpscaleDialog::upscalers(library());
    QCOMPARE(upscalers.size(), 1);
    QCOMPARE(upscalers[0].path, fixture("x4"));
    QVERIFY(UpscaleDialog::upscalers({ModelLibrary::classify(fixture("if1"))}).isEmpty());
  }

  void defaultsAndTheImagesParameters() {
    UpscaleDialog dialog(UpscaleDialog::upscalers(library()), picture(64, 48), kText);
    QCOMPARE(child<QComboBox>(dialog, "upscalerCombo")->currentData().toString(), fixture("x4"));
    QCOMPARE(child<QPlainTextEdit>(dialog, "upscalePromptEdit")->toPlainText(),
             QStringLiteral("a lighthouse at dusk, (dramatic sky:1.2)"));
    QCOMPARE(child<QPlainTextEdit>(dialog, "upscaleNegativeEdit")->toPlainText(), QStringLiteral("blurry, lowres"));
    QCOMPARE(child<QSpinBox>(dialog, "upscaleNoiseSpin")->value(), 20);
    QCOMPARE(child<QSpinBox>(dialog, "upscaleStepsSpin")->value(), 75);
    QCOMPARE(child<QDoubleSpinBox>(dialog, "upscaleGuidanceSpin")->value(), 9.0);
    QCOMPARE(child<QSpinBox>(dialog, "upscaleTileSpin")->value(), 128);
    QCOMPARE(child<QLabel>(dialog, "upscaleSizeLabel")->text(), QStringLiteral("64 × 48 px → 256 × 192 px"));
    const auto r = dialog.request();
    QCOMPARE(r.model_dir, fixture("x4").toStdString());
    QCOMPARE(r.image.width, 64);
    QCOMPARE(r.image.height, 48);
    QCOMPARE(r.image.channels, 3);
    QCOMPARE(r.prompt, std::string("a lighthouse at dusk, (dramatic sky:1.2)"));
    QCOMPARE(r.negative_prompt, std::string("blurry, lowres"));
    QCOMPARE(r.seed, uint64_t(4242));
    QCOMPARE(r.settings.noise_level, 20);
    QCOMPARE(r.settings.steps, 75);
    QCOMPARE(r.settings.guidance_scale, 9.0);
    QCOMPARE(r.tile, 128);
  }

  void controlsReachTheRequest() {
    UpscaleDialog dialog(UpscaleDialog::upscalers(library()), picture(300, 200), QString());
    QCOMPARE(child<QPlainTextEdit>(dialog, "upscalePromptEdit")->toPlainText(), QString());  // no parameters
    child<QPlainTextEdit>(dialog, "upscalePromptEdit")->setPlainText("a cat");
    child<QSpinBox>(dialog, "upscaleNoiseSpin")->setValue(50);
    child<QSpinBox>(dialog, "upscaleStepsSpin")->setValue(12);
    child<QDoubleSpinBox>(dialog, "upscaleGuidanceSpin")->setValue(5.5);
    child<QSpinBox>(dialog, "upscaleTileSpin")->setValue(160);
    const QString size = child<QLabel>(dialog, "upscaleSizeLabel")->text();
    const auto tiles = gesso::pipelines::plan_tiles(200, 300, 160, gesso::pipelines::UpscaleRequest{}.tile_overlap).count();
    QCOMPARE(tiles, 6);  // 3 x 2: two tiles across would overlap by less than 32 px
    QVERIFY2(size.startsWith("300 × 200 px → 1200 × 800 px, in 6 tile"), qPrintable(size));
    const auto r = dialog.request();
    QCOMPARE(r.prompt, std::string("a cat"));
    QCOMPARE(r.seed, uint64_t(0));
    QCOMPARE(r.settings.noise_level, 50);
    QCOMPARE(r.settings.steps, 12);
    QCOMPARE(r.settings.guidance_scale, 5.5);
    QCOMPARE(r.tile, 160);
    // Off: the whole image at once; a size that is mostly overlap snaps to a usable one.
    auto* tile = child<QSpinBox>(dialog, "upscaleTileSpin");
    tile->setValue(0);
    QCOMPARE(tile->text(), QStringLiteral("Off"));
    QCOMPARE(dialog.request().tile, 0);
    QCOMPARE(child<QLabel>(dialog, "upscaleSizeLabel")->text(), QStringLiteral("300 × 200 px → 1200 × 800 px"));
    tile->setValue(40);
    QCOMPARE(tile->value(), 64);
  }

  void optionsRoundTrip() {
    const auto upscalers = UpscaleDialog::upscalers(library());
    UpscaleDialog dialog(upscalers, picture(32, 32), kText);
    child<QSpinBox>(dialog, "upscaleNoiseSpin")->setValue(35);
    child<QSpinBox>(dialog, "upscaleStepsSpin")->setValue(9);
    child<QSpinBox>(dialog, "upscaleTileSpin")->setValue(0);
    QVariantMap options = dialog.options();
    QCOMPARE(options.value("model").toString(), fixture("x4"));
    for (auto it = options.begin(); it != options.end(); ++it) *it = it->toString();  // as INI gives it back
    UpscaleDialog again(upscalers, picture(32, 32), QString());
    again.setOptions(options);
    QCOMPARE(again.options().value("model").toString(), fixture("x4"));
    QCOMPARE(child<QSpinBox>(again, "upscaleNoiseSpin")->value(), 35);
    QCOMPARE(child<QSpinBox>(again, "upscaleStepsSpin")->value(), 9);
    QCOMPARE(child<QSpinBox>(again, "upscaleTileSpin")->value(), 0);
    // An upscaler no longer in the library keeps the first listed.
    options["model"] = "/gone/x4";
    again.setOptions(options);
    QCOMPARE(again.request().model_dir, fixture("x4").toStdString());
  }
};

QTEST_MAIN(TestUpscaleDialog)
#include "test_upscale_dialog.moc"
