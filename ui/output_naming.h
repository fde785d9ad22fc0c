#pragma once
// Where a generated image goes on disk, how it gets there whole, and how its "parameters" text
// comes back (a PNG made by Gesso or AUTOMATIC1111 dropped on the window restores its settings).
#include <QDateTime>
#include <QImage>
#include <QString>

namespace gesso::ui {

// "<folder>/YYYY-MM-DD/YYYYMMDD-HHMMSS-<seed>-<index>.<ext>", creating the date folder. A name
// already taken gets "-1", "-2", ... before the extension, so an existing file is never chosen.
// Empty when the date folder cannot be created. Another writer could still take the name between
// this call and the write: the check and the write are not one atomic step.
QString nextOutputPath(const QString& folder, const QDateTime& when, qint64 seed, int index,
                       const QString& ext = QStringLiteral("png"));

// Writes `image` as a PNG carrying `parametersText` under the "parameters" key (Qt writes it as
// tEXt, compressed zTXt when it is 40 characters or more, or iTXt UTF-8 when it is not Latin-1 — PIL
// and so A1111 read all three). The data goes through a QSaveFile: `path` is either untouched or
// complete, never half-written. Creates the parent folder. False with a reason in `error`.
bool writeImageAtomically(const QImage& image, const QString& path, const QString& parametersText,
                          QString* error = nullptr);

// The "parameters" text of the image at `pngPath`, line breaks intact, or an empty string when it
// has none or cannot be read. Decodes the whole image (see the .cpp for why).
QString readParametersText(const QString& pngPath);

}  // namespace gesso::ui
