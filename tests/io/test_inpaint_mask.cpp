// A1111's inpainting mask operations: mask blur, "only masked" crop region, crop and paste-back,
// the feathered composite (unmasked pixels bit-identical), and "masked content: fill".
#include <QtTest>

#include <algorithm>
#include <cmath>

#include "engine/error.h"
#include "engine/io/image.h"
#include "engine/pipelines/inpaint_mask.h"

using gesso::Image;
using gesso::pipelines::CropRegion;

namespace {

Image noise(int w, int h, int channels, unsigned seed) {
  Image image = gesso::io::make_image(w, h, channels);
  unsigned s = seed * 2654435761u + 1;
  for (auto& p : image.pixels) {
    s = s * 1103515245u + 12345u;
    p = static_cast<uint8_t>(s >> 16);
  }
  return image;
}

// 255 inside the rectangle, 0 outside.
Image rect_mask(int w, int h, int x0, int y0, int x1, int y1) {
  Image mask = gesso::io::make_image(w, h, 1);
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) *mask.at(x, y) = 255;
  }
  return mask;
}

Image flat(int w, int h, uint8_t r, uint8_t g, uint8_t b) {
  Image image = gesso::io::make_image(w, h, 3);
  for (size_t i = 0; i < image.pixels.size(); i += 3) {
    image.pixels[i] = r;
    image.pixels[i + 1] = g;
    image.pixels[i + 2] = b;
  }
  return image;
}

bool same_pixel(const Image& a, const Image& b, int x, int y) {
  return std::equal(a.at(x, y), a.at(x, y) + a.channels, b.at(x, y));
}

}  // namespace

class TestInpaintMask : public QObject {
  Q_OBJECT

 private slots:
  void blurWidensSoftly() {
    const Image mask = rect_mask(64, 64, 16, 16, 48, 48);
    const Image blurred = gesso::pipelines::blur_mask(mask, 4);
    QCOMPARE(blurred.channels, 1);
    // The kernel has 2*int(2.5*4+0.5)+1 = 21 taps: pixels more than 10 px from the edge keep their value.
    QCOMPARE(*blurred.at(32, 32), uint8_t{255});
    QCOMPARE(*blurred.at(27, 27), uint8_t{255});
    QCOMPARE(*blurred.at(5, 32), uint8_t{0});
    QCOMPARE(*blurred.at(2, 2), uint8_t{0});
    // Across the left edge the value falls from 255 to 0, crossing half-way at the edge.
    QVERIFY(*blurred.at(16, 32) < 255 && *blurred.at(16, 32) > 128);
    QVERIFY(*blurred.at(15, 32) > 0 && *blurred.at(15, 32) < 128);
    QVERIFY(*blurred.at(8, 32) > 0);
    for (int x = 6; x < 32; ++x) QVERIFY(*blurred.at(x, 32) >= *blurred.at(x - 1, 32));
    QVERIFY(*blurred.at(24, 32) > *blurred.at(8, 32));
    // Symmetric about the square's centre.
    for (int d = 0; d < 16; ++d) QCOMPARE(*blurred.at(16 - d, 32), *blurred.at(47 + d, 32));
    QVERIFY(gesso::pipelines::blur_mask(mask, 0).pixels == mask.pixels);
  }

  void maskedRegionContainsMaskAndKeepsAspect() {
    const Image mask = rect_mask(512, 384, 300, 40, 340, 60);  // a 40x20 stroke
    const CropRegion r = gesso::pipelines::masked_region(mask, 32, 512, 512);
    QVERIFY(r.x >= 0 && r.y >= 0 && r.x + r.w <= 512 && r.y + r.h <= 384);
    QVERIFY(r.x <= 300 - 32 && r.y <= 40 && r.x + r.w >= 340 + 32 && r.y + r.h >= 60 + 32);
    QCOMPARE(r.w, r.h);  // square target, room enough: square region (104x104)
    QCOMPARE(r.w, 104);
    QCOMPARE(r.y, 0);  // the 104-high span was shifted down to stay inside the image

    const CropRegion wide = gesso::pipelines::masked_region(mask, 0, 768, 512);
    QVERIFY(std::abs(static_cast<double>(wide.w) / wide.h - 1.5) < 0.05);
    QVERIFY(wide.x <= 300 && wide.x + wide.w >= 340 && wide.y <= 40 && wide.y + wide.h >= 60);
  }

  void maskedRegionClipsToTheImage() {
    // A tall stroke along the right edge of a small image: the region cannot reach the aspect
    // ratio and is clipped instead of leaving the image.
    for (int padding : {0, 8, 500}) {
      const Image mask = rect_mask(100, 60, 90, 5, 100, 55);
      const CropRegion r = gesso::pipelines::masked_region(mask, padding, 1024, 256);
      QVERIFY(r.x >= 0 && r.y >= 0 && r.x + r.w <= 100 && r.y + r.h <= 60);
      QVERIFY(r.x <= 90 && r.x + r.w == 100 && r.y <= 5 && r.y + r.h >= 55);
    }
    QVERIFY_THROWS_EXCEPTION(gesso::RequestError,
                             gesso::pipelines::masked_region(gesso::io::make_image(8, 8, 1), 4, 64, 64));
  }

  void cropAndPasteBack() {
    const Image original = noise(96, 64, 3, 1);
    const CropRegion r{10, 20, 40, 30};
    const Image piece = gesso::pipelines::crop(original, r);
    QCOMPARE(piece.width, 40);
    QVERIFY(same_pixel(piece, gesso::pipelines::crop(original, {10, 20, 1, 1}), 0, 0));
    // Pasting the crop back at its own size is the identity.
    QVERIFY(gesso::pipelines::paste_back(original, piece, r).pixels == original.pixels);
    // A generated region at processing size (here 80x60) is resized into the region only.
    const Image pasted = gesso::pipelines::paste_back(original, flat(80, 60, 9, 99, 199), r);
    for (int y = 0; y < 64; ++y) {
      for (int x = 0; x < 96; ++x) {
        const bool inside = x >= 10 && x < 50 && y >= 20 && y < 50;
        if (inside) QCOMPARE(pasted.at(x, y)[1], uint8_t{99});
        else QVERIFY(same_pixel(pasted, original, x, y));
      }
    }
    // RGB generated into an RGBA original keeps the original's alpha.
    const Image rgba = noise(96, 64, 4, 2);
    const Image pasted_rgba = gesso::pipelines::paste_back(rgba, flat(40, 30, 1, 2, 3), r);
    QCOMPARE(pasted_rgba.at(15, 25)[3], rgba.at(15, 25)[3]);
    QCOMPARE(pasted_rgba.at(15, 25)[2], uint8_t{3});
    QVERIFY_THROWS_EXCEPTION(gesso::RequestError, gesso::pipelines::crop(original, {90, 0, 10, 10}));
  }

  void compositeKeepsUnmaskedPixelsExactly() {
    const Image original = noise(80, 60, 3, 3);
    const Image generated = noise(80, 60, 3, 4);
    const Image mask = gesso::pipelines::blur_mask(rect_mask(80, 60, 20, 15, 60, 45), 4);
    const Image out = gesso::pipelines::composite(original, generated, mask);
    int feathered = 0;
    for (int y = 0; y < 60; ++y) {
      for (int x = 0; x < 80; ++x) {
        const int m = *mask.at(x, y);
        if (m == 0) QVERIFY(same_pixel(out, original, x, y));
        else if (m == 255) QVERIFY(same_pixel(out, generated, x, y));
        else {
          ++feathered;
          for (int c = 0; c < 3; ++c) {  // between the two, at the mask's proportion
            const double want = (original.at(x, y)[c] * (255 - m) + generated.at(x, y)[c] * m) / 255.0;
            QVERIFY(std::abs(out.at(x, y)[c] - want) <= 0.5 + 1e-9);
          }
        }
      }
    }
    QVERIFY(feathered > 100);  // the blur made a soft border: no seam
  }

  void sizeMismatchIsMaskError() {
    const Image image = noise(64, 64, 3, 5);
    const Image mask = rect_mask(32, 64, 0, 0, 10, 10);
    for (auto call : {+[](const Image& i, const Image& m) { gesso::pipelines::composite(i, i, m); },
                      +[](const Image& i, const Image& m) { gesso::pipelines::fill_masked(i, m); }}) {
      try {
        call(image, mask);
        QFAIL("no error");
      } catch (const gesso::RequestError& e) {
        QCOMPARE(QString::fromStdString(e.field()), QString("mask"));
        QVERIFY(std::string(e.what()).find("32x64") != std::string::npos);
      }
    }
  }

  void fillDiffusesSurroundingColours() {
    // A flat image: whatever the hole, it fills with that colour (no black holes, no drift).
    for (const auto& [w, h, x0, y0, x1, y1] : std::vector<std::array<int, 6>>{
             {64, 64, 16, 16, 48, 48}, {300, 200, 2, 2, 298, 198}, {97, 33, 0, 0, 60, 33}}) {
      const Image image = flat(w, h, 200, 120, 40);
      Image scribbled = image;
      const Image mask = rect_mask(w, h, x0, y0, x1, y1);
      for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) std::fill_n(scribbled.at(x, y), 3, uint8_t{0});  // content to replace
      }
      const Image filled = gesso::pipelines::fill_masked(scribbled, mask);
      int worst = 0;
      for (size_t i = 0; i < filled.pixels.size(); ++i) {
        worst = std::max(worst, std::abs(filled.pixels[i] - image.pixels[i]));
      }
      QVERIFY2(worst <= 1, qPrintable(QString("worst %1 for %2x%3").arg(worst).arg(w).arg(h)));
    }
  }

  void fillKeepsUnmaskedAndFollowsNeighbours() {
    // Left half blue, right half green, a band masked down the middle.
    Image image = flat(120, 40, 0, 0, 255);
    for (int y = 0; y < 40; ++y) {
      for (int x = 60; x < 120; ++x) {
        image.at(x, y)[1] = 255;
        image.at(x, y)[2] = 0;
      }
    }
    Image noisy = image;
    const Image content = noise(120, 40, 3, 6);
    const Image mask = rect_mask(120, 40, 40, 0, 80, 40);
    for (int y = 0; y < 40; ++y) {
      for (int x = 40; x < 80; ++x) std::copy_n(content.at(x, y), 3, noisy.at(x, y));
    }
    const Image filled = gesso::pipelines::fill_masked(noisy, mask);
    for (int y = 0; y < 40; ++y) {
      for (int x = 0; x < 120; ++x) {
        if (x < 40 || x >= 80) QVERIFY(same_pixel(filled, noisy, x, y));
      }
    }
    const uint8_t* near_blue = filled.at(42, 20);
    const uint8_t* near_green = filled.at(77, 20);
    QVERIFY(near_blue[2] > near_blue[1] + 100);
    QVERIFY(near_green[1] > near_green[2] + 100);
    QVERIFY(near_blue[0] < 10 && near_green[0] < 10);  // no colour that is in neither neighbour
    // Everything masked: nothing to diffuse from, returned unchanged.
    const Image all = rect_mask(120, 40, 0, 0, 120, 40);
    QVERIFY(gesso::pipelines::fill_masked(noisy, all).pixels == noisy.pixels);
  }
};

QTEST_GUILESS_MAIN(TestInpaintMask)
#include "test_inpaint_mask.moc"
