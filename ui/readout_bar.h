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

  void startRun();                          // clears the chart and the figures
  void setStage(const QString& stage);
  void setStep(int step, int total, double itPerSecond, double elapsedSeconds, double remainingSeconds,
               qint64 vramAllocated, qint64 vramReserved, qint64 vramTotal);
  void finishRun(const QString& summary);   // "4 images in 3.2 s", "Cancelled", an error

  QString speedText() const;
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
