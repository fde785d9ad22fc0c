#include "ui/gallery_view.h"

#include <QKeyEvent>

namespace gesso::ui {

namespace {
constexpr int kCaptionLines = 2;  // galleryCaption's: the prompt's start, then seed and time
constexpr int kCellMargin = 8;
}  // namespace

GalleryView::GalleryView(QWidget* parent) : QListView(parent) {
  setObjectName("galleryView");
  setViewMode(QListView::IconMode);
  setMovement(QListView::Static);
  setResizeMode(QListView::Adjust);
  setUniformItemSizes(true);  // thousands of rows: no per-row size query
  // Lays the rows out a batch at a time, so a long history never freezes the window.
  setLayoutMode(QListView::Batched);
  setBatchSize(200);
  // Each caption line elided on its own: wrapping would push the seed and time line out of the cell.
  setWordWrap(false);
  setTextElideMode(Qt::ElideRight);
  setSelectionMode(QAbstractItemView::SingleSelection);
  setContextMenuPolicy(Qt::CustomContextMenu);
  setThumbnailSize(kDefaultThumbnailSize);
}

void GalleryView::setThumbnailSize(int size) {
  size = qBound(kMinThumbnailSize, size, kMaxThumbnailSize);
  if (size == m_thumbnailSize) return;
  m_thumbnailSize = size;
  setIconSize(QSize(size, size));
  const int captionHeight = kCaptionLines * fontMetrics().lineSpacing();
  setGridSize(QSize(size + 2 * kCellMargin, size + captionHeight + 2 * kCellMargin));
  emit thumbnailSizeChanged(size);
}

// One column of the smallest thumbnails with room for the scroll bar: narrower, the dock is useless.
QSize GalleryView::minimumSizeHint() const {
  const int width = kMinThumbnailSize + 4 * kCellMargin + style()->pixelMetric(QStyle::PM_ScrollBarExtent);
  return {qMax(width, 160), 120};
}

// Two columns of the current size.
QSize GalleryView::sizeHint() const {
  const int width = 2 * gridSize().width() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 2 * frameWidth();
  return {qMax(width, minimumSizeHint().width()), 2 * gridSize().height()};
}

void GalleryView::keyPressEvent(QKeyEvent* event) {
  if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
    emit activatedByKey(currentIndex());
    return;
  }
  QListView::keyPressEvent(event);
}

}  // namespace gesso::ui
