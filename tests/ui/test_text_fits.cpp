// No clipped text (issue 18, "Found when trying the studio", item 3): the window at 1280x800 under each
// translation (English, German, Chinese), every dock shown in turn, and each visible label, button,
// check box, combo box, spin box and group box title is at least as wide as its text needs; the
// first-run hint in the result area wraps inside it. German labels were cut ("Abbrechen", the token
// counters, text under the spin arrows) and the hint lost both ends.
#include <QtTest>

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionButton>
#include <QStyleOptionComboBox>
#include <QStyleOptionSpinBox>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QToolButton>
#include <QTranslator>

#include "ui/main_window.h"

namespace {

QString plain(QString text) {
  text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
  text.remove(u'&');
  text.replace(u'\x01', u'&');
  return text;
}

// The widest line of a (possibly multi-line, possibly rich) text.
int textWidth(const QFontMetrics& fm, const QString& text, Qt::TextFormat format) {
  if (format == Qt::RichText || (format == Qt::AutoText && Qt::mightBeRichText(text))) {
    QTextDocument doc;
    doc.setDocumentMargin(0);
    doc.setHtml(text);
    return qCeil(doc.idealWidth());
  }
  int widest = 0;
  for (const QString& line : text.split(u'\n')) widest = qMax(widest, fm.horizontalAdvance(line));
  return widest;
}

QString name(const QWidget* w, const QString& text) {
  return QStringLiteral("%1 \"%2\" (%3)")
      .arg(w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName(), text)
      .arg(QString::fromLatin1(w->metaObject()->className()));
}

// "" when `label` shows its whole text, else what is cut.
QString labelProblem(const QLabel* label) {
  const QString text = label->text();
  if (text.isEmpty() || (label->pixmap().isNull() == false)) return {};
  // A label that asks for less than its text elides it on purpose (the readout bar's; the whole
  // text is in its tooltip).
  if (label->minimumSizeHint().width() < label->sizeHint().width() && !label->wordWrap()) return {};
  const QRect room = label->contentsRect().adjusted(label->margin(), label->margin(), -label->margin(), -label->margin());
  if (label->wordWrap()) {
    // Wrapped: every word fits the width, and the lines fit the height.
    int longest = 0;
    const QString words = Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
    for (const QString& word : words.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
      longest = qMax(longest, label->fontMetrics().horizontalAdvance(word));
    // Chinese has no spaces: a "word" is a whole sentence and wraps anywhere.
    if (longest > room.width() && words.contains(QRegularExpression(QStringLiteral("[\\x{3000}-\\x{9fff}]"))))
      longest = 0;
    if (longest > room.width())
      return QStringLiteral("a word %1 px wide in %2 px").arg(longest).arg(room.width());
    const int needed = label->heightForWidth(label->width());
    if (needed > label->height()) return QStringLiteral("%1 px high in %2 px").arg(needed).arg(label->height());
    return {};
  }
  const int needed = textWidth(label->fontMetrics(), text, label->textFormat()) + label->indent() * (label->indent() > 0);
  if (needed > room.width()) return QStringLiteral("%1 px wide in %2 px").arg(needed).arg(room.width());
  return {};
}

QString pushButtonProblem(const QPushButton* button) {
  const QString text = plain(button->text());
  if (text.isEmpty()) return {};
  QStyleOptionButton opt;
  opt.initFrom(button);
  opt.rect = button->rect();
  opt.features = button->isDefault() ? QStyleOptionButton::DefaultButton : QStyleOptionButton::None;
  if (button->autoDefault()) opt.features |= QStyleOptionButton::AutoDefaultButton;
  const QRect room = button->style()->subElementRect(QStyle::SE_PushButtonContents, &opt, button);
  int needed = button->fontMetrics().horizontalAdvance(text) +
               button->style()->pixelMetric(QStyle::PM_ButtonMargin, &opt, button);
  if (!button->icon().isNull()) needed += button->iconSize().width() + 4;
  if (button->menu()) needed += button->style()->pixelMetric(QStyle::PM_MenuButtonIndicator, &opt, button);
  if (needed > room.width()) return QStringLiteral("%1 px wide in %2 px").arg(needed).arg(room.width());
  return {};
}

// Check boxes, radio buttons, tool buttons: their size hint is their text's (no minimum width).
QString otherButtonProblem(const QAbstractButton* button) {
  if (plain(button->text()).isEmpty()) return {};
  if (auto* tool = qobject_cast<const QToolButton*>(button); tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly)
    return {};
  const int needed = button->sizeHint().width();
  if (needed > button->width()) return QStringLiteral("%1 px wide in %2 px").arg(needed).arg(button->width());
  return {};
}

QString comboProblem(const QComboBox* combo) {
  if (combo->isEditable() || combo->currentText().isEmpty()) return {};
  QStyleOptionComboBox opt;
  opt.initFrom(combo);
  opt.rect = combo->rect();
  opt.editable = false;
  opt.frame = combo->hasFrame();
  const QRect room = combo->style()->subControlRect(QStyle::CC_ComboBox, &opt, QStyle::SC_ComboBoxEditField, combo);
  int needed = combo->fontMetrics().horizontalAdvance(combo->currentText()) + 2;  // CE_ComboBoxLabel's inset
  if (!combo->itemIcon(combo->currentIndex()).isNull()) needed += combo->iconSize().width() + 4;
  if (needed > room.width()) return QStringLiteral("%1 px wide in %2 px").arg(needed).arg(room.width());
  return {};
}

// The value shown, and the special value's text, fit beside the arrows.
QString spinProblem(const QAbstractSpinBox* spin) {
  const QLineEdit* edit = spin->findChild<QLineEdit*>();
  if (!edit) return {};
  QStyleOptionSpinBox opt;
  opt.initFrom(spin);
  opt.rect = spin->rect();
  opt.frame = spin->hasFrame();
  opt.buttonSymbols = spin->buttonSymbols();
  opt.subControls = QStyle::SC_SpinBoxFrame | QStyle::SC_SpinBoxEditField;
  if (spin->buttonSymbols() != QAbstractSpinBox::NoButtons) opt.subControls |= QStyle::SC_SpinBoxUp | QStyle::SC_SpinBoxDown;
  const QRect room = spin->style()->subControlRect(QStyle::CC_SpinBox, &opt, QStyle::SC_SpinBoxEditField, spin);
  const QMargins m = edit->textMargins();
  const int inset = 2 * 2 + m.left() + m.right() + 1;  // QLineEdit's horizontal margin each side, the cursor
  for (const QString& text : {edit->text(), spin->specialValueText()}) {
    const int needed = spin->fontMetrics().horizontalAdvance(text) + inset;
    if (!text.isEmpty() && needed > room.width())
      return QStringLiteral("\"%1\": %2 px wide in %3 px").arg(text).arg(needed).arg(room.width());
  }
  return {};
}

QString groupProblem(const QGroupBox* box) {
  if (box->title().isEmpty()) return {};
  const int needed = box->minimumSizeHint().width();
  if (needed > box->width()) return QStringLiteral("%1 px wide in %2 px").arg(needed).arg(box->width());
  return {};
}

// Every clipped text among `root`'s visible widgets, one line each. `sideways`: whether a form may be
// wider than its scroll area.
QStringList clipped(QWidget* root, bool sideways = false) {
  QStringList found;
  for (QWidget* w : root->findChildren<QWidget*>()) {
    if (!w->isVisible() || w->width() <= 0) continue;
    QString problem, text;
    if (auto* label = qobject_cast<QLabel*>(w)) {
      problem = labelProblem(label);
      text = label->text();
    } else if (auto* push = qobject_cast<QPushButton*>(w)) {
      problem = pushButtonProblem(push);
      text = push->text();
    } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
      problem = otherButtonProblem(button);
      text = button->text();
    } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
      problem = comboProblem(combo);
      text = combo->currentText();
    } else if (auto* spin = qobject_cast<QAbstractSpinBox*>(w)) {
      problem = spinProblem(spin);
      text = spin->text();
    } else if (auto* box = qobject_cast<QGroupBox*>(w)) {
      problem = groupProblem(box);
      text = box->title();
    }
    if (!problem.isEmpty()) found << name(w, text.left(60)) + QStringLiteral(": ") + problem;
  }
  // A form wider than its dock scrolls sideways: its right edge is cut off until one scrolls.
  for (QScrollArea* scroll : root->findChildren<QScrollArea*>()) {
    if (sideways || !scroll->isVisible() || !scroll->widget() || scroll->horizontalScrollBarPolicy() == Qt::ScrollBarAlwaysOff)
      continue;
    const int over = scroll->widget()->width() - scroll->viewport()->width();
    if (over > 0)
      found << name(scroll->widget(), {}) + QStringLiteral(": %1 px wider than its scroll area").arg(over);
  }
  return found;
}

template <typename T>
T* child(QWidget* root, const char* name) {
  T* found = root->findChild<T*>(QLatin1String(name));
  if (!found) qWarning("no %s", name);
  return found;
}

// The Generate dock in the states that show more: each mode (img2img and inpaint add their panels,
// DeepFloyd IF its own), Hires. fix on, and a plain prompt past its 75 tokens (the longest counter).
QStringList clippedInGenerateStates(QWidget* window) {
  QStringList found;
  auto* dock = child<QDockWidget>(window, "generateDock");
  auto* mode = child<QComboBox>(window, "modeCombo");
  if (!dock || !mode) return {QStringLiteral("no Generate dock or mode list")};
  dock->raise();
  const auto check = [&](const QString& state) {
    QCoreApplication::processEvents();
    for (const QString& line : clipped(dock)) found << state + QStringLiteral(": ") + line;
  };
  for (int i = 0; i < mode->count(); ++i) {
    mode->setCurrentIndex(i);
    check(QStringLiteral("mode ") + mode->itemText(i));
  }
  mode->setCurrentIndex(0);
  if (auto* hires = child<QAbstractButton>(window, "hiresCheck")) {
    hires->setChecked(true);
    check(QStringLiteral("Hires. fix"));
  }
  auto* plainPrompts = child<QAbstractButton>(window, "plainPromptsCheck");
  QWidget* prompt = child<QWidget>(window, "promptEdit");
  if (plainPrompts && prompt) {
    plainPrompts->setChecked(true);
    prompt->setProperty("plainText", QStringLiteral("a photograph of a cat, ").repeated(20));
    check(QStringLiteral("a long plain prompt"));
  }
  return found;
}

}  // namespace

class TestTextFits : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }  // the window's model library

  // Each kind of widget is reported once squeezed below its text: the checks can fail.
  void squeezedWidgetsAreReported() {
    QWidget root;
    auto* button = new QPushButton(QStringLiteral("Abbrechen"), &root);
    auto* label = new QLabel(QStringLiteral("Entrauschungsstärke"), &root);
    auto* check = new QCheckBox(QStringLiteral("Einfache Prompts"), &root);
    auto* combo = new QComboBox(&root);
    combo->addItem(QStringLiteral("Benutzerdefiniert"));
    auto* spin = new QSpinBox(&root);
    spin->setRange(0, 100000);
    spin->setValue(99999);
    auto* box = new QGroupBox(QStringLiteral("Gerät und Genauigkeit"), &root);
    auto* hint = new QLabel(QStringLiteral("Legen Sie einen Checkpoint in den Ordner Stable-diffusion des Modellordners"),
                            &root);
    hint->setWordWrap(true);
    const QList<QWidget*> widgets{button, label, check, combo, spin, box, hint};
    root.resize(800, 600);
    root.show();
    QVERIFY(QTest::qWaitForWindowExposed(&root));
    int y = 0;
    for (QWidget* w : widgets) {
      w->setGeometry(0, y, w->sizeHint().width(), w->sizeHint().height());
      y += 60;
    }
    QVERIFY2(clipped(&root).isEmpty(), qPrintable(clipped(&root).join('\n')));
    for (QWidget* w : widgets) w->resize(30, w->height());
    const QStringList found = clipped(&root);
    QCOMPARE(found.size(), widgets.size());
    for (const char* text : {"Abbrechen", "Entrauschungsstärke", "Einfache Prompts", "Benutzerdefiniert", "99999",
                                "Gerät und Genauigkeit", "Legen Sie"})
      QVERIFY2(found.filter(QString::fromUtf8(text)).size() == 1, qPrintable(found.join('\n')));
  }

  // A form wider than its scroll area is reported (unless it may scroll sideways).
  void aFormWiderThanItsDockIsReported() {
    QWidget root;
    auto* scroll = new QScrollArea(&root);
    auto* form = new QWidget;
    form->setMinimumWidth(500);
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->resize(300, 200);
    root.resize(400, 300);
    root.show();
    QVERIFY(QTest::qWaitForWindowExposed(&root));
    QCOMPARE(clipped(&root).size(), 1);
    QVERIFY(clipped(&root, true).isEmpty());
    form->setMinimumWidth(100);
    QCoreApplication::processEvents();
    QVERIFY(clipped(&root).isEmpty());
  }

  void everyTextFits_data() {
    QTest::addColumn<QString>("locale");
    QTest::newRow("en") << QString();
    QTest::newRow("de") << "de";
    QTest::newRow("zh_CN") << "zh_CN";
  }
  void everyTextFits() {
    QFETCH(QString, locale);
    QTranslator translator;
    if (!locale.isEmpty()) {
      QVERIFY(translator.load(QStringLiteral("gesso_") + locale, QStringLiteral(GESSO_QM_DIR)));
      QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList found;
    {
      gesso::ui::MainWindow window(gesso::ui::MainWindow::Paths{dir.path() + "/g.ini", dir.path() + "/h.sqlite"});
      window.resize(1280, 800);
      window.show();
      QVERIFY(QTest::qWaitForWindowExposed(&window));
      QCOMPARE(window.size(), QSize(1280, 800));  // the docks' minimums fit
      // The left docks are tabs: each is checked while it is the one shown.
      for (QDockWidget* dock : window.findChildren<QDockWidget*>()) {
        dock->raise();
        QCoreApplication::processEvents();
        // The ControlNet unit (image wells side by side) is wider than the docks' cap, and scrolls
        // sideways by design (main_window.cpp's dock()); its texts still fit.
        const bool sideways = dock->objectName() == u"controlNetDock";
        for (const QString& line : clipped(dock, sideways)) found << dock->objectName() + QStringLiteral(": ") + line;
      }
      // The result area: the first-run hint.
      for (const QString& line : clipped(window.centralWidget())) found << QStringLiteral("centre: ") + line;
      found << clippedInGenerateStates(&window);
    }
    if (!locale.isEmpty()) QVERIFY(QCoreApplication::removeTranslator(&translator));
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("clipped text:\n") + found.join('\n')));
  }
};

QTEST_MAIN(TestTextFits)
#include "test_text_fits.moc"
