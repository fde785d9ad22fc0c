// The Hires. fix controls: off by default with A1111's values, the settings in and out unchanged,
// the request's HiresFix from them, the target size shown, and the panel shown in text to image
// only (hidden in img2img and inpaint, and then not in the request).
#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSpinBox>
#include <QStandardItemModel>

#include "engine/pipelines/generation_request.h"
#include "engine/pipelines/model_family.h"
#include "ui/generation_panel.h"
#include "ui/hires_fix_panel.h"

using gesso::ui::GenerationPanel;
using gesso::ui::GenerationSettings;
using gesso::ui::HiresFixPanel;

class TestHiresFixPanel : public QObject {
  Q_OBJECT

 private slots:
  void defaults() {
    HiresFixPanel panel;
    const auto h = panel.hires();
    QVERIFY(!h.enabled);
    QCOMPARE(h, gesso::pipelines::HiresFix{});
    QVERIFY(!panel.findChild<QWidget*>("hiresUpscalerCombo")->isVisibleTo(&panel));  // the details only while on
    QCOMPARE(panel.findChild<QComboBox*>("hiresUpscalerCombo")->currentText(), QStringLiteral("Latent"));
  }

  void settingsRoundTrip() {
    HiresFixPanel panel;
    GenerationSettings s;
    s.hiresEnabled = true;
    s.hiresScale = 1.5;
    s.hiresSteps = 12;
    s.hiresStrength = 0.45;
    s.hiresUpscaler = QStringLiteral("Latent (nearest)");
    s.hiresResizeWidth = 0;
    s.hiresResizeHeight = 1024;
    panel.load(s);
    GenerationSettings out;
    panel.store(out);
    QVERIFY(out == s);
    QVERIFY(panel.findChild<QWidget*>("hiresUpscalerCombo")->isVisibleTo(&panel));
    panel.findChild<QCheckBox*>("hiresCheck")->setChecked(false);
    QVERIFY(!panel.findChild<QWidget*>("hiresUpscalerCombo")->isVisibleTo(&panel));
    QVERIFY(!panel.hires().enabled);
    panel.load(s);
    const auto h = panel.hires();
    QVERIFY(h.enabled);
    QCOMPARE(h.scale, 1.5);
    QCOMPARE(h.steps, 12);
    QCOMPARE(h.strength, 0.45);
    QCOMPARE(h.upscaler, std::string("Latent (nearest)"));
    QCOMPARE(h.resize_height, 1024);
    // An upscaler the list lacks is Latent.
    s.hiresUpscaler = QStringLiteral("4x-UltraSharp");
    panel.load(s);
    QCOMPARE(panel.hires().upscaler, std::string("Latent"));
  }

  void targetSize() {
    HiresFixPanel panel;
    GenerationSettings s;
    s.hiresEnabled = true;
    panel.load(s);
    panel.setBaseSize(512, 768);
    auto* target = panel.findChild<QLabel*>("hiresTargetLabel");
    QCOMPARE(target->text(), QStringLiteral("1024 × 1536"));
    panel.findChild<QDoubleSpinBox*>("hiresScaleSpin")->setValue(1.5);
    QCOMPARE(target->text(), QStringLiteral("768 × 1152"));
    panel.findChild<QSpinBox*>("hiresResizeWidthSpin")->setValue(640);
    panel.findChild<QSpinBox*>("hiresResizeHeightSpin")->setValue(640);  // cover, then crop
    QCOMPARE(target->text(), QStringLiteral("640 × 640"));
  }

  // A1111's Hires. fix belongs to txt2img: hidden in img2img and inpaint, and left out of their requests.
  void shownInTxt2ImgOnly() {
    GenerationPanel form;
    auto* hires = form.findChild<HiresFixPanel*>("hiresFixPanel");
    QVERIFY(hires);
    GenerationSettings s;
    s.hiresEnabled = true;
    s.hiresSteps = 7;
    for (const char* mode : {"txt2img", "img2img", "inpaint", "txt2img"}) {
      s.mode = QString::fromLatin1(mode);
      form.setSettings(s);
      const bool txt2img = s.mode == QLatin1String("txt2img");
      QCOMPARE(hires->isHidden(), !txt2img);
      gesso::pipelines::GenerationRequest r;
      form.fillRequest(r);
      QCOMPARE(r.hires.enabled, txt2img);
      if (txt2img) QCOMPARE(r.hires.steps, 7);
      QVERIFY(form.settings().hiresEnabled);  // kept for when txt2img comes back
    }
  }

  // SD x4 runs a library x4 upscaler: not choosable without one (saying why); with one, its row
  // shows while SD x4 is chosen, the request carries its folder, and a name restored from a PNG
  // ("Hires upscaler model: x4") selects the entry of that folder name once the library lists it.
  void sdX4TakesAnX4ModelFromTheLibrary() {
    HiresFixPanel panel;
    auto* upscaler = panel.findChild<QComboBox*>("hiresUpscalerCombo");
    auto* model = panel.findChild<QComboBox*>("hiresUpscalerModelCombo");
    const int x4 = upscaler->findText(QStringLiteral("SD x4"));
    QVERIFY(x4 >= 0);
    const auto* items = qobject_cast<QStandardItemModel*>(upscaler->model());
    QVERIFY(!items->item(x4)->isEnabled());
    QVERIFY(items->item(x4)->toolTip().contains(QStringLiteral("x4 upscaler")));

    gesso::ui::ModelEntry sd, up;
    sd.name = QStringLiteral("sd15");
    sd.path = QStringLiteral("/models/sd15");
    sd.family = gesso::pipelines::ModelFamily::kSD1;
    up.name = QStringLiteral("x4");
    up.path = QStringLiteral("/models/upscalers/x4");
    up.family = gesso::pipelines::ModelFamily::kSDUpscale;
    GenerationSettings s;
    s.hiresEnabled = true;
    s.hiresUpscaler = QStringLiteral("SD x4");
    s.hiresUpscalerModel = QStringLiteral("x4");  // as restored from a PNG text: a name
    panel.load(s);
    panel.show();
    QCOMPARE(model->count(), 0);
    panel.setLibraryEntries({sd, up});
    QVERIFY(items->item(x4)->isEnabled());
    QCOMPARE(model->count(), 1);  // x4 upscalers only
    QVERIFY(model->isVisibleTo(&panel));
    const auto h = panel.hires();
    QCOMPARE(h.upscaler, std::string("SD x4"));
    QCOMPARE(h.upscaler_model, std::string("/models/upscalers/x4"));
    GenerationSettings out;
    panel.store(out);
    QCOMPARE(out.hiresUpscalerModel, QStringLiteral("/models/upscalers/x4"));
    upscaler->setCurrentIndex(upscaler->findText(QStringLiteral("Lanczos")));
    QVERIFY(!model->isVisibleTo(&panel));
    QVERIFY(panel.hires().upscaler_model.empty());
  }
};

QTEST_MAIN(TestHiresFixPanel)
#include "test_hires_fix_panel.moc"
