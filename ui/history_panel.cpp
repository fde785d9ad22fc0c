#include "ui/history_panel.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QFileDialog>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QVBoxLayout>

#include "ui/history_model.h"
#include "ui/history_store.h"
#include "ui/output_naming.h"

namespace gesso::ui {

HistoryPanel::HistoryPanel(HistoryStore& store, QWidget* parent)
    : QWidget(parent), m_store(store), m_model(new HistoryModel(store, 100, this)), m_view(new QListView(this)) {
  setObjectName("historyPanel");
  m_view->setObjectName("historyView");
  m_view->setModel(m_model);
  m_view->setViewMode(QListView::IconMode);
  m_view->setIconSize(QSize(128, 128));
  m_view->setGridSize(QSize(140, 160));
  m_view->setResizeMode(QListView::Adjust);
  m_view->setUniformItemSizes(true);
  m_view->setWordWrap(true);
  m_view->setContextMenuPolicy(Qt::CustomContextMenu);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_view);
  connect(m_view, &QListView::customContextMenuRequested, this, &HistoryPanel::showMenu);
  connect(m_view, &QListView::doubleClicked, this, [this](const QModelIndex& i) { viewFullSize(i.row()); });
}

void HistoryPanel::refresh() { m_model->refresh(); }

void HistoryPanel::showMenu(const QPoint& pos) {
  const int row = m_view->indexAt(pos).row();
  if (row < 0) return;
  QMenu menu(this);
  menu.addAction(tr("View full size"), this, [this, row] { viewFullSize(row); });
  menu.addAction(tr("Copy parameters"), this, [this, row] { copyParameters(row); });
  menu.addAction(tr("Reuse parameters"), this, [this, row] { reuseParameters(row); });
  menu.addSeparator();
  menu.addAction(tr("Send to image to image"), this, [this, row] { sendToImg2Img(row); });
  menu.addAction(tr("Send to inpaint"), this, [this, row] { sendToInpaint(row); });
  menu.addAction(tr("Upscale x4…"), this, [this, row] { upscale(row); });
  menu.addSeparator();
  menu.addAction(tr("Save as…"), this, [this, row] { saveAs(row, QString()); });
  menu.addAction(tr("Delete…"), this, [this, row] {
    const auto answer = QMessageBox::question(this, tr("Delete result"),
                                              tr("Remove this result from the history and delete its image file?"),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes) deleteEntry(row, true);
  });
  menu.exec(m_view->viewport()->mapToGlobal(pos));
}

QImage HistoryPanel::loadImage(int row) {
  const HistoryEntry* e = m_model->entryAt(row);
  if (!e) return {};
  QImage image(e->imagePath);
  if (image.isNull()) emit failed(tr("Cannot read %1: the file was moved or deleted.").arg(e->imagePath));
  return image;
}

void HistoryPanel::viewFullSize(int row) {
  const QImage image = loadImage(row);
  if (image.isNull()) return;
  auto* dialog = new QDialog(this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(m_model->entryAt(row)->imagePath);
  auto* label = new QLabel(dialog);
  label->setPixmap(QPixmap::fromImage(image));
  auto* scroll = new QScrollArea(dialog);
  scroll->setWidget(label);
  auto* layout = new QVBoxLayout(dialog);
  layout->addWidget(scroll);
  dialog->resize(qMin(image.width() + 40, 1400), qMin(image.height() + 40, 1000));
  dialog->show();
}

void HistoryPanel::copyParameters(int row) {
  if (const HistoryEntry* e = m_model->entryAt(row)) QApplication::clipboard()->setText(e->parameters);
}

void HistoryPanel::reuseParameters(int row) {
  if (const HistoryEntry* e = m_model->entryAt(row)) emit parametersReused(e->parameters);
}

void HistoryPanel::sendToImg2Img(int row) {
  const QImage image = loadImage(row);
  if (!image.isNull()) emit imageSentToImg2Img(image, m_model->entryAt(row)->parameters);
}

void HistoryPanel::sendToInpaint(int row) {
  const QImage image = loadImage(row);
  if (!image.isNull()) emit imageSentToInpaint(image, m_model->entryAt(row)->parameters);
}

void HistoryPanel::upscale(int row) {
  const QImage image = loadImage(row);
  if (!image.isNull()) emit upscaleRequested(image, m_model->entryAt(row)->parameters);
}

bool HistoryPanel::saveAs(int row, const QString& requested) {
  const HistoryEntry* e = m_model->entryAt(row);
  if (!e) return false;
  const QString path = requested.isEmpty()
                           ? QFileDialog::getSaveFileName(this, tr("Save image as"), e->imagePath, tr("PNG images (*.png)"))
                           : requested;
  if (path.isEmpty()) return false;
  const QImage image = loadImage(row);
  QString error;
  if (image.isNull() || !writeImageAtomically(image, path, e->parameters, &error)) {
    emit failed(error.isEmpty() ? tr("Cannot read %1.").arg(e->imagePath) : error);
    return false;
  }
  return true;
}

bool HistoryPanel::deleteEntry(int row, bool deleteFile) {
  const HistoryEntry* e = m_model->entryAt(row);
  if (!e) return false;
  const bool ok = m_store.remove(e->id, deleteFile);
  if (!ok) emit failed(m_store.lastError());
  m_model->refresh();
  return ok;
}

}  // namespace gesso::ui
