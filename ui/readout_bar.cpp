#include "ui/readout_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

#include "ui/vram_chart.h"

namespace gesso::ui {

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
      m_stage(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_speed(new QLabel(this)),
      m_time(new QLabel(this)),
      m_vram(new QLabel(this)),
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
  m_stage->setText(tr("Ready"));
  m_stage->setMinimumWidth(140);
  m_chart->setMaximumHeight(64);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(4, 2, 4, 2);
  layout->addWidget(m_stage);
  layout->addWidget(m_progress, 1);
  layout->addWidget(m_speed);
  layout->addWidget(m_time);
  layout->addWidget(m_vram);
  layout->addWidget(m_chart);
}

void ReadoutBar::startRun() {
  m_chart->clear();
  m_progress->setRange(0, 1);
  m_progress->setValue(0);
  m_speed->clear();
  m_time->clear();
}

void ReadoutBar::setStage(const QString& stage) { m_stage->setText(stage); }

void ReadoutBar::setStep(int step, int total, double itPerSecond, double elapsedSeconds, double remainingSeconds,
                         qint64 vramAllocated, qint64 vramReserved, qint64 vramTotal) {
  m_progress->setRange(0, qMax(1, total));
  m_progress->setValue(step);
  m_progress->setFormat(tr("%1 / %2").arg(step).arg(total));
  m_speed->setText(tr("%1 it/s").arg(itPerSecond, 0, 'f', 2));
  m_time->setText(tr("%1 elapsed, %2 left").arg(formatDuration(elapsedSeconds), formatDuration(remainingSeconds)));
  m_vram->setText(vramTotal > 0 ? tr("VRAM %1 allocated, %2 reserved of %3")
                                      .arg(formatBytes(vramAllocated), formatBytes(vramReserved), formatBytes(vramTotal))
                                : tr("CPU run"));
  m_chart->addSample(elapsedSeconds, vramAllocated, vramReserved, vramTotal);
}

void ReadoutBar::finishRun(const QString& summary) {
  m_stage->setText(summary);
  m_progress->setValue(m_progress->maximum());
}

QString ReadoutBar::speedText() const { return m_speed->text(); }
QString ReadoutBar::vramText() const { return m_vram->text(); }
int ReadoutBar::progress() const { return m_progress->value(); }

}  // namespace gesso::ui
