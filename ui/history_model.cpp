#include "ui/history_model.h"

#include <QIcon>
#include <QSize>

#include "ui/thumbnail_cache.h"

namespace gesso::ui {

QString shortPrompt(const QString& parameters, int maxChars) {
  const QString text = promptOfParameters(parameters);
  if (maxChars <= 0 || text.size() <= maxChars) return text;
  return text.left(qMax(0, maxChars - 1)).trimmed() + QChar(0x2026);
}

QString galleryCaption(const HistoryEntry& entry, const QDate& today) {
  QString prompt = shortPrompt(entry.parameters, 60);  // the view elides it to the cell's width
  if (prompt.isEmpty()) prompt = HistoryModel::tr("(no prompt)");
  const QDateTime local = entry.created.toLocalTime();
  const QString when = local.date() == today ? local.toString(QStringLiteral("HH:mm:ss"))
                                             : local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
  //: The gallery's second caption line, e.g. "Seed 1234 · 14:03:12".
  return prompt + u'\n' + HistoryModel::tr("Seed %1 · %2").arg(entry.seed).arg(when);
}

HistoryModel::HistoryModel(HistoryStore& store, int pageSize, QObject* parent)
    : QAbstractListModel(parent),
      m_store(store),
      m_pageSize(qMax(1, pageSize)),
      m_thumbnails(std::make_unique<ThumbnailCache>(store)) {
  refresh();
}

HistoryModel::~HistoryModel() = default;

int HistoryModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const {
  const HistoryEntry* e = entryAt(index.row());
  if (!index.isValid() || !e) return {};
  switch (role) {
    case Qt::DisplayRole: return galleryCaption(*e);
    case Qt::DecorationRole: return m_thumbnails->icon(e->id);
    case Qt::ToolTipRole: return e->parameters;
    case IdRole: return e->id;
    case ImagePathRole: return e->imagePath;
    case ParametersRole: return e->parameters;
    case ModelNameRole: return e->modelName;
    case SeedRole: return e->seed;
    case SizeRole: return QSize(e->width, e->height);
    case CreatedRole: return e->created;
    case PromptRole: return shortPrompt(e->parameters, 0);
    case ThumbnailRole: return m_thumbnails->image(e->id);
    default: return {};
  }
}

QHash<int, QByteArray> HistoryModel::roleNames() const {
  QHash<int, QByteArray> names = QAbstractListModel::roleNames();
  names.insert(IdRole, "id");
  names.insert(ImagePathRole, "imagePath");
  names.insert(ParametersRole, "parameters");
  names.insert(ModelNameRole, "modelName");
  names.insert(SeedRole, "seed");
  names.insert(SizeRole, "size");
  names.insert(CreatedRole, "created");
  names.insert(PromptRole, "prompt");
  names.insert(ThumbnailRole, "thumbnail");
  return names;
}

bool HistoryModel::canFetchMore(const QModelIndex& parent) const {
  return !parent.isValid() && m_hasMore;
}

void HistoryModel::fetchMore(const QModelIndex& parent) {
  if (parent.isValid() || !m_hasMore) return;
  const HistoryQuery query{m_filter, false};
  const QList<HistoryEntry> page = m_store.list(m_pageSize, int(m_entries.size()), query);
  m_hasMore = page.size() == m_pageSize;
  if (page.isEmpty()) return;
  beginInsertRows(QModelIndex(), int(m_entries.size()), int(m_entries.size() + page.size() - 1));
  m_entries.append(page);
  endInsertRows();
}

const HistoryEntry* HistoryModel::entryAt(int row) const {
  if (row < 0 || row >= m_entries.size()) return nullptr;
  return &m_entries.at(row);
}

int HistoryModel::rowOf(qint64 id) const {
  for (int row = 0; row < m_entries.size(); ++row)
    if (m_entries.at(row).id == id) return row;
  return -1;
}

void HistoryModel::refresh() {
  beginResetModel();
  m_entries = m_store.list(m_pageSize, 0, HistoryQuery{m_filter, false});
  m_hasMore = m_entries.size() == m_pageSize;
  m_total = qMax(0, m_store.count(m_filter));
  endResetModel();
}

void HistoryModel::setPromptFilter(const QString& text) {
  const QString filter = text.simplified();
  if (filter == m_filter) return;
  m_filter = filter;
  refresh();
}

void HistoryModel::forgetThumbnail(qint64 id) { m_thumbnails->remove(id); }

}  // namespace gesso::ui
