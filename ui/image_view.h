#pragma once
// The result area: the step preview while a run goes, then the images it made (several of a
// batch side by side in a strip below the large one), scaled to fit without blurring small images.
#include <QImage>
#include <QList>
#include <QWidget>

class QLabel;
class QListWidget;

namespace gesso::ui {

class ImageView : public QWidget {
  Q_OBJECT

 public:
  explicit ImageView(QWidget* parent = nullptr);

  void showPreview(const QImage& preview);  // a run's latest step, shown until the results come
  void showImages(const QList<QImage>& images);
  void showMessage(const QString& text);    // no image: a hint or an error
  QImage currentImage() const;              // the image in the large view (null: none)
  int imageCount() const { return m_images.size(); }

 signals:
  void currentImageChanged(const QImage& image);

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void select(int index);
  void rescale();

  QLabel* m_large;
  QListWidget* m_strip;
  QList<QImage> m_images;
  QImage m_shown;
};

}  // namespace gesso::ui
