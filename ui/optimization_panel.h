#pragma once
// Every runtime toggle of RuntimeOptions, each with a one-line note in a user's words of what it
// costs and saves (faster, less memory, same image or not: the H200 figures of docs/benchmarks.md),
// what needs a CUDA GPU disabled without one, four presets, and the VRAM the run will need with the
// toggles as they stand (gesso::runtime::estimate_vram), red when it exceeds the card.
#include <QHash>
#include <QPair>
#include <QVariantMap>
#include <QWidget>

#include <optional>

#include "engine/runtime/runtime_options.h"
#include "engine/runtime/vram_estimate.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QSpinBox;

namespace gesso::ui {

class OptimizationPanel : public QWidget {
  Q_OBJECT

 public:
  enum class Preset { MaxSpeed, Balanced, LowVram, TinyVram };

  explicit OptimizationPanel(QWidget* parent = nullptr);

  // Fields the panel does not show (generator device, variant, VRAM budget) pass through unchanged.
  gesso::runtime::RuntimeOptions options() const;
  void setOptions(const gesso::runtime::RuntimeOptions& options);  // optionsChanged() if different

  // `base` with every toggle reset and the preset's switched on; device and hidden fields kept.
  static gesso::runtime::RuntimeOptions preset(Preset preset, const gesso::runtime::RuntimeOptions& base = {});
  void applyPreset(Preset preset);
  std::optional<Preset> currentPreset() const;  // the preset the toggles equal, if any

  // For SettingsStore::setRuntimeToggles: the CLI's option names ("attention", "vae-tiling", ...)
  // to their values as the CLI spells them ("flash", "true", ...).
  QVariantMap toVariantMap() const;
  // Names absent or values malformed keep the panel's current value.
  void fromVariantMap(const QVariantMap& toggles);

  // The estimate line: the model (in any precision: it is rescaled to the chosen one) and the run.
  void setEstimateInputs(const gesso::runtime::ModelFootprint& footprint, const gesso::runtime::RunShape& shape);
  void clearEstimateInputs();
  void setDeviceMemory(qint64 bytes);  // the card's total; 0 = unknown (never red)
  QString estimateText() const;
  bool estimateExceedsDevice() const { return m_overDevice; }

  // Without a CUDA GPU (runtime::cuda_available() at construction) the GPU-only presets, toggles and
  // choices are disabled, each saying why, and a note says so above them. Settable for tests.
  void setGpuAvailable(bool available);
  bool gpuAvailable() const { return m_gpuAvailable; }
  static QString noGpuReason();

 signals:
  void optionsChanged();

 private:
  void buildPresetRow(QFormLayout* form);
  void buildDeviceRows(QFormLayout* form);
  void buildSpeedRows(QFormLayout* form);
  void buildMemoryRows(QFormLayout* form);
  QCheckBox* addCheck(QFormLayout* form, const char* name, const QString& text, const QString& note);
  QComboBox* addCombo(QFormLayout* form, const char* name, const QString& label, const QString& note);
  void addNote(QFormLayout* form, QWidget* control, const QString& note);
  void writeWidgets(const gesso::runtime::RuntimeOptions& options);
  void onToggleChanged();
  void refresh();  // preset combo, slicing spin box and estimate, after any change
  void updateEstimate();
  QList<QWidget*> gpuOnlyControls() const;

  gesso::runtime::RuntimeOptions m_hidden;  // what options() returns for the fields not shown
  bool m_writing = false;                   // widgets being set from options: no signal per widget
  QComboBox* m_preset = nullptr;
  QComboBox* m_device = nullptr;
  QComboBox* m_precision = nullptr;
  QCheckBox* m_vaeFp32 = nullptr;
  QCheckBox* m_tf32 = nullptr;
  QCheckBox* m_cudnnBenchmark = nullptr;
  QCheckBox* m_channelsLast = nullptr;
  QCheckBox* m_cudaGraphs = nullptr;
  QCheckBox* m_fusedKernels = nullptr;
  QComboBox* m_attention = nullptr;
  QComboBox* m_slicing = nullptr;
  QSpinBox* m_sliceHeads = nullptr;
  QCheckBox* m_vaeTiling = nullptr;
  QCheckBox* m_vaeSlicing = nullptr;
  QComboBox* m_offload = nullptr;
  QCheckBox* m_releaseMemory = nullptr;
  QLabel* m_estimate = nullptr;
  std::optional<gesso::runtime::ModelFootprint> m_footprint;
  gesso::runtime::RunShape m_shape;
  qint64 m_deviceMemory = 0;
  bool m_overDevice = false;
  bool m_gpuAvailable = true;
  QLabel* m_noGpuNote = nullptr;
  QHash<QWidget*, QString> m_notes;                      // each control's own note, without the GPU reason
  QHash<QPair<QComboBox*, int>, QString> m_itemNotes;  // combo items' own tooltips
};

}  // namespace gesso::ui
