#pragma once
// The gallery's thumbnails, decoded from the history database only when a view asks for one and
// kept for the most recently asked: scrolling back is free, and a history of thousands costs the
// memory of a few screens, not of every row.
#include <QCache>
#include <QIcon>
#include <QImage>
#include <QPixmap>

namespace gesso::ui {

class HistoryStore;

// Lives in the store's thread (the GUI thread): QSqlDatabase and QPixmap both must. The store must
// outlive the cache.
class ThumbnailCache {
 public:
  static constexpr int kDefaultCapacity = 300;  // under 80 MB of 256 px thumbnails; a few screens

  explicit ThumbnailCache(HistoryStore& store, int capacity = kDefaultCapacity);

  // The row's thumbnail (null when it has none), read and decoded on the first call.
  QImage image(qint64 id);
  // The same as an icon for a view's decoration (scaled down to the view's icon size when drawn).
  QIcon icon(qint64 id);
  bool contains(qint64 id) const { return m_items.contains(id); }
  void remove(qint64 id) { m_items.remove(id); }
  void clear() { m_items.clear(); }
  int size() const { return int(m_items.size()); }
  int capacity() const { return int(m_items.maxCost()); }
  // How many thumbnails were decoded since construction (each miss is one).
  int decodeCount() const { return m_decodes; }

 private:
  struct Item {
    QPixmap pixmap;  // null: the row has no thumbnail
    QIcon icon;      // shares the pixmap's pixels
  };
  const Item& item(qint64 id);

  HistoryStore& m_store;
  QCache<qint64, Item> m_items;
  int m_decodes = 0;
};

}  // namespace gesso::ui
