#pragma once
// The Generate presses waiting for the running one: one item per press (its batch-count jobs, run
// one after another), in the order they will run. The window takes the first when a run ends; the
// queue panel shows the items (a caption each), moves them up, down or by drag, and removes them.
// "Generate forever" is a flag here: the window asks for a new item when the queue runs dry.
#include <QAbstractListModel>
#include <QList>
#include <QString>

#include <optional>

#include "ui/engine_worker.h"

namespace gesso::ui {

struct QueueItem {
  // What the item makes: its results are shown and saved alike; an IF cascade's view also shows
  // its earlier stages, an upscale leaves the form's last seed alone.
  enum class Kind { Generation, DeepFloyd, Upscale };
  Kind kind = Kind::Generation;
  QList<EngineJob> jobs;  // A1111's batch count: one job per batch, each with its own seed
  QString caption;        // captionFor(), unless the caller has a better one
  quint64 id = 0;         // given by GenerationQueue::enqueue
};

// "a red cube on a table · 512×512 · 20 steps · txt2img · 2 × 4": the prompt's start, the size,
// the steps, the mode and, past one image, batch count × batch size.
QString captionFor(QueueItem::Kind kind, const QList<EngineJob>& jobs);

class GenerationQueue : public QAbstractListModel {
  Q_OBJECT

 public:
  static inline const QString kMimeType = QStringLiteral("application/x-gesso-queue-row");

  explicit GenerationQueue(QObject* parent = nullptr);

  // Appends the item (an empty caption becomes captionFor's) and returns its id (1, 2, ...).
  quint64 enqueue(QueueItem item);
  // The first item, removed from the queue; nullopt when it is empty.
  std::optional<QueueItem> takeFirst();
  const QueueItem& at(int row) const { return m_items.at(row); }
  int size() const { return static_cast<int>(m_items.size()); }
  bool isEmpty() const { return m_items.isEmpty(); }
  QList<quint64> ids() const;  // in queue order
  // Each false (and nothing changes) for a row out of range or a move past either end.
  bool moveUp(int row);
  bool moveDown(int row);
  bool remove(int row);
  void clear();

  // "Generate forever": when the queue runs dry, the window submits the form again (new seed).
  bool repeats() const { return m_repeat; }
  void setRepeat(bool repeat);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  // Dragging a row within the list moves it (the view's InternalMove): the row travels as its
  // number in kMimeType and the drop moves it; nothing is copied or removed by the view.
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
  QStringList mimeTypes() const override { return {kMimeType}; }
  QMimeData* mimeData(const QModelIndexList& indexes) const override;
  bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                    const QModelIndex& parent) override;
  bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count, const QModelIndex& destinationParent,
                int destinationChild) override;

 signals:
  void repeatChanged(bool repeat);

 private:
  QList<QueueItem> m_items;
  quint64 m_nextId = 1;
  bool m_repeat = false;
};

}  // namespace gesso::ui
