#include "ui/model_library.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <exception>

#include "engine/io/model_folder.h"
#include "engine/pipelines/model_family.h"
#include "engine/pipelines/model_file.h"
#include "engine/schedulers/scheduler.h"

namespace gesso::ui {

namespace {

using pipelines::ModelFamily;
using pipelines::ModelFileKind;

struct ScanRoot {
  QString folder;     // cleaned absolute
  QString subfolder;  // "" for an extra folder
};

QString qs(const std::string& text) { return QString::fromStdString(text); }

QString cleanAbsolute(const QString& path) { return QDir::cleanPath(QFileInfo(path).absoluteFilePath()); }

// A diffusers folder's own sampler, from its scheduler config; "" when it cannot be read.
QString folderSampler(const QString& path) {
  try {
    const io::ModelIndex index = io::read_model_index(path.toStdString());
    const auto config = schedulers::load_scheduler_config(index.path("scheduler") + "/scheduler_config.json");
    return qs(schedulers::sampler_display_name(schedulers::default_sampler(config), config));
  } catch (const std::exception&) {
    return {};  // the list still shows the folder; a run would name what is wrong
  }
}

// config.json's "_class_name" of a folder, "" without one.
QString configClass(const QDir& dir) {
  QFile file(dir.filePath(QStringLiteral("config.json")));
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(file.read(1 << 20)).object().value("_class_name").toString();
}

// What a folder is to the scan: a model to list (and not to enter), or a folder to enter.
enum class FolderRole { Descend, Model };

FolderRole folderRole(const QDir& dir) {
  if (dir.exists(QStringLiteral("model_index.json"))) return FolderRole::Model;
  const QString cls = configClass(dir);
  return cls == QLatin1String("AutoencoderKL") || cls == QLatin1String("ControlNetModel") ? FolderRole::Model
                                                                                          : FolderRole::Descend;
}

qint64 folderSize(const QString& path) {
  qint64 total = 0;
  for (QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();) {
    it.next();
    total += it.fileInfo().size();
  }
  return total;
}

struct Walk {
  const std::atomic<bool>& stop;
  QSet<QString> seen;  // canonical paths: symlinked folders are entered once
  QList<ModelEntry> found;

  void add(const ScanRoot& root, const QFileInfo& info) {
    ModelEntry e = ModelLibrary::classify(info.absoluteFilePath());
    e.name = QDir(root.folder).relativeFilePath(e.path);
    if (e.name == QLatin1String(".")) e.name = QFileInfo(e.path).fileName();  // an extra folder that is a model
    e.subfolder = root.subfolder;
    found << e;
  }

  void folder(const ScanRoot& root, const QString& path) {
    if (stop.load() || !QFileInfo(path).isDir()) return;
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (seen.contains(canonical)) return;
    seen.insert(canonical);
    const QDir dir(path);
    if (folderRole(dir) == FolderRole::Model) return add(root, QFileInfo(path));
    const auto children = dir.entryInfoList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot, QDir::Name | QDir::IgnoreCase);
    for (const QFileInfo& child : children) {
      if (stop.load()) return;
      if (child.isDir()) {
        folder(root, child.absoluteFilePath());
      } else if (ModelLibrary::isWeightFile(child.fileName())) {
        const QString canonicalFile = child.canonicalFilePath();
        if (seen.contains(canonicalFile)) continue;
        seen.insert(canonicalFile);
        add(root, child);
      }
    }
  }
};

QList<ModelEntry> scanFolders(const QList<ScanRoot>& roots, const std::atomic<bool>& stop) {
  Walk walk{stop, {}, {}};
  for (const ScanRoot& root : roots) {
    const qsizetype first = walk.found.size();
    walk.folder(root, root.folder);
    std::stable_sort(walk.found.begin() + first, walk.found.end(), [](const ModelEntry& a, const ModelEntry& b) {
      return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
  }
  return walk.found;
}

// The order files are hashed in: what the pickers and PNG matching need first.
int hashPriority(const ModelEntry& e) {
  if (e.isModel()) return 0;
  if (e.isVae()) return 1;
  return 2;
}

// A1111 keeps a LoRA's hash apart from the file's (cache.json's "lora/" section): so do we.
const QString kAddnetPrefix = QStringLiteral("addnet:");

bool addnetHash(const ModelEntry& e) { return e.isLora() && e.path.endsWith(QLatin1String(".safetensors"), Qt::CaseInsensitive); }

QString hashKey(const ModelEntry& e) { return addnetHash(e) ? kAddnetPrefix + e.path : e.path; }

}  // namespace

bool ModelEntry::isModel() const {
  return kind == ModelFileKind::kCheckpoint || kind == ModelFileKind::kDiffusersFolder;
}

bool ModelEntry::isVae() const { return kind == ModelFileKind::kVae; }
bool ModelEntry::isLora() const { return kind == ModelFileKind::kLora; }
bool ModelEntry::isEmbedding() const { return kind == ModelFileKind::kEmbedding; }

const QStringList& ModelLibrary::subfolders() {
  static const QStringList names = {kCheckpoints, QStringLiteral("VAE"), QStringLiteral("Lora"),
                                    QStringLiteral("embeddings"), QStringLiteral("ControlNet")};
  return names;
}

bool ModelLibrary::isWeightFile(const QString& fileName) {
  static const QStringList suffixes = {".safetensors", ".ckpt", ".pt", ".bin", ".pth"};
  return std::any_of(suffixes.begin(), suffixes.end(),
                     [&](const QString& s) { return fileName.endsWith(s, Qt::CaseInsensitive); });
}

ModelLibrary::ModelLibrary(const QString& cacheFile, QObject* parent)
    : QObject(parent), m_cache(cacheFile) {
  m_pool.setMaxThreadCount(2);  // a scan and the hashing
  m_pool.setObjectName(QStringLiteral("ModelLibrary"));
}

ModelLibrary::~ModelLibrary() {
  if (m_stopScan) m_stopScan->store(true);
  stopHashing();
  m_pool.waitForDone();
}

void ModelLibrary::setFolders(const QString& root, const QStringList& extraFolders) {
  m_root = root.isEmpty() ? QString() : QDir::cleanPath(root);
  m_extra.clear();
  for (const QString& folder : extraFolders)
    if (!folder.isEmpty() && !m_extra.contains(QDir::cleanPath(folder))) m_extra << QDir::cleanPath(folder);
}

void ModelLibrary::createSubfolders() {
  if (m_root.isEmpty()) return;
  for (const QString& sub : subfolders()) {
    const QString path = m_root + QLatin1Char('/') + sub;
    if (!QDir().mkpath(path)) {
      emit problem(tr("Cannot create the models folder %1").arg(QDir::toNativeSeparators(path)));
      return;
    }
  }
}

void ModelLibrary::rescan() {
  createSubfolders();
  stopHashing();
  QList<ScanRoot> roots;
  if (!m_root.isEmpty())
    for (const QString& sub : subfolders()) roots << ScanRoot{cleanAbsolute(m_root + QLatin1Char('/') + sub), sub};
  for (const QString& extra : m_extra) roots << ScanRoot{cleanAbsolute(extra), QString()};
  const quint64 generation = ++m_generation;
  m_scanning = true;
  emit scanStarted();
  if (m_stopScan) m_stopScan->store(true);  // superseded: its result would be dropped anyway
  const auto stop = std::make_shared<std::atomic<bool>>(false);
  m_stopScan = stop;
  m_pool.start([this, generation, roots, stop] {
    const QList<ModelEntry> found = scanFolders(roots, *stop);
    if (stop->load()) return;
    QMetaObject::invokeMethod(this, [this, generation, found] { scanDone(generation, found); }, Qt::QueuedConnection);
  });
}

void ModelLibrary::scanDone(quint64 generation, const QList<ModelEntry>& found) {
  if (generation != m_generation) return;  // a later rescan is under way
  m_entries.clear();
  m_index.clear();
  for (ModelEntry e : found) {
    if (m_index.contains(e.path)) continue;  // an extra folder inside the models folder
    if (e.readable() && !e.folder) e.sha256 = m_cache.sha256(hashKey(e), e.size, e.mtimeMs);
    m_index.insert(e.path, m_entries.size());
    m_entries << e;
  }
  m_scanning = false;
  emit entriesChanged();
  startHashing();
}

void ModelLibrary::startHashing() {
  QList<std::pair<int, HashJob>> ordered;
  for (const ModelEntry& e : std::as_const(m_entries))
    if (e.readable() && !e.folder && e.sha256.isEmpty())
      ordered.append({hashPriority(e), HashJob{e.path, e.size, e.mtimeMs, addnetHash(e)}});
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  if (ordered.isEmpty()) {
    emit hashingFinished();
    return;
  }
  QList<HashJob> jobs;
  for (const auto& [priority, job] : ordered) jobs << job;
  auto stop = std::make_shared<std::atomic<bool>>(false);
  m_stopHashing = stop;
  m_hashing = true;
  m_pool.start([this, jobs, stop] {
    for (const HashJob& job : jobs) {
      if (stop->load()) return;
      const QString sha = job.addnet ? fileAddnetSha256(job.path, stop.get()) : fileSha256(job.path, stop.get());
      if (stop->load()) return;
      // A file that changed while it was read has no hash for this size and time.
      const QFileInfo after(job.path);
      if (sha.isEmpty() || after.size() != job.size || after.lastModified().toMSecsSinceEpoch() != job.mtimeMs)
        continue;
      QMetaObject::invokeMethod(this, [this, job, sha] { hashDone(job, sha); }, Qt::QueuedConnection);
    }
    QMetaObject::invokeMethod(this, [this, stop] {
      if (stop != m_stopHashing) return;  // superseded
      m_stopHashing.reset();
      m_hashing = false;
      emit hashingFinished();
    }, Qt::QueuedConnection);
  });
}

void ModelLibrary::hashDone(const HashJob& job, const QString& sha256) {
  ++m_hashesComputed;
  m_cache.insert(job.addnet ? kAddnetPrefix + job.path : job.path, job.size, job.mtimeMs, sha256);
  QString error;
  if (!m_cache.save(&error) && !m_cacheProblemShown) {
    m_cacheProblemShown = true;
    emit problem(error);
  }
  const auto it = m_index.constFind(job.path);
  if (it == m_index.constEnd()) return;
  ModelEntry& e = m_entries[*it];
  if (e.size != job.size || e.mtimeMs != job.mtimeMs) return;
  e.sha256 = sha256;
  emit hashComputed(job.path, sha256);
}

void ModelLibrary::stopHashing() {
  if (m_stopHashing) m_stopHashing->store(true);
  m_stopHashing.reset();
  m_hashing = false;
}

const ModelEntry* ModelLibrary::entry(const QString& path) const {
  const auto it = m_index.constFind(QDir::cleanPath(path));
  return it == m_index.constEnd() ? nullptr : &m_entries[*it];
}

ModelEntry ModelLibrary::classify(const QString& path) {
  ModelEntry e;
  const QFileInfo info(path);
  e.path = QDir::cleanPath(path);
  e.name = info.fileName().isEmpty() ? e.path : info.fileName();
  e.folder = info.isDir();
  e.size = e.folder ? folderSize(e.path) : info.size();
  e.mtimeMs = info.exists() ? info.lastModified().toMSecsSinceEpoch() : 0;
  if (e.folder && configClass(QDir(e.path)) == QLatin1String("ControlNetModel")) {
    e.kind = ModelFileKind::kControlNet;  // the engine reads ControlNets as files only
    return e;
  }
  try {
    const pipelines::ModelFileInfo file = pipelines::inspect_model_file(e.path.toStdString());
    e.kind = file.kind;
    e.family = file.family;
    e.inpainting = file.inpainting;
  } catch (const std::exception& error) {
    e.error = qs(error.what());
    return e;
  } catch (...) {
    e.error = tr("The file cannot be read");
    return e;
  }
  if (e.kind == ModelFileKind::kDiffusersFolder) e.sampler = folderSampler(e.path);
  return e;
}

QString ModelLibrary::modelProblem(const ModelEntry& e) {
  const QString path = QDir::toNativeSeparators(e.path);
  if (!QFileInfo::exists(e.path)) return tr("%1 does not exist.").arg(path);
  if (!e.readable()) {
    const QString why = e.error.isEmpty() ? tr("it cannot be read") : e.error;
    return e.folder ? tr("%1 is not a diffusers model folder (one with a model_index.json): %2").arg(path, why)
                    : tr("%1 is not a model Gesso can read: %2").arg(path, why);
  }
  if (!e.isModel())
    return tr("%1 is a %2, not a model: put it in the models folder's %3 folder instead.")
        .arg(path, kindLabel(e), e.isVae() ? QStringLiteral("VAE") : e.isLora() ? QStringLiteral("Lora")
                                           : e.isEmbedding()            ? QStringLiteral("embeddings")
                                                                        : QStringLiteral("ControlNet"));
  if (e.family && !pipelines::is_latent_text_to_image(*e.family))
    return tr("%1 is a %2 model, which the Generate form does not run (%3).")
        .arg(path, familyName(*e.family),
             *e.family == ModelFamily::kSDUpscale ? tr("use File > Upscale") : tr("pick the DeepFloyd IF mode"));
  return {};
}

QString ModelLibrary::extraFolderProblem(const QString& folder, const QString& root, const QStringList& extraFolders) {
  const QString path = QDir::cleanPath(folder);
  const QFileInfo info(path);
  const QString shown = QDir::toNativeSeparators(path);
  if (!info.exists()) return tr("%1 does not exist.").arg(shown);
  if (!info.isDir()) return tr("%1 is a file, not a folder: add a checkpoint file with the model list's \"Add folder…\", "
                               "or put it in the models folder.").arg(shown);
  if (!info.isReadable() || !info.isExecutable()) return tr("%1 cannot be read.").arg(shown);
  for (const QString& extra : extraFolders)
    if (QDir::cleanPath(extra) == path) return tr("%1 is listed already.").arg(shown);
  const QString cleanRoot = QDir::cleanPath(root);
  if (!cleanRoot.isEmpty() && (path == cleanRoot || path.startsWith(cleanRoot + QLatin1Char('/'))))
    return tr("%1 is inside the models folder, which is scanned already.").arg(shown);
  return {};
}

QString ModelLibrary::familyName(ModelFamily family) {
  switch (family) {
    case ModelFamily::kSD1: return tr("SD 1.x");
    case ModelFamily::kSD2: return tr("SD 2.x");
    case ModelFamily::kSDXL: return tr("SDXL");
    case ModelFamily::kSDXLRefiner: return tr("SDXL refiner");
    case ModelFamily::kIF: return tr("DeepFloyd IF I");
    case ModelFamily::kIFSuperResolution: return tr("DeepFloyd IF II");
    case ModelFamily::kSDUpscale: return tr("SD x4 upscaler");
  }
  return qs(pipelines::to_string(family));
}

QString ModelLibrary::kindLabel(const ModelEntry& e) {
  if (!e.kind) return tr("unreadable");
  const QString family = e.family ? familyName(*e.family) : QString();
  switch (*e.kind) {
    case ModelFileKind::kDiffusersFolder:
      if (family.isEmpty()) return tr("diffusers folder");
      return e.inpainting ? tr("%1 inpainting").arg(family) : family;
    case ModelFileKind::kCheckpoint:
      if (family.isEmpty()) return e.inpainting ? tr("inpainting checkpoint") : tr("checkpoint");
      return e.inpainting ? tr("%1 inpainting checkpoint").arg(family) : tr("%1 checkpoint").arg(family);
    case ModelFileKind::kVae: return family.isEmpty() ? tr("VAE") : tr("%1 VAE").arg(family);
    case ModelFileKind::kLora: return family.isEmpty() ? tr("LoRA") : tr("%1 LoRA").arg(family);
    case ModelFileKind::kEmbedding: return family.isEmpty() ? tr("embedding") : tr("%1 embedding").arg(family);
    case ModelFileKind::kControlNet: return family.isEmpty() ? tr("ControlNet") : tr("%1 ControlNet").arg(family);
  }
  return {};
}

QString ModelLibrary::title(const ModelEntry& e) {
  const QString label = kindLabel(e);
  return e.sha256.isEmpty() ? tr("%1 — %2").arg(e.name, label) : tr("%1 [%2] — %3").arg(e.name, e.shortHash(), label);
}

QString ModelLibrary::toolTip(const ModelEntry& e) {
  QString tip = QDir::toNativeSeparators(e.path);
  if (!e.readable()) tip += QLatin1Char('\n') + e.error;
  if (!e.sha256.isEmpty()) tip += QLatin1Char('\n') + tr("SHA-256: %1").arg(e.sha256);
  return tip;
}

}  // namespace gesso::ui
