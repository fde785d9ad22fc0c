#include "ui/image_view.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace gesso::ui {

ImageView::ImageView(QWidget* parent) : QWidget(parent), m_large(new QLabel(this)), m_strip(new QListWidget(this)) {
  setObjectName("imageView");
  m_large->setObjectName("canvas");
  m_large->setAlignment(Qt::AlignCenter);
  m_large->setMinimumSize(64, 64);
  m_large->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
  m_strip->setObjectName("resultStrip");
  m_strip->setViewMode(QListView::IconMode);
  m_strip->setFlow(QListView::LeftToRight);
  m_strip->setWrapping(false);
  m_strip->setIconSize(QSize(72, 72));
  m_strip->setFixedHeight(96);
  m_strip->hide();
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_large, 1);
  layout->addWidget(m_strip);
  connect(m_strip, &QListWidget::currentRowChanged, this, &ImageView::select);
  showMessage(tr("Open a model folder to start."));
}

void ImageView::showPreview(const QImage& preview) {
  if (preview.isNull()) return;
  m_shown = preview;
  rescale();
}

void ImageView::showImages(const QList<QImage>& images) {
  m_images = images;
  m_strip->clear();
  for (const QImage& image : images)
    m_strip->addItem(new QListWidgetItem(QIcon(QPixmap::fromImage(image.scaled(72, 72, Qt::KeepAspectRatio,
                                                                               Qt::SmoothTransformation))), QString()));
  m_strip->setVisible(images.size() > 1);
  if (images.isEmpty()) return;
  m_strip->setCurrentRow(0);
  select(0);
}

void ImageView::showMessage(const QString& text) {
  m_shown = QImage();
  m_large->setPixmap(QPixmap());
  m_large->setText(text);
}

QImage ImageView::currentImage() const {
  const int row = m_strip->currentRow();
  return row >= 0 && row < m_images.size() ? m_images[row] : (m_images.size() == 1 ? m_images[0] : QImage());
}

void ImageView::select(int index) {
  if (index < 0 || index >= m_images.size()) return;
  m_shown = m_images[index];
  rescale();
  emit currentImageChanged(m_shown);
}

void ImageView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  rescale();
}

void ImageView::rescale() {
  if (m_shown.isNull()) return;
  const QSize room = m_large->size();
  // Small images (a 64px preview) grow with sharp pixels; large ones shrink smoothly.
  const bool growing = m_shown.width() < room.width() && m_shown.height() < room.height();
  const QImage scaled = m_shown.scaled(room, Qt::KeepAspectRatio, growing ? Qt::FastTransformation : Qt::SmoothTransformation);
  m_large->setPixmap(QPixmap::fromImage(scaled));
}

}  // namespace gesso::ui
