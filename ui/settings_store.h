#pragma once
// The user's settings in one INI file. Values live in memory; save() writes them all at once to
// "<file>_new" and renames that over the file, so a crash mid-write never leaves a half-written
// settings file (the scheme of qBittorrent's SettingsStorage).
#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace gesso::ui {

enum class SeedMode { Fixed, Random };

// The generation panel as last used; the defaults are those of the engine's GenerationRequest.
struct GenerationSettings {
  QString prompt;
  QString negativePrompt;
  qint64 seed = 0;
  SeedMode seedMode = SeedMode::Random;
  int width = 512;
  int height = 512;
  int steps = 20;
  double guidance = 7.5;
  QString sampler;  // "": the model's own (its scheduler_config.json), else a scheduler_names() entry
  int batchCount = 1;
  int batchSize = 1;
  QString mode = QStringLiteral("txt2img");  // txt2img | img2img | inpaint
  double strength = 0.75;                    // denoising strength, img2img and inpaint
  // SDXL: the refiner folder ("" = none) and where it takes over, a fraction of the noise schedule.
  QString refiner;
  double refinerSwitch = 0.8;
  // A separate VAE (a library entry's path; A1111's "SD VAE"); "" = Automatic, the model's own.
  QString vae;
  // diffusers' plain prompts (brackets are text, one 77-token window) instead of A1111's syntax.
  bool plainPrompts = false;
  // AUTOMATIC1111's Hires. fix, txt2img only (pipelines::HiresFix; its defaults): upscale by
  // hiresScale, or to hiresResizeWidth x hiresResizeHeight when either is set; hiresSteps 0 is
  // the first pass's count.
  bool hiresEnabled = false;
  double hiresScale = 2.0;
  int hiresSteps = 0;
  double hiresStrength = 0.7;
  QString hiresUpscaler = QStringLiteral("Latent");
  QString hiresUpscalerModel;  // SD x4's folder (or, restored from a PNG, its name)
  int hiresResizeWidth = 0;
  int hiresResizeHeight = 0;
  // The model picker's entry (a folder or checkpoint path). The panel reports it and selects it
  // when it is listed ("" leaves the selection); the settings file keeps it as Models/current,
  // not with the rest of the generation.
  QString model;

  bool operator==(const GenerationSettings&) const = default;
};

class SettingsStore {
  Q_DECLARE_TR_FUNCTIONS(SettingsStore)

 public:
  // Reads `filePath` if it exists. A stale "<file>_new" from an interrupted save is ignored.
  explicit SettingsStore(const QString& filePath);

  // "<AppConfigLocation>/gesso.ini".
  static QString defaultPath();
  // "<PicturesLocation>/Gesso".
  static QString defaultOutputFolder();
  // "<AppDataLocation>/models".
  static QString defaultModelsRoot();

  QString filePath() const { return m_path; }
  // Set when the file exists but could not be read as INI (the defaults are used then).
  QString loadError() const { return m_loadError; }

  // Writes every value; false with a reason in `error` (and lastError()) when it cannot.
  bool save(QString* error = nullptr);
  QString lastError() const { return m_lastError; }
  bool hasUnsavedChanges() const { return m_dirty; }

  QByteArray windowGeometry() const;
  void setWindowGeometry(const QByteArray& geometry);
  QByteArray windowState() const;
  void setWindowState(const QByteArray& state);

  GenerationSettings lastGeneration() const;
  void setLastGeneration(const GenerationSettings& generation);

  QStringList modelFolders() const;
  void setModelFolders(const QStringList& folders);
  QString currentModel() const;
  void setCurrentModel(const QString& model);
  // The model library's folder (A1111's "models": Stable-diffusion, VAE, Lora, ...);
  // defaultModelsRoot() until set, and when set to "".
  QString modelsRoot() const;
  void setModelsRoot(const QString& folder);
  // More folders the library scans, each recursively (a folder may also be one diffusers model).
  QStringList extraModelFolders() const;
  void setExtraModelFolders(const QStringList& folders);

  // Runtime toggle name -> value as a string ("flash", "true", "sequential", ...). Setting replaces
  // the whole set.
  QVariantMap runtimeToggles() const;
  void setRuntimeToggles(const QVariantMap& toggles);

  // The keys of one INI group ("DeepFloyd", "Upscale": a panel's or dialog's own values) and their
  // values, as stored (INI gives strings back). Setting replaces the whole group.
  QVariantMap group(const QString& name) const;
  void setGroup(const QString& name, const QVariantMap& values);

  QString outputFolder() const;  // defaultOutputFolder() until set
  void setOutputFolder(const QString& folder);
  QString language() const;      // "" = the system's
  void setLanguage(const QString& language);
  // A preview every N steps; 0 = none. Every 5 by default: each preview copies the latents to the
  // host, which waits for the GPU; the readout's figures still update on every step.
  static constexpr int kDefaultPreviewInterval = 5;
  int previewInterval() const;  // kDefaultPreviewInterval until set
  void setPreviewInterval(int steps);

 private:
  QVariant value(const QString& key, const QVariant& fallback = {}) const;
  int intValue(const QString& key, int fallback) const;
  void setValue(const QString& key, const QVariant& value);
  void load();
  void readHires(GenerationSettings& generation) const;
  bool fail(const QString& message, QString* error);

  QString m_path;
  QVariantMap m_values;  // "group/key" -> value, as QSettings names them
  QString m_loadError;
  QString m_lastError;
  bool m_dirty = false;
};

}  // namespace gesso::ui
