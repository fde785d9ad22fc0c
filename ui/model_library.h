#pragma once
// The model library: the models folder as AUTOMATIC1111 lays it out (Stable-diffusion, VAE, Lora,
// embeddings, ControlNet) and the extra folders the user adds, scanned in the background for
// diffusers folders and single files, each classified by the engine (pipelines::inspect_model_file:
// headers only) and, for files, hashed (A1111's short hash: the SHA-256's first 10 hex digits),
// the hashes cached by path, size and modification time (ModelHashCache). Never blocks the GUI: a
// scan and the hashing run on the library's own thread pool and report back through the event loop.
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>

#include "ui/model_hash_cache.h"

namespace gesso::pipelines {
enum class ModelFamily;
enum class ModelFileKind;
}  // namespace gesso::pipelines

namespace gesso::ui {

struct ModelEntry {
  QString name;       // relative to its library folder, as A1111 shows it ("SDXL/juggernaut.safetensors")
  QString path;       // cleaned absolute path
  QString subfolder;  // the models folder's subfolder it was found in ("VAE", ...); "" for an extra folder
  std::optional<pipelines::ModelFileKind> kind;  // nullopt: unreadable (see error)
  std::optional<pipelines::ModelFamily> family;
  bool inpainting = false;
  bool folder = false;  // a diffusers folder (or a diffusers VAE / ControlNet folder)
  QString sampler;      // a diffusers folder's own scheduler ("Euler"); "" for files and when unknown
  qint64 size = 0;      // bytes (a folder: all its files)
  qint64 mtimeMs = 0;   // last modified, ms since the epoch
  QString sha256;       // files only, "" until hashed (A1111 has no hash for folders); a LoRA's
                        // .safetensors: the hash of its data after the header, as A1111's
  bool isLora() const;
  bool isEmbedding() const;
  QString error;        // why it is unreadable

  bool readable() const { return kind.has_value(); }
  // A checkpoint or a diffusers model folder: what the model picker lists.
  bool isModel() const;
  bool isVae() const;
  QString shortHash() const { return ui::shortHash(sha256); }
};

class ModelLibrary : public QObject {
  Q_OBJECT

 public:
  // A1111's subfolders of the models folder, in the order the library lists them.
  static const QStringList& subfolders();
  static inline const QString kCheckpoints = QStringLiteral("Stable-diffusion");
  // What the scan picks up besides folders: .safetensors, .ckpt, .pt, .bin, .pth.
  static bool isWeightFile(const QString& fileName);

  explicit ModelLibrary(const QString& cacheFile = ModelHashCache::defaultPath(), QObject* parent = nullptr);
  // Stops the scan and the hashing in progress (at the next file or 1 MiB chunk) and waits for them.
  ~ModelLibrary() override;

  // Takes effect at the next rescan(). `root` "" scans the extra folders alone (SettingsStore::
  // defaultModelsRoot() is the studio's).
  void setFolders(const QString& root, const QStringList& extraFolders);
  QString root() const { return m_root; }
  QStringList extraFolders() const { return m_extra; }

  // Creates the root's subfolders where absent, then scans in the background: entriesChanged()
  // when done, then hashComputed() for each file whose hash the cache did not have. A rescan
  // supersedes a scan or hashing still in progress.
  void rescan();
  bool isScanning() const { return m_scanning; }
  bool isHashing() const { return m_hashing; }
  bool isBusy() const { return m_scanning || m_hashing; }

  // The last scan's entries: per subfolder in subfolders() order, then the extra folders, each by
  // name (case aside).
  QList<ModelEntry> entries() const { return m_entries; }
  const ModelEntry* entry(const QString& path) const;
  // Files hashed (read through) since construction; hashes taken from the cache do not count.
  int hashesComputed() const { return m_hashesComputed; }
  QString cacheFile() const { return m_cache.filePath(); }

  // One file or folder as the scan sees it, on the calling thread (a header read; no weights):
  // named by its file name. Never throws: what the engine cannot read is an unreadable entry.
  static ModelEntry classify(const QString& path);

  // Why `entry` cannot be added as a model the Generate form runs, in words; "" when it can: a
  // diffusers model folder (model_index.json) or a readable single-file checkpoint, of a family
  // the form runs (SD 1.x, 2.x, SDXL and its refiner; not IF or the x4 upscaler). Checked when an
  // entry is added, not first at Generate.
  static QString modelProblem(const ModelEntry& entry);
  // Why `folder` cannot be an extra folder of the library ("" when it can): it must be an existing,
  // readable folder, not the models folder (or one inside it: scanned already), not listed twice.
  static QString extraFolderProblem(const QString& folder, const QString& root, const QStringList& extraFolders);

  // What the pickers show: "SD 1.x" (a folder), "SDXL inpainting checkpoint", "SD 1.x LoRA",
  // "VAE", "unreadable", ...
  static QString kindLabel(const ModelEntry& entry);
  static QString familyName(pipelines::ModelFamily family);
  // A list's line: "sd15 — SD 1.x", "SDXL/base.safetensors [31e35c80fc] — SDXL checkpoint".
  static QString title(const ModelEntry& entry);
  // The path, then why it is unreadable or its SHA-256.
  static QString toolTip(const ModelEntry& entry);

 signals:
  void scanStarted();
  void entriesChanged();
  void hashComputed(const QString& path, const QString& sha256);
  void hashingFinished();
  // Something the user should hear of (a folder that cannot be created, a cache that cannot be
  // written); the library goes on.
  void problem(const QString& message);

 private:
  struct HashJob {
    QString path;
    qint64 size = 0;
    qint64 mtimeMs = 0;
    bool addnet = false;  // a LoRA's safetensors: A1111 hashes the data after the header
  };

  void createSubfolders();
  void scanDone(quint64 generation, const QList<ModelEntry>& found);
  void startHashing();
  void hashDone(const HashJob& job, const QString& sha256);
  void stopHashing();

  QString m_root;
  QStringList m_extra;
  ModelHashCache m_cache;
  QList<ModelEntry> m_entries;
  QHash<QString, qsizetype> m_index;  // path -> m_entries index
  quint64 m_generation = 0;           // of the latest scan; older scans' results are dropped
  bool m_scanning = false;
  bool m_hashing = false;
  std::shared_ptr<std::atomic<bool>> m_stopScan;     // the latest scan's, null before the first
  std::shared_ptr<std::atomic<bool>> m_stopHashing;  // the current hashing's, null when none
  int m_hashesComputed = 0;
  bool m_cacheProblemShown = false;
  QThreadPool m_pool;  // last: destroyed (and joined) first
};

}  // namespace gesso::ui
