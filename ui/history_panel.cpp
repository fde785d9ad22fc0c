#include "ui/history_panel.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QShortcut>
#include <QSlider>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include "ui/gallery_view.h"
#include "ui/history_info_panel.h"
#include "ui/history_model.h"
#include "ui/history_store.h"
#include "ui/image_viewer.h"
#include "ui/output_naming.h"

namespace gesso::ui {

namespace {
constexpr int kSearchDelayMs = 250;  // typing pauses this long before the gallery is searched
constexpr int kSizeStep = 16;
}  // namespace

HistoryPanel::HistoryPanel(HistoryStore& store, QWidget* parent)
    : QWidget(parent),
      m_store(store),
      m_model(new HistoryModel(store, 100, this)),
      m_view(new GalleryView(this)),
      m_info(new HistoryInfoPanel(this)) {
  setObjectName("historyPanel");
  m_view->setObjectName("historyView");
  m_view->setModel(m_model);
  auto* infoScroll = new QScrollArea(this);
  infoScroll->setWidget(m_info);
  infoScroll->setWidgetResizable(true);
  infoScroll->setFrameShape(QFrame::NoFrame);
  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->setObjectName("historySplitter");
  splitter->setChildrenCollapsible(false);
  splitter->addWidget(m_view);
  splitter->addWidget(infoScroll);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);
  splitter->setSizes({420, 260});  // room for the prompt and the settings under the grid
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(buildSearchRow());
  layout->addWidget(splitter, 1);
  layout->addWidget(buildSizeRow());

  connect(m_view, &QListView::customContextMenuRequested, this, &HistoryPanel::showMenu);
  connect(m_view, &QListView::doubleClicked, this, [this](const QModelIndex& i) { viewFullSize(i.row()); });
  connect(m_view, &GalleryView::activatedByKey, this, [this](const QModelIndex& i) { viewFullSize(i.row()); });
  connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &HistoryPanel::onCurrentChanged);
  connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryPanel::onCurrentChanged);
  auto* remove = new QShortcut(QKeySequence::Delete, m_view, nullptr, nullptr, Qt::WidgetShortcut);
  connect(remove, &QShortcut::activated, this, [this] { confirmDelete(m_view->currentIndex().row()); });
  updateCount();
}

QWidget* HistoryPanel::buildSearchRow() {
  auto* row = new QWidget(this);
  m_search = new QLineEdit(row);
  m_search->setObjectName("historySearch");
  m_search->setPlaceholderText(tr("Search prompts"));
  m_search->setClearButtonEnabled(true);
  m_search->setToolTip(tr("Shows the images whose prompt holds every word typed here (case aside)."));
  m_count = new QLabel(row);
  m_count->setObjectName("historyCount");
  m_searchDelay = new QTimer(this);
  m_searchDelay->setSingleShot(true);
  m_searchDelay->setInterval(kSearchDelayMs);
  connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
  connect(m_searchDelay, &QTimer::timeout, this, [this] { search(m_search->text()); });
  connect(m_search, &QLineEdit::returnPressed, this, [this] { search(m_search->text()); });
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(2, 2, 2, 0);
  layout->addWidget(m_search, 1);
  layout->addWidget(m_count);
  return row;
}

QWidget* HistoryPanel::buildSizeRow() {
  auto* row = new QWidget(this);
  auto* label = new QLabel(tr("Thumbnails"), row);
  m_sizeSlider = new QSlider(Qt::Horizontal, row);
  m_sizeSlider->setObjectName("historyThumbnailSize");
  m_sizeSlider->setRange(GalleryView::kMinThumbnailSize, GalleryView::kMaxThumbnailSize);
  m_sizeSlider->setSingleStep(kSizeStep);
  m_sizeSlider->setPageStep(4 * kSizeStep);
  m_sizeSlider->setValue(m_view->thumbnailSize());
  m_sizeSlider->setToolTip(tr("The size of the thumbnails"));
  label->setBuddy(m_sizeSlider);
  connect(m_sizeSlider, &QSlider::valueChanged, m_view, &GalleryView::setThumbnailSize);
  connect(m_view, &GalleryView::thumbnailSizeChanged, m_sizeSlider, &QSlider::setValue);
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(2, 0, 2, 2);
  layout->addWidget(label);
  layout->addWidget(m_sizeSlider, 1);
  return row;
}

void HistoryPanel::refresh() {
  const QModelIndex current = m_view->currentIndex();
  const qint64 id = current.isValid() ? m_model->data(current, HistoryModel::IdRole).toLongLong() : 0;
  m_model->refresh();
  if (id) selectRow(m_model->rowOf(id));
  updateCount();
}

void HistoryPanel::search(const QString& text) {
  m_searchDelay->stop();
  if (m_search->text() != text) {
    const QSignalBlocker block(m_search);  // no second, delayed search for the same text
    m_search->setText(text);
  }
  m_model->setPromptFilter(text);
  updateCount();
}

void HistoryPanel::selectRow(int row) {
  const QModelIndex index = m_model->index(row);
  if (!index.isValid()) {
    m_view->selectionModel()->clear();
    return;
  }
  m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
  m_view->scrollTo(index);
}

void HistoryPanel::onCurrentChanged() {
  const QModelIndex current = m_view->currentIndex();
  m_info->showEntry(current.isValid() ? m_model->entryAt(current.row()) : nullptr);
}

void HistoryPanel::updateCount() {
  const int total = m_model->totalCount();
  m_count->setText(m_model->promptFilter().isEmpty() ? tr("%n image(s)", nullptr, total)
                                                     : tr("%n found", nullptr, total));
}

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
  menu.addAction(tr("Delete…"), this, [this, row] { confirmDelete(row); });
  menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void HistoryPanel::confirmDelete(int row) {
  if (!m_model->entryAt(row)) return;
  const auto answer = QMessageBox::question(this, tr("Delete result"),
                                            tr("Remove this result from the history and delete its image file?"),
                                            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
  if (answer == QMessageBox::Yes) deleteEntry(row, true);
}

QImage HistoryPanel::loadImage(int row) {
  const HistoryEntry* e = m_model->entryAt(row);
  if (!e) return {};
  QImage image(e->imagePath);
  if (image.isNull()) emit failed(tr("Cannot read %1: the file was moved or deleted.").arg(e->imagePath));
  return image;
}

ImageViewer* HistoryPanel::viewer() const { return m_viewer.data(); }

void HistoryPanel::viewFullSize(int row) {
  if (!m_model->entryAt(row)) return;
  if (!m_viewer) {
    m_viewer = new ImageViewer(*m_model, this);
    m_viewer->setAttribute(Qt::WA_DeleteOnClose);
    // The grid and the info panel follow the viewer's previous / next.
    connect(m_viewer, &ImageViewer::currentRowChanged, this, &HistoryPanel::selectRow);
  }
  m_viewer->show();  // before showRow, so the fit uses the window's real size
  m_viewer->showRow(row);
  m_viewer->raise();
  m_viewer->activateWindow();
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
  const qint64 id = e->id;
  const bool ok = m_store.remove(id, deleteFile);
  if (!ok) emit failed(m_store.lastError());
  m_model->forgetThumbnail(id);
  refresh();
  // The neighbour that took its place is selected, so several can be deleted in a row.
  if (ok) selectRow(qMin(row, m_model->rowCount() - 1));
  return ok;
}

}  // namespace gesso::ui
