#include "ui/generation_queue.h"

#include <QMimeData>

namespace gesso::ui {
namespace {

constexpr int kPromptChars = 40;  // enough to tell queued prompts apart in a dock's width

QString promptStart(const std::string& prompt) {
  QString text = QString::fromStdString(prompt).simplified();
  if (text.isEmpty()) return GenerationQueue::tr("(no prompt)");
  if (text.size() > kPromptChars) text = text.left(kPromptChars - 1).trimmed() + QStringLiteral("…");
  return text;
}

QString sizeText(int width, int height) {
  return width > 0 && height > 0 ? QStringLiteral("%1×%2").arg(width).arg(height) : QString();
}

QString stepsText(int steps) {
  return steps == 1 ? GenerationQueue::tr("1 step") : GenerationQueue::tr("%1 steps").arg(steps);
}

QString modeText(pipelines::PipelineKind kind) {
  switch (kind) {
    case pipelines::PipelineKind::kImg2Img: return GenerationQueue::tr("img2img");
    case pipelines::PipelineKind::kInpaint: return GenerationQueue::tr("inpaint");
    default: return GenerationQueue::tr("txt2img");
  }
}

// Prompt, size, steps and mode of one job, in that order ("" parts left out).
QStringList jobParts(const EngineJob& job) {
  if (const auto* r = std::get_if<pipelines::GenerationRequest>(&job))
    return {promptStart(r->prompt), sizeText(r->width, r->height), stepsText(r->steps), modeText(r->pipeline)};
  if (const auto* r = std::get_if<pipelines::IFRequest>(&job))
    return {promptStart(r->prompt), sizeText(r->width, r->height), stepsText(r->stage1.steps),
            GenerationQueue::tr("DeepFloyd IF")};
  const auto& r = std::get<pipelines::UpscaleRequest>(job);
  return {promptStart(r.prompt), sizeText(r.image.width, r.image.height), stepsText(r.settings.steps),
          GenerationQueue::tr("Upscale x4")};
}

int imagesPerJob(const EngineJob& job) {
  if (const auto* r = std::get_if<pipelines::GenerationRequest>(&job)) return r->num_images;
  if (const auto* r = std::get_if<pipelines::IFRequest>(&job)) return r->num_images;
  return 1;
}

}  // namespace

QString captionFor(QueueItem::Kind, const QList<EngineJob>& jobs) {
  if (jobs.isEmpty()) return GenerationQueue::tr("(nothing to run)");
  QStringList parts = jobParts(jobs.first());
  const int size = imagesPerJob(jobs.first());
  if (jobs.size() > 1 || size > 1) parts << QStringLiteral("%1 × %2").arg(jobs.size()).arg(size);
  parts.removeAll(QString());
  return parts.join(QStringLiteral(" · "));
}

GenerationQueue::GenerationQueue(QObject* parent) : QAbstractListModel(parent) {}

quint64 GenerationQueue::enqueue(QueueItem item) {
  item.id = m_nextId++;
  if (item.caption.isEmpty()) item.caption = captionFor(item.kind, item.jobs);
  const int row = size();
  beginInsertRows({}, row, row);
  m_items.append(std::move(item));
  endInsertRows();
  return m_items.last().id;
}

std::optional<QueueItem> GenerationQueue::takeFirst() {
  if (m_items.isEmpty()) return std::nullopt;
  beginRemoveRows({}, 0, 0);
  QueueItem item = m_items.takeFirst();
  endRemoveRows();
  return item;
}

QList<quint64> GenerationQueue::ids() const {
  QList<quint64> out;
  for (const auto& item : m_items) out << item.id;
  return out;
}

bool GenerationQueue::moveUp(int row) { return moveRows({}, row, 1, {}, row - 1); }

// moveRows' destination is the row the item goes before: two down from where it is.
bool GenerationQueue::moveDown(int row) { return moveRows({}, row, 1, {}, row + 2); }

bool GenerationQueue::remove(int row) {
  if (row < 0 || row >= size()) return false;
  beginRemoveRows({}, row, row);
  m_items.removeAt(row);
  endRemoveRows();
  return true;
}

void GenerationQueue::clear() {
  if (m_items.isEmpty()) return;
  beginResetModel();
  m_items.clear();
  endResetModel();
}

void GenerationQueue::setRepeat(bool repeat) {
  if (repeat == m_repeat) return;
  m_repeat = repeat;
  emit repeatChanged(repeat);
}

int GenerationQueue::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : size(); }

QVariant GenerationQueue::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= size()) return {};
  const QueueItem& item = m_items.at(index.row());
  switch (role) {
    case Qt::DisplayRole: return QStringLiteral("%1. %2").arg(index.row() + 1).arg(item.caption);
    case Qt::ToolTipRole: return item.caption;
    case Qt::UserRole: return item.id;
    default: return {};
  }
}

Qt::ItemFlags GenerationQueue::flags(const QModelIndex& index) const {
  // Rows take no drop onto themselves: a drop lands between rows (or on the list's empty end).
  if (!index.isValid()) return Qt::ItemIsDropEnabled;
  return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsDragEnabled;
}

QMimeData* GenerationQueue::mimeData(const QModelIndexList& indexes) const {
  if (indexes.isEmpty()) return nullptr;
  auto* mime = new QMimeData;
  mime->setData(kMimeType, QByteArray::number(indexes.first().row()));
  return mime;
}

bool GenerationQueue::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int, const QModelIndex& parent) {
  if (action != Qt::MoveAction || !data || !data->hasFormat(kMimeType)) return false;
  bool ok = false;
  const int from = data->data(kMimeType).toInt(&ok);
  if (!ok) return false;
  int to = row >= 0 ? row : parent.isValid() ? parent.row() : size();  // on a row: before it; past the end: last
  moveRows({}, from, 1, {}, to);
  // false: the move is done; the view must not also remove the dragged row as a MoveAction's source.
  return false;
}

bool GenerationQueue::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                               const QModelIndex& destinationParent, int destinationChild) {
  if (sourceParent.isValid() || destinationParent.isValid() || count != 1) return false;
  if (sourceRow < 0 || sourceRow >= size() || destinationChild < 0 || destinationChild > size()) return false;
  // A move onto itself or just past itself changes nothing (and Qt's beginMoveRows refuses it).
  if (destinationChild == sourceRow || destinationChild == sourceRow + 1) return false;
  beginMoveRows({}, sourceRow, sourceRow, {}, destinationChild);
  m_items.move(sourceRow, destinationChild > sourceRow ? destinationChild - 1 : destinationChild);
  endMoveRows();
  return true;
}

}  // namespace gesso::ui
