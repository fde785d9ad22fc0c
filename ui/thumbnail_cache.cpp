#include "ui/thumbnail_cache.h"

#include "ui/history_store.h"

namespace gesso::ui {

ThumbnailCache::ThumbnailCache(HistoryStore& store, int capacity) : m_store(store), m_items(qMax(1, capacity)) {}

const ThumbnailCache::Item& ThumbnailCache::item(qint64 id) {
  if (const Item* hit = m_items.object(id)) return *hit;
  auto* fresh = new Item;
  // A row without a thumbnail is remembered too, so it is not looked up again on every repaint.
  fresh->pixmap = QPixmap::fromImage(m_store.thumbnail(id));
  if (!fresh->pixmap.isNull()) fresh->icon = QIcon(fresh->pixmap);
  ++m_decodes;
  m_items.insert(id, fresh);  // takes ownership; the cost of 1 makes the capacity a count
  return *m_items.object(id);
}

QImage ThumbnailCache::image(qint64 id) { return item(id).pixmap.toImage(); }

QIcon ThumbnailCache::icon(qint64 id) { return item(id).icon; }

}  // namespace gesso::ui
