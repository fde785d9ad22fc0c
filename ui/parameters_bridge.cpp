#include "ui/parameters_bridge.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QImageReader>
#include <QRegularExpression>

#include <algorithm>
#include <exception>
#include <limits>
#include <string>

#include "engine/control/preprocessor.h"
#include "engine/io/a1111_parameters.h"
#include "engine/pipelines/control_unit_text.h"
#include "engine/pipelines/hires_fix.h"
#include "engine/pipelines/inpaint_text.h"
#include "engine/schedulers/scheduler.h"
#include "ui/output_naming.h"

namespace gesso::ui {

namespace {

// The translation context of this file's messages.
struct Bridge {
  Q_DECLARE_TR_FUNCTIONS(gesso::ui::ParametersBridge)
};

QString qs(const std::string& text) { return QString::fromStdString(text); }

std::optional<GenerationSettings> fail(QString* error, const QString& message) {
  if (error) *error = message;
  return std::nullopt;
}

// This engine's user-facing sampler spelled as `name` (case aside), A1111's "PLMS" as PNDM (the
// same method: diffusers' PNDM skips the Runge-Kutta warm-up for SD); "" when it has none.
QString knownSampler(const QString& name) {
  const QString wanted = name.compare(QLatin1String("PLMS"), Qt::CaseInsensitive) == 0
                             ? QStringLiteral("PNDM")
                             : name.trimmed();
  for (const std::string& known : schedulers::scheduler_names())
    if (wanted.compare(qs(known), Qt::CaseInsensitive) == 0) return qs(known);
  return {};
}

// A1111 before 1.9 named a sampler and its sigma schedule together ("DPM++ 2M Karras"); 1.9 and
// later split them ("Sampler: DPM++ 2M, Schedule type: Karras"). Joined again, as this engine
// names them.
QString samplerFrom(const io::GenerationParameters& p, const QString& fallback, QStringList* notes) {
  const QString sampler = qs(p.sampler).trimmed();
  if (sampler.isEmpty()) return {};  // none named: the model's own (as Gesso writes it)
  const auto schedule = p.extra.find("Schedule type");
  QString scheduleType = schedule == p.extra.end() ? QString() : qs(schedule->second).trimmed();
  if (scheduleType.compare(QLatin1String("Automatic"), Qt::CaseInsensitive) == 0) scheduleType.clear();
  const QString joined = scheduleType.isEmpty() ? sampler : sampler + QLatin1Char(' ') + scheduleType;
  if (const QString known = knownSampler(joined); !known.isEmpty()) return known;
  QString base = sampler;
  if (scheduleType.isEmpty() && base.endsWith(QLatin1String(" Karras"), Qt::CaseInsensitive)) {
    scheduleType = QStringLiteral("Karras");
    base.chop(7);
  }
  if (const QString known = knownSampler(base); !known.isEmpty()) {
    if (notes)
      *notes << Bridge::tr("The %1 schedule is not available for %2: %2 is used with its usual schedule.")
                    .arg(scheduleType, known);
    return known;
  }
  if (notes && !sampler.isEmpty())
    *notes << (fallback.isEmpty()
                   ? Bridge::tr("The sampler \"%1\" is not available: the model's own sampler is used.").arg(joined)
                   : Bridge::tr("The sampler \"%1\" is not available: %2 is used.").arg(joined, fallback));
  return fallback;
}

// Seed, size and batch size: the fields that may not fit the panel and then keep base's values.
void restoreSeedAndSize(const io::GenerationParameters& p, GenerationSettings& s, QStringList* notes) {
  if (p.seed <= quint64(std::numeric_limits<qint64>::max())) {
    s.seed = static_cast<qint64>(p.seed);
    s.seedMode = SeedMode::Fixed;
  } else if (notes) {
    *notes << Bridge::tr("The seed %1 is beyond the 63 bits Gesso takes: the seed is left as it was.").arg(p.seed);
  }
  if (p.width > 0 && p.height > 0) {
    s.width = p.width;
    s.height = p.height;
  }
  if (const auto batch = p.extra.find("Batch size"); batch != p.extra.end()) {
    bool ok = false;
    const int size = qs(batch->second).toInt(&ok);
    if (ok && size >= 1) s.batchSize = size;
  }
}

// "sd_xl_refiner_1.0 [7440042bbd]" as A1111 writes a checkpoint's title (perhaps in a subfolder,
// with its short hash), "sdxl-refiner" as Gesso does: the name alone, and the hash ("" without one).
struct NamedModel {
  QString name;
  QString hash;
};

NamedModel namedModel(const QString& value) {
  static const QRegularExpression hash(QStringLiteral(R"(\s*\[([^\[\]]*)\]\s*$)"));
  NamedModel named;
  QString name = value.trimmed();
  if (const auto match = hash.match(name); match.hasMatch()) {
    named.hash = match.captured(1).trimmed();
    name.truncate(match.capturedStart());
  }
  named.name = name.trimmed();
  return named;
}

QString extraValue(const io::GenerationParameters& p, const char* key) {
  const auto it = p.extra.find(key);
  return it == p.extra.end() ? QString() : qs(it->second).trimmed();
}

// Whether `name` names the file or folder at `path`, as A1111 and Gesso write names: the file name
// with or without its extension, with or without the subfolders before it; case aside.
bool names(const QString& path, const QString& libraryName, const QString& name) {
  if (name.isEmpty()) return false;
  const QFileInfo file(QDir::cleanPath(path));
  QString wanted = name;
  wanted.replace(QLatin1Char('\\'), QLatin1Char('/'));
  const QString base = wanted.mid(wanted.lastIndexOf(QLatin1Char('/')) + 1);
  QString stemmed = libraryName;
  if (ModelLibrary::isWeightFile(stemmed)) stemmed.truncate(stemmed.lastIndexOf(QLatin1Char('.')));
  const bool weightFile = ModelLibrary::isWeightFile(file.fileName());
  for (const QString& candidate : {file.fileName(), weightFile ? file.completeBaseName() : file.fileName()})
    if (candidate.compare(base, Qt::CaseInsensitive) == 0) return true;
  return libraryName.compare(wanted, Qt::CaseInsensitive) == 0 || stemmed.compare(wanted, Qt::CaseInsensitive) == 0;
}

// The entry the hash, else the name, picks; nullptr when neither does.
const ModelEntry* pick(const QList<ModelEntry>& entries, const NamedModel& named) {
  if (!named.hash.isEmpty())
    for (const ModelEntry& e : entries)
      if (!e.sha256.isEmpty() && e.shortHash().compare(named.hash, Qt::CaseInsensitive) == 0) return &e;
  for (const ModelEntry& e : entries)
    if (names(e.path, e.name, named.name)) return &e;
  return nullptr;
}

QString shown(const NamedModel& named) {
  if (named.hash.isEmpty()) return named.name;
  return named.name.isEmpty() ? named.hash : QStringLiteral("%1 [%2]").arg(named.name, named.hash);
}

void restoreModel(const io::GenerationParameters& p, GenerationSettings& s, const QList<ModelEntry>& models,
                  QStringList* notes) {
  const NamedModel named{namedModel(qs(p.model)).name, qs(p.model_hash).trimmed()};
  if (named.name.isEmpty() && named.hash.isEmpty()) return;
  if (const ModelEntry* e = pick(models, named)) {
    s.model = e->path;
    return;
  }
  if (notes)
    *notes << Bridge::tr("The model \"%1\" is not in the library: the model is left as it is.").arg(shown(named));
}

void restoreVae(const io::GenerationParameters& p, GenerationSettings& s, const QList<ModelEntry>& vaes,
                QStringList* notes) {
  const NamedModel named{namedModel(extraValue(p, "VAE")).name, extraValue(p, "VAE hash")};
  if (named.name.isEmpty() && named.hash.isEmpty()) return;
  if (named.hash.isEmpty() && (named.name.compare(QLatin1String("None"), Qt::CaseInsensitive) == 0 ||
                               named.name.compare(QLatin1String("Automatic"), Qt::CaseInsensitive) == 0)) {
    s.vae.clear();
    return;
  }
  if (const ModelEntry* e = pick(vaes, named)) {
    s.vae = e->path;
    return;
  }
  if (notes) *notes << Bridge::tr("The VAE \"%1\" is not in the library: the VAE is left as it is.").arg(shown(named));
}

void restoreRefiner(const io::GenerationParameters& p, GenerationSettings& s, const ModelChoices& choices,
                    QStringList* notes) {
  s.refiner.clear();
  const auto refiner = p.extra.find("Refiner");
  if (refiner == p.extra.end()) return;
  const NamedModel named = namedModel(qs(refiner->second));
  if (named.name.isEmpty()) return;
  QList<ModelEntry> candidates;
  for (const QString& folder : choices.refinerFolders) {
    const QString path = QDir::cleanPath(folder);
    const QList<ModelEntry> models = choices.models.value_or(QList<ModelEntry>());
    const auto known = std::find_if(models.begin(), models.end(), [&](const ModelEntry& e) { return e.path == path; });
    ModelEntry e = known == models.end() ? ModelEntry{} : *known;
    e.path = path;
    if (e.name.isEmpty()) e.name = QFileInfo(path).fileName();
    candidates << e;
  }
  if (const ModelEntry* e = pick(candidates, named)) s.refiner = e->path;
  if (s.refiner.isEmpty() && notes)
    *notes << Bridge::tr("The refiner \"%1\" is not in the model list: no refiner is used (add its folder to "
                         "use it).").arg(named.name);
  const auto at = p.extra.find("Refiner switch at");
  if (at == p.extra.end()) return;
  bool ok = false;
  const double fraction = qs(at->second).trimmed().toDouble(&ok);
  if (ok && fraction > 0 && fraction < 1) s.refinerSwitch = fraction;
  else if (notes)
    *notes << Bridge::tr("The refiner switch point \"%1\" is not a fraction between 0 and 1: %2 is kept.")
                  .arg(qs(at->second), QString::number(s.refinerSwitch));
}

// A1111's "name: hash, name: hash" list.
QHash<QString, QString> hashList(const QString& text) {
  QHash<QString, QString> out;
  for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    const qsizetype colon = item.lastIndexOf(QLatin1Char(':'));
    if (colon > 0) out.insert(item.left(colon).trimmed(), item.mid(colon + 1).trimmed());
  }
  return out;
}

QString stem(const ModelEntry& e) { return QFileInfo(e.path).completeBaseName(); }

const ModelEntry* networkNamed(const QList<ModelEntry>& entries, bool lora, const QString& name, const QString& hash) {
  for (const ModelEntry& e : entries)
    if ((lora ? e.isLora() : e.isEmbedding()) && stem(e).compare(name, Qt::CaseInsensitive) == 0) return &e;
  if (!hash.isEmpty())
    for (const ModelEntry& e : entries)
      if ((lora ? e.isLora() : e.isEmbedding()) && !e.sha256.isEmpty() &&
          networkShortHash(e.sha256).compare(hash, Qt::CaseInsensitive) == 0)
        return &e;
  return nullptr;
}

void restoreNetworks(const io::GenerationParameters& p, GenerationSettings& s, const QList<ModelEntry>& entries,
                     QStringList* notes) {
  const auto loraHashes = hashList(extraValue(p, "Lora hashes"));
  static const QRegularExpression tag(QStringLiteral(R"(<(lora|lyco):([^:>]+)([^>]*)>)"));
  QString prompt;
  qsizetype last = 0;
  QStringList missing;
  for (auto it = tag.globalMatch(s.prompt); it.hasNext();) {
    const auto m = it.next();
    prompt += s.prompt.mid(last, m.capturedStart() - last);
    last = m.capturedEnd();
    const QString name = m.captured(2);
    const ModelEntry* e = networkNamed(entries, true, name, loraHashes.value(name));
    if (!e && !missing.contains(name)) missing << name;
    prompt += QStringLiteral("<%1:%2%3>").arg(m.captured(1), e ? stem(*e) : name, m.captured(3));
  }
  s.prompt = prompt + s.prompt.mid(last);
  if (notes && !missing.isEmpty())
    *notes << Bridge::tr("The prompt names LoRAs the library does not have: %1.").arg(missing.join(QStringLiteral(", ")));
  QStringList missingTi;
  const auto ti = hashList(extraValue(p, "TI hashes"));
  for (auto it = ti.begin(); it != ti.end(); ++it)
    if (!networkNamed(entries, false, it.key(), QString())) missingTi << it.key();
  missingTi.sort();
  if (notes && !missingTi.isEmpty())
    *notes << Bridge::tr("The prompt uses embeddings the library does not have: %1.").arg(missingTi.join(QStringLiteral(", ")));
}

// A1111's "Hires upscale" / "Hires resize" / "Hires steps" / "Hires upscaler" (its "Denoising
// strength" is then the second pass's). Without them Hires. fix is off, as the image was made.
void restoreHires(const io::GenerationParameters& p, GenerationSettings& s, QStringList* notes) {
  std::optional<pipelines::HiresFix> hires;
  try {
    hires = pipelines::hires_from_parameters(p);
  } catch (const std::exception& e) {
    if (notes) *notes << Bridge::tr("Hires. fix cannot be restored: %1").arg(qs(e.what()));
  }
  s.hiresEnabled = hires.has_value();
  if (!hires) return;
  s.hiresScale = std::clamp(hires->scale, 1.0, 8.0);
  s.hiresSteps = hires->steps;
  s.hiresStrength = hires->strength;
  s.hiresResizeWidth = hires->resize_width;
  s.hiresResizeHeight = hires->resize_height;
  s.hiresUpscaler = qs(hires->upscaler);
  s.hiresUpscalerModel = qs(hires->upscaler_model);  // a name: the Hires. fix panel finds its folder
  if (!pipelines::is_hires_upscaler(hires->upscaler)) {
    if (notes)
      *notes << Bridge::tr("The upscaler \"%1\" is not in Gesso: Hires. fix uses Latent.").arg(s.hiresUpscaler);
    s.hiresUpscaler = QStringLiteral("Latent");
  }
}

GenerationSettings settingsFrom(const io::GenerationParameters& p, const GenerationSettings& base,
                                const ModelChoices& choices, QStringList* notes) {
  GenerationSettings s = base;
  s.prompt = qs(p.prompt);
  s.negativePrompt = qs(p.negative_prompt);
  s.steps = p.steps;
  s.sampler = samplerFrom(p, base.sampler, notes);
  if (p.cfg_scale > 0) s.guidance = p.cfg_scale;
  restoreHires(p, s, notes);
  if (p.denoising_strength && !s.hiresEnabled) s.strength = *p.denoising_strength;
  restoreSeedAndSize(p, s, notes);
  if (choices.models) restoreModel(p, s, *choices.models, notes);
  if (choices.vaes) restoreVae(p, s, *choices.vaes, notes);
  if (choices.networks) restoreNetworks(p, s, *choices.networks, notes);
  restoreRefiner(p, s, choices, notes);
  return s;
}

// A ControlNet by hash (the short hash, or a longer or shorter prefix of the SHA-256 of 8 digits
// or more), else by name.
const ModelEntry* pickControlNet(const QList<ModelEntry>& entries, const NamedModel& named) {
  if (named.hash.size() >= 8)
    for (const ModelEntry& e : entries)
      if (!e.sha256.isEmpty() && e.sha256.startsWith(named.hash, Qt::CaseInsensitive)) return &e;
  return pick(entries, NamedModel{named.name, QString()});
}

// The parameters of a text, or nullopt with the reason in `error` (as settingsFromParameters says it).
std::optional<io::GenerationParameters> parametersOf(const QString& text, QString* error) {
  io::GenerationParameters params;
  try {
    params = io::parse_a1111(text.toStdString());
  } catch (const std::exception& e) {
    if (error) *error = Bridge::tr("These generation parameters cannot be read: %1").arg(qs(e.what()));
    return std::nullopt;
  }
  // Without a "Steps: ..., Sampler: ..." line the whole text parses as a prompt: any text would.
  if (params.steps <= 0) {
    if (error)
      *error = Bridge::tr("This text holds no generation parameters (a line such as \"Steps: 20, "
                          "Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512\").");
    return std::nullopt;
  }
  return params;
}

}  // namespace

std::optional<QList<RestoredControlUnit>> controlUnitsFromParameters(const QString& text,
                                                                     const QList<ModelEntry>& controlNets,
                                                                     QStringList* notes, QString* error) {
  const auto params = parametersOf(text, error);
  if (!params) return std::nullopt;
  static const QRegularExpression key(QStringLiteral(R"(^ControlNet (\d+)$)"));
  QList<RestoredControlUnit> units;
  for (const auto& [name, value] : params->extra) {
    const auto match = key.match(qs(name));
    bool ok = false;
    const int index = match.hasMatch() ? match.captured(1).toInt(&ok) : -1;
    if (!ok || index < 0) continue;
    RestoredControlUnit r;
    r.index = index;
    try {
      r.unit = pipelines::parse_control_unit_text(value);
    } catch (const std::exception& e) {
      if (notes) *notes << Bridge::tr("ControlNet %1 cannot be read: %2").arg(index).arg(qs(e.what()));
      continue;
    }
    const NamedModel named{qs(r.unit.model).trimmed(), qs(r.unit.model_hash).trimmed()};
    r.modelName = shown(named);
    r.unit.model.clear();
    r.unit.model_hash.clear();
    const bool none = named.hash.isEmpty() && (named.name.isEmpty() ||
                                               named.name.compare(QLatin1String("None"), Qt::CaseInsensitive) == 0);
    if (!none) {
      if (const ModelEntry* e = pickControlNet(controlNets, named)) {
        r.unit.model = e->path.toStdString();
        r.unit.model_hash = e->shortHash().toStdString();
      } else if (notes) {
        *notes << Bridge::tr("The ControlNet model \"%1\" (unit %2) is not in the library: that unit's model is left "
                             "as it is.").arg(r.modelName).arg(index + 1);
      }
    }
    if (!control::find_preprocessor(r.unit.preprocessor.name)) {
      if (notes)
        *notes << Bridge::tr("The ControlNet preprocessor \"%1\" (unit %2) is not in Gesso (it needs a model of its "
                             "own): \"none\" is used; give the unit a control image made already.")
                      .arg(qs(r.unit.preprocessor.name))
                      .arg(index + 1);
      r.unit.preprocessor = control::PreprocessorSettings{};
    }
    units << r;
  }
  std::sort(units.begin(), units.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
  return units;
}

std::optional<GenerationSettings> settingsFromParameters(const QString& text, QString* error,
                                                         const GenerationSettings& base, QStringList* notes,
                                                         const QStringList& refinerFolders) {
  return settingsFromParameters(text, error, base, notes, ModelChoices{refinerFolders, std::nullopt, std::nullopt});
}

std::optional<GenerationSettings> settingsFromParameters(const QString& text, QString* error,
                                                         const GenerationSettings& base, QStringList* notes,
                                                         const ModelChoices& choices) {
  const auto params = parametersOf(text, error);
  if (!params) return std::nullopt;
  return settingsFrom(*params, base, choices, notes);
}

pipelines::HiresFix hiresOf(const GenerationSettings& s) {
  pipelines::HiresFix h;
  h.enabled = s.hiresEnabled;
  h.scale = s.hiresScale;
  h.steps = s.hiresSteps;
  h.strength = s.hiresStrength;
  h.upscaler = s.hiresUpscaler.toStdString();
  h.upscaler_model = s.hiresUpscalerModel.toStdString();
  h.resize_width = s.hiresResizeWidth;
  h.resize_height = s.hiresResizeHeight;
  return h;
}

QString modeFromParameters(const QString& text) {
  const auto p = parametersOf(text, nullptr);
  if (!p) return {};
  try {
    if (pipelines::hires_from_parameters(*p)) return QStringLiteral("txt2img");
    if (pipelines::inpaint_options_from(*p)) return QStringLiteral("inpaint");
  } catch (const std::exception&) {
    // A malformed value: its key still tells the mode.
    for (const char* key : {"Mask blur", "Inpaint area", "Masked area padding", "Masked content"})
      if (p->extra.count(key)) return QStringLiteral("inpaint");
    return QStringLiteral("txt2img");
  }
  return p->denoising_strength ? QStringLiteral("img2img") : QStringLiteral("txt2img");
}

std::optional<pipelines::InpaintOptions> inpaintOptionsFromParameters(const QString& text, QStringList* notes) {
  const auto p = parametersOf(text, nullptr);
  if (!p) return std::nullopt;
  try {
    return pipelines::inpaint_options_from(*p);
  } catch (const std::exception& e) {
    if (notes) *notes << Bridge::tr("The inpainting options cannot be restored: %1").arg(qs(e.what()));
    return std::nullopt;
  }
}

QString parametersFromSettings(const GenerationSettings& s, const QString& modelName) {
  io::GenerationParameters p;
  p.prompt = s.prompt.toStdString();
  p.negative_prompt = s.negativePrompt.toStdString();
  p.steps = s.steps;
  p.sampler = s.sampler.toStdString();
  p.cfg_scale = s.guidance;
  p.seed = static_cast<uint64_t>(std::max<qint64>(s.seed, 0));
  p.width = s.width;
  p.height = s.height;
  p.model = modelName.toStdString();
  if (s.mode != QLatin1String("txt2img")) p.denoising_strength = s.strength;
  if (s.mode == QLatin1String("txt2img") && s.hiresEnabled) pipelines::add_hires_parameters(p, hiresOf(s));
  // As the engine writes it for the images it makes (stable_diffusion_pipeline.cpp).
  if (s.batchSize > 1) p.extra["Batch size"] = std::to_string(s.batchSize);
  if (!s.refiner.isEmpty() && s.mode != QLatin1String("inpaint")) {
    p.extra["Refiner"] = QFileInfo(QDir::cleanPath(s.refiner)).fileName().toStdString();
    p.extra["Refiner switch at"] = io::format_number(s.refinerSwitch);
  }
  if (!s.vae.isEmpty()) p.extra["VAE"] = QFileInfo(QDir::cleanPath(s.vae)).fileName().toStdString();
  p.extra["Version"] = "Gesso";
  try {
    return qs(io::format_a1111(p));
  } catch (const std::exception&) {
    return {};  // only an unwritable extra key throws, and the keys above are fixed
  }
}

std::optional<GenerationSettings> settingsFromPng(const QString& path, QString* error,
                                                  const GenerationSettings& base, QStringList* notes,
                                                  const QStringList& refinerFolders) {
  return settingsFromPng(path, error, base, notes, ModelChoices{refinerFolders, std::nullopt, std::nullopt});
}

std::optional<GenerationSettings> settingsFromPng(const QString& path, QString* error,
                                                  const GenerationSettings& base, QStringList* notes,
                                                  const ModelChoices& choices) {
  const QString name = QFileInfo(path).fileName();
  QImageReader reader(path);
  if (!QFileInfo(path).isFile() || !reader.canRead())
    return fail(error, Bridge::tr("%1 cannot be read as an image.").arg(name));
  const QString text = readParametersText(path);
  if (text.trimmed().isEmpty())
    return fail(error,
                Bridge::tr("%1 carries no generation parameters (no \"parameters\" text in the PNG).").arg(name));
  QString reason;
  auto settings = settingsFromParameters(text, &reason, base, notes, choices);
  if (!settings) return fail(error, Bridge::tr("%1: %2").arg(name, reason));
  return settings;
}

}  // namespace gesso::ui
