#pragma once
// The gallery's grid: thumbnails with their captions, as large as the user sets them (a slider in
// the history panel), laid out in as many columns as the width allows.
#include <QListView>

namespace gesso::ui {

class GalleryView : public QListView {
  Q_OBJECT

 public:
  static constexpr int kMinThumbnailSize = 64;
  static constexpr int kMaxThumbnailSize = 256;  // the stored thumbnails' size: no upscaling
  static constexpr int kDefaultThumbnailSize = 128;

  explicit GalleryView(QWidget* parent = nullptr);

  int thumbnailSize() const { return m_thumbnailSize; }
  QSize minimumSizeHint() const override;
  QSize sizeHint() const override;

 public slots:
  // Clamped to [kMinThumbnailSize, kMaxThumbnailSize]; sets the icon and grid sizes.
  void setThumbnailSize(int size);

 signals:
  void thumbnailSizeChanged(int size);
  // Enter or Return on the current item: what a double click does.
  void activatedByKey(const QModelIndex& index);

 protected:
  void keyPressEvent(QKeyEvent* event) override;

 private:
  int m_thumbnailSize = 0;
};

}  // namespace gesso::ui
