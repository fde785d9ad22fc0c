#pragma once
// The one crossing between the engine's images and Qt's (ARCHITECTURE.md: the UI converts at the
// boundary). Both directions copy the pixels, so neither side can change the other's buffer.
#include <QImage>

#include "engine/io/image.h"

namespace gesso::ui {

// 1 channel -> Grayscale8, 3 -> RGB888, 4 -> RGBA8888. An empty image gives a null QImage.
QImage toQImage(const gesso::Image& image);

// `channels` 1 (gray, as PIL's convert("L"), for masks), 3 (RGB) or 4 (RGBA); any QImage format is
// converted first. A null QImage gives an empty Image.
gesso::Image fromQImage(const QImage& image, int channels);

}  // namespace gesso::ui
