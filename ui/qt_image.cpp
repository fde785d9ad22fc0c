#include "ui/qt_image.h"

#include <cstring>
#include <stdexcept>

namespace gesso::ui {
namespace {

QImage::Format formatFor(int channels) {
  switch (channels) {
    case 1: return QImage::Format_Grayscale8;
    case 3: return QImage::Format_RGB888;
    case 4: return QImage::Format_RGBA8888;
    default: throw std::invalid_argument("an image has 1, 3 or 4 channels, not " + std::to_string(channels));
  }
}

// QImage rows are padded to 4 bytes; the engine's are packed.
gesso::Image packRows(const QImage& image, int channels) {
  gesso::Image out{image.width(), image.height(), channels, {}};
  const size_t row = size_t(image.width()) * channels;
  out.pixels.resize(row * image.height());
  for (int y = 0; y < image.height(); ++y) std::memcpy(out.pixels.data() + row * y, image.constScanLine(y), row);
  return out;
}

}  // namespace

QImage toQImage(const gesso::Image& image) {
  if (image.empty()) return {};
  gesso::io::check_image(image);
  QImage out(image.width, image.height, formatFor(image.channels));
  const size_t row = size_t(image.width) * image.channels;
  for (int y = 0; y < image.height; ++y) std::memcpy(out.scanLine(y), image.pixels.data() + row * y, row);
  return out;
}

gesso::Image fromQImage(const QImage& image, int channels) {
  formatFor(channels);  // rejects an unsupported count before any work
  if (image.isNull()) return {};
  // A colour picture made gray goes through the engine's PIL-exact luma, not Qt's own weights, so a
  // mask painted in colour binarises as diffusers would binarise it.
  if (channels == 1 && image.format() != QImage::Format_Grayscale8)
    return gesso::io::to_gray(packRows(image.convertToFormat(QImage::Format_RGB888), 3));
  return packRows(image.format() == formatFor(channels) ? image : image.convertToFormat(formatFor(channels)),
                  channels);
}

}  // namespace gesso::ui
