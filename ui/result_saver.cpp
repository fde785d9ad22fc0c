#include "ui/result_saver.h"

#include "engine/error.h"
#include "engine/io/a1111_parameters.h"
#include "ui/history_store.h"
#include "ui/output_naming.h"

namespace gesso::ui {
namespace {

// The seed, size and model the image's own parameters name (they differ per image of a batch).
HistoryEntry entryFor(const QImage& image, const QString& path, const QString& parameters, const QDateTime& when) {
  HistoryEntry e;
  e.created = when;
  e.imagePath = path;
  e.parameters = parameters;
  e.thumbnail = image;
  e.width = image.width();
  e.height = image.height();
  try {
    const auto p = io::parse_a1111(parameters.toStdString());
    e.seed = static_cast<qint64>(p.seed);
    e.modelName = QString::fromStdString(p.model);
  } catch (const Error&) {
    // Our own text always parses; a history row without a seed is still worth keeping.
  }
  return e;
}

}  // namespace

QStringList ResultSaver::save(const QList<QImage>& images, const QStringList& texts, const QString& folder,
                              const QDateTime& when, QString* error) {
  QStringList paths;
  for (int i = 0; i < images.size(); ++i) {
    const QString parameters = i < texts.size() ? texts[i] : QString();
    const HistoryEntry probe = entryFor(images[i], QString(), parameters, when);
    const QString path = nextOutputPath(folder, when, probe.seed, i);
    if (path.isEmpty()) {
      if (error) *error = tr("Cannot create a folder in %1: choose another output folder.").arg(folder);
      return paths;
    }
    if (!writeImageAtomically(images[i], path, parameters, error)) return paths;
    paths << path;
    if (m_store.add(entryFor(images[i], path, parameters, when)) < 0 && error)
      *error = tr("Saved %1, but the history could not record it: %2").arg(path, m_store.lastError());
  }
  return paths;
}

}  // namespace gesso::ui
