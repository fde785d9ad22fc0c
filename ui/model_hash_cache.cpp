#include "ui/model_hash_cache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace gesso::ui {

namespace {

constexpr qint64 kChunk = qint64(1) << 20;
constexpr int kVersion = 1;
const QLatin1String kFormat("gesso-model-hashes");

}  // namespace

namespace {

// The SHA-256 of `file` from where it stands to its end.
QString sha256Rest(QFile& file, const std::atomic<bool>* cancel, QString* error) {
  QCryptographicHash hash(QCryptographicHash::Sha256);
  QByteArray chunk(kChunk, Qt::Uninitialized);
  while (true) {
    if (cancel && cancel->load(std::memory_order_relaxed)) return {};
    const qint64 n = file.read(chunk.data(), kChunk);
    if (n < 0) {
      if (error) *error = file.errorString();
      return {};
    }
    if (n == 0) break;
    hash.addData(QByteArrayView(chunk.constData(), n));
  }
  return QString::fromLatin1(hash.result().toHex());
}

}  // namespace

QString fileSha256(const QString& path, const std::atomic<bool>* cancel, QString* error) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    if (error) *error = file.errorString();
    return {};
  }
  return sha256Rest(file, cancel, error);
}

QString fileAddnetSha256(const QString& path, const std::atomic<bool>* cancel, QString* error) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    if (error) *error = file.errorString();
    return {};
  }
  const QByteArray length = file.read(8);
  quint64 n = 0;
  for (int i = 7; i >= 0 && length.size() == 8; --i) n = (n << 8) | static_cast<unsigned char>(length[i]);
  if (length.size() != 8 || n > quint64(file.size()) - 8 || !file.seek(qint64(8 + n))) {
    if (error) *error = QStringLiteral("not a safetensors file");
    return {};
  }
  return sha256Rest(file, cancel, error);
}

ModelHashCache::ModelHashCache(QString filePath) : m_path(std::move(filePath)) {
  QFile file(m_path);
  if (!file.exists()) return;
  if (!file.open(QIODevice::ReadOnly)) {
    m_loadError = tr("Cannot read the model hash cache %1: %2").arg(m_path, file.errorString());
    return;
  }
  QJsonParseError parseError;
  const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
  const QJsonObject root = doc.object();
  if (parseError.error != QJsonParseError::NoError || root.value("format").toString() != kFormat ||
      root.value("version").toInt() != kVersion) {
    m_loadError = tr("The model hash cache %1 is not one Gesso wrote: the hashes are computed again").arg(m_path);
    return;
  }
  const QJsonObject files = root.value("files").toObject();
  for (auto it = files.begin(); it != files.end(); ++it) {
    const QJsonObject o = it.value().toObject();
    const QString sha = o.value("sha256").toString();
    if (sha.size() != 64) continue;
    m_records.insert(it.key(), Record{qint64(o.value("size").toDouble()), qint64(o.value("mtime").toDouble()), sha});
  }
}

QString ModelHashCache::defaultPath() {
  return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/model_hashes.json");
}

QString ModelHashCache::sha256(const QString& path, qint64 size, qint64 mtimeMs) const {
  const auto it = m_records.constFind(path);
  if (it == m_records.constEnd() || it->size != size || it->mtimeMs != mtimeMs) return {};
  return it->sha256;
}

void ModelHashCache::insert(const QString& path, qint64 size, qint64 mtimeMs, const QString& sha256) {
  m_records.insert(path, Record{size, mtimeMs, sha256});
}

bool ModelHashCache::save(QString* error) const {
  const auto fail = [error](const QString& message) {
    if (error) *error = message;
    return false;
  };
  const QString folder = QFileInfo(m_path).absolutePath();
  if (!QDir().mkpath(folder)) return fail(tr("Cannot create the folder %1").arg(folder));
  QJsonObject files;
  for (auto it = m_records.cbegin(); it != m_records.cend(); ++it)
    files.insert(it.key(), QJsonObject{{"size", double(it->size)}, {"mtime", double(it->mtimeMs)}, {"sha256", it->sha256}});
  const QJsonObject root{{"format", kFormat}, {"version", kVersion}, {"files", files}};
  QSaveFile out(m_path);
  if (!out.open(QIODevice::WriteOnly)) return fail(tr("Cannot write the model hash cache %1: %2").arg(m_path, out.errorString()));
  out.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
  if (!out.commit()) return fail(tr("Cannot write the model hash cache %1: %2").arg(m_path, out.errorString()));
  return true;
}

}  // namespace gesso::ui
