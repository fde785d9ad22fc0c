#pragma once
// The live readout under the image: stage, progress, it/s, elapsed and remaining time, and the
// VRAM allocated / reserved / total with its chart over the run — updated on every step.
#include <QWidget>

class QLabel;
class QProgressBar;

namespace gesso::ui {

class VramChart;

class ReadoutBar : public QWidget {
  Q_OBJECT

 public:
  explicit ReadoutBar(QWidget* parent = nullptr);

  // Clears the chart, the count ("2 / 30"), the speed and the times: nothing of a run before shows.
  void startRun();
  void setStage(const QString& stage);
  void setStep(int step, int total, double itPerSecond, double elapsedSeconds, double remainingSeconds,
               qint64 vramAllocated, qint64 vramReserved, qint64 vramTotal);
  // A run that made its images: "4 image(s) in 5.4 s" (the caller's wall time of the whole
  // Generate), the bar full, no time left.
  void finishRun(const QString& summary);
  // A run that ended early ("Cancelled", "Failed"): the bar empty, no count, no time left.
  void stopRun(const QString& summary);

  QString stageText() const;
  QString progressText() const;  // the bar's text: "2 / 30", "" before the first step
  QString speedText() const;
  QString timeText() const;
  QString vramText() const;
  int progress() const;

 private:
  QLabel* m_stage;
  QProgressBar* m_progress;
  QLabel* m_speed;
  QLabel* m_time;
  QLabel* m_vram;
  VramChart* m_chart;
};

// "1.2 GiB" / "850 MiB"
QString formatBytes(qint64 bytes);
// "0:07" / "1:02:03"
QString formatDuration(double seconds);

}  // namespace gesso::ui
