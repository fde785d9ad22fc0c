#pragma once
// VRAM over a run: allocated (the tensors alive) and reserved (what the caching allocator holds)
// as filled areas under the card's total, with the latest figures as text ("VRAM: 3.1 / 24.0 GiB").
// Drawn with QPainter: no QtCharts dependency for one small chart.
#include <QVector>
#include <QWidget>

class QPainter;

namespace gesso::ui {

class VramChart : public QWidget {
  Q_OBJECT

 public:
  explicit VramChart(QWidget* parent = nullptr);

  // One step's reading; `total` 0 means a CPU run (nothing to chart).
  void addSample(double seconds, qint64 allocated, qint64 reserved, qint64 total);
  void clear();

  int sampleCount() const { return m_samples.size(); }
  // The text the chart shows: "VRAM: 3.1 / 24.0 GiB", "VRAM: CPU run", or "VRAM" before any sample.
  QString summaryText() const;

  QSize sizeHint() const override { return {240, 80}; }
  QSize minimumSizeHint() const override { return {120, 48}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  struct Sample {
    double seconds;
    qint64 allocated, reserved, total;
  };
  // Long runs keep every other sample past this many: the chart is a few hundred pixels wide.
  static constexpr int kMaxSamples = 2048;

  void drawPlot(QPainter& painter, const QRectF& area) const;

  QVector<Sample> m_samples;
};

}  // namespace gesso::ui
