#include "ui/output_naming.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QSaveFile>

namespace gesso::ui {
namespace {

const QString kParametersKey = QStringLiteral("parameters");

// A dangling symlink does not "exist", but writing through its name would still replace it.
bool isTaken(const QString& path) {
  const QFileInfo info(path);
  return info.exists() || info.isSymLink();
}

}  // namespace

QString nextOutputPath(const QString& folder, const QDateTime& when, qint64 seed, int index,
                       const QString& ext) {
  const QDateTime stamp = when.isValid() ? when : QDateTime::currentDateTime();
  QString suffix = ext.startsWith(u'.') ? ext.mid(1) : ext;
  if (suffix.isEmpty()) suffix = QStringLiteral("png");

  const QString dateFolder = QDir(folder).filePath(stamp.toString(QStringLiteral("yyyy-MM-dd")));
  if (!QDir().mkpath(dateFolder)) return {};
  const QString stem = QStringLiteral("%1-%2-%3")
                           .arg(stamp.toString(QStringLiteral("yyyyMMdd-HHmmss")))
                           .arg(seed)
                           .arg(index);
  QString candidate = QStringLiteral("%1/%2.%3").arg(dateFolder, stem, suffix);
  for (int n = 1; isTaken(candidate); ++n)
    candidate = QStringLiteral("%1/%2-%3.%4").arg(dateFolder, stem).arg(n).arg(suffix);
  return candidate;
}

bool writeImageAtomically(const QImage& image, const QString& path, const QString& parametersText,
                          QString* error) {
  auto failWith = [error](const QString& message) {
    if (error) *error = message;
    return false;
  };
  if (image.isNull()) return failWith(QStringLiteral("%1: no image to write").arg(path));
  const QString folder = QFileInfo(path).absolutePath();
  if (!QDir().mkpath(folder))
    return failWith(QStringLiteral("%1: cannot create the folder %2").arg(path, folder));

  QImage tagged = image;
  if (!parametersText.isEmpty()) tagged.setText(kParametersKey, parametersText);
  // QSaveFile writes to a temporary file next to `path` and renames it on commit(); a failure or
  // crash before that leaves `path` as it was.
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly))
    return failWith(QStringLiteral("%1: %2").arg(path, file.errorString()));
  QImageWriter writer(&file, "png");
  if (!writer.write(tagged)) {
    file.cancelWriting();
    return failWith(QStringLiteral("%1: %2").arg(path, writer.errorString()));
  }
  if (!file.commit()) return failWith(QStringLiteral("%1: %2").arg(path, file.errorString()));
  return true;
}

QString readParametersText(const QString& pngPath) {
  QImageReader reader(pngPath);
  reader.setDecideFormatFromContent(true);  // a PNG renamed .jpg still carries its parameters
  // Not reader.text(): QImageReader passes header text through "key: value" pairs and
  // simplified(), which turns A1111's line breaks into spaces. QImage::text() after a full decode
  // keeps the chunk as written, and also sees chunks placed after the image data.
  return reader.read().text(kParametersKey);
}

}  // namespace gesso::ui
