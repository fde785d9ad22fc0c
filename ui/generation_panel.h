#pragma once
// The generation form: prompts with token counters, seed, size, steps, guidance, sampler, batch,
// mode, denoising strength and model folder; Generate and Cancel. It knows nothing of a run: the
// window reads it into a GenerationRequest and feeds back the seed that was used.
#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>

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
  // size, steps, guidance, sampler, num_images (= batch size), strength, pipeline, model_dir.
  // Init image, mask, inpaint and runtime options are the window's to fill.
  void fillRequest(pipelines::GenerationRequest& request) const;
  // The seed the last fillRequest put in its request.
  quint64 lastSeedUsed() const { return m_lastSeedUsed; }
  int batchCount() const;
  QString mode() const;  // "txt2img" | "img2img" | "inpaint"

  // With a tokenizer the counters are exact; without one they approximate (marked "~").
  void setTokenizer(std::shared_ptr<const text::CLIPTokenizer> tokenizer);
  // The seed of the last finished image, for "reuse last seed".
  void setLastSeed(quint64 seed);

  void setModelFolders(const QStringList& folders);
  QStringList modelFolders() const;
  QString currentModelFolder() const;  // "" when there is none
  void setCurrentModelFolder(const QString& folder);
  void setFolderChooser(FolderChooser chooser);

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
  // Size, batch size or guidance changed (the run's memory depends on them).
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
  QWidget* buildButtons();

  void updateTokenCount(const PromptBox& box);
  QString tokenCountText(int tokens, int window, bool approximate) const;

  void setSeed(qint64 seed);
  void onSeedEdited(const QString& text);
  void rollDice();
  void snapSize(QSpinBox* spin, int value);
  void applyPreset(int index);
  void syncPreset();
  void onModeIndexChanged();
  void showStrengthRow();
  void onModelActivated(int index);
  void addModelFolder();
  int modelCount() const;

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

  QPushButton* m_generate = nullptr;
  QPushButton* m_cancel = nullptr;
};

}  // namespace gesso::ui
