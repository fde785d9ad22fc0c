#pragma once
// The result history: one SQLite row per generated image, so the history panel survives a restart
// without re-reading every PNG on disk.
#include <QCoreApplication>
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace gesso::ui {

struct HistoryEntry {
  qint64 id = 0;         // assigned by HistoryStore::add
  QDateTime created;     // invalid: add() stamps the current time
  QString imagePath;
  QString parameters;    // the AUTOMATIC1111 "parameters" text
  QString modelName;
  qint64 seed = 0;
  int width = 0;
  int height = 0;
  QImage thumbnail;      // at most kThumbnailSize on its longer side once stored
};

// The prompt of an AUTOMATIC1111 "parameters" text on one line: the lines before "Negative
// prompt:" or before the final "Steps: ..." line, joined by spaces, whitespace simplified.
QString promptOfParameters(const QString& parameters);

// What list() and count() return. A gallery lists rows without their thumbnails and asks for each
// one (thumbnail()) when a view shows it, so a history of thousands never decodes them all.
struct HistoryQuery {
  // Words that must all occur in the prompt (case aside, anywhere in it); empty: every row.
  QString promptContains;
  bool withThumbnails = true;
};

// Owns one QtSql connection with a name of its own, so several stores (or one per thread) never
// share a connection. A QSqlDatabase may only be used from the thread that opened it: create the
// store in the thread that uses it. Failures never throw: they return -1/false/empty and leave a
// message in lastError(). If the file cannot be opened or is not a history database, the store
// stays closed (isOpen() false) and every call fails cleanly.
class HistoryStore {
 Q_DECLARE_TR_FUNCTIONS(HistoryStore)

 public:
  static constexpr int kThumbnailSize = 256;
  // 2 added prompt_key: the case-folded prompt, for searching.
  static constexpr int kSchemaVersion = 2;

  explicit HistoryStore(const QString& databasePath);
  ~HistoryStore();
  HistoryStore(const HistoryStore&) = delete;
  HistoryStore& operator=(const HistoryStore&) = delete;

  // "<AppDataLocation>/history.sqlite".
  static QString defaultPath();

  bool isOpen() const;
  QString databasePath() const { return m_path; }
  QString lastError() const { return m_lastError; }

  // The new row's id, or -1 on failure.
  qint64 add(const HistoryEntry& entry);
  // Several rows in one transaction (one disk sync, not one each): all their ids, or none (and
  // nothing added) on failure.
  QList<qint64> add(const QList<HistoryEntry>& entries);
  // Newest first; a negative limit means all.
  QList<HistoryEntry> list(int limit, int offset = 0, const HistoryQuery& query = {});
  // The stored thumbnail of one row, decoded; null when the row has none or does not exist.
  QImage thumbnail(qint64 id);
  std::optional<HistoryEntry> get(qint64 id);
  // With deleteFile, the image on disk goes too (a file already gone is not an error). The row is
  // removed first, so a failed commit never costs the user an image.
  bool remove(qint64 id, bool deleteFile);
  // The rows matching `promptContains` (see HistoryQuery); -1 on failure.
  int count(const QString& promptContains = {});

 private:
  bool open();
  bool migrate();
  bool createVersion1();
  bool addPromptKeys();
  bool exec(const QString& sql);
  bool fail(const QString& what, const QString& detail);
  void close();

  QString m_path;
  QString m_connectionName;
  QSqlDatabase m_db;
  QString m_lastError;
  QString m_openError;  // why the store is closed, repeated by every call that finds it so
};

}  // namespace gesso::ui
