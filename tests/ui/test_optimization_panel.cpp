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
#include <QStandardItemModel>

#include "engine/pipelines/model_footprint.h"
#include "engine/runtime/device.h"
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
    panel.setGpuAvailable(true);  // the GPU-only toggles are disabled on a machine without one
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
    // The measured figures stay, said plainly.
    QVERIFY(panel.findChild<QWidget*>("cudaGraphsCheck")->toolTip().contains("45 → 83 steps a second on an H200"));
    QVERIFY(panel.findChild<QWidget*>("vaeTilingCheck")->toolTip().contains("4.4 → 2.6 GiB"));
  }

  // Issue 18, item 9: no benchmark jargon in any label, note, tooltip or choice; each toggle says
  // whether it is faster, saves memory, and whether the image stays the same.
  void speaksAUsersWords() {
    OptimizationPanel panel;
    panel.setGpuAvailable(true);
    const QStringList jargon = {"GEMM", "NHWC", " dB", "baddbmm", "ATen", "GroupNorm", "GEGLU", "SiLU", "LayerNorm",
                                "Hopper", "cuDNN", "it/s", "materialises", "Auto picks", "kernels (", "fp32's",
                                "UNet step", "NaN", "softmax"};
    QStringList texts;
    for (auto* w : panel.findChildren<QWidget*>()) {
      texts << w->toolTip();
      if (auto* label = qobject_cast<QLabel*>(w)) texts << label->text();
      if (auto* button = qobject_cast<QAbstractButton*>(w)) texts << button->text();
      if (auto* combo = qobject_cast<QComboBox*>(w))
        for (int i = 0; i < combo->count(); ++i) texts << combo->itemText(i) << combo->itemData(i, Qt::ToolTipRole).toString();
    }
    for (const QString& text : texts)
      for (const QString& word : jargon) QVERIFY2(!text.contains(word), qPrintable(word + ": " + text));
    // Each speed toggle says what it gains and what happens to the image.
    for (const char* name : {"cudaGraphsCheck", "channelsLastCheck", "fusedKernelsCheck", "tf32Check",
                             "cudnnBenchmarkCheck", "vaeTilingCheck", "vaeSlicingCheck", "offloadCombo"}) {
      const QString tip = panel.findChild<QWidget*>(name)->toolTip();
      QVERIFY2(tip.contains("faster") || tip.contains("slower") || tip.contains("memory"), name);
      QVERIFY2(tip.contains("image"), name);
    }
    QCOMPARE(panel.findChild<QComboBox*>("attentionCombo")->itemText(5), QStringLiteral("Classic"));
  }

  // Without a CUDA GPU (this test machine has none; injected both ways) what needs one is greyed
  // out with the reason; the rest stays usable.
  void gpuOnlyControlsNeedAGpu() {
    OptimizationPanel panel;
    QCOMPARE(panel.gpuAvailable(), gesso::runtime::cuda_available());
    panel.setGpuAvailable(false);
    auto* note = panel.findChild<QLabel*>("noGpuNote");
    QVERIFY(note && !note->isHidden() && note->text().contains("NVIDIA"));
    const QStringList gpuOnly = {"tf32Check", "cudnnBenchmarkCheck", "channelsLastCheck", "cudaGraphsCheck",
                                 "fusedKernelsCheck", "releaseVramCheck"};
    for (const QString& name : gpuOnly) {
      auto* w = panel.findChild<QWidget*>(name);
      QVERIFY2(!w->isEnabled(), qPrintable(name));
      QVERIFY2(w->toolTip().contains(OptimizationPanel::noGpuReason()), qPrintable(name));
      QCOMPARE(panel.findChild<QLabel*>(name + "Note")->text(), w->toolTip());
    }
    for (const char* name : {"vaeTilingCheck", "vaeSlicingCheck", "vaeFp32Check", "precisionCombo", "deviceCombo"})
      QVERIFY2(panel.findChild<QWidget*>(name)->isEnabled(), name);
    const auto itemEnabled = [&](const char* comboName, const QVariant& data) {
      auto* combo = panel.findChild<QComboBox*>(comboName);
      auto* model = qobject_cast<QStandardItemModel*>(combo->model());
      return model->item(combo->findData(data))->isEnabled();
    };
    QVERIFY(!itemEnabled("presetCombo", int(Preset::MaxSpeed)));
    QVERIFY(!itemEnabled("presetCombo", int(Preset::TinyVram)));
    QVERIFY(itemEnabled("presetCombo", int(Preset::Balanced)));
    QVERIFY(!itemEnabled("deviceCombo", "cuda"));
    QVERIFY(itemEnabled("deviceCombo", "cpu"));
    QVERIFY(!itemEnabled("offloadCombo", "sequential"));
    QVERIFY(!itemEnabled("attentionCombo", "cudnn"));
    QVERIFY(itemEnabled("attentionCombo", "math"));
    auto* presets = panel.findChild<QComboBox*>("presetCombo");
    QVERIFY(presets->itemData(presets->findData(int(Preset::MaxSpeed)), Qt::ToolTipRole).toString().contains("NVIDIA"));
    // With a GPU everything is offered again, the notes without the reason.
    panel.setGpuAvailable(true);
    QVERIFY(note->isHidden());
    for (const QString& name : gpuOnly) {
      auto* w = panel.findChild<QWidget*>(name);
      QVERIFY2(w->isEnabled() && !w->toolTip().contains(OptimizationPanel::noGpuReason()), qPrintable(name));
    }
    QVERIFY(itemEnabled("presetCombo", int(Preset::MaxSpeed)) && itemEnabled("attentionCombo", "cudnn"));
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
