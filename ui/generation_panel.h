#pragma once
// The generation form: prompts with token counters, seed, size (with the current model family's
// presets), steps, guidance, sampler, batch, mode, denoising strength, model folder (each with its
// family, read from model_index.json) and an SDXL refiner with its switch point; Generate and Cancel.
// It knows nothing of a run: the window reads it into a GenerationRequest and feeds back the seed
// that was used.
#include <QHash>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

#include "ui/settings_store.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QToolButton;
class QVBoxLayout;

namespace gesso::pipelines {
struct GenerationRequest;
enum class ModelFamily;
}
namespace gesso::text {
class CLIPTokenizer;
}

namespace gesso::ui {

class GenerationPanel : public QWidget {
  Q_OBJECT

 public:
  // Asks the user for a model folder; "" when they cancel. Replaceable so that tests need no
  // modal dialog.
  using FolderChooser = std::function<QString(QWidget* parent)>;

  // Seeds drawn at random are 32-bit, as AUTOMATIC1111 draws them, so that they can be typed into
  // other tools; any 63-bit seed can be entered.
  static constexpr qint64 kMaxRandomSeed = 0xFFFFFFFFLL;
  static constexpr int kMinSize = 64;
  static constexpr int kMaxSize = 4096;

  explicit GenerationPanel(QWidget* parent = nullptr);
  ~GenerationPanel() override;

  GenerationSettings settings() const;
  void setSettings(const GenerationSettings& settings);

  // Everything the form holds: prompts, seed (a new random one in random mode, see lastSeedUsed),
  // size, steps, guidance, sampler ("" = the model's own), num_images (= batch size), strength,
  // pipeline, model_dir, refiner_dir (only while the refiner applies: see currentRefinerFolder) and
  // refiner_switch. Init image, mask, inpaint and runtime options are the window's to fill.
  void fillRequest(pipelines::GenerationRequest& request) const;
  // The seed the last fillRequest put in its request.
  quint64 lastSeedUsed() const { return m_lastSeedUsed; }
  int batchCount() const;
  QString mode() const;  // "txt2img" | "img2img" | "inpaint"

  // With a tokenizer the counters are exact; without one they approximate (marked "~").
  void setTokenizer(std::shared_ptr<const text::CLIPTokenizer> tokenizer);
  // The seed of the last finished image, for "reuse last seed".
  void setLastSeed(quint64 seed);

  // Each folder is listed with its family ("sd15 — SD 1.x"), read from its model_index.json (no
  // weights are loaded); one that cannot be read is listed too, marked unreadable, the reason in
  // its tooltip.
  void setModelFolders(const QStringList& folders);
  QStringList modelFolders() const;
  QString currentModelFolder() const;  // "" when there is none
  void setCurrentModelFolder(const QString& folder);
  void setFolderChooser(FolderChooser chooser);
  // The current folder's family; nullopt without a model or when its model_index.json cannot be read.
  std::optional<pipelines::ModelFamily> currentModelFamily() const;

  // The folders the refiner list offers: the listed SDXL and SDXL refiner folders (no inpainting UNets).
  QStringList refinerFolders() const;
  // Whether a refiner can follow the current model: an SDXL base, in text to image or image to image
  // (the engine has no inpainting with a refiner). The refiner controls are enabled only then.
  bool refinerAvailable() const;
  // The refiner the next request gets: the one picked while refinerAvailable(), else "".
  QString currentRefinerFolder() const;

  // While a run is going, Generate is disabled and Cancel enabled (and the other way round).
  void setBusy(bool busy);

  QPushButton* generateButton() const { return m_generate; }
  QPushButton* cancelButton() const { return m_cancel; }

 signals:
  void generateRequested();
  void cancelRequested();
  void modeChanged(const QString& mode);
  // A folder was added through "Add folder…": the whole list, for the settings.
  void modelFoldersChanged(const QStringList& folders);
  void currentModelFolderChanged(const QString& folder);
  // Size, batch size, guidance or the refiner in use changed (the run's memory depends on them).
  void shapeChanged();

 private:
  struct PromptBox {
    QPlainTextEdit* edit = nullptr;
    QLabel* count = nullptr;
  };

  PromptBox addPromptBox(QVBoxLayout* layout, const QString& title, const QString& name);
  QWidget* buildSeedRow();
  QWidget* buildSizeRow();
  void buildModelAndMode(QFormLayout* form);
  void buildSampling(QFormLayout* form);
  void buildRefiner(QFormLayout* form);
  QWidget* buildButtons();

  void updateTokenCount(const PromptBox& box);
  QString tokenCountText(int tokens, int window, bool approximate) const;

  void setSeed(qint64 seed);
  void onSeedEdited(const QString& text);
  void rollDice();
  void snapSize(QSpinBox* spin, int value);
  void applyPreset(int index);
  void syncPreset();
  void fillPresets();
  void onModeIndexChanged();
  void showStrengthRow();
  void onModelActivated(int index);
  void addModelFolder();
  int modelCount() const;
  // After the current model changed: its presets (and its native size, when the size was still the
  // previous family's), the refiner controls, the sampler list's "model default" entry.
  void modelChanged();
  void fillRefiners();
  void updateRefinerControls();
  void updateDefaultSamplerText();
  QString folderLabel(const QString& path) const;

  // What model_index.json and the scheduler config say of a folder (read in setModelFolders).
  struct FolderInfo {
    std::optional<pipelines::ModelFamily> family;  // nullopt: unreadable
    QString error;                                 // why, when unreadable
    QString sampler;                               // its own sampler's name, "" when unknown
    bool inpainting = false;                       // a 9-channel UNet
  };
  static FolderInfo readFolder(const QString& path);

  PromptBox m_prompt;
  PromptBox m_negative;
  std::shared_ptr<const text::CLIPTokenizer> m_tokenizer;

  QLineEdit* m_seedEdit = nullptr;
  QCheckBox* m_randomSeed = nullptr;
  QToolButton* m_dice = nullptr;
  QToolButton* m_reuseSeed = nullptr;
  qint64 m_seed = 0;
  qint64 m_lastSeed = 0;
  mutable quint64 m_lastSeedUsed = 0;

  QComboBox* m_sizePreset = nullptr;
  pipelines::ModelFamily m_presetFamily{};  // the family whose presets are listed (SD 1.x at first)
  QSpinBox* m_width = nullptr;
  QSpinBox* m_height = nullptr;
  QToolButton* m_swap = nullptr;
  QSpinBox* m_steps = nullptr;
  QDoubleSpinBox* m_guidance = nullptr;
  QComboBox* m_sampler = nullptr;
  QSpinBox* m_batchCount = nullptr;
  QSpinBox* m_batchSize = nullptr;
  QComboBox* m_mode = nullptr;
  QLabel* m_strengthLabel = nullptr;
  QDoubleSpinBox* m_strength = nullptr;

  QComboBox* m_model = nullptr;
  int m_modelIndex = -1;  // the selection before "Add folder…" was picked
  FolderChooser m_chooseFolder;
  QHash<QString, FolderInfo> m_folders;  // by cleaned path

  QLabel* m_refinerLabel = nullptr;
  QComboBox* m_refiner = nullptr;
  QLabel* m_refinerSwitchLabel = nullptr;
  QDoubleSpinBox* m_refinerSwitch = nullptr;

  QPushButton* m_generate = nullptr;
  QPushButton* m_cancel = nullptr;
};

}  // namespace gesso::ui
