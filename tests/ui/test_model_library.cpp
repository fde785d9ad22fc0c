// The model library on a temporary models folder of small real files (safetensors written by the
// engine with the keys inspect_model_file classifies, a copy of the tiny diffusers folder): the
// scan (A1111's subfolders created, each kind classified, a corrupt file listed unreadable),
// the short hashes (against QCryptographicHash and the "abc" vector), the cache (hit after a
// rescan and across instances, invalidated by size and mtime), the panel's lists (search, the VAE
// picker, request hashes, remembered picks while the first scan runs), a PNG's "Model hash" and
// "VAE hash", the library dialog, the settings, and the window end to end.
#include <QtTest>

#include <QComboBox>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>

#include <string>
#include <utility>
#include <vector>

#include "common/fixtures.h"
#include "common/widgets.h"
#include "engine/io/safetensors.h"
#include "engine/pipelines/generation_request.h"
#include "engine/pipelines/model_family.h"
#include "engine/pipelines/model_file.h"
#include "ui/generation_panel.h"
#include "ui/main_window.h"
#include "ui/model_hash_cache.h"
#include "ui/model_library.h"
#include "ui/model_library_dialog.h"
#include "ui/output_naming.h"
#include "ui/parameters_bridge.h"
#include "ui/settings_store.h"

using gesso::pipelines::GenerationRequest;
using gesso::pipelines::ModelFamily;
using gesso::pipelines::ModelFileKind;
using gesso::test::child;
using gesso::ui::GenerationPanel;
using gesso::ui::MainWindow;
using gesso::ui::ModelChoices;
using gesso::ui::ModelEntry;
using gesso::ui::ModelHashCache;
using gesso::ui::ModelLibrary;
using gesso::ui::ModelLibraryDialog;

namespace {

using Tensors = std::vector<std::pair<std::string, torch::Tensor>>;

void save(const QString& path, const Tensors& tensors) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  gesso::io::save_safetensors(path.toStdString(), tensors);
}

// A UNet under the LDM prefix whose cross-attention reads `context` wide: SD 1.x at 768, SDXL at
// 2048; 9 input channels make it an inpainting one.
Tensors checkpoint(int64_t context, int64_t inChannels = 4) {
  return {{"model.diffusion_model.input_blocks.0.0.weight", torch::zeros({8, inChannels, 3, 3})},
          {"model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight", torch::zeros({8, context})}};
}

QString sha256Of(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}

// A1111's hash of a LoRA safetensors (kohya's addnet hash): the bytes after the 8-byte length and
// the JSON header it gives.
QString addnetSha256Of(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  const QByteArray all = f.readAll();
  quint64 n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(all[i]);
  return QString::fromLatin1(QCryptographicHash::hash(all.mid(qsizetype(8 + n)), QCryptographicHash::Sha256).toHex());
}

// What the library records for an entry: the file's SHA-256, or a LoRA safetensors' addnet hash.
QString expectedHash(const gesso::ui::ModelEntry& e) {
  return e.isLora() && e.path.endsWith(QLatin1String(".safetensors")) ? addnetSha256Of(e.path) : sha256Of(e.path);
}

void copyTree(const QString& from, const QString& to) {
  QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString file = it.next();
    const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(file);
    QDir().mkpath(QFileInfo(target).absolutePath());
    QFile::copy(file, target);
  }
}

QString tinyModel() { return QString::fromStdString((gesso::test::fixture_dir("pipelines") / "sd1").string()); }

QStringList itemTexts(const QComboBox* combo) {
  QStringList texts;
  for (int i = 0; i < combo->count(); ++i) texts << combo->itemText(i);
  return texts;
}

const ModelEntry* byName(const QList<ModelEntry>& entries, const QString& name) {
  for (const ModelEntry& e : entries)
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace

class TestModelLibrary : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  QString m_root;

  QString at(const QString& relative) const { return m_root + QLatin1Char('/') + relative; }

  // Rescans and waits for the scan and the hashing.
  static bool scan(ModelLibrary& library) {
    library.rescan();
    return QTest::qWaitFor([&] { return !library.isBusy(); }, 60000);
  }

  // Lists the library's entries in a fresh panel.
  static void fill(GenerationPanel& panel, const ModelLibrary& library) { panel.setLibraryEntries(library.entries()); }

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_root = m_dir.filePath("models");
    save(at("Stable-diffusion/sd15-pruned.safetensors"), checkpoint(768));
    save(at("Stable-diffusion/SDXL/base.safetensors"), checkpoint(2048));
    save(at("Stable-diffusion/SDXL/inpaint.safetensors"), checkpoint(2048, 9));
    copyTree(tinyModel(), at("Stable-diffusion/tiny-sd1"));
    QFile broken(at("Stable-diffusion/broken.safetensors"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("this is not a safetensors file at all");
    broken.close();
    QFile notes(at("Stable-diffusion/readme.txt"));  // not a weight file: not listed
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("notes");
    notes.close();
    save(at("VAE/sdxl_vae.safetensors"),
         {{"encoder.conv_in.weight", torch::zeros({4, 3, 3, 3})}, {"decoder.conv_out.weight", torch::zeros({3, 4, 3, 3})}});
    save(at("Lora/style/ink.safetensors"),
         {{"lora_unet_down_blocks_0_attentions_0_proj_in.lora_down.weight", torch::zeros({4, 8})},
          {"lora_unet_down_blocks_0_attentions_0_proj_in.lora_up.weight", torch::zeros({8, 4})}});
    save(at("embeddings/bad-hands.safetensors"), {{"emb_params", torch::zeros({2, 768})}});
  }

  void knownSha256Vector() {
    const QString path = m_dir.filePath("abc.txt");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("abc");
    f.close();
    const QString sha = gesso::ui::fileSha256(path);
    QCOMPARE(sha, QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(gesso::ui::shortHash(sha), QStringLiteral("ba7816bf8f"));
    QString error;
    QCOMPARE(gesso::ui::fileSha256(m_dir.filePath("missing"), nullptr, &error), QString());
    QVERIFY(!error.isEmpty());
  }

  void scanClassifiesEveryKind() {
    ModelLibrary library(m_dir.filePath("cache-scan.json"));
    library.setFolders(m_root, {});
    QSignalSpy changed(&library, &ModelLibrary::entriesChanged);
    library.rescan();
    QVERIFY(library.isScanning());  // in the background: rescan() returned at once
    QVERIFY(QTest::qWaitFor([&] { return !library.isBusy(); }, 60000));
    QCOMPARE(changed.count(), 1);
    for (const QString& sub : ModelLibrary::subfolders()) QVERIFY2(QFileInfo(at(sub)).isDir(), qPrintable(sub));
    QStringList names;
    for (const ModelEntry& e : library.entries()) names << e.name;
    // Per subfolder, by name; the diffusers folder is one entry (not entered), readme.txt none.
    QCOMPARE(names, (QStringList{"broken.safetensors", "sd15-pruned.safetensors", "SDXL/base.safetensors",
                                 "SDXL/inpaint.safetensors", "tiny-sd1", "sdxl_vae.safetensors",
                                 "style/ink.safetensors", "bad-hands.safetensors"}));
    const QList<ModelEntry> entries = library.entries();
    const ModelEntry* sd15 = byName(entries, "sd15-pruned.safetensors");
    QCOMPARE(sd15->kind, std::optional(ModelFileKind::kCheckpoint));
    QCOMPARE(sd15->family, std::optional(ModelFamily::kSD1));
    QCOMPARE(sd15->subfolder, QStringLiteral("Stable-diffusion"));
    QCOMPARE(sd15->size, QFileInfo(at("Stable-diffusion/sd15-pruned.safetensors")).size());
    QCOMPARE(ModelLibrary::kindLabel(*sd15), QStringLiteral("SD 1.x checkpoint"));
    QCOMPARE(ModelLibrary::kindLabel(*byName(entries, "SDXL/inpaint.safetensors")),
             QStringLiteral("SDXL inpainting checkpoint"));
    const ModelEntry* folder = byName(entries, "tiny-sd1");
    QCOMPARE(folder->kind, std::optional(ModelFileKind::kDiffusersFolder));
    QCOMPARE(folder->family, std::optional(ModelFamily::kSD1));
    QVERIFY(folder->folder);
    QVERIFY(folder->sha256.isEmpty());  // A1111 hashes no folders
    QVERIFY(folder->size > 0);
    QCOMPARE(byName(entries, "sdxl_vae.safetensors")->kind, std::optional(ModelFileKind::kVae));
    QCOMPARE(byName(entries, "style/ink.safetensors")->kind, std::optional(ModelFileKind::kLora));
    const ModelEntry* embedding = byName(entries, "bad-hands.safetensors");
    QCOMPARE(embedding->kind, std::optional(ModelFileKind::kEmbedding));
    QCOMPARE(ModelLibrary::kindLabel(*embedding), QStringLiteral("SD 1.x embedding"));
    // The corrupt file is listed, unreadable, the engine's reason in its tooltip; not hashed.
    const ModelEntry* broken = byName(entries, "broken.safetensors");
    QVERIFY(!broken->readable());
    QVERIFY(!broken->error.isEmpty());
    QVERIFY2(ModelLibrary::toolTip(*broken).contains(broken->error), qPrintable(ModelLibrary::toolTip(*broken)));
    QCOMPARE(ModelLibrary::kindLabel(*broken), QStringLiteral("unreadable"));
    QVERIFY(broken->sha256.isEmpty());
  }

  void extraFoldersAreScanned() {
    const QString extra = m_dir.filePath("elsewhere");
    save(extra + "/deep/down/other.safetensors", checkpoint(768));
    ModelLibrary library(m_dir.filePath("cache-extra.json"));
    library.setFolders(QString(), {extra, tinyModel()});  // the second one is a model itself
    QVERIFY(scan(library));
    QCOMPARE(library.entries().size(), 2);
    QCOMPARE(library.entries()[0].name, QStringLiteral("deep/down/other.safetensors"));
    QCOMPARE(library.entries()[0].subfolder, QString());
    QCOMPARE(library.entries()[1].name, QStringLiteral("sd1"));
    QCOMPARE(library.entries()[1].path, QDir::cleanPath(tinyModel()));
    QVERIFY(library.entry(tinyModel()) != nullptr);
  }

  void hashesAreSha256AndCached() {
    const QString cache = m_dir.filePath("cache-hash.json");
    {
      ModelLibrary library(cache);
      library.setFolders(m_root, {});
      QSignalSpy hashed(&library, &ModelLibrary::hashComputed);
      QVERIFY(scan(library));
      // Every readable file: 6 (the folder and the corrupt file have none).
      QCOMPARE(library.hashesComputed(), 6);
      QCOMPARE(hashed.count(), 6);
      for (const ModelEntry& e : library.entries()) {
        if (e.folder || !e.readable()) continue;
        QCOMPARE(e.sha256, expectedHash(e));
        QCOMPARE(e.shortHash(), expectedHash(e).left(10));
        if (e.isLora()) QVERIFY(e.sha256 != sha256Of(e.path));  // not the whole file's
      }
      // Checkpoints first: what the model list needs.
      QVERIFY(library.entry(hashed.first().first().toString())->isModel());
      QVERIFY(QFileInfo(cache).isFile());
      // A rescan reads nothing again.
      QVERIFY(scan(library));
      QCOMPARE(library.hashesComputed(), 6);
    }
    // Nor does another instance: the hashes come from the cache file, before any hashing.
    ModelLibrary again(cache);
    again.setFolders(m_root, {});
    QSignalSpy changed(&again, &ModelLibrary::entriesChanged);
    again.rescan();
    QVERIFY(changed.wait(60000));
    QCOMPARE(again.entry(at("VAE/sdxl_vae.safetensors"))->sha256, sha256Of(at("VAE/sdxl_vae.safetensors")));
    QVERIFY(QTest::qWaitFor([&] { return !again.isBusy(); }, 60000));
    QCOMPARE(again.hashesComputed(), 0);
    QVERIFY(ModelHashCache(cache).loadError().isEmpty());
    QCOMPARE(ModelHashCache(cache).size(), 6);
  }

  void changedFilesAreHashedAgain() {
    const QString root = m_dir.filePath("changing");
    const QString lora = root + "/Lora/a.safetensors", vae = root + "/VAE/v.safetensors";
    save(lora, {{"lora_unet_x.lora_down.weight", torch::zeros({2, 2})}});
    save(vae, {{"encoder.conv_in.weight", torch::zeros({1})}, {"decoder.conv_out.weight", torch::zeros({1})}});
    ModelLibrary library(m_dir.filePath("cache-change.json"));
    library.setFolders(root, {});
    QVERIFY(scan(library));
    QCOMPARE(library.hashesComputed(), 2);
    const QString vaeHash = library.entry(vae)->sha256;
    // Another modification time, the same bytes: hashed again (to the same hash).
    QFile touched(vae);
    QVERIFY(touched.open(QIODevice::ReadWrite));
    QVERIFY(touched.setFileTime(QDateTime::currentDateTime().addSecs(3600), QFileDevice::FileModificationTime));
    touched.close();
    QVERIFY(scan(library));
    QCOMPARE(library.hashesComputed(), 3);
    QCOMPARE(library.entry(vae)->sha256, vaeHash);
    // Another size: a new hash.
    const QString loraHash = library.entry(lora)->sha256;
    save(lora, {{"lora_unet_x.lora_down.weight", torch::zeros({4, 4})}});
    QVERIFY(scan(library));
    QCOMPARE(library.hashesComputed(), 4);
    QVERIFY(library.entry(lora)->sha256 != loraHash);
    QCOMPARE(library.entry(lora)->sha256, addnetSha256Of(lora));
  }

  void foreignCacheIsIgnored() {
    const QString cache = m_dir.filePath("foreign.json");
    QFile f(cache);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"not\": \"ours\"}");
    f.close();
    ModelHashCache read(cache);
    QVERIFY(!read.loadError().isEmpty());
    QCOMPARE(read.size(), 0);
    read.insert("/x", 1, 2, QString(64, QLatin1Char('a')));
    QVERIFY(read.save());
    ModelHashCache back(cache);
    QVERIFY(back.loadError().isEmpty());
    QCOMPARE(back.sha256("/x", 1, 2), QString(64, QLatin1Char('a')));
    QCOMPARE(back.sha256("/x", 1, 3), QString());  // stale
  }

  void panelListsTheLibrary() {
    ModelLibrary library(m_dir.filePath("cache-hash.json"));
    library.setFolders(m_root, {});
    QVERIFY(scan(library));
    GenerationPanel panel;
    panel.setModelFolders({tinyModel()});  // one added by hand comes first
    fill(panel, library);
    auto* models = child<QComboBox>(panel, "modelCombo");
    const auto hash = [&](const char* relative) { return library.entry(at(relative))->shortHash(); };
    QCOMPARE(itemTexts(models),
             (QStringList{"sd1 — SD 1.x", "broken.safetensors — unreadable",
                          QStringLiteral("sd15-pruned.safetensors [%1] — SD 1.x checkpoint").arg(hash("Stable-diffusion/sd15-pruned.safetensors")),
                          QStringLiteral("SDXL/base.safetensors [%1] — SDXL checkpoint").arg(hash("Stable-diffusion/SDXL/base.safetensors")),
                          QStringLiteral("SDXL/inpaint.safetensors [%1] — SDXL inpainting checkpoint")
                              .arg(hash("Stable-diffusion/SDXL/inpaint.safetensors")),
                          "tiny-sd1 — SD 1.x", "Add folder…"}));
    QCOMPARE(panel.modelFolders(), QStringList{QDir::cleanPath(tinyModel())});
    // The refiner list: SDXL models that are no inpainting ones.
    QCOMPARE(panel.refinerFolders(), QStringList{at("Stable-diffusion/SDXL/base.safetensors")});
    // The VAE list: Automatic, then the library's VAEs.
    auto* vaes = child<QComboBox>(panel, "vaeCombo");
    QCOMPARE(vaes->count(), 2);
    QCOMPARE(vaes->itemText(0), QStringLiteral("Automatic"));
    QCOMPARE(vaes->itemData(1).toString(), at("VAE/sdxl_vae.safetensors"));

    // A checkpoint's request: its path and short hash; the VAE's.
    panel.setCurrentModelFolder(at("Stable-diffusion/SDXL/base.safetensors"));
    QCOMPARE(panel.currentModelFamily(), std::optional(ModelFamily::kSDXL));
    QCOMPARE(panel.settings().width, 1024);  // the family's presets and size
    GenerationRequest r;
    panel.fillRequest(r);
    QCOMPARE(r.model_dir, at("Stable-diffusion/SDXL/base.safetensors").toStdString());
    QCOMPARE(r.model_hash, hash("Stable-diffusion/SDXL/base.safetensors").toStdString());
    QCOMPARE(r.vae, std::string());
    QCOMPARE(r.vae_hash, std::string());
    vaes->setCurrentIndex(1);
    emit vaes->activated(1);
    panel.fillRequest(r);
    QCOMPARE(r.vae, at("VAE/sdxl_vae.safetensors").toStdString());
    QCOMPARE(r.vae_hash, hash("VAE/sdxl_vae.safetensors").toStdString());
    QCOMPARE(panel.settings().vae, at("VAE/sdxl_vae.safetensors"));
    // A folder has no hash.
    panel.setCurrentModelFolder(at("Stable-diffusion/tiny-sd1"));
    panel.fillRequest(r);
    QCOMPARE(r.model_hash, std::string());
    // Back to Automatic through the settings.
    auto s = panel.settings();
    s.vae.clear();
    panel.setSettings(s);
    panel.fillRequest(r);
    QCOMPARE(r.vae, std::string());
  }

  void searchFiltersTheModelList() {
    ModelLibrary library(m_dir.filePath("cache-hash.json"));
    library.setFolders(m_root, {});
    QVERIFY(scan(library));
    GenerationPanel panel;
    fill(panel, library);
    auto* models = child<QComboBox>(panel, "modelCombo");
    auto* search = child<QLineEdit>(panel, "modelSearchEdit");
    const QString current = panel.currentModelFolder();
    QCOMPARE(current, at("Stable-diffusion/broken.safetensors"));  // the first listed
    QSignalSpy changed(&panel, &GenerationPanel::currentModelFolderChanged);
    search->setText("sdxl inpainting");  // every word, in the name or the kind
    QCOMPARE(models->count(), 3);        // the current model stays, the match, "Add folder…"
    QCOMPARE(models->itemData(0).toString(), current);
    QCOMPARE(models->itemData(1).toString(), at("Stable-diffusion/SDXL/inpaint.safetensors"));
    QCOMPARE(changed.count(), 0);  // searching selects nothing
    models->setCurrentIndex(1);
    emit models->activated(1);
    QCOMPARE(panel.currentModelFolder(), at("Stable-diffusion/SDXL/inpaint.safetensors"));
    QCOMPARE(models->count(), 2);  // the previous one is filtered out now
    search->setText(library.entry(at("Stable-diffusion/sd15-pruned.safetensors"))->shortHash());
    QCOMPARE(models->count(), 3);  // by hash too
    search->clear();
    QCOMPARE(models->count(), 6);
    QCOMPARE(panel.currentModelFolder(), at("Stable-diffusion/SDXL/inpaint.safetensors"));
  }

  // While the first scan runs, what the settings remember waits for it instead of being added by hand.
  void panelWaitsForTheFirstScan() {
    ModelLibrary library(m_dir.filePath("cache-hash.json"));
    library.setFolders(m_root, {});
    GenerationPanel panel;
    panel.setLibraryLoading(true);
    QSignalSpy folders(&panel, &GenerationPanel::modelFoldersChanged);
    const QString model = at("Stable-diffusion/SDXL/base.safetensors"), vae = at("VAE/sdxl_vae.safetensors");
    panel.setCurrentModelFolder(model);
    auto s = panel.settings();
    s.refiner = model;
    s.vae = vae;
    panel.setSettings(s);
    QCOMPARE(panel.settings().model, model);  // what would be saved now
    QCOMPARE(panel.settings().vae, vae);
    QVERIFY(scan(library));
    QSignalSpy current(&panel, &GenerationPanel::currentModelFolderChanged);
    fill(panel, library);
    QCOMPARE(panel.currentModelFolder(), model);
    QVERIFY(current.count() >= 1);
    QCOMPARE(panel.currentVae(), vae);
    QCOMPARE(panel.currentRefinerFolder(), model);
    QVERIFY(panel.modelFolders().isEmpty());
    QCOMPARE(folders.count(), 0);
    // A hash that arrives later updates the lists.
    panel.setEntryHash(vae, QString(64, QLatin1Char('f')));
    QCOMPARE(child<QComboBox>(panel, "vaeCombo")->itemText(1), QStringLiteral("sdxl_vae.safetensors [ffffffffff] — VAE"));
  }

  void pngHashesSelectTheModelAndVae() {
    ModelLibrary library(m_dir.filePath("cache-hash.json"));
    library.setFolders(m_root, {});
    QVERIFY(scan(library));
    GenerationPanel panel;
    fill(panel, library);
    const ModelEntry base = *library.entry(at("Stable-diffusion/SDXL/base.safetensors"));
    const ModelEntry vae = *library.entry(at("VAE/sdxl_vae.safetensors"));
    const ModelChoices choices{panel.refinerFolders(), panel.modelEntries(), panel.vaeEntries()};
    const auto restore = [&](const QString& keys, QStringList* notes) {
      const QString png = m_dir.filePath("restore.png");
      QImage image(16, 16, QImage::Format_RGB888);
      image.fill(Qt::gray);
      QFile::remove(png);
      const QString text = "a castle\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 1024x1024, " + keys;
      if (!gesso::ui::writeImageAtomically(image, png, text)) return false;
      QString error;
      const auto s = gesso::ui::settingsFromPng(png, &error, panel.settings(), notes, choices);
      if (!s) return false;
      panel.setSettings(*s);
      return true;
    };
    QStringList notes;
    // The hash wins over a name that matches nothing here (A1111's own title for the checkpoint).
    QVERIFY(restore(QStringLiteral("Model hash: %1, Model: juggernautXL_v9, VAE hash: %2, VAE: sdxl_vae.safetensors")
                        .arg(base.shortHash().toUpper(), vae.shortHash()),
                    &notes));
    QVERIFY2(notes.isEmpty(), qPrintable(notes.join(' ')));
    QCOMPARE(panel.currentModelFolder(), base.path);
    QCOMPARE(panel.currentVae(), vae.path);
    // Without a hash, the name: A1111 writes the file name without its extension.
    QVERIFY(restore("Model: sd15-pruned, VAE: None", &notes));
    QCOMPARE(panel.currentModelFolder(), at("Stable-diffusion/sd15-pruned.safetensors"));
    QCOMPARE(panel.currentVae(), QString());  // None: Automatic
    QVERIFY(notes.isEmpty());
    QVERIFY(restore("Model: tiny-sd1", &notes));
    QCOMPARE(panel.currentModelFolder(), at("Stable-diffusion/tiny-sd1"));
    // Unknown: the selection stays, and the notes say so.
    QVERIFY(restore("Model hash: 0123456789, Model: nowhere, VAE hash: abcdefabcd, VAE: gone.pt", &notes));
    QCOMPARE(panel.currentModelFolder(), at("Stable-diffusion/tiny-sd1"));
    QCOMPARE(panel.currentVae(), QString());
    QCOMPARE(notes.size(), 2);
    QVERIFY2(notes[0].contains("nowhere [0123456789]") && notes[0].contains("library"), qPrintable(notes[0]));
    QVERIFY2(notes[1].contains("gone.pt [abcdefabcd]"), qPrintable(notes[1]));
    // A refiner by A1111's title: its hash.
    notes.clear();
    QVERIFY(restore(QStringLiteral("Model hash: %1, Refiner: sd_xl_refiner_1.0 [%1], Refiner switch at: 0.7").arg(base.shortHash()),
                    &notes));
    QCOMPARE(panel.settings().refiner, base.path);
    QVERIFY(notes.isEmpty());
  }

  void dialogEditsTheFoldersAndSearches() {
    ModelLibrary library(m_dir.filePath("cache-hash.json"));
    library.setFolders(m_root, {});
    QVERIFY(scan(library));
    ModelLibraryDialog dialog(library);
    QCOMPARE(dialog.root(), m_root);
    QCOMPARE(dialog.shownCount(), library.entries().size());
    auto* search = child<QLineEdit>(dialog, "librarySearchEdit");
    search->setText("lora");
    QCOMPARE(dialog.shownCount(), 1);
    search->setText("unreadable");
    QCOMPARE(dialog.shownCount(), 1);
    search->clear();
    QSignalSpy folders(&dialog, &ModelLibraryDialog::foldersChanged);
    const QString extra = m_dir.filePath("elsewhere");
    dialog.setFolderChooser([extra](QWidget*, const QString&) { return extra; });
    child<QPushButton>(dialog, "addExtraFolderButton")->click();
    QCOMPARE(folders.count(), 1);
    QCOMPARE(folders.at(0).at(0).toString(), m_root);
    QCOMPARE(folders.at(0).at(1).toStringList(), QStringList{extra});
    child<QPushButton>(dialog, "addExtraFolderButton")->click();  // not twice
    QCOMPARE(folders.count(), 1);
    auto* root = child<QLineEdit>(dialog, "modelsRootEdit");
    root->setText(QDir::toNativeSeparators(m_dir.filePath("other-models")));
    emit root->editingFinished();
    QCOMPARE(folders.count(), 2);
    QCOMPARE(folders.at(1).at(0).toString(), m_dir.filePath("other-models"));
    // What the window does with them: the next scan lists the extra folder's model too.
    library.setFolders(folders.at(1).at(0).toString(), folders.at(1).at(1).toStringList());
    QVERIFY(scan(library));
    QCOMPARE(dialog.shownCount(), 1);
    auto* list = child<QListWidget>(dialog, "extraFoldersList");
    list->setCurrentRow(0);
    child<QPushButton>(dialog, "removeExtraFolderButton")->click();
    QCOMPARE(folders.count(), 3);
    QVERIFY(folders.at(2).at(1).toStringList().isEmpty());
  }

  // Issue 18, item 7: what is added as a model is checked then, with the reason in words: a
  // diffusers folder (model_index.json) or a readable checkpoint of a family Generate runs.
  void modelsAreCheckedWhenAdded() {
    const auto problem = [](const QString& path) { return ModelLibrary::modelProblem(ModelLibrary::classify(path)); };
    QCOMPARE(problem(tinyModel()), QString());
    QCOMPARE(problem(at("Stable-diffusion/sd15-pruned.safetensors")), QString());
    QCOMPARE(problem(at("Stable-diffusion/SDXL/inpaint.safetensors")), QString());
    const QString empty = m_dir.filePath("not-a-model");
    QDir().mkpath(empty);
    QVERIFY2(problem(empty).contains("model_index.json"), qPrintable(problem(empty)));
    QVERIFY(problem(at("Stable-diffusion/broken.safetensors")).contains("not a model Gesso can read"));
    QVERIFY(problem(m_dir.filePath("missing.safetensors")).contains("does not exist"));
    const QString vae = problem(at("VAE/sdxl_vae.safetensors"));
    QVERIFY2(vae.contains("not a model") && vae.contains("VAE"), qPrintable(vae));
    QVERIFY(problem(at("Lora/style/ink.safetensors")).contains("Lora"));
    QVERIFY(problem(at("embeddings/bad-hands.safetensors")).contains("embeddings"));
  }

  // The dialog's extra folders: checked as they are added (refused with the reason shown, nothing
  // emitted), and removable one at a time (Remove is off while none is selected).
  void dialogChecksAndRemovesExtraFolders() {
    ModelLibrary library(m_dir.filePath("cache-check.json"));
    library.setFolders(m_root, {});
    ModelLibraryDialog dialog(library);
    QSignalSpy folders(&dialog, &ModelLibraryDialog::foldersChanged);
    QString answer;
    dialog.setFolderChooser([&answer](QWidget*, const QString&) { return answer; });
    auto* add = child<QPushButton>(dialog, "addExtraFolderButton");
    auto* remove = child<QPushButton>(dialog, "removeExtraFolderButton");
    auto* error = child<QLabel>(dialog, "extraFolderError");
    QVERIFY(error->isHidden());
    QVERIFY(!remove->isEnabled());
    const QString file = at("Stable-diffusion/sd15-pruned.safetensors");
    const QList<QPair<QString, QString>> refused = {{m_dir.filePath("nowhere"), "does not exist"},
                                                    {file, "not a folder"},
                                                    {at("Lora"), "inside the models folder"},
                                                    {m_root, "inside the models folder"}};
    for (const auto& [path, why] : refused) {
      answer = path;
      add->click();
      QVERIFY2(!error->isHidden() && error->text().contains(why), qPrintable(path + ": " + error->text()));
      QCOMPARE(folders.count(), 0);
      QVERIFY(dialog.extraFolders().isEmpty());
    }
    const QString extra = m_dir.filePath("extra-checked");
    QDir().mkpath(extra);
    answer = extra;
    add->click();
    QVERIFY(error->isHidden());
    QCOMPARE(dialog.extraFolders(), QStringList{extra});
    QCOMPARE(folders.count(), 1);
    add->click();  // the same again: said so, not listed twice
    QVERIFY(error->text().contains("listed already"));
    QCOMPARE(dialog.extraFolders(), QStringList{extra});
    QCOMPARE(folders.count(), 1);
    QVERIFY(remove->isEnabled());  // the folder just added is selected
    remove->click();
    QVERIFY(dialog.extraFolders().isEmpty());
    QCOMPARE(folders.count(), 2);
    QVERIFY(!remove->isEnabled());
  }

  void settingsKeepTheFolders() {
    const QString file = m_dir.filePath("library.ini");
    {
      gesso::ui::SettingsStore settings(file);
      QCOMPARE(settings.modelsRoot(), gesso::ui::SettingsStore::defaultModelsRoot());
      QVERIFY(settings.modelsRoot().endsWith("/models"));
      QVERIFY(settings.extraModelFolders().isEmpty());
      settings.setModelsRoot(m_root);
      settings.setExtraModelFolders({"/a", "/b c"});
      gesso::ui::GenerationSettings g;
      g.vae = at("VAE/sdxl_vae.safetensors");
      settings.setLastGeneration(g);
      QVERIFY(settings.save());
    }
    gesso::ui::SettingsStore back(file);
    QCOMPARE(back.modelsRoot(), m_root);
    QCOMPARE(back.extraModelFolders(), (QStringList{"/a", "/b c"}));
    QCOMPARE(back.lastGeneration().vae, at("VAE/sdxl_vae.safetensors"));
  }

  // The window: the library's folder from the settings, a remembered checkpoint selected after the
  // scan (not added by hand), Settings > Rescan, and a dropped PNG's model hash.
  void windowUsesTheLibrary() {
    const QString ini = m_dir.filePath("window.ini");
    const QString model = at("Stable-diffusion/sd15-pruned.safetensors");
    {
      gesso::ui::SettingsStore settings(ini);
      settings.setModelsRoot(m_root);
      settings.setCurrentModel(model);
      QVERIFY(settings.save());
    }
    const MainWindow::Paths paths{ini, m_dir.filePath("window.sqlite"), m_dir.filePath("cache-hash.json")};
    MainWindow window(paths);
    QVERIFY(QTest::qWaitFor([&] { return !window.modelLibrary()->isBusy(); }, 60000));
    auto* panel = window.generationPanel();
    QCOMPARE(panel->currentModelFolder(), model);
    QVERIFY(panel->modelFolders().isEmpty());
    QCOMPARE(window.modelLibrary()->root(), m_root);
    QCOMPARE(window.modelLibrary()->hashesComputed(), 0);  // all cached by the tests above

    const ModelEntry base = *window.modelLibrary()->entry(at("Stable-diffusion/SDXL/base.safetensors"));
    const QString png = m_dir.filePath("window.png");
    QImage image(16, 16, QImage::Format_RGB888);
    image.fill(Qt::gray);
    QVERIFY(gesso::ui::writeImageAtomically(
        image, png, "a castle\nSteps: 20, Sampler: Euler, CFG scale: 7, Seed: 5, Size: 1024x1024, Model hash: " +
                        base.shortHash() + ", Model: sd_xl_base_1.0"));
    QVERIFY(window.restoreParameters(png));
    QCOMPARE(panel->currentModelFolder(), base.path);
    // An unknown model: the selection stays and the status bar says so.
    QFile::remove(png);
    QVERIFY(gesso::ui::writeImageAtomically(
        image, png, "a castle\nSteps: 20, Sampler: Euler, CFG scale: 7, Seed: 5, Size: 512x512, Model hash: 0000000000, "
                    "Model: somewhere_else"));
    QVERIFY(window.restoreParameters(png));
    QCOMPARE(panel->currentModelFolder(), base.path);
    QVERIFY2(window.statusBar()->currentMessage().contains("somewhere_else"), qPrintable(window.statusBar()->currentMessage()));

    window.close();  // saves the settings
    QCOMPARE(gesso::ui::SettingsStore(ini).currentModel(), base.path);
    QVERIFY(gesso::ui::SettingsStore(ini).modelFolders().isEmpty());
  }
};

QTEST_MAIN(TestModelLibrary)
#include "test_model_library.moc"
