#include "ui/image_viewer.h"

#include <QAction>
#include <QImageReader>
#include <QKeySequence>
#include <QLabel>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <cmath>

#include "ui/history_model.h"

namespace gesso::ui {

// Draws the image through a scaled painter, so 800 % of a 2048 px image costs no 16k x 16k pixmap.
class ImageCanvas : public QWidget {
 public:
  explicit ImageCanvas(QWidget* parent) : QWidget(parent) {}

  void show(const QImage& image, double zoom) {
    m_image = image;
    m_zoom = zoom;
    setFixedSize(QSize(int(std::lround(image.width() * zoom)), int(std::lround(image.height() * zoom))));
    update();
  }

 protected:
  void paintEvent(QPaintEvent* event) override {
    if (m_image.isNull()) return;
    QPainter painter(this);
    painter.setClipRect(event->rect());
    // Smooth when shrinking; nearest when enlarging, so a zoomed image shows its real pixels.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom < 1.0);
    painter.scale(m_zoom, m_zoom);
    painter.drawImage(0, 0, m_image);
  }

 private:
  QImage m_image;
  double m_zoom = 1.0;
};

ImageViewer::ImageViewer(HistoryModel& model, QWidget* parent)
    : QDialog(parent),
      m_model(model),
      m_scroll(new QScrollArea(this)),
      m_canvas(new ImageCanvas(m_scroll)),
      m_message(new QLabel(this)),
      m_status(new QLabel(this)) {
  setObjectName("imageViewer");
  setWindowTitle(tr("Image"));
  m_scroll->setObjectName("imageViewerScroll");
  m_scroll->setWidget(m_canvas);
  m_scroll->setAlignment(Qt::AlignCenter);
  m_scroll->setBackgroundRole(QPalette::Dark);
  m_scroll->viewport()->installEventFilter(this);
  m_message->setObjectName("imageViewerMessage");
  m_message->setWordWrap(true);
  m_message->hide();
  m_status->setObjectName("imageViewerStatus");
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  buildToolBar();
  layout->addWidget(m_message);
  layout->addWidget(m_scroll, 1);
  layout->addWidget(m_status);
  resize(900, 760);
  connect(&m_model, &QAbstractItemModel::modelReset, this, &ImageViewer::onModelReset);
}

void ImageViewer::buildToolBar() {
  auto* bar = new QToolBar(this);
  bar->setObjectName("imageViewerToolBar");
  bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  m_previous = bar->addAction(tr("◀ Previous"), this, &ImageViewer::previous);
  m_previous->setShortcuts({QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_PageUp)});
  m_next = bar->addAction(tr("Next ▶"), this, &ImageViewer::next);
  m_next->setShortcuts({QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_PageDown)});
  bar->addSeparator();
  bar->addAction(tr("Zoom out"), this, &ImageViewer::zoomOut)
      ->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence(QKeySequence::ZoomOut)});
  bar->addAction(tr("Zoom in"), this, &ImageViewer::zoomIn)
      ->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence(QKeySequence::ZoomIn)});
  bar->addAction(tr("Fit"), this, &ImageViewer::fitToWindow)->setShortcut(QKeySequence(Qt::Key_F));
  bar->addAction(tr("100 %"), this, &ImageViewer::actualSize)->setShortcut(QKeySequence(Qt::Key_0));
  layout()->addWidget(bar);
}

QString ImageViewer::message() const { return m_message->isHidden() ? QString() : m_message->text(); }

bool ImageViewer::showRow(int row) {
  const HistoryEntry* entry = m_model.entryAt(row);
  if (!entry) return false;
  m_row = row;
  m_id = entry->id;
  QImageReader reader(entry->imagePath);
  m_image = reader.read();
  m_message->setVisible(m_image.isNull());
  m_message->setText(m_image.isNull() ? tr("Cannot read %1: the file was moved or deleted.").arg(entry->imagePath)
                                      : QString());
  const QString prompt = shortPrompt(entry->parameters, 80);
  setWindowTitle(prompt.isEmpty() ? tr("Image") : prompt);
  fitToWindow();
  emit currentRowChanged(row);
  return true;
}

bool ImageViewer::next() {
  if (m_row + 1 >= m_model.rowCount() && m_model.canFetchMore(QModelIndex())) m_model.fetchMore(QModelIndex());
  return showRow(m_row + 1);
}

bool ImageViewer::previous() { return m_row > 0 && showRow(m_row - 1); }

void ImageViewer::zoomIn() { setZoom(m_zoom * kZoomStep); }

void ImageViewer::zoomOut() { setZoom(m_zoom / kZoomStep); }

void ImageViewer::setZoom(double zoom) {
  m_fit = false;
  m_zoom = qBound(kMinZoom, zoom, kMaxZoom);
  applyZoom();
}

void ImageViewer::fitToWindow() {
  m_fit = true;
  applyZoom();
}

void ImageViewer::actualSize() { setZoom(1.0); }

// The whole image in the viewport, enlarged too (a 64 px thumbnail-sized result is worth seeing).
double ImageViewer::fitZoom() const {
  if (m_image.isNull()) return 1.0;
  const QSize room = m_scroll->viewport()->size();
  const double zoom = qMin(double(room.width()) / m_image.width(), double(room.height()) / m_image.height());
  return qBound(kMinZoom, zoom, kMaxZoom);
}

void ImageViewer::applyZoom() {
  // In fit mode the image never needs scroll bars; they would take room and change the fit. Set
  // first, so the fit below measures the viewport without them.
  const Qt::ScrollBarPolicy policy = m_fit ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded;
  m_scroll->setHorizontalScrollBarPolicy(policy);
  m_scroll->setVerticalScrollBarPolicy(policy);
  if (m_fit) m_zoom = fitZoom();
  m_canvas->show(m_image, m_zoom);
  updateStatus();
}

void ImageViewer::updateStatus() {
  const int total = m_model.totalCount();
  QString text = tr("%1 of %2").arg(m_row + 1).arg(qMax(total, m_model.rowCount()));
  if (!m_image.isNull())
    text += QStringLiteral(" · %1×%2 · %3 %").arg(m_image.width()).arg(m_image.height()).arg(std::lround(m_zoom * 100));
  m_status->setText(text);
  m_previous->setEnabled(m_row > 0);
  m_next->setEnabled(m_row + 1 < m_model.rowCount() || m_model.canFetchMore(QModelIndex()));
}

void ImageViewer::onModelReset() {
  m_row = m_model.rowOf(m_id);  // a new result or a removal shifts the rows; -1 when gone
  updateStatus();
}

bool ImageViewer::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_scroll->viewport()) {
    if (event->type() == QEvent::Resize && m_fit) {
      applyZoom();
    } else if (event->type() == QEvent::Wheel) {
      auto* wheel = static_cast<QWheelEvent*>(event);
      if (wheel->modifiers() & Qt::ControlModifier) {
        wheel->angleDelta().y() > 0 ? zoomIn() : zoomOut();
        return true;
      }
    }
  }
  return QDialog::eventFilter(watched, event);
}

}  // namespace gesso::ui
