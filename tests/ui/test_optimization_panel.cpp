// The optimization panel: presets set exactly their toggles, options survive the widgets and the
// settings map, the VRAM estimate follows the toggles and turns red over the card, and every
// toggle explains itself.
#include <QtTest>

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>

#include "engine/pipelines/model_footprint.h"
#include "ui/optimization_panel.h"
#include "ui/vram_chart.h"

using gesso::runtime::AttentionBackend;
using gesso::runtime::Offload;
using gesso::runtime::RuntimeOptions;
using gesso::ui::OptimizationPanel;
using Preset = gesso::ui::OptimizationPanel::Preset;

namespace {

constexpr qint64 kGiB = qint64{1} << 30;

// Every field, so a test names the one that differs.
void compareOptions(const RuntimeOptions& got, const RuntimeOptions& want) {
  QCOMPARE(got.device, want.device);
  QCOMPARE(got.dtype, want.dtype);
  QCOMPARE(got.generator_device, want.generator_device);
  QCOMPARE(got.variant, want.variant);
  QCOMPARE(got.vae_fp32, want.vae_fp32);
  QCOMPARE(got.tf32, want.tf32);
  QCOMPARE(got.cudnn_benchmark, want.cudnn_benchmark);
  QCOMPARE(got.channels_last, want.channels_last);
  QCOMPARE(got.attention, want.attention);
  QCOMPARE(got.attention_slice, want.attention_slice);
  QCOMPARE(got.vae_tiling, want.vae_tiling);
  QCOMPARE(got.vae_slicing, want.vae_slicing);
  QCOMPARE(got.offload, want.offload);
  QCOMPARE(got.cuda_graphs, want.cuda_graphs);
  QCOMPARE(got.kernels, want.kernels);
  QCOMPARE(got.release_memory, want.release_memory);
  QCOMPARE(got.vram_budget, want.vram_budget);
}

// Everything switched away from its default.
RuntimeOptions everythingOn() {
  RuntimeOptions o;
  o.device = "cuda";
  o.dtype = torch::kBFloat16;
  o.vae_fp32 = o.tf32 = o.cudnn_benchmark = o.channels_last = true;
  o.attention = AttentionBackend::kMemoryEfficient;
  o.attention_slice = 3;
  o.vae_tiling = o.vae_slicing = o.cuda_graphs = o.release_memory = true;
  o.offload = Offload::kSequential;
  o.kernels = gesso::runtime::KernelFusion::kOff;
  return o;
}

// SD 1.5 in fp16 (the real parameter counts), as the estimate was calibrated on.
gesso::runtime::ModelFootprint sd15() {
  gesso::runtime::ModelFootprint f;
  f.text_encoder_bytes = qint64{123060480} * 2;
  f.unet_bytes = qint64{859520964} * 2;
  f.vae_bytes = qint64{83653863} * 2;
  return f;
}

QColor estimateColor(const OptimizationPanel& panel) {
  return panel.findChild<QLabel*>("estimateLabel")->palette().color(QPalette::WindowText);
}

}  // namespace

class TestOptimizationPanel : public QObject {
  Q_OBJECT

 private slots:
  void presetsSetTheirToggles() {
    OptimizationPanel panel;
    RuntimeOptions base = everythingOn();
    base.device = "cpu";
    base.vram_budget = 3 * kGiB;
    panel.setOptions(base);
    QVERIFY(!panel.currentPreset());

    panel.applyPreset(Preset::MaxSpeed);
    RuntimeOptions want;
    want.device = "cpu";           // the device is the user's, not the preset's
    want.vram_budget = 3 * kGiB;   // and so is the pretend budget
    want.dtype = torch::kHalf;
    want.channels_last = want.cuda_graphs = true;
    compareOptions(panel.options(), want);
    QVERIFY(panel.currentPreset() == Preset::MaxSpeed);
    QCOMPARE(panel.findChild<QComboBox*>("presetCombo")->currentText(), QString("Max speed"));

    panel.applyPreset(Preset::Balanced);
    want.channels_last = want.cuda_graphs = false;
    compareOptions(panel.options(), want);

    panel.applyPreset(Preset::LowVram);
    want.offload = Offload::kModel;
    want.vae_tiling = true;
    compareOptions(panel.options(), want);

    panel.applyPreset(Preset::TinyVram);
    want.offload = Offload::kSequential;
    want.vae_slicing = true;
    want.attention_slice = 0;  // slicing saves nothing with the SDPA kernels (docs/benchmarks.md)
    compareOptions(panel.options(), want);
    QVERIFY(panel.currentPreset() == Preset::TinyVram);

    panel.findChild<QCheckBox*>("releaseVramCheck")->setChecked(true);  // off the preset now
    QVERIFY(!panel.currentPreset());
    QCOMPARE(panel.findChild<QComboBox*>("presetCombo")->currentText(), QString("Custom"));
  }

  void choosingAPresetInTheComboAppliesIt() {
    OptimizationPanel panel;
    QSignalSpy changed(&panel, &OptimizationPanel::optionsChanged);
    auto* combo = panel.findChild<QComboBox*>("presetCombo");
    const int index = combo->findText("Low VRAM (6 GB)");
    QVERIFY(index > 0);
    combo->setCurrentIndex(index);
    emit combo->activated(index);  // what a user's pick sends
    QCOMPARE(panel.options().offload, Offload::kModel);
    QVERIFY(panel.options().vae_tiling);
    QCOMPARE(changed.count(), 1);
  }

  void optionsRoundTripThroughTheWidgets() {
    OptimizationPanel panel;
    QSignalSpy changed(&panel, &OptimizationPanel::optionsChanged);
    RuntimeOptions o = everythingOn();
    o.device = "cuda:1";  // not in the list: shown as it is
    o.generator_device = "cuda";
    o.variant = "fp16";
    o.vram_budget = 4 * kGiB;
    panel.setOptions(o);
    compareOptions(panel.options(), o);
    QCOMPARE(changed.count(), 1);
    panel.setOptions(o);  // unchanged: no signal
    QCOMPARE(changed.count(), 1);
    QVERIFY(panel.findChild<QSpinBox*>("attentionSliceHeadsSpin")->isEnabled());
    o.attention_slice = -1;
    panel.setOptions(o);
    compareOptions(panel.options(), o);
    QVERIFY(!panel.findChild<QSpinBox*>("attentionSliceHeadsSpin")->isEnabled());
    panel.setOptions(RuntimeOptions{});
    compareOptions(panel.options(), RuntimeOptions{});
  }

  void aToggleClickedEmitsOnce() {
    OptimizationPanel panel;
    QSignalSpy changed(&panel, &OptimizationPanel::optionsChanged);
    panel.findChild<QCheckBox*>("vaeTilingCheck")->click();
    QCOMPARE(changed.count(), 1);
    QVERIFY(panel.options().vae_tiling);
    auto* attention = panel.findChild<QComboBox*>("attentionCombo");
    attention->setCurrentIndex(attention->findData("cudnn"));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(panel.options().attention, AttentionBackend::kCudnn);
  }

  // Checked is auto (the default); unchecked is off; "on" from the settings survives the widgets.
  void fusedKernelsCheckFollowsTheMode() {
    using gesso::runtime::KernelFusion;
    OptimizationPanel panel;
    auto* check = panel.findChild<QCheckBox*>("fusedKernelsCheck");
    QVERIFY(check && check->isChecked());
    QCOMPARE(panel.options().kernels, KernelFusion::kAuto);
    check->click();
    QCOMPARE(panel.options().kernels, KernelFusion::kOff);
    check->click();
    QCOMPARE(panel.options().kernels, KernelFusion::kAuto);
    panel.fromVariantMap({{"kernels", "on"}});
    QVERIFY(check->isChecked());
    QCOMPARE(panel.options().kernels, KernelFusion::kOn);
    QVERIFY(!panel.currentPreset().has_value());  // the presets use auto
  }

  void optionsRoundTripThroughTheSettingsMap() {
    OptimizationPanel panel;
    panel.setOptions(everythingOn());
    const QVariantMap map = panel.toVariantMap();
    QCOMPARE(map.value("dtype").toString(), QString("bf16"));
    QCOMPARE(map.value("attention").toString(), QString("mem-efficient"));
    QCOMPARE(map.value("attention-slicing").toString(), QString("3"));
    QCOMPARE(map.value("offload").toString(), QString("sequential"));
    QCOMPARE(map.value("vae-tiling").toString(), QString("true"));
    QCOMPARE(map.value("device").toString(), QString("cuda"));
    QCOMPARE(map.value("kernels").toString(), QString("off"));
    QCOMPARE(map.size(), 14);
    OptimizationPanel other;
    other.fromVariantMap(map);
    compareOptions(other.options(), everythingOn());
    QCOMPARE(other.toVariantMap(), map);
  }

  void malformedSettingsKeepTheirValue() {
    OptimizationPanel panel;
    panel.fromVariantMap({{"attention", "warp-drive"}, {"vae-tiling", "maybe"}, {"offload", "model"},
                          {"attention-slicing", "-7"}, {"device", "tpu"}, {"dtype", "fp16"}});
    RuntimeOptions want;
    want.offload = Offload::kModel;
    want.dtype = torch::kHalf;
    compareOptions(panel.options(), want);
  }

  void estimateFollowsVaeTilingAndTurnsRedOverTheCard() {
    OptimizationPanel panel;
    QVERIFY(panel.estimateText().contains("model"));  // nothing to estimate yet
    panel.applyPreset(Preset::Balanced);
    panel.setEstimateInputs(sd15(), {1024, 1024, 1, true});
    QCOMPARE(panel.estimateText(), QString("Needs about 4.4 GiB of VRAM (peak: VAE decode)"));
    const QString untiled = panel.estimateText();
    QVERIFY(!panel.estimateExceedsDevice());  // card size unknown
    panel.findChild<QCheckBox*>("vaeTilingCheck")->setChecked(true);
    QCOMPARE(panel.estimateText(), QString("Needs about 2.6 GiB of VRAM (peak: VAE decode)"));
    QVERIFY(panel.estimateText() != untiled);
    const QColor normal = estimateColor(panel);

    panel.setDeviceMemory(2 * kGiB);
    QVERIFY(panel.estimateExceedsDevice());
    QVERIFY2(panel.estimateText().startsWith("Needs about 2.6 GiB of VRAM (peak: VAE decode) — more than the 2.0 GiB"),
             qPrintable(panel.estimateText()));
    const QColor red = estimateColor(panel);
    QVERIFY(red != normal && red.red() > 150 && red.green() < 80 && red.blue() < 80);

    panel.setDeviceMemory(24 * kGiB);
    QVERIFY(!panel.estimateExceedsDevice());
    QCOMPARE(estimateColor(panel), normal);
  }

  // The footprint given in fp16 is rescaled to the chosen precision.
  void estimateFollowsPrecision() {
    OptimizationPanel panel;
    panel.applyPreset(Preset::Balanced);
    panel.setEstimateInputs(sd15(), {512, 512, 1, true});
    QCOMPARE(panel.estimateText(), QString("Needs about 2.6 GiB of VRAM (peak: VAE decode)"));
    auto* precision = panel.findChild<QComboBox*>("precisionCombo");
    precision->setCurrentIndex(precision->findData("fp32"));
    QVERIFY2(panel.estimateText().startsWith("Needs about 5."), qPrintable(panel.estimateText()));
    auto* offload = panel.findChild<QComboBox*>("offloadCombo");
    offload->setCurrentIndex(offload->findData("sequential"));
    precision->setCurrentIndex(precision->findData("fp16"));
    QCOMPARE(panel.estimateText(), QString("Needs about 646 MiB of VRAM (peak: VAE decode)"));
    auto* device = panel.findChild<QComboBox*>("deviceCombo");
    device->setCurrentIndex(device->findData("cpu"));
    QVERIFY(panel.estimateText().startsWith("Runs on the CPU"));
  }

  // An SDXL refiner's weights stay resident beside the base's, and its UNet stage can be the peak.
  void estimateCountsTheRefiner() {
    OptimizationPanel panel;
    panel.applyPreset(Preset::Balanced);
    panel.findChild<QCheckBox*>("vaeTilingCheck")->setChecked(true);
    panel.setEstimateInputs(sd15(), {1024, 1024, 1, true});
    const QString alone = panel.estimateText();
    QCOMPARE(alone, QString("Needs about 2.6 GiB of VRAM (peak: VAE decode)"));
    auto refiner = sd15();
    refiner.unet_width = 2 * refiner.unet_width;  // a wider UNet than the base's
    panel.setEstimateInputs(gesso::pipelines::with_refiner(sd15(), refiner), {1024, 1024, 1, true});
    QVERIFY2(panel.estimateText().endsWith("(peak: refiner UNet)"), qPrintable(panel.estimateText()));
    QVERIFY2(panel.estimateText() != alone, qPrintable(panel.estimateText()));
    // The same width: the base's UNet stage with both models resident.
    panel.setEstimateInputs(gesso::pipelines::with_refiner(sd15(), sd15()), {1024, 1024, 1, true});
    QVERIFY2(panel.estimateText().startsWith("Needs about 4."), qPrintable(panel.estimateText()));
  }

  void everyToggleExplainsItself() {
    OptimizationPanel panel;
    const QStringList names = {"presetCombo", "deviceCombo", "precisionCombo", "vaeFp32Check", "tf32Check",
                               "cudnnBenchmarkCheck", "channelsLastCheck", "attentionCombo",
                               "attentionSlicingCombo", "attentionSliceHeadsSpin", "vaeTilingCheck",
                               "vaeSlicingCheck", "offloadCombo", "cudaGraphsCheck", "fusedKernelsCheck",
                               "releaseVramCheck"};
    for (const QString& name : names) {
      auto* w = panel.findChild<QWidget*>(name);
      QVERIFY2(w, qPrintable(name));
      QVERIFY2(w->toolTip().size() > 20, qPrintable(name));
    }
    // No control without a tooltip, whatever its name.
    for (auto* w : panel.findChildren<QWidget*>())
      if (qobject_cast<QAbstractButton*>(w) || qobject_cast<QComboBox*>(w) || qobject_cast<QSpinBox*>(w))
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
    for (const QString& name : {"cudaGraphsCheck", "channelsLastCheck", "vaeTilingCheck", "offloadCombo", "fusedKernelsCheck"}) {
      auto* note = panel.findChild<QLabel*>(name + "Note");
      QVERIFY2(note && note->text() == panel.findChild<QWidget*>(name)->toolTip(), qPrintable(name));
    }
    QVERIFY(panel.findChild<QWidget*>("cudaGraphsCheck")->toolTip().contains("83.1 it/s"));
    QVERIFY(panel.findChild<QWidget*>("vaeTilingCheck")->toolTip().contains("4.42 → 2.64 GiB"));
  }

  // The readout's chart (issue 5's live pieces): the latest figures as text, the areas drawn.
  void vramChartShowsTheRun() {
    gesso::ui::VramChart chart;
    QCOMPARE(chart.sizeHint(), QSize(240, 80));
    QCOMPARE(chart.summaryText(), QString("VRAM"));
    chart.addSample(0.1, 0, 0, 0);
    QCOMPARE(chart.summaryText(), QString("VRAM: CPU run"));
    chart.clear();
    QCOMPARE(chart.sampleCount(), 0);
    for (int i = 0; i < 10; ++i) chart.addSample(0.1 * i, qint64(3.1 * kGiB), qint64(3.4 * kGiB), 24 * kGiB);
    QCOMPARE(chart.summaryText(), QString("VRAM: 3.1 / 24.0 GiB"));
    chart.resize(chart.sizeHint());
    const QImage shot = chart.grab().toImage();
    // The allocated area fills the bottom eighth of the plot (3.1 of 24 GiB); the top is empty.
    const QColor bottom = shot.pixelColor(120, 77), top = shot.pixelColor(120, 40);
    QVERIFY2(bottom != top, qPrintable(bottom.name() + " " + top.name()));
    QCOMPARE(top, chart.palette().color(QPalette::Base));
    for (int i = 0; i < 5000; ++i) chart.addSample(1 + i, kGiB, kGiB, 24 * kGiB);
    QVERIFY(chart.sampleCount() <= 2048);
  }
};

QTEST_MAIN(TestOptimizationPanel)
#include "test_optimization_panel.moc"
