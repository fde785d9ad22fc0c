#include "ui/readout_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>

#include "ui/vram_chart.h"

namespace gesso::ui {
namespace {

// A label that gives up width when the window is narrow: its text is elided ("VRAM 1.2 GiB
// allocated, 1…"), the whole text in its tooltip. Plain labels asked for their whole text's width,
// and the readout alone held the window at more than 1024 px wide (issue 18, item 2).
class ElidingLabel : public QLabel {
 public:
  using QLabel::QLabel;
  QSize minimumSizeHint() const override {
    return {fontMetrics().averageCharWidth() * 6, QLabel::minimumSizeHint().height()};
  }

 protected:
  void paintEvent(QPaintEvent*) override {
    QPainter painter(this);
    const QRect room = contentsRect();
    painter.drawText(room, Qt::AlignVCenter | Qt::AlignLeft,
                     fontMetrics().elidedText(text(), Qt::ElideRight, room.width()));
  }
};

// The whole text in the tooltip too: an elided label still tells it.
void setLabelText(QLabel* label, const QString& text) {
  label->setText(text);
  label->setToolTip(text);
}

}  // namespace

QString formatBytes(qint64 bytes) {
  constexpr double kMiB = 1024.0 * 1024.0;
  if (bytes < 1024 * kMiB) return QStringLiteral("%1 MiB").arg(bytes / kMiB, 0, 'f', 0);
  return QStringLiteral("%1 GiB").arg(bytes / (1024 * kMiB), 0, 'f', 2);
}

QString formatDuration(double seconds) {
  const qint64 s = qMax<qint64>(0, qRound64(seconds));
  if (s >= 3600) return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QChar('0')).arg(s % 60, 2, 10, QChar('0'));
  return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QChar('0'));
}

ReadoutBar::ReadoutBar(QWidget* parent)
    : QWidget(parent),
      m_stage(new ElidingLabel(this)),
      m_progress(new QProgressBar(this)),
      m_speed(new ElidingLabel(this)),
      m_time(new ElidingLabel(this)),
      m_vram(new ElidingLabel(this)),
      m_chart(new VramChart(this)) {
  setObjectName("readoutBar");
  m_stage->setObjectName("stageLabel");
  m_progress->setObjectName("progressBar");
  m_speed->setObjectName("speedLabel");
  m_time->setObjectName("timeLabel");
  m_vram->setObjectName("vramLabel");
  m_chart->setObjectName("vramChart");
  m_progress->setRange(0, 1);
  m_progress->setValue(0);
  m_progress->setTextVisible(true);
  m_progress->setFormat(QString());  // no "0%" before a run
  setLabelText(m_stage, tr("Ready"));
  // The stage and the run's summary ("1 image(s) in 5.4 s") keep room for about 16 characters.
  m_stage->setMinimumWidth(m_stage->fontMetrics().averageCharWidth() * 16);
  m_chart->setMaximumHeight(64);
  // The words are what the bar is read for ("4 image(s) in 5.4 s"): the chart takes what they leave.
  m_chart->setSizePolicy(QSizePolicy::Ignored, m_chart->sizePolicy().verticalPolicy());
  m_chart->setMaximumWidth(m_chart->sizeHint().width());
  // The bar shrinks too (its own minimum was 95 px); the chart, last in line, can go entirely.
  m_progress->setMinimumWidth(60);
  m_chart->setMinimumWidth(0);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(4, 2, 4, 2);
  layout->addWidget(m_stage);
  layout->addWidget(m_progress, 1);
  layout->addWidget(m_speed);
  layout->addWidget(m_time);
  layout->addWidget(m_vram);
  layout->addWidget(m_chart, 1);
}

void ReadoutBar::startRun() {
  m_chart->clear();
  m_progress->setRange(0, 1);
  m_progress->setValue(0);
  m_progress->setFormat(QString());  // the last run's "2 / 30" would stay on the empty bar
  setLabelText(m_speed, {});
  setLabelText(m_time, {});
  setLabelText(m_stage, tr("Starting…"));
}

void ReadoutBar::setStage(const QString& stage) { setLabelText(m_stage, stage); }

void ReadoutBar::setStep(int step, int total, double itPerSecond, double elapsedSeconds, double remainingSeconds,
                         qint64 vramAllocated, qint64 vramReserved, qint64 vramTotal) {
  m_progress->setRange(0, qMax(1, total));
  m_progress->setValue(step);
  m_progress->setFormat(tr("%1 / %2").arg(step).arg(total));
  setLabelText(m_speed, tr("%1 it/s").arg(itPerSecond, 0, 'f', 2));
  setLabelText(m_time, tr("%1 elapsed, %2 left").arg(formatDuration(elapsedSeconds), formatDuration(remainingSeconds)));
  setLabelText(m_vram, vramTotal > 0 ? tr("VRAM %1 allocated, %2 reserved of %3")
                                      .arg(formatBytes(vramAllocated), formatBytes(vramReserved), formatBytes(vramTotal))
                                : tr("CPU run"));
  m_chart->addSample(elapsedSeconds, vramAllocated, vramReserved, vramTotal);
}

void ReadoutBar::finishRun(const QString& summary) {
  setLabelText(m_stage, summary);
  m_progress->setValue(m_progress->maximum());
  setLabelText(m_time, {});  // the summary has the run's time; "0:00 left" of its last job would say nothing
}

void ReadoutBar::stopRun(const QString& summary) {
  setLabelText(m_stage, summary);
  m_progress->setRange(0, 1);
  m_progress->setValue(0);
  m_progress->setFormat(QString());
  setLabelText(m_time, {});  // "2:36 left" of a run that is over would be a promise nobody keeps
}

QString ReadoutBar::stageText() const { return m_stage->text(); }
QString ReadoutBar::progressText() const { return m_progress->text(); }
QString ReadoutBar::timeText() const { return m_time->text(); }
QString ReadoutBar::speedText() const { return m_speed->text(); }
QString ReadoutBar::vramText() const { return m_vram->text(); }
int ReadoutBar::progress() const { return m_progress->value(); }

}  // namespace gesso::ui
