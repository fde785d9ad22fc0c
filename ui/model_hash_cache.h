#pragma once
// The SHA-256 of every model file the library has hashed, by path, valid while the file keeps its
// size and modification time: AUTOMATIC1111's cache.json idea, so that a library of many
// gigabytes is read once, not on every start. One JSON file (QSaveFile: written whole or not at
// all), under QStandardPaths::CacheLocation by default.
#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <atomic>

namespace gesso::ui {

// The SHA-256 of the file at `path` in lower-case hex, read in 1 MiB chunks; "" when it cannot be
// read (the reason in `error`) or when `cancel` became true on the way.
QString fileSha256(const QString& path, const std::atomic<bool>* cancel = nullptr, QString* error = nullptr);
// A1111's hash of a LoRA in a .safetensors file (kohya's "addnet" hash): the SHA-256 of the bytes
// after the header, so that editing the metadata keeps it. "" as fileSha256.
QString fileAddnetSha256(const QString& path, const std::atomic<bool>* cancel = nullptr, QString* error = nullptr);

// A1111's short hash: the first 10 hex digits of the SHA-256 ("sd_xl_base_1.0 [31e35c80fc]").
inline QString shortHash(const QString& sha256) { return sha256.left(10); }
// A1111's short hash of a LoRA or an embedding ("Lora hashes", "TI hashes"): 12 hex digits.
inline QString networkShortHash(const QString& sha256) { return sha256.left(12); }

class ModelHashCache {
  Q_DECLARE_TR_FUNCTIONS(gesso::ui::ModelHashCache)

 public:
  // Reads `filePath` when it exists; an unreadable or foreign file is an empty cache (loadError()
  // says why) and is replaced on the next save.
  explicit ModelHashCache(QString filePath);

  // "<CacheLocation>/model_hashes.json".
  static QString defaultPath();

  QString filePath() const { return m_path; }
  QString loadError() const { return m_loadError; }
  int size() const { return int(m_records.size()); }

  // The SHA-256 recorded for `path` at this size and modification time (ms since the epoch); ""
  // when there is none or the file has changed since.
  QString sha256(const QString& path, qint64 size, qint64 mtimeMs) const;
  void insert(const QString& path, qint64 size, qint64 mtimeMs, const QString& sha256);

  // Writes every record; false with the reason in `error` when the file cannot be written.
  bool save(QString* error = nullptr) const;

 private:
  struct Record {
    qint64 size = 0;
    qint64 mtimeMs = 0;
    QString sha256;
  };

  QString m_path;
  QString m_loadError;
  QHash<QString, Record> m_records;
};

}  // namespace gesso::ui
