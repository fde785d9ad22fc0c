#pragma once
// The queue dock: what runs now, the Generate presses waiting after it (GenerationQueue), buttons
// to move the selected one up or down (or drag it), remove it or clear the queue, and "Generate
// forever" (A1111's: the form again, with a new seed, whenever the queue runs dry, until turned off).
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace gesso::ui {

class GenerationQueue;

class QueuePanel : public QWidget {
  Q_OBJECT

 public:
  explicit QueuePanel(GenerationQueue& queue, QWidget* parent = nullptr);

  // The running item's caption; "" when nothing runs.
  void setRunning(const QString& caption);
  QString runningText() const;

  QListView* list() const { return m_list; }
  int currentRow() const;  // -1 without a selection
  void setCurrentRow(int row);
  QPushButton* upButton() const { return m_up; }
  QPushButton* downButton() const { return m_down; }
  QPushButton* removeButton() const { return m_remove; }
  QPushButton* clearButton() const { return m_clear; }
  QPushButton* foreverButton() const { return m_forever; }

 private:
  void moveCurrent(int delta);
  void removeCurrent();
  void updateButtons();

  GenerationQueue& m_queue;
  QLabel* m_running;
  QListView* m_list;
  QPushButton* m_up;
  QPushButton* m_down;
  QPushButton* m_remove;
  QPushButton* m_clear;
  QPushButton* m_forever;
};

}  // namespace gesso::ui
