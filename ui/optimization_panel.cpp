#include "ui/optimization_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

#include <functional>
#include <stdexcept>
#include <vector>

#include "engine/error.h"
#include "engine/pipelines/model_footprint.h"

namespace gesso::ui {

using runtime::RuntimeOptions;

namespace {

// One entry of the settings map: the CLI's option name and how to read and write its value there.
struct Toggle {
  const char* key;
  std::function<QString(const RuntimeOptions&)> get;
  std::function<void(RuntimeOptions&, const QString&)> set;  // throws on a malformed value
};

Toggle boolToggle(const char* key, bool RuntimeOptions::*member) {
  return {key, [member](const RuntimeOptions& o) { return QString(o.*member ? "true" : "false"); },
          [member](RuntimeOptions& o, const QString& v) {
            if (v != "true" && v != "false" && v != "1" && v != "0") throw std::invalid_argument("not a boolean");
            o.*member = v == "true" || v == "1";
          }};
}

QString sliceName(int slice) {
  return slice == 0 ? QStringLiteral("off") : slice < 0 ? QStringLiteral("auto") : QString::number(slice);
}

const std::vector<Toggle>& toggles() {
  using namespace gesso::runtime;
  static const std::vector<Toggle> all = {
      {"device", [](const RuntimeOptions& o) { return QString::fromStdString(o.device); },
       [](RuntimeOptions& o, const QString& v) {
         if (!QRegularExpression("^(auto|cpu|cuda(:\\d+)?)$").match(v).hasMatch())
           throw std::invalid_argument("not a device");
         o.device = v.toStdString();
       }},
      {"dtype", [](const RuntimeOptions& o) { return QString::fromStdString(dtype_name(o.dtype)); },
       [](RuntimeOptions& o, const QString& v) { o.dtype = parse_dtype(v.toStdString()); }},
      boolToggle("vae-fp32", &RuntimeOptions::vae_fp32),
      boolToggle("tf32", &RuntimeOptions::tf32),
      boolToggle("cudnn-benchmark", &RuntimeOptions::cudnn_benchmark),
      boolToggle("channels-last", &RuntimeOptions::channels_last),
      {"attention", [](const RuntimeOptions& o) { return QString::fromStdString(to_string(o.attention)); },
       [](RuntimeOptions& o, const QString& v) { o.attention = parse_attention_backend(v.toStdString()); }},
      {"attention-slicing", [](const RuntimeOptions& o) { return sliceName(o.attention_slice); },
       [](RuntimeOptions& o, const QString& v) { o.attention_slice = parse_attention_slice(v.toStdString()); }},
      boolToggle("vae-tiling", &RuntimeOptions::vae_tiling),
      boolToggle("vae-slicing", &RuntimeOptions::vae_slicing),
      {"offload", [](const RuntimeOptions& o) { return QString::fromStdString(to_string(o.offload)); },
       [](RuntimeOptions& o, const QString& v) { o.offload = parse_offload(v.toStdString()); }},
      boolToggle("cuda-graphs", &RuntimeOptions::cuda_graphs),
      {"kernels", [](const RuntimeOptions& o) { return QString::fromStdString(to_string(o.kernels)); },
       [](RuntimeOptions& o, const QString& v) { o.kernels = parse_kernel_fusion(v.toStdString()); }},
      boolToggle("release-vram", &RuntimeOptions::release_memory),
  };
  return all;
}

bool sameOptions(const RuntimeOptions& a, const RuntimeOptions& b) {
  for (const Toggle& t : toggles())
    if (t.get(a) != t.get(b)) return false;
  return a.generator_device == b.generator_device && a.variant == b.variant && a.vram_budget == b.vram_budget;
}

void selectData(QComboBox* combo, const QString& data) {
  int index = combo->findData(data);
  if (index < 0) {  // a device the list does not name ("cuda:1"): shown as it is
    combo->addItem(data, data);
    index = combo->count() - 1;
  }
  combo->setCurrentIndex(index);
}

QString gib(qint64 bytes) { return QString::fromStdString(runtime::format_gib(bytes)); }

}  // namespace

OptimizationPanel::OptimizationPanel(QWidget* parent) : QWidget(parent) {
  setObjectName("optimizationPanel");
  m_writing = true;  // the widgets fire as they are filled; options are read once at the end
  auto* layout = new QVBoxLayout(this);
  const auto group = [this, layout](const QString& title) {
    auto* box = new QGroupBox(title, this);
    auto* form = new QFormLayout(box);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    layout->addWidget(box);
    return form;
  };
  auto* top = new QFormLayout;
  layout->addLayout(top);
  buildPresetRow(top);
  buildDeviceRows(group(tr("Device and precision")));
  buildSpeedRows(group(tr("Speed")));
  buildMemoryRows(group(tr("Memory")));
  layout->addStretch(1);
  for (QComboBox* combo : {m_device, m_precision, m_attention, m_slicing, m_offload})
    connect(combo, &QComboBox::currentIndexChanged, this, &OptimizationPanel::onToggleChanged);
  writeWidgets(m_hidden);
  m_writing = false;
  refresh();
}

void OptimizationPanel::buildPresetRow(QFormLayout* form) {
  m_preset = addCombo(form, "presetCombo", tr("Preset"),
                      tr("Max speed: fp16, channels-last, CUDA graphs and the fused kernels, 175 it/s at 512² on "
                         "an H200 (2.54 GiB). Balanced: fp16 and the defaults, 104 it/s, 2.54 GiB. Low VRAM (6 GB): "
                         "model offload and VAE tiling, 1.76 GiB. Tiny VRAM (4 GB): sequential offload, VAE tiling and "
                         "slicing, 0.64 GiB (no attention slicing: it saves nothing with these kernels)."));
  m_preset->addItem(tr("Custom"), -1);
  m_preset->addItem(tr("Max speed"), int(Preset::MaxSpeed));
  m_preset->addItem(tr("Balanced"), int(Preset::Balanced));
  m_preset->addItem(tr("Low VRAM (6 GB)"), int(Preset::LowVram));
  m_preset->addItem(tr("Tiny VRAM (4 GB)"), int(Preset::TinyVram));
  // activated: the user's choice only, not the combo following the toggles in refresh().
  connect(m_preset, &QComboBox::activated, this, [this](int index) {
    const int preset = m_preset->itemData(index).toInt();
    if (preset >= 0)
      applyPreset(static_cast<Preset>(preset));
    else
      refresh();  // "Custom" is a state, not a choice: the combo goes back to what the toggles are
  });
  m_estimate = new QLabel(this);
  m_estimate->setObjectName("estimateLabel");
  m_estimate->setWordWrap(true);
  m_estimate->setToolTip(tr("The device memory this run needs at its peak, estimated from the model's size, the "
                            "image size and the toggles (within about 10% of the H200 measurements)"));
  form->addRow(m_estimate);
}

void OptimizationPanel::buildDeviceRows(QFormLayout* form) {
  m_device = addCombo(form, "deviceCombo", tr("Device"),
                      tr("Auto uses the GPU when CUDA works, else the CPU (far slower: minutes an image)."));
  m_device->addItem(tr("Auto"), "auto");
  m_device->addItem(tr("CPU"), "cpu");
  m_device->addItem(tr("CUDA GPU"), "cuda");
  m_precision = addCombo(form, "precisionCombo", tr("Precision"),
                         tr("fp16 halves the weights and nearly doubles the speed: 45.1 it/s and 2.64 GiB against "
                            "fp32's 25.5 it/s and 5.22 GiB (SD 1.5, 512², H200). bf16: fp16's memory, fp32's range."));
  m_precision->addItem(tr("fp32 (full)"), "fp32");
  m_precision->addItem(tr("fp16 (half)"), "fp16");
  m_precision->addItem(tr("bf16 (brain float)"), "bf16");
  m_vaeFp32 = addCheck(form, "vaeFp32Check", tr("VAE in fp32"),
                       tr("Decodes in float32 where fp16 overflows (black or NaN images); the VAE's weights and "
                          "decode memory double."));
  m_tf32 = addCheck(form, "tf32Check", tr("TF32 tensor cores"),
                    tr("fp32 runs only: 25.5 → 37.7 it/s, 62.5 dB from the exact fp32 image; nothing in fp16."));
}

void OptimizationPanel::buildSpeedRows(QFormLayout* form) {
  m_fusedKernels = addCheck(form, "fusedKernelsCheck", tr("Fused kernels"),
                            tr("Gesso's own GPU kernels (GroupNorm + SiLU, GEGLU, LayerNorm with the residual, one "
                               "GEMM for Q, K and V): 75 → 104 it/s, with channels-last and CUDA graphs 93 → 175 "
                               "it/s; 58 dB from the image without them. Off: the ATen ops diffusers runs."));
  m_cudaGraphs = addCheck(form, "cudaGraphsCheck", tr("CUDA graphs"),
                          tr("Captures the UNet step once per size and replays it: 45.1 → 83.1 it/s for +0.03 GiB; "
                             "about 1 s of capture on each size's first run. Not with sequential offload."));
  m_channelsLast = addCheck(form, "channelsLastCheck", tr("Channels-last"),
                            tr("NHWC convolutions: alone slower (45.1 → 38.6 it/s, 2.48 GiB); with CUDA graphs the "
                               "fastest setting, 101.2 it/s."));
  m_cudnnBenchmark = addCheck(form, "cudnnBenchmarkCheck", tr("cuDNN benchmark"),
                              tr("cuDNN times its algorithms on each new size: 45.1 → 45.6 it/s, +0.06 GiB; the "
                                 "first run of a size is slower."));
  m_attention = addCombo(form, "attentionCombo", tr("Attention"),
                         tr("Auto picks cuDNN's kernel on Hopper: 45.1 it/s, 2.64 GiB. Forced cuDNN 71.4 it/s, "
                            "mem-efficient 51.0, flash 47.5; plain 40.5 it/s at 3.67 GiB, math 27.0 it/s at 4.44 GiB."));
  const std::pair<QString, QString> items[] = {
      {tr("Auto"), tr("torch picks per call: 45.1 it/s, 2.64 GiB")},
      {tr("Flash"), tr("47.5 it/s, 2.70 GiB; the VAE's 512-wide head falls back")},
      {tr("Memory-efficient"), tr("51.0 it/s, 2.70 GiB")},
      {tr("Math"), tr("27.0 it/s, 4.44 GiB: materialises the scores")},
      {tr("cuDNN"), tr("71.4 it/s, 2.70 GiB: the fastest on an H200")},
      {tr("Plain (baddbmm + softmax)"), tr("40.5 it/s, 3.67 GiB: diffusers' classic processor")}};
  const char* names[] = {"auto", "flash", "mem-efficient", "math", "cudnn", "plain"};
  for (int i = 0; i < 6; ++i) {
    m_attention->addItem(items[i].first, names[i]);
    m_attention->setItemData(i, items[i].second, Qt::ToolTipRole);
  }
}

void OptimizationPanel::buildMemoryRows(QFormLayout* form) {
  m_offload = addCombo(form, "offloadCombo", tr("CPU offload"),
                       tr("Model: each component on the GPU only while it runs, 2.64 → 1.76 GiB at full speed "
                          "(pins 2 GiB of RAM). Sequential: layers stream in as they run, 0.64 GiB, 12-36 it/s."));
  m_offload->addItem(tr("None"), "none");
  m_offload->addItem(tr("Model (per component)"), "model");
  m_offload->addItem(tr("Sequential (per layer)"), "sequential");
  m_vaeTiling = addCheck(form, "vaeTilingCheck", tr("VAE tiling"),
                         tr("Decodes in tiles: 1024² peak 4.42 → 2.64 GiB at no speed cost; faint seams (46 dB). "
                            "Nothing to do at the model's own size."));
  m_vaeSlicing = addCheck(form, "vaeSlicingCheck", tr("VAE slicing"),
                          tr("Decodes a batch one image at a time: a lower decode peak for batches; no change for "
                             "one image."));
  const QString slicingNote = tr("Attention a few heads at a time: saves memory only against the math or plain "
                                 "kernels; with the default ones 31.9 it/s (-30%) and no saving (2.70 GiB).");
  auto* row = new QWidget(this);
  auto* rowLayout = new QHBoxLayout(row);
  rowLayout->setContentsMargins(0, 0, 0, 0);
  m_slicing = new QComboBox(row);
  m_slicing->setObjectName("attentionSlicingCombo");
  m_slicing->addItem(tr("Off"), 0);
  m_slicing->addItem(tr("Auto (half the heads)"), -1);
  m_slicing->addItem(tr("Heads at a time:"), 1);
  m_sliceHeads = new QSpinBox(row);
  m_sliceHeads->setObjectName("attentionSliceHeadsSpin");
  m_sliceHeads->setRange(1, 64);
  m_sliceHeads->setToolTip(slicingNote);
  rowLayout->addWidget(m_slicing, 1);
  rowLayout->addWidget(m_sliceHeads);
  form->addRow(tr("Attention slicing"), row);
  addNote(form, m_slicing, slicingNote);
  connect(m_sliceHeads, &QSpinBox::valueChanged, this, &OptimizationPanel::onToggleChanged);
  m_releaseMemory = addCheck(form, "releaseVramCheck", tr("Release VRAM after each run"),
                             tr("Gives cached GPU memory back to other programs; the next run allocates again and "
                                "re-captures CUDA graphs (about 1 s)."));
}

QCheckBox* OptimizationPanel::addCheck(QFormLayout* form, const char* name, const QString& text, const QString& note) {
  auto* check = new QCheckBox(text, this);
  check->setObjectName(name);
  form->addRow(check);
  addNote(form, check, note);
  connect(check, &QCheckBox::toggled, this, &OptimizationPanel::onToggleChanged);
  return check;
}

QComboBox* OptimizationPanel::addCombo(QFormLayout* form, const char* name, const QString& label,
                                       const QString& note) {
  auto* combo = new QComboBox(this);
  combo->setObjectName(name);
  form->addRow(label, combo);
  addNote(form, combo, note);
  return combo;
}

// The note under a toggle, small and grey, and its tooltip: the cost and the saving at a glance.
void OptimizationPanel::addNote(QFormLayout* form, QWidget* control, const QString& note) {
  control->setToolTip(note);
  auto* label = new QLabel(note, this);
  label->setObjectName(control->objectName() + "Note");
  label->setWordWrap(true);
  QFont font = label->font();
  font.setPointSizeF(font.pointSizeF() * 0.85);
  label->setFont(font);
  // Halfway between text and background: quieter than the toggle, readable in light and dark themes.
  QPalette palette = label->palette();
  const QColor text = palette.color(QPalette::WindowText), back = palette.color(QPalette::Window);
  palette.setColor(QPalette::WindowText, QColor((text.red() + back.red()) / 2, (text.green() + back.green()) / 2,
                                                (text.blue() + back.blue()) / 2));
  label->setPalette(palette);
  form->addRow(label);
}

RuntimeOptions OptimizationPanel::options() const {
  RuntimeOptions o = m_hidden;
  o.device = m_device->currentData().toString().toStdString();
  o.dtype = runtime::parse_dtype(m_precision->currentData().toString().toStdString());
  o.vae_fp32 = m_vaeFp32->isChecked();
  o.tf32 = m_tf32->isChecked();
  o.cudnn_benchmark = m_cudnnBenchmark->isChecked();
  o.channels_last = m_channelsLast->isChecked();
  o.cuda_graphs = m_cudaGraphs->isChecked();
  // Checked keeps "on" (fused on every device) when the settings asked for it; else "auto".
  if (!m_fusedKernels->isChecked()) o.kernels = runtime::KernelFusion::kOff;
  else if (o.kernels == runtime::KernelFusion::kOff) o.kernels = runtime::KernelFusion::kAuto;
  o.attention = runtime::parse_attention_backend(m_attention->currentData().toString().toStdString());
  const int slicing = m_slicing->currentData().toInt();
  o.attention_slice = slicing > 0 ? m_sliceHeads->value() : slicing;
  o.vae_tiling = m_vaeTiling->isChecked();
  o.vae_slicing = m_vaeSlicing->isChecked();
  o.offload = runtime::parse_offload(m_offload->currentData().toString().toStdString());
  o.release_memory = m_releaseMemory->isChecked();
  return o;
}

void OptimizationPanel::setOptions(const RuntimeOptions& options) {
  if (sameOptions(options, this->options())) return;
  m_hidden = options;
  writeWidgets(options);
  refresh();
  emit optionsChanged();
}

void OptimizationPanel::writeWidgets(const RuntimeOptions& o) {
  const bool writing = m_writing;
  m_writing = true;
  selectData(m_device, QString::fromStdString(o.device));
  selectData(m_precision, QString::fromStdString(runtime::dtype_name(o.dtype)));
  m_vaeFp32->setChecked(o.vae_fp32);
  m_tf32->setChecked(o.tf32);
  m_cudnnBenchmark->setChecked(o.cudnn_benchmark);
  m_channelsLast->setChecked(o.channels_last);
  m_cudaGraphs->setChecked(o.cuda_graphs);
  m_fusedKernels->setChecked(o.kernels != runtime::KernelFusion::kOff);
  selectData(m_attention, QString::fromStdString(runtime::to_string(o.attention)));
  m_slicing->setCurrentIndex(m_slicing->findData(o.attention_slice > 0 ? 1 : o.attention_slice));
  if (o.attention_slice > 0) m_sliceHeads->setValue(o.attention_slice);
  m_vaeTiling->setChecked(o.vae_tiling);
  m_vaeSlicing->setChecked(o.vae_slicing);
  selectData(m_offload, QString::fromStdString(runtime::to_string(o.offload)));
  m_releaseMemory->setChecked(o.release_memory);
  m_writing = writing;
}

void OptimizationPanel::onToggleChanged() {
  if (m_writing) return;
  refresh();
  emit optionsChanged();
}

void OptimizationPanel::refresh() {
  m_sliceHeads->setEnabled(m_slicing->currentData().toInt() > 0);
  const auto preset = currentPreset();
  const bool writing = m_writing;
  m_writing = true;
  m_preset->setCurrentIndex(m_preset->findData(preset ? int(*preset) : -1));
  m_writing = writing;
  updateEstimate();
}

RuntimeOptions OptimizationPanel::preset(Preset preset, const RuntimeOptions& base) {
  RuntimeOptions o;
  o.device = base.device;
  o.generator_device = base.generator_device;
  o.variant = base.variant;
  o.vram_budget = base.vram_budget;
  o.dtype = torch::kHalf;
  switch (preset) {
    case Preset::MaxSpeed:
      o.channels_last = o.cuda_graphs = true;
      break;
    case Preset::Balanced:
      break;
    case Preset::LowVram:
      o.offload = runtime::Offload::kModel;
      o.vae_tiling = true;
      break;
    case Preset::TinyVram:
      // No attention slicing: with the SDPA kernels it saves nothing and costs 30% (docs/benchmarks.md).
      o.offload = runtime::Offload::kSequential;
      o.vae_tiling = o.vae_slicing = true;
      break;
  }
  return o;
}

void OptimizationPanel::applyPreset(Preset p) { setOptions(preset(p, options())); }

std::optional<OptimizationPanel::Preset> OptimizationPanel::currentPreset() const {
  const RuntimeOptions now = options();
  for (Preset p : {Preset::MaxSpeed, Preset::Balanced, Preset::LowVram, Preset::TinyVram})
    if (sameOptions(preset(p, now), now)) return p;
  return std::nullopt;
}

QVariantMap OptimizationPanel::toVariantMap() const {
  const RuntimeOptions o = options();
  QVariantMap map;
  for (const Toggle& t : toggles()) map.insert(QString::fromLatin1(t.key), t.get(o));
  return map;
}

void OptimizationPanel::fromVariantMap(const QVariantMap& map) {
  RuntimeOptions o = options();
  for (const Toggle& t : toggles()) {
    const auto it = map.find(QString::fromLatin1(t.key));
    if (it == map.end()) continue;
    try {
      t.set(o, it.value().toString().trimmed());
    } catch (const std::exception&) {
      // A hand-edited or older settings file: this toggle keeps its value, the others still load.
    }
  }
  setOptions(o);
}

void OptimizationPanel::setEstimateInputs(const runtime::ModelFootprint& footprint, const runtime::RunShape& shape) {
  m_footprint = footprint;
  m_shape = shape;
  updateEstimate();
}

void OptimizationPanel::clearEstimateInputs() {
  m_footprint.reset();
  updateEstimate();
}

void OptimizationPanel::setDeviceMemory(qint64 bytes) {
  m_deviceMemory = bytes;
  updateEstimate();
}

QString OptimizationPanel::estimateText() const { return m_estimate->text(); }

void OptimizationPanel::updateEstimate() {
  m_overDevice = false;
  m_estimate->setPalette(QPalette());
  if (!m_footprint) {
    m_estimate->setText(tr("Pick a model to see how much VRAM it needs"));
    return;
  }
  const RuntimeOptions o = options();
  const auto model = pipelines::with_precision(*m_footprint, o.dtype, o.vae_fp32);
  const auto estimate = runtime::estimate_vram(model, m_shape, o);
  const std::string& stage = estimate.peak_stage;
  const QString peak = stage == "UNet"           ? tr("UNet")
                       : stage == "refiner UNet" ? tr("refiner UNet")
                       : stage == "VAE decode"   ? tr("VAE decode")
                                                 : tr("text encoder");
  if (o.device == "cpu") {
    m_estimate->setText(
        tr("Runs on the CPU: no VRAM needed (about %1 of memory at the peak)").arg(gib(estimate.total())));
    return;
  }
  qint64 limit = m_deviceMemory;
  if (o.vram_budget > 0) limit = limit > 0 ? qMin<qint64>(limit, o.vram_budget) : o.vram_budget;
  QString text = tr("Needs about %1 of VRAM (peak: %2)").arg(gib(estimate.total()), peak);
  m_overDevice = limit > 0 && estimate.total() > limit;
  if (m_overDevice) {
    text += ' ' + tr("— more than the %1 this device has").arg(gib(limit));
    QPalette red = m_estimate->palette();
    red.setColor(QPalette::WindowText, QColor(198, 40, 40));
    m_estimate->setPalette(red);
  }
  m_estimate->setText(text);
}

}  // namespace gesso::ui
