#pragma once
// Between the AUTOMATIC1111 "parameters" text (engine/io/a1111_parameters.h) and the generation
// panel's settings: what a PNG made by Gesso or by AUTOMATIC1111 records, and what Gesso writes
// into the PNGs it makes. No widgets.
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "engine/pipelines/generation_request.h"
#include "ui/model_library.h"
#include "ui/settings_store.h"

namespace gesso::ui {

// What a "parameters" text's models are looked for among (the generation panel's lists).
// "Model hash: <short hash>" picks the entry of `models` with that hash (A1111's first 10 hex digits
// of the SHA-256, case aside); without one that matches, "Model: <name>" picks the entry of that
// name (its file name, with or without the extension, or its name in the library). "VAE hash" /
// "VAE" pick among `vaes` the same way ("VAE: None" or "Automatic" is the model's own VAE);
// "Refiner: <name> [<hash>]" among `refinerFolders` (by hash where `models` knows one). A model
// or VAE the text names but the lists lack leaves the selection as it was, and `notes` says so; a
// key the text lacks leaves it too. Without lists (nullopt) the model and VAE are not looked for.
// "Lora hashes" / "TI hashes" (A1111's "name: hash, ..."): each <lora:name:...> tag of the prompt
// names a LoRA of `networks` by its file stem; one the library has under another name (the same
// short hash) has its tag renamed to it; one it lacks stays, and `notes` says so. Embeddings the
// text lists that the library lacks are noted the same way.
struct ModelChoices {
  QStringList refinerFolders;
  std::optional<QList<ModelEntry>> models;
  std::optional<QList<ModelEntry>> vaes;
  std::optional<QList<ModelEntry>> networks;  // LoRA and embedding entries
};

// The settings a "parameters" text describes: prompt, negative prompt, steps, sampler, guidance,
// seed (in fixed mode), size, denoising strength, the SDXL refiner and Hires. fix (on with A1111's
// "Hires ..." keys, its "Denoising strength" then the second pass's; off without them; an upscaler
// Gesso lacks is Latent, noted). What the text does not say
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
// The same, with the model and the VAE picked from the library (ModelChoices).
std::optional<GenerationSettings> settingsFromParameters(const QString& text, QString* error,
                                                         const GenerationSettings& base, QStringList* notes,
                                                         const ModelChoices& choices);

// The mode a text's image was made in, as A1111's keys tell it: "txt2img" with a "Hires ..." key
// (Hires. fix is txt2img's) or without a denoising strength, "inpaint" with one of its inpainting
// keys ("Mask blur", "Inpaint area", "Masked area padding", "Masked content"), else "img2img".
// "" for a text that holds no generation parameters. settingsFromParameters leaves the mode as
// it was; "Reuse parameters" sets it from this.
QString modeFromParameters(const QString& text);

// The inpainting options a text records (pipelines::inpaint_options_from: A1111 writes the ones
// that differ from its defaults, "Mask blur" when not 0); nullopt when it has none of their keys,
// or with a note in `notes` when one cannot be read.
std::optional<pipelines::InpaintOptions> inpaintOptionsFromParameters(const QString& text, QStringList* notes = nullptr);

// Hires. fix as the settings hold it.
pipelines::HiresFix hiresOf(const GenerationSettings& settings);

// The "parameters" text for an image made with `settings` (its seed: pass the seed that was used
// when the mode is random) by the model `modelName` (left out when empty). The denoising strength
// is written for img2img and inpaint only; the refiner (its folder's name) and its switch point
// when there is one, outside inpaint (as the engine writes them), a separate VAE's file name as
// "VAE", Hires. fix in txt2img when it is on (its strength as "Denoising strength"). An empty sampler, the model's own, is written empty: the engine writes the name it
// resolved for the images it makes.
QString parametersFromSettings(const GenerationSettings& settings, const QString& modelName);

// settingsFromParameters on the "parameters" text of the PNG at `path` (a PNG made by Gesso or by
// AUTOMATIC1111 dropped on the window). Nullopt with a reason in `error` when the file cannot be
// read or carries no parameters.
std::optional<GenerationSettings> settingsFromPng(const QString& path, QString* error = nullptr,
                                                  const GenerationSettings& base = {},
                                                  QStringList* notes = nullptr,
                                                  const QStringList& refinerFolders = {});
std::optional<GenerationSettings> settingsFromPng(const QString& path, QString* error, const GenerationSettings& base,
                                                  QStringList* notes, const ModelChoices& choices);

// One "ControlNet N" of a "parameters" text: what the ControlNet panel's unit N (from 0) takes.
struct RestoredControlUnit {
  int index = 0;                 // N
  pipelines::ControlUnit unit;   // no image (PNG text carries none); `model` a library path or ""
  QString modelName;             // as the text names it: "control_v11p_sd15_canny [d14c016b]"
};

// The ControlNet units a "parameters" text records (sd-webui-controlnet's "ControlNet N" values,
// which Gesso's engine writes too; pipelines::parse_control_unit_text), in N order. Each unit's
// model is picked from `controlNets` (the library's ControlNet entries) by its hash (the library's
// short hash, or any prefix of 8 or more hex digits of the SHA-256, case aside), else by its name
// (the file or folder name with or without its extension, or its name in the library); `unit.model`
// is that entry's path and `unit.model_hash` its short hash. A model the library lacks leaves
// `unit.model` "" and `notes` says so ("None": no model, no note). A preprocessor this engine lacks
// (depth, pose, segmentation: they need a model of their own) becomes "none", noted; a unit whose
// text cannot be read is left out, noted. A text without ControlNet keys gives an empty list.
// Nullopt with the reason in `error` for a text that holds no generation parameters.
std::optional<QList<RestoredControlUnit>> controlUnitsFromParameters(const QString& text,
                                                                     const QList<ModelEntry>& controlNets,
                                                                     QStringList* notes = nullptr,
                                                                     QString* error = nullptr);

}  // namespace gesso::ui
