#pragma once
// What the main window's history panel shows: the HistoryStore's entries, newest first.
#include <QAbstractListModel>
#include <QList>

#include "ui/history_store.h"

namespace gesso::ui {

// The prompt of an AUTOMATIC1111 "parameters" text on one line (the lines before "Negative
// prompt:" or before the final "Steps: ..." line), cut to maxChars with an ellipsis.
QString shortPrompt(const QString& parameters, int maxChars = 80);

// Loads pageSize entries at a time (fetchMore), since every row holds a decoded thumbnail of up to
// 256x256: a history of thousands would otherwise cost hundreds of MB at once. The store must
// outlive the model.
class HistoryModel : public QAbstractListModel {
  Q_OBJECT

 public:
  enum Role {
    IdRole = Qt::UserRole + 1,
    ImagePathRole,
    ParametersRole,
    ModelNameRole,
    SeedRole,
    SizeRole,      // QSize
    CreatedRole,   // QDateTime
  };

  explicit HistoryModel(HistoryStore& store, int pageSize = 100, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QHash<int, QByteArray> roleNames() const override;
  bool canFetchMore(const QModelIndex& parent) const override;
  void fetchMore(const QModelIndex& parent) override;

  // The row's entry, or nullptr outside the loaded rows.
  const HistoryEntry* entryAt(int row) const;

 public slots:
  // Re-reads the first page from the store (after an add or remove).
  void refresh();

 private:
  HistoryStore& m_store;
  int m_pageSize;
  QList<HistoryEntry> m_entries;
  bool m_hasMore = false;
};

}  // namespace gesso::ui
