#pragma once
// The generation form: prompts with token counters, seed, size (with the current model family's
// presets), steps, guidance, sampler, batch, mode, denoising strength, the model (the library's
// checkpoints and diffusers folders and the folders added by hand, each with its family, behind a
// search field), a separate VAE and an SDXL refiner with its switch point; Generate and Cancel.
// Its "DeepFloyd IF" mode keeps the prompts, seed and batch and disables the rest: the stages'
// models and settings are the DeepFloyd panel's. It knows nothing of a run: the window reads it
// into a GenerationRequest (or an IFRequest) and feeds back the seed that was used.
#include <QHash>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

#include "ui/model_library.h"
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
struct IFRequest;
enum class ModelFamily;
}
namespace gesso::text {
class CLIPTokenizer;
}

namespace gesso::ui {

class HiresFixPanel;

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
  // mode() of the DeepFloyd IF cascade.
  static inline const QString kDeepFloydMode = QStringLiteral("deepfloyd");

  explicit GenerationPanel(QWidget* parent = nullptr);
  ~GenerationPanel() override;

  GenerationSettings settings() const;
  void setSettings(const GenerationSettings& settings);

  // Everything the form holds: prompts, seed (a new random one in random mode, see lastSeedUsed),
  // size, steps, guidance, sampler ("" = the model's own), num_images (= batch size), strength,
  // pipeline, model_dir and model_hash (the library's short hash when it is known already; "" else),
  // vae and vae_hash ("" = Automatic), refiner_dir (only while the refiner applies: see
  // currentRefinerFolder) and refiner_switch. Init image, mask, inpaint and runtime options are the
  // window's to fill.
  void fillRequest(pipelines::GenerationRequest& request) const;
  // What the form gives a DeepFloyd IF run: prompts, seed (as above) and num_images (= batch size).
  // The stages are the DeepFloyd panel's to fill, the runtime options the window's.
  void fillRequest(pipelines::IFRequest& request) const;
  // The seed the last fillRequest put in its request.
  quint64 lastSeedUsed() const { return m_lastSeedUsed; }
  int batchCount() const;
  QString mode() const;  // "txt2img" | "img2img" | "inpaint" | kDeepFloydMode

  // The counters count as A1111's do ("82/150": the prompt's tokens, and the chunks of 75 it takes;
  // tags out, its longest edit, emphasis read) or, with plain prompts, the text's tokens against
  // the one 75-token window. With the model's tokenizer; without one, CLIP's own vocabulary.
  void setTokenizer(std::shared_ptr<const text::CLIPTokenizer> tokenizer);
  // The LoRAs the picker offers (the library's LoRA entries, by their file stems).
  QStringList loraNames() const;
  // Inserts "<lora:name:1>" at the prompt's cursor, as A1111's LoRA cards add their tag.
  void insertLora(const QString& name);
  // The seed of the last finished image, for "reuse last seed"; in Random mode the seed field shows it.
  void setLastSeed(quint64 seed);

  // The folders (or files) added by hand, listed before the library's models (of the families this
  // form runs: the library's DeepFloyd IF stages and x4 upscalers are picked elsewhere). Each is listed with
  // its family ("sd15 — SD 1.x"), read from its model_index.json or header (no weights are loaded);
  // one that cannot be read is listed too, marked unreadable, the reason in its tooltip.
  void setModelFolders(const QStringList& folders);
  QStringList modelFolders() const;  // the ones added by hand
  // Takes a hand-added folder (or file) off the list (the trash button next to the search, for the
  // current one): modelFoldersChanged(). Library entries are not removable here.
  void removeModelFolder(const QString& folder);
  // The library's entries (ModelLibrary::entries()): its checkpoints, diffusers folders and the
  // unreadable files of Stable-diffusion and the extra folders join the model list, its VAEs the
  // VAE list. Ends the loading state.
  void setLibraryEntries(const QList<ModelEntry>& entries);
  // While the library's first scan runs, a model, refiner or VAE that is not listed yet (the ones
  // the settings remember) is remembered and selected once the library lists it; a model it does
  // not list is then added by hand, as before.
  void setLibraryLoading(bool loading);
  // A hash the library computed: shown in the lists, and written into the next requests.
  void setEntryHash(const QString& path, const QString& sha256);
  // Every entry the model list offers (whatever the search shows), and the VAE list's.
  QList<ModelEntry> modelEntries() const;
  QList<ModelEntry> vaeEntries() const;
  QList<ModelEntry> networkEntries() const;  // the library's LoRAs and embeddings
  QString currentVae() const;  // "" = Automatic
  QString currentModelFolder() const;  // "" when there is none
  void setCurrentModelFolder(const QString& folder);
  void setFolderChooser(FolderChooser chooser);
  // The current model's family; nullopt without a model, when it cannot be read or does not say.
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
  // A folder was added through "Add folder…" or removed: the whole list, for the settings.
  void modelFoldersChanged(const QStringList& folders);
  void currentModelFolderChanged(const QString& folder);
  // Size, batch size, guidance, Hires. fix or the refiner in use changed (the run's memory depends
  // on them).
  void shapeChanged();
  // The rescan button next to the model search.
  void rescanRequested();

 private:
  struct PromptBox {
    QPlainTextEdit* edit = nullptr;
    QLabel* count = nullptr;
  };

  PromptBox addPromptBox(QVBoxLayout* layout, const QString& title, const QString& name);
  QWidget* buildSeedRow();
  QWidget* buildSizeRow();
  QWidget* buildModelRow();
  void buildModelAndMode(QFormLayout* form);
  void buildSampling(QFormLayout* form);
  void buildRefiner(QFormLayout* form);
  QWidget* buildButtons();

  void updateTokenCount(const PromptBox& box);
  void updateTokenCounts();
  void fillLoraMenu();
  void updateMissingLoras();

  void setSeed(qint64 seed);
  void onSeedEdited(const QString& text);
  void rollDice();
  void snapSize(QSpinBox* spin, int value);
  void applyPreset(int index);
  void syncPreset();
  void fillPresets();
  void onModeIndexChanged();
  void showStrengthRow();
  // Enables what the mode uses: DeepFloyd IF has no model, VAE, size, steps, guidance, sampler,
  // LoRA, plain prompts or CLIP token counts here.
  void updateModeControls();
  quint64 drawSeed(const GenerationSettings& s) const;  // the seed a request gets, kept in m_lastSeedUsed
  void onModelActivated(int index);
  void addModelFolder();
  int modelCount() const;
  // The model list again, from the added folders and the library, as the search shows it (the
  // current model stays listed); true when the current model changed.
  bool fillModels();
  void fillVaes();
  void selectModel(const QString& path);
  QStringList modelPaths() const;  // added ones first, then the library's models
  const ModelEntry* entryFor(const QString& path) const;
  // After the current model changed: its presets (and its native size, when the size was still the
  // previous family's), the refiner controls, the sampler list's "model default" entry.
  void modelChanged();
  void fillRefiners();
  void updateRefinerControls();
  void updateDefaultSamplerText();

  QFormLayout* m_form = nullptr;
  HiresFixPanel* m_hires = nullptr;
  QWidget* m_modelRow = nullptr;
  QWidget* m_sizeRow = nullptr;
  PromptBox m_prompt;
  PromptBox m_negative;
  std::shared_ptr<const text::CLIPTokenizer> m_tokenizer;
  QCheckBox* m_plainPrompts = nullptr;
  QToolButton* m_loraButton = nullptr;
  QLabel* m_missingLoras = nullptr;  // the prompt's <lora:...> names the library lacks
  QList<ModelEntry> m_loras;

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

  QLineEdit* m_modelSearch = nullptr;
  QToolButton* m_rescan = nullptr;
  QToolButton* m_removeModel = nullptr;  // enabled while a hand-added model is selected
  QLabel* m_modelError = nullptr;        // why the last folder chosen through "Add folder…" was refused
  QComboBox* m_model = nullptr;
  int m_modelIndex = -1;  // the selection before "Add folder…" was picked
  FolderChooser m_chooseFolder;
  QStringList m_addedOrder;              // cleaned paths, as added
  QHash<QString, ModelEntry> m_added;    // by cleaned path
  QList<ModelEntry> m_library;           // ModelLibrary::entries() order
  QHash<QString, qsizetype> m_libraryIndex;
  bool m_libraryLoading = false;
  // Asked for before the library listed them (setLibraryLoading).
  QString m_wantedModel, m_wantedRefiner, m_wantedVae;

  QComboBox* m_vae = nullptr;

  QLabel* m_refinerLabel = nullptr;
  QComboBox* m_refiner = nullptr;
  QLabel* m_refinerSwitchLabel = nullptr;
  QDoubleSpinBox* m_refinerSwitch = nullptr;

  QPushButton* m_generate = nullptr;
  QPushButton* m_cancel = nullptr;
};

}  // namespace gesso::ui
