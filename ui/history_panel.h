#pragma once
// The history dock as a gallery: every result as a thumbnail (size set with a slider), newest
// first, with a caption that tells it from its neighbours, a search by prompt, an info panel for
// the selected image, a full-size viewer (double click or Enter), and what a user does with an old
// result — copy or reuse its parameters, send it to img2img or inpainting, upscale it x4, save it
// elsewhere, delete it.
#include <QImage>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QSlider;
class QTimer;

namespace gesso::ui {

class GalleryView;
class HistoryInfoPanel;
class HistoryModel;
class HistoryStore;
class ImageViewer;

class HistoryPanel : public QWidget {
  Q_OBJECT

 public:
  HistoryPanel(HistoryStore& store, QWidget* parent = nullptr);

  HistoryModel* model() const { return m_model; }
  GalleryView* view() const { return m_view; }
  QLineEdit* searchField() const { return m_search; }
  QSlider* thumbnailSizeSlider() const { return m_sizeSlider; }
  HistoryInfoPanel* infoPanel() const { return m_info; }
  QLabel* countLabel() const { return m_count; }
  ImageViewer* viewer() const;  // nullptr until opened, and once closed

 public slots:
  // Re-reads the history (after a result was added), keeping the search and the selected image.
  void refresh();
  // Shows only the images whose prompt holds every word of `text` (what typing in the search field
  // does after a short pause).
  void search(const QString& text);
  // Selects the row (the info panel shows it); -1 clears the selection.
  void selectRow(int row);
  // The row's actions, callable without the context menu (tests, keyboard).
  void viewFullSize(int row);
  void copyParameters(int row);
  void reuseParameters(int row);
  void sendToImg2Img(int row);
  void sendToInpaint(int row);
  void upscale(int row);
  bool saveAs(int row, const QString& path);  // an empty path asks for one
  bool deleteEntry(int row, bool deleteFile);

 signals:
  void parametersReused(const QString& parametersText);
  void imageSentToImg2Img(const QImage& image, const QString& parametersText);
  void imageSentToInpaint(const QImage& image, const QString& parametersText);
  void upscaleRequested(const QImage& image, const QString& parametersText);
  void failed(const QString& message);

 private:
  QWidget* buildSearchRow();
  QWidget* buildSizeRow();
  void showMenu(const QPoint& pos);
  void confirmDelete(int row);
  void onCurrentChanged();
  void updateCount();
  QImage loadImage(int row);

  HistoryStore& m_store;
  HistoryModel* m_model;
  GalleryView* m_view;
  HistoryInfoPanel* m_info;
  QLineEdit* m_search = nullptr;
  QTimer* m_searchDelay = nullptr;
  QLabel* m_count = nullptr;
  QSlider* m_sizeSlider = nullptr;
  QPointer<ImageViewer> m_viewer;
};

}  // namespace gesso::ui
