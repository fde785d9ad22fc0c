#include "ui/optimization_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <functional>
#include <stdexcept>
#include <vector>

#include "engine/error.h"
#include "engine/pipelines/model_footprint.h"
#include "engine/runtime/device.h"

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
  setGpuAvailable(runtime::cuda_available());
  refresh();
}

QString OptimizationPanel::noGpuReason() {
  return tr("Needs an NVIDIA graphics card with CUDA; this computer has none, so Gesso runs on the processor.");
}

// What needs CUDA is greyed out on a machine without it, the reason in its tooltip and note; the
// values stay as the settings have them (the engine ignores GPU toggles on the CPU).
void OptimizationPanel::setGpuAvailable(bool available) {
  m_gpuAvailable = available;
  m_noGpuNote->setVisible(!available);
  const QString reason = available ? QString() : QStringLiteral("\n") + noGpuReason();
  for (QWidget* control : gpuOnlyControls()) {
    control->setEnabled(available);
    const QString note = m_notes.value(control) + reason;
    control->setToolTip(note);
    if (auto* label = findChild<QLabel*>(control->objectName() + "Note")) label->setText(note);
  }
  const auto enableItems = [&](QComboBox* combo, const QList<QVariant>& data) {
    auto* model = qobject_cast<QStandardItemModel*>(combo->model());
    for (const QVariant& d : data) {
      const int i = combo->findData(d);
      if (i < 0 || !model) continue;
      model->item(i)->setEnabled(available);
      const QString tip = m_itemNotes.value(qMakePair(combo, i));
      combo->setItemData(i, available ? tip : (tip.isEmpty() ? noGpuReason() : tip + reason), Qt::ToolTipRole);
    }
  };
  enableItems(m_device, {QStringLiteral("cuda")});
  enableItems(m_attention, {QStringLiteral("flash"), QStringLiteral("mem-efficient"), QStringLiteral("cudnn")});
  enableItems(m_offload, {QStringLiteral("model"), QStringLiteral("sequential")});
  enableItems(m_preset, {int(Preset::MaxSpeed), int(Preset::LowVram), int(Preset::TinyVram)});
}

QList<QWidget*> OptimizationPanel::gpuOnlyControls() const {
  return {m_tf32, m_cudnnBenchmark, m_channelsLast, m_cudaGraphs, m_fusedKernels, m_releaseMemory};
}

void OptimizationPanel::buildPresetRow(QFormLayout* form) {
  m_preset = addCombo(form, "presetCombo", tr("Preset"),
                      tr("Max speed: the fastest settings, 175 steps a second at 512×512 on an H200 with 2.5 GiB of "
                         "VRAM. Balanced: half precision and the defaults, 104 steps a second, 2.5 GiB. Low VRAM "
                         "(6 GB): 1.8 GiB at nearly full speed. Tiny VRAM (4 GB): 0.6 GiB, several times slower. "
                         "Every preset makes the same kind of image; only speed and memory change."));
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
  m_estimate->setToolTip(tr("The graphics memory this run needs at its peak, estimated from the model's size, the "
                            "image size and the settings (within about 10% of what an H200 measured)"));
  form->addRow(m_estimate);
  m_noGpuNote = new QLabel(this);
  m_noGpuNote->setObjectName("noGpuNote");
  m_noGpuNote->setWordWrap(true);
  m_noGpuNote->setText(noGpuReason());
  m_noGpuNote->hide();
  form->addRow(m_noGpuNote);
}

void OptimizationPanel::buildDeviceRows(QFormLayout* form) {
  m_device = addCombo(form, "deviceCombo", tr("Device"),
                      tr("Auto uses the NVIDIA graphics card when there is one, else the processor (far slower: minutes an "
                         "image)."));
  m_device->addItem(tr("Auto"), "auto");
  m_device->addItem(tr("CPU"), "cpu");
  m_device->addItem(tr("CUDA GPU"), "cuda");
  m_precision = addCombo(form, "precisionCombo", tr("Precision"),
                         tr("Half precision: nearly twice as fast with half the memory (45 steps a second and 2.6 GiB "
                            "against full precision's 26 and 5.2 GiB, SD 1.5 at 512×512 on an H200); the image changes "
                            "very little. Brain float: half's memory, fewer black images, slightly different images."));
  m_precision->addItem(tr("fp32 (full)"), "fp32");
  m_precision->addItem(tr("fp16 (half)"), "fp16");
  m_precision->addItem(tr("bf16 (brain float)"), "bf16");
  m_vaeFp32 = addCheck(form, "vaeFp32Check", tr("VAE in fp32"),
                       tr("Fixes the black or broken images some models give at half precision; the last "
                          "step (turning the result into pixels) then needs twice the memory. Same speed."));
  m_tf32 = addCheck(form, "tf32Check", tr("TF32 tensor cores"),
                    tr("Full precision only: faster (26 → 38 steps a second on an H200); the image changes too "
                       "little to see. No effect at half precision."));
}

void OptimizationPanel::buildSpeedRows(QFormLayout* form) {
  m_fusedKernels = addCheck(form, "fusedKernelsCheck", tr("Fused kernels"),
                            tr("Gesso's own graphics-card code for the model's most frequent steps: faster (75 → 104 "
                               "steps a second on an H200; 93 → 175 with Channels-last and CUDA graphs); the image "
                               "changes too little to see. Off: the same code diffusers runs."));
  m_cudaGraphs = addCheck(form, "cudaGraphsCheck", tr("CUDA graphs"),
                          tr("Records each step once per image size and replays it: much faster (45 → 83 steps a "
                             "second on an H200) for a little more memory (0.03 GiB); the first image of each size "
                             "takes about 1 s longer. Same image. Not with per-layer offload."));
  m_channelsLast = addCheck(form, "channelsLastCheck", tr("Channels-last"),
                            tr("Stores the image data in the order the graphics card reads fastest: alone a little "
                               "slower (45 → 39 steps a second on an H200, slightly less memory); with CUDA graphs the "
                               "fastest setting (101). The image changes too little to see."));
  m_cudnnBenchmark = addCheck(form, "cudnnBenchmarkCheck", tr("Tune for each image size"),
                              tr("Tries several ways of running the model on the first image of each size and keeps "
                                 "the fastest: barely faster (45 → 46 steps a second on an H200) for 0.06 GiB more; "
                                 "that first image is slower. Same image."));
  m_attention = addCombo(form, "attentionCombo", tr("Attention"),
                         tr("How the model relates each part of the image to the others. Auto lets PyTorch choose "
                            "(45 steps a second, 2.6 GiB on an H200); NVIDIA's kernel is the fastest there (71) for "
                            "the same memory; Classic and Math are slower and need more memory. Nearly the same image "
                            "with each."));
  const std::pair<QString, QString> items[] = {
      {tr("Auto"), tr("PyTorch chooses: 45 steps a second, 2.6 GiB on an H200")},
      {tr("Flash"), tr("48 steps a second, 2.7 GiB on an H200")},
      {tr("Memory-efficient"), tr("51 steps a second, 2.7 GiB on an H200")},
      {tr("Math"), tr("27 steps a second, 4.4 GiB on an H200: the slowest, the most memory")},
      {tr("NVIDIA's kernel"), tr("71 steps a second, 2.7 GiB: the fastest on an H200")},
      {tr("Classic"), tr("41 steps a second, 3.7 GiB on an H200: the way diffusers has always done it")}};
  const char* names[] = {"auto", "flash", "mem-efficient", "math", "cudnn", "plain"};
  for (int i = 0; i < 6; ++i) {
    m_attention->addItem(items[i].first, names[i]);
    m_attention->setItemData(i, items[i].second, Qt::ToolTipRole);
    m_itemNotes.insert(qMakePair(m_attention, i), items[i].second);
  }
}

void OptimizationPanel::buildMemoryRows(QFormLayout* form) {
  m_offload = addCombo(form, "offloadCombo", tr("CPU offload"),
                       tr("Keeps parts of the model in the computer's memory until they are needed. Per part: less "
                          "graphics memory (2.6 → 1.8 GiB on an H200) at full speed, with 2 GB of the computer's "
                          "memory set aside. Per layer: the least (0.6 GiB), several times slower. Same image."));
  m_offload->addItem(tr("None"), "none");
  m_offload->addItem(tr("Per part of the model"), "model");
  m_offload->addItem(tr("Per layer (slow)"), "sequential");
  m_vaeTiling = addCheck(form, "vaeTilingCheck", tr("VAE tiling"),
                         tr("Turns the result into pixels tile by tile: far less memory for large images "
                            "(1024×1024: 4.4 → 2.6 GiB on an H200) at no speed cost; faint seams may show. No change "
                            "at the model's own size."));
  m_vaeSlicing = addCheck(form, "vaeSlicingCheck", tr("VAE slicing"),
                          tr("Turns a batch into pixels one image at a time: less memory for batches, same "
                             "images; no change for one image."));
  const QString slicingNote = tr("Relates the parts of the image a few at a time: saves memory only with the Math "
                                 "or Classic attention; with the others 30% slower (32 steps a second on an H200) "
                                 "and no saving. Same image.");
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
                             tr("Gives the graphics memory Gesso keeps back to other programs; the next run starts "
                                "about 1 s slower."));
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
  m_notes.insert(control, note);
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
