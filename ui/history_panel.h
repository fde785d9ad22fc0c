#pragma once
// The history dock: every result as a thumbnail, newest first, with what a user does with an old
// result — view it full size, copy or reuse its parameters, send it to img2img or inpainting,
// upscale it x4, save it elsewhere, delete it.
#include <QImage>
#include <QWidget>

class QListView;

namespace gesso::ui {

class HistoryModel;
class HistoryStore;

class HistoryPanel : public QWidget {
  Q_OBJECT

 public:
  HistoryPanel(HistoryStore& store, QWidget* parent = nullptr);

  HistoryModel* model() const { return m_model; }
  QListView* view() const { return m_view; }

 public slots:
  void refresh();
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
  void showMenu(const QPoint& pos);
  QImage loadImage(int row);

  HistoryStore& m_store;
  HistoryModel* m_model;
  QListView* m_view;
};

}  // namespace gesso::ui
