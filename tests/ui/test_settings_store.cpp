// Settings: every value survives a save and a fresh SettingsStore on the same file, a save replaces
// the file in one rename (no "_new" left behind), and a failed save says why.
#include <QtTest>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "ui/settings_store.h"

using gesso::ui::GenerationSettings;
using gesso::ui::SeedMode;
using gesso::ui::SettingsStore;

namespace {

void writeText(const QString& path, const QByteArray& text) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(text);
}

GenerationSettings hostileGeneration() {
  GenerationSettings g;
  // Each of these is special somewhere in an INI file: lines, commas (lists), '@' (QSettings'
  // type marker), quotes, backslashes, '=', ';' and text outside Latin-1.
  g.prompt = QStringLiteral("猫, café\n(masterpiece:1.2), \"quoted\" \\ back=slash; semi\n@Variant(not one)");
  g.negativePrompt = QStringLiteral("blurry, lowres");
  g.seed = 4'294'967'295'123LL;
  g.seedMode = SeedMode::Fixed;
  g.width = 768;
  g.height = 1024;
  g.steps = 35;
  g.guidance = 6.25;
  g.sampler = QStringLiteral("DPM++ 2M Karras");
  g.batchCount = 3;
  g.batchSize = 2;
  g.mode = QStringLiteral("inpaint");
  g.strength = 0.35;
  g.refiner = QStringLiteral("/models/猫, x=y/sd_xl_refiner_1.0");
  g.refinerSwitch = 0.65;
  g.hiresEnabled = true;
  g.hiresScale = 1.75;
  g.hiresSteps = 12;
  g.hiresStrength = 0.45;
  g.hiresUpscaler = QStringLiteral("Latent (nearest)");
  g.hiresResizeWidth = 1536;
  g.hiresResizeHeight = 0;
  return g;
}

}  // namespace

class TestSettingsStore : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  QString iniPath() const { return m_dir.filePath(QStringLiteral("settings/gesso.ini")); }

 private slots:
  void init() {
    QDir(m_dir.filePath(QStringLiteral("settings"))).removeRecursively();
  }

  void defaultsWithoutAFile() {
    SettingsStore s(iniPath());
    QVERIFY(s.loadError().isEmpty());
    const GenerationSettings g = s.lastGeneration();
    QVERIFY(g == GenerationSettings{});
    QCOMPARE(g.width, 512);
    QCOMPARE(g.steps, 20);
    QCOMPARE(g.guidance, 7.5);
    QCOMPARE(g.sampler, QString());  // the model's own
    QCOMPARE(g.refiner, QString());
    QCOMPARE(g.refinerSwitch, 0.8);
    QCOMPARE(g.seedMode, SeedMode::Random);
    QCOMPARE(g.mode, QStringLiteral("txt2img"));
    QVERIFY(!g.hiresEnabled);  // Hires. fix: off, A1111's defaults
    QCOMPARE(g.hiresScale, 2.0);
    QCOMPARE(g.hiresSteps, 0);
    QCOMPARE(g.hiresStrength, 0.7);
    QCOMPARE(g.hiresUpscaler, QStringLiteral("Latent"));
    QCOMPARE(g.hiresResizeWidth, 0);
    QCOMPARE(g.hiresResizeHeight, 0);
    QVERIFY(s.windowGeometry().isEmpty());
    QVERIFY(s.modelFolders().isEmpty());
    QVERIFY(s.runtimeToggles().isEmpty());
    QCOMPARE(s.outputFolder(), SettingsStore::defaultOutputFolder());
    QVERIFY(s.outputFolder().endsWith(QStringLiteral("/Gesso")));
    QCOMPARE(s.language(), QString());
    QCOMPARE(s.previewInterval(), 5);
    QVERIFY(!QFile::exists(iniPath()));  // reading never creates the file
  }

  void everyValueRoundTrips() {
    const char rawGeometry[] = "\x01\xd9\xd0\xcb\x00\x03\x00\x00\xff\x00,=\n";
    const QByteArray geometry(rawGeometry, sizeof rawGeometry - 1);
    const QByteArray state = QByteArray(300, '\0') + QByteArray("state\xff", 6);
    const QStringList folders{QStringLiteral("/models/a, b"), QStringLiteral("/models/猫"),
                              QStringLiteral("C:\\Models\\sd")};
    const QVariantMap toggles{{QStringLiteral("attention"), QStringLiteral("flash")},
                              {QStringLiteral("vae-tiling"), QStringLiteral("true")},
                              {QStringLiteral("offload"), QStringLiteral("sequential")}};
    {
      SettingsStore s(iniPath());
      s.setWindowGeometry(geometry);
      s.setWindowState(state);
      s.setLastGeneration(hostileGeneration());
      s.setModelFolders(folders);
      s.setCurrentModel(QStringLiteral("/models/猫/stable-diffusion-v1-5"));
      s.setRuntimeToggles(toggles);
      s.setOutputFolder(QStringLiteral("/home/me/Pictures/Gesso out"));
      s.setLanguage(QStringLiteral("de"));
      s.setPreviewInterval(3);
      QVERIFY(s.hasUnsavedChanges());
      QString error = QStringLiteral("untouched");
      QVERIFY2(s.save(&error), qPrintable(error));
      QVERIFY(!s.hasUnsavedChanges());
    }
    SettingsStore r(iniPath());
    QVERIFY(r.loadError().isEmpty());
    QCOMPARE(r.windowGeometry(), geometry);
    QCOMPARE(r.windowState(), state);
    const GenerationSettings g = r.lastGeneration();
    const GenerationSettings want = hostileGeneration();
    QCOMPARE(g.prompt, want.prompt);
    QCOMPARE(g.negativePrompt, want.negativePrompt);
    QCOMPARE(g.seed, want.seed);
    QCOMPARE(g.seedMode, SeedMode::Fixed);
    QCOMPARE(g.width, 768);
    QCOMPARE(g.height, 1024);
    QCOMPARE(g.steps, 35);
    QCOMPARE(g.guidance, 6.25);
    QCOMPARE(g.sampler, want.sampler);
    QCOMPARE(g.batchCount, 3);
    QCOMPARE(g.batchSize, 2);
    QCOMPARE(g.mode, QStringLiteral("inpaint"));
    QCOMPARE(g.refiner, want.refiner);
    QCOMPARE(g.refinerSwitch, 0.65);
    QVERIFY(g.hiresEnabled);
    QCOMPARE(g.hiresScale, 1.75);
    QCOMPARE(g.hiresSteps, 12);
    QCOMPARE(g.hiresStrength, 0.45);
    QCOMPARE(g.hiresUpscaler, QStringLiteral("Latent (nearest)"));
    QCOMPARE(g.hiresResizeWidth, 1536);
    QVERIFY(g == want);
    QCOMPARE(r.modelFolders(), folders);
    QCOMPARE(r.currentModel(), QStringLiteral("/models/猫/stable-diffusion-v1-5"));
    QCOMPARE(r.runtimeToggles(), toggles);
    QCOMPARE(r.outputFolder(), QStringLiteral("/home/me/Pictures/Gesso out"));
    QCOMPARE(r.language(), QStringLiteral("de"));
    QCOMPARE(r.previewInterval(), 3);
  }

  // A hand-edited file's Hires. fix values out of range take the defaults, not a run's error.
  void hiresOutOfRangeTakesDefaults() {
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("settings"))));
    QFile f(iniPath());
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[Generation]\nhiresEnabled=true\nhiresScale=0.2\nhiresSteps=-4\nhiresStrength=3\n"
            "hiresResizeWidth=99999\nhiresResizeHeight=abc\n");
    f.close();
    const GenerationSettings g = SettingsStore(iniPath()).lastGeneration();
    const GenerationSettings d;
    QVERIFY(g.hiresEnabled);
    QCOMPARE(g.hiresScale, d.hiresScale);
    QCOMPARE(g.hiresSteps, d.hiresSteps);
    QCOMPARE(g.hiresStrength, d.hiresStrength);
    QCOMPARE(g.hiresResizeWidth, 0);
    QCOMPARE(g.hiresResizeHeight, 0);
  }

  void shortListsRoundTrip() {
    for (const QStringList& folders :
         {QStringList{}, QStringList{QStringLiteral("/only/one")}, QStringList{QStringLiteral("a,b")}}) {
      SettingsStore s(iniPath());
      s.setModelFolders(folders);
      QVERIFY(s.save());
      QCOMPARE(SettingsStore(iniPath()).modelFolders(), folders);
    }
  }

  void runtimeTogglesAreReplacedAsAWhole() {
    SettingsStore s(iniPath());
    s.setRuntimeToggles({{QStringLiteral("tf32"), QStringLiteral("true")},
                         {QStringLiteral("offload"), QStringLiteral("model")}});
    QVERIFY(s.save());
    s.setRuntimeToggles({{QStringLiteral("cuda-graphs"), QStringLiteral("true")}});
    QVERIFY(s.save());
    const QVariantMap want{{QStringLiteral("cuda-graphs"), QStringLiteral("true")}};
    QCOMPARE(SettingsStore(iniPath()).runtimeToggles(), want);
  }

  void saveLeavesOnlyTheSettingsFile() {
    SettingsStore s(iniPath());
    s.setLanguage(QStringLiteral("fr"));
    QVERIFY(s.save());
    s.setLanguage(QStringLiteral("ja"));
    QVERIFY(s.save());  // the second save replaces an existing file
    const QStringList entries = QDir(QFileInfo(iniPath()).absolutePath())
                                    .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    QCOMPARE(entries, QStringList{QStringLiteral("gesso.ini")});
    QCOMPARE(SettingsStore(iniPath()).language(), QStringLiteral("ja"));
  }

  void aReplacedFileNeverReadsBackStale() {
    // Same size, and often the same millisecond: what QSettings' own cache cannot tell apart.
    for (int i = 0; i < 50; ++i) {
      const QString language = i % 2 ? QStringLiteral("fr") : QStringLiteral("ja");
      SettingsStore s(iniPath());
      s.setLanguage(language);
      QVERIFY(s.save());
      QCOMPARE(SettingsStore(iniPath()).language(), language);
    }
  }

  void aStaleNewFileIsNeitherReadNorMerged() {
    // As after a crash mid-save: the real file is whole, "_new" is a fragment.
    {
      SettingsStore s(iniPath());
      s.setLanguage(QStringLiteral("fr"));
      QVERIFY(s.save());
    }
    writeText(iniPath() + QStringLiteral("_new"),
              "[Interface]\nlanguage=stale\n[Runtime]\nleftover=1\n[Generation]\nprom");
    SettingsStore s(iniPath());
    QCOMPARE(s.language(), QStringLiteral("fr"));
    QVERIFY(s.runtimeToggles().isEmpty());
    s.setPreviewInterval(7);
    QVERIFY(s.save());
    QVERIFY(!QFile::exists(iniPath() + QStringLiteral("_new")));
    SettingsStore r(iniPath());
    QCOMPARE(r.language(), QStringLiteral("fr"));
    QCOMPARE(r.previewInterval(), 7);
    QVERIFY(r.runtimeToggles().isEmpty());  // "leftover" was not merged in
  }

  // A file from before the model's own sampler and the refiner: its sampler stays; "" is kept too.
  void samplerAndRefinerOfOlderFiles() {
    QDir().mkpath(QFileInfo(iniPath()).absolutePath());
    writeText(iniPath(), "[Generation]\nsampler=Euler a\nsteps=30\n");
    GenerationSettings g = SettingsStore(iniPath()).lastGeneration();
    QCOMPARE(g.sampler, QStringLiteral("Euler a"));
    QCOMPARE(g.refiner, QString());
    QCOMPARE(g.refinerSwitch, 0.8);
    {
      SettingsStore s(iniPath());
      g.sampler.clear();
      s.setLastGeneration(g);
      QVERIFY(s.save());
    }
    QCOMPARE(SettingsStore(iniPath()).lastGeneration().sampler, QString());
    writeText(iniPath(), "[Generation]\nrefiner=/m/r\nrefinerSwitch=1.5\n");
    g = SettingsStore(iniPath()).lastGeneration();
    QCOMPARE(g.refiner, QStringLiteral("/m/r"));
    QCOMPARE(g.refinerSwitch, 0.8);  // out of (0, 1): the default
  }

  void handEditedNonsenseFallsBackToDefaults() {
    QDir().mkpath(QFileInfo(iniPath()).absolutePath());
    writeText(iniPath(), "[Generation]\nwidth=wide\nguidance=lots\nseed=\nsteps=30\n"
                         "[Interface]\npreviewInterval=-4\n");
    const SettingsStore s(iniPath());
    const GenerationSettings g = s.lastGeneration();
    QCOMPARE(g.width, 512);
    QCOMPARE(g.guidance, 7.5);
    QCOMPARE(g.seed, qint64(0));
    QCOMPARE(g.steps, 30);
    QCOMPARE(s.previewInterval(), 0);
  }

  void unwritableFolderFailsWithAReason() {
    const QString file = m_dir.filePath(QStringLiteral("not-a-folder"));
    writeText(file, "x");
    SettingsStore s(file + QStringLiteral("/gesso.ini"));
    s.setLanguage(QStringLiteral("de"));
    QString error;
    QVERIFY(!s.save(&error));
    QVERIFY2(error.contains(QStringLiteral("Cannot create the settings folder")), qPrintable(error));
    QCOMPARE(s.lastError(), error);
    QVERIFY(s.hasUnsavedChanges());
  }

  void aFailedRenameReportsAndCleansUp() {
    // A folder where the file should be: writing "_new" works, replacing the target cannot.
    QVERIFY(QDir().mkpath(iniPath()));
    writeText(iniPath() + QStringLiteral("/keep"), "x");
    SettingsStore s(iniPath());
    s.setLanguage(QStringLiteral("de"));
    QString error;
    QVERIFY(!s.save(&error));
    QVERIFY2(error.startsWith(QStringLiteral("Cannot replace the settings file")), qPrintable(error));
    QVERIFY(!QFile::exists(iniPath() + QStringLiteral("_new")));
    QVERIFY(QFile::exists(iniPath() + QStringLiteral("/keep")));
  }

  void readOnlyFolderFailsWithAReason() {
    const QString folder = m_dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(folder));
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner);
    QFile probe(folder + QStringLiteral("/probe"));
    if (probe.open(QIODevice::WriteOnly)) {
      probe.remove();
      QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
      QSKIP("running with permission to write into read-only folders (root)");
    }
    SettingsStore s(folder + QStringLiteral("/gesso.ini"));
    s.setLanguage(QStringLiteral("de"));
    QString error;
    const bool saved = s.save(&error);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(!saved);
    QVERIFY2(error.contains(QStringLiteral("gesso.ini_new")), qPrintable(error));
    QVERIFY(!QFile::exists(folder + QStringLiteral("/gesso.ini")));
  }
};

QTEST_MAIN(TestSettingsStore)
#include "test_settings_store.moc"
