#include "ui/history_info_panel.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <exception>

#include "engine/io/a1111_parameters.h"
#include "ui/history_store.h"

namespace gesso::ui {

namespace {

// A text A1111's parser refuses (a hand-edited or foreign PNG) still shows its prompt lines.
io::GenerationParameters parseOrPrompt(const QString& text) {
  try {
    return io::parse_a1111(text.toStdString());
  } catch (const std::exception&) {
    io::GenerationParameters p;
    p.prompt = promptOfParameters(text).toStdString();
    return p;
  }
}

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

HistoryInfoPanel::HistoryInfoPanel(QWidget* parent)
    : QWidget(parent), m_hint(new QLabel(this)), m_fields(new QWidget(this)) {
  setObjectName("historyInfoPanel");
  m_hint->setObjectName("historyInfoHint");
  m_hint->setText(tr("Select an image to see how it was made."));
  m_hint->setWordWrap(true);
  const QString names[FieldCount] = {tr("Prompt"), tr("Negative"), tr("Seed"),  tr("Sampler"), tr("Steps"),
                                     tr("CFG scale"), tr("Size"),  tr("Model"), tr("Created"), tr("File")};
  auto* form = new QFormLayout(m_fields);
  form->setContentsMargins(0, 0, 0, 0);
  form->setRowWrapPolicy(QFormLayout::WrapLongRows);
  for (int i = 0; i < FieldCount; ++i) {
    m_values[i] = new QLabel(m_fields);
    m_values[i]->setObjectName(QStringLiteral("historyInfoValue%1").arg(i));
    m_values[i]->setWordWrap(true);
    m_values[i]->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_values[i]->setTextFormat(Qt::PlainText);
    // Grows to the wrapped text's height: a long prompt is shown whole, not cut after a line.
    m_values[i]->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::MinimumExpanding);
    form->addRow(names[i], m_values[i]);
  }
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(m_hint);
  layout->addWidget(m_fields);
  layout->addStretch(1);
  showEntry(nullptr);
}

void HistoryInfoPanel::showEntry(const HistoryEntry* entry) {
  m_hint->setVisible(!entry);
  m_fields->setVisible(entry);
  if (!entry) {
    for (QLabel* value : m_values) value->clear();
    return;
  }
  const io::GenerationParameters p = parseOrPrompt(entry->parameters);
  const QLocale locale;
  m_values[Prompt]->setText(fromStd(p.prompt));
  m_values[NegativePrompt]->setText(fromStd(p.negative_prompt));
  m_values[Seed]->setText(QString::number(entry->seed));
  QString sampler = fromStd(p.sampler);
  if (const auto schedule = p.extra.find("Schedule type"); schedule != p.extra.end() && !sampler.isEmpty())
    sampler += QStringLiteral(" (%1)").arg(fromStd(schedule->second));  // A1111 1.9+ writes it apart
  m_values[Sampler]->setText(sampler);
  m_values[Steps]->setText(p.steps > 0 ? QString::number(p.steps) : QString());
  m_values[CfgScale]->setText(p.cfg_scale > 0 ? fromStd(io::format_number(p.cfg_scale)) : QString());
  m_values[Size]->setText(QStringLiteral("%1×%2").arg(entry->width).arg(entry->height));
  m_values[Model]->setText(entry->modelName.isEmpty() ? fromStd(p.model) : entry->modelName);
  m_values[Created]->setText(locale.toString(entry->created.toLocalTime(), QLocale::LongFormat));
  m_values[File]->setText(entry->imagePath);
}

QString HistoryInfoPanel::field(Field which) const {
  return which >= 0 && which < FieldCount ? m_values[which]->text() : QString();
}

}  // namespace gesso::ui
