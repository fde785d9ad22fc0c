#pragma once
// The result area: the step preview while a run goes (with the running stage's name, for runs of
// several stages), then the images it made (several of a batch, or a cascade's stages, side by side
// in a strip below the large one), scaled to fit without blurring small images. Its context menu
// upscales the image shown.
#include <QImage>
#include <QList>
#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;

namespace gesso::ui {

class ImageView : public QWidget {
  Q_OBJECT

 public:
  explicit ImageView(QWidget* parent = nullptr);

  // A run's latest step, shown until the results come; `caption` names what is being made ("Stage
  // II"), "" shows none.
  void showPreview(const QImage& preview, const QString& caption = {});
  // `parameters`: each image's A1111 text ("" or missing for none); `captions`: each image's line
  // above it and in the strip's tooltip ("" or missing for none).
  void showImages(const QList<QImage>& images, const QStringList& parameters = {}, const QStringList& captions = {});
  void showMessage(const QString& text);    // no image: a hint or an error
  QImage currentImage() const;              // the image in the large view (null: none)
  QString currentParameters() const;        // its parameters text ("" when none)
  QString caption() const;                  // the line above the image ("" when hidden)
  int imageCount() const { return m_images.size(); }

 signals:
  void currentImageChanged(const QImage& image);
  // The context menu's "Upscale x4…" on the image shown.
  void upscaleRequested(const QImage& image, const QString& parametersText);

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  int currentIndex() const;
  void select(int index);
  void setCaption(const QString& text);
  void showMenu(const QPoint& pos);
  void rescale();

  QLabel* m_caption;
  QLabel* m_large;
  QListWidget* m_strip;
  QList<QImage> m_images;
  QStringList m_parameters;
  QStringList m_captions;
  QImage m_shown;
};

}  // namespace gesso::ui
