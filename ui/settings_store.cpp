#include "ui/settings_store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <cerrno>
#include <cstdio>
#endif

namespace gesso::ui {
namespace {

const QString kRuntimeGroup = QStringLiteral("Runtime");

// Replaces `to` by `from` in one step: rename(2), or MoveFileEx on Windows. QFile::rename refuses
// an existing target, and removing it first would open a window with no settings file at all.
bool replaceFile(const QString& from, const QString& to, QString* reason) {
#ifdef Q_OS_WIN
  if (MoveFileExW(reinterpret_cast<const wchar_t*>(from.utf16()),
                  reinterpret_cast<const wchar_t*>(to.utf16()),
                  MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
    return true;
  *reason = qt_error_string(int(GetLastError()));
#else
  if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0)
    return true;
  *reason = qt_error_string(errno);
#endif
  return false;
}

QString seedModeName(SeedMode mode) {
  return mode == SeedMode::Fixed ? QStringLiteral("fixed") : QStringLiteral("random");
}

}  // namespace

SettingsStore::SettingsStore(const QString& filePath) : m_path(filePath) { load(); }

QString SettingsStore::defaultPath() {
  return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
         QStringLiteral("/gesso.ini");
}

QString SettingsStore::defaultOutputFolder() {
  QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
  if (pictures.isEmpty()) pictures = QDir::homePath();
  return pictures + QStringLiteral("/Gesso");
}

QString SettingsStore::defaultModelsRoot() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/models");
}

void SettingsStore::load() {
  if (!QFileInfo::exists(m_path)) return;
  // QSettings keeps parsed files in a per-process cache keyed by path and trusts it while the
  // file's size and modification time (in ms) match. A file that save() replaced within the same
  // millisecond at the same size would read back stale. A private copy under a fresh name is
  // always parsed from disk.
  const QTemporaryDir scratch;
  const QString copy = scratch.filePath(QStringLiteral("settings.ini"));
  if (!scratch.isValid() || !QFile::copy(m_path, copy)) {
    m_loadError = tr("Cannot read the settings file %1; using the defaults").arg(m_path);
    return;
  }
  const QSettings file(copy, QSettings::IniFormat);
  if (file.status() != QSettings::NoError) {
    m_loadError = tr("Cannot read the settings file %1; using the defaults").arg(m_path);
    return;
  }
  for (const QString& key : file.allKeys()) m_values.insert(key, file.value(key));
}

bool SettingsStore::fail(const QString& message, QString* error) {
  m_lastError = message;
  if (error) *error = message;
  return false;
}

bool SettingsStore::save(QString* error) {
  const QString newPath = m_path + QStringLiteral("_new");
  const QString folder = QFileInfo(m_path).absolutePath();
  if (!QDir().mkpath(folder))
    return fail(tr("Cannot create the settings folder %1").arg(folder), error);
  // QSettings merges into what a file already holds: a leftover of an interrupted save must go.
  if (QFileInfo::exists(newPath) && !QFile::remove(newPath))
    return fail(tr("Cannot remove the stale %1").arg(newPath), error);
  {
    QSettings out(newPath, QSettings::IniFormat);
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) out.setValue(it.key(), it.value());
    out.sync();
    if (out.status() != QSettings::NoError) {
      QFile::remove(newPath);
      return fail(tr("Cannot write the settings file %1").arg(newPath), error);
    }
  }
  QString reason;
  if (!replaceFile(newPath, m_path, &reason)) {
    QFile::remove(newPath);
    return fail(tr("Cannot replace the settings file %1: %2").arg(m_path, reason), error);
  }
  m_dirty = false;
  m_lastError.clear();
  return true;
}

QVariant SettingsStore::value(const QString& key, const QVariant& fallback) const {
  return m_values.value(key, fallback);
}

// INI files hold text: a number comes back as a string, and a hand-edited one may not parse.
int SettingsStore::intValue(const QString& key, int fallback) const {
  bool ok = false;
  const int v = m_values.value(key).toInt(&ok);
  return ok ? v : fallback;
}

void SettingsStore::setValue(const QString& key, const QVariant& value) {
  m_values.insert(key, value);
  m_dirty = true;
}

QByteArray SettingsStore::windowGeometry() const {
  return value(QStringLiteral("Window/geometry")).toByteArray();
}
void SettingsStore::setWindowGeometry(const QByteArray& geometry) {
  setValue(QStringLiteral("Window/geometry"), geometry);
}
QByteArray SettingsStore::windowState() const {
  return value(QStringLiteral("Window/state")).toByteArray();
}
void SettingsStore::setWindowState(const QByteArray& state) {
  setValue(QStringLiteral("Window/state"), state);
}

GenerationSettings SettingsStore::lastGeneration() const {
  const GenerationSettings d;
  GenerationSettings g;
  g.prompt = value(QStringLiteral("Generation/prompt")).toString();
  g.negativePrompt = value(QStringLiteral("Generation/negativePrompt")).toString();
  bool ok = false;
  const qint64 seed = value(QStringLiteral("Generation/seed")).toLongLong(&ok);
  g.seed = ok ? seed : d.seed;
  g.seedMode = value(QStringLiteral("Generation/seedMode")).toString() == seedModeName(SeedMode::Fixed)
                   ? SeedMode::Fixed
                   : SeedMode::Random;
  g.width = intValue(QStringLiteral("Generation/width"), d.width);
  g.height = intValue(QStringLiteral("Generation/height"), d.height);
  g.steps = intValue(QStringLiteral("Generation/steps"), d.steps);
  const double guidance = value(QStringLiteral("Generation/guidance")).toDouble(&ok);
  g.guidance = ok ? guidance : d.guidance;
  g.sampler = value(QStringLiteral("Generation/sampler"), d.sampler).toString();
  g.batchCount = intValue(QStringLiteral("Generation/batchCount"), d.batchCount);
  g.batchSize = intValue(QStringLiteral("Generation/batchSize"), d.batchSize);
  g.mode = value(QStringLiteral("Generation/mode"), d.mode).toString();
  const double strength = value(QStringLiteral("Generation/strength")).toDouble(&ok);
  g.strength = ok ? strength : d.strength;
  g.refiner = value(QStringLiteral("Generation/refiner")).toString();
  const double refinerSwitch = value(QStringLiteral("Generation/refinerSwitch")).toDouble(&ok);
  g.refinerSwitch = ok && refinerSwitch > 0 && refinerSwitch < 1 ? refinerSwitch : d.refinerSwitch;
  g.vae = value(QStringLiteral("Generation/vae")).toString();
  g.plainPrompts = value(QStringLiteral("Generation/plainPrompts"), false).toBool();
  readHires(g);
  return g;
}

void SettingsStore::setLastGeneration(const GenerationSettings& g) {
  setValue(QStringLiteral("Generation/prompt"), g.prompt);
  setValue(QStringLiteral("Generation/negativePrompt"), g.negativePrompt);
  setValue(QStringLiteral("Generation/seed"), g.seed);
  setValue(QStringLiteral("Generation/seedMode"), seedModeName(g.seedMode));
  setValue(QStringLiteral("Generation/width"), g.width);
  setValue(QStringLiteral("Generation/height"), g.height);
  setValue(QStringLiteral("Generation/steps"), g.steps);
  setValue(QStringLiteral("Generation/guidance"), g.guidance);
  setValue(QStringLiteral("Generation/sampler"), g.sampler);
  setValue(QStringLiteral("Generation/batchCount"), g.batchCount);
  setValue(QStringLiteral("Generation/batchSize"), g.batchSize);
  setValue(QStringLiteral("Generation/mode"), g.mode);
  setValue(QStringLiteral("Generation/strength"), g.strength);
  setValue(QStringLiteral("Generation/refiner"), g.refiner);
  setValue(QStringLiteral("Generation/refinerSwitch"), g.refinerSwitch);
  setValue(QStringLiteral("Generation/vae"), g.vae);
  setValue(QStringLiteral("Generation/plainPrompts"), g.plainPrompts);
  setValue(QStringLiteral("Generation/hiresEnabled"), g.hiresEnabled);
  setValue(QStringLiteral("Generation/hiresScale"), g.hiresScale);
  setValue(QStringLiteral("Generation/hiresSteps"), g.hiresSteps);
  setValue(QStringLiteral("Generation/hiresStrength"), g.hiresStrength);
  setValue(QStringLiteral("Generation/hiresUpscaler"), g.hiresUpscaler);
  setValue(QStringLiteral("Generation/hiresUpscalerModel"), g.hiresUpscalerModel);
  setValue(QStringLiteral("Generation/hiresResizeWidth"), g.hiresResizeWidth);
  setValue(QStringLiteral("Generation/hiresResizeHeight"), g.hiresResizeHeight);
}

// Hires. fix's values; one out of its range (a hand-edited file) takes the default.
void SettingsStore::readHires(GenerationSettings& g) const {
  const GenerationSettings d;
  bool ok = false;
  g.hiresEnabled = value(QStringLiteral("Generation/hiresEnabled"), d.hiresEnabled).toBool();
  const double scale = value(QStringLiteral("Generation/hiresScale")).toDouble(&ok);
  g.hiresScale = ok && scale >= 1 && scale <= 8 ? scale : d.hiresScale;
  const int steps = intValue(QStringLiteral("Generation/hiresSteps"), d.hiresSteps);
  g.hiresSteps = steps >= 0 && steps <= 1000 ? steps : d.hiresSteps;
  const double strength = value(QStringLiteral("Generation/hiresStrength")).toDouble(&ok);
  g.hiresStrength = ok && strength > 0 && strength <= 1 ? strength : d.hiresStrength;
  g.hiresUpscaler = value(QStringLiteral("Generation/hiresUpscaler"), d.hiresUpscaler).toString();
  g.hiresUpscalerModel = value(QStringLiteral("Generation/hiresUpscalerModel"), d.hiresUpscalerModel).toString();
  const int w = intValue(QStringLiteral("Generation/hiresResizeWidth"), 0);
  const int h = intValue(QStringLiteral("Generation/hiresResizeHeight"), 0);
  g.hiresResizeWidth = w >= 0 && w <= 8192 ? w : 0;
  g.hiresResizeHeight = h >= 0 && h <= 8192 ? h : 0;
}

QStringList SettingsStore::modelFolders() const {
  return value(QStringLiteral("Models/folders")).toStringList();
}
void SettingsStore::setModelFolders(const QStringList& folders) {
  setValue(QStringLiteral("Models/folders"), folders);
}
QString SettingsStore::currentModel() const {
  return value(QStringLiteral("Models/current")).toString();
}
void SettingsStore::setCurrentModel(const QString& model) {
  setValue(QStringLiteral("Models/current"), model);
}

QString SettingsStore::modelsRoot() const {
  const QString root = value(QStringLiteral("Models/root")).toString();
  return root.isEmpty() ? defaultModelsRoot() : root;
}
void SettingsStore::setModelsRoot(const QString& folder) {
  setValue(QStringLiteral("Models/root"), folder);
}
QStringList SettingsStore::extraModelFolders() const {
  return value(QStringLiteral("Models/extraFolders")).toStringList();
}
void SettingsStore::setExtraModelFolders(const QStringList& folders) {
  setValue(QStringLiteral("Models/extraFolders"), folders);
}

QVariantMap SettingsStore::group(const QString& name) const {
  const QString prefix = name + QLatin1Char('/');
  QVariantMap values;
  for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
    if (it.key().startsWith(prefix)) values.insert(it.key().mid(prefix.size()), it.value());
  return values;
}

void SettingsStore::setGroup(const QString& name, const QVariantMap& values) {
  const QString prefix = name + QLatin1Char('/');
  for (auto it = m_values.begin(); it != m_values.end();)
    it = it.key().startsWith(prefix) ? m_values.erase(it) : std::next(it);
  for (auto it = values.cbegin(); it != values.cend(); ++it) m_values.insert(prefix + it.key(), it.value());
  m_dirty = true;
}

QVariantMap SettingsStore::runtimeToggles() const {
  QVariantMap toggles = group(kRuntimeGroup);
  for (auto it = toggles.begin(); it != toggles.end(); ++it) *it = it->toString();
  return toggles;
}

void SettingsStore::setRuntimeToggles(const QVariantMap& toggles) {
  QVariantMap text;
  for (auto it = toggles.cbegin(); it != toggles.cend(); ++it) text.insert(it.key(), it.value().toString());
  setGroup(kRuntimeGroup, text);
}

QString SettingsStore::outputFolder() const {
  return value(QStringLiteral("Output/folder"), defaultOutputFolder()).toString();
}
void SettingsStore::setOutputFolder(const QString& folder) {
  setValue(QStringLiteral("Output/folder"), folder);
}
QString SettingsStore::language() const {
  return value(QStringLiteral("Interface/language")).toString();
}
void SettingsStore::setLanguage(const QString& language) {
  setValue(QStringLiteral("Interface/language"), language);
}
int SettingsStore::previewInterval() const {
  return qMax(0, intValue(QStringLiteral("Interface/previewInterval"), kDefaultPreviewInterval));
}
void SettingsStore::setPreviewInterval(int steps) {
  setValue(QStringLiteral("Interface/previewInterval"), qMax(0, steps));
}

}  // namespace gesso::ui
