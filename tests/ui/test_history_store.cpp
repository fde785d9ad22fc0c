// The result history: SQLite rows that survive a restart, newest first, thumbnails capped at 256 px,
// and a damaged database file that reports an error instead of crashing.
#include <QtTest>

#include <QAbstractItemModelTester>
#include <QFile>
#include <QIcon>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include "ui/history_model.h"
#include "ui/history_store.h"

using gesso::ui::HistoryEntry;
using gesso::ui::HistoryModel;
using gesso::ui::HistoryStore;

namespace {

const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000);

const QString kParameters = QStringLiteral(
    "a cat, sitting on a mat\nwith a hat\n"
    "Negative prompt: blurry, lowres\n"
    "Steps: 20, Sampler: Euler a, CFG scale: 7.5, Seed: 1234, Size: 512x512, Model: v1-5");

QImage solid(int w, int h, QColor color) {
  QImage image(w, h, QImage::Format_RGB32);
  image.fill(color);
  return image;
}

HistoryEntry makeEntry(int n, const QDateTime& created) {
  HistoryEntry e;
  e.created = created;
  e.imagePath = QStringLiteral("/outputs/%1.png").arg(n);
  e.parameters = QStringLiteral("prompt %1\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: %1").arg(n);
  e.modelName = QStringLiteral("model-%1").arg(n);
  e.seed = 1000 + n;
  e.width = 512 + 64 * n;
  e.height = 768;
  e.thumbnail = solid(32, 48, QColor(10 * n, 20, 30));
  return e;
}

void writeBytes(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  QCOMPARE(f.write(bytes), bytes.size());
}

QByteArray readBytes(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestHistoryStore : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  QString dbPath() const { return m_dir.filePath(QStringLiteral("history.sqlite")); }

 private slots:
  void init() { QFile::remove(dbPath()); }

  void addsListsGetsAndRemoves() {
    HistoryStore store(dbPath());
    QVERIFY2(store.isOpen(), qPrintable(store.lastError()));
    QCOMPARE(store.count(), 0);
    const qint64 a = store.add(makeEntry(1, kT0));
    const qint64 b = store.add(makeEntry(2, kT0.addSecs(1)));
    const qint64 c = store.add(makeEntry(3, kT0.addSecs(2)));
    QVERIFY2(a > 0 && b > a && c > b, qPrintable(store.lastError()));
    QCOMPARE(store.count(), 3);

    const QList<HistoryEntry> all = store.list(10, 0);
    QCOMPARE(all.size(), 3);
    QCOMPARE(all[0].id, c);  // newest first
    QCOMPARE(all[1].id, b);
    QCOMPARE(all[2].id, a);

    const std::optional<HistoryEntry> got = store.get(b);
    QVERIFY(got.has_value());
    const HistoryEntry expected = makeEntry(2, kT0.addSecs(1));
    QCOMPARE(got->id, b);
    QCOMPARE(got->created.toMSecsSinceEpoch(), expected.created.toMSecsSinceEpoch());
    QCOMPARE(got->imagePath, expected.imagePath);
    QCOMPARE(got->parameters, expected.parameters);
    QCOMPARE(got->modelName, expected.modelName);
    QCOMPARE(got->seed, qint64(1002));
    QCOMPARE(got->width, 640);
    QCOMPARE(got->height, 768);

    QVERIFY2(store.remove(b, false), qPrintable(store.lastError()));
    QCOMPARE(store.count(), 2);
    QVERIFY(!store.get(b).has_value());
    QVERIFY(store.lastError().contains(QStringLiteral("No history entry")));
    QVERIFY(!store.remove(b, false));
    const QList<HistoryEntry> left = store.list(10, 0);
    QCOMPARE(left.size(), 2);
    QCOMPARE(left[0].id, c);
    QCOMPARE(left[1].id, a);
  }

  void pagesAndBreaksTimestampTiesByNewestId() {
    HistoryStore store(dbPath());
    const qint64 a = store.add(makeEntry(1, kT0));
    const qint64 b = store.add(makeEntry(2, kT0));  // same instant: the later row is newer
    const qint64 c = store.add(makeEntry(3, kT0.addSecs(-5)));
    QCOMPARE(store.list(1, 0).value(0).id, b);
    QCOMPARE(store.list(1, 1).value(0).id, a);
    QCOMPARE(store.list(5, 2).size(), 1);
    QCOMPARE(store.list(5, 2).value(0).id, c);
    QCOMPARE(store.list(5, 3).size(), 0);
    QCOMPARE(store.list(-1, 0).size(), 3);  // negative limit: everything
  }

  void addStampsTheTimeWhenNoneIsGiven() {
    HistoryStore store(dbPath());
    HistoryEntry e = makeEntry(1, QDateTime());
    e.modelName.clear();  // null strings are stored as ''
    e.parameters.clear();  // an upscale of a PNG without text has none
    const QDateTime before = QDateTime::currentDateTime();
    const qint64 id = store.add(e);
    QVERIFY2(id > 0, qPrintable(store.lastError()));
    const HistoryEntry got = *store.get(id);
    QVERIFY(got.created >= before.addMSecs(-1));
    QVERIFY(got.created <= QDateTime::currentDateTime());
    QCOMPARE(got.modelName, QString());
    QCOMPARE(got.parameters, QString());
    QCOMPARE(store.count(QStringLiteral("x")), 0);
  }

  void thumbnailIsScaledToFit256AndRoundTrips() {
    HistoryStore store(dbPath());
    HistoryEntry big = makeEntry(1, kT0);
    big.thumbnail = solid(1024, 512, QColor(200, 100, 50));
    HistoryEntry small = makeEntry(2, kT0);
    small.thumbnail = solid(100, 60, Qt::white);
    small.thumbnail.setPixelColor(3, 4, QColor(1, 2, 3));
    HistoryEntry none = makeEntry(3, kT0);
    none.thumbnail = QImage();

    const HistoryEntry gotBig = *store.get(store.add(big));
    QCOMPARE(gotBig.thumbnail.size(), QSize(256, 128));
    QCOMPARE(gotBig.thumbnail.pixelColor(128, 64), QColor(200, 100, 50));
    const HistoryEntry gotSmall = *store.get(store.add(small));
    QCOMPARE(gotSmall.thumbnail.size(), QSize(100, 60));  // never enlarged
    QCOMPARE(gotSmall.thumbnail.pixelColor(3, 4), QColor(1, 2, 3));  // PNG is lossless
    QCOMPARE(gotSmall.thumbnail.convertToFormat(QImage::Format_RGB32),
             small.thumbnail.convertToFormat(QImage::Format_RGB32));
    const HistoryEntry gotNone = *store.get(store.add(none));
    QVERIFY(gotNone.thumbnail.isNull());  // imagePath does not exist: no thumbnail, no error
  }

  void thumbnailIsMadeFromTheImageFileWhenMissing() {
    const QString png = m_dir.filePath(QStringLiteral("result.png"));
    QVERIFY(solid(300, 600, QColor(0, 128, 255)).save(png));
    HistoryStore store(dbPath());
    HistoryEntry e = makeEntry(1, kT0);
    e.imagePath = png;
    e.thumbnail = QImage();
    const HistoryEntry got = *store.get(store.add(e));
    QCOMPARE(got.thumbnail.size(), QSize(128, 256));
    QCOMPARE(got.thumbnail.pixelColor(64, 128), QColor(0, 128, 255));
  }

  void removeDeletesTheFileOnlyWhenAsked() {
    const QString kept = m_dir.filePath(QStringLiteral("kept.png"));
    const QString deleted = m_dir.filePath(QStringLiteral("deleted.png"));
    QVERIFY(solid(8, 8, Qt::red).save(kept));
    QVERIFY(solid(8, 8, Qt::red).save(deleted));
    HistoryStore store(dbPath());
    HistoryEntry k = makeEntry(1, kT0), d = makeEntry(2, kT0), gone = makeEntry(3, kT0);
    k.imagePath = kept;
    d.imagePath = deleted;
    gone.imagePath = m_dir.filePath(QStringLiteral("never-existed.png"));
    const qint64 kid = store.add(k), did = store.add(d), gid = store.add(gone);
    QVERIFY(store.remove(kid, false));
    QVERIFY(QFile::exists(kept));
    QVERIFY(store.remove(did, true));
    QVERIFY(!QFile::exists(deleted));
    QVERIFY2(store.remove(gid, true), qPrintable(store.lastError()));  // already gone: fine
    QCOMPARE(store.count(), 0);
  }

  void historySurvivesARestart() {
    qint64 first = 0, second = 0;
    {
      HistoryStore store(dbPath());
      first = store.add(makeEntry(1, kT0));
      second = store.add(makeEntry(2, kT0.addSecs(60)));
      QVERIFY(first > 0 && second > 0);
    }
    HistoryStore reopened(dbPath());
    QVERIFY2(reopened.isOpen(), qPrintable(reopened.lastError()));
    QCOMPARE(reopened.count(), 2);
    const QList<HistoryEntry> all = reopened.list(10, 0);
    QCOMPARE(all[0].id, second);
    QCOMPARE(all[0].parameters, makeEntry(2, kT0).parameters);
    QCOMPARE(all[0].thumbnail.size(), QSize(32, 48));
    QCOMPARE(all[1].id, first);
    // Ids keep growing after a restart (AUTOINCREMENT), so a stale id never names a new row.
    QVERIFY(reopened.add(makeEntry(3, kT0)) > second);
  }

  void schemaVersionIsRecorded() {
    { HistoryStore store(dbPath()); QVERIFY(store.isOpen()); }
    {
      QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
      db.setDatabaseName(dbPath());
      QVERIFY(db.open());
      QSqlQuery q(db);
      QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
      QCOMPARE(q.value(0).toInt(), HistoryStore::kSchemaVersion);
      QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    HistoryStore newer(dbPath());
    QVERIFY(!newer.isOpen());
    QVERIFY2(newer.lastError().contains(QStringLiteral("newer Gesso")), qPrintable(newer.lastError()));
  }

  // A history written by the first version (no prompt_key column) is upgraded in place, its rows
  // kept and made searchable.
  void upgradesAVersion1History() {
    {
      QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
      db.setDatabaseName(dbPath());
      QVERIFY(db.open());
      QSqlQuery q(db);
      QVERIFY(q.exec(QStringLiteral(
          "CREATE TABLE entries (id INTEGER PRIMARY KEY AUTOINCREMENT, created INTEGER NOT NULL,"
          " image_path TEXT NOT NULL, parameters TEXT NOT NULL, model_name TEXT NOT NULL,"
          " seed INTEGER NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL, thumbnail BLOB)")));
      QVERIFY(q.exec(QStringLiteral("INSERT INTO entries (created, image_path, parameters, model_name, seed, width,"
                                    " height) VALUES (1, '/a.png', 'A Red Barn\nNegative prompt: snow', 'm', 1, 8, 8)")));
      QVERIFY(q.exec(QStringLiteral("INSERT INTO entries (created, image_path, parameters, model_name, seed, width,"
                                    " height) VALUES (2, '/b.png', 'green field', 'm', 2, 8, 8)")));
      QVERIFY(q.exec(QStringLiteral("INSERT INTO entries (created, image_path, parameters, model_name, seed, width,"
                                    " height) VALUES (3, '/c.png', '', 'm', 3, 8, 8)")));  // no text at all
      QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    HistoryStore store(dbPath());
    QVERIFY2(store.isOpen(), qPrintable(store.lastError()));
    QCOMPARE(store.count(), 3);
    QCOMPARE(store.count(QStringLiteral("red barn")), 1);
    QCOMPARE(store.count(QStringLiteral("snow")), 0);  // the negative prompt is not searched
    const QList<HistoryEntry> found = store.list(10, 0, {QStringLiteral("FIELD"), false});
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0].imagePath, QStringLiteral("/b.png"));
    QVERIFY(store.add(makeEntry(3, kT0)) > 0);
    QCOMPARE(store.count(QStringLiteral("prompt 3")), 1);
  }

  void listsWithoutThumbnailsAndReadsOneOnDemand() {
    HistoryStore store(dbPath());
    const qint64 id = store.add(makeEntry(1, kT0));
    const QList<HistoryEntry> rows = store.list(10, 0, {QString(), false});
    QCOMPARE(rows.size(), 1);
    QVERIFY(rows[0].thumbnail.isNull());
    QCOMPARE(rows[0].parameters, makeEntry(1, kT0).parameters);
    QCOMPARE(store.thumbnail(id).size(), QSize(32, 48));
    QVERIFY(store.thumbnail(id + 100).isNull());
    QVERIFY(store.lastError().contains(QStringLiteral("No history entry")));
  }

  void addsSeveralInOneTransaction() {
    HistoryStore store(dbPath());
    const QList<qint64> ids = store.add(QList<HistoryEntry>{makeEntry(1, kT0), makeEntry(2, kT0.addSecs(1))});
    QCOMPARE(ids.size(), 2);
    QVERIFY(ids[1] > ids[0]);
    QCOMPARE(store.count(), 2);
    QCOMPARE(store.get(ids[1])->seed, qint64(1002));
    QVERIFY(store.add(QList<HistoryEntry>{}).isEmpty());
    QCOMPARE(store.count(), 2);
  }

  void corruptFileGivesAnErrorNotACrash() {
    QByteArray garbage;
    for (int i = 0; i < 8192; ++i) garbage.append(char((i * 7919 + 13) & 0xFF));
    writeBytes(dbPath(), garbage);
    {
      HistoryStore store(dbPath());
      QVERIFY(!store.isOpen());
      QVERIFY2(store.lastError().contains(QStringLiteral("not a readable history database")),
               qPrintable(store.lastError()));
      QCOMPARE(store.add(makeEntry(1, kT0)), qint64(-1));
      QVERIFY2(store.lastError().contains(QStringLiteral("not open")), qPrintable(store.lastError()));
      QVERIFY(store.lastError().contains(QStringLiteral("not a readable history database")));
      QVERIFY(store.list(10, 0).isEmpty());
      QVERIFY(!store.get(1).has_value());
      QVERIFY(!store.remove(1, true));
      QCOMPARE(store.count(), -1);
      QVERIFY(store.thumbnail(1).isNull());
      QVERIFY(store.add(QList<HistoryEntry>{makeEntry(1, kT0)}).isEmpty());
      HistoryModel model(store);  // an empty panel, not a crash
      QCOMPARE(model.rowCount(), 0);
    }
    QCOMPARE(readBytes(dbPath()), garbage);  // the user's file is left for them to inspect
  }

  void unreachableFolderGivesAnError() {
    const QString file = m_dir.filePath(QStringLiteral("a-file"));
    writeBytes(file, "x");
    HistoryStore store(file + QStringLiteral("/sub/history.sqlite"));
    QVERIFY(!store.isOpen());
    QVERIFY2(store.lastError().contains(QStringLiteral("Cannot create the history folder")),
             qPrintable(store.lastError()));
    QCOMPARE(store.add(makeEntry(1, kT0)), qint64(-1));
  }

  void readOnlyFileReportsFailedWrites() {
    { HistoryStore store(dbPath()); QVERIFY(store.add(makeEntry(1, kT0)) > 0); }
    QFile::setPermissions(dbPath(), QFile::ReadOwner | QFile::ReadUser);
    QFile probe(dbPath());
    if (probe.open(QIODevice::ReadWrite)) {
      QFile::setPermissions(dbPath(), QFile::ReadOwner | QFile::WriteOwner);
      QSKIP("running with permission to write read-only files (root)");
    }
    {
      HistoryStore store(dbPath());
      QCOMPARE(store.count(), 1);  // reading still works
      QCOMPARE(store.add(makeEntry(2, kT0)), qint64(-1));
      QVERIFY2(store.lastError().contains(QStringLiteral("Cannot add to the history")),
               qPrintable(store.lastError()));
      QCOMPARE(store.count(), 1);  // and the store stays usable after the failure
    }
    QFile::setPermissions(dbPath(), QFile::ReadOwner | QFile::WriteOwner);
  }

  void instancesHaveTheirOwnConnections() {
    {
      HistoryStore a(dbPath());
      HistoryStore b(dbPath());
      QVERIFY(a.isOpen() && b.isOpen());
      QCOMPARE(QSqlDatabase::connectionNames().size(), 2);
      QVERIFY(a.add(makeEntry(1, kT0)) > 0);
      QCOMPARE(b.count(), 1);  // same file, separate connections
    }
    QVERIFY(QSqlDatabase::connectionNames().isEmpty());  // removed by the destructors
  }

  void modelShowsEntriesWithRoles() {
    HistoryStore store(dbPath());
    HistoryEntry cat = makeEntry(1, kT0);
    cat.parameters = kParameters;
    const qint64 catId = store.add(cat);
    store.add(makeEntry(2, kT0.addSecs(-10)));
    store.add(makeEntry(3, kT0.addSecs(-20)));

    HistoryModel model(store, 2);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.canFetchMore(QModelIndex()));
    {
      // Created after the paging checks since it calls fetchMore() itself; gone before refresh(),
      // as it also fetches more from inside the reset notification, which views never do.
      QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    const QModelIndex top = model.index(0);
    QCOMPARE(model.data(top, HistoryModel::PromptRole).toString(), QStringLiteral("a cat, sitting on a mat with a hat"));
    // The caption: the prompt's start, then what tells it from its batch neighbours.
    QCOMPARE(model.data(top, Qt::DisplayRole).toString(), gesso::ui::galleryCaption(*model.entryAt(0)));
    QVERIFY(model.data(top, Qt::DisplayRole).toString().startsWith(QStringLiteral("a cat, sitting on a mat with a hat\n")));
    QCOMPARE(model.data(top, Qt::ToolTipRole).toString(), kParameters);
    QCOMPARE(model.data(top, HistoryModel::ThumbnailRole).value<QImage>().size(), QSize(32, 48));
    QCOMPARE(model.data(top, Qt::DecorationRole).value<QIcon>().availableSizes(), QList<QSize>({QSize(32, 48)}));
    QCOMPARE(model.data(top, HistoryModel::IdRole).toLongLong(), catId);
    QCOMPARE(model.data(top, HistoryModel::SeedRole).toLongLong(), qint64(1001));
    QCOMPARE(model.data(top, HistoryModel::SizeRole).toSize(), QSize(576, 768));
    QCOMPARE(model.data(model.index(2), HistoryModel::PromptRole).toString(), QStringLiteral("prompt 3"));
    QVERIFY(!model.data(model.index(3), Qt::DisplayRole).isValid());

    const qint64 newest = store.add(makeEntry(4, kT0.addSecs(30)));
    model.refresh();
    QCOMPARE(model.rowCount(), 2);  // back to the first page
    QCOMPARE(model.data(model.index(0), HistoryModel::IdRole).toLongLong(), newest);
    QCOMPARE(model.entryAt(1)->id, catId);
    QVERIFY(model.entryAt(2) == nullptr);
  }

  void shortPromptTakesThePromptLines() {
    using gesso::ui::shortPrompt;
    QCOMPARE(shortPrompt(kParameters), QStringLiteral("a cat, sitting on a mat with a hat"));
    QCOMPARE(shortPrompt(QStringLiteral("just a prompt")), QStringLiteral("just a prompt"));
    QCOMPARE(shortPrompt(QStringLiteral("dog\nSteps: 20, Sampler: Euler a, CFG scale: 7")),
             QStringLiteral("dog"));
    QCOMPARE(shortPrompt(QString()), QString());
    const QString longText = QString(200, u'x');
    const QString cut = shortPrompt(longText, 80);
    QCOMPARE(cut.size(), 80);
    QCOMPARE(cut.back(), QChar(0x2026));
  }
};

QTEST_MAIN(TestHistoryStore)
#include "test_history_store.moc"
