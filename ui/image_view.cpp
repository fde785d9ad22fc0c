#include "ui/image_view.h"

#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QVBoxLayout>

namespace gesso::ui {

constexpr int kHintMargin = 24;  // px around a hint's text, which wraps

ImageView::ImageView(QWidget* parent)
    : QWidget(parent), m_caption(new QLabel(this)), m_large(new QLabel(this)), m_strip(new QListWidget(this)) {
  setObjectName("imageView");
  m_caption->setObjectName("viewCaption");
  m_caption->setAlignment(Qt::AlignCenter);
  m_caption->hide();
  m_large->setObjectName("canvas");
  m_large->setAlignment(Qt::AlignCenter);
  // The hints are sentences, longer than the area is wide in German and often in English: wrapped,
  // with room at the sides (showMessage), rather than cut off at both ends.
  m_large->setWordWrap(true);
  m_large->setMinimumSize(64, 64);
  m_large->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
  m_large->setContextMenuPolicy(Qt::CustomContextMenu);
  m_strip->setObjectName("resultStrip");
  m_strip->setViewMode(QListView::IconMode);
  m_strip->setFlow(QListView::LeftToRight);
  m_strip->setWrapping(false);
  m_strip->setIconSize(QSize(72, 72));
  m_strip->setFixedHeight(96);
  m_strip->hide();
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_caption);
  layout->addWidget(m_large, 1);
  layout->addWidget(m_strip);
  connect(m_strip, &QListWidget::currentRowChanged, this, &ImageView::select);
  connect(m_large, &QLabel::customContextMenuRequested, this, &ImageView::showMenu);
  showMessage(tr("Open a model folder to start."));
}

void ImageView::showPreview(const QImage& preview, const QString& caption) {
  if (preview.isNull()) return;
  m_shown = preview;
  setCaption(caption);
  rescale();
}

void ImageView::showImages(const QList<QImage>& images, const QStringList& parameters, const QStringList& captions) {
  m_images = images;
  m_parameters = parameters;
  m_captions = captions;
  m_strip->clear();
  for (int i = 0; i < images.size(); ++i) {
    const QIcon icon(QPixmap::fromImage(images[i].scaled(72, 72, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    auto* item = new QListWidgetItem(icon, QString());
    item->setToolTip(captions.value(i));
    m_strip->addItem(item);
  }
  m_strip->setVisible(images.size() > 1);
  if (images.isEmpty()) return;
  m_strip->setCurrentRow(0);
  select(0);
}

void ImageView::showMessage(const QString& text) {
  m_shown = QImage();
  setCaption(QString());
  m_large->setPixmap(QPixmap());
  m_large->setMargin(kHintMargin);
  m_large->setText(text);
}

int ImageView::currentIndex() const {
  const int row = m_strip->currentRow();
  return row >= 0 && row < m_images.size() ? row : (m_images.size() == 1 ? 0 : -1);
}

QImage ImageView::currentImage() const {
  const int index = currentIndex();
  return index >= 0 ? m_images[index] : QImage();
}

QString ImageView::currentParameters() const { return m_parameters.value(currentIndex()); }

QString ImageView::caption() const { return m_caption->isVisibleTo(this) ? m_caption->text() : QString(); }

void ImageView::select(int index) {
  if (index < 0 || index >= m_images.size()) return;
  m_shown = m_images[index];
  setCaption(m_captions.value(index));
  rescale();
  emit currentImageChanged(m_shown);
}

void ImageView::setCaption(const QString& text) {
  m_caption->setText(text);
  m_caption->setVisible(!text.isEmpty());
}

void ImageView::showMenu(const QPoint& pos) {
  const QImage image = currentImage();
  if (image.isNull()) return;  // a preview or a message: nothing finished to act on
  QMenu menu(this);
  const QString parameters = currentParameters();
  menu.addAction(tr("Upscale x4…"), this, [this, image, parameters] { emit upscaleRequested(image, parameters); });
  menu.exec(m_large->mapToGlobal(pos));
}

void ImageView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  rescale();
}

void ImageView::rescale() {
  if (m_shown.isNull()) return;
  m_large->setMargin(0);  // the hint's, not the image's
  const QSize room = m_large->size();
  // Small images (a 64px preview) grow with sharp pixels; large ones shrink smoothly.
  const bool growing = m_shown.width() < room.width() && m_shown.height() < room.height();
  const QImage scaled = m_shown.scaled(room, Qt::KeepAspectRatio, growing ? Qt::FastTransformation : Qt::SmoothTransformation);
  m_large->setPixmap(QPixmap::fromImage(scaled));
}

}  // namespace gesso::ui
