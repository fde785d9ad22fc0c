#pragma once
// Between the AUTOMATIC1111 "parameters" text (engine/io/a1111_parameters.h) and the generation
// panel's settings: what a PNG made by Gesso or by AUTOMATIC1111 records, and what Gesso writes
// into the PNGs it makes. No widgets.
#include <QString>
#include <QStringList>

#include <optional>

#include "ui/settings_store.h"

namespace gesso::ui {

// The settings a "parameters" text describes: prompt, negative prompt, steps, sampler, guidance,
// seed (in fixed mode), size, denoising strength and the SDXL refiner. What the text does not say
// (mode, batch count and size, and any field it leaves out) comes from `base`: restoring an image's
// parameters does not switch the panel's mode.
// Sampler names are A1111's ("DPM++ 2M Karras", "Euler a"; 1.9+'s "Sampler: DPM++ 2M, Schedule
// type: Karras" too). A sampler or schedule this engine lacks is replaced by the nearest it has
// (the same sampler without the schedule, else base's), and `notes` says so in a sentence each.
// No sampler (or an empty one) is the model's own: "".
// "Refiner: <name> [hash]" (A1111's; Gesso writes the folder name alone) picks the folder of
// `refinerFolders` whose name is <name> (case aside; the hash is ignored), "Refiner switch at"
// sets the switch point. Without a "Refiner" key there is no refiner; a name that no folder has
// leaves none either, and `notes` says so.
// Nullopt with a reason in `error` for a text that holds no parameters or a malformed value.
std::optional<GenerationSettings> settingsFromParameters(const QString& text, QString* error = nullptr,
                                                         const GenerationSettings& base = {},
                                                         QStringList* notes = nullptr,
                                                         const QStringList& refinerFolders = {});

// The "parameters" text for an image made with `settings` (its seed: pass the seed that was used
// when the mode is random) by the model `modelName` (left out when empty). The denoising strength
// is written for img2img and inpaint only; the refiner (its folder's name) and its switch point
// when there is one, outside inpaint (as the engine writes them). An empty sampler, the model's
// own, is written empty: the engine writes the name it resolved for the images it makes.
QString parametersFromSettings(const GenerationSettings& settings, const QString& modelName);

// settingsFromParameters on the "parameters" text of the PNG at `path` (a PNG made by Gesso or by
// AUTOMATIC1111 dropped on the window). Nullopt with a reason in `error` when the file cannot be
// read or carries no parameters.
std::optional<GenerationSettings> settingsFromPng(const QString& path, QString* error = nullptr,
                                                  const GenerationSettings& base = {},
                                                  QStringList* notes = nullptr,
                                                  const QStringList& refinerFolders = {});

}  // namespace gesso::ui
