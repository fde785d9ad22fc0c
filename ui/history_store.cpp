#include "ui/history_store.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <atomic>

namespace gesso::ui {
namespace {

constexpr auto kColumns = "id, created, image_path, parameters, model_name, seed, width, height, ";

QString columns(bool withThumbnails) {
  return QLatin1String(kColumns) + (withThumbnails ? QStringLiteral("thumbnail") : QStringLiteral("NULL"));
}

// What the search compares: the prompt with case folded (SQLite's LIKE folds ASCII only).
// Never null: a null QString binds as NULL, which the NOT NULL column refuses.
QString promptKey(const QString& parameters) {
  const QString key = promptOfParameters(parameters).toCaseFolded();
  return key.isNull() ? QStringLiteral("") : key;
}

// One "prompt_key LIKE ?" per word of the search, all required; the words go in `binds`.
QString promptCondition(const QString& promptContains, QStringList* binds) {
  QStringList conditions;
  const QStringList words = promptContains.toCaseFolded().split(u' ', Qt::SkipEmptyParts);
  for (QString word : words) {
    // LIKE's wildcards in the search are meant literally.
    word.replace(u'\\', QStringLiteral("\\\\"));
    word.replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
    binds->append(u'%' + word + u'%');
    conditions << QStringLiteral("prompt_key LIKE ? ESCAPE '\\'");
  }
  return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

// Rolls back unless commit() succeeded, so an early return can never leave a transaction open
// (the next write on the connection would otherwise fail with "cannot start a transaction").
class Transaction {
 public:
  explicit Transaction(QSqlDatabase& db) : m_db(db), m_active(db.transaction()) {}
  ~Transaction() {
    if (m_active) m_db.rollback();
  }
  bool began() const { return m_active; }
  bool commit() {
    if (!m_db.commit()) return false;
    m_active = false;
    return true;
  }

 private:
  QSqlDatabase& m_db;
  bool m_active;
};

QString nextConnectionName() {
  static std::atomic<quint64> counter{0};
  return QStringLiteral("gesso-history-%1").arg(counter.fetch_add(1));
}

QImage fitThumbnail(const HistoryEntry& entry) {
  const int size = HistoryStore::kThumbnailSize;
  QImage thumb = entry.thumbnail;
  if (thumb.isNull() && !entry.imagePath.isEmpty()) {
    // Decoding at the reduced size keeps a 2048 px result from costing 16 MB just to shrink it.
    QImageReader reader(entry.imagePath);
    QSize full = reader.size();
    if (full.isValid() && (full.width() > size || full.height() > size))
      reader.setScaledSize(full.scaled(size, size, Qt::KeepAspectRatio));
    thumb = reader.read();
  }
  if (thumb.width() > size || thumb.height() > size)
    thumb = thumb.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
  return thumb;
}

QByteArray encodePng(const QImage& image) {
  QByteArray bytes;
  if (image.isNull()) return bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  return bytes;
}

HistoryEntry entryFromRow(const QSqlQuery& q) {
  HistoryEntry e;
  e.id = q.value(0).toLongLong();
  e.created = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong());
  e.imagePath = q.value(2).toString();
  e.parameters = q.value(3).toString();
  e.modelName = q.value(4).toString();
  e.seed = q.value(5).toLongLong();
  e.width = q.value(6).toInt();
  e.height = q.value(7).toInt();
  const QByteArray png = q.value(8).toByteArray();
  if (!png.isEmpty()) e.thumbnail.loadFromData(png, "PNG");
  return e;
}

}  // namespace

QString promptOfParameters(const QString& parameters) {
  QStringList lines = parameters.split(u'\n');
  // A1111's parser treats the last line as the settings list when it holds "Key: value" pairs.
  static const QRegularExpression settingsLine(QStringLiteral("^\\s*Steps: \\d+,"));
  if (lines.size() > 1 && settingsLine.match(lines.last()).hasMatch()) lines.removeLast();
  QStringList prompt;
  for (const QString& line : lines) {
    if (line.startsWith(QLatin1String("Negative prompt:"))) break;
    prompt << line;
  }
  return prompt.join(u' ').simplified();
}

HistoryStore::HistoryStore(const QString& databasePath)
    : m_path(databasePath), m_connectionName(nextConnectionName()) {
  if (!open()) m_openError = m_lastError;
}

HistoryStore::~HistoryStore() { close(); }

QString HistoryStore::defaultPath() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
         QStringLiteral("/history.sqlite");
}

bool HistoryStore::isOpen() const { return m_db.isOpen(); }

bool HistoryStore::open() {
  const QString folder = QFileInfo(m_path).absolutePath();
  if (!QDir().mkpath(folder))
    return fail(tr("Cannot create the history folder %1").arg(folder), QString());
  m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
  if (!m_db.isValid())
    return fail(tr("The Qt SQLite driver (QSQLITE) is not available"), QString());
  m_db.setDatabaseName(m_path);
  // Another Gesso window may hold the write lock for a moment; wait rather than fail at once.
  m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=3000"));
  if (!m_db.open()) {
    fail(tr("Cannot open the history database %1").arg(m_path), m_db.lastError().text());
    m_db.close();
    return false;
  }
  if (!migrate()) {
    m_db.close();
    return false;
  }
  return true;
}

// SQLite opens any file lazily, so reading user_version is the first time a damaged file shows.
bool HistoryStore::migrate() {
  int version = 0;
  {
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
      return fail(tr("%1 is not a readable history database (damaged?)").arg(m_path),
                  q.lastError().text());
    version = q.value(0).toInt();
  }
  if (version > kSchemaVersion)
    return fail(tr("%1 was written by a newer Gesso (history schema %2; this version reads up to %3)")
                    .arg(m_path).arg(version).arg(kSchemaVersion),
                QString());
  if (version == kSchemaVersion) return true;

  Transaction t(m_db);
  if (!t.began()) return fail(tr("Cannot start a transaction"), m_db.lastError().text());
  // Each step moves one version up, all inside this transaction: a failure leaves the file as it was.
  if (version < 1 && !createVersion1()) return false;
  if (version < 2 && !addPromptKeys()) return false;
  if (!exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion))) return false;
  if (!t.commit()) return fail(tr("Cannot create the history tables"), m_db.lastError().text());
  return true;
}

bool HistoryStore::createVersion1() {
  return exec(QStringLiteral("CREATE TABLE IF NOT EXISTS entries ("
                             " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                             " created INTEGER NOT NULL,"  // ms since the epoch, UTC
                             " image_path TEXT NOT NULL,"
                             " parameters TEXT NOT NULL,"
                             " model_name TEXT NOT NULL,"
                             " seed INTEGER NOT NULL,"
                             " width INTEGER NOT NULL,"
                             " height INTEGER NOT NULL,"
                             " thumbnail BLOB)")) &&
         exec(QStringLiteral("CREATE INDEX IF NOT EXISTS entries_newest ON entries(created DESC, id DESC)"));
}

// Version 2: the prompt, case folded, for the gallery's search; filled in for the rows already there.
bool HistoryStore::addPromptKeys() {
  if (!exec(QStringLiteral("ALTER TABLE entries ADD COLUMN prompt_key TEXT NOT NULL DEFAULT ''"))) return false;
  QList<QPair<qint64, QString>> rows;
  {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, parameters FROM entries")))
      return fail(tr("History database error"), q.lastError().text());
    while (q.next()) rows.append({q.value(0).toLongLong(), q.value(1).toString()});
  }
  QSqlQuery update(m_db);
  update.prepare(QStringLiteral("UPDATE entries SET prompt_key = ? WHERE id = ?"));
  for (const auto& [id, parameters] : rows) {
    update.addBindValue(promptKey(parameters));
    update.addBindValue(id);
    if (!update.exec()) return fail(tr("History database error"), update.lastError().text());
  }
  return true;
}

bool HistoryStore::exec(const QString& sql) {
  QSqlQuery q(m_db);
  if (q.exec(sql)) return true;
  return fail(tr("History database error"), q.lastError().text());
}

bool HistoryStore::fail(const QString& what, const QString& detail) {
  m_lastError = detail.isEmpty() ? what : what + QStringLiteral(": ") + detail;
  return false;
}

void HistoryStore::close() {
  if (m_db.isValid()) m_db.close();
  // removeDatabase warns and leaks if any QSqlDatabase copy still refers to the connection.
  m_db = QSqlDatabase();
  QSqlDatabase::removeDatabase(m_connectionName);
}

qint64 HistoryStore::add(const HistoryEntry& entry) {
  const QList<qint64> ids = add(QList<HistoryEntry>{entry});
  return ids.isEmpty() ? -1 : ids.first();
}

QList<qint64> HistoryStore::add(const QList<HistoryEntry>& entries) {
  if (!isOpen()) return fail(tr("The history database is not open"), m_openError), QList<qint64>();
  // Encoded before the transaction, so other windows wait on the write lock as briefly as can be.
  QList<QByteArray> thumbnails;
  for (const HistoryEntry& entry : entries) thumbnails.append(encodePng(fitThumbnail(entry)));
  Transaction t(m_db);
  if (!t.began()) return fail(tr("Cannot start a transaction"), m_db.lastError().text()), QList<qint64>();
  QList<qint64> ids;
  QSqlQuery q(m_db);
  q.prepare(QStringLiteral("INSERT INTO entries (created, image_path, parameters, model_name, seed,"
                           " width, height, thumbnail, prompt_key)"
                           // A null QString binds as NULL; the columns hold '' for "none".
                           " VALUES (?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?, ?, COALESCE(?, ''))"));
  for (qsizetype i = 0; i < entries.size(); ++i) {
    const HistoryEntry& entry = entries[i];
    const QDateTime created = entry.created.isValid() ? entry.created : QDateTime::currentDateTime();
    q.addBindValue(created.toMSecsSinceEpoch());
    q.addBindValue(entry.imagePath);
    q.addBindValue(entry.parameters);
    q.addBindValue(entry.modelName);
    q.addBindValue(entry.seed);
    q.addBindValue(entry.width);
    q.addBindValue(entry.height);
    q.addBindValue(thumbnails[i]);  // a null QByteArray binds as NULL: no thumbnail
    q.addBindValue(promptKey(entry.parameters));
    if (!q.exec()) return fail(tr("Cannot add to the history"), q.lastError().text()), QList<qint64>();
    ids.append(q.lastInsertId().toLongLong());
  }
  if (!t.commit()) return fail(tr("Cannot add to the history"), m_db.lastError().text()), QList<qint64>();
  return ids;
}

QList<HistoryEntry> HistoryStore::list(int limit, int offset, const HistoryQuery& query) {
  QList<HistoryEntry> entries;
  if (!isOpen()) return fail(tr("The history database is not open"), m_openError), entries;
  QStringList binds;
  const QString where = promptCondition(query.promptContains, &binds);
  QSqlQuery q(m_db);
  q.setForwardOnly(true);
  q.prepare(QStringLiteral("SELECT %1 FROM entries%2 ORDER BY created DESC, id DESC LIMIT ? OFFSET ?")
                .arg(columns(query.withThumbnails), where));
  for (const QString& bind : binds) q.addBindValue(bind);
  q.addBindValue(limit < 0 ? -1 : limit);  // SQLite: a negative LIMIT means no limit
  q.addBindValue(qMax(0, offset));
  if (!q.exec()) return fail(tr("Cannot read the history"), q.lastError().text()), entries;
  while (q.next()) entries.append(entryFromRow(q));
  return entries;
}

QImage HistoryStore::thumbnail(qint64 id) {
  if (!isOpen()) return fail(tr("The history database is not open"), m_openError), QImage();
  QSqlQuery q(m_db);
  q.prepare(QStringLiteral("SELECT thumbnail FROM entries WHERE id = ?"));
  q.addBindValue(id);
  if (!q.exec()) return fail(tr("Cannot read the history"), q.lastError().text()), QImage();
  if (!q.next()) return fail(tr("No history entry %1").arg(id), QString()), QImage();
  QImage image;
  const QByteArray png = q.value(0).toByteArray();
  if (!png.isEmpty()) image.loadFromData(png, "PNG");
  return image;
}

std::optional<HistoryEntry> HistoryStore::get(qint64 id) {
  if (!isOpen()) return fail(tr("The history database is not open"), m_openError), std::nullopt;
  QSqlQuery q(m_db);
  q.prepare(QStringLiteral("SELECT %1 FROM entries WHERE id = ?").arg(columns(true)));
  q.addBindValue(id);
  if (!q.exec()) return fail(tr("Cannot read the history"), q.lastError().text()), std::nullopt;
  if (!q.next()) return fail(tr("No history entry %1").arg(id), QString()), std::nullopt;
  return entryFromRow(q);
}

bool HistoryStore::remove(qint64 id, bool deleteFile) {
  if (!isOpen()) return fail(tr("The history database is not open"), m_openError);
  const std::optional<HistoryEntry> entry = get(id);
  if (!entry) return false;
  {
    Transaction t(m_db);
    if (!t.began()) return fail(tr("Cannot start a transaction"), m_db.lastError().text());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM entries WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) return fail(tr("Cannot remove from the history"), q.lastError().text());
    if (!t.commit()) return fail(tr("Cannot remove from the history"), m_db.lastError().text());
  }
  if (!deleteFile || entry->imagePath.isEmpty() || !QFile::exists(entry->imagePath)) return true;
  QFile file(entry->imagePath);
  if (!file.remove())
    return fail(tr("Removed from the history, but cannot delete %1").arg(entry->imagePath),
                file.errorString());
  return true;
}

int HistoryStore::count(const QString& promptContains) {
  if (!isOpen()) return fail(tr("The history database is not open"), m_openError), -1;
  QStringList binds;
  const QString where = promptCondition(promptContains, &binds);
  QSqlQuery q(m_db);
  q.prepare(QStringLiteral("SELECT COUNT(*) FROM entries") + where);
  for (const QString& bind : binds) q.addBindValue(bind);
  if (!q.exec() || !q.next()) return fail(tr("Cannot read the history"), q.lastError().text()), -1;
  return q.value(0).toInt();
}

}  // namespace gesso::ui
