// The ControlNet panel: units are added (up to the maximum), removed and renumbered; a preprocessor
// shows the sliders it defines with sd-webui-controlnet's labels, ranges and defaults; the preview is
// computed off the GUI thread and equals control::preprocess of the same input (the unit's image, or
// the source image outside text to image); preprocess errors are shown in the unit; the model list
// is the library's ControlNets; the enabled units fill the request (refusing a unit without a model
// or, in text to image, without an image); and a unit's PNG text restores the unit it was written
// from (control_unit_text -> parameters bridge -> panel).
#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolButton>

#include <string>

#include "common/widgets.h"
#include "engine/control/preprocessor.h"
#include "engine/io/a1111_parameters.h"
#include "engine/pipelines/control_unit_text.h"
#include "engine/pipelines/generation_request.h"
#include "engine/pipelines/model_family.h"
#include "engine/pipelines/model_file.h"
#include "ui/controlnet_panel.h"
#include "ui/controlnet_unit_widget.h"
#include "ui/parameters_bridge.h"
#include "ui/qt_image.h"

using gesso::pipelines::ControlMode;
using gesso::pipelines::ControlUnit;
using gesso::pipelines::GenerationRequest;
using gesso::pipelines::PipelineKind;
using gesso::pipelines::ResizeMode;
using gesso::ui::ControlNetPanel;
using gesso::ui::ControlNetUnitWidget;
using gesso::ui::ModelEntry;

namespace {

using gesso::test::child;

// Shapes on a gradient: edges for canny, colours for the rest.
QImage testImage(int width = 96, int height = 72, QColor shape = Qt::red) {
  QImage image(width, height, QImage::Format_RGB888);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) image.setPixelColor(x, y, QColor(x * 255 / width, y * 255 / height, 90));
  QPainter painter(&image);
  painter.fillRect(width / 6, height / 5, width / 3, height / 2, shape);
  painter.setBrush(Qt::white);
  painter.drawEllipse(QPoint(width * 2 / 3, height / 2), width / 6, height / 5);
  return image;
}

ModelEntry controlNetEntry(const QString& name, const QString& sha256 = {}) {
  ModelEntry e;
  e.name = name;
  e.path = QStringLiteral("/models/ControlNet/") + name;
  e.subfolder = QStringLiteral("ControlNet");
  e.kind = gesso::pipelines::ModelFileKind::kControlNet;
  e.family = gesso::pipelines::ModelFamily::kSD1;
  e.sha256 = sha256;
  return e;
}

QImage expectedPreview(const QImage& input, const gesso::control::PreprocessorSettings& settings) {
  return gesso::ui::toQImage(gesso::control::preprocess(gesso::ui::fromQImage(input, 3), settings));
}

void selectPreprocessor(ControlNetUnitWidget* unit, const char* name) {
  auto* combo = child<QComboBox>(*unit, "preprocessorCombo");
  const int index = combo->findData(QString::fromLatin1(name));
  QVERIFY2(index >= 0, name);
  combo->setCurrentIndex(index);
}

bool shown(QWidget* w, QWidget* root) { return w->isVisibleTo(root); }

}  // namespace

class TestControlNetPanel : public QObject {
  Q_OBJECT

 private slots:
  void startsWithOneDisabledUnitAndTheNote() {
    ControlNetPanel panel;
    QCOMPARE(panel.unitCount(), 1);
    QVERIFY(!panel.unit(0)->isUnitEnabled());
    QCOMPARE(panel.enabledCount(), 0);
    const QString note = child<QLabel>(panel, "modelNote")->text();
    QVERIFY2(note.contains(QStringLiteral("depth")) && note.contains(QStringLiteral("pose")) &&
                 note.contains(QStringLiteral("segmentation")) && note.contains(QStringLiteral("\"none\"")),
             qPrintable(note));
    auto* unit = panel.unit(0);
    QCOMPARE(unit->preprocessor(), QStringLiteral("none"));
    const ControlUnit u = unit->unit();
    QCOMPARE(u.scale, 1.0);  // sd-webui-controlnet's defaults
    QCOMPARE(u.start, 0.0);
    QCOMPARE(u.end, 1.0);
    QCOMPARE(u.control_mode, ControlMode::kBalanced);
    QCOMPARE(u.resize_mode, ResizeMode::kCropAndResize);
    QVERIFY(!u.guess_mode);
    auto* weight = child<QDoubleSpinBox>(*unit, "weightSpin");
    QCOMPARE(weight->minimum(), 0.0);
    QCOMPARE(weight->maximum(), 2.0);
    QCOMPARE(child<QComboBox>(*unit, "controlModeCombo")->count(), 3);
    QCOMPARE(child<QComboBox>(*unit, "resizeModeCombo")->count(), 3);
  }

  void unitsAreAddedRemovedAndRenumbered() {
    ControlNetPanel panel;
    QSignalSpy changed(&panel, &ControlNetPanel::unitsChanged);
    auto* add = child<QPushButton>(panel, "addUnitButton");
    add->click();
    add->click();
    QCOMPARE(panel.unitCount(), 3);
    QVERIFY(changed.count() >= 2);
    for (int i = 0; i < 3; ++i) {
      QCOMPARE(panel.unit(i)->number(), i + 1);
      QCOMPARE(child<QLabel>(*panel.unit(i), "unitTitle")->text(), QStringLiteral("Unit %1").arg(i + 1));
    }
    ControlNetUnitWidget* third = panel.unit(2);
    panel.unit(1)->setUnitEnabled(true);
    child<QToolButton>(*panel.unit(1), "removeButton")->click();
    QCOMPARE(panel.unitCount(), 2);
    QCOMPARE(panel.unit(1), third);
    QCOMPARE(third->number(), 2);
    QCOMPARE(child<QLabel>(*third, "unitTitle")->text(), QStringLiteral("Unit 2"));
    QCOMPARE(panel.enabledCount(), 0);  // the enabled one went

    while (panel.unitCount() < ControlNetPanel::kMaxUnits) QVERIFY(panel.addUnit() != nullptr);
    QVERIFY(!add->isEnabled());
    QVERIFY(panel.addUnit() == nullptr);
    QCOMPARE(panel.unitCount(), ControlNetPanel::kMaxUnits);
    panel.removeUnit(0);
    QVERIFY(add->isEnabled());
    panel.removeUnit(99);  // nothing
    QCOMPARE(panel.unitCount(), ControlNetPanel::kMaxUnits - 1);
  }

  void collapsedUnitShowsASummary() {
    ControlNetPanel panel;
    auto* unit = panel.unit(0);
    selectPreprocessor(unit, "canny");
    QVERIFY(unit->isExpanded());
    child<QToolButton>(*unit, "expandButton")->click();
    QVERIFY(!unit->isExpanded());
    QVERIFY(!shown(child<QWidget>(*unit, "unitBody"), unit));
    auto* summary = child<QLabel>(*unit, "summaryLabel");
    QVERIFY(shown(summary, unit));
    QVERIFY2(summary->text().contains(QStringLiteral("canny")), qPrintable(summary->text()));
    unit->setExpanded(true);
    QVERIFY(shown(child<QWidget>(*unit, "unitBody"), unit));
  }

  // sd-webui-controlnet's sliders: canny's two thresholds 1..255 (100, 200) and the resolution
  // 64..2048 (512); none has no slider; every other preprocessor as the engine's table says.
  void preprocessorShowsItsSliders() {
    ControlNetPanel panel;
    auto* unit = panel.unit(0);
    auto* resolution = child<QSpinBox>(*unit, "resolutionSpin");
    auto* a = child<QDoubleSpinBox>(*unit, "thresholdASpin");
    auto* b = child<QDoubleSpinBox>(*unit, "thresholdBSpin");
    auto* aLabel = child<QLabel>(*unit, "thresholdALabel");
    auto* bLabel = child<QLabel>(*unit, "thresholdBLabel");

    QVERIFY(!shown(resolution, unit));
    QVERIFY(!shown(a, unit));
    QVERIFY(!shown(b, unit));

    selectPreprocessor(unit, "canny");
    QVERIFY(shown(resolution, unit));
    QCOMPARE(resolution->minimum(), 64);
    QCOMPARE(resolution->maximum(), 2048);
    QCOMPARE(resolution->value(), 512);
    QVERIFY(shown(a, unit) && shown(b, unit));
    QCOMPARE(aLabel->text(), QStringLiteral("Low Threshold"));
    QCOMPARE(bLabel->text(), QStringLiteral("High Threshold"));
    QCOMPARE(a->minimum(), 1.0);
    QCOMPARE(a->maximum(), 255.0);
    QCOMPARE(a->value(), 100.0);
    QCOMPARE(b->value(), 200.0);

    a->setValue(40);  // a change, then another preprocessor and back: its defaults again
    selectPreprocessor(unit, "tile_resample");
    QVERIFY(!shown(resolution, unit));
    QVERIFY(shown(a, unit));
    QVERIFY(!shown(b, unit));
    QCOMPARE(aLabel->text(), QStringLiteral("Down Sampling Rate"));
    QCOMPARE(a->minimum(), 1.0);
    QCOMPARE(a->maximum(), 8.0);
    QCOMPARE(a->singleStep(), 0.01);
    QCOMPARE(a->decimals(), 2);
    selectPreprocessor(unit, "canny");
    QCOMPARE(a->value(), 100.0);

    auto* combo = child<QComboBox>(*unit, "preprocessorCombo");
    QCOMPARE(combo->count(), int(gesso::control::preprocessors().size()));
    for (const auto& p : gesso::control::preprocessors()) {
      selectPreprocessor(unit, p.name.c_str());
      const char* name = p.name.c_str();
      QVERIFY2(shown(resolution, unit) == p.uses_resolution, name);
      QVERIFY2(shown(a, unit) == p.threshold_a.has_value(), name);
      QVERIFY2(shown(b, unit) == p.threshold_b.has_value(), name);
      for (auto [spin, label, slider] : {std::tuple{a, aLabel, p.threshold_a}, std::tuple{b, bLabel, p.threshold_b}}) {
        if (!slider) continue;
        QCOMPARE(label->text(), QString::fromStdString(slider->label));
        QCOMPARE(spin->minimum(), slider->min);
        QCOMPARE(spin->maximum(), slider->max);
        QCOMPARE(spin->singleStep(), slider->step);
        QCOMPARE(spin->value(), slider->value);
      }
      const ControlUnit u = unit->unit();
      QCOMPARE(u.preprocessor.name, p.name);
      QCOMPARE(u.preprocessor.threshold_a, p.threshold_a ? p.threshold_a->value : -1.0);
      QCOMPARE(u.preprocessor.threshold_b, p.threshold_b ? p.threshold_b->value : -1.0);
    }
  }

  void previewEqualsPreprocess() {
    ControlNetPanel panel;
    auto* unit = panel.unit(0);
    QSignalSpy updated(unit, &ControlNetUnitWidget::previewUpdated);
    const QImage image = testImage();
    unit->setImage(image);
    selectPreprocessor(unit, "canny");
    child<QSpinBox>(*unit, "resolutionSpin")->setValue(128);
    QVERIFY(unit->isPreviewPending());
    QTRY_VERIFY_WITH_TIMEOUT(!unit->isPreviewPending(), 20000);
    QVERIFY(updated.count() >= 1);
    gesso::control::PreprocessorSettings settings;
    settings.name = "canny";
    settings.resolution = 128;
    settings.threshold_a = 100;
    settings.threshold_b = 200;
    QVERIFY(unit->previewError().isEmpty());
    const QImage first = expectedPreview(image, settings);
    QCOMPARE(unit->preview(), first);
    QVERIFY(!child<QLabel>(*unit, "previewLabel")->pixmap().isNull());

    // A slider moved: the preview follows.
    child<QDoubleSpinBox>(*unit, "thresholdASpin")->setValue(20);
    child<QDoubleSpinBox>(*unit, "thresholdBSpin")->setValue(60);
    QTRY_VERIFY_WITH_TIMEOUT(!unit->isPreviewPending(), 20000);
    settings.threshold_a = 20;
    settings.threshold_b = 60;
    const QImage second = expectedPreview(image, settings);
    QVERIFY(second != first);
    QCOMPARE(unit->preview(), second);

    // Another image: the preview follows.
    const QImage other = testImage(64, 64, Qt::blue);
    unit->setImage(other);
    QTRY_VERIFY_WITH_TIMEOUT(!unit->isPreviewPending(), 20000);
    QCOMPARE(unit->preview(), expectedPreview(other, settings));
  }

  // Without an image: nothing in text to image (and the unit says why), the source image elsewhere.
  void previewOfTheSourceImage() {
    ControlNetPanel panel;
    auto* unit = panel.unit(0);
    selectPreprocessor(unit, "invert");
    const QImage source = testImage(80, 64);
    panel.setSourceImage(source, QImage());
    QTRY_VERIFY_WITH_TIMEOUT(!unit->isPreviewPending(), 20000);
    QVERIFY(unit->preview().isNull());
    auto* status = child<QLabel>(*unit, "statusLabel");
    QVERIFY(status->text().isEmpty());  // an untouched unit is quiet
    unit->setUnitEnabled(true);
    QVERIFY2(status->text().contains(QStringLiteral("Text to image needs a control image")) && status->isVisibleTo(unit),
             qPrintable(status->text()));
    panel.setMode(QStringLiteral("img2img"));
    QVERIFY(child<QLabel>(*unit, "imageLabel")->text().contains(QStringLiteral("source image")));
    QTRY_VERIFY_WITH_TIMEOUT(!unit->isPreviewPending(), 20000);
    gesso::control::PreprocessorSettings settings;
    settings.name = "invert";
    QCOMPARE(unit->preview(), expectedPreview(source, settings));
    QVERIFY(child<QLabel>(*unit, "statusLabel")->text().isEmpty());
    // Its own image wins over the source.
    const QImage own = testImage(48, 48, Qt::green);
    unit->setImage(own);
    QTRY_VERIFY_WITH_TIMEOUT(!unit->isPreviewPending(), 20000);
    QCOMPARE(unit->preview(), expectedPreview(own, settings));
  }

  // preprocess() throws for the inpaint preprocessor without a mask: the unit says so, nothing is thrown;
  // with the source's mask the preview is the engine's hint (RGBA).
  void preprocessErrorsShowInTheUnit() {
    ControlNetPanel panel;
    auto* unit = panel.unit(0);
    const QImage image = testImage(64, 48);
    unit->setImage(image);
    selectPreprocessor(unit, "inpaint");
    QTRY_VERIFY_WITH_TIMEOUT(!unit->isPreviewPending(), 20000);
    QVERIFY(unit->preview().isNull());
    QVERIFY2(unit->previewError().contains(QStringLiteral("mask")), qPrintable(unit->previewError()));
    const QString status = child<QLabel>(*unit, "statusLabel")->text();
    QVERIFY2(status.contains(unit->previewError()), qPrintable(status));

    QImage mask(64, 48, QImage::Format_Grayscale8);
    mask.fill(0);
    QPainter(&mask).fillRect(10, 10, 20, 20, Qt::white);
    panel.setSourceImage(testImage(64, 48, Qt::blue), mask);
    QTRY_VERIFY_WITH_TIMEOUT(!unit->isPreviewPending(), 20000);
    QVERIFY2(unit->previewError().isEmpty(), qPrintable(unit->previewError()));
    gesso::control::PreprocessorSettings settings;
    settings.name = "inpaint";
    const gesso::Image m = gesso::ui::fromQImage(mask, 1);
    const QImage expected =
        gesso::ui::toQImage(gesso::control::preprocess(gesso::ui::fromQImage(image, 3), settings, &m));
    QCOMPARE(expected.format(), QImage::Format_RGBA8888);
    QCOMPARE(unit->preview(), expected);
    QVERIFY(child<QLabel>(*unit, "statusLabel")->text().isEmpty());
  }

  void openingAnImageEnablesTheUnit() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("control.png");
    QVERIFY(testImage().save(path));
    const QString notImage = dir.filePath("notes.txt");
    QFile file(notImage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not an image");
    file.close();

    ControlNetPanel panel;
    QString next = notImage;
    panel.setImageChooser([&next](QWidget*) { return next; });
    auto* unit = panel.unit(0);
    child<QPushButton>(*unit, "openImageButton")->click();
    QVERIFY(unit->image().isNull());
    QVERIFY(!unit->isUnitEnabled());
    QVERIFY(child<QLabel>(*unit, "statusLabel")->text().contains(QStringLiteral("notes.txt")));
    next = path;
    child<QPushButton>(*unit, "openImageButton")->click();
    QCOMPARE(unit->image().size(), QSize(96, 72));
    QVERIFY(unit->isUnitEnabled());
    auto* clear = child<QPushButton>(*unit, "clearImageButton");
    QVERIFY(clear->isEnabled());
    clear->click();
    QVERIFY(unit->image().isNull());
    QVERIFY(!clear->isEnabled());
    // A unit added later asks the same chooser.
    auto* second = panel.addUnit();
    child<QPushButton>(*second, "openImageButton")->click();
    QVERIFY(!second->image().isNull());
  }

  // The library's ControlNets (files and folders, with their family), an unreadable file of the
  // ControlNet folder; no checkpoints, LoRAs or VAEs.
  void modelListOffersTheLibrarysControlNets() {
    ModelEntry checkpoint;
    checkpoint.name = "v1-5.safetensors";
    checkpoint.path = "/models/Stable-diffusion/v1-5.safetensors";
    checkpoint.subfolder = "Stable-diffusion";
    checkpoint.kind = gesso::pipelines::ModelFileKind::kCheckpoint;
    ModelEntry lora = controlNetEntry("misplaced_lora.safetensors");
    lora.kind = gesso::pipelines::ModelFileKind::kLora;
    ModelEntry folder = controlNetEntry("controlnet-canny-diffusers");
    folder.folder = true;
    folder.family.reset();
    ModelEntry broken = controlNetEntry("broken.pth");
    broken.kind.reset();
    broken.error = "cannot be read";
    ModelEntry extra = controlNetEntry("t2i_depth.safetensors");
    extra.subfolder.clear();  // an extra folder's ControlNet
    const ModelEntry canny = controlNetEntry("control_v11p_sd15_canny.safetensors");

    ControlNetPanel panel;
    panel.setLibraryEntries({checkpoint, canny, lora, folder, broken, extra});
    QCOMPARE(panel.controlNetEntries().size(), 4);
    auto* combo = child<QComboBox>(*panel.unit(0), "controlNetModelCombo");
    QCOMPARE(combo->count(), 5);  // None + 4
    QCOMPARE(combo->itemData(0).toString(), QString());
    QCOMPARE(combo->itemData(1).toString(), canny.path);
    QVERIFY2(combo->itemText(1).contains(QStringLiteral("SD 1.x ControlNet")), qPrintable(combo->itemText(1)));
    QVERIFY(combo->findData(checkpoint.path) < 0);
    QVERIFY(combo->findData(lora.path) < 0);
    QVERIFY(combo->findData(folder.path) > 0);
    QVERIFY(combo->itemText(combo->findData(broken.path)).contains(QStringLiteral("unreadable")));

    QVERIFY(panel.unit(0)->setModel(canny.path));
    const QString sha = QStringLiteral("d14c016b12") + QString(54, QLatin1Char('0'));
    panel.setEntryHash(canny.path, sha);
    QVERIFY2(combo->itemText(1).contains(QStringLiteral("[d14c016b12]")), qPrintable(combo->itemText(1)));
    QCOMPARE(panel.unit(0)->unit().model_hash, std::string("d14c016b12"));
    // A new scan keeps the choice; a model not listed (yet) is chosen once it is.
    panel.setLibraryEntries({canny, folder});
    QCOMPARE(panel.unit(0)->model(), canny.path);
    QVERIFY(!panel.unit(0)->setModel("/models/ControlNet/later.safetensors"));
    QCOMPARE(panel.unit(0)->model(), canny.path);
    panel.setLibraryEntries({canny, folder, controlNetEntry("later.safetensors")});
    QCOMPARE(panel.unit(0)->model(), QStringLiteral("/models/ControlNet/later.safetensors"));
    // A unit added later lists them too.
    QCOMPARE(child<QComboBox>(*panel.addUnit(), "controlNetModelCombo")->count(), 4);
  }

  void fillRequestTakesTheEnabledUnits() {
    const QString sha = QStringLiteral("abcdef0123") + QString(54, QLatin1Char('4'));
    const ModelEntry canny = controlNetEntry("control_v11p_sd15_canny.safetensors", sha);
    const ModelEntry depth = controlNetEntry("control_v11f1p_sd15_depth.safetensors");
    ControlNetPanel panel;
    panel.setLibraryEntries({canny, depth});
    panel.addUnit();
    panel.addUnit();
    const QImage image = testImage(40, 32);

    auto* first = panel.unit(0);
    first->setImage(image);
    first->setUnitEnabled(true);
    QVERIFY(first->setModel(canny.path));
    selectPreprocessor(first, "canny");
    child<QSpinBox>(*first, "resolutionSpin")->setValue(256);
    child<QDoubleSpinBox>(*first, "thresholdASpin")->setValue(50);
    child<QDoubleSpinBox>(*first, "thresholdBSpin")->setValue(150);
    child<QDoubleSpinBox>(*first, "weightSpin")->setValue(0.7);
    child<QDoubleSpinBox>(*first, "startSpin")->setValue(0.1);
    child<QDoubleSpinBox>(*first, "endSpin")->setValue(0.85);
    auto* control = child<QComboBox>(*first, "controlModeCombo");
    control->setCurrentIndex(control->findData(int(ControlMode::kPrompt)));
    auto* resize = child<QComboBox>(*first, "resizeModeCombo");
    resize->setCurrentIndex(resize->findData(int(ResizeMode::kResizeAndFill)));
    child<QCheckBox>(*first, "guessModeCheck")->setChecked(true);

    panel.unit(1)->setModel(canny.path);  // not enabled: left out
    panel.unit(1)->setImage(image);
    auto* third = panel.unit(2);
    third->setUnitEnabled(true);
    third->setModel(depth.path);  // no image: the init image in image to image
    QCOMPARE(panel.enabledCount(), 2);

    GenerationRequest r;
    r.pipeline = PipelineKind::kImg2Img;
    r.seed = 4242;
    r.controlnets.resize(5);  // replaced, not appended to
    QCOMPARE(panel.fillRequest(r), QString());
    QCOMPARE(r.controlnets.size(), std::size_t(2));
    const ControlUnit& a = r.controlnets[0];
    QCOMPARE(a.model, canny.path.toStdString());
    QCOMPARE(a.model_hash, std::string("abcdef0123"));
    QCOMPARE(a.image.width, 40);
    QCOMPARE(a.image.height, 32);
    QCOMPARE(a.image.channels, 3);
    QVERIFY(a.image.pixels == gesso::ui::fromQImage(image, 3).pixels);
    QCOMPARE(a.preprocessor.name, std::string("canny"));
    QCOMPARE(a.preprocessor.resolution, 256);
    QCOMPARE(a.preprocessor.threshold_a, 50.0);
    QCOMPARE(a.preprocessor.threshold_b, 150.0);
    QCOMPARE(a.preprocessor.seed, uint64_t(4242));
    QCOMPARE(a.scale, 0.7);
    QCOMPARE(a.start, 0.1);
    QCOMPARE(a.end, 0.85);
    QCOMPARE(a.control_mode, ControlMode::kPrompt);
    QCOMPARE(a.resize_mode, ResizeMode::kResizeAndFill);
    QVERIFY(a.guess_mode);
    const ControlUnit& b = r.controlnets[1];
    QCOMPARE(b.model, depth.path.toStdString());
    QCOMPARE(b.model_hash, std::string());  // not hashed yet
    QVERIFY(b.image.empty());
    QCOMPARE(b.preprocessor.name, std::string("none"));
    QCOMPARE(b.preprocessor.threshold_a, -1.0);
    QCOMPARE(b.preprocessor.seed, uint64_t(4242));

    // Nothing enabled: no units.
    for (int i = 0; i < panel.unitCount(); ++i) panel.unit(i)->setUnitEnabled(false);
    QCOMPARE(panel.fillRequest(r), QString());
    QVERIFY(r.controlnets.empty());
  }

  void fillRequestRefusesIncompleteUnits() {
    const ModelEntry canny = controlNetEntry("control_v11p_sd15_canny.safetensors");
    ControlNetPanel panel;
    panel.setLibraryEntries({canny});
    panel.addUnit();
    auto* second = panel.unit(1);
    second->setUnitEnabled(true);
    GenerationRequest r;
    r.pipeline = PipelineKind::kImg2Img;
    QString error = panel.fillRequest(r);
    QVERIFY2(error.contains(QStringLiteral("unit 2")) && error.contains(QStringLiteral("no model")), qPrintable(error));
    QVERIFY(r.controlnets.empty());

    second->setModel(canny.path);
    QCOMPARE(panel.fillRequest(r), QString());  // the init image stands in
    QCOMPARE(r.controlnets.size(), std::size_t(1));
    r.pipeline = PipelineKind::kTxt2Img;
    error = panel.fillRequest(r);
    QVERIFY2(error.contains(QStringLiteral("unit 2")) && error.contains(QStringLiteral("no image")), qPrintable(error));
    QVERIFY(r.controlnets.empty());
    second->setImage(testImage());
    QCOMPARE(panel.fillRequest(r), QString());
    QCOMPARE(r.controlnets.size(), std::size_t(1));
  }

  // control_unit_text of a unit -> a "parameters" text -> the bridge -> the panel -> the same unit; the
  // unit keeps its image, units the text does not name are disabled.
  void pngTextRestoresTheUnit_data() {
    QTest::addColumn<QString>("preprocessor");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<int>("resolution");
    QTest::addColumn<int>("controlMode");
    QTest::addColumn<int>("resizeMode");
    QTest::addColumn<bool>("guess");
    QTest::newRow("canny") << "canny" << 30.0 << 180.0 << 768 << int(ControlMode::kControl)
                           << int(ResizeMode::kJustResize) << true;
    QTest::newRow("none") << "none" << -1.0 << -1.0 << 512 << int(ControlMode::kBalanced)
                          << int(ResizeMode::kCropAndResize) << false;
    QTest::newRow("tile") << "tile_resample" << 2.5 << -1.0 << 512 << int(ControlMode::kPrompt)
                          << int(ResizeMode::kResizeAndFill) << false;
    QTest::newRow("blur") << "blur_gaussian" << 4.25 << -1.0 << 1024 << int(ControlMode::kBalanced)
                          << int(ResizeMode::kJustResize) << true;
  }
  void pngTextRestoresTheUnit() {
    QFETCH(QString, preprocessor);
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(int, resolution);
    QFETCH(int, controlMode);
    QFETCH(int, resizeMode);
    QFETCH(bool, guess);
    const QString sha = QStringLiteral("0123456789") + QString(54, QLatin1Char('a'));
    const ModelEntry model = controlNetEntry("control_v11p_sd15_canny.safetensors", sha);
    const ModelEntry other = controlNetEntry("control_v11p_sd15_lineart.safetensors");

    ControlUnit u;
    u.model = model.path.toStdString();
    u.model_hash = model.shortHash().toStdString();
    u.preprocessor.name = preprocessor.toStdString();
    u.preprocessor.resolution = resolution;
    u.preprocessor.threshold_a = a;
    u.preprocessor.threshold_b = b;
    u.scale = 0.65;
    u.start = 0.05;
    u.end = 0.9;
    u.control_mode = ControlMode(controlMode);
    u.resize_mode = ResizeMode(resizeMode);
    u.guess_mode = guess;

    gesso::io::GenerationParameters p;
    p.prompt = "a house";
    p.steps = 20;
    p.sampler = "Euler";
    p.cfg_scale = 7;
    p.seed = 3;
    p.width = p.height = 512;
    p.extra["ControlNet 1"] = gesso::pipelines::control_unit_text(u);
    const QString text = QString::fromStdString(gesso::io::format_a1111(p));
    QVERIFY2(text.contains(QStringLiteral("ControlNet 1: \"Module: ")), qPrintable(text));

    QStringList notes;
    QString error;
    const auto restored = gesso::ui::controlUnitsFromParameters(text, {other, model}, &notes, &error);
    QVERIFY2(restored, qPrintable(error));
    QVERIFY2(notes.isEmpty(), qPrintable(notes.join('\n')));
    QCOMPARE(restored->size(), 1);
    QCOMPARE(restored->first().index, 1);

    ControlNetPanel panel;
    panel.setLibraryEntries({other, model});
    panel.addUnit();
    auto* first = panel.unit(0);
    first->setUnitEnabled(true);
    first->setModel(other.path);
    auto* second = panel.unit(1);
    const QImage image = testImage();
    second->setImage(image);
    second->setModel(other.path);
    panel.restoreUnits(*restored);
    QVERIFY(!first->isUnitEnabled());  // the run had no ControlNet 0
    QVERIFY(second->isUnitEnabled());
    QCOMPARE(second->image(), image);  // PNG text carries no image
    ControlUnit back = second->unit();
    QCOMPARE(back.model, u.model);
    QCOMPARE(back.model_hash, u.model_hash);
    QCOMPARE(back.preprocessor.name, u.preprocessor.name);
    const auto* info = gesso::control::find_preprocessor(u.preprocessor.name);
    QVERIFY(info);
    if (info->uses_resolution) QCOMPARE(back.preprocessor.resolution, resolution);
    QCOMPARE(back.preprocessor.threshold_a, a);
    QCOMPARE(back.preprocessor.threshold_b, b);
    QCOMPARE(back.scale, u.scale);
    QCOMPARE(back.start, u.start);
    QCOMPARE(back.end, u.end);
    QCOMPARE(back.control_mode, u.control_mode);
    QCOMPARE(back.resize_mode, u.resize_mode);
    QCOMPARE(back.guess_mode, u.guess_mode);
    QCOMPARE(gesso::pipelines::control_unit_text(back), gesso::pipelines::control_unit_text(u));

    // A unit beyond the panel's units is added.
    p.extra["ControlNet 3"] = gesso::pipelines::control_unit_text(u);
    const auto more = gesso::ui::controlUnitsFromParameters(QString::fromStdString(gesso::io::format_a1111(p)),
                                                           {other, model}, &notes);
    QVERIFY(more);
    panel.restoreUnits(*more);
    QCOMPARE(panel.unitCount(), 4);
    QVERIFY(panel.unit(3)->isUnitEnabled());
    QVERIFY(!panel.unit(2)->isUnitEnabled());
    QCOMPARE(panel.unit(3)->unit().model, u.model);
  }

  // A model the library lacks: the unit keeps the model it had, and the notes name the missing one.
  void restoringAMissingModelKeepsTheUnitsModel() {
    const ModelEntry mine = controlNetEntry("my_canny.safetensors");
    ControlNetPanel panel;
    panel.setLibraryEntries({mine});
    panel.unit(0)->setModel(mine.path);
    const QString text = QStringLiteral(
        "a cat\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512, ControlNet 0: \"Module: canny, "
        "Model: control_v11p_sd15_canny [d14c016b], Weight: 1.0, Resize Mode: Crop and Resize, Processor Res: 512, "
        "Threshold A: 100.0, Threshold B: 200.0, Guidance Start: 0.0, Guidance End: 1.0, Pixel Perfect: False, "
        "Control Mode: Balanced\"");
    QStringList notes;
    const auto restored = gesso::ui::controlUnitsFromParameters(text, panel.controlNetEntries(), &notes);
    QVERIFY(restored);
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes[0].contains(QStringLiteral("control_v11p_sd15_canny [d14c016b]")), qPrintable(notes[0]));
    panel.restoreUnits(*restored);
    QVERIFY(panel.unit(0)->isUnitEnabled());
    QCOMPARE(panel.unit(0)->model(), mine.path);
    QCOMPARE(panel.unit(0)->preprocessor(), QStringLiteral("canny"));
  }
};

QTEST_MAIN(TestControlNetPanel)
#include "test_controlnet_panel.moc"
