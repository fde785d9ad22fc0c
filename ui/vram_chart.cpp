#include "ui/vram_chart.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace gesso::ui {
namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

// The area under one series, closed along the plot's bottom edge.
QPainterPath areaPath(const QVector<QPointF>& line, const QRectF& area) {
  QPainterPath path(QPointF(line.front().x(), area.bottom()));
  for (const QPointF& p : line) path.lineTo(p);
  path.lineTo(line.back().x(), area.bottom());
  path.closeSubpath();
  return path;
}

}  // namespace

VramChart::VramChart(QWidget* parent) : QWidget(parent) {
  setToolTip(tr("Device memory over the run: allocated (dark), reserved by the allocator (light), "
                "the card's total (dashed)"));
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void VramChart::addSample(double seconds, qint64 allocated, qint64 reserved, qint64 total) {
  if (m_samples.size() >= kMaxSamples) {
    QVector<Sample> kept;
    kept.reserve(kMaxSamples / 2 + 1);
    for (int i = 0; i < m_samples.size(); i += 2) kept.append(m_samples[i]);
    m_samples.swap(kept);
  }
  m_samples.append({seconds, allocated, reserved, total});
  update();
}

void VramChart::clear() {
  m_samples.clear();
  update();
}

QString VramChart::summaryText() const {
  if (m_samples.isEmpty()) return tr("VRAM");
  const Sample& last = m_samples.back();
  if (last.total <= 0) return tr("VRAM: CPU run");
  return tr("VRAM: %1 / %2 GiB").arg(last.allocated / kGiB, 0, 'f', 1).arg(last.total / kGiB, 0, 'f', 1);
}

void VramChart::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  const QRect box = contentsRect();
  painter.fillRect(box, palette().base());
  painter.setPen(palette().color(QPalette::Mid));
  painter.drawRect(box.adjusted(0, 0, -1, -1));
  const int textHeight = fontMetrics().height();
  painter.setPen(palette().color(QPalette::Text));
  painter.drawText(box.adjusted(4, 2, -4, 0), Qt::AlignLeft | Qt::AlignTop, summaryText());
  const QRectF plot = QRectF(box).adjusted(2, textHeight + 4, -2, -2);
  if (m_samples.isEmpty() || m_samples.back().total <= 0 || plot.height() < 4) return;
  drawPlot(painter, plot);
}

void VramChart::drawPlot(QPainter& painter, const QRectF& area) const {
  qint64 top = 1;
  for (const Sample& s : m_samples) top = std::max({top, s.total, s.reserved, s.allocated});
  const double t0 = m_samples.front().seconds;
  const double span = std::max(1e-6, m_samples.back().seconds - t0);
  const auto x = [&](double seconds) {
    // A single sample spans the whole width rather than sitting as a dot at the left edge.
    return m_samples.size() == 1 ? area.right() : area.left() + (seconds - t0) / span * area.width();
  };
  const auto y = [&](qint64 bytes) { return area.bottom() - double(bytes) / double(top) * area.height(); };
  QVector<QPointF> reserved, allocated;
  if (m_samples.size() == 1) {
    reserved.append({area.left(), y(m_samples.front().reserved)});
    allocated.append({area.left(), y(m_samples.front().allocated)});
  }
  for (const Sample& s : m_samples) {
    reserved.append({x(s.seconds), y(s.reserved)});
    allocated.append({x(s.seconds), y(s.allocated)});
  }
  QColor accent = palette().color(QPalette::Highlight);
  QColor light = accent;
  light.setAlpha(70);
  painter.setPen(Qt::NoPen);
  painter.setBrush(light);
  painter.drawPath(areaPath(reserved, area));
  accent.setAlpha(170);
  painter.setBrush(accent);
  painter.drawPath(areaPath(allocated, area));
  painter.setPen(QPen(palette().color(QPalette::Text), 1, Qt::DashLine));
  const double totalY = y(m_samples.back().total);
  painter.drawLine(QPointF(area.left(), totalY), QPointF(area.right(), totalY));
}

}  // namespace gesso::ui
