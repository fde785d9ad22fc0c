#include "ui/mode_check.h"

#include <QFileInfo>

#include "engine/error.h"
#include "engine/pipelines/model_file.h"

namespace gesso::ui {

bool ModeCheck::isInpaintingModel(const QString& path, const QList<ModelEntry>& entries) {
  for (const ModelEntry& e : entries)
    if (e.path == path && e.readable()) return e.inpainting;
  try {
    return pipelines::inspect_model_file(path.toStdString()).inpainting;
  } catch (const std::exception&) {
    return false;
  }
}

QString ModeCheck::problem(const QString& mode, bool inpaintingModel, const QString& modelName) {
  if (!inpaintingModel || mode == QLatin1String("inpaint")) return {};
  if (mode == QLatin1String("img2img"))
    return tr("This is an inpainting model (%1): switch to Inpaint and paint the area to repaint, or choose "
              "another model for img2img.")
        .arg(modelName);
  return tr("This is an inpainting model (%1): it repaints a masked area of a source image, so switch to "
            "Inpaint (open a source image and paint the area to repaint), or choose another model for %2.")
      .arg(modelName, mode);
}

QString ModeCheck::problem(const QString& mode, const QString& modelPath, const QList<ModelEntry>& entries) {
  if (modelPath.isEmpty()) return {};
  return problem(mode, isInpaintingModel(modelPath, entries), QFileInfo(modelPath).fileName());
}

}  // namespace gesso::ui
