// The history as a gallery: a model over 5,000 rows that refreshes fast and decodes no thumbnail
// until a view asks for one; search by prompt; captions that tell images apart; the full-size
// viewer's previous / next and zoom; the thumbnail-size slider; the info panel; a usable width.
#include <QtTest>

#include <QDockWidget>
#include <QElapsedTimer>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>

#include "ui/gallery_view.h"
#include "ui/history_info_panel.h"
#include "ui/history_model.h"
#include "ui/history_panel.h"
#include "ui/history_store.h"
#include "ui/image_viewer.h"
#include "ui/thumbnail_cache.h"

using gesso::ui::GalleryView;
using gesso::ui::HistoryEntry;
using gesso::ui::HistoryInfoPanel;
using gesso::ui::HistoryModel;
using gesso::ui::HistoryPanel;
using gesso::ui::HistoryStore;
using gesso::ui::ImageViewer;

namespace {

const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000);

QImage solid(int w, int h, QColor color) {
  QImage image(w, h, QImage::Format_RGB32);
  image.fill(color);
  return image;
}

QString parametersFor(const QString& prompt, qint64 seed, const QString& negative = {}) {
  QString text = prompt + u'\n';
  if (!negative.isEmpty()) text += QStringLiteral("Negative prompt: %1\n").arg(negative);
  return text + QStringLiteral("Steps: 20, Sampler: Euler a, CFG scale: 7.5, Seed: %1, Size: 64x64, Model: tiny")
                    .arg(seed);
}

HistoryEntry entry(int n, const QString& prompt, const QString& imagePath = {}) {
  HistoryEntry e;
  e.created = kT0.addSecs(n);
  e.imagePath = imagePath.isEmpty() ? QStringLiteral("/nowhere/%1.png").arg(n) : imagePath;
  e.seed = 1000 + n;
  e.parameters = parametersFor(prompt, e.seed);
  e.modelName = QStringLiteral("tiny-%1").arg(n % 3);
  e.width = 64;
  e.height = 64;
  e.thumbnail = solid(16, 16, QColor(n % 256, 40, 80));
  return e;
}

}  // namespace

class TestGallery : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  QString dbPath() const { return m_dir.filePath(QStringLiteral("history.sqlite")); }

  // Three images of different sizes on disk, newest (row 0) the 96 px wide one.
  QList<qint64> addImages(HistoryStore& store, int count) {
    QList<HistoryEntry> entries;
    for (int i = 0; i < count; ++i) {
      const QString path = m_dir.filePath(QStringLiteral("image-%1.png").arg(i));
      if (!solid(32 * (i + 1), 40, QColor(50 * i, 0, 0)).save(path)) return {};
      HistoryEntry e = entry(i, QStringLiteral("picture %1").arg(i), path);
      e.width = 32 * (i + 1);
      e.height = 40;
      entries.append(e);
    }
    return store.add(entries);
  }

 private slots:
  void init() { QFile::remove(dbPath()); }

  void fiveThousandRowsRefreshFastWithoutDecodingThumbnails() {
    HistoryStore store(dbPath());
    QList<HistoryEntry> entries;
    for (int i = 0; i < 5000; ++i) entries.append(entry(i, QStringLiteral("prompt number %1").arg(i)));
    QCOMPARE(store.add(entries).size(), 5000);
    QCOMPARE(store.count(), 5000);

    QElapsedTimer timer;
    timer.start();
    HistoryModel model(store);
    model.refresh();
    const qint64 refreshMs = timer.elapsed();
    QVERIFY2(refreshMs < 2000, qPrintable(QStringLiteral("refresh took %1 ms").arg(refreshMs)));
    QCOMPARE(model.totalCount(), 5000);
    QCOMPARE(model.rowCount(), 100);  // one page; the rest on fetchMore
    QVERIFY(model.canFetchMore({}));

    // Everything but the picture costs no decode: captions, tooltips, every page fetched.
    timer.restart();
    while (model.canFetchMore({})) model.fetchMore({});
    for (int row = 0; row < model.rowCount(); ++row) model.data(model.index(row), Qt::DisplayRole);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QStringLiteral("paging took %1 ms").arg(timer.elapsed())));
    QCOMPARE(model.rowCount(), 5000);
    QCOMPARE(model.thumbnails().decodeCount(), 0);
    QVERIFY(model.entryAt(0)->thumbnail.isNull());  // rows come without their blobs

    const QIcon icon = model.data(model.index(4321), Qt::DecorationRole).value<QIcon>();
    QVERIFY(!icon.isNull());
    QCOMPARE(model.thumbnails().decodeCount(), 1);
    model.data(model.index(4321), Qt::DecorationRole);  // cached
    QCOMPARE(model.thumbnails().decodeCount(), 1);
    const QImage thumb = model.data(model.index(4321), HistoryModel::ThumbnailRole).value<QImage>();
    QCOMPARE(thumb.size(), QSize(16, 16));
    QCOMPARE(thumb.pixelColor(3, 3), QColor((4999 - 4321) % 256, 40, 80));  // newest first
  }

  void aShownGalleryDecodesOnlyWhatItShows() {
    HistoryStore store(dbPath());
    QList<HistoryEntry> entries;
    for (int i = 0; i < 5000; ++i) entries.append(entry(i, QStringLiteral("p %1").arg(i)));
    QCOMPARE(store.add(entries).size(), 5000);
    HistoryPanel panel(store);
    panel.resize(400, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTest::qWait(50);
    const int decoded = panel.model()->thumbnails().decodeCount();
    QVERIFY2(decoded > 0, "the view asked for no thumbnail");  // what it paints
    QVERIFY2(decoded <= 100, qPrintable(QString::number(decoded)));  // at most the first page
    QVERIFY(panel.model()->rowCount() < 5000);
  }

  void thumbnailCacheIsBounded() {
    HistoryStore store(dbPath());
    QList<HistoryEntry> entries;
    for (int i = 0; i < 10; ++i) entries.append(entry(i, QStringLiteral("p")));
    const QList<qint64> ids = store.add(entries);
    gesso::ui::ThumbnailCache cache(store, 4);
    QCOMPARE(cache.capacity(), 4);
    for (qint64 id : ids) QVERIFY(!cache.icon(id).isNull());
    QCOMPARE(cache.size(), 4);
    QVERIFY(cache.contains(ids.last()));
    QVERIFY(!cache.contains(ids.first()));  // the least recently asked went first
    QCOMPARE(cache.decodeCount(), 10);
    QVERIFY(cache.image(987654).isNull());  // no such row: a null image, not a crash
    QCOMPARE(gesso::ui::ThumbnailCache(store).capacity(), gesso::ui::ThumbnailCache::kDefaultCapacity);
  }

  void searchFiltersByPromptOnly() {
    HistoryStore store(dbPath());
    HistoryEntry redCat = entry(1, QStringLiteral("a red cat on a mat"));
    HistoryEntry blueDog = entry(2, QStringLiteral("a blue dog"));
    blueDog.parameters = parametersFor(QStringLiteral("a blue dog"), 5, QStringLiteral("red cat"));
    HistoryEntry fox = entry(3, QStringLiteral("RED Fox, 100% cute"));
    HistoryEntry umlaut = entry(4, QStringLiteral("Ärger im Wald"));
    store.add({redCat, blueDog, fox, umlaut});
    HistoryModel model(store);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.promptFilter(), QString());  // the default: everything

    const auto prompts = [&model] {
      QStringList list;
      for (int row = 0; row < model.rowCount(); ++row)
        list << model.data(model.index(row), HistoryModel::PromptRole).toString();
      return list;
    };
    model.setPromptFilter(QStringLiteral("red"));  // case aside; not the negative prompt
    QCOMPARE(prompts(), QStringList({"RED Fox, 100% cute", "a red cat on a mat"}));
    QCOMPARE(model.totalCount(), 2);
    model.setPromptFilter(QStringLiteral("  cat   red "));  // every word, any order
    QCOMPARE(prompts(), QStringList({"a red cat on a mat"}));
    model.setPromptFilter(QStringLiteral("euler"));  // the settings line is not the prompt
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalCount(), 0);
    model.setPromptFilter(QStringLiteral("0%"));  // LIKE's wildcards are literal
    QCOMPARE(prompts(), QStringList({"RED Fox, 100% cute"}));
    model.setPromptFilter(QStringLiteral("r_d"));
    QCOMPARE(model.rowCount(), 0);
    model.setPromptFilter(QStringLiteral("ärger"));  // beyond ASCII too
    QCOMPARE(prompts(), QStringList({"Ärger im Wald"}));
    model.setPromptFilter(QString());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(store.count(QStringLiteral("DOG")), 1);
  }

  void searchPagesThroughManyMatches() {
    HistoryStore store(dbPath());
    QList<HistoryEntry> entries;
    for (int i = 0; i < 250; ++i) entries.append(entry(i, i % 2 ? QStringLiteral("odd") : QStringLiteral("even")));
    store.add(entries);
    HistoryModel model(store, 50);
    model.setPromptFilter(QStringLiteral("odd"));
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(model.totalCount(), 125);
    while (model.canFetchMore({})) model.fetchMore({});
    QCOMPARE(model.rowCount(), 125);
    for (int row = 0; row < model.rowCount(); ++row)
      QCOMPARE(model.data(model.index(row), HistoryModel::PromptRole).toString(), QStringLiteral("odd"));
  }

  void captionsTellImagesApart() {
    const QDate today = kT0.toLocalTime().date();
    HistoryEntry a = entry(1, QStringLiteral("a lighthouse at dusk"));
    HistoryEntry sameButSeed = a;
    sameButSeed.seed = 77;
    HistoryEntry sameButTime = a;
    sameButTime.created = a.created.addSecs(1);
    HistoryEntry otherPrompt = a;
    otherPrompt.parameters = parametersFor(QStringLiteral("a lighthouse at dawn"), a.seed);
    const QString caption = gesso::ui::galleryCaption(a, today);
    QCOMPARE(caption.split(u'\n').size(), 2);
    QVERIFY2(caption.startsWith(QStringLiteral("a lighthouse at dusk\n")), qPrintable(caption));
    QVERIFY2(caption.contains(QStringLiteral("1001")), qPrintable(caption));
    QVERIFY2(caption.contains(a.created.toLocalTime().toString(QStringLiteral("HH:mm:ss"))), qPrintable(caption));
    QVERIFY(gesso::ui::galleryCaption(sameButSeed, today) != caption);
    QVERIFY(gesso::ui::galleryCaption(sameButTime, today) != caption);
    QVERIFY(gesso::ui::galleryCaption(otherPrompt, today) != caption);
    QCOMPARE(gesso::ui::galleryCaption(a, today), gesso::ui::galleryCaption(a, today));
    // Another day's image shows its date.
    const QString older = gesso::ui::galleryCaption(a, today.addDays(3));
    QVERIFY2(older.contains(a.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))), qPrintable(older));
    HistoryEntry empty = a;
    empty.parameters.clear();
    QVERIFY(gesso::ui::galleryCaption(empty, today).startsWith(QStringLiteral("(no prompt)\n")));

    HistoryStore store(dbPath());
    store.add({a, sameButSeed, sameButTime});
    HistoryModel model(store);
    QSet<QString> shown;
    for (int row = 0; row < model.rowCount(); ++row) shown << model.data(model.index(row)).toString();
    QCOMPARE(shown.size(), 3);
  }

  void viewerMovesAndZooms() {
    HistoryStore store(dbPath());
    QCOMPARE(addImages(store, 3).size(), 3);
    HistoryModel model(store, 2);  // the third row needs a fetchMore
    ImageViewer viewer(model);
    viewer.resize(600, 500);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QSignalSpy moved(&viewer, &ImageViewer::currentRowChanged);

    QVERIFY(!viewer.showRow(7));
    QCOMPARE(viewer.currentRow(), -1);
    QVERIFY(viewer.showRow(0));
    QCOMPARE(viewer.image().size(), QSize(96, 40));  // the newest
    QVERIFY(viewer.fitsWindow());
    QVERIFY(viewer.message().isEmpty());
    const double fit = viewer.zoom();
    QVERIFY2(fit > 1.0, qPrintable(QString::number(fit)));  // a small image is enlarged to fit

    QVERIFY(!viewer.previous());  // nothing before the first
    QCOMPARE(viewer.currentRow(), 0);
    QVERIFY(viewer.next());
    QCOMPARE(viewer.image().size(), QSize(64, 40));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(viewer.next());  // past the loaded page
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(viewer.currentRow(), 2);
    QCOMPARE(viewer.image().size(), QSize(32, 40));
    QVERIFY(!viewer.next());
    QCOMPARE(viewer.currentRow(), 2);
    QVERIFY(viewer.previous());
    QCOMPARE(viewer.currentRow(), 1);
    QCOMPARE(moved.count(), 4);
    QCOMPARE(moved.last().at(0).toInt(), 1);

    viewer.actualSize();
    QCOMPARE(viewer.zoom(), 1.0);
    QVERIFY(!viewer.fitsWindow());
    viewer.zoomIn();
    QCOMPARE(viewer.zoom(), ImageViewer::kZoomStep);
    viewer.zoomOut();
    viewer.zoomOut();
    QCOMPARE(viewer.zoom(), 1.0 / ImageViewer::kZoomStep);
    viewer.setZoom(1000);
    QCOMPARE(viewer.zoom(), ImageViewer::kMaxZoom);
    viewer.setZoom(0);
    QCOMPARE(viewer.zoom(), ImageViewer::kMinZoom);
    viewer.fitToWindow();
    QVERIFY(viewer.fitsWindow());
    QCOMPARE(viewer.zoom(), ImageViewer::kMaxZoom);  // 64 px would fill the window past 800 %
    viewer.setZoom(2);
    QVERIFY(viewer.showRow(0));  // a new image comes fitted
    QVERIFY(viewer.fitsWindow());
    const QSize room = viewer.findChild<QScrollArea*>("imageViewerScroll")->viewport()->size();
    const QSize shown = viewer.image().size() * viewer.zoom();
    QVERIFY2(shown.width() <= room.width() + 1 && shown.height() <= room.height() + 1, "fit overflows");
    QVERIFY2(shown.width() >= room.width() - 2 || shown.height() >= room.height() - 2,
             qPrintable(QStringLiteral("fit leaves room: %1x%2 in %3x%4 at %5").arg(shown.width()).arg(shown.height())
                            .arg(room.width()).arg(room.height()).arg(viewer.zoom())));

    // The keys: Right moves on, + zooms, Esc closes.
    viewer.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&viewer));
    QTest::keyClick(&viewer, Qt::Key_Right);
    QCOMPARE(viewer.currentRow(), 1);
    QTest::keyClick(&viewer, Qt::Key_Left);
    QCOMPARE(viewer.currentRow(), 0);
    const double before = viewer.zoom();
    QTest::keyClick(&viewer, Qt::Key_Equal);
    QCOMPARE(viewer.zoom(), before * ImageViewer::kZoomStep);
    QTest::keyClick(&viewer, Qt::Key_Escape);
    QVERIFY(!viewer.isVisible());
  }

  void viewerSaysWhenTheFileIsGone() {
    HistoryStore store(dbPath());
    store.add(entry(1, QStringLiteral("lost"), m_dir.filePath(QStringLiteral("gone.png"))));
    HistoryModel model(store);
    ImageViewer viewer(model);
    QVERIFY(viewer.showRow(0));
    QVERIFY(viewer.image().isNull());
    QVERIFY2(viewer.message().contains(QStringLiteral("gone.png")), qPrintable(viewer.message()));
    viewer.zoomIn();  // nothing to zoom: no crash
  }

  void sliderSetsTheThumbnailSize() {
    HistoryStore store(dbPath());
    HistoryPanel panel(store);
    GalleryView* view = panel.view();
    QSlider* slider = panel.thumbnailSizeSlider();
    QCOMPARE(view->thumbnailSize(), GalleryView::kDefaultThumbnailSize);  // the default
    QCOMPARE(slider->value(), GalleryView::kDefaultThumbnailSize);
    QCOMPARE(view->iconSize(), QSize(128, 128));
    QCOMPARE(slider->minimum(), GalleryView::kMinThumbnailSize);
    QCOMPARE(slider->maximum(), GalleryView::kMaxThumbnailSize);

    const QSize grid = view->gridSize();
    slider->setValue(200);
    QCOMPARE(view->iconSize(), QSize(200, 200));
    QCOMPARE(view->gridSize().width() - grid.width(), 72);
    QVERIFY(view->gridSize().height() > 200);  // room for the two caption lines
    QTest::keyClick(slider, Qt::Key_Home);
    QCOMPARE(view->iconSize(), QSize(64, 64));
    view->setThumbnailSize(10);  // clamped, and the slider follows
    QCOMPARE(view->thumbnailSize(), GalleryView::kMinThumbnailSize);
    view->setThumbnailSize(96);
    QCOMPARE(slider->value(), 96);
  }

  void infoPanelShowsTheSelectedImage() {
    HistoryStore store(dbPath());
    HistoryEntry cat = entry(5, QStringLiteral("a cat"));
    cat.parameters = QStringLiteral(
        "a cat\nNegative prompt: blurry\n"
        "Steps: 24, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 6.5, Seed: 1005, Size: 64x64, Model: v1-5");
    cat.modelName = QStringLiteral("v1-5-pruned");
    const qint64 catId = store.add(cat);
    store.add(entry(9, QStringLiteral("a dog")));
    HistoryPanel panel(store);
    HistoryInfoPanel* info = panel.infoPanel();
    QCOMPARE(info->field(HistoryInfoPanel::Prompt), QString());  // nothing selected yet
    QVERIFY(info->findChild<QLabel*>("historyInfoHint")->isVisibleTo(info));
    panel.resize(400, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    // A click on the cat (row 1, the older) selects it.
    const QModelIndex catIndex = panel.model()->index(panel.model()->rowOf(catId));
    QCOMPARE(catIndex.row(), 1);
    panel.view()->scrollTo(catIndex);
    QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, panel.view()->visualRect(catIndex).center());
    QCOMPARE(panel.view()->currentIndex().row(), 1);
    QCOMPARE(info->field(HistoryInfoPanel::Prompt), QStringLiteral("a cat"));
    QCOMPARE(info->field(HistoryInfoPanel::NegativePrompt), QStringLiteral("blurry"));
    QCOMPARE(info->field(HistoryInfoPanel::Seed), QStringLiteral("1005"));
    QCOMPARE(info->field(HistoryInfoPanel::Sampler), QStringLiteral("DPM++ 2M (Karras)"));
    QCOMPARE(info->field(HistoryInfoPanel::Steps), QStringLiteral("24"));
    QCOMPARE(info->field(HistoryInfoPanel::CfgScale), QStringLiteral("6.5"));
    QCOMPARE(info->field(HistoryInfoPanel::Model), QStringLiteral("v1-5-pruned"));
    QCOMPARE(info->field(HistoryInfoPanel::Size), QStringLiteral("64×64"));
    QCOMPARE(info->field(HistoryInfoPanel::File), cat.imagePath);
    QVERIFY(!info->field(HistoryInfoPanel::Created).isEmpty());
    QVERIFY(!info->findChild<QLabel*>("historyInfoHint")->isVisibleTo(info));

    panel.selectRow(0);
    QCOMPARE(info->field(HistoryInfoPanel::Prompt), QStringLiteral("a dog"));
    QCOMPARE(info->field(HistoryInfoPanel::Sampler), QStringLiteral("Euler a"));
    panel.selectRow(-1);
    QCOMPARE(info->field(HistoryInfoPanel::Prompt), QString());
  }

  void refreshKeepsTheSelectionAndSearch() {
    HistoryStore store(dbPath());
    store.add(entry(1, QStringLiteral("cat one")));
    const qint64 second = store.add(entry(2, QStringLiteral("cat two")));
    store.add(entry(3, QStringLiteral("dog")));
    HistoryPanel panel(store);
    panel.search(QStringLiteral("cat"));
    QCOMPARE(panel.searchField()->text(), QStringLiteral("cat"));
    QCOMPARE(panel.model()->rowCount(), 2);
    QVERIFY2(panel.countLabel()->text().contains(u'2'), qPrintable(panel.countLabel()->text()));
    panel.selectRow(panel.model()->rowOf(second));
    QCOMPARE(panel.view()->currentIndex().row(), 0);

    store.add(entry(4, QStringLiteral("cat three")));  // a new result arrives
    panel.refresh();
    QCOMPARE(panel.model()->rowCount(), 3);
    QCOMPARE(panel.view()->currentIndex().row(), 1);  // the same image, one row down
    QCOMPARE(panel.infoPanel()->field(HistoryInfoPanel::Prompt), QStringLiteral("cat two"));
    panel.search(QString());
    QCOMPARE(panel.model()->rowCount(), 4);
    QVERIFY2(panel.countLabel()->text().contains(u'4'), qPrintable(panel.countLabel()->text()));
  }

  void typingSearchesAfterAPause() {
    HistoryStore store(dbPath());
    store.add({entry(1, QStringLiteral("apple")), entry(2, QStringLiteral("pear"))});
    HistoryPanel panel(store);
    QTest::keyClicks(panel.searchField(), QStringLiteral("pea"));
    QCOMPARE(panel.model()->rowCount(), 2);  // not yet: no query per key
    QTRY_COMPARE(panel.model()->rowCount(), 1);
    QCOMPARE(panel.model()->promptFilter(), QStringLiteral("pea"));
  }

  void viewerFollowsAndDrivesTheGallery() {
    HistoryStore store(dbPath());
    QCOMPARE(addImages(store, 3).size(), 3);
    HistoryPanel panel(store);
    QVERIFY(panel.viewer() == nullptr);
    panel.viewFullSize(1);
    QVERIFY(panel.viewer() != nullptr);
    QCOMPARE(panel.viewer()->currentRow(), 1);
    QCOMPARE(panel.view()->currentIndex().row(), 1);
    panel.viewer()->next();
    QCOMPARE(panel.view()->currentIndex().row(), 2);  // the grid and the info panel follow
    QCOMPARE(panel.infoPanel()->field(HistoryInfoPanel::Prompt), QStringLiteral("picture 0"));
    panel.viewFullSize(0);  // the same window, another image
    QCOMPARE(panel.findChildren<ImageViewer*>().size(), 1);
    QCOMPARE(panel.viewer()->currentRow(), 0);

    // A new result shifts the rows: the viewer keeps its image and knows its new row.
    const qint64 shownId = panel.viewer()->currentId();
    store.add(entry(50, QStringLiteral("newest")));
    panel.refresh();
    QCOMPARE(panel.viewer()->currentRow(), 1);
    QCOMPARE(panel.viewer()->currentId(), shownId);
    panel.viewer()->close();
    QTRY_VERIFY(panel.viewer() == nullptr);  // deleted on close
  }

  void keepsTheActionsAndSignals() {
    HistoryStore store(dbPath());
    const QList<qint64> ids = addImages(store, 2);
    HistoryPanel panel(store);
    QSignalSpy reused(&panel, &HistoryPanel::parametersReused);
    QSignalSpy img2img(&panel, &HistoryPanel::imageSentToImg2Img);
    QSignalSpy inpaint(&panel, &HistoryPanel::imageSentToInpaint);
    QSignalSpy upscale(&panel, &HistoryPanel::upscaleRequested);
    QSignalSpy failed(&panel, &HistoryPanel::failed);
    panel.reuseParameters(0);
    QCOMPARE(reused.count(), 1);
    QVERIFY(reused.at(0).at(0).toString().startsWith(QStringLiteral("picture 1")));
    panel.sendToImg2Img(0);
    QCOMPARE(img2img.at(0).at(0).value<QImage>().size(), QSize(64, 40));
    panel.sendToInpaint(1);
    QCOMPARE(inpaint.at(0).at(0).value<QImage>().size(), QSize(32, 40));
    panel.upscale(0);
    QCOMPARE(upscale.count(), 1);
    QCOMPARE(failed.count(), 0);
    panel.model()->data(panel.model()->index(0), Qt::DecorationRole);
    QVERIFY(panel.model()->thumbnails().contains(ids[1]));
    QVERIFY(panel.deleteEntry(0, false));
    QVERIFY(!panel.model()->thumbnails().contains(ids[1]));  // forgotten with its row
    QCOMPARE(panel.model()->rowCount(), 1);
    QCOMPARE(panel.view()->currentIndex().row(), 0);  // the neighbour is selected
    QVERIFY(!panel.deleteEntry(5, false));
  }

  void keepsAUsableWidthInANarrowWindow() {
    HistoryStore store(dbPath());
    store.add(entry(1, QStringLiteral("a prompt long enough to need eliding in a narrow dock, and then some")));
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("centre"), &window));
    auto* dock = new QDockWidget(QStringLiteral("History"), &window);
    auto* panel = new HistoryPanel(store, dock);
    dock->setWidget(panel);
    window.addDockWidget(Qt::RightDockWidgetArea, dock);
    const int minimum = panel->minimumSizeHint().width();
    QVERIFY2(minimum >= GalleryView::kMinThumbnailSize + 40, qPrintable(QString::number(minimum)));
    QVERIFY2(minimum <= 320, qPrintable(QString::number(minimum)));  // not a wall either
    QVERIFY(panel->sizeHint().width() >= 2 * GalleryView::kDefaultThumbnailSize);
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.resizeDocks({dock}, {10}, Qt::Horizontal);  // a user drags it as narrow as it goes
    QTest::qWait(20);
    QVERIFY2(panel->width() >= minimum, qPrintable(QString::number(panel->width())));
  }
};

QTEST_MAIN(TestGallery)
#include "test_gallery.moc"
