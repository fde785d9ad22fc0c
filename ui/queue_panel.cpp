#include "ui/queue_panel.h"

#include <QGridLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/generation_queue.h"

namespace gesso::ui {

namespace {

QPushButton* button(const QString& text, const QString& name, const QString& tip, QWidget* parent) {
  auto* b = new QPushButton(text, parent);
  b->setObjectName(name);
  b->setToolTip(tip);
  return b;
}

}  // namespace

QueuePanel::QueuePanel(GenerationQueue& queue, QWidget* parent)
    : QWidget(parent),
      m_queue(queue),
      m_running(new QLabel(this)),
      m_list(new QListView(this)),
      m_up(button(tr("Up"), "queueUpButton", tr("Run the selected item earlier"), this)),
      m_down(button(tr("Down"), "queueDownButton", tr("Run the selected item later"), this)),
      m_remove(button(tr("Remove"), "queueRemoveButton", tr("Take the selected item out of the queue"), this)),
      m_clear(button(tr("Clear"), "queueClearButton", tr("Empty the queue (the running item goes on)"), this)),
      m_forever(button(tr("Generate forever"), "generateForeverButton",
                       tr("When the queue is empty, generate again from the form with a new random seed, until "
                          "this is turned off"),
                       this)) {
  setObjectName("queuePanel");
  m_running->setObjectName("queueRunningLabel");
  m_running->setWordWrap(true);
  m_list->setObjectName("queueList");
  m_list->setModel(&m_queue);
  m_list->setSelectionMode(QAbstractItemView::SingleSelection);
  m_list->setDragDropMode(QAbstractItemView::InternalMove);
  m_list->setDefaultDropAction(Qt::MoveAction);
  m_list->setDropIndicatorShown(true);
  m_list->setWordWrap(true);
  m_list->setTextElideMode(Qt::ElideMiddle);
  m_forever->setCheckable(true);
  m_forever->setChecked(m_queue.repeats());
  setRunning({});

  auto* buttons = new QGridLayout;
  buttons->addWidget(m_up, 0, 0);
  buttons->addWidget(m_down, 0, 1);
  buttons->addWidget(m_remove, 1, 0);
  buttons->addWidget(m_clear, 1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(m_running);
  layout->addWidget(m_list, 1);
  layout->addLayout(buttons);
  layout->addWidget(m_forever);

  connect(m_up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
  connect(m_down, &QPushButton::clicked, this, [this] { moveCurrent(+1); });
  connect(m_remove, &QPushButton::clicked, this, &QueuePanel::removeCurrent);
  connect(m_clear, &QPushButton::clicked, &m_queue, &GenerationQueue::clear);
  connect(m_forever, &QPushButton::toggled, &m_queue, &GenerationQueue::setRepeat);
  connect(&m_queue, &GenerationQueue::repeatChanged, m_forever, &QPushButton::setChecked);
  connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &QueuePanel::updateButtons);
  connect(&m_queue, &QAbstractItemModel::rowsInserted, this, &QueuePanel::updateButtons);
  connect(&m_queue, &QAbstractItemModel::rowsRemoved, this, &QueuePanel::updateButtons);
  connect(&m_queue, &QAbstractItemModel::rowsMoved, this, &QueuePanel::updateButtons);
  connect(&m_queue, &QAbstractItemModel::modelReset, this, &QueuePanel::updateButtons);
  updateButtons();
}

void QueuePanel::setRunning(const QString& caption) {
  m_running->setText(caption.isEmpty() ? tr("Nothing is running. Generate while a run is going adds to the queue.")
                                       : tr("Running: %1").arg(caption));
}

QString QueuePanel::runningText() const { return m_running->text(); }

int QueuePanel::currentRow() const {
  const QModelIndex index = m_list->currentIndex();
  return index.isValid() ? index.row() : -1;
}

void QueuePanel::setCurrentRow(int row) { m_list->setCurrentIndex(m_queue.index(row, 0)); }

void QueuePanel::moveCurrent(int delta) {
  const int row = currentRow();
  if (delta < 0 ? m_queue.moveUp(row) : m_queue.moveDown(row)) setCurrentRow(row + delta);
}

void QueuePanel::removeCurrent() {
  const int row = currentRow();
  if (!m_queue.remove(row)) return;
  setCurrentRow(qMin(row, m_queue.size() - 1));
}

void QueuePanel::updateButtons() {
  const int row = currentRow();
  m_up->setEnabled(row > 0);
  m_down->setEnabled(row >= 0 && row + 1 < m_queue.size());
  m_remove->setEnabled(row >= 0);
  m_clear->setEnabled(!m_queue.isEmpty());
}

}  // namespace gesso::ui
