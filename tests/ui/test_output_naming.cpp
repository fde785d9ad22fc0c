// Output files: dated names that never overwrite, PNGs that appear whole or not at all, and the
// AUTOMATIC1111 "parameters" text written and read back (also by the engine's own PNG reader).
#include <QtTest>

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtEndian>

#include "engine/io/png_text.h"
#include "ui/output_naming.h"

using gesso::ui::nextOutputPath;
using gesso::ui::readParametersText;
using gesso::ui::writeImageAtomically;

namespace {

const QDateTime kWhen(QDate(2024, 3, 7), QTime(9, 5, 3));

// The keyword and its NUL separator: how every PNG text chunk's data begins.
const QByteArray kKeyword("parameters\0", 11);

template <size_t N>
QByteArray literalBytes(const char (&literal)[N]) {
  return QByteArray(literal, N - 1);
}

const QString kParameters = QStringLiteral(
    "猫, café, (masterpiece:1.2)\nsecond line of the prompt\n"
    "Negative prompt: blurry\n"
    "Steps: 20, Sampler: Euler a, CFG scale: 7.5, Seed: 1234, Size: 64x32, Model: v1-5");

struct Chunk {
  QByteArray type;
  QByteArray data;
};

QList<Chunk> pngChunks(const QByteArray& png) {
  QList<Chunk> chunks;
  qsizetype at = 8;  // after the signature
  while (at + 12 <= png.size()) {
    const quint32 length = qFromBigEndian<quint32>(png.constData() + at);
    chunks.append({png.mid(at + 4, 4), png.mid(at + 8, length)});
    at += 12 + length;
  }
  return chunks;
}

quint32 crc32(const QByteArray& bytes) {
  quint32 crc = 0xFFFFFFFFu;
  for (const char c : bytes) {
    crc ^= quint8(c);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

QByteArray encodeChunk(const QByteArray& type, const QByteArray& data) {
  QByteArray out(4, '\0');
  qToBigEndian<quint32>(quint32(data.size()), out.data());
  out += type + data;
  QByteArray crc(4, '\0');
  qToBigEndian<quint32>(crc32(type + data), crc.data());
  return out + crc;
}

QByteArray readBytes(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeBytes(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  QCOMPARE(f.write(bytes), bytes.size());
}

QImage pattern(int w, int h) {
  QImage image(w, h, QImage::Format_RGB32);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) image.setPixel(x, y, qRgb(x * 4, y * 8, (x + y) & 0xFF));
  return image;
}

// A PNG as another tool might write it: the given text chunk inserted before IDAT or before IEND.
QByteArray pngWithChunk(const QByteArray& type, const QByteArray& data, bool afterImageData) {
  QByteArray plain;
  QBuffer buffer(&plain);
  buffer.open(QIODevice::WriteOnly);
  pattern(4, 4).save(&buffer, "PNG");
  QByteArray out = plain.left(8);
  for (const Chunk& c : pngChunks(plain)) {
    const bool here = afterImageData ? c.type == "IEND" : c.type == "IDAT";
    if (here) out += encodeChunk(type, data);
    out += encodeChunk(c.type, c.data);
  }
  return out;
}

}  // namespace

class TestOutputNaming : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  QString m_root;

 private slots:
  void init() {
    m_root = m_dir.filePath(QStringLiteral("out"));
    QDir(m_root).removeRecursively();
  }

  void namesByDateTimeSeedAndIndex() {
    const QString path = nextOutputPath(m_root, kWhen, 1234, 2);
    QCOMPARE(path, m_root + QStringLiteral("/2024-03-07/20240307-090503-1234-2.png"));
    QVERIFY(QFileInfo(m_root + QStringLiteral("/2024-03-07")).isDir());  // the date folder exists
    QVERIFY(!QFile::exists(path));                                      // the file does not
    QCOMPARE(nextOutputPath(m_root, kWhen, 99, 0, QStringLiteral(".webp")),
             m_root + QStringLiteral("/2024-03-07/20240307-090503-99-0.webp"));
    QCOMPARE(nextOutputPath(m_root, QDateTime(QDate(2025, 12, 31), QTime(23, 59, 59)), 4294967295LL, 11),
             m_root + QStringLiteral("/2025-12-31/20251231-235959-4294967295-11.png"));
  }

  void neverChoosesAnExistingName() {
    const QString first = nextOutputPath(m_root, kWhen, 1234, 0);
    writeBytes(first, "taken");
    const QString second = nextOutputPath(m_root, kWhen, 1234, 0);
    QCOMPARE(second, m_root + QStringLiteral("/2024-03-07/20240307-090503-1234-0-1.png"));
    writeBytes(second, "taken too");
    QCOMPARE(nextOutputPath(m_root, kWhen, 1234, 0),
             m_root + QStringLiteral("/2024-03-07/20240307-090503-1234-0-2.png"));
    QCOMPARE(readBytes(first), QByteArray("taken"));  // choosing a name never touches the files
  }

  void unreachableFolderGivesNoName() {
    const QString file = m_dir.filePath(QStringLiteral("a-file"));
    writeBytes(file, "x");
    QCOMPARE(nextOutputPath(file, kWhen, 1, 0), QString());
  }

  void writesAPngWhoseParametersReadBack() {
    const QString path = nextOutputPath(m_root, kWhen, 1234, 0);
    const QImage image = pattern(64, 32);
    QString error;
    QVERIFY2(writeImageAtomically(image, path, kParameters, &error), qPrintable(error));
    QCOMPARE(readParametersText(path), kParameters);
    const QImage back(path);
    QCOMPARE(back.size(), QSize(64, 32));
    QCOMPARE(back.convertToFormat(QImage::Format_RGB32), image);
    // Nothing else in the folder: QSaveFile's temporary file was renamed, not left behind.
    QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QFileInfo(path).fileName()});
  }

  void parametersAreAnA1111TextChunkBeforeTheImageData() {
    const QString path = m_dir.filePath(QStringLiteral("chunks.png"));
    QVERIFY(writeImageAtomically(pattern(8, 8), path, kParameters));
    const QList<Chunk> chunks = pngChunks(readBytes(path));
    qsizetype textAt = -1, idatAt = -1;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
      const Chunk& c = chunks[i];
      if ((c.type == "tEXt" || c.type == "zTXt" || c.type == "iTXt") && c.data.startsWith(kKeyword))
        textAt = i;
      if (c.type == "IDAT" && idatAt < 0) idatAt = i;
    }
    QVERIFY(textAt > 0);
    QVERIFY(textAt < idatAt);
    // Outside Latin-1 it must be iTXt (UTF-8): PIL, and so A1111, reads tEXt as Latin-1.
    QCOMPARE(chunks[textAt].type, QByteArray("iTXt"));
    // The engine's libpng reader (the PIL rules) finds the same text: Gesso's CLI and GUI agree.
    const auto text = gesso::io::read_png_text(QFile::encodeName(path).toStdString());
    QVERIFY(text.count("parameters") == 1);
    QCOMPARE(QString::fromStdString(text.at("parameters")), kParameters);
  }

  void latin1ParametersUseTextOrCompressedTextChunks() {
    // Qt picks the chunk: tEXt under 40 characters, zTXt (deflated) from 40 on; PIL reads both.
    const QString shortText = QStringLiteral("a café");
    const QString longText = QStringLiteral("a café on a rainy street\nSteps: 20, Sampler: Euler a, Seed: 7");
    for (const auto& [text, chunkType] : {std::pair{shortText, QByteArray("tEXt")},
                                          std::pair{longText, QByteArray("zTXt")}}) {
      const QString path = m_dir.filePath(QStringLiteral("latin1.png"));
      QVERIFY(writeImageAtomically(pattern(8, 8), path, text));
      QByteArray type;
      for (const Chunk& c : pngChunks(readBytes(path)))
        if (c.data.startsWith(kKeyword)) type = c.type;
      QCOMPARE(type, chunkType);
      QCOMPARE(readParametersText(path), text);
      const auto engineText = gesso::io::read_png_text(QFile::encodeName(path).toStdString());
      QCOMPARE(QString::fromStdString(engineText.at("parameters")), text);
    }
  }

  void aFailedWriteLeavesTheOldFileAlone() {
    const QString path = m_dir.filePath(QStringLiteral("existing.png"));
    writeBytes(path, "the old file");
    QString error;
    QVERIFY(!writeImageAtomically(QImage(), path, kParameters, &error));
    QVERIFY(error.contains(QStringLiteral("no image")));
    QCOMPARE(readBytes(path), QByteArray("the old file"));

    const QString file = m_dir.filePath(QStringLiteral("a-file"));
    writeBytes(file, "x");
    error.clear();
    QVERIFY(!writeImageAtomically(pattern(4, 4), file + QStringLiteral("/sub/x.png"), kParameters, &error));
    QVERIFY2(error.contains(QStringLiteral("cannot create the folder")), qPrintable(error));
  }

  void readsA1111TextChunksWhereverTheyAre() {
    const QString before = m_dir.filePath(QStringLiteral("a1111-before.png"));
    const QString after = m_dir.filePath(QStringLiteral("a1111-after.png"));
    // tEXt is Latin-1 on disk: 0xE9 is "é".
    const QByteArray latin1 = literalBytes("parameters\0a caf\xe9\nSteps: 20, Seed: 1");
    writeBytes(before, pngWithChunk("tEXt", latin1, false));
    writeBytes(after, pngWithChunk("tEXt", latin1, true));
    const QString want = QStringLiteral("a café\nSteps: 20, Seed: 1");
    QCOMPARE(readParametersText(before), want);
    QCOMPARE(readParametersText(after), want);
  }

  void readsNothingFromFilesWithoutParameters() {
    const QString plain = m_dir.filePath(QStringLiteral("plain.png"));
    QVERIFY(pattern(4, 4).save(plain));
    QCOMPARE(readParametersText(plain), QString());
    QCOMPARE(readParametersText(m_dir.filePath(QStringLiteral("missing.png"))), QString());
    const QString junk = m_dir.filePath(QStringLiteral("junk.png"));
    writeBytes(junk, literalBytes("\x89PNG\r\n\x1a\n garbage"));
    QCOMPARE(readParametersText(junk), QString());
  }
};

QTEST_MAIN(TestOutputNaming)
#include "test_output_naming.moc"
