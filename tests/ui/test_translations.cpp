// Translations: every message of translations/gesso_<locale>.ts is finished and keeps its source's
// placeholders and accelerators; the contexts are the classes' runtime names (what tr() looks up); the
// built .qm files translate through the classes' own tr(), numerus forms included; and a window built
// with a translator installed shows translated menus and no English string the .ts translates.
#include <QtTest>

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTranslator>
#include <QXmlStreamReader>

#include "ui/benchmark_dialog.h"
#include "ui/controlnet_panel.h"
#include "ui/controlnet_unit_widget.h"
#include "ui/deepfloyd_panel.h"
#include "ui/engine_worker.h"
#include "ui/generation_panel.h"
#include "ui/generation_queue.h"
#include "ui/hires_fix_panel.h"
#include "ui/history_info_panel.h"
#include "ui/history_model.h"
#include "ui/history_panel.h"
#include "ui/history_store.h"
#include "ui/image_view.h"
#include "ui/image_viewer.h"
#include "ui/inpaint_panel.h"
#include "ui/main_window.h"
#include "ui/mask_canvas.h"
#include "ui/mask_tools_bar.h"
#include "ui/model_library.h"
#include "ui/model_library_dialog.h"
#include "ui/optimization_panel.h"
#include "ui/outpaint_panel.h"
#include "ui/queue_panel.h"
#include "ui/readout_bar.h"
#include "ui/settings_store.h"
#include "ui/upscale_dialog.h"
#include "ui/vram_chart.h"

namespace {

struct Message {
  QString context;
  QString source;
  QString comment;
  bool numerus = false;
  QString type;            // the translation's type attribute: "", "unfinished", "vanished", "obsolete"
  QStringList forms;       // the translation, or its numerus forms
  qint64 line = 0;
};

struct TsFile {
  QString language;
  QList<Message> messages;
  QString error;
};

TsFile readTs(const QString& path) {
  TsFile ts;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    ts.error = QStringLiteral("cannot open %1").arg(path);
    return ts;
  }
  QXmlStreamReader xml(&file);
  QString context;
  Message m;
  while (!xml.atEnd()) {
    if (xml.readNext() != QXmlStreamReader::StartElement) continue;
    const auto name = xml.name();
    if (name == u"TS") {
      ts.language = xml.attributes().value("language").toString();
    } else if (name == u"name") {
      context = xml.readElementText();
    } else if (name == u"message") {
      m = Message{context, {}, {}, xml.attributes().value("numerus") == u"yes", {}, {}, xml.lineNumber()};
    } else if (name == u"source") {
      m.source = xml.readElementText();
    } else if (name == u"comment") {
      m.comment = xml.readElementText();
    } else if (name == u"translation") {
      m.type = xml.attributes().value("type").toString();
      if (m.numerus) {
        while (xml.readNextStartElement())
          if (xml.name() == u"numerusform") m.forms << xml.readElementText();
          else xml.skipCurrentElement();
      } else {
        m.forms << xml.readElementText();
      }
      ts.messages << m;
    }
  }
  if (xml.hasError()) ts.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
  return ts;
}

QString tsPath(const QString& locale) { return QStringLiteral(GESSO_TS_DIR "/gesso_%1.ts").arg(locale); }

// %1..%9 (and %L1), as a set: an argument may be used twice or in another order.
QSet<QString> placeholders(const QString& text) {
  static const QRegularExpression re(QStringLiteral("%L?([1-9])"));
  QSet<QString> found;
  for (auto it = re.globalMatch(text); it.hasNext();) found.insert(it.next().captured(1));
  return found;
}

// Mnemonics: '&' before a character, "&&" being a literal ampersand.
int accelerators(QString text) {
  text.remove(QStringLiteral("&&"));
  static const QRegularExpression re(QStringLiteral("&\\S"));
  int n = 0;
  for (auto it = re.globalMatch(text); it.hasNext(); it.next()) ++n;
  return n;
}

QString describe(const Message& m) { return QStringLiteral("line %1, %2 \"%3\"").arg(m.line).arg(m.context, m.source); }

// Every string a user can see or hear in the window: texts, titles, tooltips, items, suffixes.
QStringList shownTexts(QWidget* root) {
  QStringList texts;
  const auto add = [&texts](const QString& text) {
    if (!text.isEmpty()) texts << text;
  };
  add(root->windowTitle());
  for (QAction* a : root->findChildren<QAction*>()) {
    add(a->text());
    add(a->toolTip());
    add(a->statusTip());
  }
  QList<QWidget*> widgets = root->findChildren<QWidget*>();
  widgets << root;
  for (QWidget* w : widgets) {
    add(w->toolTip());
    add(w->accessibleName());
    if (qobject_cast<QDockWidget*>(w) || qobject_cast<QToolBar*>(w)) add(w->windowTitle());
    if (auto* label = qobject_cast<QLabel*>(w)) add(label->text());
    if (auto* button = qobject_cast<QAbstractButton*>(w)) add(button->text());
    if (auto* box = qobject_cast<QGroupBox*>(w)) add(box->title());
    if (auto* edit = qobject_cast<QLineEdit*>(w)) add(edit->placeholderText());
    if (auto* spin = qobject_cast<QSpinBox*>(w)) add(spin->suffix());
    if (auto* spin = qobject_cast<QDoubleSpinBox*>(w)) add(spin->suffix());
    if (auto* tabs = qobject_cast<QTabWidget*>(w))
      for (int i = 0; i < tabs->count(); ++i) add(tabs->tabText(i));
    if (auto* combo = qobject_cast<QComboBox*>(w))
      for (int i = 0; i < combo->count(); ++i) {
        add(combo->itemText(i));
        add(combo->itemData(i, Qt::ToolTipRole).toString());
      }
  }
  return texts;
}

// The Q_OBJECT classes of gesso_ui that call tr(): their contexts are their qualified class names. (GalleryView
// and WheelGuard are Q_OBJECT too but show no text of their own.)
const QMetaObject* const kTrClasses[] = {
    &gesso::ui::MainWindow::staticMetaObject,  &gesso::ui::GenerationPanel::staticMetaObject,
    &gesso::ui::InpaintPanel::staticMetaObject, &gesso::ui::OptimizationPanel::staticMetaObject,
    &gesso::ui::HistoryPanel::staticMetaObject, &gesso::ui::ImageView::staticMetaObject,
    &gesso::ui::MaskCanvas::staticMetaObject,   &gesso::ui::MaskToolsBar::staticMetaObject,
    &gesso::ui::ReadoutBar::staticMetaObject,   &gesso::ui::VramChart::staticMetaObject,
    &gesso::ui::EngineWorker::staticMetaObject, &gesso::ui::ModelLibrary::staticMetaObject,
    &gesso::ui::ModelLibraryDialog::staticMetaObject, &gesso::ui::ControlNetPanel::staticMetaObject,
    &gesso::ui::ControlNetUnitWidget::staticMetaObject, &gesso::ui::DeepFloydPanel::staticMetaObject,
    &gesso::ui::UpscaleDialog::staticMetaObject, &gesso::ui::BenchmarkDialog::staticMetaObject,
    &gesso::ui::GenerationQueue::staticMetaObject, &gesso::ui::HiresFixPanel::staticMetaObject,
    &gesso::ui::HistoryInfoPanel::staticMetaObject, &gesso::ui::HistoryModel::staticMetaObject,
    &gesso::ui::ImageViewer::staticMetaObject, &gesso::ui::OutpaintPanel::staticMetaObject,
    &gesso::ui::QueuePanel::staticMetaObject,
};
// Q_DECLARE_TR_FUNCTIONS classes (HistoryStore, SettingsStore, ResultSaver, ModeCheck, ParametersBridge,
// ModelHashCache) have no staticMetaObject: qmTranslates looks one of them up through its tr().

}  // namespace

class TestTranslations : public QObject {
  Q_OBJECT

  // locale, numerus forms per message, the menu bar's titles.
  static void addLocales() {
    QTest::addColumn<QString>("locale");
    QTest::addColumn<int>("numerusForms");
    QTest::addColumn<QStringList>("menus");
    QTest::newRow("zh_CN") << "zh_CN" << 1 << QStringList{"文件(&F)", "设置(&S)", "帮助(&H)"};
    QTest::newRow("de") << "de" << 2 << QStringList{"&Datei", "&Einstellungen", "&Hilfe"};
  }

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }  // the window's model library

  void everyMessageFinished_data() { addLocales(); }
  void everyMessageFinished() {
    QFETCH(QString, locale);
    QFETCH(int, numerusForms);
    const TsFile ts = readTs(tsPath(locale));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QVERIFY(ts.language.startsWith(locale));
    QVERIFY(ts.messages.size() > 200);
    QStringList bad;
    for (const Message& m : ts.messages) {
      if (m.type == u"vanished" || m.type == u"obsolete") continue;  // not compiled in
      if (m.type == u"unfinished") bad << QStringLiteral("unfinished: ") + describe(m);
      if (m.numerus && m.forms.size() != numerusForms)
        bad << QStringLiteral("%1 numerus forms, %2 expected: ").arg(m.forms.size()).arg(numerusForms) + describe(m);
      for (const QString& form : m.forms)
        if (form.trimmed().isEmpty()) bad << QStringLiteral("empty: ") + describe(m);
      if (m.forms.isEmpty()) bad << QStringLiteral("no translation: ") + describe(m);
    }
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join('\n')));
  }

  void placeholdersAndAcceleratorsKept_data() { addLocales(); }
  void placeholdersAndAcceleratorsKept() {
    QFETCH(QString, locale);
    const TsFile ts = readTs(tsPath(locale));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QStringList bad;
    for (const Message& m : ts.messages) {
      const QSet<QString> expected = placeholders(m.source);
      for (const QString& form : m.forms) {
        if (placeholders(form) != expected) bad << QStringLiteral("placeholders differ in \"%1\": ").arg(form) + describe(m);
        if (m.numerus && !form.contains(QStringLiteral("%n")))
          bad << QStringLiteral("%n missing in \"%1\": ").arg(form) + describe(m);
        if (accelerators(form) != accelerators(m.source))
          bad << QStringLiteral("accelerators differ in \"%1\": ").arg(form) + describe(m);
      }
    }
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join('\n')));
  }

  // lupdate without -I . cannot see the headers and files gesso::ui::MainWindow's strings under
  // "MainWindow": tr() never finds them. (Q_DECLARE_TR_FUNCTIONS classes name their context themselves.)
  void contextsAreRuntimeClassNames_data() { addLocales(); }
  void contextsAreRuntimeClassNames() {
    QFETCH(QString, locale);
    const TsFile ts = readTs(tsPath(locale));
    QSet<QString> contexts;
    for (const Message& m : ts.messages) contexts.insert(m.context);
    for (const QMetaObject* meta : kTrClasses) {
      const QString qualified = QString::fromLatin1(meta->className());
      const QString bare = qualified.section(QStringLiteral("::"), -1);
      QVERIFY2(!contexts.contains(bare),
               qPrintable(QStringLiteral("context \"%1\" should be \"%2\": run lupdate with -I . (translations/README.md)")
                              .arg(bare, qualified)));
      QVERIFY2(contexts.contains(qualified), qPrintable(QStringLiteral("no context \"%1\"").arg(qualified)));
    }
  }

  void qmTranslates_data() {
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QStringList>("expected");  // &File, Negative prompt, n=1, n=3, a store's error
    QTest::newRow("zh_CN") << "zh_CN"
                           << QStringList{"文件(&F)", "反向提示词", "1 张图像，用时 %1 秒", "3 张图像，用时 %1 秒",
                                          "历史记录数据库错误"};
    QTest::newRow("de") << "de"
                        << QStringList{"&Datei", "Negativ-Prompt", "1 Bild in %1 s", "3 Bilder in %1 s",
                                       "Fehler in der Verlaufsdatenbank"};
  }
  void qmTranslates() {
    QFETCH(QString, locale);
    QFETCH(QStringList, expected);
    QTranslator translator;
    QVERIFY2(translator.load(QStringLiteral("gesso_") + locale, QStringLiteral(GESSO_QM_DIR)),
             qPrintable(QStringLiteral(GESSO_QM_DIR "/gesso_%1.qm does not load").arg(locale)));
    QVERIFY(!translator.isEmpty());
    QVERIFY(translator.language().startsWith(locale));
    QCOMPARE(translator.translate("gesso::ui::MainWindow", "&File"), expected[0]);
    QVERIFY(QCoreApplication::installTranslator(&translator));
    // Through the classes' own tr(): the context they really look up.
    QCOMPARE(gesso::ui::MainWindow::tr("&File"), expected[0]);
    QCOMPARE(gesso::ui::GenerationPanel::tr("Negative prompt"), expected[1]);
    QCOMPARE(gesso::ui::MainWindow::tr("%n image(s) in %1 s", "", 1), expected[2]);
    QCOMPARE(gesso::ui::MainWindow::tr("%n image(s) in %1 s", "", 3), expected[3]);
    QCOMPARE(gesso::ui::HistoryStore::tr("History database error"), expected[4]);
    QVERIFY(QCoreApplication::removeTranslator(&translator));
    QCOMPARE(gesso::ui::MainWindow::tr("&File"), QStringLiteral("&File"));
  }

  void windowIsTranslated_data() { addLocales(); }
  void windowIsTranslated() {
    QFETCH(QString, locale);
    QFETCH(QStringList, menus);
    const TsFile ts = readTs(tsPath(locale));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    // English that should not show: sources the .ts translates to something else in every context.
    QSet<QString> translatedAway, keptSomewhere;
    for (const Message& m : ts.messages) {
      if (m.numerus) continue;
      (m.forms.value(0) == m.source ? keptSomewhere : translatedAway).insert(m.source);
    }
    translatedAway.subtract(keptSomewhere);

    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral("gesso_") + locale, QStringLiteral(GESSO_QM_DIR)));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
      gesso::ui::MainWindow window(gesso::ui::MainWindow::Paths{dir.path() + "/g.ini", dir.path() + "/h.sqlite"});
      QStringList titles;
      for (QAction* a : window.menuBar()->actions()) titles << a->text();
      QCOMPARE(titles, menus);
      QStringList english;
      for (const QString& text : shownTexts(&window))
        if (translatedAway.contains(text)) english << text;
      english.removeDuplicates();
      QVERIFY2(english.isEmpty(), qPrintable(QStringLiteral("untranslated in the window: ") + english.join(" | ")));
    }
    QVERIFY(QCoreApplication::removeTranslator(&translator));
  }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
