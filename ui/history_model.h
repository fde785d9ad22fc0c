#pragma once
// What the gallery shows: the HistoryStore's entries, newest first, optionally only those whose
// prompt matches a search. Rows come a page at a time (fetchMore) and without their thumbnails,
// which a ThumbnailCache reads only when a view asks for a row's decoration.
#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

#include <memory>

#include "ui/history_store.h"

namespace gesso::ui {

class ThumbnailCache;

// The prompt of an AUTOMATIC1111 "parameters" text on one line (promptOfParameters), cut to
// maxChars with an ellipsis.
QString shortPrompt(const QString& parameters, int maxChars = 80);

// The gallery's caption under a thumbnail, two lines that tell images apart: the prompt's start,
// then the seed and the time it was made (the time alone when made on `today`'s date, else the
// date too).
QString galleryCaption(const HistoryEntry& entry, const QDate& today = QDate::currentDate());

// The store must outlive the model.
class HistoryModel : public QAbstractListModel {
  Q_OBJECT

 public:
  enum Role {
    IdRole = Qt::UserRole + 1,
    ImagePathRole,
    ParametersRole,
    ModelNameRole,
    SeedRole,
    SizeRole,       // QSize
    CreatedRole,    // QDateTime
    PromptRole,     // shortPrompt of the parameters, uncut
    ThumbnailRole,  // QImage, read on demand like the decoration (a QIcon)
  };

  explicit HistoryModel(HistoryStore& store, int pageSize = 100, QObject* parent = nullptr);
  ~HistoryModel() override;

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QHash<int, QByteArray> roleNames() const override;
  bool canFetchMore(const QModelIndex& parent) const override;
  void fetchMore(const QModelIndex& parent) override;

  // The row's entry (its thumbnail null: ask ThumbnailRole), or nullptr outside the loaded rows.
  const HistoryEntry* entryAt(int row) const;
  // The loaded row showing entry `id`, or -1.
  int rowOf(qint64 id) const;
  // How many entries match the search in all (loaded or not), as of the last refresh.
  int totalCount() const { return m_total; }
  QString promptFilter() const { return m_filter; }
  ThumbnailCache& thumbnails() const { return *m_thumbnails; }

 public slots:
  // Re-reads the first page from the store (after an add or remove).
  void refresh();
  // Shows only the entries whose prompt holds every word of `text` (case aside); "" shows all.
  void setPromptFilter(const QString& text);
  // Forgets entry `id`'s thumbnail (its row was removed or replaced).
  void forgetThumbnail(qint64 id);

 private:
  HistoryStore& m_store;
  int m_pageSize;
  QList<HistoryEntry> m_entries;
  bool m_hasMore = false;
  int m_total = 0;
  QString m_filter;
  std::unique_ptr<ThumbnailCache> m_thumbnails;
};

}  // namespace gesso::ui
