// Outpainting's canvas growth (io::extend_canvas): sizes, the old pixels kept, the mask over the
// new area and the overlap, each fill, and the refusals.
#include <QtTest>

#include <cstdlib>
#include <string>

#include "engine/error.h"
#include "engine/io/canvas_extend.h"
#include "engine/io/image.h"

using gesso::Image;
using gesso::io::CanvasExtension;
using gesso::io::CanvasFill;
using gesso::io::extend_canvas;

namespace {

// Each pixel's colour tells where it was: r = x, g = y, b = a fixed value.
Image gradient(int w, int h) {
  Image image = gesso::io::make_image(w, h, 3);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint8_t* p = image.at(x, y);
      p[0] = static_cast<uint8_t>(x);
      p[1] = static_cast<uint8_t>(y);
      p[2] = 77;
    }
  return image;
}

bool oldPixelsKept(const Image& grown, const Image& old, int left, int top) {
  for (int y = 0; y < old.height; ++y)
    for (int x = 0; x < old.width; ++x)
      for (int c = 0; c < old.channels; ++c)
        if (grown.at(x + left, y + top)[c] != old.at(x, y)[c]) return false;
  return true;
}

std::string errorOf(const Image& image, const CanvasExtension& e) {
  try {
    extend_canvas(image, e);
  } catch (const gesso::Error& error) {
    return error.what();
  }
  return {};
}

}  // namespace

class TestCanvasExtend : public QObject {
  Q_OBJECT

 private slots:
  void defaultsAreReplicateWithAnOverlapOf8() {
    const CanvasExtension e;
    QCOMPARE(e.left + e.right + e.top + e.bottom, 0);
    QCOMPARE(e.overlap, 8);
    QVERIFY(e.fill == CanvasFill::kReplicate);
  }

  // The brief's case: 64 columns on the left of a 128x128 image.
  void extendLeftBy64() {
    const Image old = gradient(128, 128);
    CanvasExtension e;
    e.left = 64;
    const auto grown = extend_canvas(old, e);
    QCOMPARE(grown.image.width, 192);
    QCOMPARE(grown.image.height, 128);
    QCOMPARE(grown.image.channels, 3);
    QCOMPARE(grown.mask.width, 192);
    QCOMPARE(grown.mask.height, 128);
    QCOMPARE(grown.mask.channels, 1);
    QVERIFY(oldPixelsKept(grown.image, old, 64, 0));
    // White on the new 64 columns and the 8 of overlap, black on the rest.
    for (int y = 0; y < 128; ++y)
      for (int x = 0; x < 192; ++x) {
        const uint8_t expected = x < 64 + 8 ? 255 : 0;
        if (*grown.mask.at(x, y) != expected) QFAIL(qPrintable(QString("mask at %1,%2").arg(x).arg(y)));
      }
    // Replicate: every new pixel is the first column's.
    for (int y = 0; y < 128; y += 17)
      for (int x = 0; x < 64; x += 9) {
        QCOMPARE(int(grown.image.at(x, y)[0]), 0);
        QCOMPARE(int(grown.image.at(x, y)[1]), y);
        QCOMPARE(int(grown.image.at(x, y)[2]), 77);
      }
  }

  void everySideAndAnOverlapOfItsOwn() {
    const Image old = gradient(40, 32);
    CanvasExtension e;
    e.left = 8;
    e.right = 16;
    e.top = 24;
    e.bottom = 8;
    e.overlap = 4;
    const auto grown = extend_canvas(old, e);
    QCOMPARE(grown.image.width, 40 + 8 + 16);
    QCOMPARE(grown.image.height, 32 + 24 + 8);
    QVERIFY(oldPixelsKept(grown.image, old, 8, 24));
    // The kept rect: the old image less 4 px along every extended side.
    for (int y = 0; y < grown.mask.height; ++y)
      for (int x = 0; x < grown.mask.width; ++x) {
        const bool kept = x >= 8 + 4 && x < 8 + 40 - 4 && y >= 24 + 4 && y < 24 + 32 - 4;
        if (*grown.mask.at(x, y) != (kept ? 0 : 255)) QFAIL(qPrintable(QString("mask at %1,%2").arg(x).arg(y)));
      }
    // Replicate at the corners: the old corner pixel.
    QCOMPARE(int(grown.image.at(0, 0)[0]), 0);
    QCOMPARE(int(grown.image.at(0, 0)[1]), 0);
    QCOMPARE(int(grown.image.at(grown.image.width - 1, grown.image.height - 1)[0]), 39);
    QCOMPARE(int(grown.image.at(grown.image.width - 1, grown.image.height - 1)[1]), 31);
  }

  // Sides not extended get no overlap: only the extended side's seam is repainted.
  void overlapOnlyAlongExtendedSides() {
    CanvasExtension e;
    e.bottom = 8;
    const auto grown = extend_canvas(gradient(16, 16), e);
    QCOMPARE(int(*grown.mask.at(0, 0)), 0);
    QCOMPARE(int(*grown.mask.at(15, 7)), 0);
    QCOMPARE(int(*grown.mask.at(0, 8)), 255);  // the overlap: the old image's last 8 rows
    QCOMPARE(int(*grown.mask.at(15, 23)), 255);
  }

  // An overlap larger than the image masks all of it, without going out of bounds.
  void overlapLargerThanTheImage() {
    CanvasExtension e;
    e.left = 8;
    e.right = 8;
    e.overlap = 100;
    const auto grown = extend_canvas(gradient(10, 6), e);
    for (uint8_t v : grown.mask.pixels) QCOMPARE(int(v), 255);
  }

  void reflectMirrorsTheEdge() {
    CanvasExtension e;
    e.right = 8;
    e.fill = CanvasFill::kReflect;
    const auto grown = extend_canvas(gradient(32, 8), e);
    // BORDER_REFLECT_101: column 32 mirrors column 30, column 33 column 29.
    QCOMPARE(int(grown.image.at(32, 3)[0]), 30);
    QCOMPARE(int(grown.image.at(33, 3)[0]), 29);
    QCOMPARE(int(grown.image.at(39, 3)[0]), 23);
    QCOMPARE(int(grown.image.at(39, 3)[1]), 3);
  }

  // The blurred edge: no streaks along the new area (neighbouring rows run together), the edge's
  // colours (between the old extremes), and the old pixels untouched.
  void blurredEdgeSmoothsTheNewArea() {
    Image stripes = gesso::io::make_image(32, 32, 3);
    for (int y = 0; y < 32; ++y)
      for (int x = 0; x < 32; ++x)
        for (int c = 0; c < 3; ++c) stripes.at(x, y)[c] = (y / 2) % 2 ? 255 : 0;
    CanvasExtension e;
    e.left = 32;
    const auto replicated = extend_canvas(stripes, e);
    e.fill = CanvasFill::kBlurredEdge;
    const auto blurred = extend_canvas(stripes, e);
    QVERIFY(oldPixelsKept(blurred.image, stripes, 32, 0));
    QCOMPARE(int(replicated.image.at(0, 2)[0]), 255);  // replicate streaks the stripes outwards
    QCOMPARE(int(replicated.image.at(0, 0)[0]), 0);
    for (int y = 12; y <= 20; ++y) {  // away from the top and bottom, where the edge rows weigh in
      const int v = blurred.image.at(4, y)[0];
      if (std::abs(v - 128) > 40) QFAIL(qPrintable(QString("row %1 is %2: not blurred").arg(y).arg(v)));
    }
    QCOMPARE(blurred.mask.pixels, replicated.mask.pixels);  // the fill does not change the mask
  }

  void grayAndRgbaKeepTheirChannels() {
    Image gray = gesso::io::make_image(16, 16, 1);
    Image rgba = gesso::io::make_image(16, 16, 4);
    CanvasExtension e;
    e.top = 8;
    QCOMPARE(extend_canvas(gray, e).image.channels, 1);
    QCOMPARE(extend_canvas(rgba, e).image.channels, 4);
    QCOMPARE(extend_canvas(rgba, e).image.height, 24);
  }

  void nothingToExtendGivesAnEmptyMask() {
    const Image old = gradient(16, 8);
    const auto same = extend_canvas(old, CanvasExtension{});
    QCOMPARE(same.image.pixels, old.pixels);
    for (uint8_t v : same.mask.pixels) QCOMPARE(int(v), 0);
  }

  void refusesBadExtensions() {
    const Image old = gradient(16, 16);
    CanvasExtension e;
    e.left = 60;
    const std::string notEight = errorOf(old, e);
    QVERIFY2(notEight.find("left") != std::string::npos && notEight.find("multiple of 8") != std::string::npos &&
                 notEight.find("56 or 64") != std::string::npos,
             notEight.c_str());
    e = {};
    e.bottom = -8;
    QVERIFY(errorOf(old, e).find("bottom") != std::string::npos);
    e = {};
    e.top = 4096;
    QVERIFY(errorOf(old, e).find("more than 2048") != std::string::npos);
    e = {};
    e.overlap = -1;
    QVERIFY(errorOf(old, e).find("overlap") != std::string::npos);
    QVERIFY(errorOf(Image{}, CanvasExtension{}).find("no image") != std::string::npos);
  }

  void fillNames() {
    QCOMPARE(std::string(gesso::io::to_string(CanvasFill::kReplicate)), std::string("replicate"));
    QCOMPARE(std::string(gesso::io::to_string(CanvasFill::kBlurredEdge)), std::string("blurred edge"));
  }
};

QTEST_APPLESS_MAIN(TestCanvasExtend)
#include "test_canvas_extend.moc"
