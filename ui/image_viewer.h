#pragma once
// The gallery's full-size viewer: one history image at a time, fitted to the window or zoomed, with
// previous / next through the gallery's rows (the search's, in its order). Keys: Left / Right (or
// Page Up / Page Down) move, + and - zoom, 0 shows actual size, F fits, Esc closes; Ctrl + wheel
// zooms too.
#include <QDialog>
#include <QImage>

class QLabel;
class QScrollArea;
class QAction;

namespace gesso::ui {

class HistoryModel;
class ImageCanvas;  // image_viewer.cpp's: paints the image at the zoom, never a scaled copy

class ImageViewer : public QDialog {
  Q_OBJECT

 public:
  static constexpr double kMinZoom = 0.05;
  static constexpr double kMaxZoom = 8.0;
  static constexpr double kZoomStep = 1.25;

  // The model must outlive the viewer.
  explicit ImageViewer(HistoryModel& model, QWidget* parent = nullptr);

  int currentRow() const { return m_row; }
  qint64 currentId() const { return m_id; }
  const QImage& image() const { return m_image; }  // null when the file cannot be read
  double zoom() const { return m_zoom; }           // displayed pixels per image pixel
  bool fitsWindow() const { return m_fit; }
  QString message() const;                         // "" unless the image could not be shown

 public slots:
  // Shows the row's image fitted to the window; false (and nothing changes) outside the rows.
  bool showRow(int row);
  bool next();      // fetches the gallery's next page at the end of the loaded rows
  bool previous();
  void zoomIn();
  void zoomOut();
  void setZoom(double zoom);  // clamped to [kMinZoom, kMaxZoom]; leaves fit mode
  void fitToWindow();
  void actualSize();

 signals:
  void currentRowChanged(int row);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void buildToolBar();
  void applyZoom();
  double fitZoom() const;
  void updateStatus();
  void onModelReset();

  HistoryModel& m_model;
  QScrollArea* m_scroll;
  ImageCanvas* m_canvas;
  QLabel* m_message;
  QLabel* m_status;
  QAction* m_previous = nullptr;
  QAction* m_next = nullptr;
  int m_row = -1;
  qint64 m_id = 0;
  QImage m_image;
  double m_zoom = 1.0;
  bool m_fit = true;
};

}  // namespace gesso::ui
