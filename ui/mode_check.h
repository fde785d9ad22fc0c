#pragma once
// Whether the chosen model can run the chosen mode, asked before anything is loaded: an inpainting
// model (a 9-channel UNet) only inpaints, and finding that out after seconds of loading, in the
// engine's words, tells the user nothing about what to change.
#include <QCoreApplication>
#include <QList>
#include <QString>

#include "ui/model_library.h"

namespace gesso::ui {

class ModeCheck {
  Q_DECLARE_TR_FUNCTIONS(gesso::ui::ModeCheck)

 public:
  // The library's (or the panel's) entry for `path` when there is one; otherwise the file's
  // header or the folder's configs (no weights are read). Unreadable: false, the load will say why.
  static bool isInpaintingModel(const QString& path, const QList<ModelEntry>& entries);

  // What is wrong with running `mode` ("txt2img" | "img2img" | "inpaint") with a model that is or
  // is not an inpainting model, in the user's words; "" when nothing is. A regular model inpaints
  // (the engine's 4-channel inpainting), so only an inpainting model outside Inpaint is refused.
  static QString problem(const QString& mode, bool inpaintingModel, const QString& modelName);

  // Both: "" when the run may go on.
  static QString problem(const QString& mode, const QString& modelPath, const QList<ModelEntry>& entries);
};

}  // namespace gesso::ui
