#include "ui/history_model.h"

#include <QRegularExpression>
#include <QSize>

namespace gesso::ui {

QString shortPrompt(const QString& parameters, int maxChars) {
  QStringList lines = parameters.split(u'\n');
  // A1111's parser treats the last line as the settings list when it holds "Key: value" pairs.
  static const QRegularExpression settingsLine(QStringLiteral("^\\s*Steps: \\d+,"));
  if (lines.size() > 1 && settingsLine.match(lines.last()).hasMatch()) lines.removeLast();
  QStringList prompt;
  for (const QString& line : lines) {
    if (line.startsWith(QLatin1String("Negative prompt:"))) break;
    prompt << line;
  }
  const QString text = prompt.join(u' ').simplified();
  if (maxChars <= 0 || text.size() <= maxChars) return text;
  return text.left(qMax(0, maxChars - 1)).trimmed() + QChar(0x2026);
}

HistoryModel::HistoryModel(HistoryStore& store, int pageSize, QObject* parent)
    : QAbstractListModel(parent), m_store(store), m_pageSize(qMax(1, pageSize)) {
  refresh();
}

int HistoryModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const {
  const HistoryEntry* e = entryAt(index.row());
  if (!index.isValid() || !e) return {};
  switch (role) {
    case Qt::DisplayRole: return shortPrompt(e->parameters);
    case Qt::DecorationRole: return e->thumbnail;
    case Qt::ToolTipRole: return e->parameters;
    case IdRole: return e->id;
    case ImagePathRole: return e->imagePath;
    case ParametersRole: return e->parameters;
    case ModelNameRole: return e->modelName;
    case SeedRole: return e->seed;
    case SizeRole: return QSize(e->width, e->height);
    case CreatedRole: return e->created;
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
  return names;
}

bool HistoryModel::canFetchMore(const QModelIndex& parent) const {
  return !parent.isValid() && m_hasMore;
}

void HistoryModel::fetchMore(const QModelIndex& parent) {
  if (parent.isValid() || !m_hasMore) return;
  const QList<HistoryEntry> page = m_store.list(m_pageSize, int(m_entries.size()));
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

void HistoryModel::refresh() {
  beginResetModel();
  m_entries = m_store.list(m_pageSize, 0);
  m_hasMore = m_entries.size() == m_pageSize;
  endResetModel();
}

}  // namespace gesso::ui
